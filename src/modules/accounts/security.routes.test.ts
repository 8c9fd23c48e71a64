import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieOf, signInThroughApi, tokenFromLink } from '../../../test/accounts.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { createServer } from '../../server.js';
import { createServices } from '../../services.js';
import { systemActor } from '../../platform/actor.js';
import { createLogger } from '../../platform/logger.js';
import { createMailer } from '../../platform/mail.js';

/** A server with a real logger whose lines the test keeps, and a web app build of one page. */
let server: FastifyInstance;
let database: TestDatabase;
let outboxDir: string;
let webRoot: string;
const logLines: string[] = [];
const email = 'Jelena.Jovanovic@example.org';
const password = 'jelena secret passphrase';

beforeAll(async () => {
  outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-outbox-'));
  webRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-web-'));
  await fs.writeFile(
    path.join(webRoot, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
  );
  database = await createTestDatabase();
  const services = createServices(database, {
    mailer: createMailer({ outboxDir, from: 'Pobratim <no-reply@pobratim.test>' }),
    publicUrl: 'http://localhost:3000',
  });
  await services.accounts.createUser(systemActor('test'), { email, password, admin: true, grants: [] });
  server = await createServer({
    database,
    services,
    webRoot,
    logger: createLogger('trace', { write: (line: string) => void logLines.push(line) }),
  });
});
afterAll(async () => {
  await server.close();
  await database.close();
  await fs.rm(outboxDir, { recursive: true, force: true });
  await fs.rm(webRoot, { recursive: true, force: true });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy the web app works with, frame denial and nosniff on every answer', async () => {
    for (const url of ['/', '/organisations/zagreb', '/api/health', '/api/session', '/api/no-such-route']) {
      const response = await server.inject({ url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("child-src 'self' blob:");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      // Plain http on this machine: no HSTS, no upgrading (that would break http://localhost).
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('refuses request bodies over 1 MiB with a problem document', async () => {
    // A route anyone may write: elsewhere an anonymous caller gets 401 before the body is read.
    const response = await server.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers an anonymous oversized write to a route that needs an account with 401', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ notes: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('logs', () => {
  it('hold no password, token, cookie, CSRF token or email, even for links with tokens', async () => {
    const wrong = await server.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password: 'a wrong passphrase 123' },
    });
    expect(wrong.statusCode).toBe(401);
    const { response, client } = await signInThroughApi(server, { email, password });
    const sessionToken = sessionCookieOf(response)!.value;
    await client!.inject({ url: `/api/users?email=${encodeURIComponent(email)}` });
    await client!.inject({ method: 'POST', url: '/api/account/two-factor' });
    expect(
      (await server.inject({ method: 'POST', url: '/api/password-reset', payload: { email } })).statusCode,
    ).toBe(202);
    let resetToken: string | undefined;
    for (let attempt = 0; attempt < 200 && !resetToken; attempt += 1) {
      const mails = (await client!.inject({ url: '/api/outbox' })).json().items as { text: string }[];
      if (mails[0]) resetToken = tokenFromLink(mails[0].text, 'reset-password');
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(resetToken).toBeDefined();
    // The page the reset link opens: the token is in its URL.
    expect((await server.inject({ url: `/reset-password?token=${resetToken}` })).statusCode).toBe(200);

    const log = logLines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain('/reset-password?token=[redacted]');
    for (const secret of [
      password,
      'a wrong passphrase 123',
      sessionToken,
      client!.csrfToken,
      resetToken!,
      email,
      email.toLowerCase(),
      encodeURIComponent(email),
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
