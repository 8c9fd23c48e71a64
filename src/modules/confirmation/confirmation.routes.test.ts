import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInClient } from '../../../test/auth.js';
import { makeMembership, makeOrganisation, makePartnership } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { systemActor, type OrganisationRole } from '../../platform/actor.js';
import { createDemoService } from '../demo/demo.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const editorOf = (organisationId: string, role: OrganisationRole = 'editor') =>
  t.signIn({ grants: [{ organisationId, role }] });

async function post(client: SignedInClient, url: string, payload: Record<string, unknown>) {
  return client.inject({ method: 'POST', url, payload });
}

/** Two cities, each with its own editor. */
async function twoCities() {
  const a = await makeOrganisation(t.app);
  const b = await makeOrganisation(t.app);
  return { a, b, editorA: await editorOf(a.id), editorB: await editorOf(b.id) };
}

describe('two organisations and their editors', () => {
  it("neither changes the other's records", async () => {
    const { a, b, editorA, editorB } = await twoCities();
    const third = await makeOrganisation(t.app);
    const theirs = await makePartnership(t.app, b.id, third.id);
    const renameB = await editorA.inject({
      method: 'PATCH',
      url: `/api/organisations/${b.id}`,
      payload: { version: b.version, website: 'https://example.org/' },
    });
    expect(renameB.statusCode).toBe(403);
    expect(renameB.json().code).toBe('access.denied');
    const changeTheirs = await editorA.inject({
      method: 'PATCH',
      url: `/api/partnerships/${theirs.id}`,
      payload: { version: theirs.version, status: 'ended' },
    });
    expect(changeTheirs.statusCode).toBe(403);
    const deleteTheirs = await editorA.inject({ method: 'DELETE', url: `/api/partnerships/${theirs.id}` });
    expect(deleteTheirs.statusCode).toBe(403);
    const renameA = await editorB.inject({
      method: 'PATCH',
      url: `/api/organisations/${a.id}`,
      payload: { version: a.version, website: 'https://example.org/' },
    });
    expect(renameA.statusCode).toBe(403);
    const ownChange = await editorA.inject({
      method: 'PATCH',
      url: `/api/organisations/${a.id}`,
      payload: { version: a.version, website: 'https://example.org/a' },
    });
    expect(ownChange.statusCode).toBe(200);
  });

  it('each claims a partnership with the other, and only the other confirms it', async () => {
    const { a, b, editorA, editorB } = await twoCities();
    const claimedByA = await post(editorA, '/api/partnerships', {
      organisationAId: a.id,
      organisationBId: b.id,
      type: 'twinning',
      status: 'active',
    });
    expect(claimedByA.statusCode).toBe(201);
    expect(claimedByA.json().confirmation).toMatchObject({ state: 'claimed', claimedBy: a.id, reason: null });
    const claimedByB = await post(editorB, '/api/partnerships', {
      organisationAId: a.id,
      organisationBId: b.id,
      type: 'friendship',
      status: 'active',
    });
    expect(claimedByB.json().confirmation).toMatchObject({ state: 'claimed', claimedBy: b.id });

    const ownClaim = await post(editorA, `/api/partnerships/${claimedByA.json().id}/confirm`, { version: 1 });
    expect(ownClaim.statusCode).toBe(403);
    expect(ownClaim.json().code).toBe('confirmation.own_claim');
    const ownDispute = await post(editorB, `/api/partnerships/${claimedByB.json().id}/dispute`, {
      version: 1,
      reason: 'Changed our mind',
    });
    expect(ownDispute.json().code).toBe('confirmation.own_claim');

    const confirmed = await post(editorB, `/api/partnerships/${claimedByA.json().id}/confirm`, {
      version: 1,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      version: 2,
      confirmation: { state: 'confirmed', claimedBy: a.id, reason: null },
    });
    expect(Date.parse(confirmed.json().confirmation.changedAt)).not.toBeNaN();
    const again = await post(editorB, `/api/partnerships/${claimedByA.json().id}/confirm`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('confirmation.already_confirmed');

    const confirmedByA = await post(editorA, `/api/partnerships/${claimedByB.json().id}/confirm`, {
      version: 1,
    });
    expect(confirmedByA.json().confirmation).toMatchObject({ state: 'confirmed', claimedBy: b.id });
  });

  it('records a dispute with its reason, and refuses a stale version', async () => {
    const { a, b, editorA, editorB } = await twoCities();
    const claim = (
      await post(editorA, '/api/partnerships', {
        organisationAId: a.id,
        organisationBId: b.id,
        type: 'memorandum',
        status: 'signed',
      })
    ).json();
    const stale = await post(editorB, `/api/partnerships/${claim.id}/dispute`, {
      version: 7,
      reason: 'We never signed this memorandum.',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('partnership.version_conflict');
    const blank = await post(editorB, `/api/partnerships/${claim.id}/dispute`, { version: 1, reason: '   ' });
    expect(blank.statusCode).toBe(400);
    const disputed = await post(editorB, `/api/partnerships/${claim.id}/dispute`, {
      version: 1,
      reason: 'We never signed this memorandum.',
    });
    expect(disputed.statusCode).toBe(200);
    expect(disputed.json().confirmation).toMatchObject({
      state: 'disputed',
      claimedBy: a.id,
      reason: 'We never signed this memorandum.',
    });
    const relations = await t.anonymous.inject({ url: `/api/organisations/${a.id}/relations` });
    expect(relations.json().partnerships).toEqual([
      expect.objectContaining({
        id: claim.id,
        version: 2,
        confirmation: expect.objectContaining({
          state: 'disputed',
          reason: 'We never signed this memorandum.',
        }),
      }),
    ]);
  });

  it("makes a confirmed partnership one side's claim again when that side changes its facts", async () => {
    const { a, b, editorA, editorB } = await twoCities();
    const claim = await makePartnership(editorA, a.id, b.id, { status: 'signed' });
    await post(editorB, `/api/partnerships/${claim.id}/confirm`, { version: 1 });
    const described = await editorA.inject({
      method: 'PATCH',
      url: `/api/partnerships/${claim.id}`,
      payload: { version: 2, description: { en: 'Culture and sport.' } },
    });
    expect(described.json().confirmation.state).toBe('confirmed');
    const ended = await editorB.inject({
      method: 'PATCH',
      url: `/api/partnerships/${claim.id}`,
      payload: { version: 3, status: 'ended', endedOn: '2024' },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().confirmation).toMatchObject({ state: 'claimed', claimedBy: b.id });
    const confirmedByA = await post(editorA, `/api/partnerships/${claim.id}/confirm`, { version: 4 });
    expect(confirmedByA.json().confirmation).toMatchObject({ state: 'confirmed', claimedBy: b.id });
  });

  it('refuses a change that would leave a partnership with none of the editor’s organisations', async () => {
    const { a, b, editorA } = await twoCities();
    const [c, d] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const claim = await makePartnership(editorA, a.id, b.id);
    const handedOver = await editorA.inject({
      method: 'PATCH',
      url: `/api/partnerships/${claim.id}`,
      payload: { version: 1, organisationAId: c.id, organisationBId: d.id },
    });
    expect(handedOver.statusCode).toBe(403);
    const otherPartner = await editorA.inject({
      method: 'PATCH',
      url: `/api/partnerships/${claim.id}`,
      payload: { version: 1, organisationBId: c.id },
    });
    expect(otherPartner.statusCode).toBe(200);
  });

  it('refuses a one-sided writer that records a partnership as confirmed, and a viewer altogether', async () => {
    const { a, b, editorA } = await twoCities();
    const asConfirmed = await post(editorA, '/api/partnerships', {
      organisationAId: a.id,
      organisationBId: b.id,
      type: 'twinning',
      status: 'active',
      confirmation: 'confirmed',
    });
    expect(asConfirmed.statusCode).toBe(403);
    expect(asConfirmed.json().code).toBe('confirmation.not_allowed');
    const viewer = await editorOf(a.id, 'viewer');
    const byViewer = await post(viewer, '/api/partnerships', {
      organisationAId: a.id,
      organisationBId: b.id,
      type: 'twinning',
      status: 'active',
    });
    expect(byViewer.statusCode).toBe(403);
    const anonymous = await t.anonymous.inject({
      method: 'POST',
      url: `/api/partnerships/${(await makePartnership(t.app, a.id, b.id)).id}/confirm`,
      payload: { version: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('administrators', () => {
  it('record a relation no side claimed, or a confirmed one when they say so, and answer for either side', async () => {
    const [a, b] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const unclaimed = await makePartnership(t.app, a.id, b.id);
    expect(unclaimed.confirmation).toMatchObject({ state: 'claimed', claimedBy: null });
    const confirmed = await makePartnership(t.app, a.id, b.id, {
      type: 'friendship',
      confirmation: 'confirmed',
    });
    expect(confirmed.confirmation).toMatchObject({ state: 'confirmed', claimedBy: null });
    const editorB = await editorOf(b.id);
    const byB = await post(editorB, `/api/partnerships/${unclaimed.id}/dispute`, {
      version: 1,
      reason: 'Not a twinning, a friendship.',
    });
    expect(byB.json().confirmation.state).toBe('disputed');
    const claim = await makePartnership(editorB, a.id, b.id, { type: 'memorandum' });
    const byAdministrator = await post(t.app, `/api/partnerships/${claim.id}/confirm`, { version: 1 });
    expect(byAdministrator.statusCode).toBe(200);
    expect(byAdministrator.json().confirmation.state).toBe('confirmed');
  });
});

describe('memberships', () => {
  it("are confirmed by the network's secretariat when a member claims them, and the other way round", async () => {
    const network = await makeOrganisation(t.app, { kind: 'network', country: null });
    const city = await makeOrganisation(t.app);
    const secretariat = await editorOf(network.id);
    const cityEditor = await editorOf(city.id);
    const claim = await makeMembership(cityEditor, city.id, network.id);
    expect(claim.confirmation).toMatchObject({ state: 'claimed', claimedBy: city.id });
    const own = await post(cityEditor, `/api/memberships/${claim.id}/confirm`, { version: 1 });
    expect(own.json().code).toBe('confirmation.own_claim');
    const confirmed = await post(secretariat, `/api/memberships/${claim.id}/confirm`, { version: 1 });
    expect(confirmed.json().confirmation).toMatchObject({ state: 'confirmed', claimedBy: city.id });

    const other = await makeOrganisation(t.app);
    const listed = await makeMembership(secretariat, other.id, network.id, { role: 'observer' });
    expect(listed.confirmation).toMatchObject({ state: 'claimed', claimedBy: network.id });
    const unrelated = await post(cityEditor, `/api/memberships/${listed.id}/dispute`, {
      version: 1,
      reason: 'Not ours',
    });
    expect(unrelated.statusCode).toBe(403);
    expect(unrelated.json().code).toBe('access.denied');
  });

  it('let a coordinator act for a member only once the member has confirmed the membership', async () => {
    const association = await makeOrganisation(t.app, { kind: 'association' });
    const city = await makeOrganisation(t.app);
    const coordinator = await editorOf(association.id, 'coordinator');
    const cityEditor = await editorOf(city.id);
    const claim = await makeMembership(coordinator, city.id, association.id);
    expect(claim.confirmation).toMatchObject({ state: 'claimed', claimedBy: association.id });
    const change = (version: number) =>
      coordinator.inject({
        method: 'PATCH',
        url: `/api/organisations/${city.id}`,
        payload: { version, website: 'https://example.org/city' },
      });
    expect((await change(city.version)).statusCode).toBe(403);
    await post(cityEditor, `/api/memberships/${claim.id}/confirm`, { version: 1 });
    expect((await change(city.version)).statusCode).toBe(200);
  });
});

describe('project partnerships', () => {
  it('are confirmed by the partner when the lead enters them, and by the lead when a partner claims its place', async () => {
    const lead = await makeOrganisation(t.app);
    const partner = await makeOrganisation(t.app);
    const claimant = await makeOrganisation(t.app);
    const [leadEditor, partnerEditor, claimantEditor] = [
      await editorOf(lead.id),
      await editorOf(partner.id),
      await editorOf(claimant.id),
    ];
    const created = await post(leadEditor, '/api/projects', {
      title: { en: 'River cities' },
      programme: 'Interreg Danube',
      status: 'ongoing',
      partners: [
        { organisationId: lead.id, role: 'lead' },
        { organisationId: partner.id, role: 'partner', budget: '1000' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const project = created.json();
    expect(project.partners.map((row: { confirmation: { state: string } }) => row.confirmation)).toEqual([
      expect.objectContaining({ state: 'confirmed', claimedBy: lead.id }),
      expect.objectContaining({ state: 'claimed', claimedBy: lead.id }),
    ]);
    const url = `/api/projects/${project.slug}/partners`;
    const byLead = await post(leadEditor, `${url}/${partner.id}/confirm`, { version: 1 });
    expect(byLead.json().code).toBe('confirmation.own_claim');
    const byPartner = await post(partnerEditor, `${url}/${partner.id}/confirm`, { version: 1 });
    expect(byPartner.statusCode).toBe(200);
    expect(byPartner.json().version).toBe(2);
    expect(byPartner.json().partners[1].confirmation.state).toBe('confirmed');

    const unchanged = await leadEditor.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: {
        version: 2,
        partners: [
          { organisationId: lead.id, role: 'lead' },
          { organisationId: partner.id, role: 'partner', budget: '1000.00' },
        ],
        acronym: 'RC',
      },
    });
    expect(unchanged.json().partners[1].confirmation.state).toBe('confirmed');

    const claimed = await post(claimantEditor, url, {
      organisationId: claimant.id,
      role: 'associate',
      version: 3,
    });
    expect(claimed.statusCode).toBe(201);
    expect(claimed.json().partners[2]).toMatchObject({
      organisation: { id: claimant.id },
      role: 'associate',
      confirmation: { state: 'claimed', claimedBy: claimant.id },
    });
    const ownClaim = await post(claimantEditor, `${url}/${claimant.id}/confirm`, { version: 4 });
    expect(ownClaim.json().code).toBe('confirmation.own_claim');
    const disputed = await post(leadEditor, `${url}/${claimant.id}/dispute`, {
      version: 4,
      reason: 'Not a partner of this project.',
    });
    expect(disputed.json().partners[2].confirmation).toMatchObject({
      state: 'disputed',
      reason: 'Not a partner of this project.',
    });
    const otherPartnerAnswers = await post(partnerEditor, `${url}/${claimant.id}/confirm`, { version: 5 });
    expect(otherPartnerAnswers.statusCode).toBe(403);
    const withdrawn = await claimantEditor.inject({ method: 'DELETE', url: `${url}/${claimant.id}` });
    expect(withdrawn.statusCode).toBe(204);
    const leadLeaves = await leadEditor.inject({ method: 'DELETE', url: `${url}/${lead.id}` });
    expect(leadLeaves.statusCode).toBe(409);
    const partnerChanged = await leadEditor.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: {
        version: 6,
        partners: [
          { organisationId: lead.id, role: 'lead' },
          { organisationId: partner.id, role: 'partner', budget: '2000' },
        ],
      },
    });
    expect(partnerChanged.json().partners[1].confirmation).toMatchObject({
      state: 'claimed',
      claimedBy: lead.id,
    });
  });
});

describe('the demo loader', () => {
  it('records every relation as reported by its source, which either side may then confirm', async () => {
    const result = await createDemoService(t.database).load(systemActor('demo'));
    expect(result.loaded).toBe(true);
    type Row = { source: unknown; confirmation: { state: string; claimedBy: string | null } };
    const fromDemo = async (list: string): Promise<Row[]> =>
      (await t.anonymous.inject({ url: `/api/${list}?pageSize=200` }))
        .json()
        .items.filter((row: Row) => row.source !== null);
    const states = (rows: Row[]) =>
      new Set(rows.map((row) => `${row.confirmation.state}:${row.confirmation.claimedBy}`));
    const partnerships = await fromDemo('partnerships');
    const memberships = await fromDemo('memberships');
    const partners = (await fromDemo('projects')).flatMap(
      (project) => (project as unknown as { partners: Row[] }).partners,
    );
    for (const rows of [partnerships, memberships, partners]) {
      expect(rows.length).toBeGreaterThan(0);
      expect(states(rows)).toEqual(new Set(['reported_by_source:null']));
    }

    const partnership = partnerships[0] as Row & {
      id: string;
      version: number;
      organisationA: { id: string };
    };
    const sideA = await editorOf(partnership.organisationA.id);
    const confirmed = await post(sideA, `/api/partnerships/${partnership.id}/confirm`, {
      version: partnership.version,
    });
    expect(confirmed.json().confirmation).toMatchObject({ state: 'confirmed', claimedBy: null });
  });
});
