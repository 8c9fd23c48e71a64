/**
 * The matching benchmark (`npm run bench:matching`): imports the twin-town list into a fresh database
 * (PGlite always, PostgreSQL when DATABASE_URL is set) with the whole gazetteer, imports it a second time
 * (which must change nothing), hides a seeded random 10% of the imported pairs (deletes them), and for each
 * hidden pair ranks the candidate partners of one side (chosen at random) from what the database holds.
 * It prints recall@10, recall@50 and the mean reciprocal rank of the hidden partner for our ranking and
 * three baselines (most-connected first, nearest first, Adamic–Adar), the p95 latency of one suggestion
 * request over HTTP, and the import's time and resolution, and writes them into docs/benchmarks.md.
 *
 * Options: --seed=<n>, --databases=pglite,postgres, --no-docs (print only), --file=<csv> (the list; by
 * default ../shared/data/twinning/twin_towns_wikipedia_train.csv), --latency-requests=<n>.
 */
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { locationOf, type CooperationGraph } from '../src/domain/cooperation-graph.js';
import { distanceKm } from '../src/domain/geo.js';
import { adamicAdar } from '../src/domain/matching-signals.js';
import { createMatchContext, defaultCandidateKinds, scoreCandidates } from '../src/domain/matching.js';
import { createGazetteerService } from '../src/modules/gazetteer/gazetteer.service.js';
import { loadCooperationGraph } from '../src/modules/matching/matching.service.js';
import {
  createTwinTownsService,
  type TwinTownImportResult,
} from '../src/modules/twin-towns/twin-towns.service.js';
import type { TwinTownSide } from '../src/domain/twin-towns.js';
import { publicActor, systemActor } from '../src/platform/actor.js';
import type { Database } from '../src/platform/db/database.js';
import { inTransaction } from '../src/platform/db/helpers.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createServer } from '../src/server.js';
import { createServices } from '../src/services.js';
import {
  createPgliteTarget,
  createPostgresTarget,
  serverVersion,
  type BenchDatabaseTarget,
} from './lib/bench-database.js';
import { writeBenchmarkSection } from './lib/docs-section.js';
import { runHttpLoad } from './lib/http-load.js';
import { describeCommand, describeMachine, machineMarkdown, repositoryRoot } from './lib/machine.js';
import {
  formatInteger,
  formatMs,
  formatPercent,
  formatSeconds,
  markdownTable,
  verdict,
} from './lib/markdown.js';
import { createRandom } from './lib/prng.js';
import { summariseLatencies, timed, type LatencySummary } from './lib/stats.js';

const defaultSeed = 20_261_121;
const defaultFile = path.resolve(repositoryRoot, '../shared/data/twinning/twin_towns_wikipedia_train.csv');
const actor = systemActor('bench');

/** The targets of issue 6, checked in the summary. */
const targets = {
  importSeconds: 180,
  resolved: 0.97,
  withinKm: 25,
  recallRatio: 1.5,
  p95Ms: 150,
};

interface Options {
  seed: number;
  databases: ('pglite' | 'postgres')[];
  writeDocs: boolean;
  file: string;
  latencyRequests: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const requested = value('databases')?.split(',') ?? ['pglite', 'postgres'];
  return {
    seed: Number(value('seed') ?? defaultSeed),
    databases: requested.filter(
      (kind): kind is 'pglite' | 'postgres' =>
        kind === 'pglite' || (kind === 'postgres' && Boolean(process.env.DATABASE_URL)),
    ),
    writeDocs: !argv.includes('--no-docs'),
    file: value('file') ?? defaultFile,
    latencyRequests: Number(value('latency-requests') ?? 500),
  };
}

const log = (message: string) => console.error(`[bench:matching] ${message}`);

const methods = ['ours', 'mostConnected', 'nearest', 'adamicAdar'] as const;
type Method = (typeof methods)[number];
const methodLabels: Record<Method, string> = {
  ours: 'Pobratim (src/domain/matching.ts)',
  mostConnected: 'most-connected first',
  nearest: 'nearest first',
  adamicAdar: 'Adamic–Adar',
};

interface Accuracy {
  queries: number;
  top10: number;
  top50: number;
  reciprocalRanks: number;
}

interface Counts {
  organisations: number;
  partnerships: number;
  names: number;
  sources: number;
  auditEvents: number;
}

