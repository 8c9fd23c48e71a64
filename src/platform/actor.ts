/**
 * Who is acting. Services take an actor rather than an HTTP request, so the CLI, jobs and routes share
 * them. HTTP requests get theirs from the session cookie (anonymous callers are `public`); the CLI, jobs
 * and the demo loader act as `system`.
 */

/** What a user may do for one organisation. An association's coordinator also acts for its members. */
export type OrganisationRole = 'coordinator' | 'editor' | 'viewer';

export const organisationRoles: readonly OrganisationRole[] = ['coordinator', 'editor', 'viewer'];

export interface OrganisationGrant {
  organisationId: string;
  role: OrganisationRole;
}

export interface UserActor {
  kind: 'user';
  userId: string;
  /** Administrators may do everything. */
  admin: boolean;
  grants: OrganisationGrant[];
  sessionId: string;
  requestId?: string | undefined;
}

export interface SystemActor {
  kind: 'system';
  /** What is acting: `cli`, `demo`, `serve`, a job's name. */
  name: string;
}

export interface PublicActor {
  kind: 'public';
  requestId?: string | undefined;
}

export type Actor = SystemActor | PublicActor | UserActor;

export const systemActor = (name: string): Actor => ({ kind: 'system', name });
export const publicActor: Actor = { kind: 'public' };

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.admin);
}

/** A short, non-personal description of the actor for audit events and logs: never an email or a name. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'system':
      return `system:${actor.name}`;
    case 'public':
      return 'public';
    case 'user':
      return `user:${actor.userId}`;
  }
}
