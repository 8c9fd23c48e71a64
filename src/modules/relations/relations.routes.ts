import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { IdOrSlugParams, problemResponses } from '../../platform/http/schemas.js';
import { OrganisationRelations, RelationsQuery } from './relations.schemas.js';
import type { RelationsService } from './relations.service.js';

const tags = ['relations'];

/** The ties of an organisation under /api/organisations/:id/relations. */
export function relationsRoutes(app: App, { relations }: { relations: RelationsService }): void {
  app.get('/api/organisations/:id/relations', {
    schema: {
      operationId: 'getOrganisationRelations',
      summary: 'Everything an organisation is tied to',
      description:
        'Its memberships (both ways), partnerships, projects with all partners, activities with the other ' +
        'participants, and annual programmes, each naming the other party. With `lang`, organisations are ' +
        'named in that language where they have such a name.',
      tags,
      params: IdOrSlugParams,
      querystring: RelationsQuery,
      response: { 200: Type.Ref(OrganisationRelations), ...problemResponses(400, 404) },
    },
    handler: (request) => relations.ofOrganisation(request.actor, request.params.id, request.query.lang),
  });
}
