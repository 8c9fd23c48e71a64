import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { IdOrSlugParams, problemResponses } from '../../platform/http/schemas.js';
import { FundingProgramme, SuggestedPartners, SuggestedPartnersQuery } from './matching.schemas.js';
import type { MatchingService } from './matching.service.js';

const tags = ['matching'];

/** Suggested partners of an organisation, and the funding programmes matching checks eligibility for. */
export function matchingRoutes(app: App, { matching }: { matching: MatchingService }): void {
  app.get('/api/organisations/:id/suggested-partners', {
    schema: {
      operationId: 'suggestPartners',
      summary: 'Suggested partners of an organisation, ranked and explained',
      description:
        'Organisations that would make good partners, best first, each with a score from 0 to 1 and the ' +
        'contribution of each factor (common partners, regional ties, country affinity, distance and borders, ' +
        'size, languages, themes, networks, activity, programme eligibility) as codes and figures to put in ' +
        'words. Existing partners and, with `programme`, organisations it cannot fund are left out; ' +
        '`includeExcluded=true` lists them with the reason.',
      tags,
      params: IdOrSlugParams,
      querystring: SuggestedPartnersQuery,
      response: { 200: Type.Ref(SuggestedPartners), ...problemResponses(400, 404) },
    },
    handler: (request) => {
      const { limit, includeExcluded, programme, lang } = request.query;
      return matching.suggestPartners(request.actor, request.params.id, {
        limit,
        includeExcluded,
        lang,
        criteria: programme ? { fundingProgramme: programme } : undefined,
      });
    },
  });

  app.get('/api/funding-programmes', {
    schema: {
      operationId: 'listFundingProgrammes',
      summary: 'Funding programmes and the countries they fund',
      tags,
      response: { 200: Type.Array(Type.Ref(FundingProgramme)) },
    },
    handler: (request) => matching.listFundingProgrammes(request.actor),
  });
}
