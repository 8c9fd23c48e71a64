import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { systemActor } from '../../platform/actor.js';
import { createDemoService } from '../demo/demo.service.js';
import { createDumpService, type Dump } from './dump.service.js';

const actor = systemActor('test');
let source: TestDatabase;
let target: TestDatabase;
beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await createDemoService(source).load(actor);
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
});

const withoutTime = ({ exportedAt: _exportedAt, ...dump }: Dump) => dump;

describe('export and import', () => {
  it('gives identical data when a dump is imported into an empty database, and changes nothing the second time', async () => {
    const exported = await createDumpService(source).exportAll(actor);
    expect(exported.tables.organisations.length).toBeGreaterThan(40);
    const roundTrip: unknown = JSON.parse(JSON.stringify(exported));

    const first = await createDumpService(target).importAll(actor, roundTrip);
    expect(first.tables.organisations).toEqual({
      inserted: exported.tables.organisations.length,
      unchanged: 0,
      refused: 0,
    });
    expect(first.refused).toEqual([]);
    expect(withoutTime(await createDumpService(target).exportAll(actor))).toEqual(withoutTime(exported));

    const second = await createDumpService(target).importAll(actor, roundTrip);
    expect(
      Object.values(second.tables).every((counts) => counts.inserted === 0 && counts.refused === 0),
    ).toBe(true);
    expect(withoutTime(await createDumpService(target).exportAll(actor))).toEqual(withoutTime(exported));
  });

  it('refuses, row by row, records whose id exists with other content, and keeps the stored ones', async () => {
    const exported = await createDumpService(source).exportAll(actor);
    await createDumpService(target).importAll(actor, JSON.parse(JSON.stringify(exported)));
    const changed = JSON.parse(JSON.stringify(exported)) as Dump;
    const organisation = changed.tables.organisations[0]!;
    organisation.displayName = 'Changed elsewhere';
    const report = await createDumpService(target).importAll(actor, changed);
    expect(report.refused).toEqual([
      {
        table: 'organisations',
        key: organisation.id,
        reason: expect.stringContaining('kept the stored one'),
      },
    ]);
    const stored = await target.db
      .selectFrom('organisations')
      .select('displayName')
      .where('id', '=', String(organisation.id))
      .executeTakeFirstOrThrow();
    expect(stored.displayName).not.toBe('Changed elsewhere');
  });

  it('refuses a file that is not a Pobratim dump', async () => {
    await expect(createDumpService(target).importAll(actor, { hello: 'world' })).rejects.toMatchObject({
      code: 'dump.format_unknown',
    });
  });
});
