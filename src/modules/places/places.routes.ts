import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { problemResponses } from '../../platform/http/schemas.js';
import { Organisation } from '../organisations/organisations.schemas.js';
import { Place, PlaceParams } from './places.schemas.js';
import type { PlacesService } from './places.service.js';
import { editorsAndCoordinators } from '../access/access.service.js';

const tags = ['places'];

/** The reference gazetteer: GET a place; POST to get or create the authority that governs it. */
export function placesRoutes(app: App, { places }: { places: PlacesService }): void {
  app.get('/api/places/:geonamesId', {
    schema: {
      operationId: 'getPlace',
      summary: 'Get a gazetteer place with its names in every language',
      tags,
      params: PlaceParams,
      response: { 200: Type.Ref(Place), ...problemResponses(400, 404) },
    },
    handler: (request) => places.get(request.actor, request.params.geonamesId),
  });

  app.post('/api/places/:geonamesId/organisation', {
    config: { policy: editorsAndCoordinators },
    schema: {
      operationId: 'getOrCreatePlaceOrganisation',
      summary: 'The authority organisation of a place, created once',
      description:
        'Where an organisation is expected and the user picks a gazetteer place, this returns the authority that ' +
        'represents the place (200), creating it from the gazetteer the first time (201). Never a duplicate.',
      tags,
      params: PlaceParams,
      response: {
        200: { ...Type.Ref(Organisation), description: 'The existing authority' },
        201: { ...Type.Ref(Organisation), description: 'The authority, just created' },
        ...problemResponses(400, 404),
      },
    },
    handler: async (request, reply) => {
      const { organisation, created } = await places.organisationFor(
        request.actor,
        request.params.geonamesId,
      );
      return reply
        .status(created ? 201 : 200)
        .header('location', `/api/organisations/${organisation.id}`)
        .send(organisation);
    },
  });
}
