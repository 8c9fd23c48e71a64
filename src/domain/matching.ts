import { locationOf, type CooperationGraph } from './cooperation-graph.js';
import type { FundingProgramme, IneligibilityReason } from './funding-programmes.js';
import { distanceKm } from './geo.js';
import { languagesOfCountry, relateLanguages, type LanguageRelation } from './languages.js';
import { graphSignals, regionalRadiiKm, type GraphSignals } from './matching-signals.js';
import { authorityKinds, type OrganisationKind } from './vocabulary.js';

/**
 * Partner matching: ranks candidate partners of an organisation by a log-linear model over factors the
 * UI can explain (shared themes, size, distance and borders, networks, common partners, languages,
 * programme eligibility, activity) and over what the cooperation graph itself teaches: which countries
 * towns of a country pair with, and where the partners of nearby towns are. The weights of the graph's
 * factors were fitted on twin-town lists (see bench/matching.ts); the factors the lists do not hold
 * (themes, networks, projects) have weights set by judgement.
 */

/** What an organisation (or an initiative for it) seeks in a partner; absent, null or empty means any. */
export interface MatchCriteria {
  themes?: readonly string[] | null | undefined;
  countries?: readonly string[] | null | undefined;
  kinds?: readonly string[] | null | undefined;
  populationMin?: number | null | undefined;
  populationMax?: number | null | undefined;
  /** ISO 639 codes: a candidate must speak one (by its country's languages). */
  languages?: readonly string[] | null | undefined;
  /** A funding programme's code (see funding-programmes.ts): candidates it cannot fund are left out. */
  fundingProgramme?: string | null | undefined;
}

/** The explainable factors, as stable codes the UI translates. */
export const matchFactorCodes = [
  'common_partners',
  'extended_network',
  'regional_ties',
  'country_affinity',
  'distance',
  'similar_size',
  'languages',
  'shared_themes',
  'shared_networks',
  'activity',
  'eligibility',
] as const;
export type MatchFactorCode = (typeof matchFactorCodes)[number];

/** The model's inputs for one candidate, in this order; each belongs to one factor. */
export const matchFeatures = [
  ['commonPartnersShare', 'common_partners'],
  ['extendedNetwork', 'extended_network'],
  ['extendedNetworkShare', 'extended_network'],
  ['partnerOfNeighbours20', 'regional_ties'],
  ['nearPartnersOfNeighbours20', 'regional_ties'],
  ['transferShare20', 'regional_ties'],
  ['nearPartnersOfNeighbours60', 'regional_ties'],
  ['transferShare60', 'regional_ties'],
  ['countryLift', 'country_affinity'],
  ['countryPrior', 'country_affinity'],
  ['countryWeight', 'country_affinity'],
  ['logDistance', 'distance'],
  ['crossBorderNear', 'distance'],
  ['sameCountry', 'distance'],
  ['sameCountryLogDistance', 'distance'],
  ['sizeDifference', 'similar_size'],
  ['logPopulation', 'similar_size'],
  ['candidateIsCity', 'similar_size'],
  ['bothCities', 'similar_size'],
  ['sharedLanguage', 'languages'],
  ['closeLanguage', 'languages'],
  ['languageFamily', 'languages'],
  ['sharedThemes', 'shared_themes'],
  ['sharedNetworks', 'shared_networks'],
  ['logPartnerships', 'activity'],
  ['otherActivity', 'activity'],
] as const satisfies readonly (readonly [string, MatchFactorCode])[];
export type MatchFeature = (typeof matchFeatures)[number][0];
export const matchFeatureNames: readonly MatchFeature[] = matchFeatures.map(([name]) => name);

/**
 * The model's weights. Fitted (conditional logit) on twin-town pairs of the Wikipedia lists hidden from
 * the graph, except those marked as set by judgement, which the lists cannot teach.
 */
