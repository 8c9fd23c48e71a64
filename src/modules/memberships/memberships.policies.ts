import type { Policy } from '../../platform/http/access-control.js';
import { writersOfNew, writersOfRecord } from '../access/access.policies.js';
import type { AccessService } from '../access/access.service.js';
import type { Membership, MembershipCreate, MembershipUpdate } from './memberships.schemas.js';
import type { MembershipsService } from './memberships.service.js';

const partiesOf = (membership: Membership) => [membership.member.id, membership.organisation.id];

/**
 * Who may write memberships: the writers of either party, the member or the network (its
 * secretariat). Either party records (claims) a membership; a change must leave it with a party the
 * writer writes for.
 */
export function membershipPolicies({
  access,
  memberships,
}: {
  access: AccessService;
  memberships: MembershipsService;
}) {
  const load = ({ actor, request }: Parameters<Policy>[0]) =>
    memberships.get(actor, (request.params as { id: string }).id);
  const ofEitherParty: Policy = writersOfRecord(access, {
    entity: 'membership',
    load,
    organisationsOf: partiesOf,
  });
  return {
    create: writersOfNew(access, (request) => {
      const body = request.body as MembershipCreate;
      return [body.memberId, body.organisationId];
    }),
    update: writersOfRecord(access, {
      entity: 'membership',
      load,
      organisationsOf: partiesOf,
      organisationsAfter: (membership, request) => {
        const body = request.body as MembershipUpdate;
        return [body.memberId ?? membership.member.id, body.organisationId ?? membership.organisation.id];
      },
    }),
    remove: ofEitherParty,
    /** Confirming and disputing: a party's writers; the service refuses the claiming party. */
    answer: ofEitherParty,
  };
}
