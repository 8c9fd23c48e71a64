import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
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

/**
 * Applies every migration file not yet applied, in name order, each in its own transaction.
 * Migrations are forward-only: a file once applied is never changed.
 */
export async function migrateToLatest(db: Kysely<Tables>, dir = migrationsDir): Promise<MigrationResult> {
  const files = (await fs.readdir(dir)).filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file)).sort();
  await sql`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`.execute(db);

  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const file of files) {
    const name = file.replace(/\.sql$/, '');
    const ran = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${migrationLockKey})`.execute(trx);
      const done = await trx
        .selectFrom('schemaMigrations')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (done) return false;
      const text = await fs.readFile(path.join(dir, file), 'utf8');
      // A migration that changes registry rows is audited like any other writer.
      await sql`select set_config('pobratim.actor', 'system:migrate', true)`.execute(trx);
      await sql.raw(text).execute(trx);
      await trx.insertInto('schemaMigrations').values({ name }).execute();
      return true;
    });
    if (ran) applied.push(name);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}
