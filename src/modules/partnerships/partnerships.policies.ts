import type { Policy } from '../../platform/http/access-control.js';
import { writersOfNew, writersOfRecord } from '../access/access.policies.js';
import type { AccessService } from '../access/access.service.js';
import type { Partnership, PartnershipCreate, PartnershipUpdate } from './partnerships.schemas.js';
import type { PartnershipsService } from './partnerships.service.js';

const sidesOf = (partnership: Partnership) => [partnership.organisationA.id, partnership.organisationB.id];

/**
 * Who may write partnerships: the writers of either side. Either side records (claims) a partnership
 * with any organisation; a change must leave it with a side the writer writes for.
 */
export function partnershipPolicies({
  access,
  partnerships,
}: {
  access: AccessService;
  partnerships: PartnershipsService;
}) {
  const load = ({ actor, request }: Parameters<Policy>[0]) =>
    partnerships.get(actor, (request.params as { id: string }).id);
  const ofEitherSide: Policy = writersOfRecord(access, {
    entity: 'partnership',
    load,
    organisationsOf: sidesOf,
  });
  return {
    create: writersOfNew(access, (request) => {
      const body = request.body as PartnershipCreate;
      return [body.organisationAId, body.organisationBId];
    }),
    update: writersOfRecord(access, {
      entity: 'partnership',
      load,
      organisationsOf: sidesOf,
      organisationsAfter: (partnership, request) => {
        const body = request.body as PartnershipUpdate;
        return [
          body.organisationAId ?? partnership.organisationA.id,
          body.organisationBId ?? partnership.organisationB.id,
        ];
      },
    }),
    remove: ofEitherSide,
    /** Confirming and disputing: a side's writers; the service refuses the claiming side. */
    answer: ofEitherSide,
  };
}
