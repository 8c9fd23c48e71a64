import { PassThrough } from 'node:stream';
import { actorLabel } from '../../platform/actor.js';
import type { App } from '../../platform/http/app-types.js';
import { problemResponses } from '../../platform/http/schemas.js';
import { administrators } from '../access/access.service.js';
import { backupFileName } from './backup.format.js';
import type { BackupService } from './backup.service.js';

const tags = ['administration'];

/**
 * A backup taken by the running server, for administrators: on the embedded database no other process
 * may open the data directory, so `pobratim backup` points here while the server runs.
 */
export function backupRoutes(app: App, { backup }: { backup: BackupService }): void {
  app.post('/api/admin/backup', {
    config: { policy: administrators },
    schema: {
      operationId: 'createBackup',
      summary: 'Download a backup of the whole database (administrators)',
      description:
        'Every table, read in one consistent snapshot, as gzip-compressed JSON Lines (the format of ' +
        '`pobratim backup`; restore it with `pobratim restore FILE`). It holds accounts, password hashes ' +
        'and contacts: keep it as safe as the database.',
      tags,
      response: {
        200: {
          description: 'The backup file',
          content: { 'application/gzip': { schema: { type: 'string', format: 'binary' } } },
        },
        ...problemResponses(401, 403),
      },
    },
    handler: async (request, reply) => {
      // Who took a copy of everything is worth knowing later; the log names the account, never its email.
      request.log.info({ actor: actorLabel(request.actor) }, 'backup requested');
      const file = new PassThrough();
      // Rows stream out as they are read; a failure midway cuts the download, whose missing end line
      // makes a restore refuse it.
      backup.write(request.actor, file).catch((error: unknown) => {
        request.log.error({ err: error }, 'backup failed while being sent');
        file.destroy(error as Error);
      });
      return reply
        .type('application/gzip')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${backupFileName()}"`)
        .send(file);
    },
  });
}
