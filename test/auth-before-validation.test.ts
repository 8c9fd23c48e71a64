import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/platform/actor.js';
import { guardOf, routeTable, writeMethods, type RouteEntry } from '../src/platform/http/access-control.js';
import { makeOrganisation } from './factories.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Who is calling is settled before what they sent: over the whole route table, an anonymous write gets
 * 401 and a caller without the route's role 403, whatever the body (none, malformed, wrong type,
 * oversized). Only then does the schema answer 400.
 */

/** The writes anyone may make: signing in and out, and the links people get by mail. */
const anonymousWrites = new Set([
  'POST /api/session',
  'DELETE /api/session',
  'POST /api/password-reset',
  'POST /api/password-reset/complete',
  'POST /api/invitations/accept',
]);

const someId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** Bodies of every kind a stranger might send. */
const bodies: { name: string; request: Partial<InjectOptions> }[] = [
  { name: 'no body', request: {} },
  { name: 'an empty object', request: { payload: {} } },
  {
    name: 'malformed JSON',
    request: { payload: '{"name": ', headers: { 'content-type': 'application/json' } },
  },
  { name: 'a list instead of an object', request: { payload: [1, 2, 3] } },
  { name: 'unknown fields', request: { payload: { unexpected: true, version: 'x' } } },
  {
    name: 'plain text',
    request: { payload: 'hello', headers: { 'content-type': 'text/plain' } },
  },
  {
    name: 'a body over the size limit',
    request: {
      payload: `{"name":"${'x'.repeat(2 * 1024 * 1024)}"}`,
      headers: { 'content-type': 'application/json' },
    },
  },
];

/** The route's path with an id in each parameter. */
const pathOf = (url: string) => url.replace(/:[A-Za-z]+/g, someId);

let t: TestApp;
let writes: RouteEntry[];

beforeAll(async () => {
  t = await createTestApp();
  writes = routeTable(t.server).filter((route) => writeMethods.has(route.method));
});

afterAll(async () => {
  await t.close();
});

describe('authentication before validation', () => {
  it('lists the anonymous writes the server has, and the server has them all', () => {
    const routes = new Set(writes.map((route) => `${route.method} ${route.url}`));
    for (const route of anonymousWrites) expect(routes, route).toContain(route);
    expect(writes.length).toBeGreaterThan(40);
  });

  it('answers 401 auth.required to an anonymous write of any body on every route that needs an account', async () => {
    const wrong: string[] = [];
    for (const route of writes) {
      const name = `${route.method} ${route.url}`;
      if (anonymousWrites.has(name)) continue;
      for (const body of bodies) {
        const response = await t.server.inject({
          method: route.method as InjectOptions['method'],
          url: pathOf(route.url),
          ...body.request,
        });
        const code = (response.json() as { code?: string }).code;
        if (response.statusCode !== 401 || code !== 'auth.required') {
          wrong.push(`${name} with ${body.name}: ${response.statusCode} ${code ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets the anonymous writes through to validation', async () => {
    for (const name of anonymousWrites) {
      const [method, url] = name.split(' ') as [InjectOptions['method'], string];
      if (method === 'DELETE') continue;
      const response = await t.server.inject({ method, url, payload: { unexpected: true } });
      expect(response.statusCode, name).toBe(400);
    }
  });

  it('answers 403 to a signed-in caller without the role, whatever the body, before the schema', async () => {
    const viewed = await makeOrganisation(t.app);
    const viewer = await t.signIn({ grants: [{ organisationId: viewed.id, role: 'viewer' }] });
    const refused = writes.filter(
      (route) => route.policy && !guardOf(route.policy)(viewerActor(viewer.userId, viewed.id)),
    );
    // Viewers write nothing of the registry; each of these routes has a role guard they fail.
    expect(refused.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const route of refused) {
      for (const body of bodies) {
        const response = await viewer.inject({
          method: route.method as InjectOptions['method'],
          url: pathOf(route.url),
          ...body.request,
          headers: { ...viewer.headers, ...body.request.headers },
        });
        const code = (response.json() as { code?: string }).code;
        if (response.statusCode !== 403 || code !== 'access.denied') {
          wrong.push(`${route.method} ${route.url} with ${body.name}: ${response.statusCode} ${code ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 auth.csrf_invalid to a signed-in write without the CSRF token, whatever the body', async () => {
    const response = await t.server.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: t.app.headers.cookie!, 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.csrf_invalid' });
  });

  it('still validates a signed-in writer’s body with field errors', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/organisations', payload: { kind: 7 } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation.failed' });
  });

  it('answers 404 to a write on a path the server does not have, signed in or not', async () => {
    const response = await t.server.inject({ method: 'POST', url: '/api/no-such-thing', payload: {} });
    expect(response.statusCode).toBe(404);
  });
});

/** The actor a viewer's session resolves to, for asking each route's guard. */
function viewerActor(userId: string, organisationId: string): Actor {
  return {
    kind: 'user',
    userId,
    admin: false,
    grants: [{ organisationId, role: 'viewer' }],
    sessionId: 'unused',
  };
}
