import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.js';

/** Where a benchmark's database lives, so that it can be closed and opened again (a restart). */
export interface BenchDatabaseTarget {
  kind: 'pglite' | 'postgres';
  /** A title for tables: "PGlite" or "PostgreSQL". */
  label: string;
  open(): Promise<Database>;
  /** Removes the database (the temporary directory, or the PostgreSQL database). */
  destroy(): Promise<void>;
}

/** The embedded database in a fresh temporary data directory on disk (not `memory://`). */
export async function createPgliteTarget(): Promise<BenchDatabaseTarget> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-bench-'));
  return {
    kind: 'pglite',
    label: 'PGlite',
    open: () => openDatabase({ dataDir }),
    destroy: () => fs.rm(dataDir, { recursive: true, force: true }),
  };
}

async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database `name` on the PostgreSQL server of `serverUrl` (dropped first if a previous run left
 * it behind), dropped again by `destroy()`.
 */
export async function createPostgresTarget(
  serverUrl: string,
  name = 'pobratim_bench',
): Promise<BenchDatabaseTarget> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid database name ${name}.`);
  await runAdmin(serverUrl, `drop database if exists ${name} with (force)`);
  await runAdmin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' }),
    destroy: () => runAdmin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/** The server's version, e.g. "17.5" for PGlite 0.3 or "15.20" for a Debian PostgreSQL. */
export async function serverVersion(database: Database): Promise<string> {
  const { rows } = await sql<{
    version: string;
  }>`select current_setting('server_version') as version`.execute(database.db);
  return rows[0]?.version.split(' ')[0] ?? 'unknown';
}
