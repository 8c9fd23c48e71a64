import fs from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; a browser is never downloaded. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotsDir = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser context (axe works only on pages of contexts made this way) with a preferred language. */
export function newContext(browser: Browser, baseURL: string, locale = 'en-GB'): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 900 } });
}

/**
 * Fails with a readable list when axe finds a serious or critical violation on the page, or only in the
 * part of it that `part` selects: an open dialog (axe would otherwise measure the contrast of the page
 * behind the modal's dimming overlay, which nobody reads meanwhile), or the sections a journey is about.
 */
export async function expectAccessible(page: Page, name: string, part?: string): Promise<void> {
  // A popover or modal fades in: axe measuring contrast half-way through the fade reports pale text.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
      ),
  );
  const builder = new AxeBuilder({ page });
  if (part) builder.include(part);
  const results = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (serious.length > 0) {
    const report = serious
      .map(
        (violation) =>
          `${violation.impact} ${violation.id}: ${violation.help}\n  ${violation.nodes
            .map((node) => node.target.join(' '))
            .slice(0, 5)
            .join('\n  ')}`,
      )
      .join('\n');
    throw new Error(`Accessibility violations on ${name}:\n${report}`);
  }
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png, for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}
