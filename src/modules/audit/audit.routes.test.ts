import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeProject } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await writeFixtures(t.database, (db) =>
    db.updateTable('users').set({ displayName: 'Ivana Admin' }).where('id', '=', t.app.userId).execute(),
  );
});
afterAll(async () => {
  await t.close();
});

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}
interface Event {
  action: string;
  entity: string;
  entityId: string;
  actor: { kind: string; displayName?: string };
  changes: Change[];
}

async function history(client = t.app as { inject: TestApp['app']['inject'] }, query: string) {
  const response = await client.inject({ url: `/api/history?${query}` });
  return response;
}

describe('history API', () => {
  it("shows a record's changes newest first, with the fields each changed", async () => {
    const city = await makeOrganisation(t.app, { population: 100 });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${city.id}`,
      payload: { version: 1, population: 120, description: { en: 'On the Drava.' } },
    });
    expect(patched.statusCode).toBe(200);
    const response = await history(t.app, `entity=organisation&id=${city.id}`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: Event[]; total: number };
    expect(page.items.map((event) => [event.entity, event.action])).toEqual([
      ['organisation', 'update'],
      ['name', 'insert'],
      ['organisation', 'insert'],
    ]);
    expect(page.total).toBe(3);
    expect(page.items[0]!.changes).toEqual([
      { field: 'description', before: {}, after: { en: 'On the Drava.' } },
      { field: 'population', before: 100, after: 120 },
    ]);
    expect(page.items[0]!.actor).toEqual({ kind: 'user', displayName: 'Ivana Admin' });
    expect(page.items[2]!.changes).toContainEqual({ field: 'population', before: null, after: 100 });
  });

  it('leaves out parts rewritten unchanged and shows parts that did change', async () => {
    const city = await makeOrganisation(t.app);
    const names = (await t.app.inject({ url: `/api/organisations/${city.id}` })).json().names;
    const same = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${city.id}`,
      payload: { version: 1, names, website: 'https://example.org' },
    });
    expect(same.statusCode).toBe(200);
    const added = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${city.id}`,
      payload: { version: 2, names: [...names, { name: 'Varasd', language: 'hu', kind: 'exonym' }] },
    });
    expect(added.statusCode).toBe(200);
    const page = (await history(t.app, `entity=organisation&id=${city.id}`)).json() as { items: Event[] };
    expect(page.items.map((event) => [event.entity, event.action])).toEqual([
      ['name', 'insert'],
      ['organisation', 'update'],
      ['organisation', 'update'],
      ['name', 'insert'],
      ['organisation', 'insert'],
    ]);
    expect(page.items[0]!.changes).toContainEqual({ field: 'name', before: null, after: 'Varasd' });
    expect(page.items[0]!.changes.map((change) => change.field)).not.toContain('organisationId');
  });

  it("includes a project's partners and pages through the history", async () => {
    const lead = await makeOrganisation(t.app);
    const project = await makeProject(t.app, { partners: [{ organisationId: lead.id, role: 'lead' }] });
    const first = (await history(t.app, `entity=project&id=${project.id}&pageSize=1`)).json();
    const second = (await history(t.app, `entity=project&id=${project.id}&pageSize=1&page=2`)).json();
    expect(first.total).toBe(2);
    expect([first.items[0].entity, second.items[0].entity]).toEqual(['project_partner', 'project']);
  });

  it('tells anonymous readers what kind of actor made a change, not who', async () => {
    const city = await makeOrganisation(t.app);
    const anonymous = (await history(t.anonymous, `entity=organisation&id=${city.id}`)).json();
    expect(anonymous.items[0].actor).toEqual({ kind: 'user' });
    const viewer = await t.signIn();
    const signedIn = (await history(viewer, `entity=organisation&id=${city.id}`)).json();
    expect(signedIn.items[0].actor).toEqual({ kind: 'user', displayName: 'Ivana Admin' });
  });

  it("shows contact persons' changes only to those who may read them", async () => {
    const city = await makeOrganisation(t.app);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${city.id}/contacts`,
      payload: { name: 'Petra Novak', email: 'petra.novak@example.si' },
    });
    expect(added.statusCode).toBe(201);
    const contactId = added.json().id as string;
    const viewer = await t.signIn({ grants: [{ organisationId: city.id, role: 'viewer' }] });
    const stranger = await t.signIn();

    const entitiesFor = async (client: { inject: TestApp['app']['inject'] }) =>
      ((await history(client, `entity=organisation&id=${city.id}`)).json().items as Event[]).map(
        (event) => event.entity,
      );
    expect(await entitiesFor(viewer)).toContain('contact');
    expect(await entitiesFor(stranger)).not.toContain('contact');
    expect(await entitiesFor(t.anonymous)).not.toContain('contact');

    expect((await history(viewer, `entity=contact&id=${contactId}`)).statusCode).toBe(200);
    expect((await history(stranger, `entity=contact&id=${contactId}`)).statusCode).toBe(403);
    expect((await history(t.anonymous, `entity=contact&id=${contactId}`)).statusCode).toBe(401);
  });

  it("keeps users' history for administrators", async () => {
    const user = await t.signIn();
    expect((await history(t.anonymous, `entity=user&id=${user.userId}`)).statusCode).toBe(401);
    expect((await history(user, `entity=user&id=${user.userId}`)).statusCode).toBe(403);
    const page = (await history(t.app, `entity=user&id=${user.userId}`)).json();
    expect(page.items[0]).toMatchObject({ entity: 'user', action: 'insert', actor: { kind: 'system' } });
  });

  it('refuses a malformed query', async () => {
    expect((await history(t.app, 'entity=Organisation;drop&id=x')).statusCode).toBe(400);
    expect((await history(t.app, 'entity=organisation')).statusCode).toBe(400);
  });
});
