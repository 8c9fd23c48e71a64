import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { ActivitiesTable, ActivityParticipantsTable } from '../../platform/db/tables.js';
import type { ActivityListQuery } from './activities.schemas.js';

export type ActivityRow = Selectable<ActivitiesTable>;
export type ActivityParticipantRow = Selectable<ActivityParticipantsTable>;

export function findActivity(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ActivityRow | undefined> {
  let query = db.selectFrom('activities').selectAll().where('id', '=', id.toLowerCase());
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Lists activities. `year` keeps the activities under way in that year: started in or before it and
 * ended in or after it, where an activity without an end date (a meeting, a conference) ends when it
 * starts; one with neither date is left out.
 */
export function listActivities(db: Executor, query: ActivityListQuery): Promise<PageResult<ActivityRow>> {
  let filtered = db.selectFrom('activities');
  if (query.name) filtered = filtered.where('searchText', 'like', likeContains(toSearchKey(query.name)));
  if (query.type) filtered = filtered.where('type', '=', query.type);
  if (query.theme) filtered = filtered.where(sql<boolean>`${query.theme} = any(themes)`);
  if (query.year !== undefined) {
    const year = String(query.year);
    filtered = filtered.where((eb) =>
      eb.and([
        eb.or([eb('startsOn', 'is', null), eb(eb.fn('left', [eb.ref('startsOn'), eb.lit(4)]), '<=', year)]),
        eb(eb.fn('left', [eb.fn.coalesce('endsOn', 'startsOn'), eb.lit(4)]), '>=', year),
      ]),
    );
  }
  if (query.organisation) {
    const organisationId = query.organisation.toLowerCase();
    filtered = filtered.where('id', 'in', (eb) =>
      eb.selectFrom('activityParticipants').select('activityId').where('organisationId', '=', organisationId),
    );
  }
  if (query.country) {
    const country = query.country;
    filtered = filtered.where((eb) =>
      eb.or([
        eb('country', '=', country),
        eb(
          'id',
          'in',
          eb
            .selectFrom('activityParticipants')
            .innerJoin('organisations', 'organisations.id', 'activityParticipants.organisationId')
            .select('activityParticipants.activityId')
            .where('organisations.country', '=', country),
        ),
      ]),
    );
  }
  if (query.project) filtered = filtered.where('projectId', '=', query.project.toLowerCase());
  const sort = query.sort ?? '-startsOn';
  const column = sort.replace(/^-/, '') as 'startsOn' | 'createdAt';
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  return fetchPage(filtered.selectAll(), query, (page) =>
    page
      .orderBy(column, (ob) => (direction === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('id'),
  );
}

export async function insertActivity(db: Executor, row: Insertable<ActivitiesTable>): Promise<ActivityRow> {
  return db.insertInto('activities').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateActivity(
  db: Executor,
  id: string,
  values: Updateable<ActivitiesTable>,
): Promise<ActivityRow> {
  return db
    .updateTable('activities')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes an activity with its participants. */
export async function deleteActivity(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('activities').where('id', '=', id).execute();
}

/** Replaces every participant of an activity. */
export async function replaceParticipants(
  db: Executor,
  activityId: string,
  participants: Insertable<ActivityParticipantsTable>[],
): Promise<void> {
  await db.deleteFrom('activityParticipants').where('activityId', '=', activityId).execute();
  if (participants.length > 0) await db.insertInto('activityParticipants').values(participants).execute();
}

/** The participants of the given activities, in their stored order. */
export async function findParticipants(
  db: Executor,
  activityIds: string[],
): Promise<Map<string, ActivityParticipantRow[]>> {
  const byActivity = new Map<string, ActivityParticipantRow[]>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .selectFrom('activityParticipants')
    .selectAll()
    .where('activityId', 'in', activityIds)
    .orderBy('activityId')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byActivity.get(row.activityId) ?? [];
    list.push(row);
    byActivity.set(row.activityId, list);
  }
  return byActivity;
}
