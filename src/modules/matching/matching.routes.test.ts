import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeMembership,
  makeOrganisation,
  makePartnership,
  type CreatedOrganisation,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let zagreb: CreatedOrganisation;
let ljubljana: CreatedOrganisation;
let graz: CreatedOrganisation;
let belgrade: CreatedOrganisation;
let istanbul: CreatedOrganisation;
let network: CreatedOrganisation;

const city = (name: string, country: string, latitude: number, longitude: number, population: number) => ({
  kind: 'city',
  country,
  latitude,
  longitude,
  population,
  names: [{ name, language: 'en', kind: 'official' }],
});

beforeAll(async () => {
  t = await createTestApp();
  zagreb = await makeOrganisation(t.app, city('Zagreb', 'HR', 45.81, 15.98, 700_000));
  ljubljana = await makeOrganisation(t.app, city('Ljubljana', 'SI', 46.05, 14.51, 280_000));
  graz = await makeOrganisation(t.app, {
    ...city('Graz', 'AT', 47.07, 15.44, 290_000),
    names: [
      { name: 'Graz', language: 'en', kind: 'official' },
      { name: 'Gradec', language: 'hr', kind: 'exonym' },
    ],
  });
  belgrade = await makeOrganisation(t.app, city('Belgrade', 'RS', 44.8, 20.47, 1_200_000));
  istanbul = await makeOrganisation(t.app, city('Istanbul', 'TR', 41.01, 28.98, 15_000_000));
  network = await makeOrganisation(t.app, {
    kind: 'network',
    country: null,
    names: [{ name: 'Energy Cities', language: 'en', kind: 'official' }],
  });
  await makePartnership(t.app, zagreb.id, ljubljana.id);
  await makePartnership(t.app, ljubljana.id, graz.id);
  await makeMembership(t.app, zagreb.id, network.id);
  await makeMembership(t.app, belgrade.id, network.id);
}, 60_000);

afterAll(async () => {
  await t.close();
});

const suggest = (id: string, query = '') =>
  t.anonymous.inject({ url: `/api/organisations/${id}/suggested-partners${query}` });

