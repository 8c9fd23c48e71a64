import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { IdParams, problemResponses } from '../../platform/http/schemas.js';
import { writersOfNew, writersOfRecord } from '../access/access.policies.js';
import type { AccessService } from '../access/access.service.js';
import {
  Interest,
  InterestAcceptance,
  InterestAnswer,
  InterestCreate,
  InterestList,
} from './interests.schemas.js';
import type { InterestsService } from './interests.service.js';

const tags = ['initiatives'];

interface Dependencies {
  interests: InterestsService;
  access: AccessService;
}

/** Expressions of interest in initiatives, and the owner's answers. */
export function interestsRoutes(app: App, { interests, access }: Dependencies): void {
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  /** Writers of the initiative's owner, deciding on the interest's version they read. */
  const ownersWriters = writersOfRecord(access, {
    entity: 'interest',
    load: ({ request }) => interests.partiesOf(idOf(request)),
    organisationsOf: (parties) => [parties.owner],
  });

  /** Writers of the organisation that expressed the interest. */
  const interestedWriters = writersOfRecord(access, {
    entity: 'interest',
    load: ({ request }) => interests.partiesOf(idOf(request)),
    organisationsOf: (parties) => [parties.interested],
  });

  app.get('/api/initiatives/:id/interests', {
    schema: {
      operationId: 'listInterests',
      summary: 'Expressions of interest in an initiative',
      description:
        "The initiative's managers see every one; others see those of the organisations they have a role for.",
      tags,
      params: IdParams,
      response: { 200: Type.Ref(InterestList), ...problemResponses(404) },
    },
    handler: (request) => interests.list(request.actor, request.params.id),
  });

  app.post('/api/initiatives/:id/interests', {
    config: {
      policy: writersOfNew(access, (request) => [(request.body as InterestCreate).organisationId]),
    },
    schema: {
      operationId: 'createInterest',
      summary: 'Express interest in an initiative',
      description:
        'For editors and coordinators of the interested organisation, which may not be the owner. The ' +
        'initiative must be open or shortlisting (else 409 `interest.initiative_not_open`), and the ' +
        'organisation may have one pending or accepted interest in it (else 409 `interest.duplicate`). ' +
        "The owner's people are notified.",
      tags,
      params: IdParams,
      body: Type.Ref(InterestCreate),
      response: { 201: Type.Ref(Interest), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const interest = await interests.create(
        request.actor,
        request.params.id,
        request.body as InterestCreate,
      );
      return reply.status(201).header('etag', `"${interest.version}"`).send(interest);
    },
  });

  app.post('/api/interests/:id/accept', {
    config: { policy: ownersWriters },
    schema: {
      operationId: 'acceptInterest',
      summary: 'Accept an expression of interest',
      description:
        "For the initiative owner's editors and coordinators, while the initiative is open or shortlisting. " +
        'In one step it can also add the organisation to the initiative’s project (made if needed) or ' +
        'record a partnership with it; both sides having spoken, that record is confirmed. The ' +
        "organisation's people are notified.",
      tags,
      params: IdParams,
      body: Type.Ref(InterestAcceptance),
      response: { 200: Type.Ref(Interest), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: (request) =>
      interests.accept(request.actor, request.params.id, request.body as InterestAcceptance),
  });

  app.post('/api/interests/:id/decline', {
    config: { policy: ownersWriters },
    schema: {
      operationId: 'declineInterest',
      summary: 'Decline an expression of interest',
      description:
        "For the initiative owner's editors and coordinators. The organisation's people are notified.",
      tags,
      params: IdParams,
      body: Type.Ref(InterestAnswer),
      response: { 200: Type.Ref(Interest), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: (request) => interests.decline(request.actor, request.params.id, request.body as InterestAnswer),
  });

  app.post('/api/interests/:id/withdraw', {
    config: { policy: interestedWriters },
    schema: {
      operationId: 'withdrawInterest',
      summary: 'Withdraw an expression of interest',
      description: 'For the interested organisation’s editors and coordinators, while it is pending.',
      tags,
      params: IdParams,
      body: Type.Ref(InterestAnswer),
      response: { 200: Type.Ref(Interest), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: (request) =>
      interests.withdraw(request.actor, request.params.id, request.body as InterestAnswer),
  });
}
