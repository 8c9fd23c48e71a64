import type { Policy } from '../../platform/http/access-control.js';
import { writersOfNew, writersOfRecord } from '../access/access.policies.js';
import type { AccessService } from '../access/access.service.js';
import type { ProgrammeCreate, ProgrammeUpdate } from './programmes.schemas.js';
import type { ProgrammesService } from './programmes.service.js';

/** Who may write annual programmes: the writers of the organisation whose programme it is. */
export function programmePolicies({
  access,
  programmes,
}: {
  access: AccessService;
  programmes: ProgrammesService;
}) {
  const load = ({ actor, request }: Parameters<Policy>[0]) =>
    programmes.get(actor, (request.params as { id: string }).id);
  return {
    create: writersOfNew(access, (request) => [(request.body as ProgrammeCreate).organisationId]),
    update: writersOfRecord(access, {
      entity: 'programme',
      load,
      organisationsOf: (programme) => [programme.organisation.id],
      organisationsAfter: (programme, request) => [
        (request.body as ProgrammeUpdate).organisationId ?? programme.organisation.id,
      ],
    }),
    remove: writersOfRecord(access, {
      entity: 'programme',
      load,
      organisationsOf: (programme) => [programme.organisation.id],
    }),
  };
}
