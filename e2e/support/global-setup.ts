import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../test/cli.js';
import { e2eUsers } from './users.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'bin/pobratim.js');

/** Runs a `pobratim` command to its end (with `input` on standard input); fails with its output. */
function runCli(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pobratim ${args.join(' ')} failed (${code}):\n${output}`)),
    );
    child.stdin.end(input);
  });
}

/**
 * Prepares the database the way an operator would before a first start: the gazetteer and the demo data
 * (as `serve` would load them), then the journeys' users (e2e/support/users.ts) made with the CLI.
 */
async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  await runCli(['gazetteer', 'import'], env);
  await runCli(['demo'], env);
  for (const user of Object.values(e2eUsers)) {
    await runCli(
      [
        'user',
        'create',
        '--email',
        user.email,
        '--password-stdin',
        '--name',
        user.name,
        '--role',
        user.role,
        ...(user.organisation ? ['--organisation', user.organisation] : []),
      ],
      env,
      `${user.password}\n`,
    );
  }
}

/**
 * Starts the built product once for all journeys: a fresh embedded database in a temporary directory,
 * with the gazetteer, the demo data and the users of e2e/support/users.ts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    await fs.access(path.join(root, 'dist/cli/main.js'));
    await fs.access(path.join(root, 'web/dist/index.html'));
  } catch {
    throw new Error('Browser tests need the built product: run `npm run build` first.');
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    POBRATIM_DATA_DIR: dataDir,
    // Links in mails (the outbox) lead to this server; cookies are not Secure on plain http here.
    POBRATIM_PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  await prepareDatabase(env);
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/pobratim.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += String(chunk)));
  server.stderr?.on('data', (chunk) => (output += String(chunk)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server stopped while starting:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not start in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  project.provide('baseUrl', baseUrl);
  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
