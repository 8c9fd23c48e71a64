import type { Updateable } from 'kysely';
import {
  allowedTransitions,
  canTransition,
  checkInitiative,
  dayOf,
  initiativeDisplayTitle,
  initiativeSearchText,
  isFinalStatus,
  type InitiativeStatus,
} from '../../domain/initiative.js';
import type { Actor } from '../../platform/actor.js';
import { actorLabel } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import type { InitiativesTable } from '../../platform/db/tables.js';
import { AppError, assertNoFieldErrors, notFound, type FieldError } from '../../platform/errors.js';
import { findWriteScope, type WriteScope } from '../access/access.service.js';
import { notifyOrganisations } from '../notifications/notifications.service.js';
import { findOrganisationSummaries } from '../organisations/organisations.repository.js';
import { findProjectSummaries } from '../projects/projects.repository.js';
import { checkReferences } from '../shared/record-references.js';
import {
  countInterests,
  findInitiative,
  findStatusChanges,
  findVisibleInitiative,
  insertInitiative,
  insertStatusChange,
  listInitiatives,
  updateInitiative,
  type InitiativeRow,
  type ReaderScope,
} from './initiatives.repository.js';
import type {
  Initiative,
  InitiativeCreate,
  InitiativeListQuery,
  InitiativeStatusChange,
  InitiativeTransition,
  InitiativeUpdate,
} from './initiatives.schemas.js';

const entity = 'initiative';

/**
 * The organisations whose non-public initiatives the actor sees: those it has any role for (viewers
 * included) and those it writes for (a coordinator's association members).
 */
export async function findReaderScope(db: Executor, actor: Actor): Promise<ReaderScope> {
  const writeScope = await findWriteScope(db, actor);
  if (writeScope === 'all') return 'all';
  const scope = new Set(writeScope);
  if (actor.kind === 'user') for (const grant of actor.grants) scope.add(grant.organisationId);
  return scope;
}

function writesFor(scope: WriteScope, organisationId: string): boolean {
  return scope === 'all' || scope.has(organisationId);
}

