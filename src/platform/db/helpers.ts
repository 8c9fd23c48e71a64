import { sql, type SelectQueryBuilder, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { notFound, staleVersion } from '../errors.js';
import type { Database } from './database.js';
import type { Tables } from './tables.js';

/** A new public id: UUID v7, time-ordered for index locality. */
export function newId(): string {
  return uuidv7();
}

/**
 * Runs `work` in one transaction: every write of a use case commits or rolls back together. When the
 * database handle is already a transaction (see {@link withinTransaction}), the work joins it, so
 * several use cases compose into one atomic write.
 */
export function inTransaction<T>(
  database: Database,
  work: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  if (database.db.isTransaction) return work(database.db as Transaction<Tables>);
  return database.db.transaction().execute(work);
}

/** Runs `work` with a database handle bound to one transaction, for composing services atomically. */
export function withinTransaction<T>(
  database: Database,
  work: (transactional: Database) => Promise<T>,
): Promise<T> {
  return inTransaction(database, (trx) => work({ ...database, db: trx }));
}

/** Checks that a record exists and is at the version the writer read. */
export function assertCurrentVersion<R extends { version: number }>(
  entity: string,
  id: string,
  current: R | undefined,
  expectedVersion: number | undefined,
): R {
  if (!current) throw notFound(entity, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    throw staleVersion(entity, expectedVersion, current.version);
  }
  return current;
}

export interface PageRequest {
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface PageResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Runs a filtered query twice: once for the total, once for the requested page. `order` applies the
 * sort to the page query only.
 */
export async function fetchPage<TB extends keyof Tables, O, Row>(
  query: SelectQueryBuilder<Tables, TB, O>,
  request: PageRequest,
  selectPage: (query: SelectQueryBuilder<Tables, TB, O>) => SelectQueryBuilder<Tables, TB, Row>,
): Promise<PageResult<Row>> {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 20;
  const [{ total } = { total: 0 }] = (await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .execute()) as unknown as { total: number }[];
  const items = (await selectPage(query)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as Row[];
  return { items, total, page, pageSize };
}

/** Escapes a search key for use inside a LIKE pattern. */
export function likeContains(key: string): string {
  return `%${key.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
