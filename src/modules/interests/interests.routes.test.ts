import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInClient } from '../../../test/auth.js';
import { makeOrganisation, makePartnership, type CreatedOrganisation } from '../../../test/factories.js';
import { expressInterest, makeInitiative } from '../../../test/initiative-factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let paris: CreatedOrganisation;
let celje: CreatedOrganisation;
let cesena: CreatedOrganisation;
let parisEditor: SignedInClient;
let celjeEditor: SignedInClient;
let cesenaEditor: SignedInClient;

beforeAll(async () => {
  t = await createTestApp();
  paris = await makeOrganisation(t.app, { country: 'FR' });
  celje = await makeOrganisation(t.app, { country: 'SI' });
  cesena = await makeOrganisation(t.app, { country: 'IT' });
  parisEditor = await t.signIn({ grants: [{ organisationId: paris.id, role: 'editor' }] });
  celjeEditor = await t.signIn({ grants: [{ organisationId: celje.id, role: 'editor' }] });
  cesenaEditor = await t.signIn({ grants: [{ organisationId: cesena.id, role: 'editor' }] });
});
afterAll(async () => {
  await t.close();
});

function post(client: SignedInClient, url: string, payload: Record<string, unknown>) {
  return client.inject({ method: 'POST', url, payload });
}

async function projectOf(initiativeId: string) {
  const initiative = (await t.anonymous.inject({ url: `/api/initiatives/${initiativeId}` })).json();
  expect(initiative.project).not.toBeNull();
  return (await t.anonymous.inject({ url: `/api/projects/${initiative.project.id}` })).json();
}

describe('expressing interest', () => {
  it("records an editor's interest for their organisation, pending", async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id, 'Celje would join.');
    expect(interest).toMatchObject({
      initiativeId: initiative.id,
      organisation: { id: celje.id },
      message: 'Celje would join.',
      status: 'pending',
      canWithdraw: true,
      canAnswer: false,
    });
    const counted = (await t.anonymous.inject({ url: `/api/initiatives/${initiative.id}` })).json();
    expect(counted.interests).toEqual({ pending: 1, accepted: 0 });
  });

  it('refuses interest for an organisation the editor does not act for', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const response = await post(celjeEditor, `/api/initiatives/${initiative.id}/interests`, {
      organisationId: cesena.id,
      message: 'Not ours to say.',
    });
    expect(response.statusCode).toBe(403);
    const anonymous = await t.anonymous.inject({
      method: 'POST',
      url: `/api/initiatives/${initiative.id}/interests`,
      payload: { organisationId: celje.id, message: 'Hello' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses interest of the owner in its own initiative', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const response = await post(parisEditor, `/api/initiatives/${initiative.id}/interests`, {
      organisationId: paris.id,
      message: 'Ourselves',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('interest.own_initiative');
  });

  it('refuses interest unless the initiative is open or shortlisting', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    let version = initiative.version;
    for (const to of ['shortlisting', 'partners_confirmed']) {
      const moved = await post(parisEditor, `/api/initiatives/${initiative.id}/transitions`, { to, version });
      version = moved.json().version;
      const response = await post(celjeEditor, `/api/initiatives/${initiative.id}/interests`, {
        organisationId: celje.id,
        message: `In ${to}`,
      });
      if (to === 'shortlisting') expect(response.statusCode).toBe(201);
      else {
        expect(response.statusCode).toBe(409);
        expect(response.json().code).toBe('interest.initiative_not_open');
      }
    }
  });

  it('refuses a second live interest of the same organisation, and allows one after a withdrawal', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const first = await expressInterest(celjeEditor, initiative.id, celje.id);
    const again = await post(celjeEditor, `/api/initiatives/${initiative.id}/interests`, {
      organisationId: celje.id,
      message: 'Again',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('interest.duplicate');
    const withdrawn = await post(celjeEditor, `/api/interests/${first.id}/withdraw`, {
      version: first.version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    await expressInterest(celjeEditor, initiative.id, celje.id, 'Back again');
  });

  it('does not let the owner withdraw, nor the interested organisation accept', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id);
    const withdraw = await post(parisEditor, `/api/interests/${interest.id}/withdraw`, { version: 1 });
    expect(withdraw.statusCode).toBe(403);
    const accept = await post(celjeEditor, `/api/interests/${interest.id}/accept`, { version: 1 });
    expect(accept.statusCode).toBe(403);
  });

  it("lists every interest to the owner, and only one's own to others", async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    await expressInterest(celjeEditor, initiative.id, celje.id);
    await expressInterest(cesenaEditor, initiative.id, cesena.id);
    const url = `/api/initiatives/${initiative.id}/interests`;
    const names = async (client: { inject: SignedInClient['inject'] }) =>
      (await client.inject({ url }))
        .json()
        .items.map((item: { organisation: { id: string } }) => item.organisation.id);
    expect(await names(parisEditor)).toEqual([celje.id, cesena.id]);
    expect(await names(celjeEditor)).toEqual([celje.id]);
    expect(await names(t.anonymous)).toEqual([]);
  });
});

