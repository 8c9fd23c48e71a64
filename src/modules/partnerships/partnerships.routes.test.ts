import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makePartnership } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { newId } from '../../platform/db/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await writeFixtures(t.database, (db) =>
    db
      .insertInto('themes')
      .values(
        ['partnership-test-culture', 'partnership-test-tourism'].map((code, position) => ({
          id: newId(),
          code,
          taxonomy: 'custom',
          position,
          labels: { en: code },
          sourceId: null,
          searchText: code,
        })),
      )
      .execute(),
  );
});
afterAll(async () => {
  await t.close();
});

const culture = 'partnership-test-culture';
const tourism = 'partnership-test-tourism';

async function listIds(query: string): Promise<string[]> {
  const response = await t.app.inject({ url: `/api/partnerships?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json().items.map((item: { id: string }) => item.id);
}

async function makePair() {
  return [await makeOrganisation(t.app), await makeOrganisation(t.app)] as const;
}

describe('partnerships API', () => {
  it('records a partnership and reads it back with both sides summarised', async () => {
    const zagreb = await makeOrganisation(t.app, { country: 'HR' });
    const sofia = await makeOrganisation(t.app, { country: 'BG' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        organisationAId: zagreb.id,
        organisationBId: sofia.id,
        type: 'cooperation_agreement',
        status: 'signed',
        signedOn: '2007-05-14',
        agreementUrl: 'https://example.org/agreement.pdf',
        confirmation: 'confirmed',
        description: { en: 'Agreement on cooperation.', hr: 'Sporazum o suradnji.' },
        themes: [culture],
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(response.headers.location).toBe(`/api/partnerships/${created.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(created).toMatchObject({
      organisationA: { id: zagreb.id, slug: zagreb.slug, name: zagreb.name, kind: 'city', country: 'HR' },
      organisationB: { id: sofia.id, country: 'BG' },
      type: 'cooperation_agreement',
      status: 'signed',
      startedOn: null,
      signedOn: '2007-05-14',
      endedOn: null,
      agreementUrl: 'https://example.org/agreement.pdf',
      confirmation: { state: 'confirmed', claimedBy: null, reason: null },
      themes: [culture],
      source: null,
      version: 1,
    });
    const read = await t.app.inject({ url: `/api/partnerships/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(created);
  });

  it('shows the source a partnership cites and refuses unknown sources and themes', async () => {
    const sourceId = newId();
    await writeFixtures(t.database, (db) =>
      db
        .insertInto('sources')
        .values({
          id: sourceId,
          kind: 'decision',
          title: 'City council decision',
          url: null,
          key: null,
          language: null,
          publisher: null,
          publishedOn: null,
          notes: null,
          searchText: '',
        })
        .execute(),
    );
    const [a, b] = await makePair();
    const partnership = await makePartnership(t.app, a.id, b.id, { sourceId });
    expect(partnership.source).toEqual({ id: sourceId, title: 'City council decision', url: null });

    const [c, d] = await makePair();
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        organisationAId: c.id,
        organisationBId: d.id,
        type: 'friendship',
        status: 'active',
        sourceId: newId(),
        themes: ['no-such-theme'],
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('partnership.invalid');
    expect(unknown.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.themes', code: 'theme.unknown' }),
        expect.objectContaining({ field: 'body.sourceId', code: 'source.unknown' }),
      ]),
    );
  });

  it('answers missing and malformed fields with 400 naming them', async () => {
    const [a] = await makePair();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: { organisationAId: a.id, type: 'alliance', status: 'active', startedOn: '2007-13' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation.failed');
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.organisationBId', 'body.type', 'body.startedOn']));
  });

  it('refuses an unknown field instead of dropping it', async () => {
    const [a, b] = await makePair();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        organisationAId: a.id,
        organisationBId: b.id,
        type: 'twinning',
        status: 'active',
        mayor: 'X',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.unknown_field',
      errors: [{ field: 'body.mayor' }],
    });
  });

  it('refuses a partnership of an organisation with itself', async () => {
    const [a] = await makePair();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: { organisationAId: a.id, organisationBId: a.id, type: 'twinning', status: 'active' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'partnership.self',
      errors: [{ field: 'body.organisationBId', code: 'partnership.self' }],
    });
  });

  it('refuses a partnership that ends before it starts or before it was signed', async () => {
    const [a, b] = await makePair();
    for (const dates of [
      { startedOn: '2010', endedOn: '2009' },
      { signedOn: '2010-05-14', endedOn: '2010-04' },
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/partnerships',
        payload: {
          organisationAId: a.id,
          organisationBId: b.id,
          type: 'twinning',
          status: 'ended',
          ...dates,
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'date.end_before_start',
        errors: [{ field: 'body.endedOn', code: 'date.end_before_start' }],
      });
    }
  });

  it('allows an end date with a status other than ended', async () => {
    const [a, b] = await makePair();
    const partnership = await makePartnership(t.app, a.id, b.id, {
      status: 'dormant',
      startedOn: '2001',
      endedOn: '2015',
    });
    expect(partnership).toMatchObject({ status: 'dormant', endedOn: '2015' });
  });

  it('refuses an unknown organisation, naming the side', async () => {
    const [a] = await makePair();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: { organisationAId: newId(), organisationBId: a.id, type: 'twinning', status: 'active' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'partnership.organisation_unknown',
      errors: [{ field: 'body.organisationAId', code: 'partnership.organisation_unknown' }],
    });
  });

  it('refuses a second live partnership of the same type between the same organisations, in either order', async () => {
    const [a, b] = await makePair();
    await makePartnership(t.app, a.id, b.id, { type: 'twinning' });
    const reversed = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: { organisationAId: b.id, organisationBId: a.id, type: 'twinning', status: 'proposed' },
    });
    expect(reversed.statusCode).toBe(409);
    expect(reversed.json().code).toBe('partnership.duplicate');
    const friendship = await makePartnership(t.app, b.id, a.id, { type: 'friendship' });
    expect(friendship.type).toBe('friendship');
  });

  it('allows a new partnership once the earlier one of the same type has ended', async () => {
    const [a, b] = await makePair();
    const first = await makePartnership(t.app, a.id, b.id, { startedOn: '1990' });
    const ended = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${first.id}`,
      payload: { version: first.version, status: 'ended', endedOn: '1999' },
    });
    expect(ended.statusCode).toBe(200);
    const renewed = await makePartnership(t.app, b.id, a.id, { startedOn: '2005' });
    expect(renewed.startedOn).toBe('2005');
    const revived = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${first.id}`,
      payload: { version: 2, status: 'active' },
    });
    expect(revived.statusCode).toBe(409);
    expect(revived.json().code).toBe('partnership.duplicate');
  });

  it('changes a partnership and checks the rules on the record as changed', async () => {
    const [a, b] = await makePair();
    const partnership = await makePartnership(t.app, a.id, b.id, { startedOn: '2003' });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${partnership.id}`,
      payload: { version: 1, themes: [tourism], agreementUrl: null },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({
      confirmation: { state: 'claimed', claimedBy: null },
      themes: [tourism],
      startedOn: '2003',
      status: 'active',
      version: 2,
    });
    const endsEarly = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${partnership.id}`,
      payload: { version: 2, endedOn: '2002' },
    });
    expect(endsEarly.statusCode).toBe(400);
    expect(endsEarly.json()).toMatchObject({
      code: 'date.end_before_start',
      errors: [{ field: 'body.endedOn' }],
    });
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${partnership.id}`,
      payload: { version: 2, organisationBId: a.id },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().code).toBe('partnership.self');
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const [a, b] = await makePair();
    const partnership = await makePartnership(t.app, a.id, b.id);
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${partnership.id}`,
      payload: { version: 1, status: 'dormant' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${partnership.id}`,
      payload: { version: 1, status: 'ended' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('partnership.version_conflict');
    expect((await t.app.inject({ url: `/api/partnerships/${partnership.id}` })).json().status).toBe(
      'dormant',
    );
  });

  it('answers an unknown id with 404', async () => {
    const response = await t.app.inject({ url: `/api/partnerships/${newId()}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, code: 'partnership.not_found' });
  });

  it('deletes a partnership, refusing a stale version', async () => {
    const [a, b] = await makePair();
    const partnership = await makePartnership(t.app, a.id, b.id);
    const stale = await t.app.inject({
      method: 'DELETE',
      url: `/api/partnerships/${partnership.id}?version=3`,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('partnership.version_conflict');
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/partnerships/${partnership.id}?version=1`,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/partnerships/${partnership.id}` })).statusCode).toBe(404);
  });

  describe('list', () => {
    it('filters by an organisation on either side', async () => {
      const [hub, a] = await makePair();
      const [b] = await makePair();
      const asA = await makePartnership(t.app, hub.id, a.id);
      const asB = await makePartnership(t.app, b.id, hub.id);
      await makePartnership(t.app, a.id, b.id);
      expect((await listIds(`organisation=${hub.id}`)).sort()).toEqual([asA.id, asB.id].sort());
    });

    it('filters by type and by status', async () => {
      const [hub, a] = await makePair();
      const [b] = await makePair();
      const twinning = await makePartnership(t.app, hub.id, a.id, { type: 'twinning', status: 'active' });
      const memorandum = await makePartnership(t.app, hub.id, b.id, {
        type: 'memorandum',
        status: 'proposed',
      });
      expect(await listIds(`organisation=${hub.id}&type=memorandum`)).toEqual([memorandum.id]);
      expect(await listIds(`organisation=${hub.id}&status=active`)).toEqual([twinning.id]);
    });

    it('filters by the year a partnership was active in, from its start or signing, leaving out undated ones', async () => {
      const hub = await makeOrganisation(t.app);
      const partner = async (dates: Record<string, string>) =>
        (await makePartnership(t.app, hub.id, (await makeOrganisation(t.app)).id, dates)).id;
      const started = await partner({ startedOn: '2001' });
      const signed = await partner({ signedOn: '2006-05-14' });
      const ended = await partner({ startedOn: '1995', endedOn: '2003', status: 'ended' });
      await partner({});
      expect((await listIds(`organisation=${hub.id}&year=2002`)).sort()).toEqual([started, ended].sort());
      expect((await listIds(`organisation=${hub.id}&year=2006`)).sort()).toEqual([started, signed].sort());
    });

    it('filters by theme', async () => {
      const [hub, a] = await makePair();
      const [b] = await makePair();
      const cultural = await makePartnership(t.app, hub.id, a.id, { themes: [culture, tourism] });
      await makePartnership(t.app, hub.id, b.id, { themes: [tourism] });
      expect(await listIds(`organisation=${hub.id}&theme=${culture}`)).toEqual([cultural.id]);
    });

    it('filters by the country of either side', async () => {
      const hub = await makeOrganisation(t.app, { country: 'HR' });
      const macedonian = await makePartnership(
        t.app,
        (await makeOrganisation(t.app, { country: 'MK' })).id,
        hub.id,
      );
      await makePartnership(t.app, hub.id, (await makeOrganisation(t.app, { country: 'SI' })).id);
      expect(await listIds(`organisation=${hub.id}&country=MK`)).toEqual([macedonian.id]);
      expect(await listIds(`organisation=${hub.id}&country=HR`)).toHaveLength(2);
    });

    it('filters by any name of either side, in any script', async () => {
      const ohrid = await makeOrganisation(t.app, {
        country: 'MK',
        names: [{ name: 'Охрид', language: 'mk', kind: 'official' }],
      });
      const krusevo = await makeOrganisation(t.app, {
        country: 'MK',
        names: [{ name: 'Крушево', language: 'mk', kind: 'official' }],
      });
      const partnership = await makePartnership(t.app, ohrid.id, krusevo.id);
      expect(await listIds('name=ohrid')).toEqual([partnership.id]);
      expect(await listIds(`name=${encodeURIComponent('Крушево')}`)).toEqual([partnership.id]);
    });

    it('sorts by the start, undated last, and newest first by default', async () => {
      const hub = await makeOrganisation(t.app);
      const partner = async (startedOn?: string) =>
        (
          await makePartnership(
            t.app,
            hub.id,
            (await makeOrganisation(t.app)).id,
            startedOn ? { startedOn } : {},
          )
        ).id;
      const late = await partner('2012');
      const undated = await partner();
      const early = await partner('1998-10');
      expect(await listIds(`organisation=${hub.id}`)).toEqual([early, undated, late]);
      expect(await listIds(`organisation=${hub.id}&sort=-createdAt`)).toEqual([early, undated, late]);
      expect(await listIds(`organisation=${hub.id}&sort=createdAt`)).toEqual([late, undated, early]);
      expect(await listIds(`organisation=${hub.id}&sort=startedOn`)).toEqual([early, late, undated]);
      expect(await listIds(`organisation=${hub.id}&sort=-startedOn`)).toEqual([late, early, undated]);
    });

    it('pages through the list with the total', async () => {
      const hub = await makeOrganisation(t.app);
      for (let index = 0; index < 3; index += 1) {
        await makePartnership(t.app, hub.id, (await makeOrganisation(t.app)).id);
      }
      const response = await t.app.inject({
        url: `/api/partnerships?organisation=${hub.id}&pageSize=2&page=2`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(response.json().items).toHaveLength(1);
    });

    it('refuses an unknown filter or sort', async () => {
      const unknown = await t.app.inject({ url: '/api/partnerships?town=Zagreb' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'querystring.town' })]);
      const badSort = await t.app.inject({ url: '/api/partnerships?sort=type' });
      expect(badSort.statusCode).toBe(400);
    });
  });
});
