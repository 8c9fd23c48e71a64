import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * Paths that never reach the log: credentials, session, CSRF and mail tokens, two-factor codes and
 * secrets, and personal contact data. Request bodies are not logged at all; these paths catch them
 * should someone log one by mistake.
 */
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
  '*.totpCode',
  '*.secret',
  '*.otpauthUrl',
  '*.email',
  '*.to',
  '*.phone',
  'databaseUrl',
  'smtpUrl',
];

/** Query parameters whose values never reach the log (a token in a link from a mail, an email filter). */
const secretQueryParameters = /([?&](?:token|code|email|password)=)[^&#]*/gi;

/** A URL as logged: the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(secretQueryParameters, '$1[redacted]');
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Creates the one structured logger of the process; it writes to standard output unless told otherwise. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      // Fastify's own request serializer, with secret query parameters (`/reset-password?token=`) removed.
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
