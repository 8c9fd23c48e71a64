import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { requestLimits } from './request-limits.js';

/**
 * Oversized and malformed requests over real TCP (413, 414 and 431 and resets only show there): each is
 * answered with a problem document, and the connection is not reset under the client.
 */
let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  await t.server.listen({ host: '127.0.0.1', port: 0 });
  port = (t.server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await t.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  problem: { code?: string; status?: number };
}

/** Reads HTTP answers from a socket, one at a time. */
function answers(socket: net.Socket) {
  let buffered = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    wake?.();
  });
  socket.on('close', () => wake?.());
  return async function next(): Promise<RawAnswer> {
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end >= 0) {
        const head = buffered.subarray(0, end).toString('latin1').split('\r\n');
        const headers = Object.fromEntries(
          head
            .slice(1)
            .map((line) => [
              line.slice(0, line.indexOf(':')).toLowerCase(),
              line.slice(line.indexOf(':') + 1).trim(),
            ]),
        );
        const length = Number(headers['content-length']);
        if (buffered.length >= end + 4 + length) {
          const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
          buffered = buffered.subarray(end + 4 + length);
          return {
            status: Number(head[0]!.split(' ')[1]),
            headers,
            problem: JSON.parse(body) as RawAnswer['problem'],
          };
        }
      }
      if (socket.destroyed) throw new Error(`connection closed, no answer (${buffered.length} bytes)`);
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
}

function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

const health = 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n';

describe('request limits', () => {
  it('answers a body over 1 MiB with 413 while it is still being sent, and keeps the connection', async () => {
    const socket = await connect();
    const next = answers(socket);
    const body = Buffer.alloc(3 * 1024 * 1024, 'x');
    socket.write(
      `POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\n\r\n`,
    );
    const answer = next();
    for (let offset = 0; offset < body.length; offset += 64 * 1024)
      socket.write(body.subarray(offset, offset + 64 * 1024));
    const tooLarge = await answer;
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooLarge.problem.code).toBe('request.body_too_large');
    expect(tooLarge.headers.connection).not.toBe('close');
    // The rest of the body was read and dropped: the same connection answers the next request.
    socket.write(health);
    expect((await next()).status).toBe(200);
    socket.destroy();
  });

  it('answers a URL over the limit with 414, whether or not the URL fits the parser', async () => {
    for (const length of [requestLimits.url + 10, 100_000]) {
      const socket = await connect();
      const next = answers(socket);
      socket.write(`GET /api/organisations?name=${'x'.repeat(length)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      const answer = await next();
      expect([answer.status, answer.problem.code, answer.problem.status]).toEqual([
        414,
        'request.uri_too_long',
        414,
      ]);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      socket.destroy();
    }
  });

  it('answers a path segment over 100 characters with 414', async () => {
    // (A GET of one is 404 instead: the web application's catch-all route takes what the API's do not.)
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/interests/${'x'.repeat(101)}/withdraw`,
    });
    expect([response.statusCode, response.json().code]).toEqual([414, 'request.uri_too_long']);
  });

  it('answers headers over 16 KiB with 431 and closes the connection, so no client reuses it', async () => {
    const socket = await connect();
    const next = answers(socket);
    socket.write(
      `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'h'.repeat(requestLimits.head)}\r\n\r\n`,
    );
    const answer = await next();
    expect([answer.status, answer.problem.code]).toEqual([431, 'request.headers_too_large']);
    expect(answer.headers.connection).toBe('close');
    expect(answer.headers['content-type']).toBe('application/problem+json');
    socket.destroy();
  });

  it('answers what is not HTTP, or has no Host, with a 400 problem', async () => {
    for (const [request, code] of [
      ['BREW /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n', 'request.malformed'],
      [
        'POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
        'request.malformed',
      ],
      ['GET /api/health HTTP/1.1\r\n\r\n', 'request.host_required'],
      ['GET /api/organisations/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n', 'request.bad_url'],
    ] as const) {
      const socket = await connect();
      const next = answers(socket);
      socket.write(request);
      const answer = await next().finally(() => socket.destroy());
      expect([answer.status, answer.problem.code], request).toEqual([400, code]);
    }
  });

  it('refuses numbers past PostgreSQL integers, and NUL characters, with 400 rather than failing in SQL', async () => {
    for (const url of [
      '/api/places/99999999999999999999',
      '/api/programmes?page=9223372036854775808',
      '/api/sources?page=9223372036854775808',
      '/api/users?page=9223372036854775808',
      '/api/organisations/a%00b',
    ]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(400);
    }
    const place = await t.app.inject({
      method: 'POST',
      url: '/api/places/99999999999999999999/organisation',
    });
    expect(place.statusCode).toBe(400);
    const organisation = await makeOrganisation(t.app);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"version": 99999999999999999999}',
    });
    expect(stale.statusCode).toBe(400);
  });

  it('checks the items of an array only within its maxItems, so a huge one is refused at once', async () => {
    const owner = await makeOrganisation(t.app);
    const started = performance.now();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/initiatives',
      payload: {
        ownerOrganisationId: owner.id,
        title: { en: 'Huge' },
        partnerKinds: new Array(300_000).fill(1),
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'body.partnerKinds', code: 'validation.maxItems' }),
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