export const matchWeights: Readonly<Record<MatchFeature, number>> = {
  commonPartnersShare: 1.47,
  extendedNetwork: 1.75,
  extendedNetworkShare: 0.71,
  partnerOfNeighbours20: 0.37,
  nearPartnersOfNeighbours20: 0.59,
  transferShare20: 0.37,
  nearPartnersOfNeighbours60: 0.94,
  transferShare60: 0.41,
  countryLift: 0.41,
  countryPrior: 1.24,
  countryWeight: -1.34,
  logDistance: -0.38,
  crossBorderNear: 0.95,
  sameCountry: -1.22,
  sameCountryLogDistance: 0.14,
  sizeDifference: 0.37,
  logPopulation: 0.56,
  candidateIsCity: 0.2,
  bothCities: 0.36,
  sharedLanguage: 0.16,
  closeLanguage: 0.4,
  languageFamily: 0.04,
  // Set by judgement: an initiative's themes and shared networks say more than the lists can.
  sharedThemes: 1.5,
  sharedNetworks: 1,
  logPartnerships: -0.04,
  otherActivity: 0.3,
};

/** Why a candidate was left out. */
export type ExclusionReason =
  | { code: 'existing_partner'; partnershipType: string; partnershipStatus: string }
  | { code: 'not_eligible'; programme: string; reason: IneligibilityReason }
  | { code: 'outside_criteria'; criterion: 'countries' | 'kinds' | 'population' | 'languages' };

/** One factor of a candidate's score: its weight, what it adds (log-odds points) and what it rests on. */
export interface MatchFactor {
  factor: MatchFactorCode;
  weight: number;
  contribution: number;
  detail: Record<string, unknown>;
}

export interface RankedCandidate {
  node: number;
  score: number;
  /** The score as a share in [0, 1] for display: 0.5 is an average candidate of the graph's. */
  strength: number;
  factors: MatchFactor[];
}

export interface RankOptions {
  limit: number;
  criteria?: MatchCriteria | undefined;
  programme?: FundingProgramme | undefined;
  /** Also list who was left out: every existing partner, and who would otherwise have ranked. */
  includeExcluded?: boolean;
}

export interface RankResult {
  candidates: RankedCandidate[];
  excluded: { node: number; reason: ExclusionReason }[];
}

const logPopulationReference = 4;

/**
 * The population used for size: small places count as a thousand inhabitants; an unknown population (a
 * town the gazetteer lacks, a county) counts as the reference, so that it neither raises nor lowers.
 */
function logPopulationOf(population: number | null): number {
  if (population === null) return logPopulationReference;
  return Math.log10(Math.max(population, 1000));
}
const distanceReference = Math.log1p(1000 / 10);

/** What the ranking knows about the requester, computed once per request. */
export interface MatchContext {
  graph: CooperationGraph;
  node: number;
  signals: GraphSignals;
  commonTotal: number;
  extendedTotal: number;
  themes: ReadonlySet<string>;
  networks: ReadonlySet<string>;
  languages: readonly string[];
  countryRow: ReadonlyMap<string, number> | undefined;
  countryEnds: number;
  priorDenominator: number;
  /** Feature values that mean "nothing special": contributions are measured from them. */
  reference: Partial<Record<MatchFeature, number>>;
  /** The features that depend only on the candidate's country, per country ('' for none). */
  countryFeatures: ReadonlyMap<string, CountryFeatures>;
  /** Their weighted sum, per country. */
  countryScores: ReadonlyMap<string, number>;
  requesterLogPopulation: number;
}

const countryFeatureNames = [
  'countryLift',
  'countryPrior',
  'countryWeight',
  'sharedLanguage',
  'closeLanguage',
  'languageFamily',
] as const satisfies readonly MatchFeature[];
type CountryFeatures = Record<(typeof countryFeatureNames)[number], number>;

