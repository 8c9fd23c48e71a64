import type { FieldError } from './field-error.js';
import { compareAmounts, parseAmount, sumAmounts } from './money.js';
import { isOrderedPartialDates } from './partial-date.js';
import { toSearchKey } from './search-key.js';
import type { ProjectPartnerRole } from './vocabulary.js';

/** Text per language tag, e.g. `{ "en": "Cities@Heart Action Network", "sl": "..." }`. */
export type LocalisedText = Record<string, string>;

/**
 * The title shown where one title is needed: the English one, else the first non-blank one. Activities
 * and other records with a localised title use it too.
 */
export function chooseDisplayTitle(title: LocalisedText): string {
  const english = title.en?.trim();
  if (english) return english;
  return (
    Object.values(title)
      .find((text) => text.trim() !== '')
      ?.trim() ?? ''
  );
}

/** Whether a localised text says anything in at least one language. */
export function hasAnyText(text: LocalisedText): boolean {
  return Object.values(text).some((value) => value.trim() !== '');
}

/** The search text of a project: the keys of its acronym and of every title, so one LIKE finds it. */
export function projectSearchText(project: { acronym?: string | null; title: LocalisedText }): string {
  const keys = [project.acronym ?? '', ...Object.values(project.title)].map(toSearchKey);
  return [...new Set(keys.filter((key) => key !== ''))].join(' | ');
}

/** A partner of a project as entered. */
export interface ProjectPartnerFacts {
  organisationId: string;
  role: ProjectPartnerRole;
  budget?: string | null | undefined;
  currency?: string | undefined;
  coFinancingRate?: string | null | undefined;
}

export interface ProjectFacts {
  title: LocalisedText;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  /** The partners to check; omit when they do not change. */
  partners?: readonly ProjectPartnerFacts[] | undefined;
}

/** The rules a project must keep, beyond the shape its schema checks. */
export function checkProject(facts: ProjectFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (!hasAnyText(facts.title)) {
    errors.push({
      field: 'body.title',
      code: 'project.title_required',
      message: 'A project needs a title in at least one language.',
    });
  }
  if (!isOrderedPartialDates(facts.startsOn, facts.endsOn)) {
    errors.push({
      field: 'body.endsOn',
      code: 'date.end_before_start',
      message: 'The project cannot end before it starts.',
    });
  }
  return [...errors, ...checkProjectPartners(facts.partners ?? [])];
}

/** The rules of a project's partner list: one lead at most, each organisation once, rates up to 100 %. */
export function checkProjectPartners(partners: readonly ProjectPartnerFacts[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  partners.forEach((partner, index) => {
    const rate = partner.coFinancingRate;
    if (rate != null && parseAmount(rate) !== undefined && compareAmounts(rate, '100') > 0) {
      errors.push({
        field: `body.partners.${index}.coFinancingRate`,
        code: 'project.co_financing_rate_over_100',
        message: `A co-financing rate is a percentage of at most 100 (got ${rate}).`,
      });
    }
    const organisationId = partner.organisationId.toLowerCase();
    if (seen.has(organisationId)) {
      errors.push({
        field: `body.partners.${index}.organisationId`,
        code: 'project.partner_repeated',
        message: 'An organisation is a partner of a project only once.',
      });
    }
    seen.add(organisationId);
  });
  if (partners.filter((partner) => partner.role === 'lead').length > 1) {
    errors.push({
      field: 'body.partners',
      code: 'project.more_than_one_lead',
      message: 'A project has at most one lead partner.',
    });
  }
  return errors;
}

/** Partners in the order the registry shows them: the lead first, then as entered. */
export function orderPartners<P extends { role: string }>(partners: readonly P[]): P[] {
  return [
    ...partners.filter((partner) => partner.role === 'lead'),
    ...partners.filter((partner) => partner.role !== 'lead'),
  ];
}

/** The totals of a project's partners. */
export interface PartnerTotals {
  /** Exact sum of the partner budgets in the project's currency; null when no such budget is known. */
  partnerBudget: string | null;
  currency: string;
  partnerCount: number;
}

/**
 * Sums the partners' budgets. A partner may state its budget in another currency than the project's
 * (the registry records what the source says and does not convert); such budgets are left out of the
 * sum, which only adds the budgets in the project's currency. Every partner is counted.
 */
export function partnerTotals(
  projectCurrency: string,
  partners: readonly { budget: string | null; currency: string }[],
): PartnerTotals {
  const budgets = partners
    .filter((partner) => partner.currency === projectCurrency && partner.budget !== null)
    .map((partner) => partner.budget as string);
  return {
    partnerBudget: budgets.length > 0 ? sumAmounts(budgets) : null,
    currency: projectCurrency,
    partnerCount: partners.length,
  };
}
