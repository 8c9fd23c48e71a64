/**
 * Accounts beyond the session: password resets, invitations, two-factor authentication, and the
 * administrators' users, security settings and outbox. Administration queries share the `admin` key, which
 * signing in or out clears.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResultOf } from './client';

export type User = ResultOf<'listUsers'>['items'][number];
export type UserGrant = User['grants'][number];
export type OutboxMail = ResultOf<'listOutbox'>['items'][number];

export const adminKeys = {
  all: ['admin'] as const,
  users: (query: QueryOf<'listUsers'>) => ['admin', 'users', query] as const,
  security: ['admin', 'security'] as const,
  outbox: ['admin', 'outbox'] as const,
};

export const userListQuery = (query: QueryOf<'listUsers'>) =>
  queryOptions({
    queryKey: adminKeys.users(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/users', { params: { query }, signal })),
  });

export const securitySettingsQuery = () =>
  queryOptions({
    queryKey: adminKeys.security,
    queryFn: ({ signal }) => unwrap(api.GET('/api/settings/security', { signal })),
  });

export const outboxQuery = () =>
  queryOptions({
    queryKey: adminKeys.outbox,
    queryFn: ({ signal }) => unwrap(api.GET('/api/outbox', { signal })),
    staleTime: 0,
  });

export const accountWrites = {
  requestPasswordReset: (body: BodyOf<'requestPasswordReset'>) =>
    unwrap(api.POST('/api/password-reset', { body })),
  completePasswordReset: (body: BodyOf<'completePasswordReset'>) =>
    unwrap(api.POST('/api/password-reset/complete', { body })),
  changePassword: (body: BodyOf<'changePassword'>) => unwrap(api.POST('/api/account/password', { body })),
  setLanguage: (body: BodyOf<'setLanguage'>) => unwrap(api.PUT('/api/account/language', { body })),
  startTwoFactor: () => unwrap(api.POST('/api/account/two-factor')),
  confirmTwoFactor: (body: BodyOf<'confirmTwoFactor'>) =>
    unwrap(api.POST('/api/account/two-factor/confirm', { body })),
  disableTwoFactor: (body: BodyOf<'disableTwoFactor'>) =>
    unwrap(api.DELETE('/api/account/two-factor', { body })),
};

/** A backup of the whole database, as the server makes it, with the file name it offers. */
export async function downloadBackup(): Promise<{ file: Blob; name: string }> {
  const call = api.POST('/api/admin/backup', { parseAs: 'blob' });
  const file = (await unwrap(call)) as Blob;
  const { response } = await call;
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { file, name: name ?? 'pobratim-backup.jsonl.gz' };
}

export const adminWrites = {
  invite: (body: BodyOf<'createInvitation'>) => unwrap(api.POST('/api/invitations', { body })),
  updateUser: (id: string, body: BodyOf<'updateUser'>) =>
    unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
  setRoles: (id: string, body: BodyOf<'setUserRoles'>) =>
    unwrap(api.PUT('/api/users/{id}/roles', { params: { path: { id } }, body })),
  updateSecuritySettings: (body: BodyOf<'updateSecuritySettings'>) =>
    unwrap(api.PATCH('/api/settings/security', { body })),
};
