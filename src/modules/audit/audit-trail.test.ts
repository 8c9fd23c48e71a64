import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeProject } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { systemActor } from '../../platform/actor.js';
import { inTransaction, newId } from '../../platform/db/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/**
 * Tables with the audit trigger, and the entity name their events carry. Every other table must be in
 * `unaudited` with the reason: a new table fails the first test until someone decides.
 */
const audited: Record<string, string> = {
  sources: 'source',
  themes: 'theme',
  organisations: 'organisation',
  names: 'name',
  memberships: 'membership',
  partnerships: 'partnership',
  projects: 'project',
  project_partners: 'project_partner',
  activities: 'activity',
  activity_participants: 'activity_participant',
  programmes: 'programme',
  users: 'user',
  user_roles: 'user_role',
  contacts: 'contact',
  initiatives: 'initiative',
  expressions_of_interest: 'expression_of_interest',
};

const unaudited: Record<string, string> = {
  audit_events: 'the audit trail itself',
  schema_migrations: 'bookkeeping of the migration runner',
  system_state: 'markers of loaders (demo data, gazetteer version), derived',
  countries: 'reference gazetteer, imported from files',
  places: 'reference gazetteer, imported from files',
  search_terms: 'search index, derived from the registry',
  search_index_versions: 'search index bookkeeping, derived',
  search_index_snapshots: 'the in-memory place index as stored, derived',
  cooperation_graph_revision: 'a counter raised with every change to the cooperation graph, derived',
  sessions: 'sign-in sessions: secrets and activity, not registry data',
  auth_tokens: 'one-time tokens (hashed): secrets',
  login_failures: 'throttling of sign-in attempts',
  initiative_status_changes: "an initiative's status log, written with the audited status change",
  notifications: "a user's inbox, derived from audited changes",
  notification_deliveries: 'mail delivery bookkeeping',
  scheduled_notices: 'deadline reminder bookkeeping',
};

async function eventsOf(requestId: string) {
  return t.database.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('requestId', '=', requestId)
    .orderBy('id')
    .execute();
}

