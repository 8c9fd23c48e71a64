import { buildCooperationGraph, type CooperationGraph } from '../../domain/cooperation-graph.js';
import {
  fundingProgrammes,
  fundingProgrammeCodes,
  isFundingProgrammeCode,
} from '../../domain/funding-programmes.js';
import type { MatchCriteria } from '../../domain/matching.js';
import { rankCandidates } from '../../domain/matching-ranking.js';
import { nameInLanguage } from '../../domain/organisation.js';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import type { OrganisationSummary } from '../organisations/organisations.schemas.js';
import {
  findGraphOrganisations,
  findGraphPartnerships,
  findGraphRevision,
  findOrganisationNames,
} from './matching.repository.js';
import type { ExcludedPartner, FundingProgramme, MatchFactor, SuggestedPartner } from './matching.schemas.js';

export interface SuggestOptions {
  /** How many candidates (10 by default). */
  limit?: number | undefined;
  criteria?: MatchCriteria | undefined;
  /** Also list who was left out and why. */
  includeExcluded?: boolean | undefined;
  /** The reader's language for names (`hr`, `sr-Cyrl`); display names otherwise. */
  lang?: string | undefined;
}

export interface PartnerSuggestions {
  organisation: OrganisationSummary;
  programme: string | null;
  candidates: SuggestedPartner[];
  excluded: ExcludedPartner[];
}

const unknownProgramme = (code: string) =>
  new AppError('matching.programme_unknown', 400, `Unknown funding programme "${code}".`, [
    {
      field: 'criteria.fundingProgramme',
      code: 'matching.programme_unknown',
      message: `Known programmes: ${fundingProgrammeCodes.join(', ')}.`,
    },
  ]);

/** Loads the whole cooperation graph from the database. */
export async function loadCooperationGraph(database: Database): Promise<CooperationGraph> {
  const [organisations, partnerships] = await Promise.all([
    findGraphOrganisations(database.db),
    findGraphPartnerships(database.db),
  ]);
  // An organisation's themes include those of its partnerships.
  const themes = new Map(
    organisations.map((organisation) => [organisation.id, new Set(organisation.themes)]),
  );
  for (const partnership of partnerships) {
    for (const theme of partnership.themes) {
      themes.get(partnership.organisationAId)?.add(theme);
      themes.get(partnership.organisationBId)?.add(theme);
    }
  }
  return buildCooperationGraph(
    organisations.map((organisation) => ({ ...organisation, themes: [...themes.get(organisation.id)!] })),
    partnerships,
  );
}

/**
 * Partner matching: candidate partners of an organisation, ranked and explained. The cooperation graph
 * is held in memory and reloaded when its revision in the database moves (any write to organisations,
 * partnerships, memberships, project partners or activity participants raises it, in the writer's
 * transaction), so suggestions always reflect committed writes, whichever process made them.
 */
