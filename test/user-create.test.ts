import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedEnv, freePort, runCli, signInOverHttp, startCli, stop, waitForHealth } from './cli.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-users-'));
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) =>
  embeddedEnv(dataDir, { POBRATIM_GAZETTEER: 'false', ...extra });

describe('pobratim user create', () => {
  it('makes an administrator with the password from standard input, who then signs in', async () => {
    const password = 'the admin passphrase from stdin';
    const created = await runCli(
      [
        'user',
        'create',
        '--email',
        'Admin@Example.org',
        '--password-stdin',
        '--role',
        'admin',
        '--name',
        'Ana',
      ],
      env(),
      `${password}\n`,
    );
    expect(created.code, created.output).toBe(0);
    expect(created.output).toMatch(/Created user Admin@Example\.org \([0-9a-f-]{36}\), an administrator\./);
    expect(created.output).not.toContain(password);

    const again = await runCli(
      ['user', 'create', '--email', 'admin@example.org', '--password-stdin', '--role', 'admin'],
      env(),
      'another passphrase, long\n',
    );
    expect(again.code).toBe(1);
    expect(again.output).toContain('There is already an account with the email admin@example.org');

    const port = await freePort();
    // Logging every request, to show that none of it holds the password or the email.
    const server = startCli(['serve'], env({ PORT: String(port), LOG_LEVEL: 'info' }));
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(base, server);
      const headers = await signInOverHttp(base, 'admin@example.org', password);
      const session = (await (await fetch(`${base}/api/session`, { headers })).json()) as {
        user: { email: string; admin: boolean; displayName: string };
      };
      expect(session.user).toMatchObject({ email: 'Admin@Example.org', admin: true, displayName: 'Ana' });
    } finally {
      expect(await stop(server)).toBe(0);
    }
    // The server's log holds neither the password nor the email.
    expect(server.output()).not.toContain(password);
    expect(server.output().toLowerCase()).not.toContain('admin@example.org');
  }, 120_000);

  it('gives a role for an organisation named by its slug', async () => {
    const demo = await runCli(['demo'], env());
    expect(demo.code, demo.output).toBe(0);
    const created = await runCli(
      [
        'user',
        'create',
        '--email',
        'coordinator@example.org',
        '--password-stdin',
        '--role',
        'coordinator',
        '--organisation',
        'zagreb',
      ],
      env(),
      'a coordinator passphrase',
    );
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain('coordinator of zagreb');
  }, 120_000);

  it('refuses bad input with a message and exit code 1', async () => {
    const cases: [string[], string | undefined, string][] = [
      [['--email', 'a@example.org', '--role', 'admin'], undefined, '--password-stdin'],
      [
        ['--email', 'b@example.org', '--password-stdin', '--role', 'admin'],
        'short',
        'at least 12 characters',
      ],
      [
        ['--email', 'c@example.org', '--password-stdin', '--role', 'editor'],
        'long enough passphrase',
        'needs --organisation',
      ],
      [
        ['--email', 'd@example.org', '--password-stdin', '--role', 'owner'],
        'long enough passphrase',
        '--role must be',
      ],
      [
        ['--email', 'e@example.org', '--password-stdin', '--role', 'viewer', '--organisation', 'atlantis'],
        'long enough passphrase',
        'No organisation "atlantis"',
      ],
    ];
    for (const [args, input, message] of cases) {
      const result = await runCli(['user', 'create', ...args], env(), input);
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain(message);
    }
  }, 120_000);
});

describe('the demo administrator', () => {
  it('is made on the first start with the demo data, only while there is no user, with a password shown once', async () => {
    const demoDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pobratim-demo-admin-'));
    const demoEnv = (port: number) =>
      embeddedEnv(demoDir, { POBRATIM_GAZETTEER: 'false', POBRATIM_DEMO: 'true', PORT: String(port) });
    try {
      const port = await freePort();
      const first = startCli(['serve'], demoEnv(port));
      const base = `http://127.0.0.1:${port}`;
      let password: string;
      try {
        await waitForHealth(base, first);
        const shown = /Sign in as admin@pobratim\.example with the password\s+(\S+)/.exec(first.output());
        expect(shown, first.output()).not.toBeNull();
        password = shown![1]!;
        expect(password.length).toBeGreaterThanOrEqual(20);
        const headers = await signInOverHttp(base, 'admin@pobratim.example', password);
        const session = (await (await fetch(`${base}/api/session`, { headers })).json()) as {
          user: { admin: boolean };
        };
        expect(session.user.admin).toBe(true);
      } finally {
        await stop(first);
      }

      const second = startCli(['serve'], demoEnv(port));
      try {
        await waitForHealth(base, second);
        expect(second.output()).not.toContain('Demo administrator created');
        await signInOverHttp(base, 'admin@pobratim.example', password);
      } finally {
        await stop(second);
      }
    } finally {
      await fs.rm(demoDir, { recursive: true, force: true });
    }
  }, 180_000);
});
