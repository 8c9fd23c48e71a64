import type { Policy } from '../../platform/http/access-control.js';
import { writersOfNew, writersOfRecord } from '../access/access.policies.js';
import type { AccessService } from '../access/access.service.js';
import type { ProjectPartnerAdd, ProjectPartnerParams } from './project-partners.schemas.js';
import type { Project, ProjectCreate, ProjectPartnerInput, ProjectUpdate } from './projects.schemas.js';
import type { ProjectsService } from './projects.service.js';

const leadOf = (partners: readonly ProjectPartnerInput[] | undefined) =>
  partners?.find((partner) => partner.role === 'lead')?.organisationId;

const leadOfProject = (project: Project) =>
  project.partners.find((partner) => partner.role === 'lead')?.organisation.id;

/**
 * Who may write projects: the project itself is its lead partner's (a project without a lead only
 * administrators write); a partner's place in it is both the lead's and that partner's, so a partner
 * may claim or leave its place and confirm what the lead entered for it.
 */
export function projectPolicies({ access, projects }: { access: AccessService; projects: ProjectsService }) {
  const load = ({ actor, request }: Parameters<Policy>[0]) =>
    projects.get(actor, (request.params as { id: string }).id);
  const leadAndPartner = (partnerOf: (request: Parameters<Policy>[0]['request']) => string): Policy =>
    writersOfRecord(access, {
      entity: 'project',
      load,
      organisationsOf: (project, request) => [leadOfProject(project), partnerOf(request)],
    });
  return {
    create: writersOfNew(access, (request) => [leadOf((request.body as ProjectCreate).partners)]),
    update: writersOfRecord(access, {
      entity: 'project',
      load,
      organisationsOf: (project) => [leadOfProject(project)],
      organisationsAfter: (project, request) => {
        const { partners } = request.body as ProjectUpdate;
        return [partners ? leadOf(partners) : leadOfProject(project)];
      },
    }),
    remove: writersOfRecord(access, {
      entity: 'project',
      load,
      organisationsOf: (project) => [leadOfProject(project)],
    }),
    /** Adding a partner: the lead's writers, or the partner's own (a claim to its place). */
    addPartner: leadAndPartner((request) => (request.body as ProjectPartnerAdd).organisationId),
    /** Removing a partner, and confirming or disputing one: the lead's writers or the partner's. */
    partner: leadAndPartner((request) => (request.params as ProjectPartnerParams).organisationId),
  };
}
