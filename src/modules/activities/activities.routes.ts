import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdParams, Page, problemResponses } from '../../platform/http/schemas.js';
import { Activity, ActivityCreate, ActivityListQuery, ActivityUpdate } from './activities.schemas.js';
import type { ActivitiesService } from './activities.service.js';
import type { AccessService } from '../access/access.service.js';
import { activityPolicies } from './activities.policies.js';

const tags = ['activities'];

/** CRUD of activities and their participants under /api/activities. */
export function activitiesRoutes(
  app: App,
  services: { activities: ActivitiesService; access: AccessService },
): void {
  const { activities } = services;
  const policies = activityPolicies(services);
  app.get('/api/activities', {
    schema: {
      operationId: 'listActivities',
      summary: 'List activities',
      description:
        'Filter by title or place (in any script, with or without diacritics), type, year, theme, ' +
        'participating organisation, country (where held or of a participant) or project. ' +
        'Newest first unless sorted otherwise.',
      tags,
      querystring: ActivityListQuery,
      response: { 200: Page(Type.Ref(Activity), 'Activity'), ...problemResponses(400) },
    },
    handler: (request) => activities.list(request.actor, request.query),
  });

  app.post('/api/activities', {
    config: { policy: policies.create },
    schema: {
      operationId: 'createActivity',
      summary: 'Create an activity with its participants',
      tags,
      body: Type.Ref(ActivityCreate),
      response: { 201: Type.Ref(Activity), ...problemResponses(400) },
    },
    handler: async (request, reply) => {
      const activity = await activities.create(request.actor, request.body as ActivityCreate);
      return reply
        .status(201)
        .header('location', `/api/activities/${activity.id}`)
        .header('etag', `"${activity.version}"`)
        .send(activity);
    },
  });

  app.get('/api/activities/:id', {
    schema: {
      operationId: 'getActivity',
      summary: 'Get an activity',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(Activity), ...problemResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const activity = await activities.get(request.actor, request.params.id);
      return reply.header('etag', `"${activity.version}"`).send(activity);
    },
  });

  app.patch('/api/activities/:id', {
    config: { policy: policies.update },
    schema: {
      operationId: 'updateActivity',
      summary: 'Change an activity',
      description:
        'Send the `version` you read; if someone changed the activity since, the answer is 409. ' +
        '`participants`, when sent, replaces the whole list.',
      tags,
      params: IdParams,
      body: Type.Ref(ActivityUpdate),
      response: { 200: Type.Ref(Activity), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      const activity = await activities.update(
        request.actor,
        request.params.id,
        request.body as ActivityUpdate,
      );
      return reply.header('etag', `"${activity.version}"`).send(activity);
    },
  });

  app.delete('/api/activities/:id', {
    config: { policy: policies.remove },
    schema: {
      operationId: 'deleteActivity',
      summary: 'Delete an activity',
      description: 'Also deletes its participations.',
      tags,
      params: IdParams,
      querystring: DeleteQuery,
      response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(400, 404, 409) },
    },
    handler: async (request, reply) => {
      await activities.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
