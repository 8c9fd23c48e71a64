import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  embeddedEnv as cliEnv,
  freePort,
  runCli,
  signInOverHttp,
  startCli,
  stop,
  waitForHealth,
} from './cli.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** The CLI's environment for these tests: the gazetteer, which has nothing to do with the lock, is not loaded. */
const embeddedEnv = (dataDir: string, extra: Record<string, string> = {}) =>
  cliEnv(dataDir, { POBRATIM_GAZETTEER: 'false', ...extra });

async function tempDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-lock-'));
  dirs.push(dir);
  return dir;
}

describe('the embedded database directory', () => {
  it('refuses a second server on the same directory while the first keeps serving, and loses nothing', async () => {
    const dataDir = await tempDataDir();
    // Writes need a session: an administrator made with the CLI, signed in through the API.
    const password = 'a long enough admin passphrase';
    const made = await runCli(
      ['user', 'create', '--email', 'admin@example.org', '--password-stdin', '--role', 'admin'],
      embeddedEnv(dataDir),
      `${password}\n`,
    );
    expect(made.code, made.output).toBe(0);
    const [firstPort, secondPort] = [await freePort(), await freePort()];
    const first = startCli(['serve'], embeddedEnv(dataDir, { PORT: String(firstPort) }));
    const base = `http://127.0.0.1:${firstPort}`;
    try {
      await waitForHealth(base, first);
      const session = await signInOverHttp(base, 'admin@example.org', password);
      const created = await fetch(`${base}/api/organisations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...session },
        body: JSON.stringify({
          kind: 'city',
          country: 'RS',
          names: [{ name: 'Ниш', language: 'sr', kind: 'official' }],
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };

      const second = await runCli(['serve'], embeddedEnv(dataDir, { PORT: String(secondPort) }));
      expect(second.code).not.toBe(0);
      expect(second.output).toContain('is in use by another Pobratim process');
      expect(second.output).toContain(`pid ${first.pid}`);

      const exportAttempt = await runCli(['export'], embeddedEnv(dataDir));
      expect(exportAttempt.code).not.toBe(0);
      expect(exportAttempt.output).toContain('is in use by another Pobratim process');

      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { organisations: number }).organisations).toBe(1);
      expect((await fetch(`${base}/api/organisations/${id}`)).status).toBe(200);

      expect(await stop(first)).toBe(0);
      const restarted = startCli(['serve'], embeddedEnv(dataDir, { PORT: String(secondPort) }));
      try {
        await waitForHealth(`http://127.0.0.1:${secondPort}`, restarted);
        expect((await fetch(`http://127.0.0.1:${secondPort}/api/organisations/${id}`)).status).toBe(200);
      } finally {
        await stop(restarted);
      }
    } finally {
      await stop(first);
    }
  }, 180_000);

  it('takes over the lock a killed process left behind', async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const crashed = startCli(['serve'], embeddedEnv(dataDir, { PORT: String(port) }));
    await waitForHealth(`http://127.0.0.1:${port}`, crashed);
    const exited = new Promise((resolve) => crashed.on('exit', resolve));
    crashed.kill('SIGKILL');
    await exited;
    await expect(fs.readFile(path.join(dataDir, 'pobratim.lock'), 'utf8')).resolves.toContain(
      String(crashed.pid),
    );

    const next = startCli(['serve'], embeddedEnv(dataDir, { PORT: String(port) }));
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, next);
    } finally {
      expect(await stop(next)).toBe(0);
    }
  }, 120_000);

  it('exits with a message naming the variable when the configuration is bad', async () => {
    const result = await runCli(['serve'], embeddedEnv(await tempDataDir(), { PORT: 'eighty' }));
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT must be a whole number');
  }, 60_000);
});
