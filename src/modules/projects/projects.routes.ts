import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdOrSlugParams, Page, problemResponses } from '../../platform/http/schemas.js';
import { Project, ProjectCreate, ProjectListQuery, ProjectUpdate } from './projects.schemas.js';
import type { ProjectsService } from './projects.service.js';
import type { AccessService } from '../access/access.service.js';
import { projectPolicies } from './projects.policies.js';

const tags = ['projects'];

/** CRUD of projects and their partners under /api/projects. */
export function projectsRoutes(
  app: App,
  services: { projects: ProjectsService; access: AccessService },
): void {
  const { projects } = services;
  const policies = projectPolicies(services);
  app.get('/api/projects', {
    schema: {
      operationId: 'listProjects',
      summary: 'List projects',
      description:
        'Filter by title or acronym (in any script, with or without diacritics), programme, status, theme, ' +
        'year, partner organisation or partner country.',
      tags,
      querystring: ProjectListQuery,
      response: { 200: Page(Type.Ref(Project), 'Project'), ...problemResponses(400) },
    },
    handler: (request) => projects.list(request.actor, request.query),
  });

  app.post('/api/projects', {
    config: { policy: policies.create },
    schema: {
      operationId: 'createProject',
      summary: 'Create a project with its partners',
      tags,
      body: Type.Ref(ProjectCreate),
      response: { 201: Type.Ref(Project), ...problemResponses(400, 409) },
    },
    handler: async (request, reply) => {
      const project = await projects.create(request.actor, request.body as ProjectCreate);
      return reply
        .status(201)
        .header('location', `/api/projects/${project.id}`)
        .header('etag', `"${project.version}"`)
        .send(project);
    },
  });

  app.get('/api/projects/:id', {
    schema: {
      operationId: 'getProject',
      summary: 'Get a project by id or slug',
      tags,
      params: IdOrSlugParams,
      response: { 200: Type.Ref(Project), ...problemResponses(404) },
    },
    handler: async (request, reply) => {
      const project = await projects.get(request.actor, request.params.id);
      return reply.header('etag', `"${project.version}"`).send(project);
    },
  });

  app.patch('/api/projects/:id', {
    config: { policy: policies.update },
    schema: {
      operationId: 'updateProject',
      summary: 'Change a project',
      description:
        'Send the `version` you read; if someone changed the project since, the answer is 409. ' +
        '`partners`, when sent, replaces the whole list.',
      tags,
      params: IdOrSlugParams,
      body: Type.Ref(ProjectUpdate),
      response: { 200: Type.Ref(Project), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      const project = await projects.update(request.actor, request.params.id, request.body as ProjectUpdate);
      return reply.header('etag', `"${project.version}"`).send(project);
    },
  });

  app.delete('/api/projects/:id', {
    config: { policy: policies.remove },
    schema: {
      operationId: 'deleteProject',
      summary: 'Delete a project',
      description: 'Also deletes its partners; its activities stay, no longer tied to a project.',
      tags,
      params: IdOrSlugParams,
      querystring: DeleteQuery,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(404, 409) },
    },
    handler: async (request, reply) => {
      await projects.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
