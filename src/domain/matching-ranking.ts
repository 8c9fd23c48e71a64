import { locationOf, type CooperationGraph, type GraphOrganisation } from './cooperation-graph.js';
import { checkEligibility } from './funding-programmes.js';
import { distanceKm } from './geo.js';
import { languagesOfCountry, relateLanguages } from './languages.js';
import {
  candidateFeatures,
  checkCriteria,
  createMatchContext,
  defaultCandidateKinds,
  matchFeatures,
  matchWeights,
  scoreCandidates,
  strengthOf,
  type ExclusionReason,
  type MatchContext,
  type MatchFactor,
  type MatchFactorCode,
  type MatchFeature,
  type RankOptions,
  type RankResult,
} from './matching.js';
import { regionalExamples } from './matching-signals.js';

/** An organisation as an explanation names it. */
export interface OrganisationRef {
  id: string;
  slug: string;
  name: string;
}

function refOf(organisation: GraphOrganisation): OrganisationRef {
  return { id: organisation.id, slug: organisation.slug, name: organisation.name };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Each factor's contribution: Σ over its features of weight × (value − reference). */
function contributions(
  context: MatchContext,
  features: Record<MatchFeature, number>,
): Map<MatchFactorCode, { weight: number; contribution: number }> {
  const byFactor = new Map<MatchFactorCode, { weight: number; contribution: number }>();
  for (const [name, factor] of matchFeatures) {
    const entry = byFactor.get(factor) ?? { weight: 0, contribution: 0 };
    entry.weight += Math.abs(matchWeights[name]);
    entry.contribution += matchWeights[name] * (features[name] - (context.reference[name] ?? 0));
    byFactor.set(factor, entry);
  }
  return byFactor;
}

/** What each factor of a candidate rests on, in codes and figures the UI words; undefined when nothing. */
function factorDetail(
  context: MatchContext,
  candidate: number,
  factor: MatchFactorCode,
): Record<string, unknown> | undefined {
  const { graph, node } = context;
  const requester = graph.nodes[node]!;
  const organisation = graph.nodes[candidate]!;
  switch (factor) {
    case 'common_partners': {
      const mine = new Set(graph.ties[node]!.map((tie) => tie.node));
      const common = graph.ties[candidate]!.filter((tie) => mine.has(tie.node));
      if (common.length === 0) return undefined;
      return {
        count: common.length,
        partners: common.slice(0, 5).map((tie) => refOf(graph.nodes[tie.node]!)),
      };
    }
    case 'extended_network': {
      const second = new Set<number>();
      for (const { node: partner } of graph.ties[node]!)
        for (const { node: next } of graph.ties[partner]!) if (next !== node) second.add(next);
      const through = graph.ties[candidate]!.filter((tie) => second.has(tie.node));
      if (through.length === 0 || !context.signals.extendedNetwork.has(candidate)) return undefined;
      return { through: through.slice(0, 3).map((tie) => refOf(graph.nodes[tie.node]!)) };
    }
    case 'regional_ties': {
      if (!context.signals.regional.isReached[candidate]) return undefined;
      const examples = regionalExamples(graph, node, candidate);
      if (examples.length === 0) return undefined;
      return {
        examples: examples.map(({ neighbour, partner }) => ({
          near: refOf(graph.nodes[neighbour]!),
          partner: refOf(graph.nodes[partner]!),
        })),
      };
    }
    case 'country_affinity': {
      if (!requester.country || !organisation.country) return undefined;
      const count = context.countryRow?.get(organisation.country) ?? 0;
      return {
        fromCountry: requester.country,
        toCountry: organisation.country,
        partnerships: count,
        share: context.countryEnds > 0 ? round(count / context.countryEnds, 3) : 0,
      };
    }
    case 'distance': {
      const here = locationOf(graph, node);
      const there = locationOf(graph, candidate);
      if (!here || !there) return undefined;
      const sameCountry = requester.country === organisation.country;
      const km = distanceKm(here, there);
      return { km: Math.round(km), sameCountry, crossBorder: !sameCountry && km < 50 };
    }
    case 'similar_size':
      return { population: organisation.population, requesterPopulation: requester.population };
    case 'languages': {
      const relation = relateLanguages(context.languages, languagesOfCountry(organisation.country));
      if (relation.kind === 'none') return undefined;
      const { kind, ...rest } = relation;
      return { ...rest, relation: kind };
    }
    case 'shared_themes': {
      const themes = organisation.themes.filter((theme) => context.themes.has(theme));
      return themes.length > 0 ? { themes } : undefined;
    }
    case 'shared_networks': {
      const networks = organisation.memberOf.filter((network) => context.networks.has(network));
      if (networks.length === 0) return undefined;
      return {
        networks: networks.flatMap((id) => {
          const index = graph.indexOf.get(id);
          return index === undefined ? [] : [refOf(graph.nodes[index]!)];
        }),
      };
    }
    case 'activity':
      return {
        partnerships: graph.degree[candidate]!,
        memberships: organisation.memberOf.length,
        projects: organisation.projects,
        activities: organisation.activities,
      };
    case 'eligibility':
      return undefined;
  }
}

/** The factors of one candidate that say something, largest contribution first. */
export function explainCandidate(
  context: MatchContext,
  candidate: number,
  programme?: RankOptions['programme'],
): MatchFactor[] {
  const features = candidateFeatures(context, candidate);
  const factors: MatchFactor[] = [];
  for (const [factor, { weight, contribution }] of contributions(context, features)) {
    const detail = factorDetail(context, candidate, factor);
    if (!detail) continue;
    factors.push({ factor, weight: round(weight), contribution: round(contribution), detail });
  }
  // Eligibility decides who is a candidate at all; for those who are, it adds nothing to the score.
  if (programme)
    factors.push({
      factor: 'eligibility',
      weight: 0,
      contribution: 0,
      detail: { programme: programme.code },
    });
  return factors.sort((a, b) => b.contribution - a.contribution);
}

/**
 * Ranks the organisation's candidate partners: every organisation of the wanted kinds that is not already
 * a partner, meets the criteria and, for a programme, is eligible. With `includeExcluded`, says who was
 * left out and why: every existing partner, and those the criteria or the programme left out that would
 * otherwise have ranked among the first `limit`.
 */
export function rankCandidates(
  graph: CooperationGraph,
  node: number,
  themes: readonly string[],
  options: RankOptions,
): RankResult {
  const requester = graph.nodes[node]!;
  const partners = new Map(graph.ties[node]!.map((tie) => [tie.node, tie]));
  const context = createMatchContext(graph, node, themes, new Set([node, ...partners.keys()]));
  const defaultKinds = defaultCandidateKinds(requester.kind);
  const eligible: { node: number; score: number }[] = [];
  const leftOut: { node: number; score: number; reason: ExclusionReason }[] = [];
  const scores = scoreCandidates(context);
  graph.nodes.forEach((organisation, candidate) => {
    if (candidate === node || partners.has(candidate)) return;
    const outside = checkCriteria(organisation, options.criteria, defaultKinds);
    // Organisations of other kinds are not candidates at all, nor worth a reason.
    if (
      outside?.code === 'outside_criteria' &&
      outside.criterion === 'kinds' &&
      !options.criteria?.kinds?.length
    )
      return;
    const score = scores[candidate]!;
    if (outside) {
      if (options.includeExcluded) leftOut.push({ node: candidate, score, reason: outside });
      return;
    }
    if (options.programme) {
      const eligibility = checkEligibility(options.programme, requester.country, organisation.country);
      if (!eligibility.eligible) {
        if (options.includeExcluded)
          leftOut.push({
            node: candidate,
            score,
            reason: { code: 'not_eligible', programme: options.programme.code, reason: eligibility.reason },
          });
        return;
      }
    }
    eligible.push({ node: candidate, score });
  });
  eligible.sort((a, b) => b.score - a.score || a.node - b.node);
  const top = eligible.slice(0, options.limit);
  const candidates = top.map(({ node: candidate, score }) => ({
    node: candidate,
    score: round(score),
    strength: strengthOf(score),
    factors: explainCandidate(context, candidate, options.programme),
  }));
  if (!options.includeExcluded) return { candidates, excluded: [] };
  const threshold = top.length < options.limit ? Number.NEGATIVE_INFINITY : top.at(-1)!.score;
  const excluded = [
    ...[...partners.values()].map((tie) => ({
      node: tie.node,
      reason: { code: 'existing_partner', partnershipType: tie.type, partnershipStatus: tie.status } as const,
    })),
    ...leftOut
      .filter(({ score }) => score >= threshold)
      .sort((a, b) => b.score - a.score)
      .slice(0, options.limit)
      .map(({ node: candidate, reason }) => ({ node: candidate, reason })),
  ];
  return { candidates, excluded };
}
