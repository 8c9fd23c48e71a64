import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { AuditEventRow } from '../audit/audit.repository.js';
import type { ContactsTable } from '../../platform/db/tables.js';

export type ContactRow = Selectable<ContactsTable>;

export function findContact(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContactRow | undefined> {
  let query = db.selectFrom('contacts').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function listContacts(db: Executor, organisationId: string): Promise<ContactRow[]> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('organisationId', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function insertContact(db: Executor, row: Insertable<ContactsTable>): Promise<ContactRow> {
  return db.insertInto('contacts').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateContact(
  db: Executor,
  id: string,
  values: Updateable<ContactsTable>,
): Promise<ContactRow> {
  return db
    .updateTable('contacts')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteContact(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

/** Every audit event about a contact, oldest first. */
export function findContactEvents(db: Executor, id: string): Promise<AuditEventRow[]> {
  return db
    .selectFrom('auditEvents')
    .selectAll()
    .where('entity', '=', 'contact')
    .where('entityId', '=', id)
    .orderBy('id')
    .execute();
}

/**
 * Declares that the transaction erases personal data: until it ends, the audit trigger records changes
 * as 'erase' events without the old values, and audit events may be rewritten. Only erasure does this.
 */
export async function declareErasure(db: Executor): Promise<void> {
  await sql`select set_config('pobratim.erasure', 'on', true)`.execute(db);
}

/**
 * Overwrites the personal data in every audit event about a contact with `anonymised`. The audit trail
 * refuses this unless the transaction declared an erasure ({@link declareErasure}).
 */
export async function anonymiseContactEvents(
  db: Executor,
  id: string,
  anonymised: Record<string, unknown>,
): Promise<number> {
  const patch = JSON.stringify(anonymised);
  const result = await db
    .updateTable('auditEvents')
    .set({
      before: sql`case when before is null then null else before || ${patch}::jsonb end`,
      after: sql`case when after is null then null else after || ${patch}::jsonb end`,
    })
    .where('entity', '=', 'contact')
    .where('entityId', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
