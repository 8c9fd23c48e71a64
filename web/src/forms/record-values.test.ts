import { describe, expect, it } from 'vitest';
import { organisationBody, newOrganisationValues } from './organisations/organisation-values';
import { newPartnershipValues, partnershipBody } from './partnerships/partnership-values';
import { newPartnerRow, newProjectValues, projectBody } from './projects/project-values';

const sofia = { id: '01a1fe79-e29c-71e9-8f1d-662ca262f5ff', name: 'Sofia', country: 'BG' };
const krakow = { id: '01a1fe79-e479-7123-922f-f89024e2c8e7', name: 'Kraków', country: 'PL' };

describe('request bodies of the forms', () => {
  it('sends a partnership with its sides’ ids and leaves an unchosen side out', () => {
    const values = { ...newPartnershipValues('en', sofia), signedOn: '2024-05' };
    const body = partnershipBody(values);
    expect(body).toMatchObject({
      organisationAId: sofia.id,
      type: 'twinning',
      status: 'active',
      signedOn: '2024-05',
    });
    expect(JSON.parse(JSON.stringify(body))).not.toHaveProperty('organisationBId');
    expect(partnershipBody({ ...values, organisationBId: krakow }).organisationBId).toBe(krakow.id);
  });

  it('sends project amounts as exact decimals, partners in the currency of the project by default', () => {
    const values = {
      ...newProjectValues('en', null),
      programme: ' URBACT IV ',
      totalBudget: '750 000,00',
      currency: 'eur',
      partners: [
        { ...newPartnerRow(sofia, ''), budget: '72075,5', coFinancingRate: '80', coFinancingFund: 'ERDF' },
      ],
    };
    const body = projectBody(values);
    expect(body).toMatchObject({ programme: 'URBACT IV', totalBudget: '750000.00', currency: 'EUR' });
    expect(body.partners).toEqual([
      {
        organisationId: sofia.id,
        role: 'partner',
        budget: '72075.5',
        currency: 'EUR',
        coFinancingRate: '80',
        coFinancingFund: 'ERDF',
      },
    ]);
  });

  it('sends every name row, so errors point at the row the reader sees, and lets the server make the slug', () => {
    const values = {
      ...newOrganisationValues('sr-Cyrl'),
      names: [
        { name: 'Ниш', language: 'sr', script: '', kind: 'official' },
        { name: '', language: 'en', script: 'Latn', kind: 'exonym' },
      ],
      country: 'rs',
      population: 260237,
    };
    const body = organisationBody(values);
    expect(body.names).toEqual([
      { name: 'Ниш', language: 'sr', kind: 'official' },
      { name: '', language: 'en', script: 'Latn', kind: 'exonym' },
    ]);
    expect(body).toMatchObject({ country: 'RS', population: 260237, latitude: null });
    expect(body).not.toHaveProperty('slug');
  });
});
