import type { Schemas } from '../../api/client';
import {
  fromLocalisedRows,
  numberValue,
  optionalCountry,
  optionalNumber,
  optionalText,
  toLocalisedRows,
  type LocalisedRow,
} from '../form-values';
import { pickedSource, type PickedSource } from '../picked';

type Organisation = Schemas['Organisation'];
type OrganisationCreate = Schemas['OrganisationCreate'];
type NameInput = OrganisationCreate['names'][number];

/** One of an organisation's names: the name, its language, its script (empty: detected) and kind. */
export interface NameRow {
  name: string;
  language: string;
  script: string;
  kind: string;
}

/** An organisation as its form edits it; keys are the API's field names. */
export interface OrganisationValues {
  kind: string;
  names: NameRow[];
  slug: string;
  country: string;
  lauCode: string;
  nutsCode: string;
  geonamesId: number | string;
  wikidataId: string;
  population: number | string;
  latitude: number | string;
  longitude: number | string;
  website: string;
  foundedOn: string;
  description: LocalisedRow[];
  themes: string[];
  sourceId: PickedSource | null;
}

/** The language of a first name row: the reader's language without its script (`sr-Cyrl` → `sr`). */
export function nameLanguageOf(locale: string): string {
  return locale.split('-')[0] ?? 'en';
}

export function emptyNameRow(language: string): NameRow {
  return { name: '', language, script: '', kind: 'official' };
}

export function newOrganisationValues(locale: string): OrganisationValues {
  return {
    kind: 'city',
    names: [emptyNameRow(nameLanguageOf(locale))],
    slug: '',
    country: '',
    lauCode: '',
    nutsCode: '',
    geonamesId: '',
    wikidataId: '',
    population: '',
    latitude: '',
    longitude: '',
    website: '',
    foundedOn: '',
    description: toLocalisedRows({}, locale),
    themes: [],
    sourceId: null,
  };
}

export function organisationValues(organisation: Organisation, locale: string): OrganisationValues {
  return {
    kind: organisation.kind,
    names: organisation.names.map((name) => ({ ...name })),
    slug: organisation.slug,
    country: organisation.country ?? '',
    lauCode: organisation.lauCode ?? '',
    nutsCode: organisation.nutsCode ?? '',
    geonamesId: numberValue(organisation.geonamesId),
    wikidataId: organisation.wikidataId ?? '',
    population: numberValue(organisation.population),
    latitude: numberValue(organisation.latitude),
    longitude: numberValue(organisation.longitude),
    website: organisation.website ?? '',
    foundedOn: organisation.foundedOn ?? '',
    description: toLocalisedRows(organisation.description, locale),
    themes: organisation.themes,
    sourceId: pickedSource(organisation.source),
  };
}

/**
 * The body of a create or update. Every name row is sent, empty ones too, so that the server's errors
 * (`names.2.name`) point at the row the reader sees; an empty slug is left for the server to make.
 */
export function organisationBody(values: OrganisationValues): OrganisationCreate {
  const slug = values.slug.trim();
  return {
    kind: values.kind as OrganisationCreate['kind'],
    names: values.names.map((row): NameInput => ({
      name: row.name.trim(),
      language: row.language,
      ...(row.script ? { script: row.script } : {}),
      kind: row.kind as NameInput['kind'],
    })),
    ...(slug ? { slug } : {}),
    country: optionalCountry(values.country),
    lauCode: optionalText(values.lauCode),
    nutsCode: optionalText(values.nutsCode)?.toUpperCase() ?? null,
    geonamesId: optionalNumber(values.geonamesId),
    wikidataId: optionalText(values.wikidataId)?.toUpperCase() ?? null,
    population: optionalNumber(values.population),
    latitude: optionalNumber(values.latitude),
    longitude: optionalNumber(values.longitude),
    website: optionalText(values.website),
    foundedOn: optionalText(values.foundedOn),
    description: fromLocalisedRows(values.description),
    themes: values.themes,
    sourceId: values.sourceId?.id ?? null,
  };
}
