import path from 'node:path';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createLogger, type Logger } from '../platform/logger.js';
import type { Services } from '../services.js';

/** What every command starts from: validated configuration, the logger and a migrated database. */
export interface Runtime {
  config: Config;
  logger: Logger;
  database: Database;
}

export interface RuntimeOptions {
  /** Migrate the database on opening (the default); a restore builds the schema of its backup itself. */
  migrate?: boolean;
}

/** Loads the configuration, opens the database (locking an embedded one) and migrates it. */
export async function openRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate === false) return { config, logger, database };
  try {
    const migrations = await migrateToLatest(database.db);
    if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'database migrated');
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, logger, database };
}

/** Runs a command with a runtime and closes the database afterwards, whatever happens. */
export async function withRuntime<T>(
  work: (runtime: Runtime) => Promise<T>,
  options: RuntimeOptions = {},
): Promise<T> {
  const runtime = await openRuntime(options);
  try {
    return await work(runtime);
  } finally {
    await runtime.database.close();
  }
}

/**
 * The services of a configured process: mail through SMTP_URL, else into the data directory's outbox
 * folder, and links in mails under the public URL. Their modules are loaded here, not with the CLI.
 */
export async function createRuntimeServices({ config, database }: Runtime): Promise<Services> {
  const [{ createMailer }, { createServices }] = await Promise.all([
    import('../platform/mail.js'),
    import('../services.js'),
  ]);
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: path.join(config.dataDir, 'outbox'),
  });
  return createServices(database, { mailer, publicUrl: config.publicUrl });
}
