import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { createServer } from '../../server.js';

/** A fake web build: index.html and one hashed asset. */
function makeWebBuild(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pobratim-web-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><title>Pobratim</title><div id="root"></div>',
  );
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log("app");');
  fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

describe('the web application', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    root = makeWebBuild();
    app = await createServer({ database, webRoot: root });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / without caching', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it('answers a deep link with index.html so the app can route it', async () => {
    const response = await app.inject({ url: '/organisations/vienna?tab=partnerships' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it('serves hashed assets as JavaScript, cached for good', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves a file added to the build after the start', async () => {
    fs.writeFileSync(path.join(root, 'assets', 'late-def456.js'), 'export {};');
    const response = await app.inject({ url: '/assets/late-def456.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404, not index.html, for a missing file', async () => {
    const response = await app.inject({ url: '/assets/missing-000.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('still answers problem details for an unknown API route', async () => {
    const response = await app.inject({ url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'route.not_found' });
  });

  it('keeps serving the API and its documents', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
  });

  it('refuses paths that climb out of the build', async () => {
    const response = await app.inject({ url: '/assets/..%2f..%2fpackage.json' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.body).not.toContain('"name"');
  });
});

describe('the web application before it is built', () => {
  it('says at / that it is not built and where the API is', async () => {
    const database = await createTestDatabase();
    const app = await createServer({ database, webRoot: path.join(os.tmpdir(), 'pobratim-no-web-build') });
    try {
      const response = await app.inject({ url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('not built');
      expect(response.body).toContain('/api/docs');
      expect((await app.inject({ url: '/api/no-such-thing' })).statusCode).toBe(404);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
