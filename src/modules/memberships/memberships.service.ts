import type { Updateable } from 'kysely';
import { checkMembership, findDuplicateMembership, type MembershipFacts } from '../../domain/membership.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import type { MembershipsTable } from '../../platform/db/tables.js';
import { AppError, assertNoFieldErrors, notFound, type FieldError } from '../../platform/errors.js';
import { findOrganisation, findOrganisationSummaries } from '../organisations/organisations.repository.js';
import type { OrganisationSummary } from '../organisations/organisations.schemas.js';
import { checkReferences } from '../shared/record-references.js';
import { findSourceSummaries } from '../sources/sources.repository.js';
import { changesAny, substantiveFields } from '../../domain/confirmation.js';
import { presentConfirmation } from '../confirmation/confirmation.schemas.js';
import { editedConfirmation, recordedConfirmation } from '../confirmation/confirmation.service.js';
import {
  deleteMembership,
  findMembership,
  findMembershipsOfPair,
  insertMembership,
  listMemberships,
  updateMembership,
  type MembershipRow,
} from './memberships.repository.js';
import type {
  Membership,
  MembershipCreate,
  MembershipListQuery,
  MembershipUpdate,
} from './memberships.schemas.js';

const entity = 'membership';

function summaryOf(summaries: Map<string, OrganisationSummary>, id: string): OrganisationSummary {
  const summary = summaries.get(id);
  // The foreign keys make this impossible; say so loudly rather than answer with a hole.
  if (!summary) throw new Error(`Organisation ${id} of a membership is missing.`);
  return summary;
}

/** Shapes stored rows as the API's membership, loading every party and source in two queries. */
async function present(db: Executor, rows: MembershipRow[]): Promise<Membership[]> {
  const [organisations, sources] = await Promise.all([
    findOrganisationSummaries(
      db,
      rows.flatMap((row) => [row.memberId, row.organisationId]),
    ),
    findSourceSummaries(
      db,
      rows.map((row) => row.sourceId),
    ),
  ]);
  return rows.map((row) => {
    const { memberId, organisationId, sourceId, createdAt, updatedAt, ...fields } = row;
    const { claimedBy: _by, confirmationNote: _note, confirmationChangedAt: _at, ...shown } = fields;
    return {
      ...shown,
      member: summaryOf(organisations, memberId),
      organisation: summaryOf(organisations, organisationId),
      source: sourceId ? (sources.get(sourceId) ?? null) : null,
      confirmation: presentConfirmation(row),
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  });
}

/**
 * Reports the parties that name no organisation, and locks those that do until the transaction ends, so
 * that two concurrent writes cannot both miss each other's duplicate. Locks are taken in id order to
 * avoid deadlocks.
 */
async function checkParties(trx: Executor, facts: MembershipFacts): Promise<FieldError[]> {
  const parties = [
    { field: 'body.memberId', id: facts.memberId },
    { field: 'body.organisationId', id: facts.organisationId },
  ];
  const found = new Set<string>();
  for (const id of [...new Set(parties.map((party) => party.id))].sort()) {
    if (await findOrganisation(trx, id, { forUpdate: true })) found.add(id);
  }
  return parties
    .filter((party) => !found.has(party.id))
    .map((party) => ({
      field: party.field,
      code: 'membership.organisation_unknown',
      message: `No organisation with id "${party.id}".`,
    }));
}

async function assertNotDuplicate(trx: Executor, candidate: MembershipFacts & { id?: string }) {
  const duplicate = findDuplicateMembership(
    candidate,
    await findMembershipsOfPair(trx, candidate.memberId, candidate.organisationId),
  );
  if (duplicate) {
    throw new AppError(
      'membership.duplicate',
      409,
      `The member already belongs to this organisation over an overlapping period (membership ${duplicate.id}).`,
    );
  }
}

/** Memberships of cities, municipalities and associations in networks and associations. */
export function createMembershipsService(database: Database) {
  return {
    async list(_actor: Actor, query: MembershipListQuery): Promise<PageResult<Membership>> {
      const page = await listMemberships(database.db, query);
      return { ...page, items: await present(database.db, page.items) };
    },

    async get(_actor: Actor, id: string): Promise<Membership> {
      const row = await findMembership(database.db, id);
      if (!row) throw notFound(entity, id);
      const [membership] = await present(database.db, [row]);
      return membership!;
    },

    async create(actor: Actor, input: MembershipCreate, executor?: Executor): Promise<Membership> {
      const work = async (trx: Executor) => {
        assertNoFieldErrors(entity, [
          ...checkMembership(input),
          ...(await checkParties(trx, input)),
          ...(await checkReferences(trx, { sourceId: input.sourceId })),
        ]);
        await assertNotDuplicate(trx, input);
        const row = await insertMembership(trx, {
          id: newId(),
          memberId: input.memberId,
          organisationId: input.organisationId,
          role: input.role ?? 'member',
          since: input.since ?? null,
          until: input.until ?? null,
          description: input.description ?? {},
          sourceId: input.sourceId ?? null,
          ...(await recordedConfirmation(
            trx,
            actor,
            [input.memberId, input.organisationId],
            input.confirmation,
          )),
        });
        const [membership] = await present(trx, [row]);
        return membership!;
      };
      return executor ? work(executor) : inTransaction(database, actor, work);
    },

    async update(actor: Actor, id: string, patch: MembershipUpdate): Promise<Membership> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findMembership(trx, id, { forUpdate: true }),
          patch.version,
        );
        const { version: _version, ...fields } = patch;
        const merged = { ...current, ...fields };
        assertNoFieldErrors(entity, [
          ...checkMembership(merged),
          ...(await checkParties(trx, merged)),
          ...(await checkReferences(trx, { sourceId: fields.sourceId })),
        ]);
        await assertNotDuplicate(trx, merged);
        const isSubstantive = changesAny(current, fields, substantiveFields.membership);
        const partiesAfter = [merged.memberId, merged.organisationId];
        const confirmation = await editedConfirmation(trx, actor, current, isSubstantive, partiesAfter);
        const row = await updateMembership(trx, current.id, {
          ...(fields as Updateable<MembershipsTable>),
          ...confirmation,
        });
        const [membership] = await present(trx, [row]);
        return membership!;
      });
    },

    async remove(actor: Actor, id: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findMembership(trx, id, { forUpdate: true }),
          version,
        );
        await deleteMembership(trx, current.id);
      });
    },
  };
}

export type MembershipsService = ReturnType<typeof createMembershipsService>;