describe('audit trail', () => {
  it('audits every registry table and leaves out only derived and secret ones, by decision', async () => {
    const tables = await sql<{ name: string; audited: boolean }>`
      select c.relname as name,
        exists (select from pg_trigger g where g.tgrelid = c.oid
          and g.tgfoid = 'audit_row_change'::regproc) as audited
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
      order by c.relname`.execute(t.database.db);
    const undecided = tables.rows
      .filter((table) => !(table.name in audited) && !(table.name in unaudited))
      .map((table) => table.name);
    expect(undecided).toEqual([]);
    const present = tables.rows.map((table) => table.name);
    expect(tables.rows.filter((table) => table.audited).map((table) => table.name)).toEqual(
      Object.keys(audited)
        .filter((name) => present.includes(name))
        .sort(),
    );
  });

  it('records who changed what, before and after, with the request that did it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: {
        kind: 'city',
        country: 'HR',
        names: [{ name: 'Varaždin', language: 'hr', kind: 'official' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const organisation = created.json();
    const inserted = await eventsOf(created.headers['x-request-id'] as string);
    expect(inserted.map((event) => [event.entity, event.action])).toEqual([
      ['organisation', 'insert'],
      ['name', 'insert'],
    ]);
    expect(inserted[0]).toMatchObject({
      actor: `user:${t.app.userId}`,
      entityId: organisation.id,
      before: null,
      after: { displayName: 'Varaždin', kind: 'city', country: 'HR' },
    });
    expect(inserted[1]).toMatchObject({ parentEntity: 'organisation', parentId: organisation.id });
    expect(inserted[0]!.after).not.toHaveProperty('searchText');

    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      payload: { version: 1, population: 43782 },
    });
    expect(changed.statusCode).toBe(200);
    const [update] = await eventsOf(changed.headers['x-request-id'] as string);
    expect(update).toMatchObject({
      action: 'update',
      before: { population: null },
      after: { population: 43782 },
    });

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/organisations/${organisation.id}` });
    expect(removed.statusCode).toBe(204);
    const deleted = await eventsOf(removed.headers['x-request-id'] as string);
    expect(deleted.map((event) => [event.entity, event.action])).toContainEqual(['organisation', 'delete']);
    expect(deleted.map((event) => [event.entity, event.action])).toContainEqual(['name', 'delete']);
  });

  it('records the parts a project has as events of the project', async () => {
    const lead = await makeOrganisation(t.app);
    const project = await makeProject(t.app, { partners: [{ organisationId: lead.id, role: 'lead' }] });
    const events = await t.database.db
      .selectFrom('auditEvents')
      .select(['entity', 'action'])
      .where('parentEntity', '=', 'project')
      .where('parentId', '=', project.id)
      .execute();
    expect(events).toEqual([{ entity: 'project_partner', action: 'insert' }]);
  });

  it('refuses a write that does not say who acts', async () => {
    const id = newId();
    await expect(
      t.database.db
        .insertInto('sources')
        .values({ id, kind: 'other', title: 'Anonymous write', searchText: '' })
        .execute(),
    ).rejects.toThrow(/No actor/);
    expect(await t.database.db.selectFrom('sources').where('id', '=', id).selectAll().execute()).toEqual([]);
  });

  it('keeps nothing of a write that fails', async () => {
    const id = newId();
    await expect(
      inTransaction(t.database, systemActor('test'), async (trx) => {
        await trx
          .insertInto('sources')
          .values({ id, kind: 'other', title: 'Rolled back', searchText: '' })
          .execute();
        throw new Error('the use case fails after its first write');
      }),
    ).rejects.toThrow(/fails/);
    const events = await t.database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('entityId', '=', id)
      .execute();
    expect(events).toEqual([]);
  });

  it('records nothing for a refused request', async () => {
    const organisation = await makeOrganisation(t.app);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      payload: { version: 7, population: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const anonymous = await t.anonymous.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      payload: { version: 1, population: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    for (const response of [stale, anonymous]) {
      expect(await eventsOf(response.headers['x-request-id'] as string)).toEqual([]);
    }
  });

  it('refuses to change, delete or empty audit events, even in SQL', async () => {
    await makeOrganisation(t.app);
    const attempts = [
      sql`update audit_events set actor = 'system:forger'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ];
    for (const attempt of attempts) {
      await expect(
        inTransaction(t.database, systemActor('test'), (trx) => attempt.execute(trx)),
      ).rejects.toThrow(/append-only/);
    }
    const forged = await t.database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('actor', '=', 'system:forger')
      .execute();
    expect(forged).toEqual([]);
    const [{ count }] = (
      await sql<{ count: number }>`select count(*)::int as count from audit_events`.execute(t.database.db)
    ).rows as [{ count: number }];
    expect(count).toBeGreaterThan(0);
  });

  it('keeps secrets out of the audit trail', async () => {
    const user = await t.signIn();
    await writeFixtures(t.database, (db) =>
      db
        .updateTable('users')
        .set({ passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$secret-salt$secret-hash' })
        .where('id', '=', user.userId)
        .execute(),
    );
    const events = await t.database.db
      .selectFrom('auditEvents')
      .select(['before', 'after'])
      .where('entity', '=', 'user')
      .where('entityId', '=', user.userId)
      .execute();
    expect(events.length).toBe(2);
    expect(JSON.stringify(events)).not.toMatch(/password|secret|argon2/);
  });

  it('records the system part that acted for writes outside a request', async () => {
    const id = newId();
    await writeFixtures(t.database, (db) =>
      db.insertInto('sources').values({ id, kind: 'other', title: 'Loaded', searchText: '' }).execute(),
    );
    const event = await t.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityId', '=', id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor: 'system:test', requestId: null, action: 'insert' });
  });
});
