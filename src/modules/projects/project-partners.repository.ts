import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ProjectPartnersTable } from '../../platform/db/tables.js';

/**
 * One partner of a project at a time: a partner claiming its place, withdrawing, or confirming. A
 * project's partners are part of the project, so each such change also counts as a change of the
 * project (its version goes up).
 */

export type ProjectPartnerRow = Selectable<ProjectPartnersTable>;

export function findProjectPartner(
  db: Executor,
  projectId: string,
  organisationId: string,
): Promise<ProjectPartnerRow | undefined> {
  return db
    .selectFrom('projectPartners')
    .selectAll()
    .where('projectId', '=', projectId)
    .where('organisationId', '=', organisationId.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

/** The organisation leading a project, if it has a lead. */
export async function findProjectLead(db: Executor, projectId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('projectPartners')
    .select('organisationId')
    .where('projectId', '=', projectId)
    .where('role', '=', 'lead')
    .executeTakeFirst();
  return row?.organisationId;
}

export async function insertProjectPartner(
  db: Executor,
  row: Omit<Insertable<ProjectPartnersTable>, 'position'>,
): Promise<void> {
  await db
    .insertInto('projectPartners')
    .values((eb) => ({
      ...row,
      position: eb
        .selectFrom('projectPartners')
        .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
        .where('projectId', '=', row.projectId),
    }))
    .execute();
}

export async function updateProjectPartner(
  db: Executor,
  id: string,
  values: Updateable<ProjectPartnersTable>,
): Promise<void> {
  await db.updateTable('projectPartners').set(values).where('id', '=', id).execute();
}

export async function deleteProjectPartner(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('projectPartners').where('id', '=', id).execute();
}

/** Counts a change of a partner as a change of its project. */
export async function touchProject(db: Executor, projectId: string): Promise<void> {
  await db
    .updateTable('projects')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', projectId)
    .execute();
}
