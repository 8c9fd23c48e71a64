import { createDemoService } from '../modules/demo/demo.service.js';
import { loadGazetteerIfNeeded } from '../modules/gazetteer/gazetteer.service.js';
import { ensureRegistryIndexed } from '../modules/search/search-index.js';
import { systemActor } from '../platform/actor.js';
import { createServer } from '../server.js';
import type { Runtime } from './runtime.js';

/** Serves the API until SIGINT or SIGTERM, then closes the server and the database (releasing its lock). */
export async function serve({ config, logger, database }: Runtime): Promise<void> {
  if (config.loadGazetteer) await loadGazetteerIfNeeded(database, logger);
  if (config.loadDemoData) {
    const demo = await createDemoService(database).loadIntoEmptyDatabase(systemActor('serve'));
    if (demo.loaded) logger.info({ counts: demo.counts }, 'demo data loaded into the empty database');
  }
  const indexed = await ensureRegistryIndexed(database.db);
  if (indexed > 0) logger.info({ records: indexed }, 'search index built for the registry');
  const app = await createServer({ database, logger });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
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
}
