import { createDemoService } from '../modules/demo/demo.service.js';
import { loadGazetteerIfNeeded } from '../modules/gazetteer/gazetteer.service.js';
import { ensureRegistryIndexed } from '../modules/search/search-index.js';
import { systemActor } from '../platform/actor.js';
import { startJobRunner } from '../platform/jobs.js';
import { compileRouteSchemas, createServer } from '../server.js';
import { createRuntimeServices, type Runtime } from './runtime.js';

/** How often the background jobs (deadline reminders, the mail outbox) run. */
const jobInterval = 60_000;

/** Serves the API until SIGINT or SIGTERM, then closes the server and the database (releasing its lock). */
export async function serve(runtime: Runtime): Promise<void> {
  const { config, logger, database } = runtime;
  if (config.loadGazetteer) await loadGazetteerIfNeeded(database, logger);
  if (config.loadDemoData) {
    const demo = await createDemoService(database).loadIntoEmptyDatabase(systemActor('serve'));
    if (demo.loaded) logger.info({ counts: demo.counts }, 'demo data loaded into the empty database');
  }
  const indexed = await ensureRegistryIndexed(database.db);
  if (indexed > 0) logger.info({ records: indexed }, 'search index built for the registry');
  const services = await createRuntimeServices(runtime);
  if (config.loadDemoData) {
    // So that people trying the demo can sign in: one administrator, only while there is no user at all,
    // with a random password shown once here (on standard output, never through the log).
    const admin = await services.accounts.createDemoAdministrator(systemActor('serve'));
    if (admin) {
      process.stdout.write(
        `\nDemo administrator created. Sign in as ${admin.email} with the password\n\n    ${admin.password}\n\n` +
          'It is shown only this once. Change it, or invite real administrators and disable this account.\n\n',
      );
    }
  }
  if (config.publicUrl.startsWith('http:') && config.secureCookies) {
    logger.warn(
      { publicUrl: config.publicUrl },
      'POBRATIM_PUBLIC_URL is plain http on another machine: session cookies are Secure, so browsers will only ' +
        'keep them over https. Serve Pobratim over https and set POBRATIM_PUBLIC_URL to its https address.',
    );
  }
  const app = await createServer({ database, logger, services });
  const jobs = startJobRunner(services.notificationJobs.jobs, { intervalMs: jobInterval, logger });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await app.listen({ port: config.port, host: config.host });
  logger.info(
    { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
    `Pobratim is listening on ${address} (API docs at ${address}/api/docs)`,
  );
  // The gazetteer's names come first (searches wait for them), then the routes' schemas.
  // (A failure to load them is logged by the search routes, and the first search tries again.)
  await services.search.loadIndex().catch(() => undefined);
  const compiled = await compileRouteSchemas(app);
  logger.debug({ compiled }, 'route schemas compiled');
}
