/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, saveScreenshot } from './support/browser.js';
import { signIn, signInContext } from './support/sign-in.js';
import { e2eUsers } from './support/users.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Types into an organisation picker and chooses the suggestion that names the expected organisation. */
async function pick(page: Page, label: string, typed: string, expected: RegExp): Promise<void> {
  const picker = page.getByRole('combobox', { name: label });
  await picker.fill(typed);
  const option = page.getByRole('option', { name: expected }).first();
  await option.waitFor();
  await option.click();
}

async function partnershipsOf(slug: string): Promise<{ other: { slug: string }; type: string }[]> {
  const response = await fetch(`${baseUrl}/api/organisations/${slug}/relations`);
  return ((await response.json()) as { partnerships: { other: { slug: string }; type: string }[] })
    .partnerships;
}

// Writes are for administrators until scoped policies land; then an editor of one side will do.
const { admin } = e2eUsers;

describe('a user keeping the record', () => {
  it('creates a partnership between two authorities picked by typing Sofiji and Krakov, and sees it on both profiles', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, admin.email, admin.password);
    await page.goto('/partnerships/new');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await pick(page, 'Organisation A', 'Sofiji', /Sofia/);
    await pick(page, 'Organisation B', 'Krakov', /Krak/);
    await saveScreenshot(page, 'partnership-form.en');
    await expectAccessible(page, 'the new partnership form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);

    expect((await partnershipsOf('sofia')).map((partnership) => partnership.other.slug)).toContain('krakow');
    for (const [slug, other] of [
      ['sofia', /Krak/],
      ['krakow', /Sofia/],
    ] as const) {
      await page.goto(`/organisations/${slug}?tab=partnerships`);
      await page
        .getByRole('tabpanel')
        .getByRole('link', { name: other })
        .first()
        .waitFor({ timeout: 15_000 });
    }
    await context.close();
  });

  it('is told of a conflict when two tabs edit the same record, and loses nothing', async () => {
    const partnership = (await (
      await fetch(`${baseUrl}/api/partnerships?type=experience_exchange&pageSize=1`)
    ).json()) as {
      items: { id: string }[];
    };
    const id = partnership.items[0]!.id;
    const context = await newContext(browser, baseUrl);
    await signInContext(context, baseUrl, admin);
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(`/partnerships/${id}/edit`);
    await second.goto(`/partnerships/${id}/edit`);
    await first.getByRole('button', { name: 'Save' }).waitFor();
    await second.getByRole('button', { name: 'Save' }).waitFor();

    await first.getByLabel('Started on').fill('2019');
    await first.getByRole('button', { name: 'Save' }).click();
    await first.waitForURL(new RegExp(`/partnerships/${id}$`));

    const secondUrl = 'https://www.zagreb.hr/en/agreement';
    await second.getByLabel('Address of the signed agreement').fill(secondUrl);
    await second.getByRole('button', { name: 'Save' }).click();
    const conflict = second.getByText(
      'Someone else changed this record while you were editing. Your changes are kept below; reload the latest version to apply them again.',
    );
    await conflict.waitFor();
    await saveScreenshot(second, 'conflict.en');
    await expect(second.getByLabel('Address of the signed agreement').inputValue()).resolves.toBe(secondUrl);

    await second.getByRole('button', { name: 'Reload latest' }).click();
    await second.getByRole('button', { name: 'Save' }).click();
    await second.waitForURL(new RegExp(`/partnerships/${id}$`));
    const saved = (await (await fetch(`${baseUrl}/api/partnerships/${id}`)).json()) as {
      startedOn: string;
      agreementUrl: string;
    };
    expect(saved).toMatchObject({ startedOn: '2019', agreementUrl: secondUrl });
    await context.close();
  });

  it('confirms before deleting, and can cancel', async () => {
    const context = await newContext(browser, baseUrl);
    await signInContext(context, baseUrl, admin);
    const page = await context.newPage();
    await page.goto('/organisations/zabok');
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('This cannot be undone.');
    await saveScreenshot(page, 'delete-dialog.en');
    await expectAccessible(page, 'the delete confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await fetch(`${baseUrl}/api/organisations/zabok`)).status).toBe(200);
    await context.close();
  });

  it.each(['en', 'sr-Cyrl'])('finds every form accessible in %s', async (locale) => {
    const context = await newContext(browser, baseUrl);
    await context.addInitScript((chosen) => window.localStorage.setItem('pobratim.locale', chosen), locale);
    const page = await context.newPage();
    for (const [name, path] of [
      ['organisation-form', '/organisations/zagreb/edit'],
      ['project-form', '/projects/cities-at-heart/edit'],
      ['activity-form', '/activities/new'],
      ['membership-form', '/memberships/new'],
      ['theme-form', '/themes/new'],
    ]) {
      await page.goto(path!);
      await page.getByRole('button', { name: locale === 'en' ? 'Save' : 'Сачувај' }).waitFor();
      await saveScreenshot(page, `${name}.${locale}`);
      await expectAccessible(page, `${path} (${locale})`);
    }
    await context.close();
  });
});
