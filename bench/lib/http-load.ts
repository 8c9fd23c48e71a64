import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * HTTP load: concurrent keep-alive clients share a list of request paths, pass after pass, while a
 * probe requests another path at a fixed interval. The clients use node:http rather than fetch, whose
 * streams cost several times the CPU per request: on a 2-core machine every millisecond the load
 * generator spends is taken from the server it measures. Run it in another process than the server's.
 */
export interface LoadOptions {
  /** `http://127.0.0.1:<port>`; only the loopback interface is allowed. */
  baseUrl: string;
  paths: readonly string[];
  concurrency: number;
  /** How many times the whole list is requested; every pass is reported. */
  passes: number;
  /** A probe that runs during one pass, e.g. `/api/health` every 20 ms. */
  probe?: { path: string; everyMs: number; duringPass: number };
  /** The pass whose response bodies are returned (by path index). */
  keepBodiesOfPass?: number;
  /** Per request; a request that takes longer counts as an error. */
  timeoutMs?: number;
}

export interface PassResult {
  /** Milliseconds from sending a request to having read its whole body, by path index. */
  latencies: number[];
  /** HTTP status by path index, 0 for a failed or timed-out request. */
  statuses: number[];
  bodies?: string[];
  wallMs: number;
}

export interface ProbeResult {
  latencies: number[];
  failures: number;
}

export interface LoadResult {
  passes: PassResult[];
  probe?: ProbeResult;
}

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** Runs the load and resolves with every pass's measurements. */
export async function runHttpLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`Benchmarks only talk to 127.0.0.1, not ${url.hostname}.`);
  const timeoutMs = options.timeoutMs ?? 30_000;
  // One connection per client and one for the probe, kept open between requests.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency + 1 });

  const request = (path: string): Promise<Answer> =>
    new Promise((resolve) => {
      const started = performance.now();
      const fail = () => resolve({ status: 0, body: '', ms: performance.now() - started });
      const outgoing = http.get(
        { host: url.hostname, port: url.port, path, agent, timeout: timeoutMs },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
          response.on('error', fail);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy());
      outgoing.on('error', fail);
    });

  const runPass = async (keepBodies: boolean): Promise<PassResult> => {
    const count = options.paths.length;
    const latencies = new Array<number>(count).fill(Number.NaN);
    const statuses = new Array<number>(count).fill(0);
    const bodies = keepBodies ? new Array<string>(count).fill('') : undefined;
    let next = 0;
    const started = performance.now();
    // Each client takes the next unrequested path until none is left.
    const client = async () => {
      while (next < count) {
        const index = next++;
        const { status, body, ms } = await request(options.paths[index]!);
        latencies[index] = ms;
        statuses[index] = status;
        if (bodies) bodies[index] = body;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, client));
    return { latencies, statuses, ...(bodies ? { bodies } : {}), wallMs: performance.now() - started };
  };

  /** Requests the probe's path every `everyMs` (or at once when the previous answer came later). */
  const runProbe = async (isRunning: () => boolean): Promise<ProbeResult> => {
    const probe = options.probe!;
    const latencies: number[] = [];
    let failures = 0;
    while (isRunning()) {
      const { status, ms } = await request(probe.path);
      if (status === 200) latencies.push(ms);
      else failures++;
      if (ms < probe.everyMs) await sleep(probe.everyMs - ms);
    }
    return { latencies, failures };
  };

  const passes: PassResult[] = [];
  let probe: ProbeResult | undefined;
  try {
    for (let pass = 0; pass < options.passes; pass++) {
      const keepBodies = options.keepBodiesOfPass === pass;
      if (options.probe?.duringPass === pass) {
        let running = true;
        const probing = runProbe(() => running);
        passes.push(await runPass(keepBodies));
        running = false;
        probe = await probing;
      } else {
        passes.push(await runPass(keepBodies));
      }
    }
  } finally {
    agent.destroy();
  }
  return { passes, ...(probe ? { probe } : {}) };
}
