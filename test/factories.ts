import type { Client } from './auth.js';

/**
 * Factories: each test makes the records it needs through the API, with defaults it can override.
 */
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

export interface CreatedOrganisation {
  id: string;
  slug: string;
  name: string;
  version: number;
}

/** Creates an organisation (a city in Croatia unless told otherwise) and returns the API's answer. */
export async function makeOrganisation(
  app: Client,
  overrides: Record<string, unknown> = {},
): Promise<CreatedOrganisation> {
  const name = `Test city ${unique()}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/organisations',
    payload: {
      kind: 'city',
      country: 'HR',
      names: [{ name, language: 'en', kind: 'official' }],
      ...overrides,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`makeOrganisation failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedOrganisation;
}

export interface CreatedRecord {
  id: string;
  version: number;
}

/** Records a membership of `memberId` in `organisationId` (role `member`, no dates unless told). */
export async function makeMembership(
  app: Client,
  memberId: string,
  organisationId: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedRecord & Record<string, unknown>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/memberships',
    payload: { memberId, organisationId, ...overrides },
  });
  if (response.statusCode !== 201)
    throw new Error(`makeMembership failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedRecord & Record<string, unknown>;
}

/** Records a partnership of two organisations (an active twinning unless told otherwise). */
export async function makePartnership(
  app: Client,
  organisationAId: string,
  organisationBId: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedRecord & Record<string, unknown>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/partnerships',
    payload: { organisationAId, organisationBId, type: 'twinning', status: 'active', ...overrides },
  });
  if (response.statusCode !== 201)
    throw new Error(`makePartnership failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedRecord & Record<string, unknown>;
}

/** Records a source (a web page unless told otherwise). */
export async function makeSource(
  app: Client,
  overrides: Record<string, unknown> = {},
): Promise<CreatedRecord & Record<string, unknown>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sources',
    payload: { kind: 'web_page', title: `Test source ${unique()}`, ...overrides },
  });
  if (response.statusCode !== 201)
    throw new Error(`makeSource failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedRecord & Record<string, unknown>;
}

/** Records a theme with a unique code (a custom one with an English label unless told otherwise). */
export async function makeTheme(
  app: Client,
  overrides: Record<string, unknown> = {},
): Promise<CreatedRecord & { code: string } & Record<string, unknown>> {
  const code = `test-${unique()}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/themes',
    payload: { code, taxonomy: 'custom', labels: { en: `Theme ${code}` }, ...overrides },
  });
  if (response.statusCode !== 201)
    throw new Error(`makeTheme failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedRecord & { code: string } & Record<string, unknown>;
}

/** Records an annual programme of an organisation (for 2022 unless told otherwise). */
export async function makeProgramme(
  app: Client,
  organisationId: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedRecord & Record<string, unknown>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/programmes',
    payload: {
      organisationId,
      year: 2022,
      title: { en: 'Programme of international cooperation' },
      ...overrides,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`makeProgramme failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedRecord & Record<string, unknown>;
}

/** Records a project (an ongoing one with an English title and no partners unless told otherwise). */
export async function makeProject(
  app: Client,
  overrides: Record<string, unknown> = {},
): Promise<CreatedRecord & { slug: string } & Record<string, unknown>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/projects',
    payload: {
      title: { en: `Test project ${unique()}` },
      programme: 'URBACT IV',
      status: 'ongoing',
      ...overrides,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`makeProject failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedRecord & { slug: string } & Record<string, unknown>;
}

/** Records an activity (a meeting with an English title and no participants unless told otherwise). */
export async function makeActivity(
  app: Client,
  overrides: Record<string, unknown> = {},
): Promise<CreatedRecord & Record<string, unknown>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/activities',
    payload: { type: 'meeting', title: { en: `Test activity ${unique()}` }, ...overrides },
  });
  if (response.statusCode !== 201)
    throw new Error(`makeActivity failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedRecord & Record<string, unknown>;
}
