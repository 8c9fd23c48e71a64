import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInClient } from '../../../test/auth.js';
import { makeMembership, makeOrganisation, type CreatedOrganisation } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { dayFromToday, makeInitiative } from '../../../test/initiative-factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { canTransition, initiativeStatuses, type InitiativeStatus } from '../../domain/initiative.js';

let t: TestApp;
let paris: CreatedOrganisation;
let celje: CreatedOrganisation;
let osijek: CreatedOrganisation;
let network: CreatedOrganisation;
let parisEditor: SignedInClient;
let celjeEditor: SignedInClient;

beforeAll(async () => {
  t = await createTestApp();
  paris = await makeOrganisation(t.app, { country: 'FR', population: 2_100_000 });
  celje = await makeOrganisation(t.app, { country: 'SI', population: 48_000 });
  osijek = await makeOrganisation(t.app, { country: 'HR', population: 96_000 });
  network = await makeOrganisation(t.app, { kind: 'network', country: null });
  // Paris and Osijek are confirmed members of the same network; Celje is not.
  await makeMembership(t.app, paris.id, network.id, { confirmation: 'confirmed' });
  await makeMembership(t.app, osijek.id, network.id, { confirmation: 'confirmed' });
  parisEditor = await t.signIn({ grants: [{ organisationId: paris.id, role: 'editor' }] });
  celjeEditor = await t.signIn({ grants: [{ organisationId: celje.id, role: 'editor' }] });
});
afterAll(async () => {
  await t.close();
});