/** Builds the context of a request: the graph signals and the requester's own facts. */
export function createMatchContext(
  graph: CooperationGraph,
  node: number,
  themes: readonly string[],
  excluded: ReadonlySet<number>,
): MatchContext {
  const signals = graphSignals(graph, node);
  const sumOver = (scores: Map<number, number>) => {
    let total = 0;
    for (const [candidate, score] of scores) if (!excluded.has(candidate)) total += score;
    return total;
  };
  const requester = graph.nodes[node]!;
  const countryCount = Math.max(1, graph.countries.length);
  const meanCountryWeight =
    [...graph.countryWeight.values()].reduce((sum, weight) => sum + weight, 0) / countryCount;
  const context: MatchContext = {
    graph,
    node,
    signals,
    commonTotal: sumOver(signals.commonPartners),
    extendedTotal: sumOver(signals.extendedNetwork),
    themes: new Set(themes),
    networks: new Set(requester.memberOf),
    languages: languagesOfCountry(requester.country),
    countryRow: requester.country ? graph.countryPairs.get(requester.country) : undefined,
    countryEnds: requester.country ? (graph.countryEnds.get(requester.country) ?? 0) : 0,
    priorDenominator: graph.totalEnds + countryCount,
    reference: {
      countryPrior: Math.log(1 / countryCount),
      countryWeight: Math.log(Math.max(1, meanCountryWeight)),
      logDistance: distanceReference,
      logPopulation: logPopulationReference,
    },
    countryFeatures: new Map(),
    countryScores: new Map(),
    requesterLogPopulation: logPopulationOf(requester.population),
  };
  const countryFeatures = new Map<string, CountryFeatures>();
  const countryScores = new Map<string, number>();
  for (const country of ['', ...graph.countries]) {
    const features = featuresOfCountry(context, country || null);
    countryFeatures.set(country, features);
    let score = 0;
    for (const name of countryFeatureNames)
      score += matchWeights[name] * (features[name] - (context.reference[name] ?? 0));
    countryScores.set(country, score);
  }
  return { ...context, countryFeatures, countryScores };
}

/** The features of a candidate that depend only on its country. */
function featuresOfCountry(context: MatchContext, country: string | null): CountryFeatures {
  const requesterCountry = context.graph.nodes[context.node]!.country;
  const relation = relateLanguages(context.languages, languagesOfCountry(country));
  return {
    countryLift:
      country && requesterCountry
        ? Math.log(countryShare(context, country) / countryPrior(context, country))
        : 0,
    countryPrior: country ? Math.log(countryPrior(context, country)) : (context.reference.countryPrior ?? 0),
    countryWeight: country
      ? Math.log(context.graph.countryWeight.get(country) ?? 1)
      : (context.reference.countryWeight ?? 0),
    sharedLanguage: relation.kind === 'shared' ? 1 : 0,
    closeLanguage: relation.kind === 'close' ? 1 : 0,
    languageFamily: relation.kind === 'family' ? 1 : 0,
  };
}

/** The share of partnership ends of all countries that go to `country` (smoothed). */
function countryPrior(context: MatchContext, country: string): number {
  return ((context.graph.countryEnds.get(country) ?? 0) + 1) / context.priorDenominator;
}

/** The smoothed share of the requester's country's partnerships that are with towns of `country`. */
function countryShare(context: MatchContext, country: string): number {
  return (
    ((context.countryRow?.get(country) ?? 0) + countryPrior(context, country)) / (context.countryEnds + 1)
  );
}

