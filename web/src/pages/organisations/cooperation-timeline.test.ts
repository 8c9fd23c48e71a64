import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { cooperationByYear } from './cooperation-timeline';

const summary = (slug: string) => ({ id: slug, slug, name: slug, kind: 'city', country: null });
const claimed = { state: 'claimed', claimedBy: null, reason: null, changedAt: null } as const;

function relations(overrides: Partial<Schemas['OrganisationRelations']>): Schemas['OrganisationRelations'] {
  return {
    organisation: summary('zagreb'),
    memberships: [],
    partnerships: [],
    projects: [],
    activities: [],
    programmes: [],
    counts: { memberships: 0, members: 0, partnerships: 0, projects: 0, activities: 0 },
    ...overrides,
  };
}

const partnership = (id: string, startedOn: string | null, signedOn: string | null = null) => ({
  id,
  type: 'twinning',
  status: 'active',
  startedOn,
  signedOn,
  endedOn: null,
  confirmation: claimed,
  version: 1,
  other: summary(id),
  source: null,
});

describe('cooperationByYear', () => {
  it('groups ties by the year they began, the latest year first and undated ties last', () => {
    const years = cooperationByYear(
      relations({
        partnerships: [
          partnership('mainz', '1967'),
          partnership('vienna', null),
          partnership('sofia', '2003-05'),
        ],
        memberships: [
          {
            id: 'energy-cities',
            direction: 'member_of',
            role: 'member',
            since: '2003',
            until: null,
            other: summary('energy-cities'),
            source: null,
            confirmation: claimed,
            version: 1,
          },
        ],
      }),
    );
    expect(years.map((year) => year.year)).toEqual([2003, 1967, null]);
    expect(years[0]!.entries.map((entry) => entry.id)).toEqual(['energy-cities', 'sofia']);
    expect(years[2]!.entries[0]!.path).toBe('/partnerships/vienna');
  });

  it('places a partnership without a start by its signing date', () => {
    const years = cooperationByYear(relations({ partnerships: [partnership('brno', null, '2011-10-12')] }));
    expect(years).toEqual([{ year: 2011, entries: [expect.objectContaining({ id: 'brno' })] }]);
  });

  it('has no years for an organisation without ties', () => {
    expect(cooperationByYear(relations({}))).toEqual([]);
  });
});
