import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { IdParams, Page, problemResponses } from '../../platform/http/schemas.js';
import { writersOfNew, writersOfRecord } from '../access/access.policies.js';
import type { AccessService } from '../access/access.service.js';
import {
  Initiative,
  InitiativeCreate,
  InitiativeHistory,
  InitiativeListQuery,
  InitiativeTransition,
  InitiativeUpdate,
} from './initiatives.schemas.js';
import type { InitiativesService } from './initiatives.service.js';

const tags = ['initiatives'];

interface Dependencies {
  initiatives: InitiativesService;
  access: AccessService;
}

/** Initiatives under /api/initiatives: the board, the record and its status machine. */
export function initiativesRoutes(app: App, { initiatives, access }: Dependencies): void {
  /** Writers of the initiative's owner, deciding on the version they read. */
  const ownersWriters = writersOfRecord(access, {
    entity: 'initiative',
    load: ({ actor, request }) => initiatives.ownerOf(actor, (request.params as { id: string }).id),
    organisationsOf: (initiative) => [initiative.ownerOrganisationId],
  });

  app.get('/api/initiatives', {
    schema: {
      operationId: 'listInitiatives',
      summary: 'List initiatives',
      description:
        'The initiatives the caller may see: everyone sees published public ones; people of the owner see ' +
        'all of its initiatives, drafts included; people of an association the owner belongs to (and of its ' +
        'other members) also see those shared with the association. Filter by title words, status, theme, ' +
        "owner's country, a country partners may come from, funding programme, owner or visibility.",
      tags,
      querystring: InitiativeListQuery,
      response: { 200: Page(Type.Ref(Initiative), 'Initiative'), ...problemResponses(400) },
    },
    handler: (request) => initiatives.list(request.actor, request.query),
  });

  app.post('/api/initiatives', {
    config: {
      policy: writersOfNew(access, (request) => [
        (request.body as InitiativeCreate).ownerOrganisationId.toLowerCase(),
      ]),
    },
    schema: {
      operationId: 'createInitiative',
      summary: 'Start an initiative',
      description:
        'For editors and coordinators of the owner. It starts as a draft unless `status` is `open`.',
      tags,
      body: Type.Ref(InitiativeCreate),
      response: { 201: Type.Ref(Initiative), ...problemResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const initiative = await initiatives.create(request.actor, request.body as InitiativeCreate);
      return reply
        .status(201)
        .header('location', `/api/initiatives/${initiative.id}`)
        .header('etag', `"${initiative.version}"`)
        .send(initiative);
    },
  });

  app.get('/api/initiatives/:id', {
    schema: {
      operationId: 'getInitiative',
      summary: 'Get an initiative',
      description: 'An initiative the caller may not see is not found.',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(Initiative), ...problemResponses(404) },
    },
    handler: async (request, reply) => {
      const initiative = await initiatives.get(request.actor, request.params.id);
      return reply.header('etag', `"${initiative.version}"`).send(initiative);
    },
  });

  app.patch('/api/initiatives/:id', {
    config: { policy: ownersWriters },
    schema: {
      operationId: 'updateInitiative',
      summary: 'Change an initiative',
      description:
        'What it says and seeks; the status changes through `POST /api/initiatives/{id}/transitions`. ' +
        'Send the `version` you read; a stale one gets 409. A closed or withdrawn initiative cannot change.',
      tags,
      params: IdParams,
      body: Type.Ref(InitiativeUpdate),
      response: { 200: Type.Ref(Initiative), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const initiative = await initiatives.update(
        request.actor,
        request.params.id,
        request.body as InitiativeUpdate,
      );
      return reply.header('etag', `"${initiative.version}"`).send(initiative);
    },
  });

  app.post('/api/initiatives/:id/transitions', {
    config: { policy: ownersWriters },
    schema: {
      operationId: 'transitionInitiative',
      summary: 'Move an initiative to another status',
      description:
        'draft → open → shortlisting → partners_confirmed → submitted → funded or not_funded → closed; ' +
        'withdrawn from draft, open, shortlisting, partners_confirmed or submitted. Any other move is ' +
        'refused with 409 `initiative.invalid_transition`. The move is kept in the history and the people ' +
        'of the owner and of the interested organisations are notified.',
      tags,
      params: IdParams,
      body: Type.Ref(InitiativeTransition),
      response: { 200: Type.Ref(Initiative), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const initiative = await initiatives.transition(
        request.actor,
        request.params.id,
        request.body as InitiativeTransition,
      );
      return reply.header('etag', `"${initiative.version}"`).send(initiative);
    },
  });

  app.get('/api/initiatives/:id/history', {
    schema: {
      operationId: 'getInitiativeHistory',
      summary: 'The status history of an initiative',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(InitiativeHistory), ...problemResponses(404) },
    },
    handler: (request) => initiatives.history(request.actor, request.params.id),
  });
}
