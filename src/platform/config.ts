import path from 'node:path';

/** Log levels pino understands. */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** The whole configuration of a Pobratim process, parsed and validated once at start. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  /** Where the embedded database and stored files live. */
  dataDir: string;
  logLevel: LogLevel;
  /** Whether a first start loads the demo data into an empty database. */
  loadDemoData: boolean;
  /** Whether a start loads the shipped reference gazetteer when the database lacks it. */
  loadGazetteer: boolean;
  /** The address people reach the web app at, without a trailing slash: links in mails start with it. */
  publicUrl: string;
  /** Whether session cookies are `Secure`: always, unless the public URL is plain http on this machine. */
  secureCookies: boolean;
  /** The SMTP server mail goes through (`smtp://` or `smtps://`); absent writes mail to the outbox folder. */
  smtpUrl: string | undefined;
  /** The sender of every mail. */
  mailFrom: string;
}

/** One documented setting: its environment variable, what it means and its default. */
interface Setting {
  env: string;
  doc: string;
  default: string | undefined;
}

/** The documented settings; README.md lists the same table. */
export const settings: Setting[] = [
  { env: 'PORT', doc: 'TCP port of the HTTP server', default: '3000' },
  { env: 'HOST', doc: 'Interface the HTTP server listens on', default: '127.0.0.1' },
  {
    env: 'DATABASE_URL',
    doc: 'PostgreSQL connection string; unset uses the embedded database',
    default: undefined,
  },
  { env: 'POBRATIM_DATA_DIR', doc: 'Directory of the embedded database and stored files', default: './data' },
  { env: 'LOG_LEVEL', doc: `One of ${logLevels.join(', ')}`, default: 'info' },
  {
    env: 'POBRATIM_DEMO',
    doc: 'Load demo data into an empty database at start (true/false)',
    default: 'true',
  },
  {
    env: 'POBRATIM_GAZETTEER',
    doc: 'Load the reference gazetteer at start when the database lacks it (true/false)',
    default: 'true',
  },
  {
    env: 'POBRATIM_PUBLIC_URL',
    doc: 'Address of the web app as people reach it, for links in mails; cookies are Secure unless it is http://localhost or http://127.0.0.1',
    default: 'http://localhost:$PORT',
  },
  {
    env: 'SMTP_URL',
    doc: 'SMTP server for mail, e.g. smtps://user:password@mail.example.org:465; unset writes mails to $POBRATIM_DATA_DIR/outbox',
    default: undefined,
  },
  { env: 'MAIL_FROM', doc: 'Sender of mails', default: 'Pobratim <no-reply@HOST of the public URL>' },
];

/** Hosts whose plain-http address is this machine, where a browser keeps no `Secure` cookie over http. */
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether session cookies must be `Secure`: yes, unless the public URL is plain http on this machine
 * (local development). A public URL of plain http elsewhere still gets Secure cookies, which browsers
 * keep only over https: serve Pobratim over https.
 */
export function usesSecureCookies(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return !(url.protocol === 'http:' && localHosts.has(url.hostname));
}

/** A configuration the process cannot start with; the message names every faulty variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Environment = Record<string, string | undefined>;

/** Reads and validates the configuration from an environment (by default the process's own). */
export function loadConfig(env: Environment = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const port = Number(read('PORT') ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${read('PORT')}"`);
  }

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must be a PostgreSQL connection string starting with postgres:// or postgresql://',
    );
  }

  const logLevel = (read('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`);
  }

  const readFlag = (name: string): boolean => {
    const value = (read(name) ?? 'true').toLowerCase();
    if (!['true', 'false', '1', '0'].includes(value))
      problems.push(`${name} must be true or false, got "${value}"`);
    return value === 'true' || value === '1';
  };
  const loadDemoData = readFlag('POBRATIM_DEMO');
  const loadGazetteer = readFlag('POBRATIM_GAZETTEER');

  let publicUrl = (read('POBRATIM_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    if (url.search || url.hash || url.username) throw new Error('extra parts');
  } catch {
    problems.push(
      `POBRATIM_PUBLIC_URL must be an http:// or https:// address without query or credentials, got "${publicUrl}"`,
    );
    publicUrl = 'http://localhost';
  }

  const smtpUrl = read('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    problems.push('SMTP_URL must start with smtp:// or smtps:// and name a server');
  }
  const mailFrom = read('MAIL_FROM') ?? `Pobratim <no-reply@${new URL(publicUrl).hostname}>`;
  if (/[\r\n]/.test(mailFrom) || !/@/.test(mailFrom)) {
    problems.push(
      'MAIL_FROM must be one mail address, optionally with a name: "Pobratim <no-reply@example.org>"',
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port,
    host: read('HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(read('POBRATIM_DATA_DIR') ?? './data'),
    logLevel,
    loadDemoData,
    loadGazetteer,
    publicUrl,
    secureCookies: usesSecureCookies(publicUrl),
    smtpUrl,
    mailFrom,
  };
}
