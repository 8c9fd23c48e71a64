import path from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { PgliteWorkerClient, PgliteWorkerDialect } from './pglite-dialect.js';
import type { Tables } from './tables.js';

// int8 (counts, populations, GeoNames ids) as numbers: every such value here is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Anything that runs queries: the database itself or an open transaction. Repositories take this. */
export type Executor = Kysely<Tables> | Transaction<Tables>;

/** An open database, embedded or server. */
export interface Database {
  db: Kysely<Tables>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; absent opens the embedded database. */
  databaseUrl?: string | undefined;
  /** The data directory of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

// `organisationAId` must become `organisation_a_id`, not `organisation_aid`.
const kyselyPlugins = [new CamelCasePlugin({ underscoreBetweenUppercaseLetters: true })];

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database under an exclusive lock. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

function openPostgres(connectionString: string): Database {
  // Short queries only: JIT compilation costs more than it saves (measured in docs/benchmarks.md).
  const pool = new pg.Pool({ connectionString, max: 10, options: '-c jit=off' });
  // A connection the server closes (a restart, a dropped database) is discarded by the pool and replaced
  // on the next query; without a listener the idle client's error would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: kyselyPlugins });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const lock: DataDirLock | undefined = inMemory ? undefined : lockDataDir(dataDir);
  try {
    // PGlite runs in its own thread so that queries never block the HTTP server's event loop.
    const client = new PgliteWorkerClient(inMemory ? dataDir : path.join(dataDir, 'pglite'));
    await client.ready;
    const db = new Kysely<Tables>({ dialect: new PgliteWorkerDialect(client), plugins: kyselyPlugins });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        // Kysely only destroys a driver that ran a query; the thread must stop either way.
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
