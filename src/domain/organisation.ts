import type { FieldError } from './field-error.js';
import { isOrderedPartialDates } from './partial-date.js';
import { detectScript, toSearchKey } from './search-key.js';
import { isAuthorityKind, type NameKind, type OrganisationKind } from './vocabulary.js';

/** A name as entered, before its script and search key are worked out. */
export interface NameEntry {
  name: string;
  language: string;
  script?: string | undefined;
  kind: NameKind;
}

/** A name ready to store. */
export interface PreparedName {
  name: string;
  language: string;
  script: string;
  kind: NameKind;
  searchKey: string;
  position: number;
}

/** Trims names, fills in their scripts and search keys, and drops exact repeats. */
export function prepareNames(names: readonly NameEntry[]): PreparedName[] {
  const seen = new Set<string>();
  const prepared: PreparedName[] = [];
  for (const entry of names) {
    const name = entry.name.trim().replace(/\s+/g, ' ');
    const identity = `${entry.language}|${entry.kind}|${name}`;
    if (name === '' || seen.has(identity)) continue;
    seen.add(identity);
    prepared.push({
      name,
      language: entry.language,
      script: entry.script ?? detectScript(name),
      kind: entry.kind,
      searchKey: toSearchKey(name),
      position: prepared.length,
    });
  }
  return prepared;
}

/**
 * The name shown where one name is needed: the English name (official before exonym), else the first
 * official name, else the first name.
 */
export function chooseDisplayName(
  names: readonly { name: string; language: string; kind: string }[],
): string {
  const english = names.filter(
    (name) => name.language === 'en' && name.kind !== 'short' && name.kind !== 'former',
  );
  return (
    (
      english.find((name) => name.kind === 'official') ??
      english[0] ??
      names.find((name) => name.kind === 'official') ??
      names[0]
    )?.name ?? ''
  );
}

/** The name in a reader's language, falling back to the display name. */
export function nameInLanguage(
  names: readonly { name: string; language: string; kind: string }[],
  language: string,
  fallback: string,
): string {
  const base = language.split('-')[0];
  const inLanguage = names.filter((name) => name.language === base && name.kind !== 'former');
  return (inLanguage.find((name) => name.kind !== 'short') ?? inLanguage[0])?.name ?? fallback;
}

/** The search text of an organisation: every name's key, so one LIKE finds it by any name. */
export function organisationSearchText(names: readonly PreparedName[], slug: string): string {
  return [...new Set([...names.map((name) => name.searchKey), slug.replace(/-/g, ' ')])].join(' | ');
}

export interface OrganisationFacts {
  kind: OrganisationKind;
  country?: string | null | undefined;
  foundedOn?: string | null | undefined;
  names: readonly NameEntry[];
}

/** The rules an organisation must keep, beyond the shape its schema checks. */
export function checkOrganisation(facts: OrganisationFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (isAuthorityKind(facts.kind) && !facts.country) {
    errors.push({
      field: 'body.country',
      code: 'organisation.country_required',
      message: 'An authority (municipality, city, county or region) must have a country.',
    });
  }
  if (!facts.names.some((name) => name.name.trim() !== '')) {
    errors.push({
      field: 'body.names',
      code: 'organisation.name_required',
      message: 'An organisation needs at least one name.',
    });
  }
  if (facts.foundedOn && !isOrderedPartialDates(facts.foundedOn, new Date().toISOString().slice(0, 10))) {
    errors.push({
      field: 'body.foundedOn',
      code: 'organisation.founded_in_future',
      message: 'The founding date is in the future.',
    });
  }
  return errors;
}
