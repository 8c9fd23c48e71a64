/**
 * The durability benchmark (`npm run bench:durability`): kills the embedded server with SIGKILL while
 * concurrent API clients write, restarts it on the same data directory, and checks that every write the
 * server had acknowledged (a 2xx answer) is still there. A write still in flight when the process died
 * may or may not have been committed: those are counted apart, for information. Each round also starts a
 * second `pobratim serve` on the data directory while the first runs, which must be refused.
 *
 * The server is the compiled command (`node bin/pobratim.js serve`, built first when the build is older
 * than the source), on the embedded database (PGlite) in a fresh temporary data directory, without the
 * gazetteer and the demo data so that restarts are quick. DATABASE_URL is ignored: on PostgreSQL the
 * durability of a commit is PostgreSQL's own. Prints Markdown tables and writes them into the "Durability"
 * section of docs/benchmarks.md.
 *
 * Options: --rounds=<n> (or BENCH_DURABILITY_ROUNDS; 20 by default, at least 20 for the target), --seed=<n>
 * (other kill delays), --no-docs (print only). Every other argument (`npm run bench` passes its own on) is
 * ignored.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../test/cli.js';
import { buildServer } from './lib/cli-restart.js';
import { writeBenchmarkSection } from './lib/docs-section.js';
import { describeMachine, machineMarkdown, repositoryRoot } from './lib/machine.js';
import { formatInteger, formatSeconds, markdownTable, verdict, type Cell } from './lib/markdown.js';
import { createRandom, type Random } from './lib/prng.js';

const defaultRounds = 20;
/** The issue's acceptance point asks for at least this many rounds. */
const minimumRounds = 20;
const defaultSeed = 20_261_122;
const writers = 8;
/** How long the clients write before the kill, drawn per round from the seeded generator. */
const killAfterMs = { min: 300, max: 1500 };
const requestTimeoutMs = 10_000;
/** The first write of a round must be acknowledged by then. */
const firstWriteTimeoutMs = 30_000;
const startTimeoutMs = 60_000;
/** The second `pobratim serve` must have given up by then. */
const refusalTimeoutMs = 30_000;
/** The whole run stops by itself after this, whatever happens. */
const runDeadlineMs = 15 * 60_000;
const verifyConcurrency = 8;

const adminEmail = 'durability@pobratim.example';
/** The refusal message of src/platform/db/data-dir-lock.ts. */
const lockMessage = 'is in use by another Pobratim process';

const log = (message: string) => console.error(`[bench:durability] ${message}`);

interface Options {
  rounds: number;
  seed: number;
  writeDocs: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const rounds = Number(value('rounds') ?? process.env.BENCH_DURABILITY_ROUNDS ?? defaultRounds);
  const seed = Number(value('seed') ?? defaultSeed);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer.`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer.`);
  return { rounds, seed, writeDocs: !argv.includes('--no-docs') };
}

// ---- The compiled server ----

const binary = path.join(repositoryRoot, 'bin', 'pobratim.js');
const buildInfo = path.join(repositoryRoot, 'dist', '.tsbuildinfo');

/** The newest modification time of the server's source files (tests excluded, as the build does). */
function newestSourceMs(directory: string): number {
  let newest = 0;
  for (const entry of fsSync.readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(file));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, fsSync.statSync(file).mtimeMs);
  }
  return newest;
}

/** Compiles the server when dist/ is missing or older than src/, so that the command killed is the source's. */
async function ensureBuilt(): Promise<void> {
  const mainFile = path.join(repositoryRoot, 'dist', 'cli', 'main.js');
  const builtMs =
    fsSync.existsSync(mainFile) && fsSync.existsSync(buildInfo) ? fsSync.statSync(buildInfo).mtimeMs : 0;
  if (builtMs > newestSourceMs(path.join(repositoryRoot, 'src'))) return;
  log('compiling the server (npm run build:server): dist/ is older than src/');
  await buildServer();
}

/** Every process this script started, so that the deadline and a failure can end them (by their pid). */
const children = new Set<ChildProcess>();

/**
 * The environment of `pobratim` on the embedded database in `dataDir`: no DATABASE_URL (removed, not
 * emptied), no gazetteer and no demo data (quick starts, no demo administrator), mail into the outbox.
 */
