import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
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
  const pool = new pg.Pool({ connectionString, max: 10 });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: kyselyPlugins });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const lock: DataDirLock | undefined = inMemory ? undefined : lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(inMemory ? dataDir : path.join(dataDir, 'pglite'), {
      extensions: { pg_trgm, unaccent },
    });
    // PGlite is one connection: a pool of one keeps transactions on it and queues everything else.
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: kyselyPlugins });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
