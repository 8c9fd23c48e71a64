import type { BrowserContext, Page } from 'playwright-core';
import type { E2eUser } from './users.js';

/**
 * Signs in through the sign-in page, in whatever language the page shows (the fields are found by their
 * autocomplete purpose), and waits until the app has left the page, signed in.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/**
 * Signs a browser context in through the API (faster than the page: no navigation), so every page opened
 * in it afterwards is signed in. The cookie lands in the context's cookie jar.
 */
export async function signInContext(context: BrowserContext, baseUrl: string, user: E2eUser): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/session`, {
    data: { email: user.email, password: user.password },
  });
  if (!response.ok()) {
    throw new Error(`Signing in ${user.email} failed: ${response.status()} ${await response.text()}`);
  }
}
