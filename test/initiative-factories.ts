import { expect } from 'vitest';
import type { Client } from './auth.js';

let counter = 0;

export interface CreatedInitiative {
  id: string;
  version: number;
  status: string;
  [field: string]: unknown;
}

/** Starts an initiative of `ownerId` through the API (an open public one unless told otherwise). */
export async function makeInitiative(
  client: Client,
  ownerId: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedInitiative> {
  counter += 1;
  const response = await client.inject({
    method: 'POST',
    url: '/api/initiatives',
    payload: {
      ownerOrganisationId: ownerId,
      title: { en: `Test initiative ${counter}` },
      status: 'open',
      ...overrides,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`makeInitiative failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedInitiative;
}

/** Expresses `organisationId`'s interest in an initiative through the API. */
export async function expressInterest(
  client: Client,
  initiativeId: string,
  organisationId: string,
  message = 'We would like to take part.',
): Promise<{ id: string; version: number; status: string; [field: string]: unknown }> {
  const response = await client.inject({
    method: 'POST',
    url: `/api/initiatives/${initiativeId}/interests`,
    payload: { organisationId, message },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A day `days` from today (UTC), `YYYY-MM-DD`. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