/** The model's inputs for one candidate (the reference for {@link scoreCandidates}, and for explanations). */
export function candidateFeatures(context: MatchContext, candidate: number): Record<MatchFeature, number> {
  const { graph, node, signals } = context;
  const requester = graph.nodes[node]!;
  const organisation = graph.nodes[candidate]!;
  const common = signals.commonPartners.get(candidate) ?? 0;
  const extended = signals.extendedNetwork.get(candidate) ?? 0;
  const { regional } = signals;
  const here = locationOf(graph, node);
  const there = locationOf(graph, candidate);
  const distance = here && there ? distanceKm(here, there) : undefined;
  const sameCountry = Boolean(requester.country && requester.country === organisation.country);
  const isCity = organisation.kind === 'city';
  let sharedThemes = 0;
  for (const theme of organisation.themes) if (context.themes.has(theme)) sharedThemes++;
  let sharedNetworks = 0;
  for (const network of organisation.memberOf) if (context.networks.has(network)) sharedNetworks++;
  const share = (value: number, total: number) => (total > 0 ? Math.log1p((100 * value) / total) : 0);
  return {
    commonPartnersShare: share(common, context.commonTotal),
    extendedNetwork: Math.log1p(extended),
    extendedNetworkShare: share(extended, context.extendedTotal),
    partnerOfNeighbours20: Math.log1p(regional.partnerOfNeighbours[0]![candidate]!),
    nearPartnersOfNeighbours20: Math.log1p(regional.nearPartnersOfNeighbours[0]![candidate]!),
    transferShare20: Math.log1p(100 * regional.transferShare[0]![candidate]!),
    nearPartnersOfNeighbours60: Math.log1p(regional.nearPartnersOfNeighbours[1]![candidate]!),
    transferShare60: Math.log1p(100 * regional.transferShare[1]![candidate]!),
    ...context.countryFeatures.get(organisation.country ?? '')!,
    logDistance: distance === undefined ? distanceReference : Math.log1p(distance / 10),
    crossBorderNear: distance !== undefined && distance < 50 && !sameCountry ? 1 : 0,
    sameCountry: sameCountry ? 1 : 0,
    sameCountryLogDistance: sameCountry && distance !== undefined ? Math.log1p(distance / 10) : 0,
    sizeDifference: -((logPopulationOf(organisation.population) - context.requesterLogPopulation) ** 2),
    logPopulation: logPopulationOf(organisation.population),
    candidateIsCity: isCity ? 1 : 0,
    bothCities: isCity && requester.kind === 'city' ? 1 : 0,
    sharedThemes: Math.log1p(sharedThemes),
    sharedNetworks: Math.log1p(sharedNetworks),
    logPartnerships: Math.log1p(graph.degree[candidate]!),
    otherActivity: Math.log1p(organisation.projects + organisation.activities + organisation.memberOf.length),
  };
}

/**
 * The score of every node as a candidate, as {@link scoreFeatures} of {@link candidateFeatures} gives it
 * (a unit test holds them equal), computed in one pass without building each candidate's features.
 */
export function scoreCandidates(context: MatchContext): Float64Array {
  const { graph, node, signals, reference } = context;
  const w = matchWeights;
  const requester = graph.nodes[node]!;
  const count = graph.nodes.length;
  const scores = new Float64Array(count);
  const { regional } = signals;
  const hasLocation = !Number.isNaN(graph.latitudes[node]!);
  const here = locationOf(graph, node);
  const logPopulationRef = reference.logPopulation ?? 0;
  const distanceRef = reference.logDistance ?? 0;
  const requesterIsCity = requester.kind === 'city';
  for (let candidate = 0; candidate < count; candidate++) {
    const organisation = graph.nodes[candidate]!;
    let score = context.countryScores.get(organisation.country ?? '')!;
    const sameCountry = requester.country !== null && requester.country === organisation.country;
    if (hasLocation && !Number.isNaN(graph.latitudes[candidate]!)) {
      const distance = distanceKm(here!, {
        latitude: graph.latitudes[candidate]!,
        longitude: graph.longitudes[candidate]!,
      });
      const logDistance = Math.log1p(distance / 10);
      score += w.logDistance * (logDistance - distanceRef);
      if (distance < 50 && !sameCountry) score += w.crossBorderNear;
      if (sameCountry) score += w.sameCountryLogDistance * logDistance;
    }
    if (sameCountry) score += w.sameCountry;
    const logPopulation = logPopulationOf(organisation.population);
    score += w.sizeDifference * -((logPopulation - context.requesterLogPopulation) ** 2);
    score += w.logPopulation * (logPopulation - logPopulationRef);
    if (organisation.kind === 'city') score += w.candidateIsCity + (requesterIsCity ? w.bothCities : 0);
    score += w.logPartnerships * Math.log1p(graph.degree[candidate]!);
    const otherActivity = organisation.projects + organisation.activities + organisation.memberOf.length;
    if (otherActivity > 0) score += w.otherActivity * Math.log1p(otherActivity);
    if (regional.isReached[candidate]) {
      score +=
        w.partnerOfNeighbours20 * Math.log1p(regional.partnerOfNeighbours[0]![candidate]!) +
        w.nearPartnersOfNeighbours20 * Math.log1p(regional.nearPartnersOfNeighbours[0]![candidate]!) +
        w.transferShare20 * Math.log1p(100 * regional.transferShare[0]![candidate]!) +
        w.nearPartnersOfNeighbours60 * Math.log1p(regional.nearPartnersOfNeighbours[1]![candidate]!) +
        w.transferShare60 * Math.log1p(100 * regional.transferShare[1]![candidate]!);
    }
    if (organisation.themes.length > 0 && context.themes.size > 0) {
      let shared = 0;
      for (const theme of organisation.themes) if (context.themes.has(theme)) shared++;
      score += w.sharedThemes * Math.log1p(shared);
    }
    if (organisation.memberOf.length > 0 && context.networks.size > 0) {
      let shared = 0;
      for (const network of organisation.memberOf) if (context.networks.has(network)) shared++;
      score += w.sharedNetworks * Math.log1p(shared);
    }
    scores[candidate] = score;
  }
  for (const [candidate, common] of signals.commonPartners) {
    if (context.commonTotal > 0)
      scores[candidate]! += w.commonPartnersShare * Math.log1p((100 * common) / context.commonTotal);
  }
  for (const [candidate, extended] of signals.extendedNetwork) {
    scores[candidate]! += w.extendedNetwork * Math.log1p(extended);
    if (context.extendedTotal > 0)
      scores[candidate]! += w.extendedNetworkShare * Math.log1p((100 * extended) / context.extendedTotal);
  }
  return scores;
}

