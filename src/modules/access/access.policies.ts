import type { FastifyRequest } from 'fastify';
import { staleVersion } from '../../platform/errors.js';
import { guarded, type Policy, type PolicyContext } from '../../platform/http/access-control.js';
import { isWriter, type AccessService } from './access.service.js';

/**
 * Builders of the policies of write routes that depend on a record: who may write is whoever writes
 * for one of the organisations the record (or the new record, in the body) names.
 */

type Organisations = readonly (string | null | undefined)[];

function present(ids: Organisations): string[] {
  return ids.filter((id): id is string => typeof id === 'string');
}

/** A policy for a new record: the actor writes for at least one of the organisations the body names. */
export function writersOfNew(
  access: AccessService,
  organisationsOf: (request: FastifyRequest) => Organisations,
): Policy {
  return guarded(isWriter, async ({ actor, request }) => {
    if (!isWriter(actor)) return false;
    return access.canWriteForAny(actor, present(organisationsOf(request)));
  });
}

export interface RecordPolicy<R extends { version: number }> {
  /** The entity's name in error codes: `partnership` gives `partnership.version_conflict`. */
  entity: string;
  /** Loads the record the request is about; throws 404 when there is none. */
  load(context: PolicyContext): Promise<R>;
  /** The organisations whose writers may write the record as it is (for this request). */
  organisationsOf(record: R, request: FastifyRequest): Organisations;
  /**
   * The organisations whose writers may write the record as the change would leave it. When given, the
   * actor must write for one of them too: an editor cannot hand a record over to two other organisations.
   */
  organisationsAfter?(record: R, request: FastifyRequest): Organisations;
}

/**
 * A policy for a write to a stored record. It also pins the version it decided on: a change must name
 * that version (else 409), and a deletion without a version gets it, so the write that follows applies
 * to the record the policy saw or fails as stale.
 */
export function writersOfRecord<R extends { version: number }>(
  access: AccessService,
  spec: RecordPolicy<R>,
): Policy {
  return guarded(isWriter, async (context) => {
    const { actor, request } = context;
    // Anonymous callers and viewers are refused before anything is read: no 404 tells them what exists.
    if (!isWriter(actor)) return false;
    const record = await spec.load(context);
    if (!(await access.canWriteForAny(actor, present(spec.organisationsOf(record, request))))) return false;
    if (spec.organisationsAfter) {
      const after = present(spec.organisationsAfter(record, request));
      if (!(await access.canWriteForAny(actor, after))) return false;
    }
    pinVersion(spec.entity, request, record.version);
    return true;
  });
}

/** Makes the write that follows apply to `version` of the record, or fail with 409. */
export function pinVersion(entity: string, request: FastifyRequest, version: number): void {
  const body = request.body as { version?: unknown } | undefined | null;
  if (body && typeof body === 'object' && typeof body.version === 'number') {
    if (body.version !== version) throw staleVersion(entity, body.version, version);
    return;
  }
  const query = request.query as { version?: unknown } | undefined | null;
  if (request.method === 'DELETE' && query && typeof query === 'object') {
    if (query.version === undefined) query.version = version;
    else if (query.version !== version) throw staleVersion(entity, Number(query.version), version);
  }
}
