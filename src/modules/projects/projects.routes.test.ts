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
  return t.app.inject({ method: 'POST', url: '/api/projects', payload });
}

const base = { title: { en: 'A project' }, programme: 'URBACT IV', status: 'ongoing' };

describe('projects API', () => {
  it('creates a project with its partners and reads it back by id and by slug', async () => {
    const paris = await makeOrganisation(t.app, {
      country: 'FR',
      names: [{ name: 'Paris', language: 'en', kind: 'official' }],
    });
    const celje = await makeOrganisation(t.app, {
      country: 'SI',
      names: [{ name: 'Celje', language: 'en', kind: 'official' }],
    });
    const source = await makeSource(t.app, { url: 'https://celje.si/news' });
    const response = await post({
      title: { sl: 'Akcijsko omrežje Cities@Heart', en: 'Cities@Heart Action Network' },
      acronym: 'Cities@Heart',
      programme: 'URBACT IV',
      call: 'First call for Action Networks',
      fund: 'ERDF',
      status: 'ongoing',
      startsOn: '2023-06',
      durationMonths: 30,
      totalBudget: '750000',
      website: 'https://urbact.eu/networks/citiesheart',
      description: { en: 'Ten cities on the path to change.' },
      sourceId: source.id,
      partners: [
        {
          organisationId: celje.id,
          role: 'partner',
          budget: '72075',
          coFinancingRate: '80',
          coFinancingFund: 'ERDF',
        },
        { organisationId: paris.id, role: 'lead' },
      ],
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(`/api/projects/${response.json().id}`);
    const created = response.json();
    expect(created).toMatchObject({
      slug: 'cities-heart',
      displayTitle: 'Cities@Heart Action Network',
      acronym: 'Cities@Heart',
      programme: 'URBACT IV',
      fund: 'ERDF',
      status: 'ongoing',
      startsOn: '2023-06',
      endsOn: null,
      totalBudget: '750000.00',
      currency: 'EUR',
      objectives: {},
      themes: [],
      source: { id: source.id, title: source.title, url: 'https://celje.si/news' },
      version: 1,
      totals: { partnerBudget: '72075.00', currency: 'EUR', partnerCount: 2 },
    });
    expect(created.partners).toEqual([
      {
        organisation: { id: paris.id, slug: paris.slug, name: 'Paris', kind: 'city', country: 'FR' },
        role: 'lead',
        budget: null,
        currency: 'EUR',
        coFinancingRate: null,
        coFinancingFund: null,
        confirmation: expect.objectContaining({ state: 'claimed', claimedBy: null }),
      },
      {
        organisation: { id: celje.id, slug: celje.slug, name: 'Celje', kind: 'city', country: 'SI' },
        role: 'partner',
        budget: '72075.00',
        currency: 'EUR',
        coFinancingRate: '80.00',
        coFinancingFund: 'ERDF',
        confirmation: expect.objectContaining({ state: 'claimed', claimedBy: null }),
      },
    ]);
    const byId = await t.app.inject({ url: `/api/projects/${created.id}` });
    expect(byId.statusCode).toBe(200);
    expect(byId.headers.etag).toBe('"1"');
    expect(byId.json()).toEqual(created);
    const bySlug = await t.app.inject({ url: '/api/projects/cities-heart' });
    expect(bySlug.json().id).toBe(created.id);
  });

  it('makes unique slugs from the acronym, else the title', async () => {
    const first = await makeProject(t.app, { acronym: 'SlugTest' });
    const second = await makeProject(t.app, { acronym: 'SlugTest' });
    const untitled = await makeProject(t.app, { title: { bg: 'Европейските региони' } });
    expect(first.slug).toBe('slugtest');
    expect(second.slug).toBe('slugtest-2');
    expect(untitled.slug).toBe('evropejskite-regioni');
    expect(untitled.displayTitle).toBe('Европейските региони');
  });

  it('refuses a slug another project uses', async () => {
    await makeProject(t.app, { slug: 'taken-slug' });
    const response = await post({ ...base, slug: 'taken-slug' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'project.slug_taken',
      errors: [{ field: 'body.slug' }],
    });
  });

  it('sums partner budgets exactly and only in the project currency', async () => {
    const [a, b, c] = [
      await makeOrganisation(t.app),
      await makeOrganisation(t.app),
      await makeOrganisation(t.app),
    ];
    const project = await makeProject(t.app, {
      currency: 'EUR',
      partners: [
        { organisationId: a.id, role: 'lead', budget: '0.10' },
        { organisationId: b.id, role: 'partner', budget: '0.20', currency: 'EUR' },
        { organisationId: c.id, role: 'partner', budget: '1000000', currency: 'RSD' },
      ],
    });
    expect(project.totals).toEqual({ partnerBudget: '0.30', currency: 'EUR', partnerCount: 3 });
  });

  it('answers a missing field with 400 naming the field', async () => {
    const response = await post({ title: { en: 'No programme' }, status: 'planned' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.failed',
      errors: [{ field: 'body.programme', code: 'validation.required' }],
    });
  });

  it('refuses a title without any language', async () => {
    const response = await post({ ...base, title: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field: 'body.title' }));
  });

  it('refuses a budget that is not an exact decimal string', async () => {
    const response = await post({ ...base, totalBudget: 1000.5 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field: 'body.totalBudget' }));
  });

  it('refuses an unknown field instead of dropping it', async () => {
    const organisation = await makeOrganisation(t.app);
    const response = await post({
      ...base,
      partners: [{ organisationId: organisation.id, role: 'partner', share: '10' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation.unknown_field',
      errors: [{ field: 'body.partners.0.share' }],
    });
  });

  it('refuses a co-financing rate over 100 per cent', async () => {
    const organisation = await makeOrganisation(t.app);
    const response = await post({
      ...base,
      partners: [{ organisationId: organisation.id, role: 'partner', coFinancingRate: '100.5' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'project.co_financing_rate_over_100',
      errors: [{ field: 'body.partners.0.coFinancingRate' }],
    });
  });

  it('refuses more than one lead partner', async () => {
    const [a, b] = [await makeOrganisation(t.app), await makeOrganisation(t.app)];
    const response = await post({
      ...base,
      partners: [
        { organisationId: a.id, role: 'lead' },
        { organisationId: b.id, role: 'lead' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'project.more_than_one_lead',
      errors: [{ field: 'body.partners' }],
    });
  });

  it('refuses the same organisation as a partner twice', async () => {
    const organisation = await makeOrganisation(t.app);
    const response = await post({
      ...base,
      partners: [
        { organisationId: organisation.id, role: 'lead' },
        { organisationId: organisation.id, role: 'partner' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'project.partner_repeated',
      errors: [{ field: 'body.partners.1.organisationId' }],
    });
  });

  it('refuses an end before the start', async () => {
    const response = await post({ ...base, startsOn: '2023-06', endsOn: '2023-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'date.end_before_start',
      errors: [{ field: 'body.endsOn' }],
    });
  });

  it('refuses a partner that is no organisation of the registry', async () => {
    const response = await post({ ...base, partners: [{ organisationId: unknownId, role: 'lead' }] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'project.organisation_unknown',
      errors: [{ field: 'body.partners.0.organisationId' }],
    });
  });

  it('refuses an unknown theme and an unknown source', async () => {
    const response = await post({ ...base, themes: ['no-such-theme'], sourceId: unknownId });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'project.invalid',
      errors: [
        { field: 'body.themes', code: 'theme.unknown' },
        { field: 'body.sourceId', code: 'source.unknown' },
      ],
    });
  });

  it('changes a project and replaces its partners when they are sent', async () => {
    const [a, b, c] = [
      await makeOrganisation(t.app),
      await makeOrganisation(t.app),
      await makeOrganisation(t.app),
    ];
    const project = await makeProject(t.app, {
      currency: 'BGN',
      partners: [
        { organisationId: a.id, role: 'lead' },
        { organisationId: b.id, role: 'partner' },
      ],
    });
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { version: 1, title: { en: 'Renamed project' }, endsOn: '2025' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      version: 2,
      displayTitle: 'Renamed project',
      slug: project.slug,
      currency: 'BGN',
      endsOn: '2025',
    });
    expect(renamed.json().partners).toHaveLength(2);
    const replaced = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.slug}`,
      payload: { version: 2, partners: [{ organisationId: c.id, role: 'partner', budget: '10' }] },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().version).toBe(3);
    expect(
      replaced.json().partners.map((partner: { organisation: { id: string } }) => partner.organisation.id),
    ).toEqual([c.id]);
    const found = await t.app.inject({ url: `/api/projects?name=renamed&organisation=${c.id}` });
    expect(ids(found)).toEqual([project.id]);
  });

  it('checks the dates of a change against the stored ones', async () => {
    const project = await makeProject(t.app, { startsOn: '2020' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { version: 1, endsOn: '2019-12' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('date.end_before_start');
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const project = await makeProject(t.app);
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { version: 1, status: 'completed' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { version: 1, status: 'cancelled' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('project.version_conflict');
    const current = await t.app.inject({ url: `/api/projects/${project.id}` });
    expect(current.json().status).toBe('completed');
  });

  it('answers an unknown id or slug with 404', async () => {
    for (const key of [unknownId, 'no-such-project']) {
      const response = await t.app.inject({ url: `/api/projects/${key}` });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('project.not_found');
    }
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${unknownId}`,
      payload: { version: 1, status: 'completed' },
    });
    expect(patch.statusCode).toBe(404);
  });

  it('deletes a project with its partners and leaves its activities without it', async () => {
    const organisation = await makeOrganisation(t.app);
    const project = await makeProject(t.app, {
      partners: [{ organisationId: organisation.id, role: 'lead' }],
    });
    const activity = await makeActivity(t.app, { projectId: project.id });
    const stale = await t.app.inject({ method: 'DELETE', url: `/api/projects/${project.id}?version=9` });
    expect(stale.statusCode).toBe(409);
    const response = await t.app.inject({ method: 'DELETE', url: `/api/projects/${project.id}?version=1` });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/projects/${project.id}` })).statusCode).toBe(404);
    const partners = await t.database.db
      .selectFrom('projectPartners')
      .select('id')
      .where('projectId', '=', project.id)
      .execute();
    expect(partners).toEqual([]);
    expect((await t.app.inject({ url: `/api/activities/${activity.id}` })).json().project).toBeNull();
  });
});

describe('listing projects', () => {
  it('finds a project by a word of any title or its acronym, in any script and case', async () => {
    const project = await makeProject(t.app, {
      acronym: 'EURDEVCIT',
      title: { en: 'European regions develop citizenship', bg: 'Европейските региони развиват' },
    });
    for (const name of ['eurdevcit', 'REGIONS DEVELOP', 'развиват', 'razvivat']) {
      const response = await t.app.inject({ url: `/api/projects?name=${encodeURIComponent(name)}` });
      expect(response.statusCode).toBe(200);
      expect(ids(response)).toContain(project.id);
    }
  });

  it('filters by programme in any case and by status', async () => {
    const programme = `Interreg ${Date.now()}`;
    const planned = await makeProject(t.app, { programme, status: 'planned' });
    const completed = await makeProject(t.app, { programme, status: 'completed' });
    const byProgramme = await t.app.inject({
      url: `/api/projects?programme=${encodeURIComponent(programme.toUpperCase())}`,
    });
    expect(ids(byProgramme).sort()).toEqual([planned.id, completed.id].sort());
    const byStatus = await t.app.inject({
      url: `/api/projects?programme=${encodeURIComponent(programme)}&status=completed`,
    });
    expect(ids(byStatus)).toEqual([completed.id]);
  });

  it('filters by theme', async () => {
    const theme = await makeTheme(t.app);
    const project = await makeProject(t.app, { themes: [theme.code] });
    await makeProject(t.app);
    const response = await t.app.inject({ url: `/api/projects?theme=${theme.code}` });
    expect(ids(response)).toEqual([project.id]);
  });

  it('keeps the projects running in a year and leaves out undated ones', async () => {
    const programme = `Year test ${Date.now()}`;
    const running = await makeProject(t.app, { programme, startsOn: '2019-03', endsOn: '2021' });
    const openEnded = await makeProject(t.app, { programme, startsOn: '2020' });
    const endedOnly = await makeProject(t.app, { programme, endsOn: '2022' });
    await makeProject(t.app, { programme, startsOn: '2021-01' });
    await makeProject(t.app, { programme, startsOn: '2015', endsOn: '2019-12' });
    await makeProject(t.app, { programme });
    const response = await t.app.inject({
      url: `/api/projects?programme=${encodeURIComponent(programme)}&year=2020`,
    });
    expect(ids(response).sort()).toEqual([running.id, openEnded.id, endedOnly.id].sort());
  });

  it('filters by a partner organisation and by a partner country', async () => {
    const montenegrin = await makeOrganisation(t.app, { country: 'ME' });
    const croatian = await makeOrganisation(t.app, { country: 'HR' });
    const both = await makeProject(t.app, {
      partners: [
        { organisationId: croatian.id, role: 'lead' },
        { organisationId: montenegrin.id, role: 'partner' },
      ],
    });
    await makeProject(t.app, { partners: [{ organisationId: croatian.id, role: 'partner' }] });
    const byOrganisation = await t.app.inject({ url: `/api/projects?organisation=${montenegrin.id}` });
    expect(ids(byOrganisation)).toEqual([both.id]);
    const byCountry = await t.app.inject({ url: '/api/projects?country=ME' });
    expect(ids(byCountry)).toEqual([both.id]);
  });

  it('sorts by title, start and creation, either way, and pages with a total', async () => {
    const programme = `Sort test ${Date.now()}`;
    const b = await makeProject(t.app, { programme, title: { en: 'Beta' }, startsOn: '2010' });
    const a = await makeProject(t.app, { programme, title: { en: 'Alpha' }, startsOn: '2012' });
    const c = await makeProject(t.app, { programme, title: { en: 'Gamma' } });
    const list = async (query: string) =>
      t.app.inject({ url: `/api/projects?programme=${encodeURIComponent(programme)}&${query}` });
    expect(ids(await list(''))).toEqual([a.id, b.id, c.id]);
    expect(ids(await list('sort=-title'))).toEqual([c.id, b.id, a.id]);
    expect(ids(await list('sort=startsOn'))).toEqual([b.id, a.id, c.id]);
    expect(ids(await list('sort=-startsOn'))).toEqual([a.id, b.id, c.id]);
    expect(ids(await list('sort=createdAt'))).toEqual([b.id, a.id, c.id]);
    const page = await list('pageSize=2&page=2');
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(page)).toEqual([c.id]);
  });

  it('refuses an unknown sort and an unknown filter', async () => {
    expect((await t.app.inject({ url: '/api/projects?sort=budget' })).statusCode).toBe(400);
    const unknown = await t.app.inject({ url: '/api/projects?lead=x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation.unknown_field');
  });
});
