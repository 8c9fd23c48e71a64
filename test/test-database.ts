import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when DATABASE_URL is set, a new
 * database on that PostgreSQL server, dropped again by `close()`.
 */
export interface TestDatabase extends Database {
  /** Connection string of the PostgreSQL test database, when there is one. */
  url?: string;
}

/** Whether the tests run on PostgreSQL too (DATABASE_URL is set). */
export const hasPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabaseOptions {
  /** `pglite` for an embedded one even when DATABASE_URL is set (tests that move data between kinds). */
  kind?: 'pglite' | 'postgres';
  /** Leave the database without any table (no migration run). */
  unmigrated?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.kind === 'pglite' ? undefined : process.env.DATABASE_URL;
  if (options.kind === 'postgres' && !serverUrl)
    throw new Error('A PostgreSQL test database needs DATABASE_URL.');
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    if (!options.unmigrated) await migrateToLatest(database.db);
    return database;
  }
  const name = `pobratim_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  // A test database is thrown away: its commits need not wait for the disk (a slow disk made each
  // migration's and each test's commit the bulk of the PostgreSQL pass).
  await admin.query(`alter database ${name} set synchronous_commit = off`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  if (!options.unmigrated) await migrateToLatest(database.db);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
