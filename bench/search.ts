/**
 * The search benchmark (`npm run bench:search`): imports the whole gazetteer into a fresh database (PGlite
 * always, PostgreSQL when DATABASE_URL is set), restarts the server on it in a process of its own, then
 * measures the accuracy and latency of /api/search over 1,000 generated queries of seven kinds, from
 * clients in this process, against a plain ILIKE baseline. Prints Markdown tables and writes them into
 * the "Search" section of docs/benchmarks.md.
 *
 * Options: --seed=<n> (another query set), --databases=pglite,postgres, --runs=<n> (restarts and measured
 * passes per database, 3 by default; the summary shows the median run and the range), --no-docs (print only),
 * --misses=<file> (write every missed query as JSON, for investigation).
 */
import fs from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDemoService } from '../src/modules/demo/demo.service.js';
import { createGazetteerService, type GazetteerPhase } from '../src/modules/gazetteer/gazetteer.service.js';
import type { SearchResults } from '../src/modules/search/search.schemas.js';
import { createSearchService } from '../src/modules/search/search.service.js';
import { publicActor, systemActor } from '../src/platform/actor.js';
import type { Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import {
  createPgliteTarget,
  createPostgresTarget,
  postgresCpuMs,
  serverVersion,
  type BenchDatabaseTarget,
} from './lib/bench-database.js';
import { writeBenchmarkSection } from './lib/docs-section.js';
import { runHttpLoad } from './lib/http-load.js';
import { describeCommand, describeMachine, machineMarkdown } from './lib/machine.js';
import {
  formatInteger,
  formatMs,
  formatPercent,
  formatSeconds,
  markdownTable,
  verdict,
  type Cell,
} from './lib/markdown.js';
import { createRandom } from './lib/prng.js';
import { buildServer, restartCli, type CliRestart } from './lib/cli-restart.js';
import { startServerProcess, type ServerProcess } from './lib/server-process.js';
import {
  generateQueries,
  minimumTargetPopulation,
  queryKindDefinitions,
  queryKinds,
  type BenchQuery,
  type PlaceNameRow,
  type PlaceRow,
  type QueryKind,
  type QuerySet,
} from './lib/search-queries.js';
import { summariseLatencies, timed, type LatencySummary } from './lib/stats.js';

const defaultSeed = 20_240_917;
const defaultRuns = 3;
const queryCount = 1000;
const concurrency = 10;
const healthEveryMs = 20;
const resultLimit = 5;

/** The targets of issue 3, checked in the summary. */
const targets = {
  importSeconds: 90,
  restartSeconds: 5,
  top1: 0.95,
  top5: 0.99,
  p95Ms: { pglite: 50, postgres: 25 },
  postgresRequestsPerSecond: 300,
  healthP99Ms: 100,
};

interface Options {
  seed: number;
  databases: ('pglite' | 'postgres')[];
  /** How many times the server is restarted and loaded, to show how much the numbers vary. */
  runs: number;
  writeDocs: boolean;
  missesFile: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const requested = value('databases')?.split(',') ?? ['pglite', 'postgres'];
  const databases = requested.filter(
    (kind): kind is 'pglite' | 'postgres' =>
      kind === 'pglite' || (kind === 'postgres' && Boolean(process.env.DATABASE_URL)),
  );
  return {
    seed: Number(value('seed') ?? defaultSeed),
    databases,
    runs: Math.max(1, Number(value('runs') ?? defaultRuns)),
    writeDocs: !argv.includes('--no-docs'),
    missesFile: value('misses'),
  };
}

const log = (message: string) => console.error(`[bench:search] ${message}`);

/** One query's answer: the GeoNames ids of the hits in order, and what the first hits were. */
interface Answer {
  ids: (number | null)[];
  shown: string[];
}

interface Accuracy {
  total: number;
  top1: number;
  top5: number;
}

interface Miss {
  kind: QueryKind;
  q: string;
  target: number;
  targetName: string;
  rank: number | null;
  got: string[];
}

interface SetupTimes {
  migrateMs: number;
  importMs: number;
  importPhasesMs: Partial<Record<GazetteerPhase, number>>;
  searchTerms: number;
  places: number;
  demoMs: number;
}

/** A restart of `pobratim serve` (lib/cli-restart.ts), from spawning the process. */
type RestartTimes = CliRestart;

/** CPU milliseconds per request of the measured pass, by process. */
interface CpuPerRequest {
  server: number;
  /** The database's thread of the embedded database, within `server`. */
  databaseThread?: number | undefined;
  /** PostgreSQL's own processes. */
  postgres?: number | undefined;
  loadGenerator: number;
}

/** One restart of the server and one measured pass of HTTP load. */
interface RunReport {
  restart: RestartTimes;
  http: {
    latency: LatencySummary;
    requestsPerSecond: number;
    errors: number;
    warmUpMs: number;
    cpu: CpuPerRequest;
  };
  /** The machine's 1-minute load average before the measured pass (other processes' work shows here). */
  loadAverage: number;
  health: { latency: LatencySummary; failures: number };
}

interface DatabaseReport {
  label: string;
  kind: 'pglite' | 'postgres';
  version: string;
  setup: SetupTimes;
  querySet: QuerySet;
  fingerprint: string;
  runs: RunReport[];
  /** The run of median p95, which the summary judges. */
  median: RunReport;
  direct: { latency: LatencySummary; requestsPerSecond: number };
  baseline: { latency: LatencySummary; requestsPerSecond: number };
  accuracy: { search: Map<QueryKind | 'all', Accuracy>; baseline: Map<QueryKind | 'all', Accuracy> };
  misses: Miss[];
}

/** Top-1 and top-5 accuracy per kind and overall, and the misses (no right answer in first place). */
function scoreAnswers(queries: readonly BenchQuery[], answers: readonly Answer[]) {
  const accuracy = new Map<QueryKind | 'all', Accuracy>(
    [...queryKinds, 'all' as const].map((kind) => [kind, { total: 0, top1: 0, top5: 0 }]),
  );
  const misses: Miss[] = [];
  queries.forEach((query, index) => {
    const { ids, shown } = answers[index]!;
    const rank = ids.slice(0, resultLimit).indexOf(query.target);
    for (const key of [query.kind, 'all'] as const) {
      const counts = accuracy.get(key)!;
      counts.total++;
      if (rank === 0) counts.top1++;
      if (rank >= 0) counts.top5++;
    }
    if (rank !== 0)
      misses.push({ ...query, rank: rank >= 0 ? rank + 1 : null, got: shown.slice(0, resultLimit) });
  });
  return { accuracy, misses };
}

function answerOfResults(results: SearchResults): Answer {
  return {
    ids: results.hits.map((hit) => hit.ids.geonamesId),
    shown: results.hits.map(
      (hit) => `${hit.label} [${hit.country ?? '?'}, ${hit.ids.geonamesId ?? hit.type}, ${hit.matched.kind}]`,
    ),
  };
}

/** Migrates a fresh database, imports the gazetteer and the demo data, timing each. */
async function prepareDatabase(database: Database) {
  const migrate = await timed(() => migrateToLatest(database.db));
  const phases: Partial<Record<GazetteerPhase, number>> = {};
  let phase: GazetteerPhase | undefined;
  let phaseStarted = performance.now();
  const imported = await timed(() =>
    createGazetteerService(database).importGazetteer(systemActor('bench'), {
      onProgress: (event) => {
        if (event.phase === phase) return;
        const now = performance.now();
        if (phase) phases[phase] = now - phaseStarted;
        log(`import: ${event.phase}`);
        phase = event.phase;
        phaseStarted = now;
      },
    }),
  );
  if (phase) phases[phase] = performance.now() - phaseStarted;
  if (!imported.result.imported) throw new Error('The fresh database already held the gazetteer.');
  const demo = await timed(() => createDemoService(database).load(systemActor('bench')));
  return {
    migrateMs: migrate.ms,
    importMs: imported.ms,
    importPhasesMs: phases,
    searchTerms: imported.result.counts.searchTerms,
    places: imported.result.counts.places,
    demoMs: demo.ms,
  };
}

/**
 * A restart as people do it: `pobratim serve` in a new process until its first search has answered
 * (lib/cli-restart.ts), stopped again; then the benchmark's own server process for the load (see
 * lib/search-server.ts), which reports its CPU and can be profiled.
 */
async function restart(target: BenchDatabaseTarget) {
  const times = await restartCli(target.cliEnv, 'zagreb');
  const server = await startServerProcess(target.serverEnv);
  return { server, times };
}

/** The threads' CPU of the embedded database: its worker is the thread that used the most besides the main one. */
function databaseThreadMs(threads: Record<string, number>, mainThread: string): number | undefined {
  const others = Object.entries(threads).filter(([name]) => name !== mainThread);
  return others.length ? Math.max(...others.map(([, ms]) => ms)) : undefined;
}

/** Reads the gazetteer back and generates the query set from it. */
async function readQuerySet(database: Database, seed: number): Promise<QuerySet> {
  const places = (await database.db
    .selectFrom('places')
    .select(['geonamesId', 'name', 'nameEn', 'population'])
    .execute()) as PlaceRow[];
  const { rows: names } = await sql<PlaceNameRow>`
    select distinct entity_id::bigint as geonames_id, name, languages from search_terms
    where entity_type = 'place'
      and entity_id in (select geonames_id::text from places where population >= ${minimumTargetPopulation})`.execute(
    database.db,
  );
  return generateQueries(
    places,
    names.map((row) => ({ ...row, geonamesId: Number(row.geonamesId) })),
    createRandom(seed),
    queryCount,
  );
}

/** The plain ILIKE search a first implementation would write, for comparison. */
async function runBaseline(database: Database, queries: readonly BenchQuery[]) {
  const representing = await database.db
    .selectFrom('organisations')
    .select(['id', 'geonamesId'])
    .where('geonamesId', 'is not', null)
    .execute();
  const placeOf = new Map(representing.map((row) => [row.id, row.geonamesId]));
  const latencies: number[] = [];
  const answers: Answer[] = [];
  const started = performance.now();
  for (const { q } of queries) {
    const { result, ms } = await timed(() =>
      sql<{ entityType: string; entityId: string; name: string }>`
        select entity_type, entity_id, name from search_terms
        where name ilike '%' || ${q} || '%' order by importance desc limit 5`.execute(database.db),
    );
    latencies.push(ms);
    answers.push({
      ids: result.rows.map((row) =>
        row.entityType === 'place' ? Number(row.entityId) : (placeOf.get(row.entityId) ?? null),
      ),
      shown: result.rows.map((row) => `${row.name} [${row.entityType} ${row.entityId}]`),
    });
  }
  const wallMs = performance.now() - started;
  return { latencies, answers, requestsPerSecond: (1000 * queries.length) / wallMs };
}

/** Runs the measured pass, with the probe, and the CPU each process used meanwhile. */
async function measureLoad(server: ServerProcess, target: BenchDatabaseTarget, paths: readonly string[]) {
  const threadsBefore = await server.threads();
  const serverBefore = await server.cpuMs();
  const clientBefore = process.cpuUsage();
  const postgresBefore = target.databaseName ? postgresCpuMs(target.databaseName) : undefined;
  const load = await runHttpLoad({
    baseUrl: server.baseUrl,
    paths,
    concurrency,
    passes: 1,
    probe: { path: '/api/health', everyMs: healthEveryMs, duringPass: 0 },
    keepBodiesOfPass: 0,
  });
  const serverMs = (await server.cpuMs()) - serverBefore;
  const threadsAfter = await server.threads();
  const client = process.cpuUsage(clientBefore);
  const postgresAfter = target.databaseName ? postgresCpuMs(target.databaseName) : undefined;
  const mainThread = Object.keys(threadsAfter).find((name) => name.endsWith(` ${server.pid}`)) ?? '';
  const threadMs = Object.fromEntries(
    Object.entries(threadsAfter).map(([name, ms]) => [name, ms - (threadsBefore[name] ?? 0)]),
  );
  const count = paths.length;
  const cpu: CpuPerRequest = {
    server: serverMs / count,
    databaseThread:
      target.kind === 'pglite' ? (databaseThreadMs(threadMs, mainThread) ?? Number.NaN) / count : undefined,
    postgres:
      postgresBefore !== undefined && postgresAfter !== undefined
        ? (postgresAfter - postgresBefore) / count
        : undefined,
    loadGenerator: (client.user + client.system) / 1000 / count,
  };
  return { pass: load.passes[0]!, probe: load.probe, cpu };
}

/** One restart of the server in a new process, a warm-up pass and the measured pass. */
async function measureRun(target: BenchDatabaseTarget, paths: readonly string[]) {
  const { server, times } = await restart(target);
  try {
    const warmUp = await runHttpLoad({ baseUrl: server.baseUrl, paths, concurrency, passes: 1 });
    const loadAverage = os.loadavg()[0] ?? 0;
    const { pass, probe, cpu } = await measureLoad(server, target, paths);
    const run: RunReport = {
      restart: times,
      http: {
        latency: summariseLatencies(pass.latencies),
        requestsPerSecond: (1000 * paths.length) / pass.wallMs,
        errors: pass.statuses.filter((status) => status !== 200).length,
        warmUpMs: warmUp.passes[0]!.wallMs,
        cpu,
      },
      loadAverage,
      health: {
        latency: summariseLatencies(probe?.latencies ?? []),
        failures: probe?.failures ?? 0,
      },
    };
    return { run, pass };
  } finally {
    await server.stop();
  }
}

async function benchmarkDatabase(
  target: BenchDatabaseTarget,
  { seed, runs: runCount }: Pick<Options, 'seed' | 'runs'>,
): Promise<DatabaseReport> {
  log(`${target.label}: migrating a fresh database and importing the gazetteer`);
  const fresh = await target.open();
  let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
  let version: string;
  let querySet: QuerySet;
  try {
    prepared = await prepareDatabase(fresh);
    version = await serverVersion(fresh);
    querySet = await readQuerySet(fresh, seed);
  } finally {
    await fresh.close();
  }
  const { queries } = querySet;
  const fingerprint = createHash('sha256').update(JSON.stringify(queries)).digest('hex').slice(0, 12);
  log(
    `${target.label}: imported in ${formatSeconds(prepared.importMs)} s; ${queries.length} queries (fingerprint ${fingerprint})`,
  );

  const paths = queries.map(
    ({ q }) => `/api/search?${new URLSearchParams({ q, limit: String(resultLimit) }).toString()}`,
  );
  const runs: RunReport[] = [];
  let answers: Answer[] | undefined;
  for (let number = 1; number <= runCount; number++) {
    log(`${target.label}: run ${number} of ${runCount}: restart in a new process, HTTP load`);
    const { run, pass } = await measureRun(target, paths);
    runs.push(run);
    // The answers are the same in every run; the first run's are scored.
    answers ??= pass.bodies!.map((body, index) =>
      pass.statuses[index] === 200
        ? answerOfResults(JSON.parse(body) as SearchResults)
        : { ids: [], shown: [`HTTP ${pass.statuses[index]}`] },
    );
  }
  const search = scoreAnswers(queries, answers!);
  const byP95 = [...runs].sort((a, b) => a.http.latency.p95 - b.http.latency.p95);
  const median = byP95[Math.floor((byP95.length - 1) / 2)]!;

  log(`${target.label}: search service called directly`);
  const database = await target.open();
  try {
    const service = createSearchService(database);
    await service.loadIndex();
    const directLatencies: number[] = [];
    const directStarted = performance.now();
    for (const { q } of queries) {
      const { ms } = await timed(() => service.search(publicActor, { q, limit: resultLimit }));
      directLatencies.push(ms);
    }
    const directWallMs = performance.now() - directStarted;

    log(`${target.label}: ILIKE baseline`);
    const baselineRun = await runBaseline(database, queries);
    const baseline = scoreAnswers(queries, baselineRun.answers);

    return {
      label: target.label,
      kind: target.kind,
      version,
      setup: prepared,
      querySet,
      fingerprint,
      runs,
      median,
      direct: {
        latency: summariseLatencies(directLatencies),
        requestsPerSecond: (1000 * queries.length) / directWallMs,
      },
      baseline: {
        latency: summariseLatencies(baselineRun.latencies),
        requestsPerSecond: baselineRun.requestsPerSecond,
      },
      accuracy: { search: search.accuracy, baseline: baseline.accuracy },
      misses: search.misses,
    };
  } finally {
    await database.close();
  }
}

// ---- Report ----

const seconds = (ms: number) => `${formatSeconds(ms)} s`;

/** The time from restart to the first search, the measure judged against the restart target. */
const readyMs = (restart: RestartTimes) => restart.readyMs;

function databaseSection(report: DatabaseReport): string {
  const { setup, median } = report;
  const r = median.restart;
  const medianNumber = report.runs.indexOf(median) + 1;
  const setupTable = markdownTable(
    ['step', 'time', 'target'],
    [
      ['migrate a fresh database', seconds(setup.migrateMs), ''],
      [
        `import the gazetteer (${formatInteger(setup.places)} places, ${formatInteger(setup.searchTerms)} search terms)`,
        seconds(setup.importMs),
        `≤ ${targets.importSeconds} s ${verdict(setup.importMs <= targets.importSeconds * 1000)}`,
      ],
      [
        `… of which: ${Object.entries(setup.importPhasesMs)
          .map(([phase, ms]) => `${phase} ${formatSeconds(ms)} s`)
          .join(', ')}`,
        '',
        '',
      ],
      ['load the demo data', seconds(setup.demoMs), ''],
      [
        `restart (\`pobratim serve\` in a new process) until it logs that it listens, run ${medianNumber}`,
        seconds(r.listeningMs),
        '',
      ],
      ['… until /api/health answers', seconds(r.healthyMs), ''],
      [
        '… until the first search answers (the gazetteer’s names read into memory meanwhile)',
        seconds(readyMs(r)),
        `≤ ${targets.restartSeconds} s ${verdict(readyMs(r) <= targets.restartSeconds * 1000)}`,
      ],
      [
        `… healthy / first search in each run (the first after the import also builds and stores the place index): ${report.runs.map((run) => `${formatSeconds(run.restart.healthyMs)} / ${seconds(readyMs(run.restart))}`).join(', ')}`,
        '',
        '',
      ],
    ],
  );

  const accuracyRows: Cell[][] = [...queryKinds, 'all' as const].map((kind) => {
    const search = report.accuracy.search.get(kind)!;
    const baseline = report.accuracy.baseline.get(kind)!;
    return [
      kind === 'all' ? '**all**' : kind,
      search.total,
      formatPercent(search.top1, search.total),
      formatPercent(search.top5, search.total),
      formatPercent(baseline.top1, baseline.total),
      formatPercent(baseline.top5, baseline.total),
    ];
  });
  const accuracyTable = markdownTable(
    ['kind', 'queries', 'search top-1', 'search top-5', 'ILIKE top-1', 'ILIKE top-5'],
    accuracyRows,
  );

  const latencyRow = (label: string, clients: number, latency: LatencySummary, rate: string): Cell[] => [
    label,
    clients,
    formatMs(latency.p50),
    formatMs(latency.p95),
    formatMs(latency.p99),
    formatMs(latency.max),
    rate,
  ];
  const latencyTable = markdownTable(
    ['path', 'clients', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests/s'],
    [
      ...report.runs.flatMap((run, index) => [
        latencyRow(
          `run ${index + 1}: GET /api/search (limit=${resultLimit})${run.http.errors ? `, ${run.http.errors} errors` : ''}`,
          concurrency,
          run.http.latency,
          formatInteger(run.http.requestsPerSecond),
        ),
        latencyRow(
          `run ${index + 1}: GET /api/health every ${healthEveryMs} ms meanwhile (${run.health.latency.count} requests${run.health.failures ? `, ${run.health.failures} failed` : ''})`,
          1,
          run.health.latency,
          '',
        ),
      ]),
      latencyRow(
        'search service called directly (no HTTP)',
        1,
        report.direct.latency,
        formatInteger(report.direct.requestsPerSecond),
      ),
      latencyRow(
        "baseline: `name ilike '%' || $1 || '%' order by importance desc limit 5`",
        1,
        report.baseline.latency,
        formatInteger(report.baseline.requestsPerSecond),
      ),
    ],
  );
  const isEmbedded = report.kind === 'pglite';
  const cpuTable = markdownTable(
    [
      'run',
      '1-min load average before',
      'warm-up pass',
      'server process',
      isEmbedded ? '… of which the database’s thread' : 'PostgreSQL’s processes',
      'load generator',
    ],
    report.runs.map((run, index) => [
      index + 1,
      run.loadAverage.toFixed(2),
      seconds(run.http.warmUpMs),
      `${formatMs(run.http.cpu.server)} ms`,
      `${formatMs((isEmbedded ? run.http.cpu.databaseThread : run.http.cpu.postgres) ?? Number.NaN)} ms`,
      `${formatMs(run.http.cpu.loadGenerator)} ms`,
    ]),
  );
  return [
    `### ${report.label} ${isEmbedded ? `(PostgreSQL ${report.version} in WebAssembly, in a worker thread, data on disk)` : report.version}`,
    '',
    setupTable,
    '',
    'Accuracy (a hit is right when its `ids.geonamesId` is the target’s; organisations carry their place’s):',
    '',
    accuracyTable,
    '',
    `Latency in ${report.runs.length} runs, each a restart, a warm-up pass over the same ${formatInteger(report.querySet.queries.length)} queries, then the measured pass; the summary judges run ${medianNumber}, of median p95:`,
    '',
    latencyTable,
    '',
    `CPU time per search request during each measured pass, by process${isEmbedded ? ' (the database’s thread is the server’s busiest thread besides its main one)' : ''}:`,
    '',
    cpuTable,
  ].join('\n');
}

/** The lowest and highest value of a measure over a database's runs: `12–15`. */
function range(
  report: DatabaseReport,
  value: (run: RunReport) => number,
  format: (n: number) => string,
): string {
  const values = report.runs.map(value);
  return `${format(Math.min(...values))}–${format(Math.max(...values))}`;
}

function summarySection(reports: readonly DatabaseReport[]): string {
  const row = (
    label: string,
    target: string,
    value: (report: DatabaseReport) => [string, boolean | undefined],
  ): Cell[] => [
    label,
    target,
    ...reports.map((report) => {
      const [text, isMet] = value(report);
      return `${text} ${verdict(isMet)}`.trim();
    }),
  ];
  const accuracyOf = (report: DatabaseReport) => report.accuracy.search.get('all')!;
  return markdownTable(
    ['measure', 'target', ...reports.map((report) => report.label)],
    [
      row('fresh start: gazetteer import', `≤ ${targets.importSeconds} s`, (report) => [
        seconds(report.setup.importMs),
        report.setup.importMs <= targets.importSeconds * 1000,
      ]),
      row(
        'restart until the first search answers (median run)',
        `≤ ${targets.restartSeconds} s`,
        (report) => [
          `${seconds(readyMs(report.median.restart))} (${range(report, (run) => readyMs(run.restart), formatSeconds)} s)`,
          readyMs(report.median.restart) <= targets.restartSeconds * 1000,
        ],
      ),
      row('top-1 accuracy, all kinds', `≥ ${targets.top1 * 100}%`, (report) => {
        const { top1, total } = accuracyOf(report);
        return [formatPercent(top1, total), top1 >= targets.top1 * total];
      }),
      row('top-5 accuracy, all kinds', `≥ ${targets.top5 * 100}%`, (report) => {
        const { top5, total } = accuracyOf(report);
        return [formatPercent(top5, total), top5 >= targets.top5 * total];
      }),
      row(
        `/api/search p95, ${concurrency} clients (median run, and the range)`,
        `≤ ${targets.p95Ms.postgres} ms (PostgreSQL), ≤ ${targets.p95Ms.pglite} ms (PGlite)`,
        (report) => [
          `${formatMs(report.median.http.latency.p95)} ms (${range(report, (run) => run.http.latency.p95, formatMs)} ms)`,
          report.median.http.latency.p95 <= targets.p95Ms[report.kind],
        ],
      ),
      row(
        '/api/search throughput (the same run)',
        `≥ ${targets.postgresRequestsPerSecond}/s (PostgreSQL)`,
        (report) => [
          `${formatInteger(report.median.http.requestsPerSecond)}/s (${range(report, (run) => run.http.requestsPerSecond, formatInteger)}/s)`,
          report.kind === 'postgres'
            ? report.median.http.requestsPerSecond >= targets.postgresRequestsPerSecond
            : undefined,
        ],
      ),
      row('/api/health p99 under that load (the same run)', `< ${targets.healthP99Ms} ms`, (report) => [
        `${formatMs(report.median.health.latency.p99)} ms (${range(report, (run) => run.health.latency.p99, formatMs)} ms)`,
        report.median.health.latency.p99 < targets.healthP99Ms && report.median.health.failures === 0,
      ]),
      row('ILIKE baseline: top-1 / top-5 / p95', '', (report) => {
        const { top1, top5, total } = report.accuracy.baseline.get('all')!;
        return [
          `${formatPercent(top1, total)} / ${formatPercent(top5, total)} / ${formatMs(report.baseline.latency.p95)} ms`,
          undefined,
        ];
      }),
    ],
  );
}

function querySetSection(report: DatabaseReport, seed: number): string {
  const { querySet } = report;
  const perKind = (kind: QueryKind) => querySet.queries.filter((query) => query.kind === kind);
  const examples = (kind: QueryKind) =>
    perKind(kind)
      .slice(0, 3)
      .map((query) => `\`${query.q}\` → ${query.targetName}`)
      .join(', ');
  return [
    `${formatInteger(querySet.queries.length)} queries from the imported gazetteer, generated with a seeded generator (seed ${seed}, fingerprint \`${report.fingerprint}\`). Targets are the ${formatInteger(querySet.populousPlaces - querySet.sharedNameExclusions)} places of ${formatInteger(minimumTargetPopulation)}+ inhabitants that are the most populous place of their English name: ${formatInteger(querySet.sharedNameExclusions)} of the ${formatInteger(querySet.populousPlaces)} such places share their English name with a larger place and have no single right answer without a country, so they are left out. Each kind samples its eligible targets:`,
    '',
    markdownTable(
      ['kind', 'queries', 'eligible targets', 'definition', 'examples'],
      queryKinds.map((kind) => [
        kind,
        perKind(kind).length,
        formatInteger(querySet.eligible[kind]),
        queryKindDefinitions[kind],
        examples(kind),
      ]),
      ['l', 'r', 'r', 'l', 'l'],
    ),
  ].join('\n');
}

function missesSection(report: DatabaseReport, perKind = 6): string {
  const lines = [
    `#### ${report.label}: first misses per kind (rank of the right answer in the top ${resultLimit}, or –)`,
  ];
  for (const kind of queryKinds) {
    const misses = report.misses.filter((miss) => miss.kind === kind);
    if (misses.length === 0) continue;
    lines.push('', `${kind} (${misses.length} not first):`);
    for (const miss of misses.slice(0, perKind)) {
      lines.push(
        `- \`${miss.q}\` → ${miss.targetName} (${miss.target}), rank ${miss.rank ?? '–'}; got: ${miss.got.slice(0, 2).join('; ') || 'nothing'}`,
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  log(`seed ${options.seed}; databases: ${options.databases.join(', ')}`);
  log('compiling the server, whose restart is measured as `pobratim serve`');
  await buildServer();
  const reports: DatabaseReport[] = [];
  for (const kind of options.databases) {
    const target =
      kind === 'pglite' ? await createPgliteTarget() : await createPostgresTarget(process.env.DATABASE_URL!);
    try {
      reports.push(await benchmarkDatabase(target, options));
    } finally {
      await target.destroy();
    }
  }
  const first = reports[0];
  if (!first) throw new Error('No database to benchmark.');
  const fingerprints = new Set(reports.map((report) => report.fingerprint));
  const versions = reports.map((report) =>
    report.kind === 'pglite' ? `PGlite's PostgreSQL ${report.version}` : `PostgreSQL ${report.version}`,
  );
  const command = `${describeCommand('bench:search')}${options.seed === defaultSeed ? '' : ` -- --seed=${options.seed}`}`;

  const body = [
    machineMarkdown(machine, command, versions),
    `- Load: the server runs in a process of its own, started as \`pobratim serve\` starts (bench/lib/search-server.ts), and listens on 127.0.0.1 (random port); in the benchmark's process, ${concurrency} keep-alive clients (node:http, which costs a fraction of fetch's CPU per request) share the ${formatInteger(queryCount)} queries. Each database is measured in ${options.runs} runs: a restart (\`pobratim serve\`, compiled, in a new process, timed until its first search answers, then stopped; then the benchmark's server process), a warm-up pass, then the measured pass, during which another client requests /api/health every ${healthEveryMs} ms; the summary shows the run of median p95 and the range over the runs. Server, database and clients share the machine's cores: the CPU time of each per request is reported under each database's latency table. The direct and baseline runs use one client, one query at a time, in the benchmark's process, after the server has stopped.`,
    fingerprints.size > 1 ? '- **The databases produced different query sets.**' : '',
    '',
    '### Summary',
    '',
    summarySection(reports),
    '',
    '### Queries',
    '',
    querySetSection(first, options.seed),
    '',
    ...reports.flatMap((report) => [databaseSection(report), '']),
  ]
    .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
    .join('\n');

  console.log(`## Search\n\n${body}`);
  console.log(`\n### Misses\n\n${reports.map((report) => missesSection(report)).join('\n\n')}`);
  if (options.missesFile) {
    await fs.writeFile(
      options.missesFile,
      JSON.stringify(Object.fromEntries(reports.map((report) => [report.kind, report.misses])), null, 1),
    );
    log(`misses written to ${options.missesFile}`);
  }
  if (options.writeDocs) {
    await writeBenchmarkSection('Search', body);
    log('docs/benchmarks.md updated');
  }
}

await main();
