/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const { admin } = e2eUsers;

/** The header's account menu of a signed-in user. */
const userMenu = (page: Page, name: string) => page.getByRole('button', { name: `Signed in as ${name}` });

async function sessionUser(context: BrowserContext): Promise<{ email: string } | null> {
  const response = await context.request.get(`${baseUrl}/api/session`);
  return ((await response.json()) as { user: { email: string } | null }).user;
}

/** The newest mail to an address in the outbox, as an administrator reads it through the API. */
async function latestMailTo(to: string): Promise<{ subject: string; text: string }> {
  const context = await newContext(browser, baseUrl);
  try {
    await signInContext(context, baseUrl, admin);
    const response = await context.request.get(`${baseUrl}/api/outbox`);
    const { items } = (await response.json()) as { items: { to: string; subject: string; text: string }[] };
    const mail = items.find((item) => item.to.includes(to));
    if (!mail) throw new Error(`No mail to ${to} in the outbox.`);
    return mail;
  } finally {
    await context.close();
  }
}

/** The link of a mail that leads to `path` (`/invitation`, `/reset-password`), as a path of this server. */
function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`No ${path} link in the mail:\n${text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

describe('accounts', () => {
  it('signs in, shows the user menu, and signs out', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await saveScreenshot(page, 'sign-in.en');
    await expectAccessible(page, 'the sign-in page');

    await signIn(page, admin.email, admin.password);
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await userMenu(page, admin.name).click();
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    await saveScreenshot(page, 'user-menu.en');
    await expectAccessible(page, 'the open user menu');
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await expect(sessionUser(context)).resolves.toBeNull();
    await context.close();
  });

  it('comes back to the page it was asked from', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/organisations/celje');
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.locator('input[autocomplete="username"]').fill(e2eUsers.celjeEditor.email);
    await page.locator('input[autocomplete="current-password"]').fill(e2eUsers.celjeEditor.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/organisations\/celje$/);
    await userMenu(page, e2eUsers.celjeEditor.name).waitFor();
    await context.close();
  });

  it('says so when the password is wrong, next to nothing that would reveal whether the account exists', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(e2eUsers.zagrebViewer.email);
    await page.getByLabel(/^Password/).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('The email address or the password is not right.').waitFor();
    await expect(sessionUser(context)).resolves.toBeNull();
    await saveScreenshot(page, 'sign-in-refused.en');
    await expectAccessible(page, 'the sign-in page with an error');
    await context.close();
  });

  it('asks to wait, for as long as the server says, after too many failed attempts', async () => {
    const email = 'nobody.at.all@pobratim.test';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await fetch(`${baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'guessing again and again' }),
      });
      expect(response.status).toBe(401);
    }
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel(/^Password/).fill('guessing again and again');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText(/Too many failed attempts\. Try again in \d+ minutes?\./).waitFor();
    await context.close();
  });

  it('lets an administrator invite a user, who accepts from the mail in the outbox', async () => {
    const invited = 'invited.person@pobratim.test';
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, admin.email, admin.password);
    await userMenu(page, admin.name).click();
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('rowheader', { name: new RegExp(e2eUsers.celjeEditor.name) }).waitFor();
    await saveScreenshot(page, 'admin-users.en');
    await expectAccessible(page, 'the users page');

    await page.getByRole('button', { name: 'Invite a user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByLabel('Email address').fill(invited);
    await dialog.getByRole('button', { name: 'Add a role' }).click();
    const picker = dialog.getByRole('combobox', { name: 'Organisation of role 1' });
    await picker.fill('Celje');
    await page.getByRole('option', { name: /Celje/ }).first().click();
    // The invitee reads Serbian in Cyrillic: the mail is written so, whatever the administrator reads.
    await dialog.getByLabel('Language of the invitation').selectOption('sr-Cyrl');
    await expectAccessible(page, 'the invitation dialog');
    await saveScreenshot(page, 'admin-invite.en');
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText(`The invitation was sent to ${invited}.`, { exact: false }).waitFor();

    await userMenu(page, admin.name).click();
    await page.getByRole('menuitem', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const mail = page.getByRole('article').filter({ hasText: invited }).first();
    await mail.getByRole('heading', { name: 'Ваш позив у Побратим' }).waitFor();
    await mail.getByText('- уредник за', { exact: false }).waitFor();
    await saveScreenshot(page, 'admin-outbox.en');
    await expectAccessible(page, 'the outbox');
    await context.close();

    const link = linkIn((await latestMailTo(invited)).text, '/invitation');
    const guest = await newContext(browser, baseUrl);
    const guestPage = await guest.newPage();
    await guestPage.goto(link);
    await guestPage.getByRole('heading', { level: 1, name: 'Accept the invitation' }).waitFor();
    await expectAccessible(guestPage, 'the invitation page');
    await saveScreenshot(guestPage, 'invitation.en');
    await guestPage.getByLabel(/^Name/).fill('Ines Invited');
    await guestPage.getByLabel('New password').fill('a passphrase of my own');
    await guestPage.getByRole('button', { name: 'Create my account' }).click();
    await guestPage.waitForURL(/\/account$/);
    await guestPage.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await guestPage
      .getByRole('listitem')
      .filter({ hasText: 'Celje' })
      .filter({ hasText: 'editor' })
      .waitFor();
    await userMenu(guestPage, 'Ines Invited').waitFor();
    await guest.close();
  });

  it('shows the security settings to an administrator, and refuses them to an editor', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signInContext(context, baseUrl, admin);
    await page.goto('/admin/settings');
    const toggle = page.getByRole('switch', { name: 'Require two-factor authentication' });
    await toggle.waitFor();
    await expect(toggle.isChecked()).resolves.toBe(false);
    await saveScreenshot(page, 'admin-settings.en');
    await expectAccessible(page, 'the security settings');
    await context.close();

    const editor = await newContext(browser, baseUrl);
    const editorPage = await editor.newPage();
    await signInContext(editor, baseUrl, e2eUsers.parisEditor);
    await editorPage.goto('/admin/users');
    await editorPage.getByText('Only administrators may see this page.').waitFor();
    await expect(editorPage.getByRole('table').count()).resolves.toBe(0);
    await editor.close();
  });

  it('downloads a backup of the whole database from the administration', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signInContext(context, baseUrl, admin);
    await page.goto('/admin/backup');
    const button = page.getByRole('button', { name: 'Download a backup' });
    await button.waitFor();
    await expectAccessible(page, 'the backup page');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^pobratim-backup-\d{8}-\d{6}\.jsonl\.gz$/);
    const file = await download.path();
    const header = JSON.parse(
      gunzipSync(await readFile(file))
        .toString('utf8')
        .split('\n')[0]!,
    ) as {
      format: string;
      tables: { name: string }[];
    };
    expect(header.format).toBe('pobratim-backup');
    expect(header.tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['users', 'audit_events', 'initiatives', 'contacts']),
    );
    await page.getByText(`Downloaded: ${download.suggestedFilename()}`).waitFor();
    await context.close();
  });

  it('resets a forgotten password with the link from the mail', async () => {
    const user = e2eUsers.passwordReset;
    const newPassword = 'a brand new passphrase';
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email address').fill(user.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your mail').waitFor();
    await expectAccessible(page, 'the password reset request');

    await page.goto(linkIn((await latestMailTo(user.email)).text, '/reset-password'));
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByLabel(/^New password/).fill('too short');
    await page.getByLabel('Repeat the new password').fill('too short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    // The server's rule, placed beside the field it concerns (and in the summary above the form).
    await page.getByText('A password needs at least 12 characters.').first().waitFor();
    const field = page.getByLabel(/^New password/);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = (await field.getAttribute('aria-describedby')) ?? '';
    const fieldError = await page
      .locator(
        described
          .split(/\s+/)
          .map((id) => `[id="${id}"]`)
          .join(','),
      )
      .allTextContents();
    expect(fieldError.join(' ')).toContain('A password needs at least 12 characters.');
    await saveScreenshot(page, 'reset-password.en');
    await expectAccessible(page, 'the new password form with an error');

    await page.getByLabel(/^New password/).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your new password is saved. Sign in with it.').waitFor();
    await signIn(page, user.email, newPassword);
    await userMenu(page, user.name).waitFor();
    await context.close();
  });

  it('sets up two-factor authentication, then asks for a code at sign-in', async () => {
    const user = e2eUsers.twoFactor;
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, user.email, user.password);
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secret = (await page.locator('.secret-text').first().textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(page.locator('.secret-text').nth(1).textContent()).resolves.toMatch(/^otpauth:\/\/totp\//);
    await saveScreenshot(page, 'account-two-factor.en');
    await expectAccessible(page, 'the two-factor setup');
    const now = Math.floor(Date.now() / 1000);
    await page.getByLabel('Code from the authenticator app').fill(await generate({ secret, epoch: now }));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await page.getByText('Two-factor authentication is on').waitFor();

    // Turning it off needs a right code; a wrong one is refused beside the field.
    await page.getByLabel('Code from the authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Turn off two-factor authentication' }).click();
    await page.getByText('This code is not right or has expired.', { exact: false }).waitFor();
    await expectAccessible(page, 'the account page with two-factor authentication on');

    await userMenu(page, user.name).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel(/^Password/).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const code = page.getByLabel('Code from the authenticator app');
    await code.waitFor();
    await expectAccessible(page, 'the sign-in page asking for a code');
    // The code of the next time step: the one used to confirm is spent, and the server allows a step of drift.
    await code.fill(await generate({ secret, epoch: now + 30 }));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await userMenu(page, user.name).waitFor();
    await context.close();
  });

  it('offers changes only to those who may make them', async () => {
    const visitor = await newContext(browser, baseUrl);
    const visitorPage = await visitor.newPage();
    await visitorPage.goto('/organisations/celje');
    await visitorPage.getByRole('heading', { level: 1 }).waitFor();
    await visitorPage.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await expect(visitorPage.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);
    await visitorPage.goto('/organisations');
    await visitorPage.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await expect(visitorPage.getByRole('link', { name: 'New organisation' }).count()).resolves.toBe(0);
    await visitor.close();

    const paris = await newContext(browser, baseUrl);
    const parisPage = await paris.newPage();
    await signInContext(paris, baseUrl, e2eUsers.parisEditor);
    await parisPage.goto('/organisations/celje');
    await userMenu(parisPage, e2eUsers.parisEditor.name).waitFor();
    await expect(parisPage.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);
    await parisPage.goto('/organisations/paris');
    await parisPage.getByRole('link', { name: 'Edit' }).first().waitFor();
    await paris.close();

    const viewer = await newContext(browser, baseUrl);
    const viewerPage = await viewer.newPage();
    await signInContext(viewer, baseUrl, e2eUsers.zagrebViewer);
    await viewerPage.goto('/organisations/zagreb');
    await userMenu(viewerPage, e2eUsers.zagrebViewer.name).waitFor();
    await expect(viewerPage.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);
    await viewer.close();
  });
});