export function createMatchingService(database: Database) {
  let cached: { revision: number; graph: CooperationGraph } | undefined;
  let loading: { revision: number; graph: Promise<CooperationGraph> } | undefined;

  /** The graph as of the current revision; one load at a time, shared by concurrent requests. */
  async function currentGraph(): Promise<CooperationGraph> {
    // The revision is read before the graph: a write committed in between makes the graph newer than
    // its label, never older, and the next request loads it again.
    const revision = await findGraphRevision(database.db);
    if (cached?.revision === revision) return cached.graph;
    if (loading?.revision !== revision) {
      const graph = loadCooperationGraph(database);
      loading = { revision, graph };
      graph.then(
        (loaded) => {
          if (!cached || cached.revision < revision) cached = { revision, graph: loaded };
        },
        () => {
          if (loading?.graph === graph) loading = undefined;
        },
      );
    }
    return loading.graph;
  }

  async function present(
    graph: CooperationGraph,
    ids: readonly string[],
    lang: string | undefined,
  ): Promise<(id: string) => OrganisationSummary> {
    const names = lang ? await findOrganisationNames(database.db, ids) : new Map();
    return (id) => {
      const organisation = graph.nodes[graph.indexOf.get(id)!]!;
      const name = lang ? nameInLanguage(names.get(id) ?? [], lang, organisation.name) : organisation.name;
      return { id, slug: organisation.slug, name, kind: organisation.kind, country: organisation.country };
    };
  }

  return {
    /**
     * Candidate partners of an organisation (id or slug), best first, each with its score from 0 to 1 and
     * the contribution of each factor. Existing partners and organisations the criteria or the funding
     * programme rule out are left out; with `includeExcluded`, they are listed with the reason.
     */
    async suggestPartners(
      _actor: Actor,
      organisationId: string,
      options: SuggestOptions = {},
    ): Promise<PartnerSuggestions> {
      const row = await findOrganisation(database.db, organisationId);
      if (!row) throw notFound('organisation', organisationId);
      const code = options.criteria?.fundingProgramme ?? undefined;
      if (code && !isFundingProgrammeCode(code)) throw unknownProgramme(code);
      const programme = code && isFundingProgrammeCode(code) ? fundingProgrammes[code] : undefined;

      let graph = await currentGraph();
      let node = graph.indexOf.get(row.id);
      if (node === undefined) {
        // Created after the graph was read and before the revision was: the next read has it.
        cached = undefined;
        graph = await currentGraph();
        node = graph.indexOf.get(row.id);
        if (node === undefined) throw notFound('organisation', organisationId);
      }
      const criteriaThemes = options.criteria?.themes ?? [];
      const themes = criteriaThemes.length > 0 ? criteriaThemes : graph.nodes[node]!.themes;
      const ranked = rankCandidates(graph, node, themes, {
        limit: options.limit ?? 10,
        criteria: options.criteria,
        programme,
        includeExcluded: options.includeExcluded ?? false,
      });

      const idOf = (index: number) => graph.nodes[index]!.id;
      const referenced = (factor: { detail: Record<string, unknown> }) =>
        JSON.stringify(factor.detail).match(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        ) ?? [];
      const ids = [
        row.id,
        ...ranked.candidates.map((candidate) => idOf(candidate.node)),
        ...ranked.excluded.map((entry) => idOf(entry.node)),
        ...ranked.candidates.flatMap((candidate) => candidate.factors.flatMap(referenced)),
      ];
      const summaryOf = await present(graph, ids, options.lang);
      const nameRefs = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(nameRefs);
        if (value && typeof value === 'object') {
          const entries = Object.entries(value as Record<string, unknown>);
          const record = Object.fromEntries(entries.map(([key, inner]) => [key, nameRefs(inner)]));
          if (typeof record.id === 'string' && typeof record.slug === 'string' && 'name' in record)
            return { ...record, name: summaryOf(record.id).name };
          return record;
        }
        return value;
      };
      return {
        organisation: summaryOf(row.id),
        programme: programme?.code ?? null,
        candidates: ranked.candidates.map((candidate) => ({
          organisation: summaryOf(idOf(candidate.node)),
          score: candidate.strength,
          factors: candidate.factors.map((factor) => ({
            ...factor,
            detail: nameRefs(factor.detail) as MatchFactor['detail'],
          })) as MatchFactor[],
        })),
        excluded: ranked.excluded.map(({ node: excludedNode, reason }) => {
          const { code: reasonCode, ...rest } = reason;
          const detail =
            reasonCode === 'not_eligible' && 'reason' in rest
              ? { programme: rest.programme, eligibility: rest.reason }
              : rest;
          return {
            organisation: summaryOf(idOf(excludedNode)),
            reason: reasonCode,
            detail: detail as ExcludedPartner['detail'],
          };
        }),
      };
    },

    /** The funding programmes matching knows, with their eligible countries. */
    listFundingProgrammes(_actor: Actor): FundingProgramme[] {
      return fundingProgrammeCodes.map((code) => ({
        ...fundingProgrammes[code],
        eligibleCountries: [...fundingProgrammes[code].eligibleCountries],
      }));
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
