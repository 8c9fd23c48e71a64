import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSecuritySettings } from '../src/modules/accounts/accounts.repository.js';
import { compileRouteSchemas } from '../src/server.js';
import { makeAccount } from './accounts.js';
import { signInOverHttp } from './cli.js';
import {
  makeActivity,
  makeMembership,
  makeOrganisation,
  makePartnership,
  makeProgramme,
  makeProject,
  makeSource,
  makeTheme,
} from './factories.js';
import { writeFixtures } from './fixtures.js';
import { hostileRequest, sweepRequests, type Caller, type FuzzRequest, type IdPool } from './fuzz/hostile.js';
import { operationsOf, type OpenApiDocument, type Operation } from './fuzz/openapi.js';
import { derivedSeed, Random } from './fuzz/random.js';
import { send, type Outcome } from './fuzz/transport.js';
import { expressInterest, makeInitiative } from './initiative-factories.js';
import { fixturePlaces, insertFixturePlaces } from './places-fixture.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Hostile input never gets a 5xx. Every operation of the OpenAPI document gets hostile requests (malformed
 * JSON, wrong content types, wrong types per field, huge strings and arrays, deep nesting, unicode edge
 * cases, path ids of every shape, huge URLs and headers, numbers past every integer range) from three
 * callers: anonymous, an administrator and an editor, both signed in through the session API and sending
 * the CSRF token. Over real TCP, so that resets and oversized requests show as they would in production.
 *
 * FUZZ_SEED=n replays a run (the seed is printed), FUZZ_ONLY=i,j only the requests numbered so (each
 * failure prints its number), FUZZ_REQUESTS=n changes how many random requests it sends, FUZZ_MUTATIONS=a,b
 * limits them to those mutations (see test/fuzz/hostile.ts) and FUZZ_DEBUG=1 prints slow requests.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_251_207);
/** Random requests; the sweep (every hostile path id and number in every place that takes one) adds ~4,500. */
const randomRequests = Number(process.env.FUZZ_REQUESTS ?? 7_000);
const concurrency = 6;
const batchSize = 600;
/** An answer later than this is a hang. Generous: the machine is shared and PGlite is single-threaded. */
const timeoutMs = 30_000;

let t: TestApp;
let baseUrl: string;
let port: number;
let outboxDir: string;
let document: OpenApiDocument;
const pool: IdPool = { ids: {}, geonamesIds: fixturePlaces.map((place) => place.geonamesId) };
const accounts: { name: string; email: string; password: string; caller: Caller }[] = [];

