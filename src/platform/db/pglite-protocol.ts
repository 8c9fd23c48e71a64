/** Messages between the main thread and the PGlite worker thread. */

export interface WorkerInit {
  /** Data directory of PGlite, or `memory://`. */
  dataDir: string;
}

export type WorkerRequest =
  | { id: number; kind: 'query'; sql: string; parameters: readonly unknown[] }
  | { id: number; kind: 'exec'; sql: string }
  | { id: number; kind: 'close' };

/** A PostgreSQL error's fields, kept so the HTTP layer can map SQLSTATE codes as it does for `pg`. */
export interface SerialisedDatabaseError {
  message: string;
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
  column?: string;
  severity?: string;
}

/** A request before the client numbers it. */
export type WorkerCall =
  | { kind: 'query'; sql: string; parameters: readonly unknown[] }
  | { kind: 'exec'; sql: string }
  | { kind: 'close' };

export interface QueryAnswer {
  id: number;
  ok: true;
  rows: Record<string, unknown>[];
  affectedRows?: number | undefined;
  command?: string | undefined;
}

export type WorkerResponse =
  | QueryAnswer
  | { id: number; ok: false; error: SerialisedDatabaseError }
  | { id: 0; ready: true }
  | { id: 0; ready: false; error: SerialisedDatabaseError };
