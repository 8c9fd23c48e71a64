/**
 * Who is acting. Services take an actor rather than an HTTP request, so the CLI, jobs and routes share
 * them. Until accounts exist (issue 5) every HTTP caller is `public` and the CLI and demo loader act as
 * `system`.
 */
export type Actor = { kind: 'system'; name: string } | { kind: 'public' };

export const systemActor = (name: string): Actor => ({ kind: 'system', name });
export const publicActor: Actor = { kind: 'public' };