describe('answering interest', () => {
  it('accepts and, in one step, makes the project with the owner as lead and the partner confirmed', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id, {
      fundingProgramme: 'urbact_iv',
      call: 'Action Networks',
      title: { en: 'Cities at heart, again' },
    });
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id);
    const response = await post(parisEditor, `/api/interests/${interest.id}/accept`, {
      version: interest.version,
      create: 'project_partner',
      note: 'Welcome aboard',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'accepted', responseNote: 'Welcome aboard' });
    const project = await projectOf(initiative.id);
    expect(response.json().projectId).toBe(project.id);
    expect(project).toMatchObject({
      title: { en: 'Cities at heart, again' },
      programme: 'URBACT IV',
      call: 'Action Networks',
      status: 'planned',
    });
    expect(
      project.partners.map(
        (partner: { organisation: { id: string }; role: string; confirmation: unknown }) => [
          partner.organisation.id,
          partner.role,
        ],
      ),
    ).toEqual([
      [paris.id, 'lead'],
      [celje.id, 'partner'],
    ]);
    const stored = await t.database.db
      .selectFrom('projectPartners')
      .select(['organisationId', 'confirmation', 'claimedBy'])
      .where('projectId', '=', project.id)
      .where('organisationId', '=', celje.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ organisationId: celje.id, confirmation: 'confirmed', claimedBy: celje.id });

    // A second accepted partner joins the same project.
    const second = await expressInterest(cesenaEditor, initiative.id, cesena.id);
    const accepted = await post(parisEditor, `/api/interests/${second.id}/accept`, {
      version: second.version,
      create: 'project_partner',
    });
    expect(accepted.json().projectId).toBe(project.id);
    const grown = await projectOf(initiative.id);
    expect(
      grown.partners.map((partner: { organisation: { id: string } }) => partner.organisation.id),
    ).toEqual([paris.id, celje.id, cesena.id]);
  });

  it('accepts and records a partnership confirmed by both sides', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id);
    const response = await post(parisEditor, `/api/interests/${interest.id}/accept`, {
      version: interest.version,
      create: 'partnership',
    });
    expect(response.statusCode, response.body).toBe(200);
    const partnership = (
      await t.anonymous.inject({ url: `/api/partnerships/${response.json().partnershipId}` })
    ).json();
    expect(partnership).toMatchObject({
      organisationA: { id: paris.id },
      organisationB: { id: celje.id },
      type: 'project_based',
      status: 'active',
    });
    const stored = await t.database.db
      .selectFrom('partnerships')
      .select(['confirmation', 'claimedBy'])
      .where('id', '=', partnership.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ confirmation: 'confirmed', claimedBy: celje.id });
  });

  it('confirms the partnership the two already have instead of making a second', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const existing = await makePartnership(t.app, paris.id, cesena.id, {
      type: 'twinning',
      status: 'active',
    });
    const interest = await expressInterest(cesenaEditor, initiative.id, cesena.id);
    const response = await post(parisEditor, `/api/interests/${interest.id}/accept`, {
      version: interest.version,
      create: 'partnership',
      partnershipType: 'twinning',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().partnershipId).toBe(existing.id);
  });

  it('makes nothing when accepting a project partner without a programme, and changes nothing', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id);
    const response = await post(parisEditor, `/api/interests/${interest.id}/accept`, {
      version: interest.version,
      create: 'project_partner',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('interest.programme_required');
    const still = (await parisEditor.inject({ url: `/api/initiatives/${initiative.id}/interests` })).json();
    expect(still.items[0]).toMatchObject({ status: 'pending', version: interest.version });
  });

  it('declines, and refuses answering twice or on a stale version', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id);
    const stale = await post(parisEditor, `/api/interests/${interest.id}/decline`, {
      version: interest.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('interest.version_conflict');
    const declined = await post(parisEditor, `/api/interests/${interest.id}/decline`, {
      version: interest.version,
      note: 'Not this time',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'declined',
      responseNote: 'Not this time',
      canAnswer: false,
    });
    const again = await post(parisEditor, `/api/interests/${interest.id}/accept`, {
      version: declined.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('interest.not_pending');
  });

  it('refuses accepting once the initiative has moved past shortlisting', async () => {
    const initiative = await makeInitiative(parisEditor, paris.id);
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id);
    let version = initiative.version;
    for (const to of ['shortlisting', 'partners_confirmed']) {
      version = (
        await post(parisEditor, `/api/initiatives/${initiative.id}/transitions`, { to, version })
      ).json().version;
    }
    const response = await post(parisEditor, `/api/interests/${interest.id}/accept`, {
      version: interest.version,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('interest.initiative_not_open');
  });
});
