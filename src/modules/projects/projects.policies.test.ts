import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeProject } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const editorOf = (organisationId: string) => t.signIn({ grants: [{ organisationId, role: 'editor' }] });

describe('who may write projects', () => {
  it("leaves a project to its lead's writers: a partner's editor may not change or delete it", async () => {
    const [lead, partner] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const project = await makeProject(t.app, {
      partners: [
        { organisationId: lead.id, role: 'lead' },
        { organisationId: partner.id, role: 'partner' },
      ],
    });
    const partnerEditor = await editorOf(partner.id);
    const change = await partnerEditor.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { version: 1, acronym: 'NOPE' },
    });
    expect(change.statusCode).toBe(403);
    const removal = await partnerEditor.inject({ method: 'DELETE', url: `/api/projects/${project.id}` });
    expect(removal.statusCode).toBe(403);
    const byLead = await (
      await editorOf(lead.id)
    ).inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { version: 1, acronym: 'YES' },
    });
    expect(byLead.statusCode).toBe(200);
  });

  it('refuses a lead that hands the project over to another lead, and a project without a lead to editors', async () => {
    const [lead, other] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const leadEditor = await editorOf(lead.id);
    const project = await makeProject(t.app, { partners: [{ organisationId: lead.id, role: 'lead' }] });
    const handedOver = await leadEditor.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { version: 1, partners: [{ organisationId: other.id, role: 'lead' }] },
    });
    expect(handedOver.statusCode).toBe(403);
    const withoutLead = await leadEditor.inject({
      method: 'POST',
      url: '/api/projects',
      payload: {
        title: { en: 'No lead' },
        programme: 'URBACT IV',
        status: 'planned',
        partners: [{ organisationId: lead.id, role: 'partner' }],
      },
    });
    expect(withoutLead.statusCode).toBe(403);
  });

  it('answers a stale version with 409 once the writer may write, and a missing project with 404', async () => {
    const lead = await makeOrganisation(t.app);
    const project = await makeProject(t.app, { partners: [{ organisationId: lead.id, role: 'lead' }] });
    const leadEditor = await editorOf(lead.id);
    const stale = await leadEditor.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { version: 9, acronym: 'OLD' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('project.version_conflict');
    const missing = await leadEditor.inject({ method: 'DELETE', url: '/api/projects/no-such-project' });
    expect(missing.statusCode).toBe(404);
    const anonymous = await t.anonymous.inject({ method: 'DELETE', url: '/api/projects/no-such-project' });
    expect(anonymous.statusCode).toBe(401);
  });
});
