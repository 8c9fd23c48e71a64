/**
 * What the interface offers to whom. The server decides every write and answers 401 or 403 anyway; these
 * rules only spare readers buttons that would be refused. An editor acts for the organisations of its
 * grants; an association's coordinator also for the association's current members, which the session does
 * not list: for them the rules read the write scope the server computes (`GET /api/access/write-scope`).
 */

/** The part of a signed-in user the rules read. */
export interface Permissions {
  admin: boolean;
  grants: readonly { organisationId: string; role: string }[];
}

const writingRoles = new Set(['editor', 'coordinator']);

/**
 * Whether the user may change records of at least one of these organisations (a party to the record).
 * `writeScope` is the server's list of the organisations the user writes for, coordinated members
 * included; until it is known, a coordinator is offered only its own organisations.
 */
export function mayEditFor(
  user: Permissions | null,
  organisationIds: readonly string[],
  writeScope?: readonly string[],
): boolean {
  if (!user) return false;
  if (user.admin) return true;
  const isOwn = user.grants.some(
    (grant) => writingRoles.has(grant.role) && organisationIds.includes(grant.organisationId),
  );
  return isOwn || (writeScope?.some((id) => organisationIds.includes(id)) ?? false);
}

/** Whether the rules need the server's write scope: a coordinator acts for members the session omits. */
export function isCoordinator(user: Permissions | null): boolean {
  return user?.grants.some((grant) => grant.role === 'coordinator') ?? false;
}

/** Whether the user may record anything at all: an administrator, an editor or a coordinator. */
export function mayRecord(user: Permissions | null): boolean {
  return user !== null && (user.admin || user.grants.some((grant) => writingRoles.has(grant.role)));
}

/** Whether the user administers the whole registry (users, settings, shared vocabularies). */
export function mayAdminister(user: Permissions | null): boolean {
  return user?.admin === true;
}