/** Puts an initiative into a status directly, to test the move out of it through the API. */
async function putInStatus(id: string, status: InitiativeStatus): Promise<number> {
  const row = await writeFixtures(t.database, (db) =>
    db
      .updateTable('initiatives')
      .set((eb) => ({ status, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returning('version')
      .executeTakeFirstOrThrow(),
  );
  return row.version;
}

describe('initiatives API', () => {
  it('starts an initiative as a draft with what it seeks, and reads it back', async () => {
    const response = await parisEditor.inject({
      method: 'POST',
      url: '/api/initiatives',
      payload: {
        ownerOrganisationId: paris.id,
        title: { en: 'Lively city centres', fr: 'Centres-villes vivants' },
        description: { en: 'A follow-up network on city centres.' },
        partnerKinds: ['city', 'municipality'],
        countries: ['SI', 'HR'],
        populationMin: 20000,
        populationMax: 200000,
        languages: ['en'],
        partnersWanted: 4,
        fundingProgramme: 'urbact_iv',
        call: 'Call for Action Networks',
        deadline: dayFromToday(30),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const initiative = response.json();
    expect(initiative).toMatchObject({
      owner: { id: paris.id },
      displayTitle: 'Lively city centres',
      status: 'draft',
      visibility: 'public',
      populationMin: 20000,
      partnersWanted: 4,
      allowedTransitions: ['open', 'withdrawn'],
      canManage: true,
      interests: { pending: 0, accepted: 0 },
      project: null,
      version: 1,
    });
    const history = await t.anonymous.inject({ url: `/api/initiatives/${initiative.id}/history` });
    // A draft is the owner's alone.
    expect(history.statusCode).toBe(404);
    const own = await parisEditor.inject({ url: `/api/initiatives/${initiative.id}/history` });
    expect(own.json().items).toMatchObject([{ from: null, to: 'draft' }]);
  });

  it('lets only writers of the owner start one', async () => {
    const payload = { ownerOrganisationId: paris.id, title: { en: 'Not mine' } };
    expect((await celjeEditor.inject({ method: 'POST', url: '/api/initiatives', payload })).statusCode).toBe(
      403,
    );
    const anonymous = await t.anonymous.inject({ method: 'POST', url: '/api/initiatives', payload });
    expect(anonymous.statusCode).toBe(401);
    const viewer = await t.signIn({ grants: [{ organisationId: paris.id, role: 'viewer' }] });
    expect((await viewer.inject({ method: 'POST', url: '/api/initiatives', payload })).statusCode).toBe(403);
  });

  it('refuses an upside-down population range and a past deadline with field errors', async () => {
    const response = await parisEditor.inject({
      method: 'POST',
      url: '/api/initiatives',
      payload: {
        ownerOrganisationId: paris.id,
        title: { en: 'Broken' },
        populationMin: 5000,
        populationMax: 100,
        deadline: '2001-01-01',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { code: string }) => error.code)).toEqual([
      'initiative.population_range',
      'initiative.deadline_past',
    ]);
  });

  it('refuses unknown fields', async () => {
    const response = await parisEditor.inject({
      method: 'POST',
      url: '/api/initiatives',
      payload: { ownerOrganisationId: paris.id, title: { en: 'Extra' }, budget: 5 },
    });
    expect(response.statusCode).toBe(400);
  });

  it('changes an initiative on the version read, and refuses a stale one', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const changed = await parisEditor.inject({
      method: 'PATCH',
      url: `/api/initiatives/${initiative.id}`,
      payload: { version: initiative.version, partnersWanted: 2, title: { en: 'Renamed' } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ partnersWanted: 2, displayTitle: 'Renamed', version: 2 });
    const stale = await parisEditor.inject({
      method: 'PATCH',
      url: `/api/initiatives/${initiative.id}`,
      payload: { version: initiative.version, partnersWanted: 3 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('initiative.version_conflict');
    const stranger = await celjeEditor.inject({
      method: 'PATCH',
      url: `/api/initiatives/${initiative.id}`,
      payload: { version: 2, partnersWanted: 3 },
    });
    expect(stranger.statusCode).toBe(403);
  });

  it('refuses changes to a closed initiative', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const version = await putInStatus(initiative.id, 'closed');
    const response = await parisEditor.inject({
      method: 'PATCH',
      url: `/api/initiatives/${initiative.id}`,
      payload: { version, partnersWanted: 3 },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('initiative.final');
  });
});

describe('initiative status machine over HTTP', () => {
  const pairs = initiativeStatuses.flatMap((from) => initiativeStatuses.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s is allowed exactly when the table says so', async (from, to) => {
    const initiative = await makeInitiative(parisEditor, paris.id, { status: 'draft' });
    const version = await putInStatus(initiative.id, from);
    const response = await parisEditor.inject({
      method: 'POST',
      url: `/api/initiatives/${initiative.id}/transitions`,
      payload: { to, version, note: 'Testing the machine' },
    });
    if (canTransition(from, to)) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: to, version: version + 1 });
      const history = await parisEditor.inject({ url: `/api/initiatives/${initiative.id}/history` });
      expect(history.json().items.at(-1)).toMatchObject({ from, to, note: 'Testing the machine' });
    } else {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().code).toBe('initiative.invalid_transition');
      const unchanged = await parisEditor.inject({ url: `/api/initiatives/${initiative.id}` });
      expect(unchanged.json()).toMatchObject({ status: from, version });
    }
  });

  it('walks the whole path from draft to closed, each step in the history', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id, { status: 'draft' });
    let version = initiative.version;
    const path: InitiativeStatus[] = [
      'open',
      'shortlisting',
      'partners_confirmed',
      'submitted',
      'funded',
      'closed',
    ];
    for (const to of path) {
      const response = await parisEditor.inject({
        method: 'POST',
        url: `/api/initiatives/${initiative.id}/transitions`,
        payload: { to, version },
      });
      expect(response.statusCode, response.body).toBe(200);
      version = response.json().version;
    }
    const history = await t.anonymous.inject({ url: `/api/initiatives/${initiative.id}/history` });
    expect(history.json().items.map((change: { to: string }) => change.to)).toEqual(['draft', ...path]);
  });

  it('refuses a stale version before looking at the move, and strangers altogether', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const stale = await parisEditor.inject({
      method: 'POST',
      url: `/api/initiatives/${initiative.id}/transitions`,
      payload: { to: 'shortlisting', version: initiative.version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('initiative.version_conflict');
    const stranger = await celjeEditor.inject({
      method: 'POST',
      url: `/api/initiatives/${initiative.id}/transitions`,
      payload: { to: 'shortlisting', version: initiative.version },
    });
    expect(stranger.statusCode).toBe(403);
  });
});

describe('who sees which initiative', () => {
  let visible: Record<string, string>;

  beforeAll(async () => {
    visible = {
      public: (await makeInitiative(parisEditor, paris.id, { visibility: 'public' })).id,
      association: (await makeInitiative(parisEditor, paris.id, { visibility: 'association' })).id,
      private: (await makeInitiative(parisEditor, paris.id, { visibility: 'private' })).id,
      draft: (await makeInitiative(parisEditor, paris.id, { visibility: 'public', status: 'draft' })).id,
    };
  });

  async function seenBy(client: { inject: SignedInClient['inject'] }): Promise<string[]> {
    const response = await client.inject({ url: `/api/initiatives?owner=${paris.id}&pageSize=200` });
    expect(response.statusCode).toBe(200);
    const ids = new Set(response.json().items.map((item: { id: string }) => item.id));
    return Object.entries(visible)
      .filter(([, id]) => ids.has(id))
      .map(([name]) => name);
  }

  it('shows anonymous visitors and unrelated editors the published public ones', async () => {
    expect(await seenBy(t.anonymous)).toEqual(['public']);
    expect(await seenBy(celjeEditor)).toEqual(['public']);
    const direct = await t.anonymous.inject({ url: `/api/initiatives/${visible.private}` });
    expect(direct.statusCode).toBe(404);
  });

  it('shows people of a fellow member of the association the association ones', async () => {
    const osijekViewer = await t.signIn({ grants: [{ organisationId: osijek.id, role: 'viewer' }] });
    expect(await seenBy(osijekViewer)).toEqual(['public', 'association']);
    const networkViewer = await t.signIn({ grants: [{ organisationId: network.id, role: 'viewer' }] });
    expect(await seenBy(networkViewer)).toEqual(['public', 'association']);
  });

  it("shows the owner's people everything, drafts included", async () => {
    const parisViewer = await t.signIn({ grants: [{ organisationId: paris.id, role: 'viewer' }] });
    expect(await seenBy(parisViewer)).toEqual(['public', 'association', 'private', 'draft']);
    expect(await seenBy(t.app)).toEqual(['public', 'association', 'private', 'draft']);
  });
});

describe('initiatives board filters', () => {
  it('filters by status, theme, country, programme and a country partners may come from', async () => {
    const theme = 'initiative-test-heritage';
    await writeFixtures(t.database, (db) =>
      db
        .insertInto('themes')
        .values({
          id: '01900000-0000-7000-8000-00000000a001',
          code: theme,
          taxonomy: 'custom',
          position: 0,
          labels: { en: 'Heritage' },
          sourceId: null,
          searchText: theme,
        })
        .execute(),
    );
    const celjeWriter = celjeEditor;
    const heritage = await makeInitiative(celjeWriter, celje.id, {
      themes: [theme],
      fundingProgramme: 'interreg_europe',
      countries: ['HR'],
      title: { sl: 'Dediščina mest' },
    });
    const other = await makeInitiative(celjeWriter, celje.id, { status: 'draft', countries: [] });
    const ids = async (query: string) =>
      (await celjeWriter.inject({ url: `/api/initiatives?${query}&pageSize=200` }))
        .json()
        .items.map((item: { id: string }) => item.id);
    expect(await ids(`theme=${theme}`)).toEqual([heritage.id]);
    expect(await ids('programme=interreg_europe')).toContain(heritage.id);
    expect(await ids('programme=interreg_europe')).not.toContain(other.id);
    expect(await ids('status=draft&country=SI')).toEqual([other.id]);
    expect(await ids('country=FR')).not.toContain(heritage.id);
    expect(await ids(`owner=${celje.id}&seeks=HR`)).toEqual(expect.arrayContaining([heritage.id, other.id]));
    expect(await ids(`owner=${celje.id}&seeks=BG`)).toEqual([other.id]);
    expect(await ids('q=dediscina')).toEqual([heritage.id]);
  });
});