interface DatabaseReport {
  label: string;
  kind: 'pglite' | 'postgres';
  version: string;
  gazetteerMs: number;
  importMs: number;
  first: TwinTownImportResult;
  second: TwinTownImportResult;
  secondImportMs: number;
  changes: Partial<Record<keyof Counts, number>>;
  counts: Counts;
  towns: { total: number; resolved: number; within: number };
  hidden: number;
  accuracy: Record<Method, Accuracy>;
  agreement: { checked: number; same: number };
  latency: LatencySummary;
  coldMs: number;
}

async function countRows(database: Database): Promise<Counts> {
  const { rows } = await sql<Counts>`
    select (select count(*)::int from organisations) as organisations,
      (select count(*)::int from partnerships) as partnerships,
      (select count(*)::int from names) as names,
      (select count(*)::int from sources) as sources,
      (select count(*)::int from audit_events) as audit_events`.execute(database.db);
  return rows[0]!;
}

/** Whether each resolved town lies within the target distance of its row's coordinates. */
async function checkResolutions(
  database: Database,
  resolutions: readonly { side: TwinTownSide; organisationId: string | undefined }[],
) {
  const located = await database.db
    .selectFrom('organisations')
    .select(['id', 'latitude', 'longitude'])
    .execute();
  const where = new Map(located.map((row) => [row.id, row]));
  let resolved = 0;
  let within = 0;
  for (const { side, organisationId } of resolutions) {
    if (!organisationId) continue;
    resolved++;
    const organisation = where.get(organisationId);
    if (
      organisation?.latitude != null &&
      organisation.longitude != null &&
      side.latitude !== null &&
      side.longitude !== null &&
      distanceKm(
        side as { latitude: number; longitude: number },
        organisation as { latitude: number; longitude: number },
      ) <= targets.withinKm
    )
      within++;
  }
  return { total: resolutions.length, resolved, within };
}

/**
 * The imported pairs in an order that does not depend on the database (by GeoNames ids), a seeded 10%
 * of them, deleted from the database.
 */
async function hidePairs(database: Database, seed: number) {
  const { rows } = await sql<{ id: string; a: string; b: string; low: number; high: number }>`
    select p.id, p.organisation_a_id as a, p.organisation_b_id as b,
      least(oa.geonames_id, ob.geonames_id) as low, greatest(oa.geonames_id, ob.geonames_id) as high
    from partnerships p
    join organisations oa on oa.id = p.organisation_a_id
    join organisations ob on ob.id = p.organisation_b_id
    where p.type = 'twinning'`.execute(database.db);
  const pairs = rows
    .map((row) => ({ ...row, low: Number(row.low), high: Number(row.high) }))
    .sort((x, y) => x.low - y.low || x.high - y.high);
  const random = createRandom(seed);
  const hidden = random.sample(pairs, Math.floor(pairs.length / 10));
  const queries = hidden.map((pair) =>
    random.next() < 0.5 ? { query: pair.a, target: pair.b } : { query: pair.b, target: pair.a },
  );
  await inTransaction(database, actor, async (trx) => {
    const ids = hidden.map((pair) => pair.id);
    for (let start = 0; start < ids.length; start += 1000)
      await trx
        .deleteFrom('partnerships')
        .where('id', 'in', ids.slice(start, start + 1000))
        .execute();
  });
  return queries;
}

/** The rank (1 = first) of `target` among the candidates by `score`, ties broken by a seeded order. */
function rankOf(
  score: ArrayLike<number>,
  target: number,
  isCandidate: (node: number) => boolean,
  tieOrder: Int32Array,
): number {
  const targetScore = score[target]!;
  let rank = 1;
  for (let node = 0; node < score.length; node++) {
    if (node === target || !isCandidate(node)) continue;
    const value = score[node]!;
    if (value > targetScore || (value === targetScore && tieOrder[node]! < tieOrder[target]!)) rank++;
  }
  return rank;
}

