import { describe, expect, it } from 'vitest';
import {
  checkProject,
  chooseDisplayTitle,
  orderPartners,
  partnerTotals,
  projectSearchText,
  type ProjectPartnerFacts,
} from './project.js';

const paris = '0190f4a5-0000-7000-8000-000000000001';
const celje = '0190f4a5-0000-7000-8000-000000000002';
const osijek = '0190f4a5-0000-7000-8000-000000000003';
const title = { en: 'Cities@Heart Action Network' };

const codes = (partners: ProjectPartnerFacts[], extra: Partial<Parameters<typeof checkProject>[0]> = {}) =>
  checkProject({ title, partners, ...extra }).map((error) => [error.field, error.code]);

describe('project rules', () => {
  it('accepts a project with a lead, partners and co-financing up to 100 %', () => {
    expect(
      codes([
        { organisationId: paris, role: 'lead' },
        { organisationId: celje, role: 'partner', budget: '72075.00', coFinancingRate: '80' },
        { organisationId: osijek, role: 'associate', coFinancingRate: '100.00' },
      ]),
    ).toEqual([]);
  });

  it('refuses a co-financing rate over 100 on the partner that has it', () => {
    expect(
      codes([
        { organisationId: paris, role: 'lead' },
        { organisationId: celje, role: 'partner', coFinancingRate: '100.01' },
      ]),
    ).toEqual([['body.partners.1.coFinancingRate', 'project.co_financing_rate_over_100']]);
  });

  it('refuses more than one lead partner', () => {
    expect(
      codes([
        { organisationId: paris, role: 'lead' },
        { organisationId: celje, role: 'lead' },
      ]),
    ).toEqual([['body.partners', 'project.more_than_one_lead']]);
  });

  it('refuses the same organisation twice, whatever the roles', () => {
    expect(
      codes([
        { organisationId: paris, role: 'lead' },
        { organisationId: paris.toUpperCase(), role: 'partner' },
      ]),
    ).toEqual([['body.partners.1.organisationId', 'project.partner_repeated']]);
  });

  it('refuses an end before the start, at the precision both dates share', () => {
    expect(codes([], { startsOn: '2023-06', endsOn: '2023-05-31' })).toEqual([
      ['body.endsOn', 'date.end_before_start'],
    ]);
    expect(codes([], { startsOn: '2023-06', endsOn: '2023' })).toEqual([]);
  });

  it('refuses a title that says nothing in any language', () => {
    expect(codes([], { title: { en: '  ' } })).toEqual([['body.title', 'project.title_required']]);
  });
});

describe('project presentation', () => {
  it('shows the English title, else the first one', () => {
    expect(chooseDisplayTitle({ sl: 'Akcijsko omrežje', en: 'Action Network' })).toBe('Action Network');
    expect(chooseDisplayTitle({ bg: 'Европейските региони', sl: 'Evropske regije' })).toBe(
      'Европейските региони',
    );
  });

  it('makes search text from the acronym and every title in any script', () => {
    expect(
      projectSearchText({
        acronym: 'Cities@Heart',
        title: { en: 'European regions', bg: 'Европейските региони' },
      }),
    ).toBe('cities heart | european regions | evropejskite regioni');
  });

  it('puts the lead first and keeps the entered order of the others', () => {
    const partners = [
      { role: 'partner', name: 'Celje' },
      { role: 'associate', name: 'Osijek' },
      { role: 'lead', name: 'Paris' },
      { role: 'partner', name: 'Cesena' },
    ];
    expect(orderPartners(partners).map((partner) => partner.name)).toEqual([
      'Paris',
      'Celje',
      'Osijek',
      'Cesena',
    ]);
  });

  it('sums partner budgets exactly, only in the project currency', () => {
    expect(
      partnerTotals('EUR', [
        { budget: '72075.00', currency: 'EUR' },
        { budget: '0.10', currency: 'EUR' },
        { budget: '0.20', currency: 'EUR' },
        { budget: '5000.00', currency: 'RSD' },
        { budget: null, currency: 'EUR' },
      ]),
    ).toEqual({ partnerBudget: '72075.30', currency: 'EUR', partnerCount: 5 });
  });

  it('has no partner budget when no partner states one in the project currency', () => {
    expect(partnerTotals('EUR', [{ budget: '10.00', currency: 'BGN' }])).toEqual({
      partnerBudget: null,
      currency: 'EUR',
      partnerCount: 1,
    });
  });
});
