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
];

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

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port,
    host: read('HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(read('POBRATIM_DATA_DIR') ?? './data'),
    logLevel,
    loadDemoData,
    loadGazetteer,
  };
}
