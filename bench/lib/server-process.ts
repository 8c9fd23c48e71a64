import { fork, type ChildProcess } from 'node:child_process';
import type { ServerCommand, ServerMessage } from './search-server.js';

/** The benchmark's server, running in its own process (see search-server.ts). */
export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Milliseconds of CPU the server process has used so far (all its threads). */
  cpuMs(): Promise<number>;
  /** The same by thread, where the system tells (Linux). */
  threads(): Promise<Record<string, number>>;
  /** Profiles the server's main thread while `work` runs, into a .cpuprofile file. */
  profile<T>(file: string, work: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

function nextMessage<K extends ServerMessage['kind']>(
  child: ChildProcess,
  kind: K,
): Promise<Extract<ServerMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (message.kind === 'failed') finish(() => reject(new Error(`The server failed: ${message.error}`)));
      else if (message.kind === kind) finish(() => resolve(message as Extract<ServerMessage, { kind: K }>));
    };
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`The server process stopped (exit code ${code}).`)));
    const finish = (settle: () => void) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Starts the server on a database: `{ BENCH_DATABASE_URL }` or `{ BENCH_DATA_DIR }`, with Node's
 * `nodeArgs` if any (`--trace-gc`).
 */
export async function startServerProcess(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  const script = new URL(`./search-server.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  const child = fork(script, [], {
    env: { ...process.env, ...env },
    execArgv: [...(import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : []), ...nodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const listening = await nextMessage(child, 'listening');
  const send = (command: ServerCommand) => child.send(command);
  return {
    baseUrl: `http://127.0.0.1:${listening.port}`,
    pid: child.pid!,
    async cpuMs() {
      const answer = nextMessage(child, 'cpu');
      send({ kind: 'cpu' });
      const { userMs, systemMs } = await answer;
      return userMs + systemMs;
    },
    async threads() {
      const answer = nextMessage(child, 'cpu');
      send({ kind: 'cpu' });
      return (await answer).threads;
    },
    async profile(file, work) {
      send({ kind: 'profile-start' });
      try {
        return await work();
      } finally {
        const profiled = nextMessage(child, 'profiled');
        send({ kind: 'profile-stop', file });
        await profiled;
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      send({ kind: 'stop' });
      await exited;
    },
  };
}
