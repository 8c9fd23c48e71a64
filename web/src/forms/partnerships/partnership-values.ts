import type { Schemas } from '../../api/client';
import { fromLocalisedRows, optionalText, toLocalisedRows, type LocalisedRow } from '../form-values';
import { pickedOrganisation, pickedSource, type PickedOrganisation, type PickedSource } from '../picked';

type Partnership = Schemas['Partnership'];
type PartnershipCreate = Schemas['PartnershipCreate'];

/** A partnership as its form edits it; keys are the API's field names, so errors land where they belong. */
export interface PartnershipValues {
  organisationAId: PickedOrganisation | null;
  organisationBId: PickedOrganisation | null;
  type: string;
  status: string;
  signedOn: string;
  startedOn: string;
  endedOn: string;
  agreementUrl: string;
  description: LocalisedRow[];
  themes: string[];
  sourceId: PickedSource | null;
}

/** A new partnership's values, with side A chosen when the form was opened from an organisation. */
export function newPartnershipValues(language: string, sideA: PickedOrganisation | null): PartnershipValues {
  return {
    organisationAId: sideA,
    organisationBId: null,
    type: 'twinning',
    status: 'active',
    signedOn: '',
    startedOn: '',
    endedOn: '',
    agreementUrl: '',
    description: toLocalisedRows({}, language),
    themes: [],
    sourceId: null,
  };
}

export function partnershipValues(partnership: Partnership, language: string): PartnershipValues {
  return {
    organisationAId: pickedOrganisation(partnership.organisationA),
    organisationBId: pickedOrganisation(partnership.organisationB),
    type: partnership.type,
    status: partnership.status,
    signedOn: partnership.signedOn ?? '',
    startedOn: partnership.startedOn ?? '',
    endedOn: partnership.endedOn ?? '',
    agreementUrl: partnership.agreementUrl ?? '',
    description: toLocalisedRows(partnership.description, language),
    themes: partnership.themes,
    sourceId: pickedSource(partnership.source),
  };
}

/**
 * The body of a create or update. A side not chosen is left out (JSON drops `undefined`), so the server
 * answers "required" beside that picker rather than the form guessing.
 */
export function partnershipBody(values: PartnershipValues): PartnershipCreate {
  return {
    organisationAId: values.organisationAId?.id as string,
    organisationBId: values.organisationBId?.id as string,
    type: values.type as PartnershipCreate['type'],
    status: values.status as PartnershipCreate['status'],
    signedOn: optionalText(values.signedOn),
    startedOn: optionalText(values.startedOn),
    endedOn: optionalText(values.endedOn),
    agreementUrl: optionalText(values.agreementUrl),
    description: fromLocalisedRows(values.description),
    themes: values.themes,
    sourceId: values.sourceId?.id ?? null,
  };
}