function cliEnv(dataDir: string, port?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    POBRATIM_DATA_DIR: dataDir,
    POBRATIM_GAZETTEER: 'false',
    POBRATIM_DEMO: 'false',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  if (port !== undefined) {
    env.PORT = String(port);
    env.POBRATIM_PUBLIC_URL = `http://127.0.0.1:${port}`;
  }
  return env;
}

interface Cli {
  child: ChildProcess;
  /** The last few kilobytes of standard output and error, for messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `node bin/pobratim.js <args>` directly (no shell, no npm), so that `child.pid` is the server's own. */
function startPobratim(args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Cli {
  const child = spawn(process.execPath, [binary, ...args], {
    cwd: repositoryRoot,
    env,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  if (input !== undefined) child.stdin?.end(input);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, output: () => output, exited };
}

/** Makes the administrator the writers sign in as, with the CLI, while no server holds the data directory. */
async function createAdministrator(dataDir: string, password: string): Promise<void> {
  const cli = startPobratim(
    ['user', 'create', '--email', adminEmail, '--password-stdin', '--role', 'admin', '--name', 'Durability'],
    cliEnv(dataDir),
    password,
  );
  const { code } = await cli.exited;
  if (code !== 0) throw new Error(`pobratim user create failed (exit code ${code}): ${cli.output()}`);
}

// ---- HTTP ----

interface Answer {
  /** 0 when no answer came: the connection failed or was reset, or the request timed out. */
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * One request over node:http (cheaper in CPU than fetch, which matters on 2 cores shared with the
 * server), never rejecting: a request without a complete answer resolves with status 0.
 */
function request(
  agent: http.Agent,
  baseUrl: string,
  method: string,
  requestPath: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Answer> {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`Benchmarks only talk to 127.0.0.1, not ${url.hostname}.`);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const fail = () => resolve({ status: 0, body: '', headers: {} });
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: requestPath,
        method,
        agent,
        timeout: requestTimeoutMs,
        headers: {
          ...headers,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          // A body cut short by the kill is no answer either.
          response.complete
            ? resolve({
                status: response.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
                headers: response.headers,
              })
            : fail(),
        );
        response.on('error', fail);
        response.on('aborted', fail);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy());
    outgoing.on('error', fail);
    outgoing.end(payload);
  });
}

/** Polls /api/health every 20 ms until it answers 200; the milliseconds from `started`. */
async function waitForHealth(
  server: Cli,
  baseUrl: string,
  agent: http.Agent,
  started: number,
): Promise<number> {
  while (performance.now() - started < startTimeoutMs) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(`pobratim serve stopped (exit code ${server.child.exitCode}): ${server.output()}`);
    const { status } = await request(agent, baseUrl, 'GET', '/api/health');
    if (status === 200) return performance.now() - started;
    await sleep(20);
  }
  throw new Error(`pobratim serve never answered /api/health: ${server.output()}`);
}

interface RunningServer {
  cli: Cli;
  baseUrl: string;
  agent: http.Agent;
  /** From spawning the process until /api/health answered. */
  healthyMs: number;
}

async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: writers + 2 });
  const started = performance.now();
  const cli = startPobratim(['serve'], cliEnv(dataDir, port));
  const healthyMs = await waitForHealth(cli, baseUrl, agent, started);
  return { cli, baseUrl, agent, healthyMs };
}

/** SIGKILL to the server's node process itself: no shutdown handler, no checkpoint, no lock release. */
async function killServer(server: RunningServer): Promise<NodeJS.Signals | null> {
  server.cli.child.kill('SIGKILL');
  const { signal } = await server.cli.exited;
  server.agent.destroy();
  return signal;
}

/** SIGTERM, the orderly stop, after the last round; true when the server exited with 0. */
async function stopServer(server: RunningServer): Promise<boolean> {
  server.agent.destroy();
  server.cli.child.kill('SIGTERM');
  const { code } = await server.cli.exited;
  return code === 0;
}

/**
 * Signs in as the administrator (POST /api/session) and reads the session's CSRF token back
 * (GET /api/session): the headers every write sends, as README "Accounts" describes.
 */
