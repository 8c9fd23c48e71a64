import fs from 'node:fs/promises';
import { Command, CommanderError } from 'commander';
import { systemActor } from '../platform/actor.js';
import { ConfigError } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { isAppError } from '../platform/errors.js';
import { appVersion } from '../version.js';
import { createRuntimeServices, openRuntime, withRuntime } from './runtime.js';
import { registerBackupCommands, UsageError } from './backup.js';
import { registerGazetteerCommands } from './gazetteer.js';
import { registerTwinTownCommands } from './twin-towns.js';
import { registerUserCommands } from './users.js';

const actor = systemActor('cli');

const program = new Command()
  .name('pobratim')
  .description('Pobratim: the registry of international cooperation of cities, municipalities and regions.')
  .version(appVersion)
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description(
    'Run the HTTP server: API under /api, docs at /api/docs. Loads the demo data into an empty database.',
  )
  .action(async () => {
    // The database opens on its own thread while the server's modules load.
    const [runtime, { serve }] = await Promise.all([openRuntime(), import('./serve.js')]);
    await serve(runtime);
  });

program
  .command('migrate')
  .description('Apply the database migrations that have not run yet.')
  .action(async () => {
    await withRuntime(async () => {
      console.log('The database is up to date.');
    });
  });

program
  .command('demo')
  .description('Load the demo data (the facts of the five seed documents). Loading it again changes nothing.')
  .action(async () => {
    const { createDemoService } = await import('../modules/demo/demo.service.js');
    await withRuntime(async ({ database }) => {
      const result = await createDemoService(database).load(actor);
      console.log(
        result.loaded
          ? `Demo data loaded: ${describeCounts(result.counts)}.`
          : 'The demo data is already loaded; nothing changed.',
      );
    });
  });

program
  .command('export')
  .description(
    'Write the registry as JSON, to move records into another Pobratim: organisations, names, sources, themes, ' +
      'memberships, partnerships, projects, activities and programmes. It leaves out accounts, contacts, ' +
      'initiatives, interests, notifications, the audit trail and the gazetteer: for a backup, use `pobratim backup`.',
  )
  .option('-o, --output <file>', 'file to write (default: standard output)')
  .action(async (options: { output?: string }) => {
    const { createDumpService } = await import('../modules/dump/dump.service.js');
    await withRuntime(async ({ database }) => {
      const dump = await createDumpService(database).exportAll(actor);
      const text = `${JSON.stringify(dump, null, 2)}\n`;
      if (options.output) {
        await fs.writeFile(options.output, text);
        const rows = Object.values(dump.tables).reduce((sum, rows) => sum + rows.length, 0);
        console.error(`Exported ${rows} rows to ${options.output}.`);
      } else {
        process.stdout.write(text);
      }
    });
  });

const importCommand = program
  .command('import')
  .description(
    'Import a JSON dump made by `pobratim export` (registry records only; see `export`). Rows already present ' +
      'are left alone; importing twice changes nothing. To bring back a whole database, use `pobratim restore`.',
  )
  .argument('<file>', 'the dump to import')
  .action(async (file: string) => {
    const dump: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    const { createDumpService } = await import('../modules/dump/dump.service.js');
    await withRuntime(async ({ database }) => {
      const report = await createDumpService(database).importAll(actor, dump);
      for (const [table, counts] of Object.entries(report.tables)) {
        if (counts.inserted + counts.unchanged + counts.refused > 0) {
          console.log(
            `${table}: ${counts.inserted} inserted, ${counts.unchanged} unchanged, ${counts.refused} refused`,
          );
        }
      }
      for (const refused of report.refused)
        console.log(`refused ${refused.table} ${refused.key}: ${refused.reason}`);
    });
  });

program
  .command('jobs')
  .description('Background jobs, which `pobratim serve` runs every minute.')
  .command('run')
  .description(
    'Run the background jobs once: issue the deadline reminders due and send the mails waiting in the outbox. ' +
      'Running it again, or while a server runs them on PostgreSQL, sends nothing twice.',
  )
  .action(async () => {
    await withRuntime(async (runtime) => {
      const result = await (await createRuntimeServices(runtime)).notificationJobs.runOnce();
      console.log(
        `Deadline reminders issued for ${result.reminders} initiative(s); ${result.sent} mail(s) sent, ${result.failed} failed.`,
      );
    });
  });

registerBackupCommands(program);
registerGazetteerCommands(program);
registerTwinTownCommands(importCommand);
registerUserCommands(program);

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
}

/** Prints a clear message for the errors a user can fix, and exits non-zero. */
function fail(error: unknown): never {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof UsageError ||
    isAppError(error)
  ) {
    console.error(`pobratim: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
}

program.parseAsync(process.argv).catch(fail);
