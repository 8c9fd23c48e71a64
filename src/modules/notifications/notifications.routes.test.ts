import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInClient } from '../../../test/auth.js';
import { makeOrganisation, type CreatedOrganisation } from '../../../test/factories.js';
import { expressInterest, makeInitiative } from '../../../test/initiative-factories.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let smtp: SmtpCatcher;
let paris: CreatedOrganisation;
let celje: CreatedOrganisation;
let parisEditor: SignedInClient;
let parisColleague: SignedInClient;
let parisViewer: SignedInClient;
let celjeEditor: SignedInClient;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://pobratim.example' });
  paris = await makeOrganisation(t.app, { country: 'FR' });
  celje = await makeOrganisation(t.app, { country: 'SI' });
  parisEditor = await t.signIn({
    email: 'paris-editor@example.org',
    grants: [{ organisationId: paris.id, role: 'editor' }],
  });
  parisColleague = await t.signIn({
    email: 'paris-colleague@example.org',
    grants: [{ organisationId: paris.id, role: 'coordinator' }],
  });
  parisViewer = await t.signIn({ grants: [{ organisationId: paris.id, role: 'viewer' }] });
  celjeEditor = await t.signIn({
    email: 'celje-editor@example.org',
    grants: [{ organisationId: celje.id, role: 'editor' }],
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

interface NotificationItem {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  readAt: string | null;
}

async function notificationsOf(
  client: SignedInClient,
): Promise<{ items: NotificationItem[]; unread: number }> {
  const response = await client.inject({ url: '/api/notifications?limit=100' });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function kindsFor(client: SignedInClient, initiativeId: string): Promise<string[]> {
  const { items } = await notificationsOf(client);
  return items
    .filter((item) => item.payload.initiativeId === initiativeId)
    .map((item) => item.kind)
    .reverse();
}

describe('notifications', () => {
  it("tells the owner's acting people about an interest, the interested one about the answer, all about a move", async () => {
    const initiative = await makeInitiative(parisEditor, paris.id, { title: { en: 'Green squares' } });
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id);
    const received = (await notificationsOf(parisEditor)).items.find(
      (item) => item.payload.interestId === interest.id,
    );
    expect(received).toMatchObject({
      kind: 'interest_received',
      readAt: null,
      payload: { initiativeId: initiative.id, initiativeTitle: { en: 'Green squares' } },
    });
    expect(received!.payload.organisationName).toEqual(expect.any(String));
    expect(await kindsFor(parisColleague, initiative.id)).toEqual(['interest_received']);
    // Viewers are not asked to act; the interested editor is not told of their own act.
    expect(await kindsFor(parisViewer, initiative.id)).toEqual([]);
    expect(await kindsFor(celjeEditor, initiative.id)).toEqual([]);

    await parisEditor.inject({
      method: 'POST',
      url: `/api/interests/${interest.id}/accept`,
      payload: { version: interest.version },
    });
    expect(await kindsFor(celjeEditor, initiative.id)).toEqual(['interest_answered']);
    const answered = (await notificationsOf(celjeEditor)).items[0]!;
    expect(answered.payload).toMatchObject({ answer: 'accepted', interestId: interest.id });

    await parisEditor.inject({
      method: 'POST',
      url: `/api/initiatives/${initiative.id}/transitions`,
      payload: { to: 'shortlisting', version: initiative.version },
    });
    expect(await kindsFor(celjeEditor, initiative.id)).toEqual([
      'interest_answered',
      'initiative_status_changed',
    ]);
    expect(await kindsFor(parisColleague, initiative.id)).toEqual([
      'interest_received',
      'initiative_status_changed',
    ]);
    expect(await kindsFor(parisEditor, initiative.id)).toEqual(['interest_received']);
    const moved = (await notificationsOf(celjeEditor)).items[0]!;
    expect(moved.payload).toMatchObject({ from: 'open', to: 'shortlisting' });
  });

  it('sends each notice by e-mail once, with a link to the initiative', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id, { title: { en: 'Mail test' } });
    await expressInterest(celjeEditor, initiative.id, celje.id);
    const first = await t.services.notificationJobs.deliverMail();
    expect(first.failed).toBe(0);
    const second = await t.services.notificationJobs.deliverMail();
    expect(second).toEqual({ sent: 0, failed: 0 });
    const mails = smtp.mails.filter((mail) => mail.subject === 'Interest in “Mail test”');
    expect(
      mails
        .map((mail) => mail.to)
        .flat()
        .sort(),
    ).toEqual(['paris-colleague@example.org', 'paris-editor@example.org']);
    expect(mails[0]!.text).toContain(`https://pobratim.example/initiatives/${initiative.id}`);
  });

  it('counts unread notifications and marks them read, one or all', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    await expressInterest(celjeEditor, initiative.id, celje.id);
    const before = await notificationsOf(parisColleague);
    expect(before.unread).toBeGreaterThan(0);
    const newest = before.items[0]!;
    const marked = await parisColleague.inject({
      method: 'POST',
      url: `/api/notifications/${newest.id}/read`,
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().readAt).toEqual(expect.any(String));
    expect((await notificationsOf(parisColleague)).unread).toBe(before.unread - 1);
    const unreadOnly = await parisColleague.inject({ url: '/api/notifications?unread=true&limit=100' });
    expect(unreadOnly.json().items.map((item: NotificationItem) => item.id)).not.toContain(newest.id);

    const all = await parisColleague.inject({ method: 'POST', url: '/api/notifications/read' });
    expect(all.json()).toEqual({ marked: before.unread - 1 });
    expect((await notificationsOf(parisColleague)).unread).toBe(0);
  });

  it("keeps each user's notifications to themselves", async () => {
    const { items } = await notificationsOf(parisEditor);
    const someone = await celjeEditor.inject({
      method: 'POST',
      url: `/api/notifications/${items[0]!.id}/read`,
    });
    expect(someone.statusCode).toBe(404);
    expect((await t.anonymous.inject({ url: '/api/notifications' })).statusCode).toBe(401);
    const anonymous = await t.anonymous.inject({ method: 'POST', url: '/api/notifications/read' });
    expect(anonymous.statusCode).toBe(401);
  });
});
