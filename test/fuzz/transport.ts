import http from 'node:http';
import net from 'node:net';
import type { FuzzRequest } from './hostile.js';

/**
 * Sends fuzz requests over real TCP (resets, 413, 414 and 431 only show there) and says what came back:
 * an answer, nothing within the time limit (a hang), or a connection the server reset.
 */

export interface Outcome {
  kind: 'answered' | 'hang' | 'reset' | 'error';
  status?: number;
  contentType?: string;
  /** The start of the answer's body. */
  body?: string;
  error?: string;
  /** When the client got a socket, sent the request and got the answer (ms), for slow requests. */
  phases?: string;
  ms: number;
}

const bodyKept = 256 * 1024;
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export interface Target {
  port: number;
  agent: http.Agent;
  timeoutMs: number;
}

export function send(request: FuzzRequest, target: Target): Promise<Outcome> {
  return request.raw ? sendRaw(request.raw, target) : sendHttp(request, target);
}

function sendHttp(request: FuzzRequest, { port, agent, timeoutMs }: Target): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<Outcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ms: Math.round(performance.now() - started) });
    };
    const headers: http.OutgoingHttpHeaders = { ...request.headers };
    if (request.body && !request.chunked) headers['content-length'] = request.body.length;
    if (request.body && request.chunked) headers['transfer-encoding'] = 'chunked';
    let client: http.ClientRequest;
    try {
      client = http.request({
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.target,
        headers,
        agent,
      });
    } catch (error) {
      // The generator made a request the HTTP client refuses: a bug of the fuzzer, not of the server.
      resolve({ kind: 'error', error: `client refused: ${(error as Error).message}`, ms: 0 });
      return;
    }
    const phases: string[] = [];
    const mark = (name: string) => phases.push(`${name}@${Math.round(performance.now() - started)}`);
    client.on('socket', (socket) => {
      mark('socket');
      if (socket.connecting) socket.once('connect', () => mark('connect'));
    });
    client.on('finish', () => mark('sent'));
    const timer = setTimeout(() => {
      finish({ kind: 'hang', error: `no answer within ${timeoutMs} ms (${phases.join(' ')})` });
      client.destroy();
    }, timeoutMs);
    client.on('response', (response) => {
      mark('response');
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on('data', (chunk: Buffer) => {
        if (kept < bodyKept) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      response.on('end', () =>
        finish({
          ...(performance.now() - started > 2_000 ? { phases: phases.join(' ') } : {}),
          kind: 'answered',
          status: response.statusCode!,
          contentType: response.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).subarray(0, bodyKept).toString('utf8'),
        }),
      );
      response.on('error', (error) =>
        finish({ kind: 'reset', status: response.statusCode!, error: error.message }),
      );
      response.on('aborted', () =>
        finish({ kind: 'reset', status: response.statusCode!, error: 'answer aborted' }),
      );
    });
    client.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        kind: resetCodes.has(error.code ?? '') ? 'reset' : 'error',
        error: `${error.code ?? ''} ${error.message}`,
      });
    });
    const body = request.body;
    if (!body) {
      client.end();
    } else if (!request.chunked) {
      client.end(body);
    } else {
      void (async () => {
        const piece = 64 * 1024;
        for (let offset = 0; offset < body.length && !client.destroyed; offset += piece) {
          if (!client.write(body.subarray(offset, offset + piece))) {
            // Node's client stops passing its socket's 'drain' on once the answer has ended (the server
            // may answer before the body is sent): wait for either.
            const socket = client.socket;
            await new Promise<void>((done) => {
              const resume = () => {
                client.off('drain', resume);
                client.off('close', resume);
                socket?.off('drain', resume);
                done();
              };
              client.on('drain', resume);
              client.on('close', resume);
              socket?.on('drain', resume);
            });
          }
        }
        if (!client.destroyed) client.end();
      })();
    }
  });
}

function sendRaw(bytes: Buffer, { port, timeoutMs }: Target): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect(port, '127.0.0.1');
    const finish = (outcome: Omit<Outcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...outcome, ms: Math.round(performance.now() - started) });
    };
    const parsed = (): Omit<Outcome, 'ms'> | undefined => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (end < 0 || !status) return undefined;
      const head = text.slice(0, end);
      const contentType = /\r\ncontent-type: *([^\r]*)/i.exec(head)?.[1] ?? '';
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
      const body = Buffer.concat(chunks).subarray(end + 4);
      if (Number.isFinite(length) && body.length < length) return undefined;
      return {
        kind: 'answered',
        status: Number(status[1]),
        contentType,
        body: body.subarray(0, bodyKept).toString('utf8'),
      };
    };
    const timer = setTimeout(
      () => finish(parsed() ?? { kind: 'hang', error: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const answer = parsed();
      if (answer && /\r\ncontent-length:/i.test(Buffer.concat(chunks).toString('latin1'))) finish(answer);
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        parsed() ?? { kind: resetCodes.has(error.code ?? '') ? 'reset' : 'error', error: error.message },
      ),
    );
    socket.on('close', () =>
      finish(
        parsed() ?? { kind: 'reset', error: `closed after ${Buffer.concat(chunks).length} bytes, no answer` },
      ),
    );
    // Not end(): a client that half-closes after its request gets no answer from Node (httpAllowHalfOpen).
    socket.on('connect', () => socket.write(bytes));
  });
}
