import type { FastifyInstance } from 'fastify';

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
  app: FastifyInstance,
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
