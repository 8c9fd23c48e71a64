import { isTakingInterest, type InitiativeStatus } from '../../domain/initiative.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId } from '../../platform/db/helpers.js';
import { AppError, assertNoFieldErrors, notFound } from '../../platform/errors.js';
import { findWriteScope, type WriteScope } from '../access/access.service.js';
import {
  findInitiative,
  findVisibleInitiative,
  type InitiativeRow,
} from '../initiatives/initiatives.repository.js';
import { findReaderScope } from '../initiatives/initiatives.service.js';
import { notifyOrganisations } from '../notifications/notifications.service.js';
import { findOrganisationSummaries } from '../organisations/organisations.repository.js';
import { recordPartnership, recordProjectPartner } from './acceptance.js';
import {
  findInterest,
  findLiveInterest,
  insertInterest,
  listInterests,
  updateInterest,
  type InterestRow,
} from './interests.repository.js';
import type {
  Interest,
  InterestAcceptance,
  InterestAnswer,
  InterestCreate,
  InterestList,
} from './interests.schemas.js';

const entity = 'interest';

function writesFor(scope: WriteScope, organisationId: string): boolean {
  return scope === 'all' || scope.has(organisationId);
}

async function present(
  db: Executor,
  scope: WriteScope,
  initiative: InitiativeRow,
  rows: InterestRow[],
): Promise<Interest[]> {
  const organisations = await findOrganisationSummaries(
    db,
    rows.map((row) => row.organisationId),
  );
  const manages = writesFor(scope, initiative.ownerOrganisationId);
  return rows.map((row) => {
    const organisation = organisations.get(row.organisationId);
    if (!organisation) throw new Error(`The organisation of interest ${row.id} is missing.`);
    const isPending = row.status === 'pending';
    return {
      id: row.id,
      initiativeId: row.initiativeId,
      organisation,
      message: row.message,
      status: row.status,
      responseNote: row.responseNote,
      projectId: row.projectId,
      partnershipId: row.partnershipId,
      answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
      canAnswer: isPending && manages,
      canWithdraw: isPending && writesFor(scope, row.organisationId),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

function notTakingInterest(status: string): AppError {
  return new AppError(
    'interest.initiative_not_open',
    409,
    `The initiative is ${status}: it takes and accepts expressions of interest only while open or shortlisting.`,
  );
}

function notPending(status: string): AppError {
  return new AppError('interest.not_pending', 409, `The expression of interest is already ${status}.`);
}

/** Expressions of interest: another organisation answers an open initiative; the owner accepts or declines. */
export function createInterestsService(database: Database) {
  /** Loads an interest and its initiative, both locked, the initiative first (as a new interest does). */
  async function findForAnswer(
    trx: Executor,
    id: string,
    version: number,
  ): Promise<{ interest: InterestRow; initiative: InitiativeRow }> {
    const unlocked = await findInterest(trx, id);
    if (!unlocked) throw notFound(entity, id);
    const initiative = (await findInitiative(trx, unlocked.initiativeId, { forUpdate: true }))!;
    const interest = assertCurrentVersion(
      entity,
      id,
      await findInterest(trx, id, { forUpdate: true }),
      version,
    );
    return { interest, initiative };
  }

  return {
    /** The interests in an initiative the actor sees: all for its managers, else its organisations' own. */
    async list(actor: Actor, initiativeId: string): Promise<InterestList> {
      const db = database.db;
      const initiative = await findVisibleInitiative(db, initiativeId, await findReaderScope(db, actor));
      if (!initiative) throw notFound('initiative', initiativeId);
      const [scope, readers] = await Promise.all([findWriteScope(db, actor), findReaderScope(db, actor)]);
      const rows = writesFor(scope, initiative.ownerOrganisationId)
        ? await listInterests(db, initiative.id)
        : await listInterests(db, initiative.id, readers === 'all' ? undefined : [...readers]);
      return { items: await present(db, scope, initiative, rows) };
    },

    /** The organisations the policies of an interest's routes look at. */
    async partiesOf(id: string): Promise<{ owner: string; interested: string; version: number }> {
      const interest = await findInterest(database.db, id);
      if (!interest) throw notFound(entity, id);
      const initiative = (await findInitiative(database.db, interest.initiativeId))!;
      return {
        owner: initiative.ownerOrganisationId,
        interested: interest.organisationId,
        version: interest.version,
      };
    },

    /** Expresses an organisation's interest in an open initiative and tells the owner's people. */
    async create(actor: Actor, initiativeId: string, input: InterestCreate): Promise<Interest> {
      return inTransaction(database, actor, async (trx) => {
        const visible = await findVisibleInitiative(trx, initiativeId, await findReaderScope(trx, actor));
        if (!visible) throw notFound('initiative', initiativeId);
        const initiative = (await findInitiative(trx, visible.id, { forUpdate: true }))!;
        const organisationId = input.organisationId.toLowerCase();
        const scope = await findWriteScope(trx, actor);
        if (!writesFor(scope, organisationId)) {
          throw new AppError('access.denied', 403, 'You do not act for this organisation.');
        }
        const organisations = await findOrganisationSummaries(trx, [organisationId]);
        const organisation = organisations.get(organisationId);
        assertNoFieldErrors(entity, [
          ...(organisation
            ? []
            : [
                {
                  field: 'body.organisationId',
                  code: 'interest.organisation_unknown',
                  message: `No organisation with id "${organisationId}".`,
                },
              ]),
          ...(organisationId === initiative.ownerOrganisationId
            ? [
                {
                  field: 'body.organisationId',
                  code: 'interest.own_initiative',
                  message: 'An organisation cannot express interest in its own initiative.',
                },
              ]
            : []),
        ]);
        if (!isTakingInterest(initiative.status as InitiativeStatus))
          throw notTakingInterest(initiative.status);
        const live = await findLiveInterest(trx, initiative.id, organisationId);
        if (live) {
          throw new AppError(
            'interest.duplicate',
            409,
            `This organisation's interest in the initiative is already ${live.status} (interest ${live.id}).`,
          );
        }
        const row = await insertInterest(trx, {
          id: newId(),
          initiativeId: initiative.id,
          organisationId,
          message: input.message,
          responseNote: null,
          projectId: null,
          partnershipId: null,
          answeredAt: null,
        });
        await notifyOrganisations(trx, actor, [initiative.ownerOrganisationId], 'interest_received', {
          initiativeId: initiative.id,
          initiativeTitle: initiative.title,
          interestId: row.id,
          organisationName: organisation!.name,
        });
        const [interest] = await present(trx, scope, initiative, [row]);
        return interest!;
      });
    },

    /**
     * Accepts an interest and, in the same transaction, makes what `create` asks for: the organisation as
     * a partner of the initiative's project, or a partnership with the owner. Tells the organisation.
     */
    async accept(actor: Actor, id: string, input: InterestAcceptance): Promise<Interest> {
      return inTransaction(database, actor, async (trx) => {
        const { interest, initiative } = await findForAnswer(trx, id, input.version);
        const scope = await findWriteScope(trx, actor);
        if (!writesFor(scope, initiative.ownerOrganisationId)) {
          throw new AppError('access.denied', 403, 'Only the initiative’s owner may accept interest in it.');
        }
        if (interest.status !== 'pending') throw notPending(interest.status);
        if (!isTakingInterest(initiative.status as InitiativeStatus))
          throw notTakingInterest(initiative.status);
        let projectId: string | null = null;
        let partnershipId: string | null = null;
        if (input.create === 'project_partner') {
          projectId = await recordProjectPartner(database, trx, actor, initiative, interest.organisationId);
        } else if (input.create === 'partnership') {
          partnershipId = await recordPartnership(
            trx,
            initiative,
            interest.organisationId,
            input.partnershipType ?? 'project_based',
          );
        }
        const row = await updateInterest(trx, interest.id, {
          status: 'accepted',
          responseNote: input.note ?? null,
          projectId,
          partnershipId,
          answeredAt: new Date(),
        });
        await notifyAnswer(trx, actor, initiative, row, 'accepted');
        const [accepted] = await present(trx, scope, initiative, [row]);
        return accepted!;
      });
    },

    /** Declines a pending interest and tells the organisation. */
    async decline(actor: Actor, id: string, input: InterestAnswer): Promise<Interest> {
      return inTransaction(database, actor, async (trx) => {
        const { interest, initiative } = await findForAnswer(trx, id, input.version);
        const scope = await findWriteScope(trx, actor);
        if (!writesFor(scope, initiative.ownerOrganisationId)) {
          throw new AppError('access.denied', 403, 'Only the initiative’s owner may decline interest in it.');
        }
        if (interest.status !== 'pending') throw notPending(interest.status);
        const row = await updateInterest(trx, interest.id, {
          status: 'declined',
          responseNote: input.note ?? null,
          answeredAt: new Date(),
        });
        await notifyAnswer(trx, actor, initiative, row, 'declined');
        const [declined] = await present(trx, scope, initiative, [row]);
        return declined!;
      });
    },

    /** Withdraws a pending interest, by the organisation that expressed it. */
    async withdraw(actor: Actor, id: string, input: InterestAnswer): Promise<Interest> {
      return inTransaction(database, actor, async (trx) => {
        const { interest, initiative } = await findForAnswer(trx, id, input.version);
        const scope = await findWriteScope(trx, actor);
        if (!writesFor(scope, interest.organisationId)) {
          throw new AppError(
            'access.denied',
            403,
            'Only the interested organisation may withdraw its interest.',
          );
        }
        if (interest.status !== 'pending') throw notPending(interest.status);
        const row = await updateInterest(trx, interest.id, {
          status: 'withdrawn',
          responseNote: input.note ?? null,
        });
        const [withdrawn] = await present(trx, scope, initiative, [row]);
        return withdrawn!;
      });
    },
  };
}

async function notifyAnswer(
  trx: Executor,
  actor: Actor,
  initiative: InitiativeRow,
  interest: InterestRow,
  answer: 'accepted' | 'declined',
): Promise<void> {
  const organisations = await findOrganisationSummaries(trx, [interest.organisationId]);
  await notifyOrganisations(trx, actor, [interest.organisationId], 'interest_answered', {
    initiativeId: initiative.id,
    initiativeTitle: initiative.title,
    interestId: interest.id,
    organisationName: organisations.get(interest.organisationId)?.name ?? '',
    answer,
  });
}

export type InterestsService = ReturnType<typeof createInterestsService>;
