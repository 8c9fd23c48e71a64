import fsSync from 'node:fs';
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
  /** How the benchmark's server process finds the database (see search-server.ts). */
  serverEnv: Record<string, string>;
  /** How `pobratim serve` finds the database (see cli-restart.ts). */
  cliEnv: Record<string, string>;
  /** The PostgreSQL database's name, to find its server processes. */
  databaseName?: string;
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
    serverEnv: { BENCH_DATA_DIR: dataDir },
    cliEnv: { DATABASE_URL: '', POBRATIM_DATA_DIR: dataDir },
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
    serverEnv: { BENCH_DATABASE_URL: url.toString() },
    // The data directory holds only the mail outbox when the database is PostgreSQL.
    cliEnv: { DATABASE_URL: url.toString(), POBRATIM_DATA_DIR: path.join(os.tmpdir(), `${name}-files`) },
    databaseName: name,
    async destroy() {
      await runAdmin(serverUrl, `drop database if exists ${name} with (force)`);
      await fs.rm(path.join(os.tmpdir(), `${name}-files`), { recursive: true, force: true });
    },
  };
}

/** The server's version, e.g. "17.5" for PGlite 0.3 or "15.20" for a Debian PostgreSQL. */
export async function serverVersion(database: Database): Promise<string> {
  const { rows } = await sql<{
    version: string;
  }>`select current_setting('server_version') as version`.execute(database.db);
  return rows[0]?.version.split(' ')[0] ?? 'unknown';
}

/** Linux's USER_HZ, the unit of the CPU times in /proc/<pid>/stat. */
const clockTicks = 100;
const backendTitle = /^postgres: (?:\S+: )?\S+ (\S+) /;

/**
 * CPU milliseconds used so far by the PostgreSQL server processes serving database `name` (Linux: read
 * from /proc, so only for a server on this machine); undefined where that cannot be read.
 */
export function postgresCpuMs(name: string): number | undefined {
  let total = 0;
  let found = false;
  try {
    for (const pid of fsSync.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        // A backend's title: "postgres: [<cluster>: ]<user> <database> <client> <state>".
        const title = fsSync.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (backendTitle.exec(title)?.[1] !== name) continue;
        const fields = fsSync.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        total += ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
        found = true;
      } catch {
        // The process ended meanwhile, or is not ours to read.
      }
    }
  } catch {
    return undefined;
  }
  return found ? total : undefined;
}