/** Shapes stored rows as the API's initiative, for one reader. */
async function present(db: Executor, actor: Actor, rows: InitiativeRow[]): Promise<Initiative[]> {
  const [owners, projects, interests, scope] = await Promise.all([
    findOrganisationSummaries(
      db,
      rows.map((row) => row.ownerOrganisationId),
    ),
    findProjectSummaries(
      db,
      rows.map((row) => row.projectId),
    ),
    countInterests(
      db,
      rows.map((row) => row.id),
    ),
    findWriteScope(db, actor),
  ]);
  return rows.map((row) => {
    const owner = owners.get(row.ownerOrganisationId);
    // The foreign key makes this impossible; say so loudly rather than answer with a hole.
    if (!owner) throw new Error(`The owner of initiative ${row.id} is missing.`);
    const status = row.status as InitiativeStatus;
    const canManage = writesFor(scope, row.ownerOrganisationId);
    return {
      id: row.id,
      owner,
      title: row.title,
      displayTitle: row.displayTitle,
      description: row.description,
      themes: row.themes,
      partnerKinds: row.partnerKinds,
      countries: row.countries,
      populationMin: row.populationMin,
      populationMax: row.populationMax,
      languages: row.languages,
      partnersWanted: row.partnersWanted,
      fundingProgramme: row.fundingProgramme as Initiative['fundingProgramme'],
      call: row.call,
      deadline: row.deadline,
      visibility: row.visibility,
      status,
      allowedTransitions: canManage ? [...allowedTransitions(status)] : [],
      project: row.projectId ? (projects.get(row.projectId) ?? null) : null,
      interests: interests.get(row.id) ?? { pending: 0, accepted: 0 },
      canManage,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/** The owner must be an organisation of the registry. */
async function checkOwner(db: Executor, ownerId: string): Promise<FieldError[]> {
  const found = await findOrganisationSummaries(db, [ownerId]);
  return found.has(ownerId)
    ? []
    : [
        {
          field: 'body.ownerOrganisationId',
          code: 'initiative.owner_unknown',
          message: `No organisation with id "${ownerId}".`,
        },
      ];
}

function denied(): AppError {
  return new AppError('access.denied', 403, 'Your account may not manage initiatives of this organisation.');
}

/** 409 for a move the status machine does not allow. */
export function invalidTransition(from: InitiativeStatus, to: InitiativeStatus): AppError {
  const allowed = allowedTransitions(from);
  return new AppError(
    'initiative.invalid_transition',
    409,
    `An initiative that is ${from} cannot become ${to}; ` +
      (allowed.length > 0 ? `it can become ${allowed.join(', ')}.` : 'it cannot change any more.'),
  );
}

/**
 * The people to tell about an initiative: its owner's and those of every organisation whose interest is
 * pending or accepted.
 */
async function organisationsInvolved(db: Executor, row: InitiativeRow): Promise<string[]> {
  const interested = await db
    .selectFrom('expressionsOfInterest')
    .select('organisationId')
    .where('initiativeId', '=', row.id)
    .where('status', 'in', ['pending', 'accepted'])
    .execute();
  return [row.ownerOrganisationId, ...interested.map((interest) => interest.organisationId)];
}

/** Initiatives: an organisation looking for partners, from a draft to an outcome. */
export function createInitiativesService(database: Database) {
  /** Loads an initiative the actor may see, or 404 (also for those it may not see). */
  async function findReadable(db: Executor, actor: Actor, id: string): Promise<InitiativeRow> {
    const row = await findVisibleInitiative(db, id, await findReaderScope(db, actor));
    if (!row) throw notFound(entity, id);
    return row;
  }

  /** Loads an initiative for a change by the actor, locked; 404 when the actor may not see it. */
  async function findManageable(trx: Executor, actor: Actor, id: string): Promise<InitiativeRow> {
    const readable = await findReadable(trx, actor, id);
    if (!writesFor(await findWriteScope(trx, actor), readable.ownerOrganisationId)) throw denied();
    return (await findInitiative(trx, readable.id, { forUpdate: true }))!;
  }

  return {
    async list(actor: Actor, query: InitiativeListQuery): Promise<PageResult<Initiative>> {
      const page = await listInitiatives(database.db, query, await findReaderScope(database.db, actor));
      return { ...page, items: await present(database.db, actor, page.items) };
    },

    async get(actor: Actor, id: string): Promise<Initiative> {
      const row = await findReadable(database.db, actor, id);
      const [initiative] = await present(database.db, actor, [row]);
      return initiative!;
    },

    /** The owner of an initiative the actor may see (for write policies); 404 otherwise. */
    async ownerOf(actor: Actor, id: string): Promise<{ ownerOrganisationId: string; version: number }> {
      const row = await findReadable(database.db, actor, id);
      return { ownerOrganisationId: row.ownerOrganisationId, version: row.version };
    },

    /** Every status the initiative has had, oldest first. */
    async history(actor: Actor, id: string): Promise<{ items: InitiativeStatusChange[] }> {
      const row = await findReadable(database.db, actor, id);
      const changes = await findStatusChanges(database.db, row.id);
      return {
        items: changes.map((change) => ({
          from: change.fromStatus as InitiativeStatus | null,
          to: change.toStatus as InitiativeStatus,
          note: change.note,
          changedAt: change.changedAt.toISOString(),
        })),
      };
    },

    async create(actor: Actor, input: InitiativeCreate): Promise<Initiative> {
      return inTransaction(database, actor, async (trx) => {
        const ownerId = input.ownerOrganisationId.toLowerCase();
        if (!writesFor(await findWriteScope(trx, actor), ownerId)) throw denied();
        assertNoFieldErrors(entity, [
          ...checkInitiative(input, dayOf(new Date())),
          ...(await checkOwner(trx, ownerId)),
          ...(await checkReferences(trx, { themes: input.themes })),
        ]);
        const status = input.status ?? 'draft';
        const row = await insertInitiative(trx, {
          id: newId(),
          ownerOrganisationId: ownerId,
          title: input.title,
          displayTitle: initiativeDisplayTitle(input.title),
          description: input.description ?? {},
          themes: input.themes ?? [],
          partnerKinds: input.partnerKinds ?? [],
          countries: input.countries ?? [],
          populationMin: input.populationMin ?? null,
          populationMax: input.populationMax ?? null,
          languages: input.languages ?? [],
          partnersWanted: input.partnersWanted ?? null,
          fundingProgramme: input.fundingProgramme ?? null,
          call: input.call ?? null,
          deadline: input.deadline ?? null,
          visibility: input.visibility ?? 'public',
          status,
          searchText: initiativeSearchText(input.title),
        });
        await insertStatusChange(trx, {
          id: newId(),
          initiativeId: row.id,
          fromStatus: null,
          toStatus: status,
          actor: actorLabel(actor),
          note: null,
        });
        const [initiative] = await present(trx, actor, [row]);
        return initiative!;
      });
    },

    /** Changes what the initiative says and seeks; its status moves only through {@link transition}. */
    async update(actor: Actor, id: string, patch: InitiativeUpdate): Promise<Initiative> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(entity, id, await findManageable(trx, actor, id), patch.version);
        if (isFinalStatus(current.status as InitiativeStatus)) {
          throw new AppError(
            'initiative.final',
            409,
            `The initiative is ${current.status}; it can no longer be changed.`,
          );
        }
        const { version: _version, ...fields } = patch;
        const title = fields.title ?? current.title;
        const deadlineChanges = fields.deadline !== undefined && fields.deadline !== current.deadline;
        assertNoFieldErrors(entity, [
          ...checkInitiative(
            {
              title,
              populationMin:
                fields.populationMin === undefined ? current.populationMin : fields.populationMin,
              populationMax:
                fields.populationMax === undefined ? current.populationMax : fields.populationMax,
              deadline: deadlineChanges ? fields.deadline : undefined,
            },
            dayOf(new Date()),
          ),
          ...(await checkReferences(trx, { themes: fields.themes })),
        ]);
        const row = await updateInitiative(trx, current.id, {
          ...(fields as Updateable<InitiativesTable>),
          displayTitle: initiativeDisplayTitle(title),
          searchText: initiativeSearchText(title),
        });
        const [initiative] = await present(trx, actor, [row]);
        return initiative!;
      });
    },

    /**
     * Moves the initiative to another status, if the status machine allows it (else 409
     * `initiative.invalid_transition`), records the move in the history and tells the people involved.
     */
    async transition(actor: Actor, id: string, request: InitiativeTransition): Promise<Initiative> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findManageable(trx, actor, id),
          request.version,
        );
        const from = current.status as InitiativeStatus;
        if (!canTransition(from, request.to)) throw invalidTransition(from, request.to);
        const row = await updateInitiative(trx, current.id, { status: request.to });
        await insertStatusChange(trx, {
          id: newId(),
          initiativeId: row.id,
          fromStatus: from,
          toStatus: request.to,
          actor: actorLabel(actor),
          note: request.note ?? null,
        });
        await notifyOrganisations(
          trx,
          actor,
          await organisationsInvolved(trx, row),
          'initiative_status_changed',
          { initiativeId: row.id, initiativeTitle: row.title, from, to: request.to },
        );
        const [initiative] = await present(trx, actor, [row]);
        return initiative!;
      });
    },

    /** The initiative as the actor may see it, stored, for other services (candidates, interests). */
    findReadable: (actor: Actor, id: string) => findReadable(database.db, actor, id),
  };
}

export type InitiativesService = ReturnType<typeof createInitiativesService>;
