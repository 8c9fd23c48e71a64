import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import type { GazetteerProgress } from '../modules/gazetteer/gazetteer.service.js';
import { systemActor } from '../platform/actor.js';
import { withRuntime } from './runtime.js';

const actor = systemActor('cli');

/** Writes progress lines (`places 40000/135233`) to standard error, at most one a second. */
function progressPrinter(): (event: GazetteerProgress) => void {
  let last = -Infinity;
  return ({ phase, done, total }) => {
    const now = performance.now();
    if (now - last < 1000) return;
    last = now;
    console.error(`${phase} ${done}/${total}`);
  };
}

/** `pobratim gazetteer ...`: the reference gazetteer's commands. */
export function registerGazetteerCommands(program: Command): void {
  const gazetteer = program
    .command('gazetteer')
    .description('The reference gazetteer: places of 1,000+ inhabitants and countries (GeoNames, Eurostat).');

  gazetteer
    .command('import')
    .description(
      'Import the shipped gazetteer, replacing an older version. Importing the same version again changes nothing.',
    )
    .option('--force', 'import even when the database already holds this version')
    .action(async (options: { force?: boolean }) => {
      const { createGazetteerService } = await import('../modules/gazetteer/gazetteer.service.js');
      await withRuntime(async ({ database }) => {
        const result = await createGazetteerService(database).importGazetteer(actor, {
          force: options.force === true,
          onProgress: progressPrinter(),
        });
        const { countries, places, placeNames, searchTerms } = result.counts;
        const counts = `${places} places, ${placeNames} place names (${searchTerms} search terms), ${countries} countries`;
        console.log(
          result.imported
            ? `Gazetteer ${result.version.slice(0, 12)} imported in ${result.seconds} s: ${counts}.`
            : `The gazetteer ${result.version.slice(0, 12)} is already imported (${counts}); nothing changed.`,
        );
      });
    });
}