describe('GET /api/organisations/{id}/suggested-partners', () => {
  it('ranks candidates with a score and the contribution of each factor, in codes and figures', async () => {
    const response = await suggest(zagreb.slug);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.organisation).toMatchObject({ id: zagreb.id, name: 'Zagreb' });
    expect(body.programme).toBeNull();
    const [first] = body.candidates;
    expect(first.organisation).toMatchObject({ id: graz.id, slug: graz.slug, kind: 'city', country: 'AT' });
    expect(first.score).toBeGreaterThan(0);
    expect(first.score).toBeLessThanOrEqual(1);
    const common = first.factors.find((factor: { factor: string }) => factor.factor === 'common_partners');
    expect(common).toMatchObject({
      detail: { count: 1, partners: [{ id: ljubljana.id, name: 'Ljubljana' }] },
    });
    expect(common.contribution).toBeGreaterThan(0);
    expect(first.factors.map((factor: { factor: string }) => factor.factor)).toContain('distance');
    const contributions = first.factors.map((factor: { contribution: number }) => factor.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
  });

  it('leaves out existing partners and organisations of other kinds, and says why on request', async () => {
    const plain = (await suggest(zagreb.id)).json();
    const ids = plain.candidates.map(
      (candidate: { organisation: { id: string } }) => candidate.organisation.id,
    );
    expect(ids).not.toContain(ljubljana.id);
    expect(ids).not.toContain(network.id);
    expect(ids).not.toContain(zagreb.id);
    expect(plain.excluded).toEqual([]);

    const explained = (await suggest(zagreb.id, '?includeExcluded=true')).json();
    expect(explained.excluded).toEqual([
      {
        organisation: expect.objectContaining({ id: ljubljana.id }),
        reason: 'existing_partner',
        detail: { partnershipType: 'twinning', partnershipStatus: 'active' },
      },
    ]);
  });

  it('counts shared networks', async () => {
    const body = (await suggest(zagreb.id)).json();
    const serbian = body.candidates.find(
      (candidate: { organisation: { id: string } }) => candidate.organisation.id === belgrade.id,
    );
    expect(serbian.factors).toContainEqual(
      expect.objectContaining({
        factor: 'shared_networks',
        detail: { networks: [{ id: network.id, slug: network.slug, name: 'Energy Cities' }] },
      }),
    );
  });

  it('leaves out those a funding programme cannot fund, with the reason on request', async () => {
    const body = (await suggest(zagreb.id, '?programme=urbact_iv&includeExcluded=true')).json();
    expect(body.programme).toBe('urbact_iv');
    const ids = body.candidates.map(
      (candidate: { organisation: { id: string } }) => candidate.organisation.id,
    );
    expect(ids).toContain(belgrade.id);
    expect(ids).not.toContain(istanbul.id);
    expect(body.excluded).toContainEqual({
      organisation: expect.objectContaining({ id: istanbul.id }),
      reason: 'not_eligible',
      detail: { programme: 'urbact_iv', eligibility: 'country_not_eligible' },
    });
    expect(body.candidates[0].factors).toContainEqual(
      expect.objectContaining({ factor: 'eligibility', detail: { programme: 'urbact_iv' } }),
    );
  });

  it('names organisations in the reader’s language', async () => {
    const body = (await suggest(zagreb.id, '?lang=hr')).json();
    expect(body.candidates[0].organisation).toMatchObject({ id: graz.id, name: 'Gradec' });
  });

  it('sees a new partnership at once: the new partner is no longer suggested', async () => {
    const belgradeFirst = (await suggest(istanbul.id)).json();
    expect(
      belgradeFirst.candidates.map(
        (candidate: { organisation: { id: string } }) => candidate.organisation.id,
      ),
    ).toContain(belgrade.id);
    await makePartnership(t.app, istanbul.id, belgrade.id);
    const after = (await suggest(istanbul.id, '?includeExcluded=true')).json();
    expect(
      after.candidates.map((candidate: { organisation: { id: string } }) => candidate.organisation.id),
    ).not.toContain(belgrade.id);
    expect(after.excluded).toContainEqual(
      expect.objectContaining({
        organisation: expect.objectContaining({ id: belgrade.id }),
        reason: 'existing_partner',
      }),
    );
  });

  it('answers 404 for an unknown organisation and 400 for an unknown programme', async () => {
    expect((await suggest('no-such-organisation')).statusCode).toBe(404);
    const unknown = await suggest(zagreb.id, '?programme=horizon');
    expect(unknown.statusCode).toBe(400);
  });

  it('gives the suggestions to the service’s callers too, with criteria', async () => {
    const suggestions = await t.services.matching.suggestPartners({ kind: 'public' }, zagreb.id, {
      criteria: { countries: ['RS', 'TR'], populationMin: 1_000_000, fundingProgramme: null },
      includeExcluded: true,
    });
    expect(suggestions.candidates.map((candidate) => candidate.organisation.id)).toEqual([
      belgrade.id,
      istanbul.id,
    ]);
    expect(suggestions.excluded).toContainEqual(
      expect.objectContaining({
        organisation: expect.objectContaining({ id: graz.id }),
        reason: 'outside_criteria',
        detail: { criterion: 'countries' },
      }),
    );
  });
});

describe('GET /api/funding-programmes', () => {
  it('lists the programmes and the countries they fund', async () => {
    const response = await t.anonymous.inject({ url: '/api/funding-programmes' });
    expect(response.statusCode).toBe(200);
    const urbact = response.json().find((programme: { code: string }) => programme.code === 'urbact_iv');
    expect(urbact.eligibleCountries).toEqual(expect.arrayContaining(['HR', 'NO', 'CH', 'RS', 'BA']));
    expect(urbact.eligibleCountries).not.toContain('TR');
  });
});
