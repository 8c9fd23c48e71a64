/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, saveScreenshot } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('a newcomer', () => {
  it('types Беч in the search box and reaches Vienna’s page, which shows its partnership with Zagreb', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Search' });
    await box.fill('Беч');
    const suggestion = page.getByRole('option', { name: /Vienna/ }).first();
    await suggestion.waitFor();
    await suggestion.click();
    await page.waitForURL(/\/organisations\/vienna/);
    await page.getByRole('heading', { level: 1, name: /Vienna/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: /Partnerships/ }).click();
    await page
      .getByRole('tabpanel')
      .getByRole('link', { name: 'Zagreb' })
      .first()
      .waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('sees ranked partner suggestions on Vienna’s page with their reasons, and Zagreb left out as a partner', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/organisations/vienna');
    const section = page.getByRole('region', { name: 'Suggested partners' });
    const first = section.getByRole('listitem').filter({ hasText: /^1\./ }).first();
    await first.waitFor({ timeout: 15_000 });
    await first.getByRole('progressbar', { name: /^Score of / }).waitFor();
    await expect(
      first.getByRole('list', { name: 'Why it fits' }).getByRole('listitem').count(),
    ).resolves.toBeGreaterThan(0);
    await section.getByRole('combobox', { name: 'Funding programme' }).selectOption('urbact_iv');
    await section.getByRole('button', { name: 'Show the organisations left out' }).click();
    await section
      .getByText(/Zagreb.*: already a partner/)
      .first()
      .waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'suggested partners');
    await context.close();
  });

  it('switches to Serbian Cyrillic and sees the interface in Cyrillic, with <html lang="sr-Cyrl">', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await page
      .getByRole('combobox', { name: 'Language' })
      .or(page.getByLabel('Language'))
      .first()
      .selectOption('sr-Cyrl');
    await page.waitForFunction(() => document.documentElement.lang === 'sr-Cyrl');
    await page.getByRole('navigation').first().getByText('Организације').waitFor({ timeout: 15_000 });
    const navigation = (await page.getByRole('navigation').first().textContent()) ?? '';
    expect(navigation).toMatch(/\p{Script=Cyrillic}/u);
    expect(navigation).not.toMatch(/Organisations/);
    // The choice is remembered: after a reload the app starts in Serbian Cyrillic again.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'sr-Cyrl', undefined, {
      timeout: 15_000,
    });
    await page.getByRole('navigation').first().getByText('Организације').waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('gets the language the browser prefers on a first visit', async () => {
    const context = await newContext(browser, baseUrl, 'hr-HR');
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForFunction(() => document.documentElement.lang === 'hr');
    await context.close();
  });
});

/** Every page type, to check with axe and to photograph for people to look at. */
const pages: [string, string][] = [
  ['home', '/'],
  ['search', `/search?q=${encodeURIComponent('Беч')}`],
  ['organisations', '/organisations'],
  ['organisation', '/organisations/zagreb'],
  ['network', '/organisations/energy-cities'],
  ['association', '/organisations/skgo?tab=memberships'],
  ['projects', '/projects'],
  ['project', '/projects/cities-at-heart'],
  ['activities', '/activities'],
  ['themes', '/themes'],
  ['theme', '/themes/zagreb-2022-07'],
  ['place', '/places/3054643'],
  ['not-found', '/no/such/page'],
];

describe.each(['en', 'sr-Cyrl'])('every page type in %s', (locale) => {
  it.each(pages)('%s has no serious or critical accessibility violation', async (name, path) => {
    const context = await newContext(browser, baseUrl);
    await context.addInitScript((chosen) => window.localStorage.setItem('pobratim.locale', chosen), locale);
    const page = await context.newPage();
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.locator('main').waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
      timeout: 15_000,
    });
    await page.waitForFunction((chosen) => document.documentElement.lang === chosen, locale, {
      timeout: 15_000,
    });
    await saveScreenshot(page, `${name}.${locale}`);
    await expectAccessible(page, `${path} (${locale})`);
    await context.close();
  });

  it('shows partnership and activity pages', async () => {
    const context = await newContext(browser, baseUrl);
    await context.addInitScript((chosen) => window.localStorage.setItem('pobratim.locale', chosen), locale);
    const page = await context.newPage();
    const partnerships = (await (await fetch(`${baseUrl}/api/partnerships?pageSize=1`)).json()) as {
      items: { id: string }[];
    };
    const activities = (await (await fetch(`${baseUrl}/api/activities?pageSize=1`)).json()) as {
      items: { id: string }[];
    };
    for (const [name, path] of [
      ['partnership', `/partnerships/${partnerships.items[0]!.id}`],
      ['activity', `/activities/${activities.items[0]!.id}`],
    ] as const) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
        timeout: 15_000,
      });
      await saveScreenshot(page, `${name}.${locale}`);
      await expectAccessible(page, `${path} (${locale})`);
    }
    await context.close();
  });
});
