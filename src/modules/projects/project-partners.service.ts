import { compareAmounts } from '../../domain/money.js';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId } from '../../platform/db/helpers.js';
import { AppError, assertNoFieldErrors, notFound, type FieldError } from '../../platform/errors.js';
import { projectPartnerSides, recordedConfirmation } from '../confirmation/confirmation.service.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import {
  deleteProjectPartner,
  findProjectLead,
  findProjectPartner,
  insertProjectPartner,
  touchProject,
} from './project-partners.repository.js';
import type { ProjectPartnerAdd } from './project-partners.schemas.js';
import { findProject } from './projects.repository.js';
import type { Project } from './projects.schemas.js';
import type { ProjectsService } from './projects.service.js';

function checkPartner(input: ProjectPartnerAdd): FieldError[] {
  const rate = input.coFinancingRate;
  if (rate == null || compareAmounts(rate, '100') <= 0) return [];
  return [
    {
      field: 'body.coFinancingRate',
      code: 'project.co_financing_rate_over_100',
      message: `A co-financing rate is a percentage of at most 100 (got ${rate}).`,
    },
  ];
}

/**
 * One partner of a project at a time. The lead adds a partner, or an organisation claims its own place
 * in a project; either way the other side confirms it. A partner may also withdraw.
 */
export function createProjectPartnersService(database: Database, projects: ProjectsService) {
  return {
    /** Adds a partner (never the lead) to a project, as a claim of the writer's side. */
    async add(actor: Actor, idOrSlug: string, input: ProjectPartnerAdd): Promise<Project> {
      const projectId = await inTransaction(database, actor, async (trx) => {
        const project = assertCurrentVersion(
          'project',
          idOrSlug,
          await findProject(trx, idOrSlug, { forUpdate: true }),
          input.version,
        );
        const organisationId = input.organisationId.toLowerCase();
        const known = await findOrganisation(trx, organisationId);
        assertNoFieldErrors('project', [
          ...checkPartner(input),
          ...(known
            ? []
            : [
                {
                  field: 'body.organisationId',
                  code: 'project.organisation_unknown',
                  message: `No organisation with id "${organisationId}".`,
                },
              ]),
        ]);
        if (await findProjectPartner(trx, project.id, organisationId)) {
          throw new AppError(
            'project.partner_repeated',
            409,
            'This organisation is already a partner of the project.',
          );
        }
        const lead = await findProjectLead(trx, project.id);
        const confirmation = await recordedConfirmation(
          trx,
          actor,
          projectPartnerSides(lead, organisationId),
        );
        await insertProjectPartner(trx, {
          id: newId(),
          projectId: project.id,
          organisationId,
          role: input.role,
          budget: input.budget ?? null,
          currency: input.currency ?? 'EUR',
          coFinancingRate: input.coFinancingRate ?? null,
          coFinancingFund: input.coFinancingFund ?? null,
          ...confirmation,
        });
        await touchProject(trx, project.id);
        return project.id;
      });
      return projects.get(actor, projectId);
    },

    /** Removes a partner other than the lead (the lead changes with a change of the project). */
    async remove(actor: Actor, idOrSlug: string, organisationId: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const project = assertCurrentVersion(
          'project',
          idOrSlug,
          await findProject(trx, idOrSlug, { forUpdate: true }),
          version,
        );
        const partner = await findProjectPartner(trx, project.id, organisationId);
        if (!partner) throw notFound('project_partner', organisationId);
        if (partner.role === 'lead') {
          throw new AppError(
            'project.lead_removal',
            409,
            'The lead leaves a project only by a change of the project that names another lead.',
          );
        }
        await deleteProjectPartner(trx, partner.id);
        await touchProject(trx, project.id);
      });
    },
  };
}

export type ProjectPartnersService = ReturnType<typeof createProjectPartnersService>;
