/**
 * The one way the web application talks to the server: a typed client generated from the OpenAPI document
 * (`npm run generate:client` rewrites schema.d.ts). Query and mutation hooks live beside it, one file per
 * resource, and call the API only through `api` and `unwrap`.
 */
import createClient from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** The query parameters of an operation, e.g. `QueryOf<'listOrganisations'>`. */
export type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

/** The JSON body of an operation's 200 answer, e.g. `ResultOf<'listOrganisations'>`. */
export type ResultOf<K extends keyof operations> = operations[K]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;

/** The JSON body an operation takes, e.g. `BodyOf<'signIn'>`. */
export type BodyOf<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export const api = createClient<paths>({ baseUrl: '' });

/** A failed API call, carrying the RFC 9457 problem details the server answered with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    /** How long the server asks to wait before trying again (`Retry-After` of a 429), in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem?.detail ?? `The server answered ${status}.`);
    this.name = 'ApiError';
  }

  /** Whether the record asked for does not exist. */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Whether the request needs a signed-in user (401, e.g. `auth.required`, or a session that ended). */
  get isSignInNeeded(): boolean {
    return this.status === 401;
  }

  /** Whether the signed-in user may not do this (403 `access.denied`). */
  get isForbidden(): boolean {
    return this.status === 403;
  }
}

/** The seconds of a `Retry-After` header: a number of seconds or an HTTP date. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'detail' in value;
}

/** The data of an openapi-fetch answer, or an ApiError with the problem details. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw new ApiError(response.status, isProblem(error) ? error : undefined, retryAfter(response));
  }
  // A 204 (delete) has no body: its data is undefined, as its type says.
  return data as T;
}
