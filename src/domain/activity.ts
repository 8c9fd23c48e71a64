import type { FieldError } from './field-error.js';
import { isOrderedPartialDates } from './partial-date.js';
import { hasAnyText, type LocalisedText } from './project.js';
import { toSearchKey } from './search-key.js';
import type { ActivityParticipantRole } from './vocabulary.js';

export { chooseDisplayTitle } from './project.js';

/** The search text of an activity: the keys of every title and of the place, so one LIKE finds it. */
export function activitySearchText(activity: { title: LocalisedText; placeName?: string | null }): string {
  const keys = [...Object.values(activity.title), activity.placeName ?? ''].map(toSearchKey);
  return [...new Set(keys.filter((key) => key !== ''))].join(' | ');
}

export interface ActivityFacts {
  title: LocalisedText;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  /** The participants to check; omit when they do not change. */
  participants?: readonly { organisationId: string; role: ActivityParticipantRole }[] | undefined;
}

/** The rules an activity must keep, beyond the shape its schema checks. */
export function checkActivity(facts: ActivityFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (!hasAnyText(facts.title)) {
    errors.push({
      field: 'body.title',
      code: 'activity.title_required',
      message: 'An activity needs a title in at least one language.',
    });
  }
  if (!isOrderedPartialDates(facts.startsOn, facts.endsOn)) {
    errors.push({
      field: 'body.endsOn',
      code: 'date.end_before_start',
      message: 'The activity cannot end before it starts.',
    });
  }
  const seen = new Set<string>();
  (facts.participants ?? []).forEach((participant, index) => {
    const organisationId = participant.organisationId.toLowerCase();
    if (seen.has(organisationId)) {
      errors.push({
        field: `body.participants.${index}.organisationId`,
        code: 'activity.participant_repeated',
        message: 'An organisation takes part in an activity only once; give it its main role.',
      });
    }
    seen.add(organisationId);
  });
  return errors;
}
