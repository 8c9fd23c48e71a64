import { describe, expect, it } from 'vitest';
import { diffPayloads, fieldName, sameJson } from './audit-diff.js';

describe('audit diff', () => {
  it('names fields as the API does', () => {
    expect(fieldName('organisation_a_id')).toBe('organisationAId');
    expect(fieldName('display_name')).toBe('displayName');
    expect(fieldName('displayName')).toBe('displayName');
  });

  it('lists only the fields a change touched, leaving bookkeeping out', () => {
    const before = {
      id: 'x',
      version: 1,
      updated_at: '2024',
      status: 'signed',
      themes: ['culture'],
      notes: null,
    };
    const after = {
      id: 'x',
      version: 2,
      updated_at: '2025',
      status: 'active',
      themes: ['culture'],
      notes: null,
    };
    expect(diffPayloads(before, after)).toEqual([{ field: 'status', before: 'signed', after: 'active' }]);
  });

  it('compares localised text regardless of key order', () => {
    expect(sameJson({ en: 'Vienna', hr: 'Beč' }, { hr: 'Beč', en: 'Vienna' })).toBe(true);
    expect(
      diffPayloads({ description: { en: 'Old', hr: 'Staro' } }, { description: { hr: 'Novo', en: 'Old' } }),
    ).toEqual([
      { field: 'description', before: { en: 'Old', hr: 'Staro' }, after: { hr: 'Novo', en: 'Old' } },
    ]);
  });

  it('shows what a new record was given and what a removed one had, without empty fields', () => {
    expect(diffPayloads(null, { id: 'x', name: 'Zagreb', notes: null, themes: [], description: {} })).toEqual(
      [{ field: 'name', before: null, after: 'Zagreb' }],
    );
    expect(diffPayloads({ id: 'x', name: 'Zagreb', population: 0 }, null)).toEqual([
      { field: 'name', before: 'Zagreb', after: null },
      { field: 'population', before: 0, after: null },
    ]);
  });

  it('sorts the changed fields by name', () => {
    expect(diffPayloads({ b: 1, a: 1 }, { b: 2, a: 2 }).map((change) => change.field)).toEqual(['a', 'b']);
  });
});
