import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeProgramme, makeSource } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { publicActor } from '../../platform/actor.js';
import { newId } from '../../platform/db/helpers.js';
import { createRelationsService } from './relations.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const city = (names: { name: string; language: string; kind?: string }[], country = 'HR') =>
  makeOrganisation(t.app, {
    country,
    names: names.map((name) => ({ kind: 'official', ...name })),
  });

async function addMembership(memberId: string, organisationId: string, values: Record<string, unknown> = {}) {
  const id = newId();
  await writeFixtures(t.database, (db) =>
    db
      .insertInto('memberships')
      .values({ id, memberId, organisationId, role: 'member', description: {}, ...values })
      .execute(),
  );
  return id;
}

async function addPartnership(aId: string, bId: string, values: Record<string, unknown> = {}) {
  const id = newId();
  await writeFixtures(t.database, (db) =>
    db
      .insertInto('partnerships')
      .values({
        id,
        organisationAId: aId,
        organisationBId: bId,
        type: 'twinning',
        status: 'active',
        description: {},
        themes: [],
        ...values,
      })
      .execute(),
  );
  return id;
}

async function addProject(
  title: string,
  startsOn: string,
  partners: { organisationId: string; role: string }[],
) {
  const id = newId();
  await writeFixtures(t.database, (db) =>
    db
      .insertInto('projects')
      .values({
        id,
        slug: `project-${id}`,
        title: { en: title },
        displayTitle: title,
        programme: 'Interreg Danube',
        status: 'ongoing',
        startsOn,
        currency: 'EUR',
        objectives: {},
        expectedResults: {},
        description: {},
        themes: [],
        searchText: '',
      })
      .execute(),
  );
  await writeFixtures(t.database, (db) =>
    db
      .insertInto('projectPartners')
      .values(
        partners.map((partner, position) => ({
          id: newId(),
          projectId: id,
          position,
          currency: 'EUR',
          ...partner,
        })),
      )
      .execute(),
  );
  return id;
}

async function addActivity(
  title: string,
  startsOn: string,
  participants: { organisationId: string; role: string }[],
) {
  const id = newId();
  await writeFixtures(t.database, (db) =>
    db
      .insertInto('activities')
      .values({
        id,
        type: 'study_visit',
        title: { en: title },
        displayTitle: title,
        startsOn,
        placeName: 'Sofia',
        description: {},
        outcomes: {},
        themes: [],
        searchText: '',
      })
      .execute(),
  );
  await writeFixtures(t.database, (db) =>
    db
      .insertInto('activityParticipants')
      .values(
        participants.map((participant, position) => ({
          id: newId(),
          activityId: id,
          position,
          ...participant,
        })),
      )
      .execute(),
  );
  return id;
}

