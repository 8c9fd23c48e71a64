import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.js';
import { contentsOf } from '../../../test/every-table.js';
import { makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase } from '../../../test/test-database.js';
import { createBackupService } from './backup.service.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await makeOrganisation(t.app, {
    names: [{ name: 'Stara Zagora', language: 'bg', kind: 'official' }],
    country: 'BG',
  });
});

afterAll(async () => {
  await t.close();
});

describe('POST /api/admin/backup', () => {
  it('gives an administrator the whole database as a file that restores', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/admin/backup' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="pobratim-backup-\d{8}-\d{6}\.jsonl\.gz"$/,
    );
    const lines = gunzipSync(response.rawPayload).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'pobratim-backup', formatVersion: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: 'pobratim-backup' });

    const target = await createTestDatabase({ unmigrated: true });
    try {
      await createBackupService(target).restore(systemActor('test'), Readable.from([response.rawPayload]));
      const restored = await contentsOf(target);
      const source = await contentsOf(t.database);
      // The sessions and users of this test's callers were read in the backup's snapshot.
      expect(restored.organisations).toEqual(source.organisations);
      expect(restored.users).toEqual(source.users);
      expect(restored.audit_events).toEqual(source.audit_events);
    } finally {
      await target.close();
    }
  });

  it('refuses everyone else: 401 anonymous, 403 an editor', async () => {
    const anonymous = await t.anonymous.inject({ method: 'POST', url: '/api/admin/backup' });
    expect(anonymous.statusCode).toBe(401);
    const organisation = await makeOrganisation(t.app);
    const editor = await t.signIn({ grants: [{ organisationId: organisation.id, role: 'editor' }] });
    const refused = await editor.inject({ method: 'POST', url: '/api/admin/backup' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'access.denied' });
  });
});