async function signIn(server: RunningServer, password: string): Promise<Record<string, string>> {
  const { baseUrl, agent } = server;
  const signedIn = await request(agent, baseUrl, 'POST', '/api/session', {}, { email: adminEmail, password });
  if (signedIn.status !== 200) throw new Error(`Sign-in failed: HTTP ${signedIn.status} ${signedIn.body}`);
  const setCookie = signedIn.headers['set-cookie'] ?? [];
  const cookie = (setCookie.find((line) => line.startsWith('pobratim_session=')) ?? setCookie[0] ?? '').split(
    ';',
  )[0]!;
  const session = await request(agent, baseUrl, 'GET', '/api/session', { cookie });
  const { csrfToken } = JSON.parse(session.body || '{}') as { csrfToken?: string | null };
  if (session.status !== 200 || !csrfToken) throw new Error(`No CSRF token: HTTP ${session.status}`);
  return { cookie, 'x-csrf-token': csrfToken };
}

// ---- A second opener ----

interface Refusal {
  refused: boolean;
  /** What the second process said, or why it counts as not refused. */
  detail: string;
}

/**
 * Starts a second `pobratim serve` on the data directory while the first runs: it must exit non-zero
 * with the lock's message. One still running after the timeout is stopped and counts as not refused.
 */
async function tryServeTwice(dataDir: string): Promise<Refusal> {
  const second = startPobratim(['serve'], cliEnv(dataDir, await freePort()));
  const outcome = await Promise.race([second.exited, sleep(refusalTimeoutMs).then(() => undefined)]);
  if (outcome === undefined) {
    second.child.kill('SIGKILL');
    await second.exited;
    return { refused: false, detail: `still running after ${refusalTimeoutMs / 1000} s` };
  }
  const refused = outcome.code !== null && outcome.code !== 0 && second.output().includes(lockMessage);
  const said = (second.output().trim().split('\n')[0] ?? '').replaceAll(dataDir, '$POBRATIM_DATA_DIR');
  return { refused, detail: `exit code ${outcome.code}: ${said}` };
}

/** The pid a lock file names, if one is there (a killed server leaves its own behind). */
function lockOwnerPid(dataDir: string): number | undefined {
  try {
    const { pid } = JSON.parse(fsSync.readFileSync(path.join(dataDir, 'pobratim.lock'), 'utf8')) as {
      pid: number;
    };
    return pid;
  } catch {
    return undefined;
  }
}

// ---- Writes ----

type RecordKind = 'source' | 'organisation';

/** One create request: what it was, and what came of it. */
interface Write {
  kind: RecordKind;
  /** The source's title, or the organisation's slug: unique, to find a write that got no answer. */
  key: string;
  outcome: 'acknowledged' | 'refused' | 'in flight';
  status: number;
  id?: string;
  /** The answer of a refused write. */
  detail?: string;
}

/** The request creating record `key`: a source (title) or an organisation (name and slug). */
function createRequest(kind: RecordKind, key: string): { path: string; body: unknown } {
  if (kind === 'source') return { path: '/api/sources', body: { kind: 'document', title: key } };
  return {
    path: '/api/organisations',
    body: { kind: 'city', country: 'HR', slug: key, names: [{ name: `Durability ${key}`, language: 'en' }] },
  };
}

/**
 * Runs `writers` clients, each creating records one after another (sources and organisations in turn),
 * until `isKilled()`: then no client starts another request, and those under way end with the kill.
 */
