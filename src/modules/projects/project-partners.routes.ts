import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdOrSlugParams, problemResponses } from '../../platform/http/schemas.js';
import type { AccessService } from '../access/access.service.js';
import { ProjectPartnerAdd, ProjectPartnerParams } from './project-partners.schemas.js';
import type { ProjectPartnersService } from './project-partners.service.js';
import { projectPolicies } from './projects.policies.js';
import { Project } from './projects.schemas.js';
import type { ProjectsService } from './projects.service.js';

const tags = ['projects'];

/** One partner of a project at a time, under /api/projects/{id}/partners. */
export function projectPartnersRoutes(
  app: App,
  services: { projectPartners: ProjectPartnersService; projects: ProjectsService; access: AccessService },
): void {
  const { projectPartners } = services;
  const policies = projectPolicies(services);

  app.post('/api/projects/:id/partners', {
    config: { policy: policies.addPartner },
    schema: {
      operationId: 'addProjectPartner',
      summary: 'Add a partner to a project',
      description:
        "The lead's writers add a partner; an organisation's writers claim its own place in a project. " +
        "Either way it is a claim the other side confirms. Send the project's `version` (else 409).",
      tags,
      params: IdOrSlugParams,
      body: Type.Ref(ProjectPartnerAdd),
      response: { 201: Type.Ref(Project), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const project = await projectPartners.add(
        request.actor,
        request.params.id,
        request.body as ProjectPartnerAdd,
      );
      return reply.status(201).header('etag', `"${project.version}"`).send(project);
    },
  });

  app.delete('/api/projects/:id/partners/:organisationId', {
    config: { policy: policies.partner },
    schema: {
      operationId: 'removeProjectPartner',
      summary: 'Remove a partner from a project',
      description:
        "The lead's writers remove a partner, or the partner's writers withdraw it. The lead itself leaves " +
        "only by a change of the project (409). The version is the project's.",
      tags,
      params: ProjectPartnerParams,
      querystring: DeleteQuery,
      response: {
        204: Type.Null({ description: 'Removed' }),
        ...problemResponses(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      await projectPartners.remove(
        request.actor,
        request.params.id,
        request.params.organisationId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  });
}
