import { describe, expect, it } from 'vitest';
import { isCoordinator, mayAdminister, mayEditFor, mayRecord } from './permissions';

const celje = 'org-celje';
const paris = 'org-paris';
const skgo = 'org-skgo';

const editorOf = (organisationId: string) => ({
  admin: false,
  grants: [{ organisationId, role: 'editor' }],
});

describe('what the interface offers', () => {
  it('offers nothing to write to an anonymous visitor', () => {
    expect(mayEditFor(null, [celje])).toBe(false);
    expect(mayRecord(null)).toBe(false);
    expect(mayAdminister(null)).toBe(false);
  });

  it('offers an editor the records of its own organisation only', () => {
    expect(mayEditFor(editorOf(celje), [celje])).toBe(true);
    expect(mayEditFor(editorOf(celje), [paris, celje])).toBe(true);
    expect(mayEditFor(editorOf(celje), [paris])).toBe(false);
    expect(mayRecord(editorOf(celje))).toBe(true);
    expect(mayAdminister(editorOf(celje))).toBe(false);
  });

  it('offers a viewer nothing to write, even for its own organisation', () => {
    const viewer = { admin: false, grants: [{ organisationId: celje, role: 'viewer' }] };
    expect(mayEditFor(viewer, [celje])).toBe(false);
    expect(mayRecord(viewer)).toBe(false);
  });

  it('offers a coordinator its association, and the members the server counts in its write scope', () => {
    const nis = 'org-nis';
    const coordinator = { admin: false, grants: [{ organisationId: skgo, role: 'coordinator' }] };
    expect(isCoordinator(coordinator)).toBe(true);
    expect(isCoordinator(editorOf(celje))).toBe(false);
    expect(mayEditFor(coordinator, [skgo])).toBe(true);
    expect(mayEditFor(coordinator, [nis])).toBe(false);
    expect(mayEditFor(coordinator, [nis], [skgo, nis])).toBe(true);
    expect(mayEditFor(coordinator, [paris], [skgo, nis])).toBe(false);
  });

  it('offers an administrator everything', () => {
    const admin = { admin: true, grants: [] };
    expect(mayEditFor(admin, [paris])).toBe(true);
    expect(mayRecord(admin)).toBe(true);
    expect(mayAdminister(admin)).toBe(true);
  });
});
