import type { Updateable } from 'kysely';
import {
  checkPartnership,
  findDuplicatePartnership,
  type PartnershipFacts,
} from '../../domain/partnership.js';
import type { PartnershipStatus, PartnershipType } from '../../domain/vocabulary.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import type { PartnershipsTable } from '../../platform/db/tables.js';
import { AppError, assertNoFieldErrors, notFound, type FieldError } from '../../platform/errors.js';
import { findOrganisation, findOrganisationSummaries } from '../organisations/organisations.repository.js';
import type { OrganisationSummary } from '../organisations/organisations.schemas.js';
import { checkReferences } from '../shared/record-references.js';
import { findSourceSummaries } from '../sources/sources.repository.js';
import { changesAny, substantiveFields } from '../../domain/confirmation.js';
import { presentConfirmation } from '../confirmation/confirmation.schemas.js';
import { editedConfirmation, recordedConfirmation } from '../confirmation/confirmation.service.js';
import {
  deletePartnership,
  findPartnership,
  findPartnershipsBetween,
  insertPartnership,
  listPartnerships,
  updatePartnership,
  type PartnershipRow,
} from './partnerships.repository.js';
import type {
  Partnership,
  PartnershipCreate,
  PartnershipListQuery,
  PartnershipUpdate,
} from './partnerships.schemas.js';

const entity = 'partnership';

function summaryOf(summaries: Map<string, OrganisationSummary>, id: string): OrganisationSummary {
  const summary = summaries.get(id);
  // The foreign keys make this impossible; say so loudly rather than answer with a hole.
  if (!summary) throw new Error(`Organisation ${id} of a partnership is missing.`);
  return summary;
}

/** Shapes stored rows as the API's partnership, loading every side and source in two queries. */
async function present(db: Executor, rows: PartnershipRow[]): Promise<Partnership[]> {
  const [organisations, sources] = await Promise.all([
    findOrganisationSummaries(
      db,
      rows.flatMap((row) => [row.organisationAId, row.organisationBId]),
    ),
    findSourceSummaries(
      db,
      rows.map((row) => row.sourceId),
    ),
  ]);
  return rows.map((row) => {
    const { organisationAId, organisationBId, sourceId, createdAt, updatedAt, ...fields } = row;
    const { claimedBy: _by, confirmationNote: _note, confirmationChangedAt: _at, ...shown } = fields;
    return {
      ...shown,
      organisationA: summaryOf(organisations, organisationAId),
      organisationB: summaryOf(organisations, organisationBId),
      source: sourceId ? (sources.get(sourceId) ?? null) : null,
      confirmation: presentConfirmation(row),
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  });
}

/**
 * Reports the sides that name no organisation, and locks those that do until the transaction ends, so
 * that two concurrent writes cannot both miss each other's duplicate. Locks are taken in id order to
 * avoid deadlocks.
 */
async function checkSides(trx: Executor, facts: PartnershipFacts): Promise<FieldError[]> {
  const sides = [
    { field: 'body.organisationAId', id: facts.organisationAId },
    { field: 'body.organisationBId', id: facts.organisationBId },
  ];
  const found = new Set<string>();
  for (const id of [...new Set(sides.map((side) => side.id))].sort()) {
    if (await findOrganisation(trx, id, { forUpdate: true })) found.add(id);
  }
  return sides
    .filter((side) => !found.has(side.id))
    .map((side) => ({
      field: side.field,
      code: 'partnership.organisation_unknown',
      message: `No organisation with id "${side.id}".`,
    }));
}

async function assertNotDuplicate(trx: Executor, candidate: PartnershipFacts & { id?: string }) {
  const duplicate = findDuplicatePartnership(
    candidate,
    await findPartnershipsBetween(trx, candidate.organisationAId, candidate.organisationBId, candidate.type),
  );
  if (duplicate) {
    throw new AppError(
      'partnership.duplicate',
      409,
      `These organisations already have a ${candidate.type} partnership that has not ended (partnership ${duplicate.id}).`,
    );
  }
}

/** Bilateral ties between organisations: twinnings, friendships, cooperation agreements. */
export function createPartnershipsService(database: Database) {
  return {
    async list(_actor: Actor, query: PartnershipListQuery): Promise<PageResult<Partnership>> {
      const page = await listPartnerships(database.db, query);
      return { ...page, items: await present(database.db, page.items) };
    },

    async get(_actor: Actor, id: string): Promise<Partnership> {
      const row = await findPartnership(database.db, id);
      if (!row) throw notFound(entity, id);
      const [partnership] = await present(database.db, [row]);
      return partnership!;
    },

    async create(actor: Actor, input: PartnershipCreate, executor?: Executor): Promise<Partnership> {
      const work = async (trx: Executor) => {
        assertNoFieldErrors(entity, [
          ...checkPartnership(input),
          ...(await checkSides(trx, input)),
          ...(await checkReferences(trx, { themes: input.themes, sourceId: input.sourceId })),
        ]);
        await assertNotDuplicate(trx, input);
        const row = await insertPartnership(trx, {
          id: newId(),
          organisationAId: input.organisationAId,
          organisationBId: input.organisationBId,
          type: input.type,
          status: input.status,
          startedOn: input.startedOn ?? null,
          signedOn: input.signedOn ?? null,
          endedOn: input.endedOn ?? null,
          agreementUrl: input.agreementUrl ?? null,
          ...(await recordedConfirmation(
            trx,
            actor,
            [input.organisationAId, input.organisationBId],
            input.confirmation,
          )),
          description: input.description ?? {},
          themes: input.themes ?? [],
          sourceId: input.sourceId ?? null,
        });
        const [partnership] = await present(trx, [row]);
        return partnership!;
      };
      return executor ? work(executor) : inTransaction(database, actor, work);
    },

    async update(actor: Actor, id: string, patch: PartnershipUpdate): Promise<Partnership> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findPartnership(trx, id, { forUpdate: true }),
          patch.version,
        );
        const { version: _version, ...fields } = patch;
        const merged = {
          ...current,
          ...fields,
          type: (fields.type ?? current.type) as PartnershipType,
          status: (fields.status ?? current.status) as PartnershipStatus,
        };
        assertNoFieldErrors(entity, [
          ...checkPartnership(merged),
          ...(await checkSides(trx, merged)),
          ...(await checkReferences(trx, { themes: fields.themes, sourceId: fields.sourceId })),
        ]);
        await assertNotDuplicate(trx, merged);
        const isSubstantive = changesAny(current, fields, substantiveFields.partnership);
        const sidesAfter = [merged.organisationAId, merged.organisationBId];
        const confirmation = await editedConfirmation(trx, actor, current, isSubstantive, sidesAfter);
        const row = await updatePartnership(trx, current.id, {
          ...(fields as Updateable<PartnershipsTable>),
          ...confirmation,
        });
        const [partnership] = await present(trx, [row]);
        return partnership!;
      });
    },

    async remove(actor: Actor, id: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findPartnership(trx, id, { forUpdate: true }),
          version,
        );
        await deletePartnership(trx, current.id);
      });
    },
  };
}

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;
