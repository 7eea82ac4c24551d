import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generatedLibrary } from '../support/generated-library.js';
import { useBrowserTest } from './browser-test.js';
import { card, confirmRegenerate, screenshot, toast } from './page-helpers.js';

const ACTORS = generatedLibrary(10_000);
/** A 1280×900 window shows 2–3 rows of 3 cards; with two rows of overscan each side that is at most 7 rows. */
const MAX_CARDS = 7 * 3;

const ui = useBrowserTest({ actors: ACTORS });

const cardCount = (page: Page) => page.locator('actor-card').count();
/** The grid position (1-based) of the first card in the DOM. */
const firstRendered = async (page: Page) => Number(await page.locator('actor-grid li').first().getAttribute('aria-posinset'));
const shownNames = (page: Page) => page.locator('actor-card h3').allTextContents();
/** What the page should find for a query: every word in the name or the description. */
const matching = (...words: string[]) =>
  ACTORS.filter((actor) => words.every((word) => `${actor.name.replaceAll('_', ' ')} ${actor.description}`.includes(word)));

describe('a library of 10,000 actors', () => {
  it('keeps only the cards in view (plus a few rows) in the DOM while scrolling the whole list', async () => {
    const { page } = ui;
    await card(page, 1).waitFor();
    await page.getByText('10,000 actors', { exact: true }).waitFor();
    expect(await cardCount(page)).toBeLessThanOrEqual(MAX_CARDS);
    expect(await page.locator('actor-grid li').first().getAttribute('aria-setsize')).toBe('10000');
    // The page is as long as the whole grid would be, so the scroll bar means what it says.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan((10_000 / 3) * 300);

    await page.mouse.move(400, 500);
    await page.mouse.wheel(0, 2500);
    await expect.poll(() => firstRendered(page)).toBeGreaterThan(1);
    expect(await cardCount(page)).toBeLessThanOrEqual(MAX_CARDS);

    for (const fraction of [0.25, 0.5, 1]) {
      await page.evaluate((f) => window.scrollTo(0, f * document.documentElement.scrollHeight), fraction);
      await expect.poll(() => firstRendered(page)).toBeGreaterThan(fraction * 10_000 - 3 * MAX_CARDS);
      expect(await cardCount(page)).toBeLessThanOrEqual(MAX_CARDS);
    }
    await card(page, 10_000)
      .getByRole('img', { name: `No poster yet for ${ACTORS.at(-1)!.name}` })
      .waitFor();
    await screenshot(page, 'scale-10000-bottom');
    await page.evaluate(() => window.scrollTo(0, 0));
    await card(page, 1).waitFor();
  });

  it('scrolls frame by frame without freezing, every row the same height (cards of unequal height once made the window flip forever)', async () => {
    const { page } = ui;
    await page.evaluate(() => window.scrollTo(0, 0));
    await card(page, 1).waitFor();
    const FRAMES = 80;
    // 40 px every frame, as a wheel or a touch fling does; a page caught in a re-render loop never gets here.
    const scrolled = page.evaluate(
      (frames) =>
        new Promise<number>((resolve) => {
          let frame = 0;
          const tick = () => {
            if (++frame > frames) return resolve(frame - 1);
            window.scrollBy(0, 40);
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      FRAMES,
    );
    const frozen = new Promise<string>((resolve) => setTimeout(() => resolve('frozen'), 25_000));
    expect(await Promise.race([scrolled, frozen])).toBe(FRAMES);
    const heights = await page.locator('actor-grid li').evaluateAll((rows) => rows.map((row) => Math.round(row.getBoundingClientRect().height)));
    expect(new Set(heights).size).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('searches all 10,000 by name and description together, and the result stays windowed', async () => {
    const { page } = ui;
    const search = page.getByRole('searchbox', { name: 'Search by name or description' });

    await search.fill('nordic freckles');
    const both = matching('nordic', 'freckles');
    expect(both.length).toBeGreaterThan(MAX_CARDS);
    await page.getByText(`${both.length} of 10,000 actors`).waitFor();
    const names = await shownNames(page);
    expect(names).toEqual(both.slice(0, names.length).map((actor) => actor.name));
    expect(await cardCount(page)).toBeLessThanOrEqual(MAX_CARDS);

    await search.fill('freckles');
    await page.getByText(`${matching('freckles').length.toLocaleString('en-US')} of 10,000 actors`).waitFor();
    await search.fill(ACTORS[6_789]!.name);
    await expect.poll(() => shownNames(page)).toEqual([ACTORS[6_789]!.name]);
    await search.fill('');
    await page.getByText('10,000 actors', { exact: true }).waitFor();
  });

  it('sorts all 10,000 by last regenerated, then by name again', async () => {
    const { page } = ui;
    const sort = page.getByLabel('Sort by');
    await sort.selectOption('recent');
    const newestFirst = ACTORS.filter((actor) => actor.poster_updated_at).reverse();
    await expect.poll(async () => (await shownNames(page)).slice(0, 3)).toEqual(newestFirst.slice(0, 3).map((actor) => actor.name));
    await sort.selectOption('name');
    await expect.poll(async () => (await shownNames(page)).slice(0, 3)).toEqual(ACTORS.slice(0, 3).map((actor) => actor.name));
  });

  it('applies a live poster update to its card alone: the other cards stay the same elements', async () => {
    const { page } = ui;
    const others = page.locator('actor-card:not([data-actor-id="2"])');
    // Mark the cards in the DOM; a re-created card would lose its mark.
    await others.evaluateAll((cards) => {
      for (const element of cards) element.setAttribute('data-test-mark', '');
    });
    const marked = await others.count();

    await confirmRegenerate(page, 2);
    await toast(page, `New poster frame for ${ACTORS[1]!.name} is live.`).waitFor();
    await card(page, 2).locator('img').waitFor();
    expect(await page.locator('actor-card[data-test-mark]').count()).toBe(marked);
    expect(await cardCount(page)).toBeLessThanOrEqual(MAX_CARDS);
  });
});
