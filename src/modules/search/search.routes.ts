import { Type } from '@sinclair/typebox';
import { publicActor } from '../../platform/actor.js';
import type { App } from '../../platform/http/app-types.js';
import { problemResponses } from '../../platform/http/schemas.js';
import { ResolveQuery, ResolveResults, SearchQuery, SearchResults } from './search.schemas.js';
import type { SearchService } from './search.service.js';

const tags = ['search'];

/** GET /api/search and GET /api/resolve. */
export function searchRoutes(app: App, { search }: { search: SearchService }): void {
  // The gazetteer's names are read into memory while the server is being built (the embedded database
  // works on its own thread meanwhile), not at the first search; a failure is only logged, and the first
  // search tries again.
  const loading = search.loadIndex().catch((error: unknown) => {
    app.log.warn({ err: error }, 'the search index of the gazetteer could not be loaded');
  });
  app.addHook('onClose', async () => {
    await loading;
  });

  app.get('/api/search', {
    schema: {
      operationId: 'search',
      summary: 'Find places, organisations, projects and activities by any name',
      description:
        'Any name in any language or script (`Беч`, `Beč`, `Dunaj`, `Wien` all find Vienna), without diacritics, inflected ' +
        '(`u Beču`, `Sofiji`) or with a typo or two. Ranked exact > inflected > one typo > prefix > fuzzy, then by ' +
        'population and relations. Each hit says which name matched and in which language.',
      tags,
      querystring: SearchQuery,
      response: { 200: Type.Ref(SearchResults), ...problemResponses(400) },
    },
    handler: (request) => search.search(publicActor, request.query),
  });

  app.get('/api/resolve', {
    schema: {
      operationId: 'resolveName',
      summary: 'Resolve a name to places and organisations, with a confidence',
      description:
        'For forms and imports: ranked candidates with `confidence` (0 to 1). `country` narrows the candidates.',
      tags,
      querystring: ResolveQuery,
      response: { 200: Type.Ref(ResolveResults), ...problemResponses(400) },
    },
    handler: (request) => search.resolve(publicActor, request.query),
  });
}