/** Ranks of the hidden partners by each method, from the graph as the database now holds it. */
function evaluate(
  graph: CooperationGraph,
  queries: readonly { query: string; target: string }[],
  seed: number,
) {
  const count = graph.nodes.length;
  const tieOrder = Int32Array.from(createRandom(seed + 1).sample([...Array(count).keys()], count));
  const order = new Int32Array(count);
  tieOrder.forEach((node, position) => (order[node] = position));
  const accuracy = Object.fromEntries(
    methods.map((method) => [method, { queries: 0, top10: 0, top50: 0, reciprocalRanks: 0 }]),
  ) as Record<Method, Accuracy>;
  const degree = graph.degree;
  const topTens = new Map<string, string[]>();
  for (const { query, target } of queries) {
    const node = graph.indexOf.get(query)!;
    const wanted = graph.indexOf.get(target)!;
    const partners = new Set(graph.ties[node]!.map((tie) => tie.node));
    const kinds = defaultCandidateKinds(graph.nodes[node]!.kind);
    const isCandidate = (candidate: number) =>
      candidate !== node && !partners.has(candidate) && kinds.includes(graph.nodes[candidate]!.kind);
    const ours = scoreCandidates(
      createMatchContext(graph, node, graph.nodes[node]!.themes, new Set([node, ...partners])),
    );
    const here = locationOf(graph, node);
    const nearest = new Float64Array(count);
    for (let candidate = 0; candidate < count; candidate++) {
      const there = locationOf(graph, candidate);
      nearest[candidate] = here && there ? -distanceKm(here, there) : Number.NEGATIVE_INFINITY;
    }
    const common = new Float64Array(count);
    for (const [candidate, value] of adamicAdar(graph, node)) common[candidate] = value;
    const scores: Record<Method, ArrayLike<number>> = {
      ours,
      mostConnected: degree,
      nearest,
      adamicAdar: common,
    };
    for (const method of methods) {
      const rank = rankOf(scores[method], wanted, isCandidate, order);
      const entry = accuracy[method];
      entry.queries++;
      if (rank <= 10) entry.top10++;
      if (rank <= 50) entry.top50++;
      entry.reciprocalRanks += 1 / rank;
    }
    if (topTens.size < 20 && !topTens.has(query)) {
      const best = [...Array(count).keys()]
        .filter(isCandidate)
        .sort((a, b) => ours[b]! - ours[a]! || a - b)
        .slice(0, 10)
        .map((candidate) => graph.nodes[candidate]!.id);
      topTens.set(query, best);
    }
  }
  return { accuracy, topTens };
}

