import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.js';
import type { Client } from './auth.js';

/**
 * The audit trail's acceptance check, run on every write request of every route test: a successful write
 * (2xx) must leave at least one audit event with its request id, a refused one (4xx, 5xx) none. The
 * server names each request in the `x-request-id` header; the audit trigger stores the same id.
 */

export interface Exemption {
  method: string;
  path: RegExp;
  /** Only answers with this status are exempt; any 2xx when absent. */
  status?: number;
  why: string;
}

/**
 * Successful writes that may leave no audit event. Keep this list short: each entry says why the route
 * changes no audited table.
 */
export const unauditedWrites: readonly Exemption[] = [
  {
    method: 'POST',
    path: /^\/api\/session$/,
    why: 'Signing in opens a session; sessions are not registry data and are not audited.',
  },
  {
    method: 'DELETE',
    path: /^\/api\/session$/,
    why: 'Signing out ends a session; sessions are not audited.',
  },
  {
    method: 'POST',
    path: /^\/api\/password-reset$/,
    why: 'Asking for a password reset only stores a one-time token (not audited) and sends a mail.',
  },
  {
    method: 'POST',
    path: /^\/api\/places\/[^/]+\/organisation$/,
    status: 200,
    why: 'The place already has its authority organisation, which is returned unchanged.',
  },
  {
    method: 'POST',
    path: /^\/api\/admin\/backup$/,
    why: 'Making a backup reads the whole database in one snapshot and changes nothing (it is logged).',
  },
  {
    method: 'POST',
    path: /^\/api\/notifications\/([^/]+\/)?read$/,
    why: "Marking notifications read changes only the user's own notices, which are not registry data.",
  },
];

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function pathOf(request: InjectOptions): string {
  const url = request.url ?? request.path ?? '/';
  const text = typeof url === 'string' ? url : (url.pathname ?? '/');
  return text.split('?')[0]!;
}

export interface AuditCheck {
  /** The same client, whose write requests are checked. */
  watch<C extends Client>(client: C): C;
  /** What went wrong so far, one line per request. */
  violations: string[];
}

export function createAuditCheck(
  database: Database,
  exemptions: readonly Exemption[] = unauditedWrites,
): AuditCheck {
  const violations: string[] = [];

  async function check(request: InjectOptions, response: LightMyRequestResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const path = pathOf(request);
    if (!writeMethods.has(method) || !path.startsWith('/api/')) return;
    const requestId = response.headers['x-request-id'];
    const status = response.statusCode;
    const label = `${method} ${path} → ${status}`;
    if (typeof requestId !== 'string') {
      violations.push(`${label}: the answer has no x-request-id header`);
      return;
    }
    const { count } = await sql<{ count: number }>`
      select count(*)::int as count from audit_events where request_id = ${requestId}`
      .execute(database.db)
      .then((result) => result.rows[0]!);
    if (status >= 400 && count > 0) {
      violations.push(`${label}: a refused write left ${count} audit event(s)`);
    } else if (status >= 200 && status < 300 && count === 0) {
      const exempt = exemptions.some(
        (exemption) =>
          exemption.method === method &&
          exemption.path.test(path) &&
          (exemption.status === undefined || exemption.status === status),
      );
      if (!exempt) violations.push(`${label}: a successful write left no audit event`);
    }
  }

  return {
    violations,
    watch(client) {
      return {
        ...client,
        async inject(request: InjectOptions) {
          const response = await client.inject(request);
          await check(request, response);
          return response;
        },
      };
    },
  };
}
