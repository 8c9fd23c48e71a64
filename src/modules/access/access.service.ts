import { isAdmin, type Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { guarded, type Policy } from '../../platform/http/access-control.js';

/** The organisations an actor may write for: `all` for administrators and the system. */
export type WriteScope = 'all' | ReadonlySet<string>;

/** Membership states that let an association's coordinator act for the member. */
const trustedMemberships = ['confirmed', 'reported_by_source'] as const;

/**
 * The organisations an actor writes for, read through `db` (pass the transaction a service runs in).
 * An editor acts for the organisations it has the editor role in; a coordinator of an association acts
 * for the association and for every organisation that is a current member of it. A membership counts
 * only once the member confirmed it (or a source reported it): otherwise a coordinator could claim any
 * city as a member and so write for it.
 */
export async function findWriteScope(db: Executor, actor: Actor): Promise<WriteScope> {
  if (actor.kind === 'system') return 'all';
  if (actor.kind !== 'user') return new Set();
  if (actor.admin) return 'all';
  const scope = new Set<string>();
  const coordinated: string[] = [];
  for (const grant of actor.grants) {
    if (grant.role === 'editor' || grant.role === 'coordinator') scope.add(grant.organisationId);
    if (grant.role === 'coordinator') coordinated.push(grant.organisationId);
  }
  if (coordinated.length > 0) {
    const members = await db
      .selectFrom('memberships')
      .select('memberId')
      .where('organisationId', 'in', coordinated)
      .where('until', 'is', null)
      .where('confirmation', 'in', trustedMemberships)
      .execute();
    for (const member of members) scope.add(member.memberId);
  }
  return scope;
}

/**
 * Who may act for which organisation. Viewers and anonymous callers act for none. Inside a transaction,
 * pass it as `db`: on the embedded database a query outside an open transaction waits for it forever.
 */
export function createAccessService(database: Database) {
  function writeScope(actor: Actor, db: Executor = database.db): Promise<WriteScope> {
    return findWriteScope(db, actor);
  }

  /** The organisations whose non-public records the actor may read (its roles, viewers included). */
  function readScope(actor: Actor): 'all' | ReadonlySet<string> {
    if (actor.kind === 'system' || (actor.kind === 'user' && actor.admin)) return 'all';
    if (actor.kind !== 'user') return new Set();
    return new Set(actor.grants.map((grant) => grant.organisationId));
  }

  async function canWriteFor(actor: Actor, organisationId: string, db?: Executor): Promise<boolean> {
    const scope = await writeScope(actor, db);
    return scope === 'all' || scope.has(organisationId.toLowerCase());
  }

  /** Whether the actor acts for at least one of these organisations (a party to a relation). */
  async function canWriteForAny(
    actor: Actor,
    organisationIds: readonly string[],
    db?: Executor,
  ): Promise<boolean> {
    const scope = await writeScope(actor, db);
    return scope === 'all' || organisationIds.some((id) => scope.has(id.toLowerCase()));
  }

  return { writeScope, readScope, canWriteFor, canWriteForAny };
}

export type AccessService = ReturnType<typeof createAccessService>;

/** Whether the actor may write anything at all: the system, an administrator, an editor or a coordinator. */
export function isWriter(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.admin || actor.grants.some((grant) => grant.role !== 'viewer');
}

/** Policies that need no record: use them in route `config: { policy }`. */
export const anyone: Policy = guarded(() => true);
export const signedIn: Policy = guarded((actor) => actor.kind === 'user');
export const administrators: Policy = guarded(isAdmin);
/** Administrators and anyone with an editor or coordinator role (viewers are not writers). */
export const editorsAndCoordinators: Policy = guarded(isWriter);
/** Administrators and the coordinators of associations. */
export const coordinatorsAndAdministrators: Policy = guarded(
  (actor) =>
    actor.kind === 'system' ||
    (actor.kind === 'user' && (actor.admin || actor.grants.some((grant) => grant.role === 'coordinator'))),
);
