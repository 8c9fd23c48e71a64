import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { toSearchKey } from '../../domain/search-key.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, type PageResult } from '../../platform/db/helpers.js';
import type { ProjectPartnersTable, ProjectsTable } from '../../platform/db/tables.js';
import type { ProjectListQuery, ProjectSummary } from './projects.schemas.js';

export type ProjectRow = Selectable<ProjectsTable>;
export type ProjectPartnerRow = Selectable<ProjectPartnersTable>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a project by id or by slug. */
export function findProject(
  db: Executor,
  idOrSlug: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProjectRow | undefined> {
  const isId = uuidPattern.test(idOrSlug);
  let query = db
    .selectFrom('projects')
    .selectAll()
    .where(isId ? 'id' : 'slug', '=', isId ? idOrSlug.toLowerCase() : idOrSlug);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Lists projects. `year` keeps the projects running in that year: started in or before it and not ended
 * before it; a project with neither date is left out.
 */
export function listProjects(db: Executor, query: ProjectListQuery): Promise<PageResult<ProjectRow>> {
  let filtered = db.selectFrom('projects');
  if (query.name) filtered = filtered.where('searchText', 'like', likeContains(toSearchKey(query.name)));
  if (query.programme) {
    const programme = query.programme;
    filtered = filtered.where((eb) =>
      eb(eb.fn('lower', [eb.ref('programme')]), '=', eb.fn('lower', [eb.val(programme)])),
    );
  }
  if (query.status) filtered = filtered.where('status', '=', query.status);
  if (query.theme) filtered = filtered.where(sql<boolean>`${query.theme} = any(themes)`);
  if (query.year !== undefined) {
    const year = String(query.year);
    filtered = filtered.where((eb) =>
      eb.and([
        eb.or([eb('startsOn', 'is not', null), eb('endsOn', 'is not', null)]),
        eb.or([eb('startsOn', 'is', null), eb(eb.fn('left', [eb.ref('startsOn'), eb.lit(4)]), '<=', year)]),
        eb.or([eb('endsOn', 'is', null), eb(eb.fn('left', [eb.ref('endsOn'), eb.lit(4)]), '>=', year)]),
      ]),
    );
  }
  if (query.organisation) {
    const organisationId = query.organisation.toLowerCase();
    filtered = filtered.where('id', 'in', (eb) =>
      eb.selectFrom('projectPartners').select('projectId').where('organisationId', '=', organisationId),
    );
  }
  if (query.country) {
    const country = query.country;
    filtered = filtered.where('id', 'in', (eb) =>
      eb
        .selectFrom('projectPartners')
        .innerJoin('organisations', 'organisations.id', 'projectPartners.organisationId')
        .select('projectPartners.projectId')
        .where('organisations.country', '=', country),
    );
  }
  const sort = query.sort ?? 'title';
  const field = sort.replace(/^-/, '');
  const column = field === 'title' ? 'displayTitle' : (field as 'startsOn' | 'createdAt');
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  return fetchPage(filtered.selectAll(), query, (page) =>
    page
      .orderBy(column, (ob) => (direction === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('id'),
  );
}

export async function insertProject(db: Executor, row: Insertable<ProjectsTable>): Promise<ProjectRow> {
  return db.insertInto('projects').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateProject(
  db: Executor,
  id: string,
  values: Updateable<ProjectsTable>,
): Promise<ProjectRow> {
  return db
    .updateTable('projects')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes a project; its partners go with it and its activities keep existing without it. */
export async function deleteProject(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('projects').where('id', '=', id).execute();
}

/** Replaces every partner of a project. */
export async function replacePartners(
  db: Executor,
  projectId: string,
  partners: Insertable<ProjectPartnersTable>[],
): Promise<void> {
  await db.deleteFrom('projectPartners').where('projectId', '=', projectId).execute();
  if (partners.length > 0) await db.insertInto('projectPartners').values(partners).execute();
}

/** The partners of the given projects, in their stored order. */
export async function findPartners(
  db: Executor,
  projectIds: string[],
): Promise<Map<string, ProjectPartnerRow[]>> {
  const byProject = new Map<string, ProjectPartnerRow[]>();
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .selectFrom('projectPartners')
    .selectAll()
    .where('projectId', 'in', projectIds)
    .orderBy('projectId')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byProject.get(row.projectId) ?? [];
    list.push(row);
    byProject.set(row.projectId, list);
  }
  return byProject;
}

export async function isSlugTaken(db: Executor, slug: string): Promise<boolean> {
  const row = await db.selectFrom('projects').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** Summaries of projects for the records that mention them. */
export async function findProjectSummaries(
  db: Executor,
  ids: (string | null)[],
): Promise<Map<string, ProjectSummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('projects')
    .select(['id', 'slug', 'displayTitle as title', 'acronym'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}
