import type { BodyOf, Schemas } from '../../api/client';
import {
  fromLocalisedRows,
  numberValue,
  optionalNumber,
  optionalText,
  toLocalisedRows,
  type LocalisedRow,
} from '../../forms/form-values';
import type { PickedOrganisation } from '../../forms/picked';
import type { FundingProgrammeCode, InitiativeVisibility } from './initiative-labels';

type Initiative = Schemas['Initiative'];
type InitiativeCreate = BodyOf<'createInitiative'>;
type PartnerKind = NonNullable<InitiativeCreate['partnerKinds']>[number];

/** An initiative as its form edits it; keys are the API's field names. */
export interface InitiativeValues {
  ownerOrganisationId: PickedOrganisation | null;
  title: LocalisedRow[];
  description: LocalisedRow[];
  themes: string[];
  partnerKinds: string[];
  /** Country codes as typed: `SI, HR`. */
  countries: string;
  populationMin: number | string;
  populationMax: number | string;
  languages: string[];
  partnersWanted: number | string;
  fundingProgramme: string;
  call: string;
  deadline: string;
  visibility: InitiativeVisibility;
  /** Only for a new initiative: open it at once rather than keep it a draft. */
  publish: boolean;
}

export function newInitiativeValues(language: string, owner: PickedOrganisation | null): InitiativeValues {
  return {
    ownerOrganisationId: owner,
    title: toLocalisedRows({}, language),
    description: toLocalisedRows({}, language),
    themes: [],
    partnerKinds: [],
    countries: '',
    populationMin: '',
    populationMax: '',
    languages: [],
    partnersWanted: '',
    fundingProgramme: '',
    call: '',
    deadline: '',
    visibility: 'public',
    publish: true,
  };
}

export function initiativeValues(initiative: Initiative, language: string): InitiativeValues {
  return {
    ownerOrganisationId: {
      id: initiative.owner.id,
      name: initiative.owner.name,
      country: initiative.owner.country,
    },
    title: toLocalisedRows(initiative.title, language),
    description: toLocalisedRows(initiative.description, language),
    themes: initiative.themes,
    partnerKinds: initiative.partnerKinds,
    countries: initiative.countries.join(', '),
    populationMin: numberValue(initiative.populationMin),
    populationMax: numberValue(initiative.populationMax),
    languages: initiative.languages,
    partnersWanted: numberValue(initiative.partnersWanted),
    fundingProgramme: initiative.fundingProgramme ?? '',
    call: initiative.call ?? '',
    deadline: initiative.deadline ?? '',
    visibility: initiative.visibility,
    publish: initiative.status !== 'draft',
  };
}

/** Country codes typed with commas or spaces between them, in upper case, each once. */
export function parseCountries(text: string): string[] {
  const codes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  return [...new Set(codes)];
}

/** What the form's fields say, as the body of a change (the fields every form has). */
export function initiativeFields(values: InitiativeValues) {
  return {
    title: fromLocalisedRows(values.title),
    description: fromLocalisedRows(values.description),
    themes: values.themes,
    partnerKinds: values.partnerKinds as PartnerKind[],
    countries: parseCountries(values.countries),
    populationMin: optionalNumber(values.populationMin),
    populationMax: optionalNumber(values.populationMax),
    languages: values.languages,
    partnersWanted: optionalNumber(values.partnersWanted),
    fundingProgramme:
      values.fundingProgramme === '' ? null : (values.fundingProgramme as FundingProgrammeCode),
    call: optionalText(values.call),
    deadline: optionalText(values.deadline),
    visibility: values.visibility,
  };
}

/** The body that starts an initiative. */
export function initiativeCreateBody(values: InitiativeValues): InitiativeCreate {
  return {
    ...initiativeFields(values),
    ownerOrganisationId: values.ownerOrganisationId?.id ?? '',
    status: values.publish ? 'open' : 'draft',
  };
}