async function runWriters(
  server: RunningServer,
  headers: Record<string, string>,
  prefix: string,
  isKilled: () => boolean,
  onAcknowledged: () => void,
): Promise<Write[]> {
  const writes: Write[] = [];
  const writer = async (index: number) => {
    for (let n = 0; !isKilled(); n++) {
      const kind: RecordKind = (index + n) % 2 === 0 ? 'source' : 'organisation';
      const key = `${prefix}-w${index}-n${n}`;
      const { path: requestPath, body } = createRequest(kind, key);
      const answer = await request(server.agent, server.baseUrl, 'POST', requestPath, headers, body);
      if (answer.status >= 200 && answer.status < 300) {
        const { id } = JSON.parse(answer.body) as { id: string };
        writes.push({ kind, key, outcome: 'acknowledged', status: answer.status, id });
        onAcknowledged();
      } else {
        writes.push({
          kind,
          key,
          outcome: answer.status === 0 ? 'in flight' : 'refused',
          status: answer.status,
          ...(answer.status === 0 ? {} : { detail: answer.body.slice(0, 300) }),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, index) => writer(index)));
  return writes;
}

/**
 * Writes, and kills the server `delayMs` after the first acknowledged write, while the clients are still
 * writing. Counting from the first acknowledgement (not from the first request) keeps a round meaningful
 * when the machine is busy: a freshly started server answers its first writes slowly, and a kill before
 * any of them would test nothing.
 */
async function writeAndKill(
  server: RunningServer,
  headers: Record<string, string>,
  prefix: string,
  delayMs: number,
): Promise<{ writes: Write[]; signal: NodeJS.Signals | null; killedPid: number; firstAckMs: number }> {
  let killed = false;
  let acknowledge = () => {};
  const firstAcknowledged = new Promise<void>((resolve) => (acknowledge = resolve));
  const started = performance.now();
  const writing = runWriters(
    server,
    headers,
    prefix,
    () => killed,
    () => acknowledge(),
  );
  const acknowledgedInTime = await Promise.race([
    firstAcknowledged.then(() => true),
    sleep(firstWriteTimeoutMs).then(() => false),
  ]);
  const firstAckMs = performance.now() - started;
  if (acknowledgedInTime) await sleep(delayMs);
  killed = true;
  const killedPid = server.cli.child.pid!;
  const signal = await killServer(server);
  const writes = await writing;
  if (!acknowledgedInTime) {
    const refused = writes.find((write) => write.outcome === 'refused');
    throw new Error(
      `No write was acknowledged within ${firstWriteTimeoutMs / 1000} s${refused ? `; the first refusal: HTTP ${refused.status} ${refused.detail}` : ''}.`,
    );
  }
  return { writes, signal, killedPid, firstAckMs };
}

// ---- Checks after the restart ----

/** Runs `check` over `items` with a few concurrent clients. */
async function forEachConcurrently<T>(items: readonly T[], check: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < items.length) await check(items[next++]!);
  };
  await Promise.all(Array.from({ length: verifyConcurrency }, client));
}

/** A read that retries an answerless request (status 0) or a 5xx a few times: those are not "not found". */
async function read(server: RunningServer, requestPath: string): Promise<Answer> {
  let answer: Answer = { status: 0, body: '', headers: {} };
  for (let attempt = 0; attempt < 3; attempt++) {
    answer = await request(server.agent, server.baseUrl, 'GET', requestPath);
    if (answer.status !== 0 && answer.status < 500) return answer;
    await sleep(200);
  }
  return answer;
}

/** An acknowledged write that the restarted server does not answer with the same record. */
interface Loss {
  write: Write;
  status: number;
  detail: string;
}

/** GET of every acknowledged record by id: it must answer 200 with the title or slug that was sent. */
async function findLosses(server: RunningServer, writes: readonly Write[]): Promise<Loss[]> {
  const losses: Loss[] = [];
  await forEachConcurrently(
    writes.filter((write) => write.outcome === 'acknowledged'),
    async (write) => {
      const answer = await read(server, `/api/${write.kind}s/${write.id}`);
      if (answer.status !== 200) {
        losses.push({ write, status: answer.status, detail: answer.body.slice(0, 200) });
        return;
      }
      const record = JSON.parse(answer.body) as { title?: string; slug?: string };
      const stored = write.kind === 'source' ? record.title : record.slug;
      if (stored !== write.key)
        losses.push({ write, status: answer.status, detail: `holds ${stored ?? 'nothing'} instead` });
    },
  );
  return losses;
}

/** Whether a write that got no answer was committed: its organisation's slug, or its source's title, exists. */
async function wasCommitted(server: RunningServer, write: Write): Promise<boolean> {
  if (write.kind === 'organisation') {
    const answer = await read(server, `/api/organisations/${write.key}`);
    if (answer.status !== 200 && answer.status !== 404)
      throw new Error(`GET /api/organisations/${write.key}: HTTP ${answer.status}`);
    return answer.status === 200;
  }
  const answer = await read(server, `/api/sources?name=${encodeURIComponent(write.key)}&pageSize=200`);
  if (answer.status !== 200) throw new Error(`GET /api/sources?name=${write.key}: HTTP ${answer.status}`);
  const { items } = JSON.parse(answer.body) as { items: { title: string }[] };
  return items.some((item) => item.title === write.key);
}

