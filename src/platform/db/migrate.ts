import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Executor } from './database.js';
import type { Tables } from './tables.js';

/** Where the versioned SQL files live: `migrations/NNNN_name.sql` at the repository root. */
export const migrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

/** A migration key for `pg_advisory_xact_lock`, so that two servers starting at once migrate one at a time. */
const migrationLockKey = 7_302_115_001;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** The names of the migration files (without `.sql`), in the order they apply. */
export async function listMigrations(dir = migrationsDir): Promise<string[]> {
  return (await fs.readdir(dir))
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => file.replace(/\.sql$/, ''));
}

/** Creates the table that records applied migrations, if it is missing. */
export async function ensureMigrationsTable(db: Executor): Promise<void> {
  await sql`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`.execute(db);
}

/** Runs one migration file and records it, in the caller's transaction. */
export async function applyMigration(
  trx: Transaction<Tables>,
  name: string,
  dir = migrationsDir,
): Promise<void> {
  const text = await fs.readFile(path.join(dir, `${name}.sql`), 'utf8');
  // A migration that changes registry rows is audited like any other writer.
  await sql`select set_config('pobratim.actor', 'system:migrate', true)`.execute(trx);
  await sql.raw(text).execute(trx);
  await trx.insertInto('schemaMigrations').values({ name }).execute();
}

/** Serialises migrations across processes sharing one database, for the rest of the transaction. */
export async function lockMigrations(trx: Transaction<Tables>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${migrationLockKey})`.execute(trx);
}

/**
 * Applies every migration file not yet applied, in name order, each in its own transaction.
 * Migrations are forward-only: a file once applied is never changed.
 */
export async function migrateToLatest(db: Kysely<Tables>, dir = migrationsDir): Promise<MigrationResult> {
  const names = await listMigrations(dir);
  await ensureMigrationsTable(db);

  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const name of names) {
    const ran = await db.transaction().execute(async (trx) => {
      await lockMigrations(trx);
      const done = await trx
        .selectFrom('schemaMigrations')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (done) return false;
      await applyMigration(trx, name, dir);
      return true;
    });
    if (ran) applied.push(name);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}