async function benchmarkDatabase(target: BenchDatabaseTarget, options: Options): Promise<DatabaseReport> {
  const database = await target.open();
  try {
    await migrateToLatest(database.db);
    const version = await serverVersion(database);
    log(`${target.label}: importing the gazetteer`);
    const gazetteer = await timed(() => createGazetteerService(database).importGazetteer(actor));
    const services = createServices(database);
    const twinTowns = createTwinTownsService(database, { search: services.search, places: services.places });
    const text = await fs.readFile(options.file, 'utf8');

    log(`${target.label}: importing ${options.file}`);
    const resolutions: { side: TwinTownSide; organisationId: string | undefined }[] = [];
    let lastPhase = '';
    const first = await timed(() =>
      twinTowns.importTwinTowns(actor, text, {
        onProgress: ({ phase }) => {
          if (phase !== lastPhase) log(`${target.label}: ${phase}`);
          lastPhase = phase;
        },
        onTownResolved: (side, organisationId) => resolutions.push({ side, organisationId }),
      }),
    );
    const before = await countRows(database);
    log(`${target.label}: imported in ${formatSeconds(first.ms)} s; importing again`);
    const second = await timed(() => twinTowns.importTwinTowns(actor, text));
    const after = await countRows(database);
    const changes = Object.fromEntries(
      (Object.keys(before) as (keyof Counts)[]).map((key) => [key, after[key] - before[key]]),
    );
    const towns = await checkResolutions(database, resolutions);

    log(`${target.label}: hiding 10% of the pairs (seed ${options.seed})`);
    const queries = await hidePairs(database, options.seed);
    const graph = await loadCooperationGraph(database);
    log(`${target.label}: ranking the hidden partners of ${queries.length} towns`);
    const { accuracy, topTens } = evaluate(graph, queries, options.seed);

    // The service ranks as the evaluation does: its first ten are the same.
    let same = 0;
    for (const [query, best] of topTens) {
      const answer = await services.matching.suggestPartners(publicActor, query, { limit: 10 });
      if (answer.candidates.map((candidate) => candidate.organisation.id).join() === best.join()) same++;
    }

    log(`${target.label}: latency of /api/organisations/{id}/suggested-partners`);
    const app = await createServer({ database, services });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const paths = queries
        .slice(0, options.latencyRequests)
        .map(({ query }) => `/api/organisations/${query}/suggested-partners?limit=10`);
      // The first request after a write loads the graph into memory.
      const cold = await runHttpLoad({ baseUrl, paths: paths.slice(0, 1), concurrency: 1, passes: 1 });
      const load = await runHttpLoad({ baseUrl, paths, concurrency: 1, passes: 1 });
      const failed = load.passes[0]!.statuses.filter((status) => status !== 200).length;
      if (failed > 0) throw new Error(`${failed} suggestion requests failed.`);
      return {
        label: target.label,
        kind: target.kind,
        version,
        gazetteerMs: gazetteer.ms,
        importMs: first.ms,
        first: first.result,
        second: second.result,
        secondImportMs: second.ms,
        changes,
        counts: after,
        towns,
        hidden: queries.length,
        accuracy,
        agreement: { checked: topTens.size, same },
        latency: summariseLatencies(load.passes[0]!.latencies),
        coldMs: cold.passes[0]!.latencies[0]!,
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

// ---- Report ----

const seconds = (ms: number) => `${formatSeconds(ms)} s`;
const share = (accuracy: Accuracy, part: number) => formatPercent(part, accuracy.queries);
const ratio = (report: DatabaseReport) => {
  const ours = report.accuracy.ours.top10;
  const baseline = report.accuracy.adamicAdar.top10;
  return baseline === 0 ? Number.POSITIVE_INFINITY : ours / baseline;
};

function summarySection(reports: readonly DatabaseReport[]): string {
  const row = (label: string, target: string, cell: (report: DatabaseReport) => string) => [
    label,
    target,
    ...reports.map(cell),
  ];
  return markdownTable(
    ['measure', 'target', ...reports.map((report) => report.label)],
    [
      row(
        'import of the whole file',
        `≤ ${targets.importSeconds} s`,
        (report) => `${seconds(report.importMs)} ${verdict(report.importMs <= targets.importSeconds * 1000)}`,
      ),
      row(
        `towns resolved within ${targets.withinKm} km of the row's coordinates`,
        `≥ ${targets.resolved * 100}%`,
        (report) =>
          `${formatPercent(report.towns.within, report.towns.total)} ${verdict(report.towns.within / report.towns.total >= targets.resolved)}`,
      ),
      row('… of them to a gazetteer place (not made from the list)', '', (report) =>
        formatPercent(report.towns.within - report.first.towns.listed, report.towns.total),
      ),
      row('second import: rows changed', '0', (report) => {
        const changed = Object.values(report.changes).reduce((sum, value) => sum + Math.abs(value ?? 0), 0);
        return `${changed} ${verdict(changed === 0)}`;
      }),
      row(
        'recall@10, ours ÷ Adamic–Adar',
        `≥ ${targets.recallRatio}×`,
        (report) => `${ratio(report).toFixed(2)}× ${verdict(ratio(report) >= targets.recallRatio)}`,
      ),
      row(
        'one suggestion request, p95',
        `≤ ${targets.p95Ms} ms (PostgreSQL)`,
        (report) =>
          `${formatMs(report.latency.p95)} ms ${report.kind === 'postgres' ? verdict(report.latency.p95 <= targets.p95Ms) : ''}`,
      ),
    ],
  );
}

function databaseSection(report: DatabaseReport): string {
  const { first, second, counts, towns, accuracy } = report;
  const reasons = new Map<string, number>();
  for (const { reason } of first.refused) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const importTable = markdownTable(
    ['step', 'result'],
    [
      ['import the gazetteer', seconds(report.gazetteerMs)],
      [
        'import the twin-town list',
        `${seconds(report.importMs)}: ${formatInteger(first.rows)} rows, ${formatInteger(first.towns.total)} distinct towns (${Object.entries(
          first.phaseSeconds,
        )
          .map(([phase, phaseSeconds]) => `${phase} ${phaseSeconds} s`)
          .join(', ')})`,
      ],
      [
        'towns resolved',
        `${formatInteger(towns.resolved)} (${formatPercent(towns.resolved, towns.total)}), of which ${formatInteger(towns.within)} within ${targets.withinKm} km of the row's coordinates`,
      ],
      [
        '… of which made from the list',
        `${formatInteger(first.towns.listed)} towns the gazetteer lacks (or whose only namesake is over ${2 * targets.withinKm} km away) became ${formatInteger(first.authorities.createdFromList)} authorities from the list's name, country and coordinates`,
      ],
      [
        'authorities created, partnerships created',
        `${formatInteger(first.authorities.created)}, ${formatInteger(first.partnerships.created)} (${formatInteger(first.partnerships.repeated)} rows repeat a pair)`,
      ],
      [
        'rows not imported, by reason of their towns',
        `${formatInteger(first.refusedRows)} (${[...reasons].map(([reason, count]) => `${reason} ${formatInteger(count)}`).join(', ')})`,
      ],
      [
        'second import',
        `${seconds(report.secondImportMs)}: ${second.partnerships.created} partnerships and ${second.authorities.created} authorities created; row counts changed: ${Object.entries(
          report.changes,
        )
          .map(([table, change]) => `${table} ${change}`)
          .join(', ')}`,
      ],
      [
        'in the database after both imports',
        `${formatInteger(counts.organisations)} organisations, ${formatInteger(counts.partnerships)} partnerships`,
      ],
    ],
  );
  const rankingTable = markdownTable(
    ['ranking', 'recall@10', 'recall@50', 'mean reciprocal rank'],
    methods.map((method) => [
      methodLabels[method],
      share(accuracy[method], accuracy[method].top10),
      share(accuracy[method], accuracy[method].top50),
      (accuracy[method].reciprocalRanks / accuracy[method].queries).toFixed(3),
    ]),
  );
  const { latency } = report;
  return [
    `### ${report.label} (${report.kind === 'pglite' ? `PGlite's PostgreSQL ${report.version}` : `PostgreSQL ${report.version}`})`,
    '',
    importTable,
    '',
    `Hidden pairs: ${formatInteger(report.hidden)}; for each, the candidates of one side (at random) are ranked, and the hidden partner's rank is read (ties in a seeded random order).`,
    '',
    rankingTable,
    '',
    `The service's first ten equal the evaluation's for ${report.agreement.same} of ${report.agreement.checked} checked towns. One suggestion request (\`GET /api/organisations/{id}/suggested-partners?limit=10\`, one at a time, ${latency.count} requests): p50 ${formatMs(latency.p50)} ms, p95 ${formatMs(latency.p95)} ms, p99 ${formatMs(latency.p99)} ms, max ${formatMs(latency.max)} ms; the first request after the imports, which loads the graph into memory, ${formatMs(report.coldMs)} ms.`,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  log(`seed ${options.seed}; databases: ${options.databases.join(', ')}`);
  const reports: DatabaseReport[] = [];
  for (const kind of options.databases) {
    const target =
      kind === 'pglite'
        ? await createPgliteTarget()
        : await createPostgresTarget(process.env.DATABASE_URL!, 'pobratim_bench_matching');
    try {
      reports.push(await benchmarkDatabase(target, options));
    } finally {
      await target.destroy();
    }
  }
  if (reports.length === 0) throw new Error('No database to benchmark.');
  const command = `${describeCommand('bench:matching')}${options.seed === defaultSeed ? '' : ` -- --seed=${options.seed}`}`;
  const versions = reports.map((report) =>
    report.kind === 'pglite' ? `PGlite's PostgreSQL ${report.version}` : `PostgreSQL ${report.version}`,
  );
  const body = [
    machineMarkdown(machine, command, versions),
    `- Input: \`${path.relative(repositoryRoot, options.file)}\` (Wikipedia's twin-town lists, CC BY-SA 4.0, via Hekman/twincities; see NOTICE), seed ${options.seed}.`,
    '',
    '### Summary',
    '',
    summarySection(reports),
    '',
    ...reports.flatMap((report) => [databaseSection(report), '']),
  ].join('\n');
  console.log(`## Matching\n\n${body}`);
  if (options.writeDocs) {
    await writeBenchmarkSection('Matching', body);
    log('docs/benchmarks.md updated');
  }
}

await main();
