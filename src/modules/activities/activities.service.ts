import type { Insertable, Updateable } from 'kysely';
import { activitySearchText, checkActivity, chooseDisplayTitle } from '../../domain/activity.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import type { ActivitiesTable, ActivityParticipantsTable } from '../../platform/db/tables.js';
import { assertNoFieldErrors, notFound, type FieldError } from '../../platform/errors.js';
import { findOrganisationSummaries } from '../organisations/organisations.repository.js';
import { findProjectSummaries } from '../projects/projects.repository.js';
import { checkReferences } from '../shared/record-references.js';
import { findSourceSummaries } from '../sources/sources.repository.js';
import {
  deleteActivity,
  findActivity,
  findParticipants,
  insertActivity,
  listActivities,
  replaceParticipants,
  updateActivity,
  type ActivityRow,
} from './activities.repository.js';
import type {
  Activity,
  ActivityCreate,
  ActivityListQuery,
  ActivityParticipant,
  ActivityParticipantInput,
  ActivityUpdate,
} from './activities.schemas.js';
import { indexActivity } from '../search/search-index.js';

const entity = 'activity';

/** Shapes stored rows as the API's activity, loading participants, projects and sources in batches. */
async function present(db: Executor, rows: ActivityRow[]): Promise<Activity[]> {
  const participants = await findParticipants(
    db,
    rows.map((row) => row.id),
  );
  const [organisations, projects, sources] = await Promise.all([
    findOrganisationSummaries(
      db,
      [...participants.values()].flat().map((participant) => participant.organisationId),
    ),
    findProjectSummaries(
      db,
      rows.map((row) => row.projectId),
    ),
    findSourceSummaries(
      db,
      rows.map((row) => row.sourceId),
    ),
  ]);
  return rows.map((row) => {
    const { searchText: _searchText, projectId, sourceId, createdAt, updatedAt, ...fields } = row;
    return {
      ...fields,
      project: projectId ? (projects.get(projectId) ?? null) : null,
      participants: (participants.get(row.id) ?? []).flatMap((participant): ActivityParticipant[] => {
        const organisation = organisations.get(participant.organisationId);
        return organisation ? [{ organisation, role: participant.role }] : [];
      }),
      source: sourceId ? (sources.get(sourceId) ?? null) : null,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  });
}

/** Organisation ids compare as stored: lower case. */
function normaliseParticipants(
  participants: readonly ActivityParticipantInput[],
): ActivityParticipantInput[] {
  return participants.map((participant) => ({
    ...participant,
    organisationId: participant.organisationId.toLowerCase(),
  }));
}

/** Every participant must be an organisation of the registry, and the project a project of it. */
async function checkActivityReferences(
  db: Executor,
  references: { participants?: readonly ActivityParticipantInput[]; projectId?: string | null },
): Promise<FieldError[]> {
  const participants = references.participants ?? [];
  const [known, projects] = await Promise.all([
    findOrganisationSummaries(
      db,
      participants.map((participant) => participant.organisationId),
    ),
    findProjectSummaries(db, [references.projectId ?? null]),
  ]);
  const errors: FieldError[] = participants.flatMap((participant, index) =>
    known.has(participant.organisationId)
      ? []
      : [
          {
            field: `body.participants.${index}.organisationId`,
            code: 'activity.organisation_unknown',
            message: `No organisation with id "${participant.organisationId}".`,
          },
        ],
  );
  if (references.projectId && !projects.has(references.projectId)) {
    errors.push({
      field: 'body.projectId',
      code: 'activity.project_unknown',
      message: `No project with id "${references.projectId}".`,
    });
  }
  return errors;
}

function participantRows(
  activityId: string,
  participants: readonly ActivityParticipantInput[],
): Insertable<ActivityParticipantsTable>[] {
  return participants.map((participant, position) => ({
    id: newId(),
    activityId,
    organisationId: participant.organisationId,
    role: participant.role,
    position,
  }));
}

/** Activities: dated events of cooperation (visits, conferences, meetings) with their participants. */
export function createActivitiesService(database: Database) {
  return {
    async list(_actor: Actor, query: ActivityListQuery): Promise<PageResult<Activity>> {
      const page = await listActivities(database.db, query);
      return { ...page, items: await present(database.db, page.items) };
    },

    async get(_actor: Actor, id: string): Promise<Activity> {
      const row = await findActivity(database.db, id);
      if (!row) throw notFound(entity, id);
      const [activity] = await present(database.db, [row]);
      return activity!;
    },

    async create(actor: Actor, input: ActivityCreate, executor?: Executor): Promise<Activity> {
      const work = async (trx: Executor) => {
        const participants = normaliseParticipants(input.participants ?? []);
        const projectId = input.projectId?.toLowerCase() ?? null;
        assertNoFieldErrors(entity, [
          ...checkActivity({
            title: input.title,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            participants,
          }),
          ...(await checkActivityReferences(trx, { participants, projectId })),
          ...(await checkReferences(trx, { themes: input.themes, sourceId: input.sourceId })),
        ]);
        const { participants: _participants, ...fields } = input;
        const row = await insertActivity(trx, {
          ...(fields as Omit<Insertable<ActivitiesTable>, 'id'>),
          id: newId(),
          displayTitle: chooseDisplayTitle(input.title),
          description: input.description ?? {},
          outcomes: input.outcomes ?? {},
          themes: input.themes ?? [],
          projectId,
          searchText: activitySearchText(input),
        });
        await replaceParticipants(trx, row.id, participantRows(row.id, participants));
        await indexActivity(trx, row.id);
        const [activity] = await present(trx, [row]);
        return activity!;
      };
      return executor ? work(executor) : inTransaction(database, actor, work);
    },

    /** Changes an activity; `participants`, when given, replaces the whole list. */
    async update(actor: Actor, id: string, patch: ActivityUpdate): Promise<Activity> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findActivity(trx, id, { forUpdate: true }),
          patch.version,
        );
        const { version: _version, participants: newParticipants, ...fields } = patch;
        const participants = newParticipants ? normaliseParticipants(newParticipants) : undefined;
        if (fields.projectId) fields.projectId = fields.projectId.toLowerCase();
        const title = fields.title ?? current.title;
        const placeName = fields.placeName === undefined ? current.placeName : fields.placeName;
        assertNoFieldErrors(entity, [
          ...checkActivity({
            title,
            startsOn: fields.startsOn === undefined ? current.startsOn : fields.startsOn,
            endsOn: fields.endsOn === undefined ? current.endsOn : fields.endsOn,
            participants,
          }),
          ...(await checkActivityReferences(trx, { participants, projectId: fields.projectId })),
          ...(await checkReferences(trx, { themes: fields.themes, sourceId: fields.sourceId })),
        ]);
        const row = await updateActivity(trx, current.id, {
          ...(fields as Updateable<ActivitiesTable>),
          displayTitle: chooseDisplayTitle(title),
          searchText: activitySearchText({ title, placeName }),
        });
        if (participants)
          await replaceParticipants(trx, current.id, participantRows(current.id, participants));
        await indexActivity(trx, current.id);
        const [activity] = await present(trx, [row]);
        return activity!;
      });
    },

    async remove(actor: Actor, id: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findActivity(trx, id, { forUpdate: true }),
          version,
        );
        await deleteActivity(trx, current.id);
        await indexActivity(trx, current.id);
      });
    },
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
