import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { systemActor } from '../platform/actor.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { withRuntime } from './runtime.js';

const actor = systemActor('cli');

/** `pobratim backup` and `pobratim restore`: every table of the database, and back. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a backup of the whole database: every table (accounts, sessions, contacts, initiatives, the ' +
        'audit trail, the gazetteer and the registry) in one consistent snapshot, as gzip-compressed JSON ' +
        'Lines. On PostgreSQL it may run while servers serve; on the embedded database, while the server ' +
        'runs, download it from the server instead (POST /api/admin/backup, or Administration in the web app).',
    )
    .option('-o, --output <file>', 'file to write, "-" for standard output', undefined)
    .action(async (options: { output?: string }) => {
      const [{ createBackupService }, { backupFileName }] = await Promise.all([
        import('../modules/backup/backup.service.js'),
        import('../modules/backup/backup.format.js'),
      ]);
      const output = options.output ?? backupFileName();
      await explainLock(() =>
        withRuntime(
          async ({ database }) => {
            const service = createBackupService(database);
            if (output === '-') {
              // Standard output is never ended by a stream piped into it.
              const out = new PassThrough();
              out.pipe(process.stdout, { end: false });
              await service.write(actor, out);
              return;
            }
            // Written beside the target and renamed at the end: a failed backup never looks like a good one.
            const partial = `${output}.partial`;
            try {
              const summary = await service.write(actor, fs.createWriteStream(partial, { mode: 0o600 }));
              fs.renameSync(partial, output);
              const size = fs.statSync(output).size;
              console.error(
                `Backup written to ${output}: ${summary.tables} tables, ${summary.rows} rows, ` +
                  `${(size / 1024 / 1024).toFixed(1)} MiB, schema at migration ${summary.migration ?? 'none'}.`,
              );
            } catch (error) {
              fs.rmSync(partial, { force: true });
              throw error;
            }
          },
          { migrate: false },
        ),
      );
    });

  program
    .command('restore')
    .description(
      'Restore a backup made by `pobratim backup` (or downloaded from POST /api/admin/backup) into an empty ' +
        'database of either kind, in one transaction: the same rows, ids, versions, accounts and audit trail; ' +
        'a backup of an older Pobratim is migrated after loading. Stop the servers first and start them after.',
    )
    .argument('<file>', 'the backup file')
    .option('--replace', 'replace everything in a database that already holds data', false)
    .action(async (file: string, options: { replace: boolean }) => {
      const { createBackupService } = await import('../modules/backup/backup.service.js');
      if (!fs.existsSync(file)) throw new UsageError(`There is no file ${path.resolve(file)}.`);
      await explainLock(() =>
        withRuntime(
          async ({ database }) => {
            const summary = await createBackupService(database).restore(actor, fs.createReadStream(file), {
              replace: options.replace,
            });
            console.error(
              `Restored ${summary.rows} rows in ${summary.tables} tables from ${file}` +
                (summary.replaced ? ', replacing what the database held' : '') +
                (summary.migrated.length > 0 ? `; then migrated: ${summary.migrated.join(', ')}` : '') +
                '.',
            );
          },
          { migrate: false },
        ),
      );
    });
}

/** A mistake in how the command was called, reported as its message alone. */
export class UsageError extends Error {}

/** While a server holds the embedded database, say how to get a backup from it. */
async function explainLock(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new UsageError(
      `${error.message}\nWhile the server runs, take the backup from it: in the web app (Administration → ` +
        'Backup, as an administrator) or with POST /api/admin/backup. To restore, stop the server first.',
    );
  }
}
