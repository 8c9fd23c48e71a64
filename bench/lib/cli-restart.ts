/**
 * A restart as people do it: `pobratim serve` (the compiled command that `npm start` runs) in a new
 * process, on a database that already holds the gazetteer and the demo data. Times, from spawning the
 * process: the log line that says it listens, the first healthy answer, the first search answered.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, stop } from '../../test/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRestart {
  listeningMs: number;
  healthyMs: number;
  /** Until the first search has answered: the restart time judged against the target. */
  readyMs: number;
}

/** Compiles the server (`npm run build:server`), so that the command measured is the current source. */
export async function buildServer(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root },
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `pobratim serve` with `env` (`POBRATIM_DATA_DIR`, or `DATABASE_URL`), polls /api/health every
 * 10 ms until it answers, searches once, and stops the server (which releases the data directory).
 * The demo data is not loaded at start (`POBRATIM_DEMO=false`): the database holds it already, and no
 * demo administrator is made in the benchmark's database.
 */
export async function restartCli(env: Record<string, string>, query: string): Promise<CliRestart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/pobratim.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      POBRATIM_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let listeningMs: number | undefined;
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    if (listeningMs === undefined && output.includes('Pobratim is listening')) {
      listeningMs = performance.now() - started;
    }
    output = output.slice(-1000);
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    let healthyMs: number | undefined;
    while (healthyMs === undefined) {
      if (child.exitCode !== null) throw new Error(`pobratim serve stopped (exit code ${child.exitCode}).`);
      if (performance.now() - started > 120_000)
        throw new Error('pobratim serve never answered /api/health.');
      const ok = await fetch(`${baseUrl}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) healthyMs = performance.now() - started;
      else await pause(10);
    }
    const searched = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(query)}&limit=1`);
    if (!searched.ok) throw new Error(`The first search failed with HTTP ${searched.status}.`);
    await searched.arrayBuffer();
    const readyMs = performance.now() - started;
    return { listeningMs: listeningMs ?? healthyMs, healthyMs, readyMs };
  } finally {
    await stop(child);
  }
}