async function countCommitted(server: RunningServer, writes: readonly Write[]): Promise<number> {
  let committed = 0;
  await forEachConcurrently(
    writes.filter((write) => write.outcome === 'in flight'),
    async (write) => {
      if (await wasCommitted(server, write)) committed++;
    },
  );
  return committed;
}

// ---- Rounds ----

interface RoundResult {
  round: number;
  /** From the first write request until the first acknowledgement. */
  firstAckMs: number;
  /** From the first acknowledgement until the kill. */
  writingMs: number;
  acknowledged: number;
  acknowledgedByKind: Record<RecordKind, number>;
  refused: Write[];
  inFlight: number;
  inFlightCommitted: number;
  losses: Loss[];
  killSignal: NodeJS.Signals | null;
  /** The killed server's lock file was still there, naming it, when the next server started. */
  staleLockLeft: boolean;
  /** From spawning the restarted server until /api/health answered. */
  restartMs: number;
  refusal: Refusal;
}

/** What a round leaves for the restart to check. */
interface Killed {
  writes: Write[];
  killedPid: number;
  signal: NodeJS.Signals | null;
  firstAckMs: number;
  writingMs: number;
  refusal: Refusal;
}

/** Checks a round's writes on the restarted server: acknowledged ones must all be there. */
async function checkRound(
  round: number,
  killed: Killed,
  server: RunningServer,
  staleLockLeft: boolean,
): Promise<RoundResult> {
  const acknowledged = killed.writes.filter((write) => write.outcome === 'acknowledged');
  const result: RoundResult = {
    round,
    firstAckMs: killed.firstAckMs,
    writingMs: killed.writingMs,
    acknowledged: acknowledged.length,
    acknowledgedByKind: {
      source: acknowledged.filter((write) => write.kind === 'source').length,
      organisation: acknowledged.filter((write) => write.kind === 'organisation').length,
    },
    refused: killed.writes.filter((write) => write.outcome === 'refused'),
    inFlight: killed.writes.filter((write) => write.outcome === 'in flight').length,
    inFlightCommitted: await countCommitted(server, killed.writes),
    losses: await findLosses(server, killed.writes),
    killSignal: killed.signal,
    staleLockLeft,
    restartMs: server.healthyMs,
    refusal: killed.refusal,
  };
  log(
    `round ${round}: ${result.acknowledged} acknowledged, ${result.losses.length} lost, ${result.inFlight} in flight (${result.inFlightCommitted} committed), restart ${formatSeconds(result.restartMs)} s`,
  );
  return result;
}

/** One round on a running server: a second opener, sign-in, then writing until the kill. */
async function writeRound(
  server: RunningServer,
  dataDir: string,
  password: string,
  runId: string,
  round: number,
  random: Random,
): Promise<Killed> {
  const refusal = await tryServeTwice(dataDir);
  if (!refusal.refused) log(`round ${round}: the second pobratim serve was NOT refused (${refusal.detail})`);
  const headers = await signIn(server, password);
  const delayMs = random.integer(killAfterMs.min, killAfterMs.max);
  const prefix = `durability-${runId}-r${String(round).padStart(2, '0')}`;
  const { writes, signal, killedPid, firstAckMs } = await writeAndKill(server, headers, prefix, delayMs);
  return { writes, killedPid, signal, firstAckMs, writingMs: delayMs, refusal };
}

interface RunResult {
  rounds: RoundResult[];
  /** Every acknowledged write of every round, checked once more after the last restart. */
  finalLosses: Loss[];
  finalChecked: number;
  firstStartMs: number;
  cleanStop: boolean;
  loadAverage: number;
}

