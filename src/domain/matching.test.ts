import { describe, expect, it } from 'vitest';
import { buildCooperationGraph, type GraphOrganisation } from './cooperation-graph.js';
import { fundingProgrammes } from './funding-programmes.js';
import {
  candidateFeatures,
  checkCriteria,
  createMatchContext,
  matchFeatureNames,
  scoreCandidates,
  scoreFeatures,
} from './matching.js';
import { rankCandidates } from './matching-ranking.js';

let counter = 0;

/** A town of the test graph: a city of 100,000 in Croatia at Zagreb unless told otherwise. */
function town(overrides: Partial<GraphOrganisation> = {}): GraphOrganisation {
  counter += 1;
  return {
    id: `00000000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    slug: `town-${counter}`,
    name: `Town ${counter}`,
    kind: 'city',
    country: 'HR',
    latitude: 45.81,
    longitude: 15.98,
    population: 100_000,
    themes: [],
    memberOf: [],
    projects: 0,
    activities: 0,
    ...overrides,
  };
}

const tie = (a: GraphOrganisation, b: GraphOrganisation, status = 'active') => ({
  organisationAId: a.id,
  organisationBId: b.id,
  type: 'twinning',
  status,
});

function rank(
  towns: GraphOrganisation[],
  ties: ReturnType<typeof tie>[],
  requester: GraphOrganisation,
  options = {},
) {
  const graph = buildCooperationGraph(towns, ties);
  const result = rankCandidates(graph, graph.indexOf.get(requester.id)!, requester.themes, {
    limit: 10,
    ...options,
  });
  return {
    graph,
    ids: result.candidates.map((candidate) => graph.nodes[candidate.node]!.id),
    result,
  };
}

describe('partner matching', () => {
  it('scores every candidate in one pass exactly as its features and weights say', () => {
    const zagreb = town();
    const towns = [
      zagreb,
      town({ country: 'SI', latitude: 46.05, longitude: 14.51 }),
      town({ country: 'DE', latitude: 48.14, longitude: 11.58, population: 1_500_000 }),
      town({ country: 'HR', latitude: 45.33, longitude: 14.44, kind: 'municipality', population: 5000 }),
      town({ country: 'RS', latitude: 44.8, longitude: 20.47, themes: ['energy'] }),
      town({ country: null, latitude: null, longitude: null, population: null }),
    ];
    const ties = [
      tie(towns[0]!, towns[1]!),
      tie(towns[1]!, towns[2]!),
      tie(towns[2]!, towns[4]!),
      tie(towns[3]!, towns[4]!),
    ];
    const graph = buildCooperationGraph(towns, ties);
    const context = createMatchContext(graph, 0, ['energy'], new Set([0, 1]));
    const fast = scoreCandidates(context);
    for (let candidate = 2; candidate < towns.length; candidate++) {
      const features = candidateFeatures(context, candidate);
      expect(Object.keys(features).sort()).toEqual([...matchFeatureNames].sort());
      expect(fast[candidate]).toBeCloseTo(scoreFeatures(features, context.reference), 9);
    }
  });

  it('ranks a town with a partner in common above an otherwise alike one, and names the partner', () => {
    const requester = town();
    const partner = town({ country: 'SI', latitude: 46.05, longitude: 14.51, name: 'Ljubljana' });
    const [linked, alike] = [
      town({ country: 'AT', latitude: 47.07, longitude: 15.44 }),
      town({ country: 'AT', latitude: 47.07, longitude: 15.44 }),
    ];
    const { ids, result } = rank(
      [requester, partner, linked!, alike!],
      [tie(requester, partner), tie(partner, linked!)],
      requester,
    );
    expect(ids.indexOf(linked!.id)).toBeLessThan(ids.indexOf(alike!.id));
    const common = result.candidates[0]!.factors.find((factor) => factor.factor === 'common_partners');
    expect(common?.detail).toMatchObject({ count: 1, partners: [{ id: partner.id, name: 'Ljubljana' }] });
    expect(common!.contribution).toBeGreaterThan(0);
  });

  it('prefers the countries the towns of a country often pair with', () => {
    const requester = town();
    const others = Array.from({ length: 6 }, () => town({ latitude: 45.5, longitude: 16.5 }));
    const germans = others.map(() => town({ country: 'DE', latitude: 50, longitude: 8 }));
    const [german, french] = [
      town({ country: 'DE', latitude: 51, longitude: 9 }),
      town({ country: 'FR', latitude: 48, longitude: 2 }),
    ];
    const ties = others.map((other, index) => tie(other, germans[index]!));
    const { ids, result } = rank([requester, ...others, ...germans, german!, french!], ties, requester);
    expect(ids.indexOf(german!.id)).toBeLessThan(ids.indexOf(french!.id));
    const affinity = result.candidates
      .find((candidate) => candidate.node === 13)
      ?.factors.find((factor) => factor.factor === 'country_affinity');
    expect(affinity?.detail).toMatchObject({ fromCountry: 'HR', toCountry: 'DE', partnerships: 6, share: 1 });
  });

  it('prefers a neighbour across the border to a distant town, and says it is across the border', () => {
    const requester = town({ latitude: 45.9, longitude: 15.6 });
    const neighbour = town({ country: 'SI', latitude: 45.95, longitude: 15.45 });
    const distant = town({ country: 'SI', latitude: 46.55, longitude: 15.65 });
    const { ids, result } = rank([requester, neighbour, distant], [], requester);
    expect(ids).toEqual([neighbour.id, distant.id]);
    expect(
      result.candidates[0]!.factors.find((factor) => factor.factor === 'distance')?.detail,
    ).toMatchObject({
      crossBorder: true,
      sameCountry: false,
    });
  });

  it('prefers a town of similar size', () => {
    const requester = town({ population: 50_000 });
    const similar = town({ country: 'AT', population: 60_000, kind: 'municipality' });
    const tiny = town({ country: 'AT', population: 1_200, kind: 'municipality' });
    expect(rank([requester, similar, tiny], [], requester).ids).toEqual([similar.id, tiny.id]);
  });

  it('counts shared themes and shared networks', () => {
    const network = town({ kind: 'network', name: 'Energy Cities' });
    const requester = town({ themes: ['energy-transition'], memberOf: [network.id] });
    const plain = town({ country: 'AT' });
    const fellow = town({ country: 'AT', themes: ['energy-transition'], memberOf: [network.id] });
    const { ids, result } = rank([network, requester, plain, fellow], [], requester);
    expect(ids).toEqual([fellow.id, plain.id]);
    const factors = result.candidates[0]!.factors;
    expect(factors.find((factor) => factor.factor === 'shared_themes')?.detail).toEqual({
      themes: ['energy-transition'],
    });
    expect(factors.find((factor) => factor.factor === 'shared_networks')?.detail).toEqual({
      networks: [{ id: network.id, slug: network.slug, name: 'Energy Cities' }],
    });
  });

  it('leaves out existing partners and other kinds of organisation, and gives the partners on request', () => {
    const requester = town();
    const partner = town({ country: 'SI' });
    const association = town({ kind: 'association' });
    const candidate = town({ country: 'AT' });
    const { ids, result } = rank(
      [requester, partner, association, candidate],
      [tie(requester, partner, 'dormant')],
      requester,
      {
        includeExcluded: true,
      },
    );
    expect(ids).toEqual([candidate.id]);
    expect(result.excluded).toEqual([
      {
        node: 1,
        reason: { code: 'existing_partner', partnershipType: 'twinning', partnershipStatus: 'dormant' },
      },
    ]);
  });

  it('leaves out those a programme cannot fund, with the reason, and marks the others eligible', () => {
    const requester = town();
    const serbian = town({ country: 'RS' });
    const turkish = town({ country: 'TR', population: 2_000_000 });
    const { ids, result } = rank([requester, serbian, turkish], [], requester, {
      programme: fundingProgrammes.urbact_iv,
      includeExcluded: true,
    });
    expect(ids).toEqual([serbian.id]);
    expect(result.excluded).toEqual([
      { node: 2, reason: { code: 'not_eligible', programme: 'urbact_iv', reason: 'country_not_eligible' } },
    ]);
    expect(result.candidates[0]!.factors.find((factor) => factor.factor === 'eligibility')?.detail).toEqual({
      programme: 'urbact_iv',
    });
  });

  it('applies the criteria of an initiative: countries, size, languages', () => {
    const candidate = { kind: 'city', country: 'SI', population: 20_000 };
    const kinds = ['city', 'municipality'];
    expect(checkCriteria(candidate, { countries: ['AT'] }, kinds)).toEqual({
      code: 'outside_criteria',
      criterion: 'countries',
    });
    expect(checkCriteria(candidate, { populationMin: 50_000 }, kinds)).toEqual({
      code: 'outside_criteria',
      criterion: 'population',
    });
    expect(checkCriteria(candidate, { populationMax: null, languages: ['sl'] }, kinds)).toBeUndefined();
    expect(checkCriteria(candidate, { languages: ['de'] }, kinds)).toEqual({
      code: 'outside_criteria',
      criterion: 'languages',
    });
    expect(checkCriteria(candidate, { kinds: ['region'] }, kinds)).toEqual({
      code: 'outside_criteria',
      criterion: 'kinds',
    });
  });

  it('explains with what towns near the requester do: their partners near the candidate', () => {
    const requester = town({ latitude: 45.81, longitude: 15.98 });
    const neighbour = town({ latitude: 45.85, longitude: 16.05, name: 'Neighbour' });
    const neighboursPartner = town({ country: 'DE', latitude: 48.14, longitude: 11.58, name: 'Partner' });
    const nearThat = town({ country: 'DE', latitude: 48.2, longitude: 11.6 });
    const elsewhere = town({ country: 'DE', latitude: 53.55, longitude: 9.99 });
    const { ids, result } = rank(
      [requester, neighbour, neighboursPartner, nearThat, elsewhere],
      [tie(neighbour, neighboursPartner)],
      requester,
    );
    expect(ids.indexOf(nearThat.id)).toBeLessThan(ids.indexOf(elsewhere.id));
    const regional = result.candidates
      .find((candidate) => candidate.node === 3)!
      .factors.find((factor) => factor.factor === 'regional_ties');
    expect(regional?.detail).toMatchObject({
      examples: [{ near: { name: 'Neighbour' }, partner: { name: 'Partner' } }],
    });
  });
});
