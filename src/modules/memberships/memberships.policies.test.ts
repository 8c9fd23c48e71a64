import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMembership, makeOrganisation } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('who may write memberships', () => {
  it('lets either party change a membership, but not hand it over to two other organisations', async () => {
    const network = await makeOrganisation(t.app, { kind: 'network', country: null });
    const [member, c, d] = [
      await makeOrganisation(t.app),
      await makeOrganisation(t.app),
      await makeOrganisation(t.app, { kind: 'network', country: null }),
    ];
    const membership = await makeMembership(t.app, member.id, network.id);
    const secretariat = await t.signIn({ grants: [{ organisationId: network.id, role: 'editor' }] });
    const handedOver = await secretariat.inject({
      method: 'PATCH',
      url: `/api/memberships/${membership.id}`,
      payload: { version: 1, memberId: c.id, organisationId: d.id },
    });
    expect(handedOver.statusCode).toBe(403);
    const otherMember = await secretariat.inject({
      method: 'PATCH',
      url: `/api/memberships/${membership.id}`,
      payload: { version: 1, memberId: c.id },
    });
    expect(otherMember.statusCode).toBe(200);
    const memberEditor = await t.signIn({ grants: [{ organisationId: member.id, role: 'editor' }] });
    const notAParty = await memberEditor.inject({
      method: 'DELETE',
      url: `/api/memberships/${membership.id}`,
    });
    expect(notAParty.statusCode).toBe(403);
  });

  it("refuses a coordinator's change of a member that has not confirmed the membership", async () => {
    const association = await makeOrganisation(t.app, { kind: 'association' });
    const city = await makeOrganisation(t.app);
    const other = await makeOrganisation(t.app, { kind: 'network', country: null });
    await makeMembership(t.app, city.id, association.id);
    const coordinator = await t.signIn({ grants: [{ organisationId: association.id, role: 'coordinator' }] });
    const forTheCity = await coordinator.inject({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: city.id, organisationId: other.id },
    });
    expect(forTheCity.statusCode).toBe(403);
  });
});
