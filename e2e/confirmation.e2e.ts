import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, saveScreenshot } from './support/browser.js';
import { signIn } from './support/sign-in.js';
import { e2eUsers, type E2eUser } from './support/users.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function organisationId(slug: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/organisations/${slug}`);
  return ((await response.json()) as { id: string }).id;
}

/** A partnership that `claimant`'s side records through the API: claimed by that side. */
async function claimPartnership(
  context: BrowserContext,
  claimant: E2eUser,
  other: string,
  type: string,
): Promise<{ id: string; confirmation: { state: string; claimedBy: string } }> {
  const session = await context.request.post(`${baseUrl}/api/session`, {
    data: { email: claimant.email, password: claimant.password },
  });
  expect(session.ok()).toBe(true);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await context.request.post(`${baseUrl}/api/partnerships`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      organisationAId: await organisationId(claimant.organisation!),
      organisationBId: await organisationId(other),
      type,
      status: 'negotiating',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

describe('confirmation by both sides', () => {
  it("lets the other side's editor confirm a claimed partnership, and shows it in the history", async () => {
    const claimantContext = await newContext(browser, baseUrl);
    const claim = await claimPartnership(
      claimantContext,
      e2eUsers.zagrebEditor,
      'nis',
      'experience_exchange',
    );
    expect(claim.confirmation).toMatchObject({ state: 'claimed' });

    // The claiming side sees its claim, and no button to confirm it itself.
    const claimantPage = await claimantContext.newPage();
    await claimantPage.goto(`/partnerships/${claim.id}`);
    await claimantPage.getByText('Claimed by Zagreb').waitFor();
    await expect(claimantPage.getByRole('button', { name: /^Confirm/ }).count()).resolves.toBe(0);
    await claimantContext.close();

    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, e2eUsers.nisEditor.email, e2eUsers.nisEditor.password);
    await page.goto(`/partnerships/${claim.id}`);
    await page.getByText('Claimed by Zagreb').waitFor();
    await saveScreenshot(page, 'partnership-claimed.en');
    await expectAccessible(page, 'a claimed partnership, for the other side', 'main');
    await page.getByRole('button', { name: /^Confirm / }).click();
    await page.getByText('Confirmed by both sides').waitFor();
    await expect(page.getByRole('button', { name: /^Confirm / }).count()).resolves.toBe(0);

    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Show the history' }).click();
    await history.getByText('Changed: partnership').first().waitFor();
    await expect(history.getByText(e2eUsers.nisEditor.name).first().isVisible()).resolves.toBe(true);
    await expect(history.getByText('Recorded: partnership').first().isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'partnership-confirmed.en');
    await expectAccessible(page, 'the history of a confirmed partnership', '.record-history');

    const relations = await (await fetch(`${baseUrl}/api/organisations/nis/relations`)).json();
    expect(
      relations.partnerships.find((partnership: { id: string }) => partnership.id === claim.id),
    ).toMatchObject({ confirmation: { state: 'confirmed' } });
    await context.close();
  });

  it('lets the other side dispute a claim with a reason everyone then sees', async () => {
    const claimantContext = await newContext(browser, baseUrl);
    const claim = await claimPartnership(claimantContext, e2eUsers.celjeEditor, 'paris', 'memorandum');
    await claimantContext.close();

    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, e2eUsers.parisEditor.email, e2eUsers.parisEditor.password);
    await page.goto('/organisations/paris?tab=partnerships');
    const row = page.getByRole('row').filter({ hasText: 'Celje' }).filter({ hasText: 'Claimed by Celje' });
    await row.getByRole('button', { name: /^Dispute / }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Dispute' }).click();
    await dialog.getByText('Give a reason.').waitFor();
    await dialog.getByLabel('Reason').fill('Paris has not signed a memorandum with Celje.');
    await expectAccessible(page, 'the dispute dialog', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Dispute' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const visitor = await newContext(browser, baseUrl);
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(`/partnerships/${claim.id}`);
    await visitorPage.getByText('Disputed').waitFor();
    await visitorPage.getByText('Reason: Paris has not signed a memorandum with Celje.').waitFor();
    await expect(visitorPage.getByRole('button', { name: /^(Confirm|Dispute) / }).count()).resolves.toBe(0);
    await saveScreenshot(visitorPage, 'partnership-disputed.en');
    await visitor.close();
    await context.close();
  });
});
