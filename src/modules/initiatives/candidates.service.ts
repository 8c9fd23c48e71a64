import type { MatchCriteria } from '../../domain/matching.js';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { MatchingService } from '../matching/matching.service.js';
import { findOrganisationSummaries } from '../organisations/organisations.repository.js';
import type { CandidateList, CandidatesQuery, ExcludedCandidate } from './candidates.schemas.js';
import { findVisibleInitiative, type InitiativeRow } from './initiatives.repository.js';
import { findReaderScope } from './initiatives.service.js';

/** What an initiative seeks, as the matching engine takes it (no value means any). */
function criteriaOf(initiative: InitiativeRow): MatchCriteria {
  return {
    themes: initiative.themes,
    countries: initiative.countries,
    kinds: initiative.partnerKinds,
    populationMin: initiative.populationMin ?? undefined,
    populationMax: initiative.populationMax ?? undefined,
    // Matching compares languages, not scripts: `sr-Cyrl` is Serbian.
    languages: [...new Set(initiative.languages.map((tag) => tag.split('-')[0]!))],
    fundingProgramme: initiative.fundingProgramme ?? undefined,
  };
}

/** The organisations already in an initiative: its project's partners and those whose interest was accepted. */
async function findOrganisationsInInitiative(
  database: Database,
  initiative: InitiativeRow,
): Promise<Set<string>> {
  const db = database.db;
  const ids = new Set<string>();
  if (initiative.projectId) {
    const partners = await db
      .selectFrom('projectPartners')
      .select('organisationId')
      .where('projectId', '=', initiative.projectId)
      .execute();
    for (const partner of partners) ids.add(partner.organisationId);
  }
  const accepted = await db
    .selectFrom('expressionsOfInterest')
    .select('organisationId')
    .where('initiativeId', '=', initiative.id)
    .where('status', '=', 'accepted')
    .execute();
  for (const interest of accepted) ids.add(interest.organisationId);
  ids.delete(initiative.ownerOrganisationId);
  return ids;
}

/**
 * Candidate partners of an initiative: the matching engine's ranking for the owner by what the initiative
 * seeks, without the organisations already in it, which are listed as excluded on request along with the
 * engine's own exclusions (the owner's existing partners, organisations outside the criteria or that the
 * programme cannot fund).
 */
export function createCandidatesService(database: Database, matching: MatchingService) {
  return {
    async list(actor: Actor, initiativeId: string, query: CandidatesQuery): Promise<CandidateList> {
      const db = database.db;
      const initiative = await findVisibleInitiative(db, initiativeId, await findReaderScope(db, actor));
      if (!initiative) throw notFound('initiative', initiativeId);
      const limit = query.limit ?? 20;
      const includeExcluded = query.includeExcluded ?? false;
      const inInitiative = await findOrganisationsInInitiative(database, initiative);
      const suggestions = await matching.suggestPartners(actor, initiative.ownerOrganisationId, {
        // Room for the ones taken out below, so that a full list remains.
        limit: limit + inInitiative.size,
        includeExcluded,
        lang: query.lang,
        criteria: criteriaOf(initiative),
      });
      const items = suggestions.candidates
        .filter((candidate) => !inInitiative.has(candidate.organisation.id))
        .slice(0, limit);
      if (!includeExcluded) return { items, excluded: [] };
      const summaries = await findOrganisationSummaries(db, [...inInitiative]);
      const alreadyIn: ExcludedCandidate[] = [...summaries.values()].map((organisation) => ({
        organisation,
        reason: 'already_in_initiative',
        detail: {},
      }));
      const excluded = suggestions.excluded.filter((entry) => !inInitiative.has(entry.organisation.id));
      return { items, excluded: [...alreadyIn, ...excluded] };
    },
  };
}

export type CandidatesService = ReturnType<typeof createCandidatesService>;
