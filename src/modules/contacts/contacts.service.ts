import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId } from '../../platform/db/helpers.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AccessService } from '../access/access.service.js';
import {
  anonymiseContactEvents,
  declareErasure,
  deleteContact,
  findContact,
  findContactEvents,
  insertContact,
  listContacts,
  updateContact,
  type ContactRow,
} from './contacts.repository.js';
import type { Contact, ContactCreate, ContactExport, ContactUpdate } from './contacts.schemas.js';

const entity = 'contact';

/** What an erased contact keeps: the record, with no trace of the person. */
export const erasedContactName = 'Erased contact';

/** The anonymised values, as columns (audit payloads are rows). */
const anonymisedColumns = {
  name: erasedContactName,
  position: {},
  email: null,
  phone: null,
  notes: null,
} as const;

function present(row: ContactRow): Contact {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    position: row.position,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    erasedAt: row.erasedAt ? row.erasedAt.toISOString() : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Whether the actor may read an organisation's contact persons: administrators, anyone with a role for
 * the organisation (viewers included), and whoever writes for it (an association's coordinator for its
 * members). Never anonymous visitors: this is personal data.
 */
export async function mayReadContacts(
  access: AccessService,
  actor: Actor,
  organisationId: string,
): Promise<boolean> {
  if (actor.kind === 'public') return false;
  const readable = access.readScope(actor);
  if (readable === 'all' || readable.has(organisationId)) return true;
  return access.canWriteFor(actor, organisationId);
}

/**
 * The people to contact at an organisation. Their data can be exported and erased on request; erasure
 * anonymises the record and every audit event about it in one transaction, and is itself audited.
 */
export function createContactsService(database: Database, access: AccessService) {
  async function organisationExists(organisationId: string): Promise<void> {
    const found = await database.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (!found) throw notFound('organisation', organisationId);
  }

  async function assertMayRead(actor: Actor, organisationId: string): Promise<void> {
    if (await mayReadContacts(access, actor, organisationId)) return;
    if (actor.kind === 'public') throw new AppError('auth.required', 401, 'Sign in to see contact persons.');
    throw new AppError('access.denied', 403, "Your account may not see this organisation's contact persons.");
  }

  /** Inside a transaction, pass it as `db` (PGlite: a query outside an open transaction waits forever). */
  async function assertMayWrite(actor: Actor, organisationId: string, db?: Executor): Promise<void> {
    if (await access.canWriteFor(actor, organisationId, db)) return;
    if (actor.kind === 'public') throw new AppError('auth.required', 401, 'Sign in to do this.');
    throw new AppError(
      'access.denied',
      403,
      "Your account may not change this organisation's contact persons.",
    );
  }

  async function load(actor: Actor, id: string): Promise<ContactRow> {
    const row = await findContact(database.db, id);
    if (!row) throw notFound(entity, id);
    await assertMayRead(actor, row.organisationId);
    return row;
  }

  return {
    mayRead: (actor: Actor, organisationId: string) => mayReadContacts(access, actor, organisationId),

    /** The organisation and version of a contact, for access policies; 404 when there is none. */
    async locate(id: string): Promise<{ organisationId: string; version: number }> {
      const row = await findContact(database.db, id);
      if (!row) throw notFound(entity, id);
      return { organisationId: row.organisationId, version: row.version };
    },

    async list(actor: Actor, organisationId: string): Promise<{ items: Contact[] }> {
      await organisationExists(organisationId);
      await assertMayRead(actor, organisationId);
      return { items: (await listContacts(database.db, organisationId)).map(present) };
    },

    async get(actor: Actor, id: string): Promise<Contact> {
      return present(await load(actor, id));
    },

    async create(actor: Actor, organisationId: string, input: ContactCreate): Promise<Contact> {
      await organisationExists(organisationId);
      await assertMayWrite(actor, organisationId);
      return inTransaction(database, actor, async (trx) =>
        present(
          await insertContact(trx, {
            id: newId(),
            organisationId,
            name: input.name,
            position: input.position ?? {},
            email: input.email ?? null,
            phone: input.phone ?? null,
            notes: input.notes ?? null,
          }),
        ),
      );
    },

    async update(actor: Actor, id: string, patch: ContactUpdate): Promise<Contact> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findContact(trx, id, { forUpdate: true }),
          patch.version,
        );
        await assertMayWrite(actor, current.organisationId, trx);
        if (current.erasedAt) {
          throw new AppError(
            'contact.erased',
            409,
            "This contact's data was erased; add a new contact instead.",
          );
        }
        const { version: _version, ...fields } = patch;
        return present(await updateContact(trx, id, fields));
      });
    },

    async remove(actor: Actor, id: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findContact(trx, id, { forUpdate: true }),
          version,
        );
        await assertMayWrite(actor, current.organisationId, trx);
        await deleteContact(trx, id);
      });
    },

    /** Everything held about the person: the record and every audit event about it. */
    async exportData(actor: Actor, id: string): Promise<ContactExport> {
      const row = await findContact(database.db, id);
      if (!row) throw notFound(entity, id);
      await assertMayWrite(actor, row.organisationId);
      const events = await findContactEvents(database.db, id);
      return {
        exportedAt: new Date().toISOString(),
        contact: present(row),
        auditEvents: events.map((event) => ({
          occurredAt: event.occurredAt.toISOString(),
          action: event.action,
          actor: event.actor,
          before: event.before,
          after: event.after,
        })),
      };
    },

    /**
     * Erases the person's data: the record keeps its place (so the history still shows that there was a
     * contact) but no name, email, phone or notes, and every audit event about it is anonymised too. The
     * erasure is one 'erase' event without the erased data.
     */
    async erase(actor: Actor, id: string): Promise<Contact> {
      return inTransaction(database, actor, async (trx) => {
        const current = await findContact(trx, id, { forUpdate: true });
        if (!current) throw notFound(entity, id);
        await assertMayWrite(actor, current.organisationId, trx);
        // Declared first, so that the audit trigger records the change as 'erase' without the old values;
        // the events written before are then rewritten.
        await declareErasure(trx);
        const erased = await updateContact(trx, id, { ...anonymisedColumns, erasedAt: new Date() });
        await anonymiseContactEvents(trx, id, anonymisedColumns);
        return present(erased);
      });
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
