import { sql } from 'kysely';
import type { GraphOrganisation, GraphPartnership } from '../../domain/cooperation-graph.js';
import type { Executor } from '../../platform/db/database.js';

/** The revision of the cooperation graph: raised by every write to the tables the graph is made of. */
export async function findGraphRevision(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('cooperationGraphRevision')
    .select('revision')
    .where('graph', '=', 'cooperation')
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** Every organisation with what matching needs: figures, themes, memberships, participation counts. */
export async function findGraphOrganisations(db: Executor): Promise<GraphOrganisation[]> {
  const { rows } = await sql<{
    id: string;
    slug: string;
    name: string;
    kind: string;
    country: string | null;
    latitude: number | null;
    longitude: number | null;
    population: number | null;
    themes: string[];
    memberOf: string[] | null;
    projects: number;
    activities: number;
  }>`
    select o.id, o.slug, o.display_name as name, o.kind, o.country, o.latitude, o.longitude, o.population,
      o.themes,
      (select array_agg(m.organisation_id) from memberships m where m.member_id = o.id) as member_of,
      (select count(*)::int from project_partners pp where pp.organisation_id = o.id) as projects,
      (select count(*)::int from activity_participants ap where ap.organisation_id = o.id) as activities
    from organisations o
    order by o.id`.execute(db);
  return rows.map((row) => ({ ...row, country: row.country?.trim() ?? null, memberOf: row.memberOf ?? [] }));
}

/** Every partnership, with its themes. */
export async function findGraphPartnerships(
  db: Executor,
): Promise<(GraphPartnership & { themes: string[] })[]> {
  return db
    .selectFrom('partnerships')
    .select(['organisationAId', 'organisationBId', 'type', 'status', 'themes'])
    .execute();
}

/** The names of organisations, for showing them in a reader's language. */
export async function findOrganisationNames(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { name: string; language: string; kind: string }[]>> {
  const names = new Map<string, { name: string; language: string; kind: string }[]>();
  if (ids.length === 0) return names;
  const rows = await db
    .selectFrom('names')
    .select(['organisationId', 'name', 'language', 'kind'])
    .where('organisationId', 'in', [...new Set(ids)])
    .orderBy('position')
    .execute();
  for (const { organisationId, ...name } of rows) {
    const list = names.get(organisationId) ?? [];
    list.push(name);
    names.set(organisationId, list);
  }
  return names;
}
