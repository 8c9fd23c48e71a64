import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/server.js';
import { createServices, type Services } from '../src/services.js';
import { createMailer } from '../src/platform/mail.js';
import { createAuditCheck } from './audit-check.js';
import { signedInClient, type Client, type SignedInClient, type UserOptions } from './auth.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A migrated test database with the HTTP application and the services over it. */
export interface TestApp {
  /**
   * The server itself: requests without a session, as an anonymous visitor. Its writes escape the audit
   * check below; send them through `anonymous`.
   */
  server: FastifyInstance;
  /** The server as a signed-in administrator, for tests of what the records do rather than who may. */
  app: SignedInClient;
  /** The server as an anonymous visitor. */
  anonymous: Client;
  /** A new user with a session, with the roles given. */
  signIn(options?: UserOptions): Promise<SignedInClient>;
  database: TestDatabase;
  services: Services;
  /** Closes everything; fails if a write request broke the audit rule (see test/audit-check.ts). */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The public URL (`POBRATIM_PUBLIC_URL`): links in mails, and Secure cookies unless http://localhost. */
  publicUrl?: string;
  /** An SMTP server for mail (`SMTP_URL`), e.g. the one of test/smtp-catcher.ts. */
  smtpUrl?: string;
  /** The outbox folder mail is written to without SMTP; without either, sending mail fails. */
  outboxDir?: string;
  /** The database to serve: by default a fresh one of the kind DATABASE_URL says. */
  database?: TestDatabase;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const mailer = createMailer({
    smtpUrl: options.smtpUrl,
    outboxDir: options.outboxDir,
    from: 'Pobratim <no-reply@pobratim.test>',
  });
  const services = createServices(database, {
    mailer,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
  });
  const server = await createServer({ database, services });
  const audit = createAuditCheck(database);
  return {
    server,
    app: audit.watch(await signedInClient(server, database, { admin: true })),
    anonymous: audit.watch({ inject: (request) => server.inject(request) }),
    signIn: async (options) => audit.watch(await signedInClient(server, database, options)),
    database,
    services,
    async close() {
      await server.close();
      await database.close();
      if (audit.violations.length > 0) {
        throw new Error(`Writes that broke the audit rule:\n${audit.violations.join('\n')}`);
      }
    },
  };
}
