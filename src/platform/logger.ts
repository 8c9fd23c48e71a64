import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * Paths that never reach the log: credentials, session and reset tokens, and personal contact data.
 * Request bodies are not logged at all.
 */
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.email',
  '*.phone',
  'databaseUrl',
];

/** Creates the one structured logger of the process. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } });
}
