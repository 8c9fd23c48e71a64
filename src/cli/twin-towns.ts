import fs from 'node:fs/promises';
import type { Command } from 'commander';
import type { TwinTownImportResult, TwinTownProgress } from '../modules/twin-towns/twin-towns.service.js';
import { systemActor } from '../platform/actor.js';
import { createRuntimeServices, withRuntime } from './runtime.js';

const actor = systemActor('cli');

/** Writes progress lines (`resolving 4000/17717`) to standard error, at most one a second. */
function progressPrinter(): (event: TwinTownProgress) => void {
  let last = -Infinity;
  let lastPhase = '';
  return ({ phase, done, total }) => {
    const now = performance.now();
    if (phase === lastPhase && now - last < 1000 && done < total) return;
    last = now;
    lastPhase = phase;
    console.error(`${phase} ${done}/${total}`);
  };
}

/** A CSV field, quoted when it must be (RFC 4180). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The refusals as CSV: one line per town (or row) not imported, in the order of the file. */
function reportCsv(result: TwinTownImportResult): string {
  const lines = [
    ['line', 'city', 'country', 'reason', 'detail'],
    ...result.refused.map(({ line, city, country, reason, detail }) => [line, city, country, reason, detail]),
  ];
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function summary(result: TwinTownImportResult, reportPath: string): string {
  const { rows, towns, authorities, partnerships, refusedRows, refused } = result;
  const reasons = new Map<string, number>();
  for (const { reason } of refused) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '–');
  return [
    `Read ${rows} rows naming ${towns.total} towns in ${result.seconds} s.`,
    `Towns resolved: ${towns.resolved} of ${towns.total} (${percent(towns.resolved, towns.total)}), ` +
      `${towns.resolved - towns.listed} to a gazetteer place or a registry organisation and ` +
      `${towns.listed} made from the list's name and coordinates (the gazetteer lacks them).`,
    `Authorities: ${authorities.created} created (${authorities.createdFromList} from the list), ` +
      `${authorities.existing} already in the registry.`,
    `Partnerships: ${partnerships.created} created, ${partnerships.existing} already recorded, ${partnerships.repeated} rows repeating a pair.`,
    `Rows not imported: ${refusedRows}${
      reasons.size
        ? ` (${[...reasons].map(([reason, count]) => `${reason} ${count}`).join(', ')}); see ${reportPath}`
        : ''
    }.`,
  ].join('\n');
}

/** `pobratim import twin-towns FILE`: a subcommand of `import`, whose own argument is a JSON dump. */
export function registerTwinTownCommands(importCommand: Command): void {
  importCommand
    .command('twin-towns')
    .description(
      'Import a twin-town list (CSV: city1, country1, lat1, lng1, city2, country2, lat2, lng2) as active ' +
        'twinnings reported by the list. Each town becomes the authority of its gazetteer place (created ' +
        'once); importing the same list again changes nothing.',
    )
    .argument('<file>', 'the CSV file')
    .option(
      '--report <path>',
      'where to write the towns and rows not imported (CSV)',
      'twin-towns-report.csv',
    )
    .option('--max-distance <km>', "how far from a row's coordinates a town may be found", '25')
    .option(
      '--gazetteer-only',
      "refuse towns the gazetteer lacks rather than make them authorities from the list's name and coordinates",
    )
    .action(
      async (file: string, options: { report: string; maxDistance: string; gazetteerOnly?: boolean }) => {
        const text = await fs.readFile(file, 'utf8');
        const [{ loadGazetteerIfNeeded }, { createTwinTownsService }] = await Promise.all([
          import('../modules/gazetteer/gazetteer.service.js'),
          import('../modules/twin-towns/twin-towns.service.js'),
        ]);
        await withRuntime(async (runtime) => {
          await loadGazetteerIfNeeded(runtime.database, runtime.logger);
          const services = await createRuntimeServices(runtime);
          const twinTowns = createTwinTownsService(runtime.database, {
            search: services.search,
            places: services.places,
          });
          const result = await twinTowns.importTwinTowns(actor, text, {
            onProgress: progressPrinter(),
            maxDistanceKm: Number(options.maxDistance),
            listedTowns: !options.gazetteerOnly,
          });
          await fs.writeFile(options.report, reportCsv(result));
          console.log(summary(result, options.report));
        });
      },
    );
}
