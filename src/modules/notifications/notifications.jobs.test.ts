import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../../../test/auth.js';
import { embeddedEnv, runCli } from '../../../test/cli.js';
import { makeOrganisation } from '../../../test/factories.js';
import { writeFixtures } from '../../../test/fixtures.js';
import { dayFromToday, expressInterest, makeInitiative } from '../../../test/initiative-factories.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher.js';
import { createTestDatabase } from '../../../test/test-database.js';
import { openDatabase, type Database } from '../../platform/db/database.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import { createMailer } from '../../platform/mail.js';
import { createServer } from '../../server.js';
import { createServices } from '../../services.js';

/**
 * The deadline reminder and the mail outbox across runs and restarts. A restart is real: the process's
 * database handle is closed and the database opened again (a PGlite data directory, or a new connection
 * pool to the same PostgreSQL database), with new services over it.
 */

let smtp: SmtpCatcher;
let location: { dataDir: string; databaseUrl?: string; drop?: () => Promise<void> };

/** Databases a test opened and has not closed yet; closed after each test, even a failed one. */
const opened = new Set<Database>();

async function openAgain(): Promise<Database> {
  const database = await openDatabase(location);
  opened.add(database);
  await migrateToLatest(database.db);
  return database;
}

async function closeDatabase(database: Database): Promise<void> {
  opened.delete(database);
  await database.close();
}

afterEach(async () => {
  for (const database of opened) await closeDatabase(database);
});

function servicesOver(
  database: Database,
  mailer = createMailer({ smtpUrl: smtp.url, from: 'Pobratim <no-reply@pobratim.test>' }),
) {
  return createServices(database, { mailer, publicUrl: 'https://pobratim.example' });
}

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  // A fresh database on the PostgreSQL server when tests run there (this test opens its own pools to it,
  // as restarted processes would), else a directory of its own for the embedded database.
  const created = await createTestDatabase();
  if (created.url) {
    const { close: drop } = created;
    location = { dataDir: 'unused', databaseUrl: created.url, drop: () => drop() };
  } else {
    await created.close();
    location = { dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-jobs-')) };
  }
});
afterAll(async () => {
  await location.drop?.();
  if (!location.databaseUrl) await fs.rm(location.dataDir, { recursive: true, force: true });
  await smtp.close();
});