async function runRounds(dataDir: string, options: Options): Promise<RunResult> {
  const loadAverage = os.loadavg()[0] ?? Number.NaN;
  const password = randomUUID();
  // The data directory is locked by the CLI too: the administrator is made before any server runs.
  await createAdministrator(dataDir, password);
  const random = createRandom(options.seed);
  const runId = randomUUID().slice(0, 8);
  const results: RoundResult[] = [];
  const allWrites: Write[] = [];
  let server = await startServer(dataDir);
  const firstStartMs = server.healthyMs;
  for (let round = 1; round <= options.rounds; round++) {
    const killed = await writeRound(server, dataDir, password, runId, round, random);
    allWrites.push(...killed.writes);
    // The lock file of the killed process must still be there (nothing released it); the restart takes it over.
    const staleLockLeft = lockOwnerPid(dataDir) === killed.killedPid;
    server = await startServer(dataDir);
    results.push(await checkRound(round, killed, server, staleLockLeft));
  }
  const finalLosses = await findLosses(server, allWrites);
  const cleanStop = await stopServer(server);
  return {
    rounds: results,
    finalLosses,
    finalChecked: allWrites.filter((write) => write.outcome === 'acknowledged').length,
    firstStartMs,
    cleanStop,
    loadAverage,
  };
}

// ---- Report ----

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function roundsTable(rounds: readonly RoundResult[]): string {
  return markdownTable(
    [
      'round',
      'first write acknowledged after',
      'then writing until the kill',
      'acknowledged (sources + organisations)',
      'refused (non-2xx)',
      'in flight at the kill',
      '… found committed',
      'acknowledged, lost',
      'stale lock left, taken over',
      'restart until healthy',
      'second `serve` refused',
    ],
    rounds.map((round): Cell[] => [
      round.round,
      `${formatInteger(round.firstAckMs)} ms`,
      `${formatInteger(round.writingMs)} ms`,
      `${round.acknowledged} (${round.acknowledgedByKind.source} + ${round.acknowledgedByKind.organisation})`,
      round.refused.length,
      round.inFlight,
      round.inFlightCommitted,
      `${round.losses.length} ${verdict(round.losses.length === 0)}`,
      round.staleLockLeft ? 'yes' : 'no',
      `${formatSeconds(round.restartMs)} s`,
      verdict(round.refusal.refused),
    ]),
  );
}

