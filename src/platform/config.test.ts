import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration of accounts and mail', () => {
  it('defaults to local development: http://localhost with the port, no SMTP, cookies without Secure', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config).toMatchObject({
      publicUrl: 'http://localhost:8080',
      secureCookies: false,
      smtpUrl: undefined,
      mailFrom: 'Pobratim <no-reply@localhost>',
    });
  });

  it('makes cookies Secure for an https public URL and takes SMTP settings', () => {
    const config = loadConfig({
      POBRATIM_PUBLIC_URL: 'https://registry.example.org/',
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
    });
    expect(config).toMatchObject({
      publicUrl: 'https://registry.example.org',
      secureCookies: true,
      smtpUrl: 'smtps://user:secret@mail.example.org:465',
      mailFrom: 'Pobratim <no-reply@registry.example.org>',
    });
    expect(loadConfig({ POBRATIM_PUBLIC_URL: 'http://127.0.0.1:3000' }).secureCookies).toBe(false);
    expect(loadConfig({ POBRATIM_PUBLIC_URL: 'http://registry.example.org' }).secureCookies).toBe(true);
  });

  it('names every faulty variable', () => {
    try {
      loadConfig({
        POBRATIM_PUBLIC_URL: 'ftp://example.org',
        SMTP_URL: 'mail.example.org',
        MAIL_FROM: 'nobody',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('POBRATIM_PUBLIC_URL');
      expect(problems).toContain('SMTP_URL');
      expect(problems).toContain('MAIL_FROM');
    }
  });
});
