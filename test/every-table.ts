import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../src/platform/db/database.js';
import {
  makeActivity,
  makeMembership,
  makeOrganisation,
  makePartnership,
  makeProgramme,
  makeProject,
  makeSource,
  makeTheme,
} from './factories.js';
import { writeFixtures } from './fixtures.js';
import { dayFromToday, expressInterest, makeInitiative } from './initiative-factories.js';
import { insertFixturePlaces } from './places-fixture.js';
import type { TestApp } from './test-app.js';

/**
 * Fills every table of the schema with at least one row, mostly through the API as people would
 * (accounts, sessions, the audit trail, initiatives, interests, notifications, contacts), so that a
 * round trip through a backup shows each table survives. `tablesWithoutRows` says which tables a new
 * migration added that this does not fill yet: the backup tests fail on them until it does.
 */
export async function fillEveryTable(t: TestApp): Promise<void> {
  await writeFixtures(t.database, async (trx) => {
    await trx
      .insertInto('countries')
      .values({ code: 'HR', names: { en: 'Croatia', hr: 'Hrvatska' } } as never)
      .execute();
    await insertFixturePlaces(trx);
    // What the gazetteer import records about itself (its source and version), as JSON.
    await trx
      .insertInto('systemState')
      .values({ key: 'gazetteer', value: { version: 'fixture', places: 12, note: 'Beč – Беч' } })
      .execute();
  });
  const source = await makeSource(t.app);
  const theme = await makeTheme(t.app);
  const zagreb = await makeOrganisation(t.app, { sourceId: source.id, themes: [theme.code] });
  const vienna = await makeOrganisation(t.app, { country: 'AT' });
  const network = await makeOrganisation(t.app, { kind: 'network', country: null });
  await makeMembership(t.app, zagreb.id, network.id);
  await makePartnership(t.app, zagreb.id, vienna.id);
  await makeProject(t.app, {
    partners: [
      { organisationId: zagreb.id, role: 'lead', budget: '72075.00', currency: 'EUR', coFinancingRate: '80' },
      { organisationId: vienna.id, role: 'partner' },
    ],
  });
  await makeActivity(t.app, {
    participants: [
      { organisationId: zagreb.id, role: 'host' },
      { organisationId: vienna.id, role: 'participant' },
    ],
  });
  await makeProgramme(t.app, zagreb.id);

  const contact = await t.app.inject({
    method: 'POST',
    url: `/api/organisations/${zagreb.id}/contacts`,
    payload: { name: 'Ana Horvat', email: 'ana.horvat@example.org', phone: '+385 1 000 000' },
  });
  expect(contact.statusCode, contact.body).toBe(201);

  // An editor of Vienna, an invitation (a mailed token), a failed sign-in.
  const editor = await t.signIn({
    grants: [{ organisationId: vienna.id, role: 'editor' }],
    language: 'sr-Cyrl',
  });
  const invitation = await t.app.inject({
    method: 'POST',
    url: '/api/invitations',
    payload: { email: 'new.officer@example.org', grants: [{ organisationId: zagreb.id, role: 'viewer' }] },
  });
  expect(invitation.statusCode, invitation.body).toBe(201);
  const failed = await t.anonymous.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email: 'nobody@example.org', password: 'not the password 123' },
  });
  expect(failed.statusCode).toBe(401);

  // An initiative with a deadline that has a reminder due, moved on, with an interest in it.
  const initiative = await makeInitiative(t.app, zagreb.id, { deadline: dayFromToday(3) });
  const moved = await t.app.inject({
    method: 'POST',
    url: `/api/initiatives/${initiative.id}/transitions`,
    payload: { to: 'shortlisting', version: initiative.version },
  });
  expect(moved.statusCode, moved.body).toBe(200);
  await expressInterest(editor, initiative.id, vienna.id);
  await t.services.notificationJobs.runOnce();

  // The gazetteer's index, stored for the next start.
  await t.services.search.loadIndex();
}

/** Tables of the schema (read from the catalogue) that hold no row. */
export async function tablesWithoutRows(database: Database): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  const empty: string[] = [];
  for (const { name } of tables.rows) {
    const result = await sql<{
      found: boolean;
    }>`select exists (select from ${sql.table(`public.${name}`)}) as found`.execute(database.db);
    if (!result.rows[0]?.found) empty.push(name);
  }
  return empty;
}

/**
 * Every table's rows as PostgreSQL writes them in JSON, sorted, read with the catalogue of
 * information_schema (not the backup's own queries), for comparing two databases table by table.
 */
export async function contentsOf(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction().execute(async (trx) => {
    await sql`select set_config('timezone', 'UTC', true)`.execute(trx);
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(trx);
    const contents: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await sql<{
        line: string;
      }>`select row_to_json(t)::text as line from ${sql.table(`public.${name}`)} t`.execute(trx);
      contents[name] = rows.rows.map((row) => row.line).sort();
    }
    const sequences = await sql<{ name: string }>`
      select sequence_name as name from information_schema.sequences where sequence_schema = 'public'
      order by sequence_name`.execute(trx);
    for (const { name } of sequences.rows) {
      const state = await sql<{
        line: string;
      }>`select last_value::text || ' ' || is_called::text as line from ${sql.table(`public.${name}`)}`.execute(
        trx,
      );
      contents[`sequence ${name}`] = state.rows.map((row) => row.line);
    }
    return contents;
  });
}
