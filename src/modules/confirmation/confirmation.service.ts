import {
  confirmationAfterEdit,
  confirmationOnCreate,
  decideConfirmation,
  type ConfirmationFacts,
  type ConfirmationRefusal,
  type Decision,
  type RequestableState,
} from '../../domain/confirmation.js';
import { compareAmounts } from '../../domain/money.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction } from '../../platform/db/helpers.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findWriteScope } from '../access/access.service.js';
import type { Membership } from '../memberships/memberships.schemas.js';
import { findMembership, updateMembership } from '../memberships/memberships.repository.js';
import type { MembershipsService } from '../memberships/memberships.service.js';
import type { Partnership } from '../partnerships/partnerships.schemas.js';
import { findPartnership, updatePartnership } from '../partnerships/partnerships.repository.js';
import type { PartnershipsService } from '../partnerships/partnerships.service.js';
import {
  findProjectLead,
  findProjectPartner,
  touchProject,
  updateProjectPartner,
  type ProjectPartnerRow,
} from '../projects/project-partners.repository.js';
import { findProject } from '../projects/projects.repository.js';
import type { Project, ProjectPartnerInput } from '../projects/projects.schemas.js';
import type { ProjectsService } from '../projects/projects.service.js';
import type { ConfirmRelation, DisputeRelation } from './confirmation.schemas.js';

const messages: Record<ConfirmationRefusal, { status: number; message: string }> = {
  'access.denied': { status: 403, message: 'Your account may not do this.' },
  'confirmation.own_claim': {
    status: 403,
    message: 'Your side entered this relation: the other side confirms or disputes it.',
  },
  'confirmation.already_confirmed': { status: 409, message: 'This relation is already confirmed.' },
  'confirmation.already_disputed': { status: 409, message: 'This relation is already disputed.' },
  'confirmation.not_allowed': {
    status: 403,
    message:
      'Only a writer of every side may record a relation as confirmed or as reported by a source; record your claim instead.',
  },
};

function decided(decision: Decision): ConfirmationFacts {
  if ('facts' in decision) return decision.facts;
  const { status, message } = messages[decision.refusal];
  throw new AppError(decision.refusal, status, message);
}

async function actingOf(db: Executor, actor: Actor) {
  return { isSystem: actor.kind === 'system', scope: await findWriteScope(db, actor) };
}

/** The confirmation of a relation being recorded (see {@link confirmationOnCreate}); throws when refused. */
export async function recordedConfirmation(
  db: Executor,
  actor: Actor,
  parties: readonly string[],
  requested?: RequestableState,
): Promise<ConfirmationFacts> {
  return decided(confirmationOnCreate(await actingOf(db, actor), lower(parties), requested, new Date()));
}

/** The confirmation columns of a relation after a change (see {@link confirmationAfterEdit}). */
export async function editedConfirmation(
  db: Executor,
  actor: Actor,
  current: ConfirmationFacts,
  isSubstantive: boolean,
  partiesAfter: readonly string[],
): Promise<ConfirmationFacts> {
  const { scope } = await actingOf(db, actor);
  const facts = confirmationAfterEdit(current, isSubstantive, lower(partiesAfter), scope, new Date());
  return confirmationColumns(facts);
}

/** Only the confirmation columns of a row, to write back. */
export function confirmationColumns(facts: ConfirmationFacts): ConfirmationFacts {
  const { confirmation, claimedBy, confirmationNote, confirmationChangedAt } = facts;
  return { confirmation, claimedBy, confirmationNote, confirmationChangedAt };
}

function lower(ids: readonly string[]): string[] {
  return ids.map((id) => id.toLowerCase());
}

/** The sides of a project partnership: the project's lead and the partner (one side for the lead itself). */
export function projectPartnerSides(leadId: string | undefined | null, organisationId: string): string[] {
  return leadId ? [leadId, organisationId] : [organisationId];
}

function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return compareAmounts(a, b) === 0;
}

/** Whether a partner's entry differs in what its side confirmed: role, budget, currency or co-financing. */
function isPartnerChanged(stored: ProjectPartnerRow, next: ProjectPartnerInput): boolean {
  return (
    stored.role !== next.role ||
    !sameAmount(stored.budget, next.budget) ||
    stored.currency !== (next.currency ?? 'EUR') ||
    !sameAmount(stored.coFinancingRate, next.coFinancingRate) ||
    (stored.coFinancingFund ?? null) !== (next.coFinancingFund ?? null)
  );
}

/**
 * The confirmation of each partner of a project's new partner list. A partner already there keeps its
 * state unless its entry or the project's lead changed (then it follows the rule for changes); a new
 * partner is a new claim of the writer's side.
 */
