import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { ActorGrid } from '../../web/src/actor-grid.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS_DIR = path.join(root, 'test-artifacts');
export const DOCS_DIR = path.join(root, 'docs');

/** Playwright's CSS engine pierces open shadow roots, so these reach inside the Lit elements. */
export const card = (page: Page, actorId: number | string): Locator => page.locator(`actor-card[data-actor-id="${actorId}"]`);
export const cardButton = (page: Page, actorId: number | string): Locator => card(page, actorId).locator('button[part="button"]');
export const toast = (page: Page, text: string): Locator => page.locator('toast-stack li', { hasText: text });

/** Scrolls the windowed grid to an actor's card, so it is rendered, and waits for it. */
export async function revealCard(page: Page, actorId: number | string): Promise<Locator> {
  const shown = await page.locator('actor-grid').evaluate((grid: ActorGrid, id) => grid.reveal(id), String(actorId));
  if (!shown) throw new Error(`Expected actor ${actorId} in the grid but the grid does not show it`);
  await card(page, actorId).waitFor();
  return card(page, actorId);
}

/** Presses an actor's "Regenerate Poster" button and waits for the regenerate dialog. */
export async function openRegenerate(page: Page, actorId: number | string): Promise<Locator> {
  await revealCard(page, actorId);
  await cardButton(page, actorId).click();
  const dialog = page.getByRole('dialog', { name: 'Regenerate poster frame?' });
  await dialog.waitFor();
  return dialog;
}

/** Presses an actor's "Regenerate Poster" button and confirms with "Regenerate now". */
export async function confirmRegenerate(page: Page, actorId: number | string): Promise<void> {
  await (await openRegenerate(page, actorId)).getByRole('button', { name: 'Regenerate now' }).click();
}

/** Where focus really is, looking inside shadow roots: the text of the focused element. */
export const focusedText = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.trim();
  });

/**
 * Saves a screenshot to test-artifacts/ (gitignored), for a human to look at. It waits for running
 * entry animations to end, so a dialog or toast that just appeared is shown settled. (Not Playwright's
 * `animations: 'disabled'`: that changes the page's timing for the tests after it.)
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.evaluate(() => {
    // Each shadow root lists only its own animations, so visit them all.
    const roots: DocumentOrShadowRoot[] = [];
    const visit = (root: Document | ShadowRoot) => {
      roots.push(root);
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    const finite = roots.flatMap((root) => root.getAnimations()).filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    return Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
  await page.screenshot({ path: file, ...options });
  return file;
}

/** A screenshot for test-artifacts/ and, when missing there (delete it to refresh), for the README's docs/screenshots/: a test run leaves the tree clean. */
export async function docShot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const file = path.join(DOCS_DIR, 'screenshots', `${name}.png`);
  if (existsSync(file)) return;
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}

/** Runs `check` at a phone's viewport (390×844), then restores the viewport it had. */
export async function atPhoneWidth(page: Page, check: () => Promise<void>): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await check();
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Requires `locator` to lie wholly inside the viewport's width, and the page not to scroll sideways. */
export async function fitsWidth(page: Page, locator: Locator): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const box = await locator.boundingBox();
  if (!box || box.x < 0 || box.x + box.width > width + 0.5)
    throw new Error(`Expected ${String(locator)} inside the ${width} px viewport but its box is ${JSON.stringify(box)}`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) throw new Error(`Expected no sideways scrolling at ${width} px but the page is ${scrollWidth} px wide`);
}

/** Collects uncaught page errors and console errors (into `errors`, shared by several pages), so a test can require there were none. */
export function watchErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
