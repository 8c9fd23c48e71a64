import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { Client } from '../../../test/auth.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

let counter = 0;
function person() {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    name: `Ana Kovačić-${tag}`,
    email: `ana.kovacic.${tag}@example.hr`,
    phone: '+385 1 610 1111',
    position: { en: `Head of cooperation ${tag}`, hr: `Pročelnica za suradnju ${tag}` },
    notes: `Speaks German. Personal mobile of ${tag}.`,
  };
}

async function addContact(client: Client, organisationId: string, body: Record<string, unknown> = person()) {
  const response = await client.inject({
    method: 'POST',
    url: `/api/organisations/${organisationId}/contacts`,
    payload: body,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; version: number; name: string; email: string };
}

/**
 * Every text, character and JSON column (arrays of them included) of every table in the public schema,
 * as information_schema lists them: where a copy of personal data could hide.
 */
async function rowsMentioning(needle: string): Promise<string[]> {
  const columns = await sql<{ table: string; column: string }>`
    select c.table_name as table, c.column_name as column
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
        or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar', '_bpchar', '_json', '_jsonb')))`.execute(
    t.database.db,
  );
  expect(columns.rows.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const { table, column } of columns.rows) {
    const result = await sql<{ count: number }>`
      select count(*)::int as count from ${sql.table(table)}
      where strpos(lower(${sql.ref(column)}::text), lower(${needle})) > 0`.execute(t.database.db);
    if (result.rows[0]!.count > 0) found.push(`${table}.${column}`);
  }
  return found;
}

describe('contacts API', () => {
  it('adds, lists, changes and removes the contact persons of an organisation', async () => {
    const city = await makeOrganisation(t.app);
    const data = person();
    const created = await addContact(t.app, city.id, data);
    expect(created).toMatchObject({ ...data, organisationId: city.id, version: 1, erasedAt: null });

    const list = await t.app.inject({ url: `/api/organisations/${city.id}/contacts` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([created]);

    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, phone: '+385 1 610 2222' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ phone: '+385 1 610 2222', version: 2, name: data.name });

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, phone: '+385 1 610 3333' },
    });
    expect(stale.statusCode).toBe(409);

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/contacts/${created.id}` });
    expect(removed.statusCode).toBe(204);
    const after = await t.app.inject({ url: `/api/organisations/${city.id}/contacts` });
    expect(after.json().items).toEqual([]);
  });

  it('refuses an invalid email, an unknown field and an unknown organisation', async () => {
    const city = await makeOrganisation(t.app);
    const invalid = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${city.id}/contacts`,
      payload: { name: 'Ivo Ivić', email: 'not an email' },
    });
    expect(invalid.statusCode).toBe(400);
    const unknownField = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${city.id}/contacts`,
      payload: { name: 'Ivo Ivić', birthday: '1970-01-01' },
    });
    expect(unknownField.statusCode).toBe(400);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/organisations/01900000-0000-7000-8000-000000000000/contacts',
      payload: { name: 'Ivo Ivić' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('shows contact persons to the organisation’s people only, and lets its writers change them', async () => {
    const city = await makeOrganisation(t.app);
    const other = await makeOrganisation(t.app);
    const contact = await addContact(t.app, city.id);
    const viewer = await t.signIn({ grants: [{ organisationId: city.id, role: 'viewer' }] });
    const editor = await t.signIn({ grants: [{ organisationId: city.id, role: 'editor' }] });
    const stranger = await t.signIn({ grants: [{ organisationId: other.id, role: 'editor' }] });
    const listUrl = `/api/organisations/${city.id}/contacts`;

    expect((await t.anonymous.inject({ url: listUrl })).statusCode).toBe(401);
    expect((await stranger.inject({ url: listUrl })).statusCode).toBe(403);
    expect((await viewer.inject({ url: listUrl })).json().items).toHaveLength(1);
    expect((await editor.inject({ url: listUrl })).json().items).toHaveLength(1);

    const write = { method: 'POST' as const, url: listUrl, payload: { name: 'Marko Marić' } };
    expect((await t.anonymous.inject(write)).statusCode).toBe(401);
    expect((await viewer.inject(write)).statusCode).toBe(403);
    expect((await stranger.inject(write)).statusCode).toBe(403);
    expect((await editor.inject(write)).statusCode).toBe(201);

    const patch = {
      method: 'PATCH' as const,
      url: `/api/contacts/${contact.id}`,
      payload: { version: 1, phone: '1' },
    };
    expect((await viewer.inject(patch)).statusCode).toBe(403);
    expect((await stranger.inject(patch)).statusCode).toBe(403);
    expect((await editor.inject(patch)).statusCode).toBe(200);

    const exportUrl = `/api/contacts/${contact.id}/export`;
    expect((await t.anonymous.inject({ url: exportUrl })).statusCode).toBe(401);
    expect((await viewer.inject({ url: exportUrl })).statusCode).toBe(403);
    expect((await stranger.inject({ url: exportUrl })).statusCode).toBe(403);
    expect((await editor.inject({ url: exportUrl })).statusCode).toBe(200);

    const erase = { method: 'POST' as const, url: `/api/contacts/${contact.id}/erase` };
    expect((await t.anonymous.inject(erase)).statusCode).toBe(401);
    expect((await viewer.inject(erase)).statusCode).toBe(403);
    expect((await stranger.inject(erase)).statusCode).toBe(403);
  });

  it('exports everything held about a person as a download', async () => {
    const city = await makeOrganisation(t.app);
    const data = person();
    const contact = await addContact(t.app, city.id, data);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: 1, email: `new.${data.email}` },
    });
    const response = await t.app.inject({ url: `/api/contacts/${contact.id}/export` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="contact-${contact.id}.json"`);
    const exported = response.json();
    expect(exported.contact).toMatchObject({ name: data.name, email: `new.${data.email}` });
    expect(exported.auditEvents.map((event: { action: string }) => event.action)).toEqual([
      'insert',
      'update',
    ]);
    expect(exported.auditEvents[1]).toMatchObject({
      actor: `user:${t.app.userId}`,
      before: { email: data.email },
      after: { email: `new.${data.email}` },
    });
  });

  it('erases a person in one audited transaction, leaving no copy of their name or email anywhere', async () => {
    const city = await makeOrganisation(t.app);
    const data = person();
    const contact = await addContact(t.app, city.id, data);
    const changedEmail = `office.${data.email}`;
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: 1, email: changedEmail, name: `${data.name} Horvat` },
    });
    expect(changed.statusCode).toBe(200);
    // The query below finds the data before the erasure, so it can find it after.
    expect(await rowsMentioning(data.name)).toEqual(
      expect.arrayContaining(['contacts.name', 'audit_events.before', 'audit_events.after']),
    );
    expect(await rowsMentioning(data.email)).toEqual(
      expect.arrayContaining(['audit_events.before', 'audit_events.after']),
    );

    const erased = await t.app.inject({ method: 'POST', url: `/api/contacts/${contact.id}/erase` });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({
      id: contact.id,
      name: 'Erased contact',
      email: null,
      phone: null,
      notes: null,
      position: {},
      erasedAt: expect.any(String),
    });

    for (const needle of [data.name, data.email, changedEmail, data.notes, data.position.hr]) {
      expect(await rowsMentioning(needle)).toEqual([]);
    }

    const events = await t.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entity', '=', 'contact')
      .where('entityId', '=', contact.id)
      .orderBy('id')
      .execute();
    expect(events.map((event) => event.action)).toEqual(['insert', 'update', 'erase']);
    expect(events[2]).toMatchObject({
      actor: `user:${t.app.userId}`,
      requestId: erased.headers['x-request-id'],
      before: null,
      after: { name: 'Erased contact', email: null },
      parentEntity: 'organisation',
      parentId: city.id,
    });

    const again = await t.app.inject({
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: 3, name: 'Someone else' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('contact.erased');
  });

  it('lets nobody rewrite the audit trail outside an erasure', async () => {
    await expect(
      sql`update audit_events set after = '{}'::jsonb where entity = 'contact'`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
  });
});
