import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Registers the OpenAPI 3.1 document at /api/openapi.json and browsable docs at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pobratim API',
        version,
        summary:
          'The registry of international cooperation of cities, municipalities, regions and their associations.',
        description:
          'Organisations and their names in every language and script, memberships, partnerships, projects, activities, ' +
          'themes, annual programmes and the sources of every fact. Errors are RFC 9457 problem details ' +
          '(`application/problem+json`) with a stable `code`. Writes carry the `version` they read; a stale one gets 409.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
        contact: { name: 'Pobratim', url: 'https://github.com/pobratim/pobratim' },
      },
      servers: [{ url: '/', description: 'This server' }],
      tags: [
        {
          name: 'organisations',
          description: 'Every actor: authorities, associations, networks, institutions.',
        },
        { name: 'relations', description: 'Everything an organisation is tied to.' },
        { name: 'memberships', description: 'An organisation belongs to another, with a role and dates.' },
        {
          name: 'partnerships',
          description: 'Bilateral ties: twinning, friendship, cooperation agreements.',
        },
        { name: 'projects', description: 'Funded joint work with partners, budgets and co-financing.' },
        {
          name: 'activities',
          description: 'Dated events: study visits, delegations, conferences, meetings.',
        },
        { name: 'programmes', description: 'Annual programmes of international cooperation.' },
        { name: 'search', description: 'One box for every name, in any language or script.' },
        { name: 'places', description: 'The reference gazetteer (GeoNames) and the authorities it becomes.' },
        { name: 'themes', description: 'The multilingual taxonomy of cooperation areas.' },
        { name: 'sources', description: 'Where facts come from.' },
        { name: 'access', description: 'Who may write for which organisation.' },
        {
          name: 'accounts',
          description: 'Signing in and out, password resets, invitations and two-factor authentication.',
        },
        {
          name: 'users',
          description: 'Administration of users, roles, security settings and the mail outbox.',
        },
        { name: 'administration', description: 'Backups of the whole database.' },
        { name: 'meta', description: 'Health and metadata.' },
      ],
    },
    refResolver: {
      // Name components by their $id, so the document reads `#/components/schemas/Organisation`.
      buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `Schema${index}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
