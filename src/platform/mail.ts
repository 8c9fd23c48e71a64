import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { newId } from './db/helpers.js';

/** One plain-text mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** A mail written to the outbox folder, as administrators read it. */
export interface OutboxMail extends MailMessage {
  id: string;
  createdAt: string;
}

export interface Mailer {
  /** How mail leaves: through an SMTP server, into the outbox folder, or not at all. */
  readonly transport: 'smtp' | 'outbox' | 'none';
  /** Where mails are written when no SMTP server is configured. */
  readonly outboxDir: string | undefined;
  send(message: MailMessage): Promise<void>;
  /** The newest mails of the outbox folder, newest first. */
  listOutbox(limit?: number): Promise<OutboxMail[]>;
}

export interface MailerOptions {
  /** `smtp://` or `smtps://` URL of the SMTP server; absent writes mails to `outboxDir`. */
  smtpUrl?: string | undefined;
  /** The sender: `Pobratim <no-reply@example.org>`. */
  from: string;
  /** The outbox folder (`<data dir>/outbox`); absent and without SMTP, sending fails. */
  outboxDir?: string | undefined;
}

/** An outbox file's name: the mail's id (UUID v7, so names sort by time) and an extension. */
const outboxFile = /^([0-9a-f-]{36})\.json$/;

/**
 * Sends mail through SMTP when `smtpUrl` is given; otherwise writes each mail into the outbox folder as
 * an `.eml` file (openable in any mail client) with a `.json` twin that the web app's outbox page reads.
 * The folder and files are readable by the server's user only: the mails hold single-use tokens.
 */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, from, outboxDir } = options;

  async function listOutbox(limit = 100): Promise<OutboxMail[]> {
    if (!outboxDir) return [];
    let names: string[];
    try {
      names = await fs.readdir(outboxDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const newest = names
      .filter((name) => outboxFile.test(name))
      .sort()
      .reverse()
      .slice(0, limit);
    const mails = await Promise.all(
      newest.map(async (name) => {
        try {
          return JSON.parse(await fs.readFile(path.join(outboxDir, name), 'utf8')) as OutboxMail;
        } catch {
          return undefined;
        }
      }),
    );
    return mails.filter((mail): mail is OutboxMail => mail !== undefined);
  }

  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      transport: 'smtp',
      outboxDir,
      async send(message) {
        await transport.sendMail({ from, ...message });
      },
      listOutbox,
    };
  }

  if (outboxDir) {
    const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return {
      transport: 'outbox',
      outboxDir,
      async send(message) {
        const id = newId();
        const info = await writer.sendMail({ from, ...message });
        const mail: OutboxMail = { id, createdAt: new Date().toISOString(), ...message };
        await fs.mkdir(outboxDir, { recursive: true, mode: 0o700 });
        await fs.writeFile(path.join(outboxDir, `${id}.eml`), info.message as Buffer, { mode: 0o600 });
        // Written under another name and renamed, so the outbox never lists half a mail.
        const temporary = path.join(outboxDir, `.${id}.json.tmp`);
        await fs.writeFile(temporary, `${JSON.stringify(mail, null, 2)}\n`, { mode: 0o600 });
        await fs.rename(temporary, path.join(outboxDir, `${id}.json`));
      },
      listOutbox,
    };
  }

  return {
    transport: 'none',
    outboxDir: undefined,
    send() {
      return Promise.reject(new Error('No mail transport: configure SMTP_URL or an outbox folder.'));
    },
    listOutbox,
  };
}
