import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeActivity,
  makeOrganisation,
  makeProject,
  makeSource,
  makeTheme,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const unknownId = '0190f4a5-0000-7000-8000-000000000000';
const ids = (response: { json(): unknown }) =>
  (response.json() as { items: { id: string }[] }).items.map((item) => item.id);

async function post(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/activities', payload });
}

const base = { type: 'meeting', title: { en: 'A meeting' } };

describe('activities API', () => {
  it('creates an activity with participants and a project and reads it back', async () => {
    const nis = await makeOrganisation(t.app, {
      country: 'RS',
      names: [{ name: 'Niš', language: 'en', kind: 'official' }],
    });
    const ecad = await makeOrganisation(t.app, {
      kind: 'network',
      country: null,
      names: [{ name: 'ECAD', language: 'en', kind: 'official' }],
    });
    const project = await makeProject(t.app, { acronym: 'ECADNET', title: { en: 'ECAD network' } });
    const source = await makeSource(t.app);
    const response = await post({
      type: 'conference',
      title: {
        'sr-Cyrl': '14. Конференција градоначелника',
        en: '14th Conference of Mayors of ECAD member cities',
      },
      startsOn: '2007-05',
      placeName: 'Istanbul',
      country: 'TR',
      outcomes: { en: 'The City of Niš joined ECAD.' },
      projectId: project.id,
      sourceId: source.id,
      participants: [
        { organisationId: nis.id, role: 'participant' },
        { organisationId: ecad.id, role: 'organiser' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(response.headers.location).toBe(`/api/activities/${created.id}`);
    expect(created).toMatchObject({
      type: 'conference',
      displayTitle: '14th Conference of Mayors of ECAD member cities',
      startsOn: '2007-05',
      endsOn: null,
      placeName: 'Istanbul',
      country: 'TR',
      description: {},
      themes: [],
      project: { id: project.id, slug: project.slug, title: 'ECAD network', acronym: 'ECADNET' },
      source: { id: source.id, title: source.title },
      version: 1,
    });
    expect(created.participants).toEqual([
      {
        organisation: { id: nis.id, slug: nis.slug, name: 'Niš', kind: 'city', country: 'RS' },
        role: 'participant',
      },
      {
        organisation: { id: ecad.id, slug: ecad.slug, name: 'ECAD', kind: 'network', country: null },
        role: 'organiser',
      },
    ]);
    const read = await t.app.inject({ url: `/api/activities/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(created);
  });

  it('answers a missing field with 400 naming the field', async () => {
    const response = await post({ title: { en: 'No type' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.failed',
      errors: [{ field: 'body.type', code: 'validation.required' }],
    });
  });

  it('refuses an unknown field instead of dropping it', async () => {
    const response = await post({ ...base, attendees: 40 });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.unknown_field',
      errors: [{ field: 'body.attendees' }],
    });
  });

  it('refuses a participant role outside the vocabulary', async () => {
    const organisation = await makeOrganisation(t.app);
    const response = await post({
      ...base,
      participants: [{ organisationId: organisation.id, role: 'guest' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(
      expect.objectContaining({ field: 'body.participants.0.role' }),
    );
  });

  it('refuses an end before the start', async () => {
    const response = await post({ ...base, startsOn: '2009-10-02', endsOn: '2009-10-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'date.end_before_start',
      errors: [{ field: 'body.endsOn' }],
    });
  });

  it('refuses the same organisation twice', async () => {
    const organisation = await makeOrganisation(t.app);
    const response = await post({
      ...base,
      participants: [
        { organisationId: organisation.id, role: 'host' },
        { organisationId: organisation.id, role: 'speaker' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'activity.participant_repeated',
      errors: [{ field: 'body.participants.1.organisationId' }],
    });
  });

  it('refuses a participant that is no organisation of the registry', async () => {
    const response = await post({ ...base, participants: [{ organisationId: unknownId, role: 'host' }] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'activity.organisation_unknown',
      errors: [{ field: 'body.participants.0.organisationId' }],
    });
  });

  it('refuses a project that does not exist', async () => {
    const response = await post({ ...base, projectId: unknownId });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'activity.project_unknown',
      errors: [{ field: 'body.projectId' }],
    });
  });

  it('changes an activity and replaces its participants when they are sent', async () => {
    const [a, b] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const project = await makeProject(t.app);
    const activity = await makeActivity(t.app, {
      placeName: 'Celje',
      participants: [{ organisationId: a.id, role: 'host' }],
    });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: {
        version: 1,
        title: { en: 'Study visit to Velenje' },
        type: 'study_visit',
        projectId: project.id,
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      version: 2,
      type: 'study_visit',
      displayTitle: 'Study visit to Velenje',
      placeName: 'Celje',
      project: { id: project.id },
    });
    expect(changed.json().participants).toHaveLength(1);
    const replaced = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { version: 2, participants: [{ organisationId: b.id, role: 'speaker' }], projectId: null },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      version: 3,
      project: null,
      participants: [{ organisation: { id: b.id }, role: 'speaker' }],
    });
    const byPlace = await t.app.inject({ url: `/api/activities?name=velenje&organisation=${b.id}` });
    expect(ids(byPlace)).toEqual([activity.id]);
    const byOldPlace = await t.app.inject({ url: `/api/activities?name=celje&organisation=${b.id}` });
    expect(ids(byOldPlace)).toEqual([activity.id]);
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const activity = await makeActivity(t.app);
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { version: 1, placeName: 'Sofia' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { version: 1, placeName: 'Plovdiv' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('activity.version_conflict');
    expect((await t.app.inject({ url: `/api/activities/${activity.id}` })).json().placeName).toBe('Sofia');
  });

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    const missing = await t.app.inject({ url: `/api/activities/${unknownId}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('activity.not_found');
    const malformed = await t.app.inject({ url: '/api/activities/not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toContainEqual(expect.objectContaining({ field: 'params.id' }));
  });

  it('deletes an activity with its participants', async () => {
    const organisation = await makeOrganisation(t.app);
    const activity = await makeActivity(t.app, {
      participants: [{ organisationId: organisation.id, role: 'host' }],
    });
    const stale = await t.app.inject({ method: 'DELETE', url: `/api/activities/${activity.id}?version=2` });
    expect(stale.statusCode).toBe(409);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/activities/${activity.id}?version=1`,
    });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/activities/${activity.id}` })).statusCode).toBe(404);
    const participants = await t.database.db
      .selectFrom('activityParticipants')
      .select('id')
      .where('activityId', '=', activity.id)
      .execute();
    expect(participants).toEqual([]);
  });
});

describe('listing activities', () => {
  it('finds an activity by a word of any title or the place, in any script and case', async () => {
    const activity = await makeActivity(t.app, {
      title: { en: 'Annual meeting of Cities for Children', bg: 'Годишна среща' },
      placeName: 'Stara Zagora',
    });
    for (const name of ['CITIES FOR CHILDREN', 'годишна', 'godisna', 'zagora']) {
      const response = await t.app.inject({ url: `/api/activities?name=${encodeURIComponent(name)}` });
      expect(response.statusCode).toBe(200);
      expect(ids(response)).toContain(activity.id);
    }
  });

  it('filters by type, theme and project', async () => {
    const theme = await makeTheme(t.app);
    const project = await makeProject(t.app);
    const training = await makeActivity(t.app, { type: 'training', themes: [theme.code] });
    const ofProject = await makeActivity(t.app, { type: 'training', projectId: project.id });
    const byType = await t.app.inject({ url: '/api/activities?type=training' });
    expect(ids(byType).sort()).toEqual([training.id, ofProject.id].sort());
    const byTheme = await t.app.inject({ url: `/api/activities?theme=${theme.code}` });
    expect(ids(byTheme)).toEqual([training.id]);
    const byProject = await t.app.inject({ url: `/api/activities?project=${project.id}` });
    expect(ids(byProject)).toEqual([ofProject.id]);
  });

  it('keeps the activities under way in a year; one without an end ends when it starts', async () => {
    const theme = await makeTheme(t.app);
    const make = (dates: Record<string, string>) => makeActivity(t.app, { themes: [theme.code], ...dates });
    const within = await make({ startsOn: '2009-05' });
    const spanning = await make({ startsOn: '2008-11', endsOn: '2010-02' });
    const endedOnly = await make({ endsOn: '2009-01' });
    await make({ startsOn: '2008' });
    await make({ startsOn: '2010-01' });
    await make({});
    const response = await t.app.inject({ url: `/api/activities?theme=${theme.code}&year=2009` });
    expect(ids(response).sort()).toEqual([within.id, spanning.id, endedOnly.id].sort());
  });

  it('filters by a participant and by country, where held or of a participant', async () => {
    const bulgarian = await makeOrganisation(t.app, { country: 'BG' });
    const slovenian = await makeOrganisation(t.app, { country: 'SI' });
    const heldInBulgaria = await makeActivity(t.app, {
      country: 'BG',
      participants: [{ organisationId: slovenian.id, role: 'participant' }],
    });
    const withBulgarian = await makeActivity(t.app, {
      country: 'BE',
      participants: [{ organisationId: bulgarian.id, role: 'participant' }],
    });
    await makeActivity(t.app, {
      country: 'SI',
      participants: [{ organisationId: slovenian.id, role: 'host' }],
    });
    const byCountry = await t.app.inject({ url: '/api/activities?country=BG' });
    expect(ids(byCountry).sort()).toEqual([heldInBulgaria.id, withBulgarian.id].sort());
    const byOrganisation = await t.app.inject({ url: `/api/activities?organisation=${bulgarian.id}` });
    expect(ids(byOrganisation)).toEqual([withBulgarian.id]);
  });

  it('lists the newest first with undated ones last, sorts either way and pages with a total', async () => {
    const theme = await makeTheme(t.app);
    const old = await makeActivity(t.app, { themes: [theme.code], startsOn: '2001' });
    const undated = await makeActivity(t.app, { themes: [theme.code] });
    const recent = await makeActivity(t.app, { themes: [theme.code], startsOn: '2021-03-04' });
    const list = (query: string) => t.app.inject({ url: `/api/activities?theme=${theme.code}&${query}` });
    expect(ids(await list(''))).toEqual([recent.id, old.id, undated.id]);
    expect(ids(await list('sort=startsOn'))).toEqual([old.id, recent.id, undated.id]);
    expect(ids(await list('sort=createdAt'))).toEqual([old.id, undated.id, recent.id]);
    expect(ids(await list('sort=-createdAt'))).toEqual([recent.id, undated.id, old.id]);
    const page = await list('pageSize=2&page=2');
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(page)).toEqual([undated.id]);
  });

  it('refuses an unknown sort', async () => {
    const response = await t.app.inject({ url: '/api/activities?sort=title' });
    expect(response.statusCode).toBe(400);
  });
});