describe('deadline reminders', () => {
  it('are issued and mailed once, however often the job runs and across a restart', async () => {
    // First process: the data, and two runs of the jobs.
    let database = await openAgain();
    let services = servicesOver(database);
    const server = await createServer({ database, services });
    const admin = await signedInClient(server, database, { admin: true });
    const owner = await makeOrganisation(admin, { country: 'FR' });
    const partner = await makeOrganisation(admin, { country: 'SI' });
    const ownerEditor = await signedInClient(server, database, {
      email: 'owner@example.org',
      grants: [{ organisationId: owner.id, role: 'editor' }],
    });
    const partnerEditor = await signedInClient(server, database, {
      email: 'partner@example.org',
      grants: [{ organisationId: partner.id, role: 'editor' }],
      language: 'hr',
    });
    const soon = await makeInitiative(ownerEditor, owner.id, {
      title: { en: 'Soon due' },
      deadline: dayFromToday(5),
    });
    await makeInitiative(ownerEditor, owner.id, { title: { en: 'Later' }, deadline: dayFromToday(20) });
    await makeInitiative(ownerEditor, owner.id, {
      title: { en: 'Draft due' },
      status: 'draft',
      deadline: dayFromToday(3),
    });
    await expressInterest(partnerEditor, soon.id, partner.id);
    await services.notificationJobs.deliverMail();
    const before = smtp.mails.length;

    expect(await services.notificationJobs.runOnce()).toMatchObject({ reminders: 1, sent: 2, failed: 0 });
    expect(await services.notificationJobs.runOnce()).toEqual({ reminders: 0, sent: 0, failed: 0 });
    await server.close();
    await closeDatabase(database);

    // Second process over the same database.
    database = await openAgain();
    services = servicesOver(database);
    expect(await services.notificationJobs.runOnce()).toEqual({ reminders: 0, sent: 0, failed: 0 });

    const reminders = smtp.mails.slice(before);
    expect(reminders.map((mail) => mail.to[0]).sort()).toEqual(['owner@example.org', 'partner@example.org']);
    for (const mail of reminders)
      expect(mail.text).toContain(`https://pobratim.example/initiatives/${soon.id}`);
    // Each in its recipient's language: the partner's editor reads Pobratim in Croatian.
    const reminderTo = (to: string) => reminders.find((mail) => mail.to[0] === to)!;
    expect(reminderTo('owner@example.org').subject).toBe(`The deadline of “Soon due” is ${dayFromToday(5)}`);
    expect(reminderTo('partner@example.org').subject).toBe(`Rok za „Soon due” je ${dayFromToday(5)}`);
    expect(reminderTo('partner@example.org').text).toContain('Ovu poruku primate jer imate ulogu');
    const notices = await database.db
      .selectFrom('notifications')
      .select('userId')
      .where('kind', '=', 'deadline_approaching')
      .execute();
    expect(notices).toHaveLength(2);

    // A moved deadline is a new deadline: it gets its own reminder, once; here from `pobratim jobs run`.
    await writeFixtures(database, (db) =>
      db
        .updateTable('initiatives')
        .set({ deadline: dayFromToday(6) })
        .where('id', '=', soon.id)
        .execute(),
    );
    await closeDatabase(database);
    const env = embeddedEnv(location.dataDir, {
      SMTP_URL: smtp.url,
      POBRATIM_PUBLIC_URL: 'https://pobratim.example',
    });
    if (location.databaseUrl) env.DATABASE_URL = location.databaseUrl;
    const cli = await runCli(['jobs', 'run'], env);
    expect(cli.output).toContain('Deadline reminders issued for 1 initiative(s); 2 mail(s) sent, 0 failed.');
    expect(cli.code).toBe(0);
    database = await openAgain();
    expect(await servicesOver(database).notificationJobs.runOnce()).toEqual({
      reminders: 0,
      sent: 0,
      failed: 0,
    });
    await closeDatabase(database);
  }, 180_000); // a new embedded database in a directory takes a while to initialise
});

describe('mail outbox', () => {
  it('keeps a mail that failed and sends it on a later run, and never twice when runs overlap', async () => {
    const database = await openAgain();
    const failing = createMailer({
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'Pobratim <no-reply@pobratim.test>',
    });
    const broken = servicesOver(database, failing);
    const server = await createServer({ database, services: broken });
    const admin = await signedInClient(server, database, { admin: true });
    const owner = await makeOrganisation(admin);
    const partner = await makeOrganisation(admin);
    await signedInClient(server, database, {
      email: 'retry@example.org',
      grants: [{ organisationId: owner.id, role: 'editor' }],
    });
    const partnerEditor = await signedInClient(server, database, {
      grants: [{ organisationId: partner.id, role: 'editor' }],
    });
    const initiative = await makeInitiative(admin, owner.id, { title: { en: 'Retried' } });
    await expressInterest(partnerEditor, initiative.id, partner.id);

    const failed = await broken.notificationJobs.deliverMail();
    expect(failed.failed).toBeGreaterThan(0);
    const stored = await database.db
      .selectFrom('notificationDeliveries')
      .select(['attempts', 'sentAt', 'lastError'])
      .where('sentAt', 'is', null)
      .execute();
    expect(stored.every((row) => row.attempts === 1 && row.lastError !== null)).toBe(true);

    // The server's mail works again; the failed mails wait for their retry time, then go out once.
    const working = servicesOver(database);
    expect(await working.notificationJobs.deliverMail()).toEqual({ sent: 0, failed: 0 });
    await database.db
      .updateTable('notificationDeliveries')
      .set({ claimedUntil: null })
      .where('sentAt', 'is', null)
      .execute();
    const second = servicesOver(database);
    const [a, b] = await Promise.all([
      working.notificationJobs.deliverMail(),
      second.notificationJobs.deliverMail(),
    ]);
    expect(a.sent + b.sent).toBe(failed.failed);
    expect(smtp.mails.filter((mail) => mail.subject === 'Interest in “Retried”')).toHaveLength(failed.failed);
    await server.close();
    await closeDatabase(database);
  }, 180_000); // a new embedded database in a directory takes a while to initialise
});
