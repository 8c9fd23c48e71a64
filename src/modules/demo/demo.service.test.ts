import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { systemActor } from '../../platform/actor.js';
import { createDemoService } from './demo.service.js';

const actor = systemActor('test');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const result = await createDemoService(t.database).loadIntoEmptyDatabase(actor);
  expect(result.loaded).toBe(true);
});
afterAll(async () => {
  await t.close();
});

interface Summary {
  name: string;
  slug: string;
}

async function relationsOf(slug: string) {
  const response = await t.app.inject({ url: `/api/organisations/${slug}/relations` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('the demo data', () => {
  it('finds Zagreb by name, and its relations name all fifteen partners of the 2022 programme', async () => {
    const search = await t.app.inject({ url: '/api/organisations?name=zagreb' });
    const names = search.json().items.map((item: Summary) => item.name);
    expect(names).toContain('Zagreb');
    const relations = await relationsOf('zagreb');
    const partners = relations.partnerships.map((partnership: { other: Summary }) => partnership.other.name);
    expect(partners).toEqual(
      expect.arrayContaining([
        'Sofia',
        'Mainz',
        'Brno',
        'Lisbon',
        'Vienna',
        'Paris',
        'Sarajevo',
        'Milan',
        'Krapina-Zagorje County',
        'Umag',
        'Pregrada',
        'Omiš',
        'Pula',
        'Zabok',
        'Ploče',
      ]),
    );
    expect(partners).toHaveLength(15);
  });

  it("names Niš's eight memberships, Energy Cities since 2003 and ECAD since 2007", async () => {
    const relations = await relationsOf('nis');
    const memberships = relations.memberships.filter(
      (membership: { direction: string }) => membership.direction === 'member_of',
    );
    expect(memberships).toHaveLength(8);
    const since = Object.fromEntries(
      memberships.map((membership: { other: Summary; since: string | null }) => [
        membership.other.slug,
        membership.since,
      ]),
    );
    expect(since['energy-cities']).toBe('2003');
    expect(since['ecad']).toMatch(/^2007/);
  });

  it('lists the ten partners of Cities@Heart with Paris as lead and Celje at EUR 72,075 with 80% co-financing', async () => {
    const response = await t.app.inject({ url: '/api/projects/cities-at-heart' });
    expect(response.statusCode).toBe(200);
    const project = response.json();
    expect(project.programme).toBe('URBACT IV');
    expect(project.partners).toHaveLength(10);
    expect(project.partners[0]).toMatchObject({ role: 'lead', organisation: { slug: 'paris' } });
    const celje = project.partners.find(
      (partner: { organisation: Summary }) => partner.organisation.slug === 'celje',
    );
    expect(celje).toMatchObject({
      budget: '72075.00',
      currency: 'EUR',
      coFinancingRate: '80.00',
      coFinancingFund: 'ERDF',
    });
  });

  it('shows Vienna its partnership with Zagreb, and Stara Zagora its networks', async () => {
    const vienna = await relationsOf('vienna');
    expect(vienna.partnerships.map((partnership: { other: Summary }) => partnership.other.slug)).toContain(
      'zagreb',
    );
    const staraZagora = await relationsOf('stara-zagora');
    const networks = staraZagora.memberships.map((membership: { other: Summary }) => membership.other.slug);
    expect(networks).toEqual(expect.arrayContaining(['strasbourg-club', 'cities-for-children']));
  });

  it("holds Zagreb's 2022 programme with its eleven areas, adopted on 10 December 2021", async () => {
    const response = await t.app.inject({ url: '/api/programmes?year=2022' });
    const [programme] = response.json().items;
    expect(programme.organisation.slug).toBe('zagreb');
    expect(programme.adoptedOn).toBe('2021-12-10');
    expect(programme.areas).toHaveLength(11);
  });

  it('gives every organisation, membership, partnership, project and activity a source', async () => {
    for (const table of [
      'organisations',
      'memberships',
      'partnerships',
      'projects',
      'activities',
      'programmes',
    ] as const) {
      const withoutSource = await t.database.db
        .selectFrom(table)
        .select('id')
        .where('sourceId', 'is', null)
        .execute();
      expect(withoutSource, table).toHaveLength(0);
    }
  });

  it('changes nothing when loaded again', async () => {
    const before = await t.database.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const again = await createDemoService(t.database).load(actor);
    expect(again.loaded).toBe(false);
    const afterwards = await t.database.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(afterwards.count).toBe(before.count);
  });
});