beforeAll(async () => {
  outboxDir = await mkdtemp(path.join(os.tmpdir(), 'pobratim-fuzz-'));
  t = await createTestApp({ outboxDir });
  await writeFixtures(t.database, (db) => insertFixturePlaces(db));

  // Records for the path ids to hit real rows.
  const own = await makeOrganisation(t.app);
  const other = await makeOrganisation(t.app, { country: 'RS' });
  const network = await makeOrganisation(t.app, { kind: 'network', country: null });
  const membership = await makeMembership(t.app, own.id, network.id);
  const partnership = await makePartnership(t.app, own.id, other.id);
  const source = await makeSource(t.app);
  const theme = await makeTheme(t.app);
  const programme = await makeProgramme(t.app, own.id);
  const project = await makeProject(t.app, {
    partners: [
      { organisationId: own.id, role: 'lead' },
      { organisationId: other.id, role: 'partner' },
    ],
  });
  const activity = await makeActivity(t.app);
  const initiative = await makeInitiative(t.app, own.id);
  const interest = await expressInterest(t.app, initiative.id, other.id);
  const contact = await t.app.inject({
    method: 'POST',
    url: `/api/organisations/${own.id}/contacts`,
    payload: { name: 'Ana Fuzz', email: 'ana@example.org' },
  });
  expect(contact.statusCode, contact.body).toBe(201);

  const admin = await makeAccount(t, { admin: true });
  const editor = await makeAccount(t, { grants: [{ organisationId: own.id, role: 'editor' }] });
  const bystander = await makeAccount(t, { grants: [{ organisationId: other.id, role: 'viewer' }] });
  const notifications = await t.database.db.selectFrom('notifications').select('id').execute();

  pool.ids = {
    organisation: [own.id, own.slug, other.id, network.slug],
    membership: [membership.id],
    partnership: [partnership.id],
    project: [project.id, project.slug],
    activity: [activity.id],
    programme: [programme.id],
    theme: [theme.id, theme.code],
    source: [source.id],
    contact: [(contact.json() as { id: string }).id],
    initiative: [initiative.id],
    interest: [interest.id],
    notification: notifications.map((row) => row.id),
    // Not the callers: an administrator's fuzzed change must not disable the accounts doing the fuzzing.
    user: [bystander.id],
  };

  await t.server.listen({ host: '127.0.0.1', port: 0 });
  port = (t.server.server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  await compileRouteSchemas(t.server);
  accounts.push(
    { name: 'anonymous', email: '', password: '', caller: { name: 'anonymous', headers: {} } },
    { name: 'administrator', ...admin, caller: { name: 'administrator', headers: {} } },
    { name: 'editor', ...editor, caller: { name: 'editor', headers: {} } },
  );
  for (const account of accounts.slice(1))
    account.caller.headers = await signInOverHttp(baseUrl, account.email, account.password);

  const response = await fetch(`${baseUrl}/api/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
});

afterAll(async () => {
  await t?.close();
  if (outboxDir) await rm(outboxDir, { recursive: true, force: true });
});

/**
 * Fuzzed requests of the signed-in callers may sign them out, throttle their sign-in (a wrong current
 * password counts as a failed sign-in) and an administrator's may make two-factor authentication
 * mandatory: put all back between batches, so that every batch fuzzes as all three.
 */
async function keepCallersSignedIn(): Promise<void> {
  await writeFixtures(t.database, (db) => writeSecuritySettings(db, { requireTwoFactor: false }));
  // Fuzzed password changes count as failed sign-ins of the callers; let them sign in again.
  await t.database.db.deleteFrom('loginFailures').execute();
  for (const account of accounts.slice(1)) {
    const response = await fetch(`${baseUrl}/api/session`, { headers: account.caller.headers });
    const session = (await response.json()) as { user: unknown };
    if (response.status !== 200 || !session.user)
      account.caller.headers = await signInOverHttp(baseUrl, account.email, account.password);
  }
}

interface Job {
  index: number;
  operation: Operation;
  account: (typeof accounts)[number];
  /** A request of the sweep, made in advance; random requests are made when sent, from their number. */
  made?: FuzzRequest;
}

interface Failure {
  request: FuzzRequest;
  outcome: Outcome;
  why: string;
}

/** What is wrong with an answer, if anything. */
function judge(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'answered') return outcome.kind;
  const status = outcome.status!;
  if (status >= 500) return `status ${status}`;
  if (status < 200 || (status >= 300 && status < 400)) return `status ${status}`;
  if (status >= 400) {
    if (!outcome.contentType?.startsWith('application/problem+json'))
      return `${status} with content-type ${JSON.stringify(outcome.contentType)}`;
    try {
      const problem = JSON.parse(outcome.body ?? '') as { code?: unknown; status?: unknown };
      if (typeof problem.code !== 'string') return `${status} problem without a code`;
      if (problem.status !== status) return `${status} problem says status ${String(problem.status)}`;
    } catch {
      return `${status} problem that is not JSON`;
    }
  }
  return undefined;
}

function brief(request: FuzzRequest): string {
  const target =
    request.target.length > 120
      ? `${request.target.slice(0, 100)}…(${request.target.length})`
      : request.target;
  const body = request.raw
    ? `raw ${request.raw.length} bytes`
    : request.body
      ? `${request.body.length}-byte body${request.chunked ? ' (chunked)' : ''} ${JSON.stringify(
          request.body.subarray(0, 60).toString('utf8'),
        )}`
      : 'no body';
  return `${request.description}\n    ${request.method} ${target} [${body}]`;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it('never answers 5xx, never hangs, never resets; every 4xx is a problem document; the server stays healthy', async () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(90);
    const perPair = Math.ceil(randomRequests / (operations.length * accounts.length));
    const jobs: Job[] = [];
    for (const operation of operations)
      for (const account of accounts)
        for (let repeat = 0; repeat < perPair; repeat += 1)
          jobs.push({ index: jobs.length, operation, account });
    const administrator = accounts[1]!;
    for (const [position, operation] of operations.entries()) {
      const made = sweepRequests({
        random: new Random(derivedSeed(seed, -1 - position)),
        document,
        pool,
        operation,
        caller: administrator.caller,
      });
      for (const request of made)
        jobs.push({ index: jobs.length, operation, account: administrator, made: request });
    }
    new Random(seed).shuffle(jobs);
    // FUZZ_ONLY=12,345 replays only those requests (their numbers are printed with each failure).
    const only = process.env.FUZZ_ONLY?.split(',').map(Number);
    if (only) jobs.splice(0, jobs.length, ...jobs.filter((job) => only.includes(job.index)));
    console.log(
      `fuzz: seed ${seed} (FUZZ_SEED to replay), ${jobs.length} requests, ${operations.length} operations × ` +
        `${accounts.length} callers, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
    );

    const agent = new http.Agent({ keepAlive: process.env.FUZZ_KEEPALIVE !== '0', maxSockets: concurrency });
    const target = { port, agent, timeoutMs };
    const statuses = new Map<number, number>();
    const failures: Failure[] = [];
    const counts = { answered: 0, hang: 0, reset: 0, error: 0 };
    let slowest = { ms: 0, description: '' };
    const started = performance.now();

    for (let offset = 0; offset < jobs.length; offset += batchSize) {
      await keepCallersSignedIn();
      const batch = jobs.slice(offset, offset + batchSize);
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const job = batch[next++]!;
          const request = job.made
            ? // The caller may have signed in again since the request was made.
              { ...job.made, headers: { ...job.made.headers, ...job.account.caller.headers } }
            : hostileRequest({
                random: new Random(derivedSeed(seed, job.index)),
                document,
                pool,
                operation: job.operation,
                caller: job.account.caller,
              });
          const outcome = await send(request, target);
          counts[outcome.kind] += 1;
          if (outcome.status !== undefined)
            statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, description: request.description };
          if (process.env.FUZZ_DEBUG && outcome.ms > 2_000)
            console.log(
              `DEBUG slow ${JSON.stringify({ ...outcome, body: undefined })}: #${job.index} ${brief(request)}`,
            );
          const why = judge(outcome);
          if (why)
            failures.push({
              request: { ...request, description: `#${job.index} ${request.description}` },
              outcome,
              why,
            });
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      if (process.env.FUZZ_DEBUG)
        console.log(`DEBUG batch at ${offset}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    agent.destroy();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    const health = await fetch(`${baseUrl}/api/health`);
    const fiveHundreds = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `fuzz: ${jobs.length} requests in ${seconds} s: ${fiveHundreds} 5xx, ${counts.hang} hangs, ` +
        `${counts.reset} resets, ${counts.error} client errors; statuses ${JSON.stringify(
          Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
        )}; slowest ${slowest.ms} ms (${slowest.description}); /api/health ${health.status}`,
    );
    if (failures.length > 0) {
      const byWhy = new Map<string, Failure[]>();
      for (const failure of failures) byWhy.set(failure.why, [...(byWhy.get(failure.why) ?? []), failure]);
      for (const [why, group] of byWhy) {
        console.log(`\nfuzz: ${group.length} × ${why}`);
        for (const { request, outcome } of group.slice(0, Number(process.env.FUZZ_SHOW ?? 12)))
          console.log(
            `  ${brief(request)}\n    → ${outcome.error ?? outcome.body?.slice(0, 300)} (${outcome.ms} ms)`,
          );
      }
    }
    expect(failures.map((failure) => `${failure.why}: ${failure.request.description}`)).toEqual([]);
    if (!only && !process.env.FUZZ_REQUESTS) expect(jobs.length).toBeGreaterThanOrEqual(10_000);
    expect(health.status).toBe(200);
  }, 600_000);
});
