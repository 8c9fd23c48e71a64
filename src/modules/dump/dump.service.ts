import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/helpers.js';
import type { Tables } from '../../platform/db/tables.js';
import { AppError } from '../../platform/errors.js';
import { reindexRegistry } from '../search/search-index.js';

/**
 * Export of the whole registry as one JSON document, and its import. Tables are listed parents first,
 * so an import inserts every referenced row before the rows that reference it. The reference gazetteer
 * (places, countries) ships with the product and the search index is derived, so neither is exported;
 * an import rebuilds the index of the registry's records.
 */
export const dumpTables = [
  'systemState',
  'sources',
  'themes',
  'organisations',
  'names',
  'memberships',
  'partnerships',
  'projects',
  'projectPartners',
  'activities',
  'activityParticipants',
  'programmes',
] as const satisfies readonly (keyof Tables)[];
export type DumpTable = (typeof dumpTables)[number];

export const dumpFormat = 'pobratim-dump';
export const dumpFormatVersion = 1;

type Row = Record<string, unknown>;

export interface Dump {
  format: typeof dumpFormat;
  formatVersion: number;
  /** Migrations applied to the exporting database; an importing database must have them all. */
  migrations: string[];
  exportedAt: string;
  tables: Record<DumpTable, Row[]>;
}

/** What an import did, table by table, and every row it refused with the reason. */
export interface ImportReport {
  tables: Record<string, { inserted: number; unchanged: number; refused: number }>;
  refused: { table: string; key: string; reason: string }[];
}

/** The primary key of each table as exported (system_state is keyed by `key`, the rest by `id`). */
const keyColumn = (table: DumpTable): 'key' | 'id' => (table === 'systemState' ? 'key' : 'id');

/** Values as JSON has them: timestamps as ISO strings; everything else is already JSON-safe. */
function toJsonRow(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      value instanceof Date ? value.toISOString() : value,
    ]),
  );
}

/** Columns of JSON type must be sent as JSON text, or node-postgres would turn arrays into PostgreSQL arrays. */
const jsonColumns: Partial<Record<DumpTable, string[]>> = {
  systemState: ['value'],
  themes: ['labels'],
  organisations: ['description'],
  memberships: ['description'],
  partnerships: ['description'],
  projects: ['title', 'objectives', 'expectedResults', 'description'],
  activities: ['title', 'description', 'outcomes'],
  programmes: ['title', 'adoptedBy', 'decision', 'description'],
};

function toDatabaseRow(table: DumpTable, row: Row): Row {
  const json = jsonColumns[table] ?? [];
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      json.includes(column) ? JSON.stringify(value) : value,
    ]),
  );
}

/** Canonical JSON for comparing an imported row with the stored one. */
function canonical(row: Row): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((column) => [column, row[column]]),
  );
}

async function readTable(db: Executor, table: DumpTable): Promise<Row[]> {
  const rows = (await db.selectFrom(table).selectAll().orderBy(keyColumn(table)).execute()) as Row[];
  return rows.map(toJsonRow);
}

/** Export and import of the whole database. */
export function createDumpService(database: Database) {
  return {
    /** Reads every table in one consistent snapshot. */
    async exportAll(actor: Actor): Promise<Dump> {
      return inTransaction(
        database,
        actor,
        async (trx) => {
          const migrations = (
            await trx.selectFrom('schemaMigrations').select('name').orderBy('name').execute()
          ).map((row) => row.name);
          const tables = {} as Record<DumpTable, Row[]>;
          for (const table of dumpTables) tables[table] = await readTable(trx, table);
          return {
            format: dumpFormat,
            formatVersion: dumpFormatVersion,
            migrations,
            exportedAt: new Date().toISOString(),
            tables,
          };
        },
        { isolationLevel: 'repeatable read' },
      );
    },

    /**
     * Imports a dump in one transaction. Rows already present with the same content are unchanged; a row
     * whose key exists with other content is refused and reported, never overwritten. Importing the same
     * dump twice changes nothing.
     */
    async importAll(actor: Actor, dump: unknown): Promise<ImportReport> {
      const checked = checkDump(dump);
      return inTransaction(database, actor, async (trx) => {
        const applied = new Set(
          (await trx.selectFrom('schemaMigrations').select('name').execute()).map((row) => row.name),
        );
        const missing = checked.migrations.filter((name) => !applied.has(name));
        if (missing.length > 0) {
          throw new AppError(
            'dump.schema_newer',
            400,
            `The dump comes from a newer schema (${missing.join(', ')}); upgrade Pobratim first.`,
          );
        }
        const report: ImportReport = { tables: {}, refused: [] };
        for (const table of dumpTables) {
          const counts = { inserted: 0, unchanged: 0, refused: 0 };
          report.tables[table] = counts;
          const key = keyColumn(table);
          const rows = checked.tables[table] ?? [];
          const existing = new Map<string, string>();
          for (let start = 0; start < rows.length; start += 1000) {
            const keys = rows.slice(start, start + 1000).map((row) => String(row[key]));
            const stored = (await trx
              .selectFrom(table)
              .selectAll()
              .where(key, 'in', keys)
              .execute()) as Row[];
            for (const row of stored) existing.set(String(row[key]), canonical(toJsonRow(row)));
          }
          const fresh: Row[] = [];
          for (const row of rows) {
            const stored = existing.get(String(row[key]));
            if (stored === undefined) fresh.push(toDatabaseRow(table, row));
            else if (stored === canonical(row)) counts.unchanged += 1;
            else {
              counts.refused += 1;
              report.refused.push({
                table,
                key: String(row[key]),
                reason: 'a record with this key exists with other content; kept the stored one',
              });
            }
          }
          for (let start = 0; start < fresh.length; start += 500) {
            // Rows of a dump are typed by the table they come from; PostgreSQL checks them on insert.
            const batch = fresh.slice(start, start + 500) as never;
            await trx.insertInto(table).values(batch).execute();
          }
          counts.inserted = fresh.length;
        }
        await reindexRegistry(trx);
        return report;
      });
    },
  };
}

export type DumpService = ReturnType<typeof createDumpService>;

/** Checks the outer shape of a dump before anything is written. */
function checkDump(dump: unknown): Dump {
  const candidate = dump as Partial<Dump> | null;
  if (!candidate || typeof candidate !== 'object' || candidate.format !== dumpFormat) {
    throw new AppError(
      'dump.format_unknown',
      400,
      `This is not a Pobratim dump (expected "format": "${dumpFormat}").`,
    );
  }
  if (candidate.formatVersion !== dumpFormatVersion) {
    throw new AppError(
      'dump.format_version_unsupported',
      400,
      `Dump format version ${String(candidate.formatVersion)} is not supported (expected ${dumpFormatVersion}).`,
    );
  }
  if (
    !Array.isArray(candidate.migrations) ||
    typeof candidate.tables !== 'object' ||
    candidate.tables === null
  ) {
    throw new AppError('dump.incomplete', 400, 'The dump lacks its migrations or tables.');
  }
  const unknown = Object.keys(candidate.tables).filter(
    (table) => !(dumpTables as readonly string[]).includes(table),
  );
  if (unknown.length > 0)
    throw new AppError('dump.table_unknown', 400, `Unknown tables in the dump: ${unknown.join(', ')}.`);
  for (const [table, rows] of Object.entries(candidate.tables)) {
    if (!Array.isArray(rows))
      throw new AppError('dump.table_invalid', 400, `Table ${table} must be a list of rows.`);
  }
  return candidate as Dump;
}
