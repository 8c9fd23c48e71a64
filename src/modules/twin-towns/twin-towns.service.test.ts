import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFixturePlaces } from '../../../test/places-fixture.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { publicActor, systemActor } from '../../platform/actor.js';
import {
  createTwinTownsService,
  parseTwinTownList,
  twinTownSource,
  type TwinTownImportResult,
  type TwinTownsService,
} from './twin-towns.service.js';

const actor = systemActor('test');

/** A small list in the layout of the Wikipedia-derived file, over the fixture's places. */
const list = [
  'city1,country1,lat1,lng1,city2,country2,lat2,lng2',
  'Zagreb,Croatia,45.8131,15.9775,Vienna,Austria,48.2083,16.3731', // line 2
  'Niš,Serbia,43.3209,21.8958,Kraków,Poland,50.0614,19.9372', // 3
  'Sofia,Bulgaria,42.6975,23.3242,Wien,Austria,48.2083,16.3731', // 4: Vienna by its German name
  'Vienna,Austria,48.2083,16.3731,Zagreb,Croatia,45.8131,15.9775', // 5: the pair of line 2 again
  'Nowhere Village,Croatia,45.5,16.1,Sofia,Bulgaria,42.6975,23.3242', // 6: not in the gazetteer
  'Zagreb,Croatia,40.4168,-3.7038,Sofia,Bulgaria,42.6975,23.3242', // 7: coordinates in Madrid
  'Sofiji,Bulgaria,42.6975,23.3242,Niš,Serbia,43.3209,21.8958', // 8: an inflected name
  'Kraków,Poland,50.0614,19.9372,Krakow,Poland,50.0614,19.9372', // 9: one place twice
  'Niš,Atlantis,43.3209,21.8958,Zagreb,Croatia,45.8131,15.9775', // 10: unknown country, known place
].join('\n');

let t: TestApp;
let twinTowns: TwinTownsService;

async function counts() {
  const { rows } = await sql<Record<string, number>>`
    select (select count(*)::int from organisations) as organisations,
      (select count(*)::int from names) as names,
      (select count(*)::int from partnerships) as partnerships,
      (select count(*)::int from sources) as sources,
      (select count(*)::int from search_terms where entity_type = 'organisation') as terms`.execute(
    t.database.db,
  );
  return rows[0]!;
}

beforeAll(async () => {
  t = await createTestApp();
  await insertFixturePlaces(t.database.db);
  await t.database.db
    .insertInto('countries')
    .values(
      [
        ['HR', 'Croatia'],
        ['AT', 'Austria'],
        ['RS', 'Serbia'],
        ['BG', 'Bulgaria'],
        ['PL', 'Poland'],
      ].map(([code, name]) => ({ code: code!, names: JSON.stringify({ en: name }) as never })),
    )
    .execute();
  twinTowns = createTwinTownsService(t.database, { search: t.services.search, places: t.services.places });
}, 60_000);

afterAll(async () => {
  await t.close();
});

