import type { Policy } from '../../platform/http/access-control.js';
import { writersOfRecord } from '../access/access.policies.js';
import {
  administrators,
  coordinatorsAndAdministrators,
  type AccessService,
} from '../access/access.service.js';
import type { OrganisationsService } from './organisations.service.js';

/**
 * Who may write organisations: administrators and coordinators add them (an association registers its
 * members); an organisation's writers change it (its editors, the coordinators of an association it is a
 * member of); only administrators delete one, with everything tied to it.
 */
export function organisationPolicies({
  access,
  organisations,
}: {
  access: AccessService;
  organisations: OrganisationsService;
}) {
  return {
    create: coordinatorsAndAdministrators,
    update: writersOfRecord(access, {
      entity: 'organisation',
      load: ({ actor, request }: Parameters<Policy>[0]) =>
        organisations.get(actor, (request.params as { id: string }).id),
      organisationsOf: (organisation) => [organisation.id],
    }),
    remove: administrators,
  };
}
