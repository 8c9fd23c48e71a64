import type { Policy } from '../../platform/http/access-control.js';
import { writersOfNew, writersOfRecord } from '../access/access.policies.js';
import type { AccessService } from '../access/access.service.js';
import type { Activity, ActivityCreate, ActivityUpdate } from './activities.schemas.js';
import type { ActivitiesService } from './activities.service.js';

/** The roles that make a participant one of an activity's organisers. */
const organiserRoles: ReadonlySet<string> = new Set(['organiser', 'host']);

const organisersOf = (participants: readonly { organisationId: string; role: string }[] | undefined) =>
  (participants ?? [])
    .filter((participant) => organiserRoles.has(participant.role))
    .map((participant) => participant.organisationId);

const organisersOfActivity = (activity: Activity) =>
  organisersOf(
    activity.participants.map((participant) => ({
      organisationId: participant.organisation.id,
      role: participant.role,
    })),
  );

/**
 * Who may write activities: the writers of an organiser (a participant that organises or hosts it). An
 * activity with no organiser only administrators write; a change must leave an organiser the writer
 * writes for.
 */
export function activityPolicies({
  access,
  activities,
}: {
  access: AccessService;
  activities: ActivitiesService;
}) {
  const load = ({ actor, request }: Parameters<Policy>[0]) =>
    activities.get(actor, (request.params as { id: string }).id);
  return {
    create: writersOfNew(access, (request) => organisersOf((request.body as ActivityCreate).participants)),
    update: writersOfRecord(access, {
      entity: 'activity',
      load,
      organisationsOf: organisersOfActivity,
      organisationsAfter: (activity, request) => {
        const { participants } = request.body as ActivityUpdate;
        return participants ? organisersOf(participants) : organisersOfActivity(activity);
      },
    }),
    remove: writersOfRecord(access, { entity: 'activity', load, organisationsOf: organisersOfActivity }),
  };
}
