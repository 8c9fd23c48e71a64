/// <reference lib="dom" />
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

const { parisEditor, celjeEditor } = e2eUsers;

/** A day `days` from today, as a date field takes it. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('initiatives', () => {
  it('an editor of Celje expresses interest in an initiative of Paris, Paris accepts, and Celje is a partner of the project', async () => {
    const title = `Demo initiative: a Cities@Heart follow-up (${Date.now().toString(36)})`;

    // Paris starts the initiative through its form.
    const paris = await newContext(browser, baseUrl);
    await signInContext(paris, baseUrl, parisEditor);
    const parisPage = await paris.newPage();
    await parisPage.goto('/initiatives/new');
    await parisPage.getByRole('heading', { level: 1, name: 'New initiative' }).waitFor();
    await parisPage.getByLabel('Title (English)').fill(title);
    await parisPage.getByLabel('Funding programme').selectOption('urbact_iv');
    await parisPage.getByLabel('Partners wanted').fill('3');
    await parisPage.getByLabel('Deadline').fill(dayFromToday(45));
    await expectAccessible(parisPage, 'the new initiative form');
    await parisPage.getByRole('button', { name: 'Save' }).click();
    await parisPage.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/);
    const initiativePath = new URL(parisPage.url()).pathname;
    await parisPage.getByRole('heading', { level: 1, name: title }).waitFor();
    await parisPage.getByText('Open for partners').first().waitFor();
    // Candidate partners are ranked with a score bar and their reasons.
    await parisPage
      .getByRole('progressbar', { name: /^Score of / })
      .first()
      .waitFor();
    await parisPage.getByRole('list', { name: 'Why it fits' }).first().waitFor();

    // It is on the board, found by its programme.
    const visitor = await newContext(browser, baseUrl);
    const board = await visitor.newPage();
    await board.goto('/initiatives?programme=urbact_iv');
    await board.getByRole('link', { name: title }).waitFor();
    await saveScreenshot(board, 'initiatives-board.en');
    await expectAccessible(board, 'the initiatives board');
    await visitor.close();

    // Celje's editor opens it and expresses interest.
    const celje = await newContext(browser, baseUrl);
    await signInContext(celje, baseUrl, celjeEditor);
    const celjePage = await celje.newPage();
    await celjePage.goto(initiativePath);
    await celjePage.getByRole('heading', { level: 1, name: title }).waitFor();
    await celjePage
      .getByLabel('Message to the owner')
      .fill('Celje took part in Cities@Heart and would bring its integrated action plan.');
    await celjePage.getByRole('button', { name: 'Express interest' }).click();
    await celjePage.getByText('The interest of Celje was sent to the owner.').waitFor();
    await celjePage.getByText('Waiting for an answer').first().waitFor();
    await saveScreenshot(celjePage, 'initiative-interest.en');
    await expectAccessible(celjePage, 'the initiative page of an interested editor');

    // Paris is notified, and accepts, making the project with Celje as partner.
    await parisPage.reload();
    await parisPage.getByRole('button', { name: /^Notifications, 1 unread$/ }).waitFor();
    await parisPage.getByLabel('On accepting, also record').selectOption('project_partner');
    await saveScreenshot(parisPage, 'initiative-owner.en');
    await expectAccessible(parisPage, 'the initiative page of its owner');
    await parisPage.getByRole('button', { name: 'Accept the interest of Celje' }).click();
    await parisPage.getByText('Accepted', { exact: true }).waitFor();
    const projectLink = parisPage.locator('dd a[href^="/projects/"]');
    await projectLink.waitFor();
    await projectLink.click();
    await parisPage.waitForURL(/\/projects\/[a-z0-9-]+$/);
    const partners = parisPage.getByRole('table').filter({ hasText: 'Partner' });
    await partners.getByRole('link', { name: 'Celje' }).waitFor();
    await partners.getByRole('link', { name: 'Paris' }).waitFor();

    // The record agrees: Paris leads, Celje is a partner.
    const slug = new URL(parisPage.url()).pathname.split('/').pop()!;
    const project = (await (await fetch(`${baseUrl}/api/projects/${slug}`)).json()) as {
      partners: { organisation: { slug: string }; role: string }[];
    };
    expect(project.partners.map((partner) => [partner.organisation.slug, partner.role])).toEqual([
      ['paris', 'lead'],
      ['celje', 'partner'],
    ]);

    // Celje is told that its interest was accepted.
    await celjePage.reload();
    await celjePage.getByRole('button', { name: /^Notifications, 1 unread$/ }).click();
    await celjePage.getByText(`Your interest in “${title}” was accepted.`).waitFor();
    await expectAccessible(celjePage, 'the open notifications');
    await paris.close();
    await celje.close();
  });
});
