import { sql, type SelectQueryBuilder, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { actorLabel, type Actor } from '../actor.js';
import { notFound, staleVersion } from '../errors.js';
import type { Database } from './database.js';
import type { Tables } from './tables.js';

/** A new public id: UUID v7, time-ordered for index locality. */
export function newId(): string {
  return uuidv7();
}

/** Options of a transaction. */
export interface TransactionOptions {
  /** For a consistent read of several tables (an export): `repeatable read`. */
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable';
}

/**
 * Tells the database who is acting for the rest of the transaction. The audit trigger on every registry
 * table reads it (and refuses a write without it), so each change is recorded with its actor and request.
 */
export async function setTransactionActor(trx: Transaction<Tables>, actor: Actor): Promise<void> {
  const requestId = actor.kind === 'system' ? null : (actor.requestId ?? null);
  await sql`select set_config('pobratim.actor', ${actorLabel(actor)}, true),
    set_config('pobratim.request_id', ${requestId ?? ''}, true)`.execute(trx);
}

/**
 * Runs `work` in one transaction on behalf of `actor`: every write of a use case commits or rolls back
 * together, and the audit trail records who made it. When the database handle is already a transaction
 * (see {@link withinTransaction}), the work joins it, so several use cases compose into one atomic write.
 */
export async function inTransaction<T>(
  database: Database,
  actor: Actor,
  work: (trx: Transaction<Tables>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (database.db.isTransaction) {
    const trx = database.db as Transaction<Tables>;
    await setTransactionActor(trx, actor);
    return work(trx);
  }
  let transaction = database.db.transaction();
  if (options.isolationLevel) transaction = transaction.setIsolationLevel(options.isolationLevel);
  return transaction.execute(async (trx) => {
    await setTransactionActor(trx, actor);
    return work(trx);
  });
}

/** Runs `work` with a database handle bound to one transaction, for composing services atomically. */
export function withinTransaction<T>(
  database: Database,
  actor: Actor,
  work: (transactional: Database) => Promise<T>,
): Promise<T> {
  return inTransaction(database, actor, (trx) => work({ ...database, db: trx }));
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