export async function partnerConfirmations(
  db: Executor,
  actor: Actor,
  stored: readonly ProjectPartnerRow[],
  next: readonly ProjectPartnerInput[],
): Promise<ConfirmationFacts[]> {
  const acting = await actingOf(db, actor);
  const now = new Date();
  const storedLead = stored.find((partner) => partner.role === 'lead')?.organisationId;
  const nextLead = next.find((partner) => partner.role === 'lead')?.organisationId.toLowerCase();
  return next.map((partner) => {
    const organisationId = partner.organisationId.toLowerCase();
    const sides = projectPartnerSides(nextLead, organisationId);
    const before = stored.find((row) => row.organisationId === organisationId);
    if (!before) return decided(confirmationOnCreate(acting, sides, undefined, now));
    const isSubstantive = storedLead !== nextLead || isPartnerChanged(before, partner);
    return confirmationAfterEdit(confirmationColumns(before), isSubstantive, sides, acting.scope, now);
  });
}

type Action = 'confirm' | 'dispute';
type Body = ConfirmRelation | DisputeRelation;

const reasonOf = (body: Body) => ('reason' in body ? body.reason : undefined);

/**
 * Confirming and disputing relations: the other side's answer to a claim. Each answer checks the rules
 * on the locked record, at the version the caller read, and returns the record as the API shows it.
 */
export function createConfirmationService(
  database: Database,
  services: { partnerships: PartnershipsService; memberships: MembershipsService; projects: ProjectsService },
) {
  async function answerPartnership(
    actor: Actor,
    action: Action,
    id: string,
    body: Body,
  ): Promise<Partnership> {
    await inTransaction(database, actor, async (trx) => {
      const current = assertCurrentVersion(
        'partnership',
        id,
        await findPartnership(trx, id, { forUpdate: true }),
        body.version,
      );
      const sides = [current.organisationAId, current.organisationBId];
      const { scope } = await actingOf(trx, actor);
      const facts = decided(decideConfirmation(action, current, sides, scope, new Date(), reasonOf(body)));
      await updatePartnership(trx, current.id, facts);
    });
    return services.partnerships.get(actor, id);
  }

  async function answerMembership(actor: Actor, action: Action, id: string, body: Body): Promise<Membership> {
    await inTransaction(database, actor, async (trx) => {
      const current = assertCurrentVersion(
        'membership',
        id,
        await findMembership(trx, id, { forUpdate: true }),
        body.version,
      );
      const parties = [current.memberId, current.organisationId];
      const { scope } = await actingOf(trx, actor);
      const facts = decided(decideConfirmation(action, current, parties, scope, new Date(), reasonOf(body)));
      await updateMembership(trx, current.id, facts);
    });
    return services.memberships.get(actor, id);
  }

  /** A project partnership is answered at the project's version: partners are part of the project. */
  async function answerProjectPartner(
    actor: Actor,
    action: Action,
    idOrSlug: string,
    organisationId: string,
    body: Body,
  ): Promise<Project> {
    const projectId = await inTransaction(database, actor, async (trx) => {
      const project = assertCurrentVersion(
        'project',
        idOrSlug,
        await findProject(trx, idOrSlug, { forUpdate: true }),
        body.version,
      );
      const partner = await findProjectPartner(trx, project.id, organisationId);
      if (!partner) throw notFound('project_partner', organisationId);
      const sides = projectPartnerSides(await findProjectLead(trx, project.id), partner.organisationId);
      const { scope } = await actingOf(trx, actor);
      const facts = decided(decideConfirmation(action, partner, sides, scope, new Date(), reasonOf(body)));
      await updateProjectPartner(trx, partner.id, facts);
      await touchProject(trx, project.id);
      return project.id;
    });
    return services.projects.get(actor, projectId);
  }

  return {
    confirmPartnership: (actor: Actor, id: string, body: ConfirmRelation) =>
      answerPartnership(actor, 'confirm', id, body),
    disputePartnership: (actor: Actor, id: string, body: DisputeRelation) =>
      answerPartnership(actor, 'dispute', id, body),
    confirmMembership: (actor: Actor, id: string, body: ConfirmRelation) =>
      answerMembership(actor, 'confirm', id, body),
    disputeMembership: (actor: Actor, id: string, body: DisputeRelation) =>
      answerMembership(actor, 'dispute', id, body),
    confirmProjectPartner: (actor: Actor, project: string, organisationId: string, body: ConfirmRelation) =>
      answerProjectPartner(actor, 'confirm', project, organisationId, body),
    disputeProjectPartner: (actor: Actor, project: string, organisationId: string, body: DisputeRelation) =>
      answerProjectPartner(actor, 'dispute', project, organisationId, body),
  };
}

export type ConfirmationService = ReturnType<typeof createConfirmationService>;
