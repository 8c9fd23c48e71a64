import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, saveScreenshot } from './support/browser.js';
import { signInContext } from './support/sign-in.js';
import { e2eUsers } from './support/users.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("a record's history", () => {
  it('shows a visitor who changed an organisation and what, without naming people', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/organisations/zagreb');
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Show the history' }).click();
    // Newest first: the demo loader recorded Zagreb and then its names.
    await history
      .getByText(/^Recorded: (organisation|name)$/)
      .first()
      .waitFor();
    await expect(
      history
        .getByText(/Pobratim itself \((cli|demo|serve)\)/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      history.getByRole('button', { name: 'Hide the history' }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    // Anonymous visitors see no contact persons at all.
    await expect(page.getByRole('region', { name: 'Contact persons' }).count()).resolves.toBe(0);
    await expectAccessible(page, "Zagreb's history", '.record-history');
    await context.close();
  });

  it('lets an editor add a contact person, see the change in the history, and erase the data', async () => {
    const context = await newContext(browser, baseUrl);
    await signInContext(context, baseUrl, e2eUsers.zagrebEditor);
    const page = await context.newPage();
    await page.goto('/organisations/zagreb');
    const contacts = page.getByRole('region', { name: 'Contact persons' });
    await contacts.getByRole('button', { name: 'Add a contact person' }).click();
    const form = page.getByRole('dialog', { name: 'Add a contact person' });
    await form.getByLabel('Full name').fill('Dora Dubrovčanin');
    await form.getByLabel('Position').fill('Head of the office for international cooperation');
    await form.getByLabel('Email').fill('dora.dubrovcanin@example.hr');
    await expectAccessible(page, 'the new contact person dialog', '[role="dialog"]');
    await form.getByRole('button', { name: 'Save' }).click();
    await contacts.getByText('Dora Dubrovčanin').waitFor();

    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Show the history' }).click();
    await history.getByText('Recorded: contact person').first().waitFor();
    await expect(history.getByText(e2eUsers.zagrebEditor.name).first().isVisible()).resolves.toBe(true);
    await expect(history.getByRole('cell', { name: 'dora.dubrovcanin@example.hr' }).count()).resolves.toBe(1);
    await saveScreenshot(page, 'organisation-history.en');
    await expectAccessible(page, 'the history', '.record-history');
    await expectAccessible(page, 'the contact persons', '.organisation-contacts');

    await contacts.getByRole('button', { name: 'Erase data: Dora Dubrovčanin' }).click();
    const confirm = page.getByRole('dialog', { name: 'Erase the data of Dora Dubrovčanin?' });
    await expect(confirm.getByText(/This cannot be undone/).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'the erasure confirmation', '[role="dialog"]');
    await confirm.getByRole('button', { name: 'Erase', exact: true }).click();
    await contacts.getByText('Erased contact').waitFor();
    await history.getByText('Personal data erased: contact person').first().waitFor();
    await expect(page.getByText('Dora Dubrovčanin').count()).resolves.toBe(0);
    await expect(page.getByText('dora.dubrovcanin@example.hr').count()).resolves.toBe(0);
    await context.close();
  });
});
