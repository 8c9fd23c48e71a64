import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { Tables } from '../../platform/db/tables.js';
import type { BackupSequence } from './backup.format.js';

/**
 * The SQL of backups. Every list of tables, columns, keys and sequences is read from the database's own
 * catalogue (schema `public`), never kept by hand: a table a migration adds is in the next backup.
 */

export interface CatalogueColumn {
  name: string;
  /** A generated column is computed again on insert, so it is never written. */
  generated: boolean;
}

export interface CatalogueTable {
  name: string;
  columns: CatalogueColumn[];
  /** The primary key's columns: rows are written in this order, so two backups of one state are equal. */
  key: string[];
  /** A table whose rows reference its own rows is restored in one statement, checked as a whole. */
  referencesItself: boolean;
}

const table = (name: string) => sql.table(`public.${name}`);

/** Every table of the schema, parents before the tables that reference them. */
export async function readCatalogue(db: Executor): Promise<CatalogueTable[]> {
  const columns = await sql<{ tableName: string; name: string; generated: boolean }>`
    select c.relname as table_name, a.attname as name, a.attgenerated <> '' as generated
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ tableName: string; name: string }>`
    select c.relname as table_name, a.attname as name
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
    where n.nspname = 'public' and i.indisprimary
    order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    select child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`.execute(db);

  const tables = new Map<string, CatalogueTable>();
  for (const column of columns.rows) {
    const entry = tables.get(column.tableName) ?? {
      name: column.tableName,
      columns: [],
      key: [],
      referencesItself: false,
    };
    entry.columns.push({ name: column.name, generated: column.generated });
    tables.set(column.tableName, entry);
  }
  for (const key of keys.rows) tables.get(key.tableName)?.key.push(key.name);
  for (const { child, parent } of references.rows) {
    const entry = tables.get(child);
    if (entry && child === parent) entry.referencesItself = true;
  }
  return parentsFirst([...tables.values()], references.rows);
}

/**
 * Orders tables so each comes after the tables it references, so a row's parent is restored before it.
 * (A table that references itself is restored in one statement, which PostgreSQL checks as a whole.)
 * A cycle between tables could not be restored with its constraints checked, so it is refused here, at
 * backup time, rather than found at a restore.
 */
function parentsFirst(
  tables: CatalogueTable[],
  references: readonly { child: string; parent: string }[],
): CatalogueTable[] {
  const parents = new Map(tables.map((entry) => [entry.name, new Set<string>()]));
  for (const { child, parent } of references) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: CatalogueTable[] = [];
  const placed = new Set<string>();
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((entry) =>
      [...parents.get(entry.name)!].every((name) => placed.has(name)),
    );
    if (ready.length === 0) {
      throw new Error(
        `Tables reference each other in a cycle: ${remaining.map((entry) => entry.name).join(', ')}.`,
      );
    }
    for (const entry of ready) {
      ordered.push(entry);
      placed.add(entry.name);
    }
    remaining = remaining.filter((entry) => !placed.has(entry.name));
  }
  return ordered;
}

/** Rows of each table. */
export async function countRows(db: Executor, name: string): Promise<number> {
  const result = await sql<{ count: string }>`select count(*)::text as count from ${table(name)}`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/** Every sequence of the schema with its state (identity columns own one each). */
export async function readSequences(db: Executor): Promise<BackupSequence[]> {
  const names = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'S' order by c.relname`.execute(db);
  const sequences: BackupSequence[] = [];
  for (const { name } of names.rows) {
    const state = await sql<{ lastValue: string; isCalled: boolean }>`
      select last_value::text as last_value, is_called from ${table(name)}`.execute(db);
    const row = state.rows[0];
    if (row) sequences.push({ name, lastValue: row.lastValue, isCalled: row.isCalled });
  }
  return sequences;
}

/** Sets each sequence to the state it had in the backup. */
export async function writeSequences(db: Executor, sequences: readonly BackupSequence[]): Promise<void> {
  for (const sequence of sequences) {
    await sql`select setval(${`public.${sequence.name}`}::regclass, ${sequence.lastValue}::bigint, ${sequence.isCalled})`.execute(
      db,
    );
  }
}

/** The server's version, for the backup's header. */
export async function serverVersion(db: Executor): Promise<string> {
  const result = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(
    db,
  );
  return result.rows[0]?.version ?? 'unknown';
}

/** The session settings under which rows are written and read as the same text on every server. */
export async function useCanonicalText(trx: Transaction<Tables>): Promise<void> {
  await sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true),
    set_config('intervalstyle', 'postgres', true), set_config('extra_float_digits', '1', true),
    set_config('bytea_output', 'hex', true)`.execute(trx);
}

/**
 * Reads a table's rows as JSON text, in key order, `batchSize` at a time through a cursor, so a large
 * table never sits whole in memory. Must run in a transaction (the cursor lives in it).
 */
export async function* readRows(
  trx: Transaction<Tables>,
  entry: CatalogueTable,
  batchSize = 2000,
): AsyncGenerator<string[]> {
  const order = entry.key.length > 0 ? entry.key : entry.columns.map((column) => column.name);
  const orderBy = sql.join(order.map((column) => sql.ref(`t.${column}`)));
  await sql`declare pobratim_backup_rows no scroll cursor for
    select row_to_json(t)::text as line from ${table(entry.name)} t order by ${orderBy}`.execute(trx);
  try {
    for (;;) {
      const batch = await sql<{
        line: string;
      }>`fetch forward ${sql.lit(batchSize)} from pobratim_backup_rows`.execute(trx);
      if (batch.rows.length === 0) return;
      yield batch.rows.map((row) => row.line);
      if (batch.rows.length < batchSize) return;
    }
  } finally {
    await sql`close pobratim_backup_rows`.execute(trx);
  }
}

/**
 * Inserts rows given as JSON text (as `readRows` gave them), converting each value to its column's type
 * in the database. Identity columns keep their stored values.
 */
export async function insertRows(
  db: Executor,
  entry: CatalogueTable,
  lines: readonly string[],
): Promise<void> {
  if (lines.length === 0) return;
  const written = entry.columns.filter((column) => !column.generated).map((column) => sql.ref(column.name));
  const columns = sql.join(written);
  await sql`insert into ${table(entry.name)} (${columns}) overriding system value
    select ${columns} from json_populate_recordset(null::${table(entry.name)}, ${`[${lines.join(',')}]`}::json)`.execute(
    db,
  );
}

/** Switches the tables' own triggers (audit, revision counters) off or on; constraints stay checked. */
export async function setUserTriggers(
  db: Executor,
  names: readonly string[],
  enabled: boolean,
): Promise<void> {
  for (const name of names) {
    await sql`alter table ${table(name)} ${sql.raw(enabled ? 'enable' : 'disable')} trigger user`.execute(db);
  }
}

/** Empties every table at once (rows migrations put there before the backup's rows come in). */
export async function emptyTables(db: Executor, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await sql`truncate table ${sql.join(names.map(table))}`.execute(db);
}

/** Whether the schema has any table at all (a database nothing has run in yet has none). */
export async function hasTables(db: Executor): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    select exists (
      select from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
    ) as found`.execute(db);
  return result.rows[0]?.found ?? false;
}

/** Drops everything in the schema and makes it anew: what `restore --replace` does first. */
export async function dropSchema(db: Executor): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
