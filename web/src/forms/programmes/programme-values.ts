import type { Schemas } from '../../api/client';
import {
  fromLocalisedRows,
  numberValue,
  optionalNumber,
  optionalText,
  toLocalisedRows,
  type LocalisedRow,
} from '../form-values';
import { pickedOrganisation, pickedSource, type PickedOrganisation, type PickedSource } from '../picked';

type Programme = Schemas['Programme'];
type ProgrammeCreate = Schemas['ProgrammeCreate'];

/** An annual programme as its form edits it; keys are the API's field names. */
export interface ProgrammeValues {
  organisationId: PickedOrganisation | null;
  year: number | string;
  title: LocalisedRow[];
  adoptedBy: LocalisedRow[];
  adoptedOn: string;
  decision: LocalisedRow[];
  areas: string[];
  description: LocalisedRow[];
  sourceId: PickedSource | null;
}

/** A new programme's values: for next year when started in the second half of this one. */
export function newProgrammeValues(
  language: string,
  organisation: PickedOrganisation | null,
  today = new Date(),
): ProgrammeValues {
  return {
    organisationId: organisation,
    year: today.getMonth() >= 6 ? today.getFullYear() + 1 : today.getFullYear(),
    title: toLocalisedRows({}, language),
    adoptedBy: toLocalisedRows({}, language),
    adoptedOn: '',
    decision: toLocalisedRows({}, language),
    areas: [],
    description: toLocalisedRows({}, language),
    sourceId: null,
  };
}

export function programmeValues(programme: Programme, language: string): ProgrammeValues {
  return {
    organisationId: pickedOrganisation(programme.organisation),
    year: numberValue(programme.year),
    title: toLocalisedRows(programme.title, language),
    adoptedBy: toLocalisedRows(programme.adoptedBy, language),
    adoptedOn: programme.adoptedOn ?? '',
    decision: toLocalisedRows(programme.decision, language),
    areas: programme.areas.map((area) => area.code),
    description: toLocalisedRows(programme.description, language),
    sourceId: pickedSource(programme.source),
  };
}

/** The body of a create or update; an organisation or year not given is left for the server to require. */
export function programmeBody(values: ProgrammeValues): ProgrammeCreate {
  return {
    organisationId: values.organisationId?.id as string,
    year: optionalNumber(values.year) as number,
    title: fromLocalisedRows(values.title),
    adoptedBy: fromLocalisedRows(values.adoptedBy),
    adoptedOn: optionalText(values.adoptedOn),
    decision: fromLocalisedRows(values.decision),
    areas: values.areas,
    description: fromLocalisedRows(values.description),
    sourceId: values.sourceId?.id ?? null,
  };
}
