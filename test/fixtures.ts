import type { Transaction } from 'kysely';
import { systemActor } from '../src/platform/actor.js';
import type { Database } from '../src/platform/db/database.js';
import { inTransaction } from '../src/platform/db/helpers.js';
import type { Tables } from '../src/platform/db/tables.js';

/**
 * Writes test data straight to the database, in one transaction, as the system actor `test`. Every
 * registry table is audited and refuses a write without an actor, so fixtures that bypass the API
 * go through here.
 */
export function writeFixtures<T>(
  database: Database,
  work: (db: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  return inTransaction(database, systemActor('test'), work);
}
