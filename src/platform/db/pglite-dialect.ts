import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { QueryAnswer, SerialisedDatabaseError, WorkerCall, WorkerResponse } from './pglite-protocol.js';

/** A PostgreSQL error raised in the worker, with its SQLSTATE `code`, like node-postgres's errors. */
export class PgliteDatabaseError extends Error {
  readonly code?: string;
  readonly constraint?: string;
  readonly detail?: string;

  constructor(fields: SerialisedDatabaseError) {
    super(fields.message);
    this.name = 'DatabaseError';
    Object.assign(this, fields);
  }
}

type Pending = { resolve: (response: QueryAnswer) => void; reject: (error: Error) => void };

/** The main thread's end of the PGlite worker: sends requests, matches answers by id. */
export class PgliteWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly ready: Promise<void>;

  constructor(dataDir: string) {
    const self = import.meta.url;
    // From source (tests, `npm run dev`) the worker is TypeScript, loaded through tsx; from dist it is JS.
    const isSource = self.endsWith('.ts');
    const workerUrl = new URL(`./pglite-worker.${isSource ? 'ts' : 'js'}`, self);
    this.worker = isSource
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); });`,
          { eval: true, workerData: { dataDir } },
        )
      : new Worker(workerUrl, { workerData: { dataDir } });
    this.ready = new Promise((resolve, reject) => {
      const onFirst = (message: WorkerResponse) => {
        if ('ready' in message) {
          if (message.ready) resolve();
          else reject(new PgliteDatabaseError(message.error));
        }
      };
      this.worker.once('message', onFirst);
      this.worker.once('error', reject);
    });
    this.worker.on('message', (message: WorkerResponse) => {
      if ('ready' in message) return;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.ok) pending.resolve(message);
      else pending.reject(new PgliteDatabaseError(message.error));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) =>
      this.failAll(new Error(`The embedded database thread stopped (exit code ${code}).`)),
    );
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  request(request: WorkerCall): Promise<QueryAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private closing: Promise<void> | undefined;

  /** Closes the database and stops the thread; later calls wait for the first. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.request({ kind: 'close' });
      await this.worker.terminate();
    })();
    return this.closing;
  }
}

const mutationCommands = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly client: PgliteWorkerClient) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    // Statements without parameters may hold several commands (migrations): they use the simple protocol.
    const response =
      compiledQuery.parameters.length === 0
        ? await this.client.request({ kind: 'exec', sql: compiledQuery.sql })
        : await this.client.request({
            kind: 'query',
            sql: compiledQuery.sql,
            parameters: compiledQuery.parameters,
          });
    const isMutation = response.command !== undefined && mutationCommands.has(response.command);
    return {
      rows: response.rows as R[],
      ...(isMutation ? { numAffectedRows: BigInt(response.affectedRows ?? 0) } : {}),
    };
  }

  // eslint-disable-next-line require-yield -- streaming is not supported by the embedded database
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the embedded database.');
  }
}

/**
 * One connection, used by one caller at a time: PGlite is a single session, so a transaction holds it
 * and everything else waits in line, as with a node-postgres pool of one.
 */
class PgliteDriver implements Driver {
  private readonly connection: PgliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(private readonly client: PgliteWorkerClient) {
    this.connection = new PgliteConnection(client);
  }

  async init(): Promise<void> {
    await this.client.ready;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise((resolve) => (release = resolve));
    await previous;
    this.release = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.queue;
    await this.client.close();
  }
}

/** Kysely dialect for PGlite running in a worker thread. */
export class PgliteWorkerDialect implements Dialect {
  constructor(private readonly client: PgliteWorkerClient) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PgliteDriver(this.client);
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
