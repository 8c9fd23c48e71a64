import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { IdParams, Page, problemResponses } from '../../platform/http/schemas.js';
import { administrators } from '../access/access.service.js';
import {
  Outbox,
  SecuritySettings,
  User,
  UserListQuery,
  UserRolesUpdate,
  UserUpdate,
} from './accounts.schemas.js';
import { accountsBodyLimit } from './accounts.routes.js';
import type { UsersService } from './users.service.js';

const tags = ['users'];

/** Administration of accounts: users and their roles, security settings and the mail outbox. */
export function usersRoutes(app: App, { users }: { users: UsersService }): void {
  app.get('/api/users', {
    schema: {
      operationId: 'listUsers',
      summary: 'List users (administrators)',
      tags,
      querystring: UserListQuery,
      response: { 200: Page(Type.Ref(User), 'User'), ...problemResponses(400, 401, 403) },
    },
    handler: async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await users.list(request.actor, request.query)),
  });

  app.patch('/api/users/:id', {
    config: { policy: administrators },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'updateUser',
      summary: 'Change a user (administrators)',
      description:
        'Make or unmake an administrator, disable (ends their sessions) or re-activate, rename, or remove their ' +
        'two-factor authentication. Send the `version` you read (409 if stale); the last active administrator ' +
        'cannot be demoted or disabled (409 `user.last_admin`).',
      tags,
      params: IdParams,
      body: Type.Ref(UserUpdate),
      response: { 200: Type.Ref(User), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: (request) => users.update(request.actor, request.params.id, request.body as UserUpdate),
  });

  app.put('/api/users/:id/roles', {
    config: { policy: administrators },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'setUserRoles',
      summary: "Set a user's roles (administrators)",
      description: "Replaces all of the user's roles; they apply from the user's next request.",
      tags,
      params: IdParams,
      body: Type.Ref(UserRolesUpdate),
      response: { 200: Type.Ref(User), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: (request) => users.setRoles(request.actor, request.params.id, request.body as UserRolesUpdate),
  });

  app.get('/api/settings/security', {
    schema: {
      operationId: 'getSecuritySettings',
      summary: 'Security settings (administrators)',
      tags,
      response: { 200: Type.Ref(SecuritySettings), ...problemResponses(401, 403) },
    },
    handler: (request) => users.securitySettings(request.actor),
  });

  app.patch('/api/settings/security', {
    config: { policy: administrators },
    bodyLimit: accountsBodyLimit,
    schema: {
      operationId: 'updateSecuritySettings',
      summary: 'Change the security settings (administrators)',
      description:
        'With `requireTwoFactor`, every user must set up two-factor authentication: until they do, their ' +
        'writes other than enrolling and signing out get 403 `auth.two_factor_enrolment_required`.',
      tags,
      body: Type.Ref(SecuritySettings),
      response: { 200: Type.Ref(SecuritySettings), ...problemResponses(400, 401, 403) },
    },
    handler: (request) => users.updateSecuritySettings(request.actor, request.body as SecuritySettings),
  });

  app.get('/api/outbox', {
    schema: {
      operationId: 'listOutbox',
      summary: 'Mails in the outbox (administrators)',
      description:
        'Without an SMTP server (`SMTP_URL`), mails are written to the outbox folder of the data directory ' +
        'instead of being sent; these are the newest 100, newest first.',
      tags,
      response: { 200: Type.Ref(Outbox), ...problemResponses(401, 403) },
    },
    handler: async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await users.outbox(request.actor)),
  });
}
