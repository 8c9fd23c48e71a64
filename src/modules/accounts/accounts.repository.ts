import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { OrganisationGrant } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { fetchPage, likeContains, newId, type PageResult } from '../../platform/db/helpers.js';
import type { AuthTokensTable, UsersTable } from '../../platform/db/tables.js';
import { securitySettingsKey } from './sessions.repository.js';
import type { SecuritySettings, UserListQuery } from './accounts.schemas.js';

export type UserRow = Selectable<UsersTable>;
export type AuthTokenRow = Selectable<AuthTokensTable>;
export type AuthTokenKind = AuthTokenRow['kind'];

// Users

export function findUserByEmail(
  db: Executor,
  email: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  let query = db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase());
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function findUser(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  let query = db.selectFrom('users').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertUser(db: Executor, row: Insertable<UsersTable>): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a user and moves its version on. */
export async function updateUser(db: Executor, id: string, values: Updateable<UsersTable>): Promise<UserRow> {
  return db
    .updateTable('users')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Changes a user's secrets (password, two-factor) or the language of their mails without moving its
 * version: nothing an editor reads.
 */
export async function updateUserSecrets(
  db: Executor,
  id: string,
  values: Pick<
    Updateable<UsersTable>,
    'passwordHash' | 'totpSecret' | 'totpPendingSecret' | 'totpLastTimeStep' | 'language'
  >,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...values, updatedAt: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

/** How many active administrators there are besides `exceptId`. */
export async function countOtherActiveAdmins(db: Executor, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('admin', '=', true)
    .where('status', '=', 'active')
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return row.count;
}

export function listUsers(db: Executor, query: UserListQuery): Promise<PageResult<UserRow>> {
  let filtered = db.selectFrom('users');
  if (query.email) {
    filtered = filtered.where(sql<string>`lower(email)`, 'like', likeContains(query.email.toLowerCase()));
  }
  if (query.status) filtered = filtered.where('status', '=', query.status);
  return fetchPage(filtered.selectAll(), query, (page) => page.orderBy(sql`lower(email)`).orderBy('id'));
}

// Roles

export async function findGrants(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, OrganisationGrant[]>> {
  const byUser = new Map<string, OrganisationGrant[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('userRoles')
    .select(['userId', 'organisationId', 'role'])
    .where('userId', 'in', [...userIds])
    .orderBy('createdAt')
    .orderBy('organisationId')
    .execute();
  for (const { userId, ...grant } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(grant);
    byUser.set(userId, list);
  }
  return byUser;
}

/** Gives a user these roles, changing the role where the user already has one for the organisation. */
export async function upsertGrants(
  db: Executor,
  userId: string,
  grants: readonly OrganisationGrant[],
): Promise<void> {
  if (grants.length === 0) return;
  await db
    .insertInto('userRoles')
    .values(grants.map((grant) => ({ userId, organisationId: grant.organisationId, role: grant.role })))
    .onConflict((conflict) =>
      conflict.columns(['userId', 'organisationId']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role') })),
    )
    .execute();
}

/** Replaces all of a user's roles. */
export async function replaceGrants(
  db: Executor,
  userId: string,
  grants: readonly OrganisationGrant[],
): Promise<void> {
  await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
  await upsertGrants(db, userId, grants);
}

/** The ids among `ids` that name no organisation. */
export async function findUnknownOrganisations(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  const known = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

// Single-use tokens sent by mail

export async function insertAuthToken(
  db: Executor,
  token: { userId: string; kind: AuthTokenKind; tokenHash: string; expiresAt: Date },
): Promise<AuthTokenRow> {
  return db
    .insertInto('authTokens')
    .values({ id: newId(), ...token })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The token with this hash and kind, locked for the transaction that uses it. */
export function findAuthToken(
  db: Executor,
  tokenHash: string,
  kind: AuthTokenKind,
): Promise<AuthTokenRow | undefined> {
  return db
    .selectFrom('authTokens')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
}

export async function markAuthTokenUsed(db: Executor, id: string, now: Date): Promise<void> {
  await db.updateTable('authTokens').set({ usedAt: now }).where('id', '=', id).execute();
}

/** Makes a user's unused tokens of a kind unusable: a newer one replaces them. */
export async function supersedeAuthTokens(
  db: Executor,
  userId: string,
  kind: AuthTokenKind,
  now: Date,
): Promise<void> {
  await db
    .updateTable('authTokens')
    .set({ usedAt: now })
    .where('userId', '=', userId)
    .where('kind', '=', kind)
    .where('usedAt', 'is', null)
    .execute();
}

/** How many tokens of a kind a user was sent since a moment. */
export async function countAuthTokensSince(
  db: Executor,
  userId: string,
  kind: AuthTokenKind,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('authTokens')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('userId', '=', userId)
    .where('kind', '=', kind)
    .where('createdAt', '>', since)
    .executeTakeFirstOrThrow();
  return row.count;
}

// Failed sign-ins

/** Records a failed sign-in and forgets failures older than the window. */
export async function recordLoginFailure(
  db: Executor,
  emailHash: string,
  now: Date,
  windowStart: Date,
): Promise<void> {
  await db.insertInto('loginFailures').values({ id: newId(), emailHash, failedAt: now }).execute();
  await db.deleteFrom('loginFailures').where('failedAt', '<=', windowStart).execute();
}

/** The times of the newest failed sign-ins for an email hash since `windowStart`, newest first. */
export async function recentLoginFailures(
  db: Executor,
  emailHash: string,
  windowStart: Date,
  limit: number,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('loginFailures')
    .select('failedAt')
    .where('emailHash', '=', emailHash)
    .where('failedAt', '>', windowStart)
    .orderBy('failedAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.failedAt);
}

export async function clearLoginFailures(db: Executor, emailHash: string): Promise<void> {
  await db.deleteFrom('loginFailures').where('emailHash', '=', emailHash).execute();
}

// Settings

export async function readSecuritySettings(db: Executor): Promise<SecuritySettings> {
  const row = await db
    .selectFrom('systemState')
    .select('value')
    .where('key', '=', securitySettingsKey)
    .executeTakeFirst();
  return { requireTwoFactor: row?.value.requireTwoFactor === true };
}

export async function writeSecuritySettings(db: Executor, settings: SecuritySettings): Promise<void> {
  const value = JSON.stringify({ requireTwoFactor: settings.requireTwoFactor });
  await sql`insert into system_state (key, value, updated_at) values (${securitySettingsKey}, ${value}::jsonb, now())
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`.execute(db);
}
