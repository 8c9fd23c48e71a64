import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { listMigrations, migrateToLatest, migrationsDir } from '../../platform/db/migrate.js';
import { makeOrganisation } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { contentsOf, fillEveryTable, tablesWithoutRows } from '../../../test/every-table.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, hasPostgres, type TestDatabase } from '../../../test/test-database.js';
import { createBackupService } from './backup.service.js';

const actor = systemActor('test');

/** Writes a backup of `database` into memory. */
async function backupOf(database: TestDatabase): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await createBackupService(database).write(actor, sink);
  return Buffer.concat(chunks);
}

const restore = (database: TestDatabase, file: Buffer, replace = false) =>
  createBackupService(database).restore(actor, Readable.from([file]), { replace });

/** Both directions between the two kinds when PostgreSQL is there; PGlite to PGlite without it. */
type Kind = 'pglite' | 'postgres';
const directions: [Kind, Kind][] = hasPostgres
  ? [
      ['pglite', 'postgres'],
      ['postgres', 'pglite'],
    ]
  : [['pglite', 'pglite']];

describe.each(directions)('a backup from %s restored into %s', (from, to) => {
  let t: TestApp;
  let file: Buffer;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    t = await createTestApp({
      database: await createTestDatabase({ kind: from }),
      outboxDir: await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-backup-outbox-')),
    });
    await fillEveryTable(t);
    before = await contentsOf(t.database);
    file = await backupOf(t.database);
  });

  afterAll(async () => {
    await t.close();
  });

  it('starts from a database with rows in every table of the schema', async () => {
    // A table a migration adds and the fixture does not fill would prove nothing: fill it in test/every-table.ts.
    expect(await tablesWithoutRows(t.database)).toEqual([]);
  });

  it('gives an identical database: every table, row by row, and every sequence', async () => {
    const target = await createTestDatabase({ kind: to, unmigrated: true });
    try {
      const summary = await restore(target, file);
      expect(summary).toMatchObject({ replaced: false, migrated: [] });
      const after = await contentsOf(target);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    } finally {
      await target.close();
    }
  });

  it('restores into a migrated database that holds no data', async () => {
    const target = await createTestDatabase({ kind: to });
    try {
      await restore(target, file);
      expect(await contentsOf(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });
});

/** The lines of a backup file, and a file made of lines again. */
const linesOf = (file: Buffer) => gunzipSync(file).toString('utf8').trimEnd().split('\n');
const fileOf = (lines: string[]) => gzipSync(`${lines.join('\n')}\n`);

describe('restoring', () => {
  let t: TestApp;
  let file: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    await makeOrganisation(t.app, {
      names: [{ name: 'Celje', language: 'sl', kind: 'official' }],
      country: 'SI',
    });
    file = await backupOf(t.database);
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses a database that holds data, changing nothing, and replaces it when told to', async () => {
    const target = await createTestDatabase();
    try {
      const other = await createTestApp({ database: target });
      await makeOrganisation(other.app);
      const held = await contentsOf(target);
      await expect(restore(target, file)).rejects.toMatchObject({
        code: 'backup.target_not_empty',
        status: 409,
      });
      expect(await contentsOf(target)).toEqual(held);
      const summary = await restore(target, file, true);
      expect(summary.replaced).toBe(true);
      expect(await contentsOf(target)).toEqual(await contentsOf(t.database));
    } finally {
      await target.close();
    }
  });

  it('refuses a cut-off file and leaves the database as it was', async () => {
    const target = await createTestDatabase({ unmigrated: true });
    try {
      const lines = linesOf(file);
      await expect(
        restore(target, fileOf([...lines.slice(0, -1), '{"end": "wrong"}'])),
      ).rejects.toMatchObject({ code: 'backup.corrupt' });
      await expect(restore(target, fileOf(lines.slice(0, -1)))).rejects.toMatchObject({
        code: 'backup.truncated',
      });
      await expect(restore(target, fileOf(lines.slice(0, lines.length - 40)))).rejects.toMatchObject({
        code: 'backup.truncated',
      });
      expect(await tableCount(target)).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('refuses what is not a backup, and a backup from a newer schema', async () => {
    const target = await createTestDatabase({ unmigrated: true });
    try {
      await expect(restore(target, Buffer.from('{"format": "pobratim-dump"}'))).rejects.toMatchObject({
        code: 'backup.format_unknown',
      });
      await expect(restore(target, fileOf(['{"format": "pobratim-dump"}']))).rejects.toMatchObject({
        code: 'backup.format_unknown',
      });
      const [header, ...rest] = linesOf(file);
      const newer = JSON.parse(header!) as { migrations: string[] };
      newer.migrations.push('9999_from_the_future');
      await expect(restore(target, fileOf([JSON.stringify(newer), ...rest]))).rejects.toMatchObject({
        code: 'backup.schema_newer',
      });
    } finally {
      await target.close();
    }
  });

  it('refuses a backup that lacks a table of its schema (the coverage guard)', async () => {
    const lines = linesOf(file);
    const header = JSON.parse(lines[0]!) as { tables: { name: string; rows: number }[] };
    // Take out the contacts table: its header entry and its table line (it has no rows here).
    const at = lines.findIndex((line) => line.startsWith('{"table":"contacts"'));
    expect(JSON.parse(lines[at]!)).toMatchObject({ rows: 0 });
    header.tables = header.tables.filter((table) => table.name !== 'contacts');
    const end = JSON.parse(lines.at(-1)!) as { tables: number };
    end.tables -= 1;
    const cut = [
      JSON.stringify(header),
      ...lines.slice(1, at),
      ...lines.slice(at + 1, -1),
      JSON.stringify(end),
    ];
    const target = await createTestDatabase({ unmigrated: true });
    try {
      await expect(restore(target, fileOf(cut))).rejects.toMatchObject({
        code: 'backup.tables_mismatch',
        message: expect.stringContaining('it lacks contacts') as unknown,
      });
    } finally {
      await target.close();
    }
  });

  it('fails the every-table check for a table a new migration adds without rows in the fixture', async () => {
    const probe = await createTestDatabase({ kind: 'pglite' });
    try {
      await sql`create table guard_probe (id integer primary key)`.execute(probe.db);
      expect(await tablesWithoutRows(probe)).toContain('guard_probe');
    } finally {
      await probe.close();
    }
  });

  it('restores a backup of an older schema and runs the later migrations after it', async () => {
    const all = await listMigrations();
    const older = all.slice(0, -2);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-older-migrations-'));
    for (const name of older)
      await fs.copyFile(path.join(migrationsDir, `${name}.sql`), path.join(dir, `${name}.sql`));
    const source = await createTestDatabase({ unmigrated: true });
    const target = await createTestDatabase({ unmigrated: true });
    try {
      await migrateToLatest(source.db, dir);
      await writeFixtures(source, (trx) =>
        sql`insert into sources (id, kind, title) values
          ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'web_page', 'Grad Niš: međunarodna saradnja')`.execute(
          trx,
        ),
      );
      const summary = await restore(target, await backupOf(source));
      expect(summary.migrated).toEqual(all.slice(-2));
      const migrations = await sql<{
        name: string;
      }>`select name from schema_migrations order by name`.execute(target.db);
      expect(migrations.rows.map((row) => row.name)).toEqual(all);
      const sources = await sql<{ title: string; version: number }>`
        select title, version from sources`.execute(target.db);
      expect(sources.rows).toEqual([{ title: 'Grad Niš: međunarodna saradnja', version: 1 }]);
      const audit = await sql<{ count: string }>`
        select count(*)::text as count from audit_events where entity = 'source'`.execute(target.db);
      expect(audit.rows[0]?.count).toBe('1');
    } finally {
      await source.close();
      await target.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

/** How many tables the database's schema has. */
async function tableCount(database: TestDatabase): Promise<number> {
  const result = await sql<{ count: string }>`
    select count(*)::text as count from information_schema.tables where table_schema = 'public'`.execute(
    database.db,
  );
  return Number(result.rows[0]?.count);
}
