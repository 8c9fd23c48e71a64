import type { Schemas } from '../../api/client';
import {
  fromLocalisedRows,
  normaliseDecimal,
  numberValue,
  optionalNumber,
  optionalText,
  toLocalisedRows,
  type LocalisedRow,
} from '../form-values';
import { pickedOrganisation, pickedSource, type PickedOrganisation, type PickedSource } from '../picked';

type Project = Schemas['Project'];
type ProjectCreate = Schemas['ProjectCreate'];
type PartnerInput = NonNullable<ProjectCreate['partners']>[number];

/** One partner of a project as the form edits it; keys are the API's field names. */
export interface PartnerRow {
  organisationId: PickedOrganisation | null;
  role: string;
  budget: string;
  currency: string;
  coFinancingRate: string;
  coFinancingFund: string;
}

/** A project as its form edits it; keys are the API's field names. */
export interface ProjectValues {
  title: LocalisedRow[];
  acronym: string;
  slug: string;
  programme: string;
  call: string;
  fund: string;
  status: string;
  startsOn: string;
  endsOn: string;
  durationMonths: number | string;
  totalBudget: string;
  currency: string;
  objectives: LocalisedRow[];
  expectedResults: LocalisedRow[];
  description: LocalisedRow[];
  themes: string[];
  website: string;
  sourceId: PickedSource | null;
  partners: PartnerRow[];
}

export function newPartnerRow(
  organisation: PickedOrganisation | null,
  currency: string,
  role = 'partner',
): PartnerRow {
  return {
    organisationId: organisation,
    role,
    budget: '',
    currency,
    coFinancingRate: '',
    coFinancingFund: '',
  };
}

/** A new project's values; an organisation it was started from is its first partner. */
export function newProjectValues(language: string, partner: PickedOrganisation | null): ProjectValues {
  return {
    title: toLocalisedRows({}, language),
    acronym: '',
    slug: '',
    programme: '',
    call: '',
    fund: '',
    status: 'planned',
    startsOn: '',
    endsOn: '',
    durationMonths: '',
    totalBudget: '',
    currency: 'EUR',
    objectives: toLocalisedRows({}, language),
    expectedResults: toLocalisedRows({}, language),
    description: toLocalisedRows({}, language),
    themes: [],
    website: '',
    sourceId: null,
    partners: partner ? [newPartnerRow(partner, 'EUR')] : [],
  };
}

export function projectValues(project: Project, language: string): ProjectValues {
  return {
    title: toLocalisedRows(project.title, language),
    acronym: project.acronym ?? '',
    slug: project.slug,
    programme: project.programme,
    call: project.call ?? '',
    fund: project.fund ?? '',
    status: project.status,
    startsOn: project.startsOn ?? '',
    endsOn: project.endsOn ?? '',
    durationMonths: numberValue(project.durationMonths),
    totalBudget: project.totalBudget ?? '',
    currency: project.currency,
    objectives: toLocalisedRows(project.objectives, language),
    expectedResults: toLocalisedRows(project.expectedResults, language),
    description: toLocalisedRows(project.description, language),
    themes: project.themes,
    website: project.website ?? '',
    sourceId: pickedSource(project.source),
    partners: project.partners.map((partner) => ({
      organisationId: pickedOrganisation(partner.organisation),
      role: partner.role,
      budget: partner.budget ?? '',
      currency: partner.currency,
      coFinancingRate: partner.coFinancingRate ?? '',
      coFinancingFund: partner.coFinancingFund ?? '',
    })),
  };
}

function currencyOf(value: string, fallback: string): string {
  const code = value.trim().toUpperCase();
  return code === '' ? fallback : code;
}

/**
 * The body of a create or update. Amounts go as exact decimal strings (a decimal comma is accepted);
 * a partner row without an organisation is sent without it, so the server names that row's picker.
 */
export function projectBody(values: ProjectValues): ProjectCreate {
  const slug = values.slug.trim();
  const currency = currencyOf(values.currency, 'EUR');
  return {
    title: fromLocalisedRows(values.title),
    ...(slug ? { slug } : {}),
    acronym: optionalText(values.acronym),
    programme: values.programme.trim(),
    call: optionalText(values.call),
    fund: optionalText(values.fund),
    status: values.status as ProjectCreate['status'],
    startsOn: optionalText(values.startsOn),
    endsOn: optionalText(values.endsOn),
    durationMonths: optionalNumber(values.durationMonths),
    totalBudget: normaliseDecimal(values.totalBudget),
    currency,
    objectives: fromLocalisedRows(values.objectives),
    expectedResults: fromLocalisedRows(values.expectedResults),
    description: fromLocalisedRows(values.description),
    themes: values.themes,
    website: optionalText(values.website),
    sourceId: values.sourceId?.id ?? null,
    partners: values.partners.map((partner): PartnerInput => ({
      organisationId: partner.organisationId?.id as string,
      role: partner.role as PartnerInput['role'],
      budget: normaliseDecimal(partner.budget),
      currency: currencyOf(partner.currency, currency),
      coFinancingRate: normaliseDecimal(partner.coFinancingRate),
      coFinancingFund: optionalText(partner.coFinancingFund),
    })),
  };
}
