import { once } from 'node:events';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { isAdmin, type Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import {
  applyMigration,
  ensureMigrationsTable,
  listMigrations,
  lockMigrations,
} from '../../platform/db/migrate.js';
import { AppError } from '../../platform/errors.js';
import { appVersion } from '../../version.js';
import {
  backupFormat,
  backupFormatVersion,
  migrationsAfter,
  parseBackupHeader,
  parseEndLine,
  parseTableLine,
  type BackupHeader,
} from './backup.format.js';
import {
  countRows,
  dropSchema,
  emptyTables,
  hasTables,
  insertRows,
  readCatalogue,
  readRows,
  readSequences,
  serverVersion,
  setUserTriggers,
  useCanonicalText,
  writeSequences,
  type CatalogueTable,
} from './backup.repository.js';

/** What a backup holds. */
export interface BackupSummary {
  tables: number;
  rows: number;
  /** The last migration of the schema it was read from. */
  migration: string | undefined;
}

/** What a restore did. */
export interface RestoreSummary {
  tables: number;
  rows: number;
  /** Whether a database holding data was replaced (`--replace`). */
  replaced: boolean;
  /** The migrations run after loading, when the backup came from an older schema. */
  migrated: string[];
}

export interface RestoreOptions {
  /** Replace a database that holds data; without it, such a restore is refused and changes nothing. */
  replace?: boolean;
}

/**
 * Tables that hold rows in a database only migrated, which nobody wrote: the migrations' record and the
 * counters that migrations start. A database with rows anywhere else holds data.
 */
const migrationStateTables: ReadonlySet<string> = new Set([
  'schema_migrations',
  'cooperation_graph_revision',
  'search_index_versions',
]);

/** Rows sent to the database in one statement when restoring. */
const restoreBatch = 2000;

/** Backups of the whole database and their restore (see backup.format.ts for the file). */
export function createBackupService(database: Database) {
  return {
    /**
     * Writes a backup of every table to `output`, read in one consistent snapshot (one transaction,
     * repeatable read), so it may run while the server serves. Only administrators and the system.
     */
    async write(actor: Actor, output: Writable): Promise<BackupSummary> {
      if (!isAdmin(actor)) throw new AppError('access.denied', 403, 'Only administrators make backups.');
      const gzip = createGzip();
      const written = pipeline(gzip, output);
      // A failing destination ends the gzip stream; its error comes from `written`.
      written.catch(() => undefined);
      const put = async (line: string) => {
        if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
      };
      try {
        const summary = await database.db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (trx) => {
            await useCanonicalText(trx);
            const catalogue = await readCatalogue(trx);
            const migrations = (
              await trx.selectFrom('schemaMigrations').select('name').orderBy('name').execute()
            ).map((row) => row.name);
            const tables = [];
            for (const entry of catalogue)
              tables.push({ name: entry.name, rows: await countRows(trx, entry.name) });
            const header: BackupHeader = {
              format: backupFormat,
              formatVersion: backupFormatVersion,
              createdAt: new Date().toISOString(),
              pobratimVersion: appVersion,
              database: { kind: database.kind, serverVersion: await serverVersion(trx) },
              migrations,
              tables,
              sequences: await readSequences(trx),
            };
            await put(JSON.stringify(header));
            let rows = 0;
            for (const [index, entry] of catalogue.entries()) {
              const expected = tables[index]!.rows;
              await put(
                JSON.stringify({
                  table: entry.name,
                  columns: entry.columns.map((c) => c.name),
                  rows: expected,
                }),
              );
              let count = 0;
              for await (const batch of readRows(trx, entry)) {
                await put(batch.join('\n'));
                count += batch.length;
              }
              // The snapshot cannot change under the cursor; a difference is a bug, not a race.
              if (count !== expected)
                throw new Error(`Table ${entry.name}: counted ${expected} rows, read ${count}.`);
              rows += count;
            }
            await put(JSON.stringify({ end: backupFormat, tables: catalogue.length, rows }));
            return { tables: catalogue.length, rows, migration: migrations.at(-1) };
          });
        gzip.end();
        await written;
        return summary;
      } catch (error) {
        gzip.destroy(error as Error);
        throw error;
      }
    },

    /**
     * Restores a backup in one transaction: the schema of the backup's migrations is built, every row
     * loaded as it was (ids, versions, the audit trail, sequences), then the migrations the backup
     * predates run. Into a database that holds data only with `replace`. Any failure changes nothing.
     */
    async restore(actor: Actor, input: Readable, options: RestoreOptions = {}): Promise<RestoreSummary> {
      if (!isAdmin(actor)) throw new AppError('access.denied', 403, 'Only administrators restore backups.');
      const lines = readBackupLines(input);
      try {
        const header = parseBackupHeader(await lines.next());
        const later = migrationsAfter(header.migrations, await listMigrations());
        const result = await database.db.transaction().execute(async (trx) => {
          await lockMigrations(trx);
          await useCanonicalText(trx);
          let replaced = false;
          if (await hasTables(trx)) {
            const held = await tablesWithData(trx);
            if (held.length > 0 && !options.replace) {
              throw new AppError(
                'backup.target_not_empty',
                409,
                `The database holds data (${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''}). ` +
                  'Restore into an empty database, or give --replace to replace everything in it with the backup.',
              );
            }
            replaced = held.length > 0;
            await dropSchema(trx);
          }
          await ensureMigrationsTable(trx);
          for (const name of header.migrations) await applyMigration(trx, name);
          const catalogue = new Map((await readCatalogue(trx)).map((entry) => [entry.name, entry]));
          checkTablesMatch(header, catalogue);
          const names = [...catalogue.keys()];
          await setUserTriggers(trx, names, false);
          await emptyTables(trx, names);
          let rows = 0;
          for (const summary of header.tables) {
            rows += await restoreTable(trx, catalogue.get(summary.name)!, lines, summary.rows);
          }
          parseEndLine(await lines.next(), header);
          await writeSequences(trx, header.sequences);
          await setUserTriggers(trx, names, true);
          for (const name of later) await applyMigration(trx, name);
          return { tables: header.tables.length, rows, replaced, migrated: later };
        });
        return result;
      } finally {
        lines.close();
      }
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

/** Tables holding rows somebody wrote, as `organisations (12)`. */
async function tablesWithData(trx: Parameters<typeof countRows>[0]): Promise<string[]> {
  const held: string[] = [];
  for (const entry of await readCatalogue(trx)) {
    if (migrationStateTables.has(entry.name)) continue;
    const rows = await countRows(trx, entry.name);
    if (rows > 0) held.push(`${entry.name} (${rows})`);
  }
  return held;
}

/** The schema built from the backup's migrations must have exactly the backup's tables and columns. */
function checkTablesMatch(header: BackupHeader, catalogue: Map<string, CatalogueTable>): void {
  const inBackup = new Set(header.tables.map((table) => table.name));
  const missing = [...catalogue.keys()].filter((name) => !inBackup.has(name));
  const unknown = [...inBackup].filter((name) => !catalogue.has(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new AppError(
      'backup.tables_mismatch',
      400,
      `The backup does not cover the schema of its own migrations: ` +
        [
          missing.length > 0 ? `it lacks ${missing.join(', ')}` : '',
          unknown.length > 0 ? `it has tables the schema lacks (${unknown.join(', ')})` : '',
        ]
          .filter(Boolean)
          .join('; ') +
        '. The file is incomplete or was changed.',
    );
  }
}

/** Loads one table's rows from the backup; returns how many. */
async function restoreTable(
  trx: Parameters<typeof insertRows>[0],
  entry: CatalogueTable,
  lines: BackupLines,
  expected: number,
): Promise<number> {
  const table = parseTableLine(await lines.next(), entry.name);
  const columns = entry.columns.map((column) => column.name);
  if (table.rows !== expected || table.columns.join(',') !== columns.join(',')) {
    throw new AppError(
      'backup.tables_mismatch',
      400,
      `Table ${entry.name} in the backup has columns (${table.columns.join(', ')}) where its schema has (${columns.join(', ')}).`,
    );
  }
  // A table that references itself goes in one statement, which PostgreSQL checks as a whole.
  const batchSize = entry.referencesItself ? Number.POSITIVE_INFINITY : restoreBatch;
  let batch: string[] = [];
  for (let index = 0; index < table.rows; index += 1) {
    const line = await lines.next();
    if (line === undefined) {
      throw new AppError(
        'backup.truncated',
        400,
        `The backup ends inside table ${entry.name} (row ${index + 1} of ${table.rows}): the file is incomplete.`,
      );
    }
    batch.push(line);
    if (batch.length >= batchSize) {
      await insertRows(trx, entry, batch);
      batch = [];
    }
  }
  await insertRows(trx, entry, batch);
  return table.rows;
}

interface BackupLines {
  /** The next line, or undefined at the end of the file. */
  next(): Promise<string | undefined>;
  close(): void;
}

/** The lines of a gzip-compressed backup, one at a time; a file that is not gzip is refused clearly. */
function readBackupLines(input: Readable): BackupLines {
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  const reader = readline.createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const iterator = reader[Symbol.asyncIterator]();
  return {
    async next() {
      try {
        const { value, done } = await iterator.next();
        return done ? undefined : value;
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('Z_')) {
          throw new AppError(
            'backup.format_unknown',
            400,
            'This is not a Pobratim backup: it is not gzip-compressed, or the file is damaged.',
          );
        }
        throw error;
      }
    },
    close() {
      reader.close();
      gunzip.destroy();
    },
  };
}
