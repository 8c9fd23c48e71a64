import type { Schemas } from '../../api/client';
import {
  fromLocalisedRows,
  optionalCountry,
  optionalText,
  toLocalisedRows,
  type LocalisedRow,
} from '../form-values';
import {
  pickedOrganisation,
  pickedSource,
  type PickedOrganisation,
  type PickedProject,
  type PickedSource,
} from '../picked';

type Activity = Schemas['Activity'];
type ActivityCreate = Schemas['ActivityCreate'];
type ParticipantInput = NonNullable<ActivityCreate['participants']>[number];

/** One participating organisation and its role; keys are the API's field names. */
export interface ParticipantRow {
  organisationId: PickedOrganisation | null;
  role: string;
}

/** An activity as its form edits it; keys are the API's field names. */
export interface ActivityValues {
  type: string;
  title: LocalisedRow[];
  startsOn: string;
  endsOn: string;
  placeName: string;
  country: string;
  description: LocalisedRow[];
  outcomes: LocalisedRow[];
  themes: string[];
  projectId: PickedProject | null;
  sourceId: PickedSource | null;
  participants: ParticipantRow[];
}

/** A new activity's values; an organisation it was started from is its first participant, the host. */
export function newActivityValues(
  language: string,
  participant: PickedOrganisation | null,
  project: PickedProject | null,
): ActivityValues {
  return {
    type: 'study_visit',
    title: toLocalisedRows({}, language),
    startsOn: '',
    endsOn: '',
    placeName: '',
    country: '',
    description: toLocalisedRows({}, language),
    outcomes: toLocalisedRows({}, language),
    themes: [],
    projectId: project,
    sourceId: null,
    participants: participant ? [{ organisationId: participant, role: 'host' }] : [],
  };
}

export function activityValues(activity: Activity, language: string): ActivityValues {
  return {
    type: activity.type,
    title: toLocalisedRows(activity.title, language),
    startsOn: activity.startsOn ?? '',
    endsOn: activity.endsOn ?? '',
    placeName: activity.placeName ?? '',
    country: activity.country ?? '',
    description: toLocalisedRows(activity.description, language),
    outcomes: toLocalisedRows(activity.outcomes, language),
    themes: activity.themes,
    projectId: activity.project && {
      id: activity.project.id,
      title: activity.project.acronym ?? activity.project.title,
    },
    sourceId: pickedSource(activity.source),
    participants: activity.participants.map((participant) => ({
      organisationId: pickedOrganisation(participant.organisation),
      role: participant.role,
    })),
  };
}

/** The body of a create or update; a participant row without an organisation is sent without it. */
export function activityBody(values: ActivityValues): ActivityCreate {
  return {
    type: values.type as ActivityCreate['type'],
    title: fromLocalisedRows(values.title),
    startsOn: optionalText(values.startsOn),
    endsOn: optionalText(values.endsOn),
    placeName: optionalText(values.placeName),
    country: optionalCountry(values.country),
    description: fromLocalisedRows(values.description),
    outcomes: fromLocalisedRows(values.outcomes),
    themes: values.themes,
    projectId: values.projectId?.id ?? null,
    sourceId: values.sourceId?.id ?? null,
    participants: values.participants.map((participant): ParticipantInput => ({
      organisationId: participant.organisationId?.id as string,
      role: participant.role as ParticipantInput['role'],
    })),
  };
}