function summaryTable(result: RunResult): string {
  const { rounds } = result;
  const acknowledged = sum(rounds.map((round) => round.acknowledged));
  const lost = sum(rounds.map((round) => round.losses.length));
  const inFlight = sum(rounds.map((round) => round.inFlight));
  const committed = sum(rounds.map((round) => round.inFlightCommitted));
  const refused = sum(rounds.map((round) => round.refused.length));
  const refusals = rounds.filter((round) => round.refusal.refused).length;
  const killedBySignal = rounds.filter((round) => round.killSignal === 'SIGKILL').length;
  const restarts = rounds.map((round) => round.restartMs);
  return markdownTable(
    ['measure', 'target', 'result'],
    [
      [
        'rounds (SIGKILL during writes, restart, check)',
        `≥ ${minimumRounds}`,
        `${rounds.length} ${verdict(rounds.length >= minimumRounds)}`,
      ],
      [
        '… of which the server died of SIGKILL',
        `${rounds.length}`,
        `${killedBySignal} ${verdict(killedBySignal === rounds.length)}`,
      ],
      ['acknowledged writes (2xx answers)', '', formatInteger(acknowledged)],
      ['acknowledged writes lost after the restart', '0', `${lost} ${verdict(lost === 0)}`],
      [
        `all ${formatInteger(result.finalChecked)} acknowledged writes checked again after the last restart: lost`,
        '0',
        `${result.finalLosses.length} ${verdict(result.finalLosses.length === 0)}`,
      ],
      [
        'writes in flight at the kill (no answer) / found committed after the restart',
        '',
        `${inFlight} / ${committed}`,
      ],
      ['writes refused (a non-2xx answer)', '0', `${refused} ${verdict(refused === 0)}`],
      [
        'second `pobratim serve` on the data directory refused while the first ran',
        `${rounds.length} of ${rounds.length}`,
        `${refusals} of ${rounds.length} ${verdict(refusals === rounds.length)}`,
      ],
      [
        'restart after the kill until /api/health answers: median (range)',
        '',
        `${formatSeconds(median(restarts))} s (${formatSeconds(Math.min(...restarts))}–${formatSeconds(Math.max(...restarts))} s)`,
      ],
      ['orderly stop (SIGTERM) after the last round', 'exit code 0', verdict(result.cleanStop)],
    ],
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Every loss and refusal, with what the server answered: none is hidden. */
function problemsSection(result: RunResult): string {
  const lines: string[] = [];
  for (const round of result.rounds) {
    for (const loss of round.losses)
      lines.push(
        `- round ${round.round}: ${loss.write.kind} ${loss.write.key} (${loss.write.id}), acknowledged with ${loss.write.status}, answers ${loss.status} after the restart: ${loss.detail}`,
      );
    for (const write of round.refused.slice(0, 5))
      lines.push(
        `- round ${round.round}: ${write.kind} ${write.key} refused with HTTP ${write.status}: ${write.detail ?? ''}`,
      );
    if (!round.refusal.refused)
      lines.push(
        `- round ${round.round}: the second \`pobratim serve\` was not refused (${round.refusal.detail})`,
      );
  }
  for (const loss of result.finalLosses)
    lines.push(
      `- after the last restart: ${loss.write.kind} ${loss.write.key} (${loss.write.id}) answers ${loss.status}: ${loss.detail}`,
    );
  return lines.join('\n');
}

function reportBody(result: RunResult, options: Options): string {
  const command = `npm run bench:durability${options.rounds === defaultRounds ? '' : ` -- --rounds=${options.rounds}`}${options.seed === defaultSeed ? '' : ` --seed=${options.seed}`}`;
  const problems = problemsSection(result);
  const example = result.rounds[0]?.refusal.detail ?? '';
  return [
    machineMarkdown(describeMachine(), command),
    `- Set-up: the compiled server (\`node bin/pobratim.js serve\`) on the embedded database in a fresh temporary data directory, with \`POBRATIM_GAZETTEER=false\` and \`POBRATIM_DEMO=false\`, listening on 127.0.0.1 (a random port); an administrator made once with \`pobratim user create\` before the first start (first start until healthy: ${formatSeconds(result.firstStartMs)} s). DATABASE_URL is ignored: on PostgreSQL a commit's durability is PostgreSQL's.`,
    `- Each round: a second \`pobratim serve\` on the same data directory (it must exit non-zero with the lock's message), sign-in (\`POST /api/session\`, the CSRF token from \`GET /api/session\`), then ${writers} concurrent clients create records one after another (\`POST /api/sources\` and \`POST /api/organisations\` in turn, unique titles and slugs); ${killAfterMs.min}–${killAfterMs.max} ms (seeded, seed ${options.seed}) after the first write was acknowledged, the server's node process gets SIGKILL. The server restarts on the same data directory (taking over the killed process's lock), and every acknowledged record (a 2xx answer) must answer 200 with what was sent on \`GET /api/sources/{id}\` or \`GET /api/organisations/{id}\`. A write without an answer was in flight at the kill: it may or may not have been committed, and is looked up by its slug or title (informational); each client has one request under way at the kill. A killed process's writes stay in the operating system's page cache, so this measures what survives the server process crashing, not the machine losing power, which it does not test. Every request times out after ${requestTimeoutMs / 1000} s. The 1-minute load average was ${result.loadAverage.toFixed(2)} at the start (other work on the machine slows the writes, not the check).`,
    `- The second \`serve\` said, in round 1: \`${example.replace(/`/g, "'")}\``,
    '',
    '### Summary',
    '',
    summaryTable(result),
    '',
    '### Rounds',
    '',
    roundsTable(result.rounds),
    ...(problems ? ['', '### Losses and refusals', '', problems] : []),
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const deadline = setTimeout(() => {
    log(`still running after ${runDeadlineMs / 60_000} minutes: stopping`);
    for (const child of children) child.kill('SIGKILL');
    process.exit(2);
  }, runDeadlineMs);
  deadline.unref();
  await ensureBuilt();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-durability-'));
  log(`${options.rounds} rounds, seed ${options.seed}, data directory ${dataDir}`);
  let result: RunResult;
  try {
    result = await runRounds(dataDir, options);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  const body = reportBody(result, options);
  console.log(`## Durability\n\n${body}`);
  if (options.writeDocs) {
    await writeBenchmarkSection('Durability', body);
    log('docs/benchmarks.md updated');
  }
  clearTimeout(deadline);
  const lost = sum(result.rounds.map((round) => round.losses.length)) + result.finalLosses.length;
  if (lost > 0) {
    log(`${lost} acknowledged writes lost`);
    process.exitCode = 1;
  }
}

await main();