describe('import of twin-town lists', () => {
  let first: TwinTownImportResult;

  beforeAll(async () => {
    // An authority recorded before the import is the one the import uses.
    const response = await t.app.inject({ method: 'POST', url: '/api/places/2761369/organisation' });
    expect(response.statusCode).toBe(201);
    first = await twinTowns.importTwinTowns(actor, list);
  }, 60_000);

  it('resolves towns by any of their names and makes each place one authority', async () => {
    expect(first.rows).toBe(9);
    expect(first.towns).toEqual({ total: 11, resolved: 10, listed: 1 });
    expect(first.authorities).toEqual({ created: 5, createdFromList: 1, existing: 1 });
    const authorities = await t.database.db
      .selectFrom('organisations')
      .select(['geonamesId', 'slug', 'kind', 'displayName'])
      .where('geonamesId', 'is not', null)
      .orderBy('geonamesId')
      .execute();
    expect(authorities.map((row) => row.geonamesId)).toEqual([727011, 787657, 2761369, 3094802, 3186886]);
    expect(authorities.find((row) => row.geonamesId === 3186886)).toEqual({
      geonamesId: 3186886,
      slug: 'zagreb',
      kind: 'city',
      displayName: 'Zagreb',
    });
  });

  it('makes a town the gazetteer lacks an authority from the list, citing it', async () => {
    const town = await t.database.db
      .selectFrom('organisations')
      .innerJoin('sources', 'sources.id', 'organisations.sourceId')
      .select(['organisations.kind', 'organisations.country', 'organisations.geonamesId', 'sources.key'])
      .select(['organisations.latitude', 'organisations.longitude'])
      .where('organisations.displayName', '=', 'Nowhere Village')
      .execute();
    expect(town).toEqual([
      {
        kind: 'municipality',
        country: 'HR',
        geonamesId: null,
        key: twinTownSource.key,
        latitude: 45.5,
        longitude: 16.1,
      },
    ]);
  });

  it('records each pair once, as an active twinning reported by the list', async () => {
    expect(first.partnerships).toEqual({ created: 6, existing: 0, repeated: 1 });
    const partnerships = await t.database.db
      .selectFrom('partnerships')
      .innerJoin('sources', 'sources.id', 'partnerships.sourceId')
      .select(['partnerships.type', 'partnerships.status', 'partnerships.confirmation', 'sources.key'])
      .execute();
    expect(partnerships).toHaveLength(6);
    for (const partnership of partnerships)
      expect(partnership).toEqual({
        type: 'twinning',
        status: 'active',
        confirmation: 'reported_by_source',
        key: twinTownSource.key,
      });
  });

  it('reports every town it could not resolve, with its line and the reason', () => {
    // Line 7's coordinates lie in Spain, far from any place in Croatia: no second Zagreb is made there.
    expect(first.refusedRows).toBe(2);
    expect(first.refused).toEqual([
      expect.objectContaining({
        line: 7,
        city: 'Zagreb',
        reason: 'too_far',
        detail: expect.stringMatching(/Zagreb \(HR\), is 1\d{3} km from the row's coordinates/),
      }),
      expect.objectContaining({ line: 9, city: 'Krakow', reason: 'same_place' }),
    ]);
  });

  it('makes the authorities findable by their names in every script', async () => {
    const response = await t.anonymous.inject({
      url: `/api/search?q=${encodeURIComponent('Загреб')}&types=organisation`,
    });
    expect(response.json().hits[0]).toMatchObject({ type: 'organisation', name: 'Zagreb' });
  });

  it('changes nothing when the same list is imported again', async () => {
    const before = await counts();
    const second = await twinTowns.importTwinTowns(actor, list);
    expect(second.authorities.created).toBe(0);
    expect(second.partnerships).toEqual({ created: 0, existing: 6, repeated: 1 });
    expect(second.towns).toEqual({ total: 11, resolved: 10, listed: 0 });
    expect(await counts()).toEqual(before);
  });

  it('refuses the towns the gazetteer lacks when asked to keep to it', async () => {
    const strict = await twinTowns.importTwinTowns(
      actor,
      [list.split('\n')[0], 'Other Village,Croatia,45.6,16.0,Sofia,Bulgaria,42.6975,23.3242'].join('\n'),
      { listedTowns: false },
    );
    expect(strict.towns).toEqual({ total: 2, resolved: 1, listed: 0 });
    expect(strict.refused).toEqual([expect.objectContaining({ city: 'Other Village', reason: 'no_match' })]);
  });

  it('refuses a file without the layout’s columns, and anyone but the system', async () => {
    expect(() => parseTwinTownList('city,country\nZagreb,Croatia')).toThrow(/lacks the columns/);
    await expect(twinTowns.importTwinTowns(publicActor, list)).rejects.toMatchObject({
      code: 'twin_towns.forbidden',
    });
  });
});
