/** The load worker's thread: see http-load.ts. */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadOptions, LoadResult, LoadWorkerMessage, PassResult, ProbeResult } from './http-load.js';

const options = workerData as LoadOptions;
const timeoutMs = options.timeoutMs ?? 30_000;

async function request(path: string): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`${options.baseUrl}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { status: response.status, body, ms: performance.now() - started };
  } catch {
    return { status: 0, body: '', ms: performance.now() - started };
  }
}

async function runPass(keepBodies: boolean): Promise<PassResult> {
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
}

/** Requests the probe's path every `everyMs` (or at once when the previous answer came later) until stopped. */
async function runProbe(isRunning: () => boolean): Promise<ProbeResult> {
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
}

async function run(): Promise<LoadResult> {
  const passes: PassResult[] = [];
  let probe: ProbeResult | undefined;
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
  return { passes, ...(probe ? { probe } : {}) };
}

run().then(
  (result) => parentPort!.postMessage({ ok: true, result } satisfies LoadWorkerMessage),
  (error: unknown) =>
    parentPort!.postMessage({ ok: false, error: String(error) } satisfies LoadWorkerMessage),
);
