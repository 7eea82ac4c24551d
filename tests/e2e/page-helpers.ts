import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS_DIR = path.join(root, 'test-artifacts');
export const DOCS_DIR = path.join(root, 'docs');

/** Playwright's CSS engine pierces open shadow roots, so these reach inside the Lit elements. */
export const card = (page: Page, actorId: number | string): Locator => page.locator(`actor-card[data-actor-id="${actorId}"]`);
export const cardButton = (page: Page, actorId: number | string): Locator => card(page, actorId).locator('button');
export const toast = (page: Page, text: string): Locator => page.locator('toast-stack li', { hasText: text });

/** Where focus really is, looking inside shadow roots: the text of the focused element. */
export const focusedText = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.trim();
  });

/** Saves a screenshot to test-artifacts/ (gitignored), for a human to look at. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

/** Collects uncaught page errors and console errors (into `errors`, shared by several pages), so a test can require there were none. */
export function watchErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
