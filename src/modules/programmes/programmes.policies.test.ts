import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeProgramme } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('who may write annual programmes', () => {
  it("leaves a programme to its owner's writers, who may not move it to another organisation", async () => {
    const [owner, other] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const programme = await makeProgramme(t.app, owner.id);
    const ownerEditor = await t.signIn({ grants: [{ organisationId: owner.id, role: 'editor' }] });
    const otherEditor = await t.signIn({ grants: [{ organisationId: other.id, role: 'editor' }] });
    const byOther = await otherEditor.inject({ method: 'DELETE', url: `/api/programmes/${programme.id}` });
    expect(byOther.statusCode).toBe(403);
    const moved = await ownerEditor.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      payload: { version: 1, organisationId: other.id },
    });
    expect(moved.statusCode).toBe(403);
    const renamed = await ownerEditor.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      payload: { version: 1, title: { en: 'Programme 2022, amended' } },
    });
    expect(renamed.statusCode).toBe(200);
    const deleted = await ownerEditor.inject({ method: 'DELETE', url: `/api/programmes/${programme.id}` });
    expect(deleted.statusCode).toBe(204);
  });
});
