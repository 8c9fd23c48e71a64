import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/**
 * Read-only queries of everything tied to one organisation. Each loads one kind of tie in a single
 * query, so a profile costs the same number of queries however many ties it has.
 */

const confirmationColumns = [
  'confirmation',
  'claimedBy',
  'confirmationNote',
  'confirmationChangedAt',
] as const;

export function findMembershipsOf(db: Executor, organisationId: string) {
  return db
    .selectFrom('memberships')
    .select([
      'id',
      'memberId',
      'organisationId',
      'role',
      'since',
      'until',
      'sourceId',
      ...confirmationColumns,
      'version',
    ])
    .where((eb) => eb.or([eb('memberId', '=', organisationId), eb('organisationId', '=', organisationId)]))
    .execute();
}

export function findPartnershipsOf(db: Executor, organisationId: string) {
  return db
    .selectFrom('partnerships')
    .select([
      'id',
      'organisationAId',
      'organisationBId',
      'type',
      'status',
      'startedOn',
      'signedOn',
      'endedOn',
      'sourceId',
      ...confirmationColumns,
      'version',
    ])
    .where((eb) =>
      eb.or([eb('organisationAId', '=', organisationId), eb('organisationBId', '=', organisationId)]),
    )
    .execute();
}

/** The projects an organisation is a partner of, with its role, newest first. */
export function findProjectsOf(db: Executor, organisationId: string) {
  return db
    .selectFrom('projects')
    .innerJoin('projectPartners', 'projectPartners.projectId', 'projects.id')
    .select([
      'projects.id',
      'projects.slug',
      'projects.displayTitle',
      'projects.acronym',
      'projects.programme',
      'projects.status',
      'projects.startsOn',
      'projects.endsOn',
      'projectPartners.role',
    ])
    .where('projectPartners.organisationId', '=', organisationId)
    .orderBy('projects.startsOn', (ob) => ob.desc().nullsLast())
    .orderBy('projects.displayTitle')
    .orderBy('projects.id')
    .execute();
}

/** Every partner of the given projects, the lead first, then in their stored order. */
export async function findProjectPartners(db: Executor, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('projectPartners')
    .select(['projectId', 'organisationId', 'role', ...confirmationColumns])
    .where('projectId', 'in', projectIds)
    .orderBy('projectId')
    .orderBy(sql`role = 'lead'`, 'desc')
    .orderBy('position')
    .execute();
}

/** The activities an organisation took part in, with its role, newest first. */
export function findActivitiesOf(db: Executor, organisationId: string) {
  return db
    .selectFrom('activities')
    .innerJoin('activityParticipants', 'activityParticipants.activityId', 'activities.id')
    .select([
      'activities.id',
      'activities.type',
      'activities.displayTitle',
      'activities.startsOn',
      'activities.endsOn',
      'activities.placeName',
      'activityParticipants.role',
    ])
    .where('activityParticipants.organisationId', '=', organisationId)
    .orderBy('activities.startsOn', (ob) => ob.desc().nullsLast())
    .orderBy('activities.displayTitle')
    .orderBy('activities.id')
    .execute();
}

/** The participants of the given activities other than one organisation, in their stored order. */
export async function findOtherParticipants(db: Executor, activityIds: string[], exceptId: string) {
  if (activityIds.length === 0) return [];
  return db
    .selectFrom('activityParticipants')
    .select(['activityId', 'organisationId', 'role'])
    .where('activityId', 'in', activityIds)
    .where('organisationId', '<>', exceptId)
    .orderBy('activityId')
    .orderBy('position')
    .execute();
}

/** An organisation's annual programmes, newest first. */
export function findProgrammesOf(db: Executor, organisationId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'year', 'displayTitle'])
    .where('organisationId', '=', organisationId)
    .orderBy('year', 'desc')
    .execute();
}

/** The names of the given organisations in one language (all its scripts), in their stored order. */
export async function findNamesInLanguage(db: Executor, organisationIds: string[], language: string) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('names')
    .select(['organisationId', 'name', 'language', 'script', 'kind'])
    .where('organisationId', 'in', organisationIds)
    .where('language', '=', language.split('-')[0]!)
    .orderBy('organisationId')
    .orderBy('position')
    .execute();
}
