/**
 * The server that the search benchmark loads, in a process of its own as `pobratim serve` runs it, so
 * that the load generator's work is not counted as the server's (they still share the machine's cores).
 * It starts as `serve` does (open the database, migrate, check the gazetteer's version and the registry's
 * index, build the server, listen), reports its port over IPC, answers
 * `{ kind: 'cpu' }` with the CPU time it has used, and stops on `{ kind: 'stop' }`.
 *
 * Environment: BENCH_DATABASE_URL (PostgreSQL) or BENCH_DATA_DIR (PGlite).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { loadGazetteerIfNeeded } from '../../src/modules/gazetteer/gazetteer.service.js';
import { ensureRegistryIndexed } from '../../src/modules/search/search-index.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { createLogger } from '../../src/platform/logger.js';
import { compileRouteSchemas, createServer } from '../../src/server.js';

/** Linux's USER_HZ, the unit of the CPU times in /proc/<pid>/stat. */
const clockTicks = 100;

/** Messages from the server process to the benchmark. */
export type ServerMessage =
  | { kind: 'listening'; port: number }
  | { kind: 'cpu'; userMs: number; systemMs: number; threads: Record<string, number> }
  | { kind: 'profiled' }
  | { kind: 'failed'; error: string };

/** Messages from the benchmark to the server process. */
export type ServerCommand =
  | { kind: 'cpu' }
  | { kind: 'stop' }
  /** Profiles the main thread's CPU until `profile-stop`, which writes the profile to `file`. */
  | { kind: 'profile-start' }
  | { kind: 'profile-stop'; file: string };

const send = (message: ServerMessage) => process.send!(message);

/** CPU milliseconds by thread (Linux only; empty elsewhere), to tell the database's thread apart. */
function threadCpuMs(): Record<string, number> {
  const threads: Record<string, number> = {};
  try {
    for (const id of fs.readdirSync('/proc/self/task')) {
      const name = fs.readFileSync(`/proc/self/task/${id}/comm`, 'utf8').trim();
      const fields = fs.readFileSync(`/proc/self/task/${id}/stat`, 'utf8').split(') ')[1]!.split(' ');
      threads[`${name} ${id}`] = ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
    }
  } catch {
    // Not Linux: no breakdown.
  }
  return threads;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!databaseUrl && !dataDir) throw new Error('Set BENCH_DATABASE_URL or BENCH_DATA_DIR.');
  const database = await openDatabase({ databaseUrl, dataDir: dataDir ?? 'unused' });
  await migrateToLatest(database.db);
  const gazetteer = await loadGazetteerIfNeeded(database, createLogger('silent'));
  if (gazetteer.imported) throw new Error('The restart imported the gazetteer again.');
  await ensureRegistryIndexed(database.db);
  const app = await createServer({ database });
  await app.listen({ host: '127.0.0.1', port: 0 });
  // As `pobratim serve` does once listening (the search routes started loading the place index).
  void compileRouteSchemas(app);

  const profiler = new Session();
  process.on('message', async (command: ServerCommand) => {
    if (command.kind === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ kind: 'cpu', userMs: user / 1000, systemMs: system / 1000, threads: threadCpuMs() });
    } else if (command.kind === 'profile-start') {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    } else if (command.kind === 'profile-stop') {
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      await fs.promises.writeFile(command.file, JSON.stringify(profile));
      send({ kind: 'profiled' });
    } else {
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0));
    }
  });
  send({ kind: 'listening', port: (app.server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  send({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