/** The score of one candidate: Σ weight × (feature − reference). */
export function scoreFeatures(
  features: Record<MatchFeature, number>,
  reference: Partial<Record<MatchFeature, number>>,
  weights: Readonly<Record<MatchFeature, number>> = matchWeights,
): number {
  let score = 0;
  for (const name of matchFeatureNames) score += weights[name] * (features[name] - (reference[name] ?? 0));
  return score;
}

/** Whether a candidate meets the criteria; the first criterion it fails otherwise. */
export function checkCriteria(
  organisation: { kind: string; country: string | null; population: number | null },
  criteria: MatchCriteria | undefined,
  defaultKinds: readonly string[],
): ExclusionReason | undefined {
  const kinds = criteria?.kinds?.length ? criteria.kinds : defaultKinds;
  if (!kinds.includes(organisation.kind)) return { code: 'outside_criteria', criterion: 'kinds' };
  if (
    criteria?.countries?.length &&
    !(organisation.country && criteria.countries.includes(organisation.country))
  )
    return { code: 'outside_criteria', criterion: 'countries' };
  const population = organisation.population;
  const { populationMin, populationMax } = criteria ?? {};
  if (
    (populationMin !== undefined &&
      populationMin !== null &&
      (population === null || population < populationMin)) ||
    (populationMax !== undefined &&
      populationMax !== null &&
      (population === null || population > populationMax))
  )
    return { code: 'outside_criteria', criterion: 'population' };
  if (criteria?.languages?.length) {
    const spoken = languagesOfCountry(organisation.country);
    if (!criteria.languages.some((language) => spoken.includes(language)))
      return { code: 'outside_criteria', criterion: 'languages' };
  }
  return undefined;
}

/** The kinds of partner an organisation looks for unless told: authorities for an authority, its own kind otherwise. */
export function defaultCandidateKinds(kind: string): readonly string[] {
  return (authorityKinds as readonly string[]).includes(kind) ? authorityKinds : [kind as OrganisationKind];
}

/** The display strength of a score: a logistic curve around an average candidate. */
export function strengthOf(score: number): number {
  return Math.round((1 / (1 + Math.exp(-(score - 4) / 2))) * 1000) / 1000;
}

export type { LanguageRelation };
export { regionalRadiiKm };
