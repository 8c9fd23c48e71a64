import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * How big a request may be, and how an oversized or malformed one is answered: always with a problem
 * document and a status the client can act on (400, 408, 413, 414, 431), and without resetting the
 * connection while the client is still sending, so that it reads the answer rather than a reset.
 */
export const requestLimits = {
  /** Bytes of a request body: larger gets 413 (some routes take less). */
  body: 1024 * 1024,
  /** Characters of the request target, path and query: longer gets 414. */
  url: 8 * 1024,
  /** Bytes of the request line and headers together (Node's parser stops there): more gets 431. */
  head: 16 * 1024,
  /** Characters of one path segment the router captures (an id or a slug): longer gets 414. */
  pathParameter: 100,
  /**
   * After answering a request whose body is too large, the server reads and drops at most this much
   * more of it (and for at most `drainMs`) so that the connection survives; past that it is closed.
   */
  drain: 64 * 1024 * 1024,
  drainMs: 30_000,
  /** After answering a request Node could not parse, the server reads what still comes this long. */
  lingerMs: 5_000,
} as const;

const problemType = (code: string) => `urn:pobratim:problem:${code}`;

/**
 * 414 for a request target longer than `requestLimits.url`, and 400 for an HTTP/1.1 request without a
 * Host header (which Node would refuse with a bare 400), before anything else reads the request.
 */
export function installRequestLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (request.raw.url && request.raw.url.length > requestLimits.url) throw uriTooLong();
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      throw new AppError('request.host_required', 400, 'An HTTP/1.1 request needs a Host header.');
    }
  });
}

function uriTooLong(): AppError {
  return new AppError(
    'request.uri_too_long',
    414,
    `The URL is too long: at most ${requestLimits.url} characters, and ${requestLimits.pathParameter} in one path segment.`,
  );
}

/** The stable problem code and status of Fastify's own errors that have a better name than their code. */
export const fastifyErrorProblems: Record<string, { code: string; status: number; detail?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'request.body_too_large',
    status: 413,
    detail: `The request body is too large: at most ${requestLimits.body} bytes (some routes take less).`,
  },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'request.uri_too_long', status: 414, detail: uriTooLong().message },
  FST_ERR_BAD_URL: {
    code: 'request.bad_url',
    status: 400,
    detail: 'The URL is not validly percent-encoded.',
  },
};

/**
 * A request whose body is too large is answered at once, while the client may still be sending it.
 * Fastify then closes the connection, and closing a socket with unread data resets it: the client gets
 * ECONNRESET instead of the 413. So keep the connection and let Node read the rest and drop it, up to
 * `requestLimits.drain` bytes and `drainMs`; a body declared larger than that still closes it.
 */
export function drainInsteadOfClosing(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete) return;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > requestLimits.drain) return;
  reply.removeHeader('connection');
  reply.raw.once('finish', () => boundDrain(raw));
}

function boundDrain(raw: IncomingMessage): void {
  if (raw.complete) return;
  const socket = raw.socket;
  let drained = 0;
  const stop = () => {
    clearTimeout(timer);
    raw.off('data', count);
  };
  const count = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > requestLimits.drain) {
      stop();
      socket.destroy();
    }
  };
  const timer = setTimeout(() => {
    raw.off('data', count);
    if (!raw.complete) socket.destroy();
  }, requestLimits.drainMs);
  timer.unref();
  raw.on('data', count);
  raw.once('end', stop);
  raw.once('close', stop);
  // Fastify stopped reading when the body passed the limit: read the rest (and drop it) again.
  raw.resume();
}

/** Node's parse error: `rawPacket` is the piece of the request being parsed when it failed. */
interface ClientError extends Error {
  code?: string;
  reason?: unknown;
  rawPacket?: unknown;
}

/**
 * Whether the request line alone overflowed the parser: the URL is too long rather than the headers.
 * Told when the failing piece is the start of the request (a long URL arrives in one piece on most
 * connections); otherwise the answer is 431, which is right for the head as a whole.
 */
function requestLineTooLong(rawPacket: unknown): boolean {
  if (!Buffer.isBuffer(rawPacket)) return false;
  if (!/^[A-Z]+ /.test(rawPacket.subarray(0, 16).toString('latin1'))) return false;
  const lineEnd = rawPacket.indexOf('\r\n');
  return lineEnd < 0 || lineEnd > requestLimits.url;
}

function classify(error: ClientError): { status: number; code: string; detail: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return requestLineTooLong(error.rawPacket)
      ? { status: 414, code: 'request.uri_too_long', detail: uriTooLong().message }
      : {
          status: 431,
          code: 'request.headers_too_large',
          detail: `The request line and headers are too large: at most ${requestLimits.head} bytes together.`,
        };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, code: 'request.timeout', detail: 'The request took too long to arrive.' };
  }
  return {
    status: 400,
    code: 'request.malformed',
    detail: `The request is not valid HTTP/1.1 (${String(error.reason ?? error.code ?? 'unreadable')}).`,
  };
}

/** Sockets answered already: Node reports a parse error again for every later piece of the request. */
const answered = new WeakSet<Duplex>();

/**
 * Fastify's `clientErrorHandler`: Node could not parse the request (malformed, or its head larger than
 * `requestLimits.head`), so there is no request object to answer through. Writes a problem document on
 * the socket with `Connection: close` (without it a keep-alive client reuses the dead connection), then
 * keeps reading what the client still sends for a moment before closing, so the answer is read.
 */
export function clientErrorHandler(logger: Logger | undefined) {
  return (error: ClientError, socket: Duplex): void => {
    if (answered.has(socket)) return;
    answered.add(socket);
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, code, detail } = classify(error);
    logger?.debug({ code: error.code, status }, 'unparsable request');
    // An answer to an earlier request on this connection is being written: nothing can follow it safely.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({
      type: problemType(code),
      title: STATUS_CODES[status],
      status,
      detail,
      code,
    });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    const timer = setTimeout(() => socket.destroy(), requestLimits.lingerMs);
    timer.unref();
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(timer));
  };
}
