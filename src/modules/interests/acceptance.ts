import { sql } from 'kysely';
import { partnershipStatusOnAcceptance } from '../../domain/initiative.js';
import { isPartnershipEnded } from '../../domain/partnership.js';
import type { PartnershipType } from '../../domain/vocabulary.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/db/helpers.js';
import { AppError } from '../../platform/errors.js';
import { fundingProgrammeLabel } from '../initiatives/funding-programme.js';
import type { InitiativeRow } from '../initiatives/initiatives.repository.js';
import { updateInitiative } from '../initiatives/initiatives.repository.js';
import { findPartnershipsBetween, insertPartnership } from '../partnerships/partnerships.repository.js';
import { updateProject } from '../projects/projects.repository.js';
import { createProjectsService } from '../projects/projects.service.js';

/**
 * The records accepting an expression of interest makes, in the acceptance's transaction. Both sides
 * have spoken (one by expressing interest, the other by accepting), so what is recorded is confirmed,
 * claimed by the organisation that expressed interest.
 */

/**
 * Makes the initiative's project if it has none (its title, programme, call and themes, the owner as
 * lead partner, status planned) and adds the organisation as a confirmed partner. Returns the project.
 */
export async function recordProjectPartner(
  database: Database,
  trx: Executor,
  actor: Actor,
  initiative: InitiativeRow,
  organisationId: string,
): Promise<string> {
  let projectId = initiative.projectId;
  if (!projectId) {
    const programme = fundingProgrammeLabel(initiative.fundingProgramme);
    if (!programme) {
      throw new AppError(
        'interest.programme_required',
        409,
        'The initiative names no funding programme, so no project can be made for it. Set its programme, or accept without making a project.',
      );
    }
    const project = await createProjectsService(database).create(
      actor,
      {
        title: initiative.title,
        programme,
        call: initiative.call,
        status: 'planned',
        themes: initiative.themes,
        description: initiative.description,
        partners: [{ organisationId: initiative.ownerOrganisationId, role: 'lead' }],
      },
      trx,
    );
    projectId = project.id;
    await updateInitiative(trx, initiative.id, { projectId });
  }
  const now = new Date();
  const confirmed = {
    confirmation: 'confirmed' as const,
    claimedBy: organisationId,
    confirmationNote: null,
    confirmationChangedAt: now,
  };
  const existing = await trx
    .selectFrom('projectPartners')
    .select('id')
    .where('projectId', '=', projectId)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst();
  if (existing) {
    await trx.updateTable('projectPartners').set(confirmed).where('id', '=', existing.id).execute();
  } else {
    const { next } = await trx
      .selectFrom('projectPartners')
      .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as('next'))
      .where('projectId', '=', projectId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('projectPartners')
      .values({
        id: newId(),
        projectId,
        organisationId,
        role: 'partner',
        currency: 'EUR',
        position: next,
        ...confirmed,
      })
      .execute();
  }
  // A new partner is a change of the project: whoever read it before must reload before editing.
  await updateProject(trx, projectId, {});
  return projectId;
}

/**
 * Records a confirmed partnership of the owner and the organisation, or confirms the one of that type
 * the two already have (and that has not ended). Returns the partnership.
 */
export async function recordPartnership(
  trx: Executor,
  initiative: InitiativeRow,
  organisationId: string,
  type: PartnershipType,
): Promise<string> {
  const now = new Date();
  const confirmed = {
    confirmation: 'confirmed' as const,
    claimedBy: organisationId,
    confirmationNote: null,
    confirmationChangedAt: now,
  };
  const existing = (
    await findPartnershipsBetween(trx, initiative.ownerOrganisationId, organisationId, type)
  ).find((partnership) => !isPartnershipEnded(partnership.status));
  if (existing) {
    await trx
      .updateTable('partnerships')
      .set((eb) => ({ ...confirmed, version: eb('version', '+', 1), updatedAt: now }))
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const row = await insertPartnership(trx, {
    id: newId(),
    organisationAId: initiative.ownerOrganisationId,
    organisationBId: organisationId,
    type,
    status: partnershipStatusOnAcceptance(type),
    startedOn: null,
    signedOn: null,
    endedOn: null,
    agreementUrl: null,
    description: {},
    themes: initiative.themes,
    sourceId: null,
    ...confirmed,
  });
  return row.id;
}
