import { Worker } from 'node:worker_threads';

/**
 * HTTP load from a worker thread: concurrent keep-alive clients (Node's fetch) share a list of request
 * paths, pass after pass, while a probe requests another path at a fixed interval. The clients run on
 * their own thread so that their work neither delays the server's event loop in the measured process
 * nor hides a stall of it.
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

export type LoadWorkerMessage = { ok: true; result: LoadResult } | { ok: false; error: string };

/** Runs the load in a worker thread and resolves with every pass's measurements. */
export function runHttpLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`Benchmarks only talk to 127.0.0.1, not ${url.hostname}.`);
  const self = import.meta.url;
  const isSource = self.endsWith('.ts');
  const workerUrl = new URL(`./http-load-worker.${isSource ? 'ts' : 'js'}`, self);
  // From source, the worker is TypeScript loaded through tsx (as src/platform/db/pglite-dialect.ts does).
  const worker = isSource
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); });`,
        { eval: true, workerData: options },
      )
    : new Worker(workerUrl, { workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: LoadWorkerMessage) => {
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The load worker stopped (exit code ${code}).`)));
  });
}
