import { AppError } from '../../platform/errors.js';

/**
 * The backup file: gzip-compressed JSON Lines, one JSON value per line.
 *
 * 1. A header ({@link BackupHeader}): the format and its version, the migrations the schema had, the row
 *    count of every table and the state of every sequence.
 * 2. For each table, parents before children: a table line ({@link BackupTableLine}) with its columns and
 *    row count, then that many lines, one row each, as PostgreSQL's `row_to_json` writes it (timestamps
 *    in UTC with microseconds, JSON columns as JSON, bytea as `\x` hex).
 * 3. An end line ({@link BackupEndLine}), so a cut-off file is recognised and refused.
 *
 * It is documented for operators in README ("Backups"); a change to it raises `backupFormatVersion`.
 */
export const backupFormat = 'pobratim-backup';
export const backupFormatVersion = 1;

/** The file name a backup is offered under: `pobratim-backup-20261207-201500.jsonl.gz` (UTC). */
export function backupFileName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `pobratim-backup-${stamp}.jsonl.gz`;
}

export interface BackupTableSummary {
  name: string;
  rows: number;
}

export interface BackupSequence {
  name: string;
  /** As text: a bigint may pass JavaScript's safe integers. */
  lastValue: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: typeof backupFormat;
  formatVersion: number;
  createdAt: string;
  /** The Pobratim version that wrote it. */
  pobratimVersion: string;
  /** The database it was read from: `pglite` or `postgres`, and its server version. */
  database: { kind: string; serverVersion: string };
  /** The migrations the schema had, in order: the restore builds this schema, then migrates on. */
  migrations: string[];
  tables: BackupTableSummary[];
  sequences: BackupSequence[];
}

export interface BackupTableLine {
  table: string;
  columns: string[];
  rows: number;
}

export interface BackupEndLine {
  end: typeof backupFormat;
  tables: number;
  rows: number;
}

/** Reads and checks the header line; anything else is not a backup this version can restore. */
export function parseBackupHeader(line: string | undefined): BackupHeader {
  const header = parseLine(line, 'header') as Partial<BackupHeader>;
  if (header.format !== backupFormat) {
    throw new AppError(
      'backup.format_unknown',
      400,
      `This is not a Pobratim backup (expected "format": "${backupFormat}" on its first line).`,
    );
  }
  if (header.formatVersion !== backupFormatVersion) {
    throw new AppError(
      'backup.format_version_unsupported',
      400,
      `Backup format version ${String(header.formatVersion)} is not supported (this Pobratim reads version ${backupFormatVersion}).`,
    );
  }
  if (
    !Array.isArray(header.migrations) ||
    !header.migrations.every((name) => typeof name === 'string') ||
    !Array.isArray(header.tables) ||
    !Array.isArray(header.sequences)
  ) {
    throw new AppError(
      'backup.incomplete',
      400,
      'The backup header lacks its migrations, tables or sequences.',
    );
  }
  return header as BackupHeader;
}

/** Reads a table line, which must name the table the header lists next. */
export function parseTableLine(line: string | undefined, expected: string): BackupTableLine {
  const parsed = parseLine(line, `table ${expected}`) as Partial<BackupTableLine>;
  if (parsed.table !== expected || !Array.isArray(parsed.columns) || typeof parsed.rows !== 'number') {
    throw new AppError(
      'backup.corrupt',
      400,
      `The backup is damaged: expected the rows of table ${expected}, found ${JSON.stringify(parsed).slice(0, 80)}.`,
    );
  }
  return parsed as BackupTableLine;
}

/** Reads the end line, which proves the file was written to the end. */
export function parseEndLine(line: string | undefined, header: BackupHeader): BackupEndLine {
  const parsed = parseLine(line, 'end') as Partial<BackupEndLine>;
  const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
  if (parsed.end !== backupFormat || parsed.tables !== header.tables.length || parsed.rows !== rows) {
    throw new AppError('backup.corrupt', 400, 'The backup is damaged: its end line is missing or wrong.');
  }
  return parsed as BackupEndLine;
}

/**
 * Which migrations a restore must run after loading a backup: the backup's must be the first ones of
 * this version's (an older or the same schema), never one this version does not know.
 */
export function migrationsAfter(backup: readonly string[], known: readonly string[]): string[] {
  const unknown = backup.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new AppError(
      'backup.schema_newer',
      400,
      `The backup comes from a newer Pobratim (migrations ${unknown.join(', ')}); upgrade Pobratim, then restore it.`,
    );
  }
  const prefix = known.slice(0, backup.length);
  if (prefix.some((name, index) => name !== backup[index])) {
    throw new AppError(
      'backup.schema_unknown',
      400,
      'The backup’s migrations are not a beginning of this version’s: it comes from another line of Pobratim.',
    );
  }
  return known.slice(backup.length);
}

function parseLine(line: string | undefined, what: string): unknown {
  if (line === undefined) {
    throw new AppError(
      'backup.truncated',
      400,
      `The backup ends before its ${what}: the file is incomplete.`,
    );
  }
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // Reported below with the line's place in the file.
  }
  throw new AppError('backup.corrupt', 400, `The backup is damaged: its ${what} line is not a JSON object.`);
}
