import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMembership, makeOrganisation } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { newId } from '../../platform/db/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const makeNetwork = (overrides: Record<string, unknown> = {}) =>
  makeOrganisation(t.app, { kind: 'network', country: null, ...overrides });

async function listIds(query: string): Promise<string[]> {
  const response = await t.app.inject({ url: `/api/memberships?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json().items.map((item: { id: string }) => item.id);
}

describe('memberships API', () => {
  it('records a membership and reads it back with both organisations summarised', async () => {
    const city = await makeOrganisation(t.app, { country: 'RS' });
    const network = await makeNetwork();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: {
        memberId: city.id,
        organisationId: network.id,
        since: '2003-05',
        description: { en: 'Founding city of the network.' },
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(response.headers.location).toBe(`/api/memberships/${created.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(created).toMatchObject({
      member: { id: city.id, slug: city.slug, name: city.name, kind: 'city', country: 'RS' },
      organisation: { id: network.id, kind: 'network', country: null },
      role: 'member',
      since: '2003-05',
      until: null,
      description: { en: 'Founding city of the network.' },
      source: null,
      version: 1,
    });
    const read = await t.app.inject({ url: `/api/memberships/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(created);
  });

  it('shows the source a membership cites and refuses an unknown one', async () => {
    const sourceId = newId();
    await writeFixtures(t.database, (db) =>
      db
        .insertInto('sources')
        .values({
          id: sourceId,
          kind: 'web_page',
          title: 'Members of the network',
          url: 'https://example.org/members',
          key: null,
          language: null,
          publisher: null,
          publishedOn: null,
          notes: null,
          searchText: '',
        })
        .execute(),
    );
    const city = await makeOrganisation(t.app);
    const network = await makeNetwork();
    const membership = await makeMembership(t.app, city.id, network.id, { sourceId });
    expect(membership.source).toEqual({
      id: sourceId,
      title: 'Members of the network',
      url: 'https://example.org/members',
    });

    const other = await makeOrganisation(t.app);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: other.id, organisationId: network.id, sourceId: newId() },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'source.unknown', errors: [{ field: 'body.sourceId' }] });
  });

  it('answers a missing field with 400 naming the field', async () => {
    const network = await makeNetwork();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { organisationId: network.id, role: 'chair' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation.failed');
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.memberId', code: 'validation.required' }),
        expect.objectContaining({ field: 'body.role' }),
      ]),
    );
  });

  it('refuses an unknown field instead of dropping it', async () => {
    const city = await makeOrganisation(t.app);
    const network = await makeNetwork();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: city.id, organisationId: network.id, fee: '100.00' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.unknown_field',
      errors: [{ field: 'body.fee' }],
    });
  });

  it('refuses an organisation that is a member of itself', async () => {
    const network = await makeNetwork();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: network.id, organisationId: network.id },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'membership.self',
      errors: [{ field: 'body.organisationId', code: 'membership.self' }],
    });
  });

  it('refuses a membership that ends before it begins', async () => {
    const city = await makeOrganisation(t.app);
    const network = await makeNetwork();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: city.id, organisationId: network.id, since: '2010', until: '2009-12' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'date.end_before_start',
      errors: [{ field: 'body.until', code: 'date.end_before_start' }],
    });
  });

  it('refuses an unknown member or organisation, naming the field', async () => {
    const network = await makeNetwork();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: newId(), organisationId: network.id },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'membership.organisation_unknown',
      errors: [{ field: 'body.memberId', code: 'membership.organisation_unknown' }],
    });
    const city = await makeOrganisation(t.app);
    const unknownNetwork = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: city.id, organisationId: newId() },
    });
    expect(unknownNetwork.statusCode).toBe(400);
    expect(unknownNetwork.json()).toMatchObject({
      code: 'membership.organisation_unknown',
      errors: [{ field: 'body.organisationId' }],
    });
  });

  it('refuses a second membership in the same organisation over an overlapping period', async () => {
    const city = await makeOrganisation(t.app);
    const network = await makeNetwork();
    await makeMembership(t.app, city.id, network.id, { since: '2001', until: '2005' });
    const overlapping = await t.app.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: city.id, organisationId: network.id, since: '2004', role: 'board_member' },
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().code).toBe('membership.duplicate');
    const rejoined = await makeMembership(t.app, city.id, network.id, { since: '2008' });
    expect(rejoined.since).toBe('2008');
  });

  it('changes a membership and checks the rules on the record as changed', async () => {
    const city = await makeOrganisation(t.app);
    const network = await makeNetwork();
    const membership = await makeMembership(t.app, city.id, network.id, { since: '2005' });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/memberships/${membership.id}`,
      payload: { version: 1, role: 'founding_member', until: '2012' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({
      role: 'founding_member',
      since: '2005',
      until: '2012',
      version: 2,
    });

    const endsEarly = await t.app.inject({
      method: 'PATCH',
      url: `/api/memberships/${membership.id}`,
      payload: { version: 2, until: '2004' },
    });
    expect(endsEarly.statusCode).toBe(400);
    expect(endsEarly.json()).toMatchObject({
      code: 'date.end_before_start',
      errors: [{ field: 'body.until' }],
    });

    const selfMember = await t.app.inject({
      method: 'PATCH',
      url: `/api/memberships/${membership.id}`,
      payload: { version: 2, memberId: network.id },
    });
    expect(selfMember.statusCode).toBe(400);
    expect(selfMember.json().code).toBe('membership.self');
  });

  it('refuses a change that would overlap another membership', async () => {
    const city = await makeOrganisation(t.app);
    const network = await makeNetwork();
    await makeMembership(t.app, city.id, network.id, { since: '2001', until: '2005' });
    const later = await makeMembership(t.app, city.id, network.id, { since: '2010' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/memberships/${later.id}`,
      payload: { version: later.version, since: '2003' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('membership.duplicate');
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const membership = await makeMembership(
      t.app,
      (await makeOrganisation(t.app)).id,
      (await makeNetwork()).id,
    );
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/memberships/${membership.id}`,
      payload: { version: 1, role: 'observer' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/memberships/${membership.id}`,
      payload: { version: 1, role: 'president' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('membership.version_conflict');
    expect((await t.app.inject({ url: `/api/memberships/${membership.id}` })).json().role).toBe('observer');
  });

  it('requires the version on a change', async () => {
    const membership = await makeMembership(
      t.app,
      (await makeOrganisation(t.app)).id,
      (await makeNetwork()).id,
    );
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/memberships/${membership.id}`,
      payload: { role: 'observer' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'body.version' })]);
  });

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    const missing = await t.app.inject({ url: `/api/memberships/${newId()}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('membership.not_found');
    const malformed = await t.app.inject({ url: '/api/memberships/not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
  });

  it('deletes a membership, refusing a stale version', async () => {
    const membership = await makeMembership(
      t.app,
      (await makeOrganisation(t.app)).id,
      (await makeNetwork()).id,
    );
    const stale = await t.app.inject({
      method: 'DELETE',
      url: `/api/memberships/${membership.id}?version=7`,
    });
    expect(stale.statusCode).toBe(409);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/memberships/${membership.id}?version=1`,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/memberships/${membership.id}` })).statusCode).toBe(404);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/memberships/${membership.id}` });
    expect(again.statusCode).toBe(404);
  });

  describe('list', () => {
    it('filters by member, by organisation and by either party', async () => {
      const city = await makeOrganisation(t.app);
      const association = await makeOrganisation(t.app, { kind: 'association' });
      const network = await makeNetwork();
      const cityInAssociation = await makeMembership(t.app, city.id, association.id);
      const associationInNetwork = await makeMembership(t.app, association.id, network.id);
      expect(await listIds(`member=${city.id}`)).toEqual([cityInAssociation.id]);
      expect(await listIds(`organisation=${network.id}`)).toEqual([associationInNetwork.id]);
      expect((await listIds(`party=${association.id}`)).sort()).toEqual(
        [cityInAssociation.id, associationInNetwork.id].sort(),
      );
    });

    it('filters by role', async () => {
      const network = await makeNetwork();
      const president = await makeMembership(t.app, (await makeOrganisation(t.app)).id, network.id, {
        role: 'president',
      });
      await makeMembership(t.app, (await makeOrganisation(t.app)).id, network.id);
      expect(await listIds(`organisation=${network.id}&role=president`)).toEqual([president.id]);
    });

    it('filters by the year a membership was active in, leaving out undated ones', async () => {
      const network = await makeNetwork();
      const member = async (dates: Record<string, string>) =>
        (await makeMembership(t.app, (await makeOrganisation(t.app)).id, network.id, dates)).id;
      const open = await member({ since: '2001' });
      const closed = await member({ since: '2001', until: '2004-06' });
      const later = await member({ since: '2008-03' });
      const endOnly = await member({ until: '2010' });
      await member({});
      expect((await listIds(`organisation=${network.id}&year=2004`)).sort()).toEqual(
        [open, closed, endOnly].sort(),
      );
      expect((await listIds(`organisation=${network.id}&year=2009`)).sort()).toEqual(
        [open, later, endOnly].sort(),
      );
      expect((await listIds(`organisation=${network.id}&year=2011`)).sort()).toEqual([open, later].sort());
    });

    it("filters by the member's country", async () => {
      const network = await makeNetwork();
      const serbian = await makeMembership(
        t.app,
        (await makeOrganisation(t.app, { country: 'RS' })).id,
        network.id,
      );
      await makeMembership(t.app, (await makeOrganisation(t.app, { country: 'BG' })).id, network.id);
      expect(await listIds(`organisation=${network.id}&country=RS`)).toEqual([serbian.id]);
    });

    it('filters by any name of the member or the organisation, in any script', async () => {
      const city = await makeOrganisation(t.app, {
        country: 'RS',
        names: [{ name: 'Зрењанин', language: 'sr', kind: 'official' }],
      });
      const network = await makeNetwork({
        names: [{ name: 'Danube Cities Circle', language: 'en', kind: 'official' }],
      });
      const membership = await makeMembership(t.app, city.id, network.id);
      expect(await listIds('name=zrenjanin')).toEqual([membership.id]);
      expect(await listIds(`name=${encodeURIComponent('danube cities')}`)).toEqual([membership.id]);
    });

    it('sorts by the start, undated last, and by creation', async () => {
      const network = await makeNetwork();
      const member = async (since?: string) =>
        (await makeMembership(t.app, (await makeOrganisation(t.app)).id, network.id, since ? { since } : {}))
          .id;
      const undated = await member();
      const late = await member('2010');
      const early = await member('1999-04');
      expect(await listIds(`organisation=${network.id}`)).toEqual([early, late, undated]);
      expect(await listIds(`organisation=${network.id}&sort=-since`)).toEqual([late, early, undated]);
      expect(await listIds(`organisation=${network.id}&sort=createdAt`)).toEqual([undated, late, early]);
    });

    it('pages through the list with the total', async () => {
      const network = await makeNetwork();
      for (let index = 0; index < 3; index += 1) {
        await makeMembership(t.app, (await makeOrganisation(t.app)).id, network.id, { since: `200${index}` });
      }
      const response = await t.app.inject({
        url: `/api/memberships?organisation=${network.id}&page=2&pageSize=2`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(response.json().items).toHaveLength(1);
      expect(response.json().items[0].since).toBe('2002');
    });

    it('refuses an unknown filter and a malformed one', async () => {
      const unknown = await t.app.inject({ url: '/api/memberships?colour=red' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'querystring.colour' })]);
      const malformed = await t.app.inject({ url: '/api/memberships?member=zagreb' });
      expect(malformed.statusCode).toBe(400);
    });
  });
});
