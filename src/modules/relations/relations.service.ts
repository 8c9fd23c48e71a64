import { nameInLanguage } from '../../domain/organisation.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { findOrganisation, findOrganisationSummaries } from '../organisations/organisations.repository.js';
import type { OrganisationSummary } from '../organisations/organisations.schemas.js';
import { findSourceSummaries } from '../sources/sources.repository.js';
import {
  findActivitiesOf,
  findMembershipsOf,
  findNamesInLanguage,
  findOtherParticipants,
  findPartnershipsOf,
  findProgrammesOf,
  findProjectPartners,
  findProjectsOf,
} from './relations.repository.js';
import type { OrganisationRelations } from './relations.schemas.js';
import { presentConfirmation } from '../confirmation/confirmation.schemas.js';

/**
 * Summaries of organisations, named in the reader's language where they have such a name. Names in the
 * asked script (`sr-Cyrl`) come before the language's other scripts.
 */
async function findSummariesInLanguage(
  db: Executor,
  ids: string[],
  language: string | undefined,
): Promise<Map<string, OrganisationSummary>> {
  const [summaries, names] = await Promise.all([
    findOrganisationSummaries(db, ids),
    language ? findNamesInLanguage(db, [...new Set(ids)], language) : Promise.resolve([]),
  ]);
  if (!language) return summaries;
  const script = language.split('-')[1];
  const byOrganisation = groupBy(names, (name) => name.organisationId);
  for (const [id, summary] of summaries) {
    const own = byOrganisation.get(id) ?? [];
    const ordered = script
      ? [...own.filter((name) => name.script === script), ...own.filter((name) => name.script !== script)]
      : own;
    summaries.set(id, { ...summary, name: nameInLanguage(ordered, language, summary.name) });
  }
  return summaries;
}

/** Groups rows by a key, keeping their order (Map.groupBy needs Node 21). */
function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const byName = (a: { other: OrganisationSummary }, b: { other: OrganisationSummary }) =>
  a.other.name.localeCompare(b.other.name);

/** Everything an organisation is tied to, for its profile and network views. */
export function createRelationsService(database: Database) {
  return {
    /** The ties of one organisation, found by id or slug, in a fixed number of queries. */
    async ofOrganisation(_actor: Actor, idOrSlug: string, language?: string): Promise<OrganisationRelations> {
      const db = database.db;
      const organisation = await findOrganisation(db, idOrSlug);
      if (!organisation) throw notFound('organisation', idOrSlug);
      const id = organisation.id;
      const [memberships, partnerships, projects, activities, programmes] = await Promise.all([
        findMembershipsOf(db, id),
        findPartnershipsOf(db, id),
        findProjectsOf(db, id),
        findActivitiesOf(db, id),
        findProgrammesOf(db, id),
      ]);
      const [partners, participants] = await Promise.all([
        findProjectPartners(
          db,
          projects.map((project) => project.id),
        ),
        findOtherParticipants(
          db,
          activities.map((activity) => activity.id),
          id,
        ),
      ]);
      const organisationIds = [
        id,
        ...memberships.flatMap((row) => [row.memberId, row.organisationId]),
        ...partnerships.flatMap((row) => [row.organisationAId, row.organisationBId]),
        ...partners.map((row) => row.organisationId),
        ...participants.map((row) => row.organisationId),
      ];
      const [summaries, sources] = await Promise.all([
        findSummariesInLanguage(db, organisationIds, language),
        findSourceSummaries(db, [
          ...memberships.map((row) => row.sourceId),
          ...partnerships.map((row) => row.sourceId),
        ]),
      ]);
      const summary = (organisationId: string) => summaries.get(organisationId)!;
      const source = (sourceId: string | null) => (sourceId ? (sources.get(sourceId) ?? null) : null);
      const partnersOf = groupBy(partners, (row) => row.projectId);
      const participantsOf = groupBy(participants, (row) => row.activityId);

      const relatedMemberships = memberships
        .map((row) => {
          const isMember = row.memberId === id;
          return {
            id: row.id,
            direction: isMember ? ('member_of' as const) : ('has_member' as const),
            role: row.role,
            since: row.since,
            until: row.until,
            other: summary(isMember ? row.organisationId : row.memberId),
            source: source(row.sourceId),
            confirmation: presentConfirmation(row),
            version: row.version,
          };
        })
        .sort((a, b) => (a.direction === b.direction ? byName(a, b) : a.direction === 'member_of' ? -1 : 1));
      const relatedPartnerships = partnerships
        .map((row) => ({
          id: row.id,
          type: row.type,
          status: row.status,
          startedOn: row.startedOn,
          signedOn: row.signedOn,
          endedOn: row.endedOn,
          other: summary(row.organisationAId === id ? row.organisationBId : row.organisationAId),
          source: source(row.sourceId),
          confirmation: presentConfirmation(row),
          version: row.version,
        }))
        .sort(byName);
      const memberOfCount = relatedMemberships.filter((row) => row.direction === 'member_of').length;

      return {
        organisation: summary(id),
        memberships: relatedMemberships,
        partnerships: relatedPartnerships,
        projects: projects.map(({ displayTitle, ...project }) => ({
          ...project,
          title: displayTitle,
          partners: (partnersOf.get(project.id) ?? []).map((row) => ({
            organisation: summary(row.organisationId),
            role: row.role,
            confirmation: presentConfirmation(row),
          })),
        })),
        activities: activities.map(({ displayTitle, ...activity }) => ({
          ...activity,
          title: displayTitle,
          participants: (participantsOf.get(activity.id) ?? []).map((row) => ({
            organisation: summary(row.organisationId),
            role: row.role,
          })),
        })),
        programmes: programmes.map(({ displayTitle, ...programme }) => ({
          ...programme,
          title: displayTitle,
        })),
        counts: {
          memberships: memberOfCount,
          members: relatedMemberships.length - memberOfCount,
          partnerships: relatedPartnerships.length,
          projects: projects.length,
          activities: activities.length,
        },
      };
    },
  };
}

export type RelationsService = ReturnType<typeof createRelationsService>;
