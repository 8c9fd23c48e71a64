import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActivity, makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const editorOf = (organisationId: string) => t.signIn({ grants: [{ organisationId, role: 'editor' }] });

describe('who may write activities', () => {
  it('leaves an activity to its organisers: a participant may not change it', async () => {
    const [host, guest] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const activity = await makeActivity(t.app, {
      participants: [
        { organisationId: host.id, role: 'host' },
        { organisationId: guest.id, role: 'participant' },
      ],
    });
    const byGuest = await (
      await editorOf(guest.id)
    ).inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { version: 1, placeName: 'Elsewhere' },
    });
    expect(byGuest.statusCode).toBe(403);
    const byHost = await (
      await editorOf(host.id)
    ).inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { version: 1, placeName: 'Celje' },
    });
    expect(byHost.statusCode).toBe(200);
  });

  it('refuses an organiser that leaves only other organisers, and a new activity it does not organise', async () => {
    const [host, other] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const hostEditor = await editorOf(host.id);
    const activity = await makeActivity(t.app, { participants: [{ organisationId: host.id, role: 'host' }] });
    const handedOver = await hostEditor.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { version: 1, participants: [{ organisationId: other.id, role: 'organiser' }] },
    });
    expect(handedOver.statusCode).toBe(403);
    const asParticipant = await hostEditor.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        type: 'conference',
        title: { en: 'Somebody else’s conference' },
        participants: [
          { organisationId: other.id, role: 'organiser' },
          { organisationId: host.id, role: 'participant' },
        ],
      },
    });
    expect(asParticipant.statusCode).toBe(403);
  });
});
