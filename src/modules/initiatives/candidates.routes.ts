import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { IdParams, problemResponses } from '../../platform/http/schemas.js';
import type { CandidatesService } from './candidates.service.js';
import { CandidateList, CandidatesQuery } from './candidates.schemas.js';

/** The candidate partners of an initiative, ranked by the matching engine. */
export function candidatesRoutes(app: App, { candidates }: { candidates: CandidatesService }): void {
  app.get('/api/initiatives/:id/candidates', {
    schema: {
      operationId: 'listInitiativeCandidates',
      summary: 'Candidate partners for an initiative',
      description:
        'Organisations ranked by how well they fit what the initiative seeks, each with its score and what ' +
        "every factor adds to it. The owner, the initiative's project partners, organisations whose interest " +
        'was accepted and ineligible organisations are left out; `includeExcluded=true` lists them too, with ' +
        'the reason. Whoever may see the initiative may see its candidates.',
      tags: ['initiatives'],
      params: IdParams,
      querystring: CandidatesQuery,
      response: { 200: Type.Ref(CandidateList), ...problemResponses(400, 404) },
    },
    handler: (request) => candidates.list(request.actor, request.params.id, request.query),
  });
}
