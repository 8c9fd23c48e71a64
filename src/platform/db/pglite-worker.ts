/**
 * The embedded database's own thread. PGlite runs PostgreSQL compiled to WebAssembly on the thread that
 * calls it; here that is a worker, so a slow query never stalls the HTTP server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Results } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type {
  SerialisedDatabaseError,
  WorkerInit,
  WorkerRequest,
  WorkerResponse,
} from './pglite-protocol.js';

const port = parentPort;
if (!port) throw new Error('pglite-worker must run in a worker thread');

function serialise(error: unknown): SerialisedDatabaseError {
  const source = error as Record<string, unknown>;
  const pick = (key: string) => (typeof source[key] === 'string' ? (source[key] as string) : undefined);
  return {
    message: error instanceof Error ? error.message : String(error),
    code: pick('code'),
    constraint: pick('constraint'),
    detail: pick('detail'),
    table: pick('table'),
    column: pick('column'),
    severity: pick('severity'),
  };
}

function send(response: WorkerResponse): void {
  port!.postMessage(response);
}

const { dataDir } = workerData as WorkerInit;
let pglite: PGlite;
try {
  pglite = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  send({ id: 0, ready: true });
} catch (error) {
  send({ id: 0, ready: false, error: serialise(error) });
  process.exit(1);
}

function resultOf(id: number, result: Results | undefined): WorkerResponse {
  return {
    id,
    ok: true,
    rows: (result?.rows ?? []) as Record<string, unknown>[],
    affectedRows: result?.affectedRows,
    command: (result as { command?: string } | undefined)?.command,
  };
}

port.on('message', async (request: WorkerRequest) => {
  try {
    switch (request.kind) {
      case 'query':
        send(resultOf(request.id, await pglite.query(request.sql, [...request.parameters])));
        break;
      case 'exec': {
        const results = await pglite.exec(request.sql);
        send(resultOf(request.id, results.at(-1)));
        break;
      }
      case 'close':
        await pglite.close();
        send({ id: request.id, ok: true, rows: [] });
        port.close();
        break;
    }
  } catch (error) {
    send({ id: request.id, ok: false, error: serialise(error) });
  }
});
