import { describe, expect, it } from 'vitest';
import { activitySearchText, checkActivity } from './activity.js';

const nis = '0190f4a5-0000-7000-8000-000000000001';
const ecad = '0190f4a5-0000-7000-8000-000000000002';
const title = { en: '14th Conference of Mayors of ECAD member cities' };

const codes = (facts: Partial<Parameters<typeof checkActivity>[0]>) =>
  checkActivity({ title, ...facts }).map((error) => [error.field, error.code]);

describe('activity rules', () => {
  it('accepts an activity with participants in different roles', () => {
    expect(
      codes({
        startsOn: '2007-05',
        participants: [
          { organisationId: nis, role: 'participant' },
          { organisationId: ecad, role: 'organiser' },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses the same organisation twice', () => {
    expect(
      codes({
        participants: [
          { organisationId: nis, role: 'host' },
          { organisationId: nis, role: 'speaker' },
        ],
      }),
    ).toEqual([['body.participants.1.organisationId', 'activity.participant_repeated']]);
  });

  it('refuses an end before the start', () => {
    expect(codes({ startsOn: '2009-10-02', endsOn: '2009-10-01' })).toEqual([
      ['body.endsOn', 'date.end_before_start'],
    ]);
  });

  it('refuses a title that says nothing in any language', () => {
    expect(codes({ title: {} })).toEqual([['body.title', 'activity.title_required']]);
  });

  it('makes search text from every title and the place', () => {
    expect(
      activitySearchText({
        title: { en: 'Annual meeting', bg: 'Годишна среща' },
        placeName: 'Stara Zagora',
      }),
    ).toBe('annual meeting | godisna sresta | stara zagora');
  });
});
