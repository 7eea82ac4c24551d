import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { useBrowserTest } from './browser-test.js';
import { card, cardButton, confirmRegenerate, DOCS_DIR, focusedText, screenshot, toast } from './page-helpers.js';
import { regenerateNow } from './test-daemon.js';
import { GatedGenerator } from './test-generators.js';

const SAMPLE: Actor[] = JSON.parse(await readFile(new URL('../../data/actorsData.json', import.meta.url), 'utf8'));
/** Actors given a poster before the page opens; the rest show the placeholder. */
const WITH_POSTERS = SAMPLE.slice(0, 4) as (Actor & { id: number; lora_model_url: string; description: string })[];

const generator = new GatedGenerator();
const ui = useBrowserTest({
  overrides: { generator },
  seed: async (daemon) => {
    for (const actor of WITH_POSTERS) await regenerateNow(daemon.url, actor);
  },
});

afterAll(() => generator.release());

describe('the Actor Library in Chromium', () => {
  it('renders a card for every sample actor, with lazy responsive posters or a placeholder', async () => {
    const { page } = ui;
    await page.locator('actor-card').nth(SAMPLE.length - 1).waitFor();
    expect(await page.locator('actor-card h3').allTextContents()).toEqual(SAMPLE.map((a) => a.name));

    const poster = card(page, 1).locator('img');
    expect(await poster.getAttribute('loading')).toBe('lazy');
    expect(await poster.getAttribute('srcset')).toMatch(/_sm\.webp\?v=\w+ 256w, .+_md\.webp\?v=\w+ 512w, .+_lg\.webp\?v=\w+ 1024w$/);
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await card(page, SAMPLE.length).getByText('No poster yet').waitFor();
    await card(page, 1).getByText('Regenerated just now').waitFor();
    await page.locator('connection-indicator [data-state="open"]').waitFor();

    await screenshot(page, 'grid');
    // The README's screenshot is committed; written only when missing, so a test run leaves the tree clean.
    // Delete docs/screenshot-grid.png and run this test to refresh it.
    const readmeShot = path.join(DOCS_DIR, 'screenshot-grid.png');
    if (!existsSync(readmeShot)) await page.screenshot({ path: readmeShot });
  });

  it('filters the grid by name', async () => {
    const { page } = ui;
    const search = page.getByRole('searchbox', { name: 'Filter by name' });
    await search.fill('east asian');
    await expect.poll(() => page.locator('actor-card h3').allTextContents()).toEqual(['0003_east_asian_27_female', '0010_east_asian_40_male']);
    await page.getByText('2 of 14 actors').waitFor();
    await search.fill('');
    await expect.poll(() => page.locator('actor-card').count()).toBe(SAMPLE.length);
  });

  it('starts nothing when the confirmation is cancelled, by button or Escape, and gives focus back', async () => {
    const { page, daemon } = ui;
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    const jobsBefore = await daemon.jobs();
    const dialog = page.getByRole('dialog', { name: 'Regenerate poster frame?' });

    await cardButton(page, 2).click();
    await dialog.getByText('0002_african_34_male').waitFor();
    expect(await focusedText(page)).toBe('Cancel');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedText(page)).toContain('Regenerate Poster');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // A fast keyboard user: Enter straight after Escape, before the browser's own close event, reopens.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    expect(posts).toEqual([]);
    expect(await page.locator('toast-stack li').count()).toBe(0);
    expect(await daemon.jobs()).toEqual(jobsBefore);
    expect(await cardButton(page, 2).getAttribute('aria-disabled')).toBe('false');
  });

  it('regenerates a poster: confirm, toast, live progress, a new image version, success toast', async () => {
    const { page } = ui;
    const poster = card(page, 1).locator('img');
    const oldSrc = await poster.getAttribute('src');
    generator.hold();

    await confirmRegenerate(page, 1);
    await toast(page, 'Regenerating poster frame for 0001_european_20_female...').waitFor();
    await card(page, 1).getByText('Generating · 50% · step 15/30').waitFor();
    expect((await cardButton(page, 1).textContent())?.trim()).toBe('⏳ Generating…');
    expect(await cardButton(page, 1).getAttribute('aria-disabled')).toBe('true');
    await page.locator('job-panel li[data-status="running"]', { hasText: '0001_european_20_female' }).waitFor();
    await screenshot(page, 'loading');

    // A second press while busy (forced: Playwright itself refuses to click an aria-disabled button).
    await cardButton(page, 1).click({ force: true });
    expect(await page.getByRole('dialog').isVisible()).toBe(false);

    generator.release();
    await toast(page, 'New poster frame for 0001_european_20_female is live.').waitFor();
    await expect.poll(() => poster.getAttribute('src')).not.toBe(oldSrc);
    expect(await poster.getAttribute('src')).toMatch(/0001_european_20_female_poster_sm\.webp\?v=\w+$/);
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => cardButton(page, 1).textContent()).toContain('🎨 Regenerate Poster');
    expect(await cardButton(page, 1).getAttribute('aria-disabled')).toBe('false');
    await page.locator('job-panel li[data-status="done"]', { hasText: '0001_european_20_female' }).first().waitFor();
    await screenshot(page, 'result');
  });
});
