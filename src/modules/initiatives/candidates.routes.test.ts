import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInClient } from '../../../test/auth.js';
import { makeOrganisation, makePartnership, type CreatedOrganisation } from '../../../test/factories.js';
import { expressInterest, makeInitiative } from '../../../test/initiative-factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let osijek: CreatedOrganisation;
let celje: CreatedOrganisation;
let cesena: CreatedOrganisation;
let maribor: CreatedOrganisation;
let nis: CreatedOrganisation;
let pula: CreatedOrganisation;
let osijekEditor: SignedInClient;

const city = (country: string, latitude: number, longitude: number, population: number) => ({
  country,
  latitude,
  longitude,
  population,
});

beforeAll(async () => {
  t = await createTestApp();
  osijek = await makeOrganisation(t.app, city('HR', 45.55, 18.69, 96_000));
  celje = await makeOrganisation(t.app, city('SI', 46.23, 15.26, 48_000));
  maribor = await makeOrganisation(t.app, city('SI', 46.55, 15.65, 95_000));
  cesena = await makeOrganisation(t.app, city('IT', 44.14, 12.24, 96_000));
  nis = await makeOrganisation(t.app, city('RS', 43.32, 21.9, 260_000));
  pula = await makeOrganisation(t.app, city('HR', 44.87, 13.85, 57_000));
  // Pula is already Osijek's partner.
  await makePartnership(t.app, osijek.id, pula.id, { type: 'twinning', status: 'active' });
  osijekEditor = await t.signIn({ grants: [{ organisationId: osijek.id, role: 'editor' }] });
});
afterAll(async () => {
  await t.close();
});

interface CandidateListBody {
  items: {
    organisation: { id: string };
    score: number;
    factors: { factor: string; contribution: number }[];
  }[];
  excluded: { organisation: { id: string }; reason: string }[];
}

async function candidatesOf(
  initiativeId: string,
  query = '',
  client: { inject: SignedInClient['inject'] } = t.anonymous,
): Promise<CandidateListBody> {
  const response = await client.inject({ url: `/api/initiatives/${initiativeId}/candidates${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ids = (entries: { organisation: { id: string } }[]) => entries.map((entry) => entry.organisation.id);

describe('candidates of an initiative', () => {
  it('ranks organisations of the countries sought, each with a score and its factors, without the owner or its partners', async () => {
    const initiative = await makeInitiative(osijekEditor, osijek.id, { countries: ['SI', 'IT'] });
    const { items, excluded } = await candidatesOf(initiative.id);
    expect(ids(items).sort()).toEqual([celje.id, maribor.id, cesena.id].sort());
    expect(excluded).toEqual([]);
    for (const candidate of items) {
      expect(candidate.score).toBeGreaterThanOrEqual(0);
      expect(candidate.score).toBeLessThanOrEqual(1);
      expect(candidate.factors.length).toBeGreaterThan(0);
    }
    const scores = items.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('says on request who was left out and why', async () => {
    const initiative = await makeInitiative(osijekEditor, osijek.id, { countries: ['SI', 'IT'] });
    const { items, excluded } = await candidatesOf(initiative.id, '?includeExcluded=true');
    expect(ids(items)).not.toContain(pula.id);
    const reasons = Object.fromEntries(excluded.map((entry) => [entry.organisation.id, entry.reason]));
    expect(reasons[pula.id]).toBe('existing_partner');
    expect(reasons[nis.id]).toBe('outside_criteria');
  });

  it('leaves out organisations the programme cannot fund', async () => {
    const initiative = await makeInitiative(osijekEditor, osijek.id, { fundingProgramme: 'interreg_europe' });
    const { items, excluded } = await candidatesOf(initiative.id, '?includeExcluded=true');
    expect(ids(items)).not.toContain(nis.id);
    expect(excluded.find((entry) => entry.organisation.id === nis.id)?.reason).toBe('not_eligible');
  });

  it('leaves out the partners the initiative already has', async () => {
    const initiative = await makeInitiative(osijekEditor, osijek.id, {
      countries: ['SI', 'IT'],
      fundingProgramme: 'urbact_iv',
    });
    const celjeEditor = await t.signIn({ grants: [{ organisationId: celje.id, role: 'editor' }] });
    const interest = await expressInterest(celjeEditor, initiative.id, celje.id);
    const accepted = await osijekEditor.inject({
      method: 'POST',
      url: `/api/interests/${interest.id}/accept`,
      payload: { version: interest.version, create: 'project_partner' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const { items, excluded } = await candidatesOf(initiative.id, '?includeExcluded=true');
    expect(ids(items).sort()).toEqual([maribor.id, cesena.id].sort());
    expect(excluded.find((entry) => entry.organisation.id === celje.id)?.reason).toBe(
      'already_in_initiative',
    );
  });

  it('shows the candidates of an initiative only to those who may see it', async () => {
    const initiative = await makeInitiative(osijekEditor, osijek.id, { visibility: 'private' });
    const hidden = await t.anonymous.inject({ url: `/api/initiatives/${initiative.id}/candidates` });
    expect(hidden.statusCode).toBe(404);
    expect((await candidatesOf(initiative.id, '?limit=2', osijekEditor)).items).toHaveLength(2);
  });
});