describe('organisation relations API', () => {
  it('returns every tie of an organisation, naming the other party', async () => {
    const zagreb = await city([{ name: 'Zagreb', language: 'en' }]);
    const network = await makeOrganisation(t.app, {
      kind: 'network',
      country: null,
      names: [{ name: 'Energy Cities', language: 'en', kind: 'official' }],
    });
    const member = await city([{ name: 'Velika Gorica', language: 'en' }]);
    const vienna = await city(
      [
        { name: 'Vienna', language: 'en' },
        { name: 'Wien', language: 'de' },
      ],
      'AT',
    );
    const sofia = await city([{ name: 'Sofia', language: 'en' }], 'BG');
    const source = await makeSource(t.app);

    const membershipOf = await addMembership(zagreb.id, network.id, {
      role: 'founding_member',
      since: '1990',
      sourceId: source.id,
    });
    const membershipHas = await addMembership(member.id, zagreb.id, { since: '2010', until: '2015' });
    const partnership = await addPartnership(vienna.id, zagreb.id, {
      signedOn: '2003-05',
      startedOn: '2003',
      confirmation: 'claimed',
      claimedBy: vienna.id,
    });
    const project = await addProject('Danube Cities', '2020-01', [
      { organisationId: zagreb.id, role: 'partner' },
      { organisationId: vienna.id, role: 'lead' },
      { organisationId: sofia.id, role: 'associate' },
    ]);
    const activity = await addActivity('Study visit to Sofia', '2022-05-10', [
      { organisationId: sofia.id, role: 'host' },
      { organisationId: zagreb.id, role: 'participant' },
      { organisationId: vienna.id, role: 'participant' },
    ]);
    const programme = await makeProgramme(t.app, zagreb.id, {
      year: 2022,
      title: { en: 'Programme 2022', hr: 'Program 2022.' },
    });

    const response = await t.app.inject({ url: `/api/organisations/${zagreb.id}/relations` });
    expect(response.statusCode).toBe(200);
    const unclaimed = { state: 'claimed', claimedBy: null, reason: null, changedAt: null };
    const summary = (
      organisation: { id: string; slug: string; name: string },
      country: string | null,
      kind = 'city',
    ) => ({
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      kind,
      country,
    });
    expect(response.json()).toEqual({
      organisation: summary(zagreb, 'HR'),
      memberships: [
        {
          id: membershipOf,
          direction: 'member_of',
          role: 'founding_member',
          since: '1990',
          until: null,
          other: summary(network, null, 'network'),
          source: { id: source.id, title: source.title, url: null },
          confirmation: unclaimed,
          version: 1,
        },
        {
          id: membershipHas,
          direction: 'has_member',
          role: 'member',
          since: '2010',
          until: '2015',
          other: summary(member, 'HR'),
          source: null,
          confirmation: unclaimed,
          version: 1,
        },
      ],
      partnerships: [
        {
          id: partnership,
          type: 'twinning',
          status: 'active',
          startedOn: '2003',
          signedOn: '2003-05',
          endedOn: null,
          other: summary(vienna, 'AT'),
          source: null,
          confirmation: { state: 'claimed', claimedBy: vienna.id, reason: null, changedAt: null },
          version: 1,
        },
      ],
      projects: [
        {
          id: project,
          slug: `project-${project}`,
          title: 'Danube Cities',
          acronym: null,
          programme: 'Interreg Danube',
          status: 'ongoing',
          startsOn: '2020-01',
          endsOn: null,
          role: 'partner',
          partners: [
            { organisation: summary(vienna, 'AT'), role: 'lead', confirmation: unclaimed },
            { organisation: summary(zagreb, 'HR'), role: 'partner', confirmation: unclaimed },
            { organisation: summary(sofia, 'BG'), role: 'associate', confirmation: unclaimed },
          ],
        },
      ],
      activities: [
        {
          id: activity,
          type: 'study_visit',
          title: 'Study visit to Sofia',
          startsOn: '2022-05-10',
          endsOn: null,
          placeName: 'Sofia',
          role: 'participant',
          participants: [
            { organisation: summary(sofia, 'BG'), role: 'host' },
            { organisation: summary(vienna, 'AT'), role: 'participant' },
          ],
        },
      ],
      programmes: [{ id: programme.id, year: 2022, title: 'Programme 2022' }],
      counts: { memberships: 1, members: 1, partnerships: 1, projects: 1, activities: 1 },
    });
  });

  it('finds the organisation by slug and shows the other side of the same ties', async () => {
    const a = await city([{ name: 'Osijek', language: 'en' }]);
    const b = await city([{ name: 'Pécs', language: 'en' }], 'HU');
    await addPartnership(a.id, b.id);
    await addMembership(a.id, b.id);
    const response = await t.app.inject({ url: `/api/organisations/${b.slug}/relations` });
    expect(response.statusCode).toBe(200);
    const relations = response.json();
    expect(relations.organisation.id).toBe(b.id);
    expect(relations.partnerships.map((row: { other: { id: string } }) => row.other.id)).toEqual([a.id]);
    expect(relations.memberships).toMatchObject([{ direction: 'has_member', other: { id: a.id } }]);
    expect(relations.counts).toEqual({
      memberships: 0,
      members: 1,
      partnerships: 1,
      projects: 0,
      activities: 0,
    });
  });

  it('lists memberships of the organisation before its members, and ties by the other party’s name', async () => {
    const hub = await city([{ name: 'Hub city', language: 'en' }]);
    const [zeta, alpha, network] = [
      await city([{ name: 'Zeta town', language: 'en' }]),
      await city([{ name: 'Alpha town', language: 'en' }]),
      await city([{ name: 'Network', language: 'en' }]),
    ];
    await addMembership(zeta!.id, hub.id);
    await addMembership(alpha!.id, hub.id);
    await addMembership(hub.id, network!.id);
    await addPartnership(hub.id, zeta!.id);
    await addPartnership(alpha!.id, hub.id);
    const relations = (await t.app.inject({ url: `/api/organisations/${hub.id}/relations` })).json();
    expect(relations.memberships.map((row: { other: { name: string } }) => row.other.name)).toEqual([
      'Network',
      'Alpha town',
      'Zeta town',
    ]);
    expect(relations.partnerships.map((row: { other: { name: string } }) => row.other.name)).toEqual([
      'Alpha town',
      'Zeta town',
    ]);
  });

  it("names organisations in the reader's language where they have such a name", async () => {
    const zagreb = await city([
      { name: 'Zagreb', language: 'en' },
      { name: 'Загреб', language: 'sr' },
    ]);
    const vienna = await city(
      [
        { name: 'Vienna', language: 'en' },
        { name: 'Beč', language: 'hr' },
        { name: 'Beč', language: 'sr' },
        { name: 'Беч', language: 'sr' },
      ],
      'AT',
    );
    const graz = await city([{ name: 'Graz', language: 'en' }], 'AT');
    await addPartnership(zagreb.id, vienna.id);
    await addPartnership(zagreb.id, graz.id);
    const names = async (lang: string) => {
      const relations = (
        await t.app.inject({ url: `/api/organisations/${zagreb.id}/relations?lang=${lang}` })
      ).json();
      const other = (id: string) =>
        relations.partnerships.find((row: { other: { id: string } }) => row.other.id === id).other.name;
      return [relations.organisation.name, other(vienna.id), other(graz.id)];
    };
    expect(await names('hr')).toEqual(['Zagreb', 'Beč', 'Graz']);
    expect(await names('sr')).toEqual(['Загреб', 'Beč', 'Graz']);
    expect(await names('sr-Cyrl')).toEqual(['Загреб', 'Беч', 'Graz']);
    expect(await names('de')).toEqual(['Zagreb', 'Vienna', 'Graz']);
  });

  it('answers an unknown organisation with 404 and a malformed language with 400', async () => {
    const unknown = await t.app.inject({ url: `/api/organisations/${newId()}/relations` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('organisation.not_found');
    const organisation = await city([{ name: 'Rijeka', language: 'en' }]);
    const malformed = await t.app.inject({
      url: `/api/organisations/${organisation.id}/relations?lang=Croatian`,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('querystring.lang');
  });

  it('costs the same number of queries however many ties there are', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const relations = createRelationsService({ ...t.database, db: t.database.db.withPlugin(counting) });
    const count = async (id: string) => {
      queries = 0;
      await relations.ofOrganisation(publicActor, id, 'hr');
      return queries;
    };

    const lonely = await city([{ name: 'Lonely', language: 'en' }]);
    const single = await count(lonely.id);
    const busy = await city([{ name: 'Busy', language: 'en' }]);
    for (let index = 0; index < 4; index += 1) {
      const other = await city([{ name: `Other ${index}`, language: 'en' }]);
      await addPartnership(busy.id, other.id);
      await addMembership(other.id, busy.id);
      await addProject(`Project ${index}`, '2021', [
        { organisationId: busy.id, role: 'lead' },
        { organisationId: other.id, role: 'partner' },
      ]);
      await addActivity(`Activity ${index}`, '2021', [
        { organisationId: busy.id, role: 'host' },
        { organisationId: other.id, role: 'participant' },
      ]);
      await makeProgramme(t.app, busy.id, { year: 2010 + index });
    }
    expect(await count(busy.id)).toBeLessThanOrEqual(single + 2);
    expect(await count(busy.id)).toBeLessThanOrEqual(12);
  });
});
