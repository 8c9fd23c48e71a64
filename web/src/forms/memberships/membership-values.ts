import type { Schemas } from '../../api/client';
import { fromLocalisedRows, optionalText, toLocalisedRows, type LocalisedRow } from '../form-values';
import { pickedOrganisation, pickedSource, type PickedOrganisation, type PickedSource } from '../picked';

type Membership = Schemas['Membership'];
type MembershipCreate = Schemas['MembershipCreate'];

/** A membership as its form edits it; keys are the API's field names. */
export interface MembershipValues {
  memberId: PickedOrganisation | null;
  organisationId: PickedOrganisation | null;
  role: string;
  since: string;
  until: string;
  description: LocalisedRow[];
  sourceId: PickedSource | null;
}

export function newMembershipValues(
  language: string,
  member: PickedOrganisation | null,
  organisation: PickedOrganisation | null,
): MembershipValues {
  return {
    memberId: member,
    organisationId: organisation,
    role: 'member',
    since: '',
    until: '',
    description: toLocalisedRows({}, language),
    sourceId: null,
  };
}

export function membershipValues(membership: Membership, language: string): MembershipValues {
  return {
    memberId: pickedOrganisation(membership.member),
    organisationId: pickedOrganisation(membership.organisation),
    role: membership.role,
    since: membership.since ?? '',
    until: membership.until ?? '',
    description: toLocalisedRows(membership.description, language),
    sourceId: pickedSource(membership.source),
  };
}

/** The body of a create or update; a side not chosen is left out, for the server to call it required. */
export function membershipBody(values: MembershipValues): MembershipCreate {
  return {
    memberId: values.memberId?.id as string,
    organisationId: values.organisationId?.id as string,
    role: values.role as MembershipCreate['role'],
    since: optionalText(values.since),
    until: optionalText(values.until),
    description: fromLocalisedRows(values.description),
    sourceId: values.sourceId?.id ?? null,
  };
}
