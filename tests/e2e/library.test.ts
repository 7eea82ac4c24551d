import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { launchBrowser } from '../support/browser.js';
import { useBrowserTest } from './browser-test.js';
import { card, cardButton, confirmRegenerate, DOCS_DIR, focusedText, screenshot, toast, watchErrors } from './page-helpers.js';
import { regenerateNow } from './test-daemon.js';
import { GatedGenerator } from './test-generators.js';

const SAMPLE: Actor[] = JSON.parse(await readFile(new URL('../../data/samples/actorsData.json', import.meta.url), 'utf8'));
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
  it('renders the sample actors in name order, with lazy responsive posters or a placeholder', async () => {
    const { page } = ui;
    await card(page, 1).waitFor();
    const names = await page.locator('actor-card h3').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(SAMPLE.slice(0, names.length).map((a) => a.name));
    expect(await page.locator('actor-grid li').first().getAttribute('aria-setsize')).toBe(String(SAMPLE.length));

    const poster = card(page, 1).locator('img');
    expect(await poster.getAttribute('loading')).toBe('lazy');
    expect(await poster.getAttribute('srcset')).toMatch(/_sm\.webp\?v=\w+ 256w, .+_md\.webp\?v=\w+ 512w, .+_lg\.webp\?v=\w+ 1024w$/);
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await card(page, 1).getByText('Regenerated just now').waitFor();
    await page.locator('connection-indicator [data-state="open"]').waitFor();

    await screenshot(page, 'grid');
    // The README's screenshot is committed; written only when missing, so a test run leaves the tree clean.
    // Delete docs/screenshot-grid.png and run this test to refresh it.
    const readmeShot = path.join(DOCS_DIR, 'screenshot-grid.png');
    if (!existsSync(readmeShot)) await page.screenshot({ path: readmeShot });

    // The last card is rendered once it is scrolled to, with the drawn placeholder of an actor without a poster.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = card(page, SAMPLE.length).getByRole('img', { name: `No poster yet for ${SAMPLE.at(-1)!.name}` });
    await last.waitFor();
    expect(await last.textContent()).toContain('IM');
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('searches the grid by name and by description, and sorts it', async () => {
    const { page } = ui;
    const search = page.getByRole('searchbox', { name: 'Search by name or description' });
    const names = () => page.locator('actor-card h3').allTextContents();
    await search.fill('east asian');
    await expect.poll(names).toEqual(['0003_east_asian_27_female', '0010_east_asian_40_male']);
    await page.getByText('2 of 14 actors').waitFor();
    await search.fill('headscarf');
    await expect.poll(names).toEqual(['0007_middle_eastern_23_female']);
    await search.fill('grey beard');
    await expect.poll(names).toEqual(['0006_nordic_52_male', '0012_latino_57_male']);
    await search.fill('nobody like this');
    await page.getByText('No actor’s name or description matches “nobody like this”.').waitFor();
    await search.fill('');
    await page.getByText('14 actors', { exact: true }).waitFor();

    // Last regenerated first: the four seeded posters, newest (the last seeded) first, then the rest by name.
    const sort = page.getByLabel('Sort by');
    await sort.selectOption('recent');
    await expect.poll(async () => (await names()).slice(0, 5)).toEqual([...WITH_POSTERS.map((a) => a.name).reverse(), SAMPLE[4]!.name]);
    await sort.selectOption('name');
    await expect.poll(async () => (await names()).slice(0, 3)).toEqual(SAMPLE.slice(0, 3).map((a) => a.name));
  });

  it('shows a drawn placeholder with the initials, not alt text, when a poster cannot be loaded', async () => {
    const { daemon, errors } = ui;
    const lost = WITH_POSTERS[3]!;
    // The poster files are gone (a moved media folder, a wiped bucket): actorsData.json still points at them.
    await rm(path.join(path.dirname(daemon.actorsFile), 'media', 'actors', lost.name), { recursive: true });
    // A browser of its own: this one's caches still hold the image.
    const browser = await launchBrowser();
    const page = await browser.context.newPage();
    watchErrors(page, errors);
    await page.goto(daemon.url);
    const fallback = card(page, lost.id).getByRole('img', { name: `Poster unavailable for ${lost.name}` });
    await fallback.waitFor();
    expect(await fallback.textContent()).toMatch(/SA\s*Poster unavailable/);
    expect(await card(page, lost.id).locator('img').count()).toBe(0);
    await screenshot(page, 'poster-unavailable');
    await browser.close();
    // Chromium logs the failed image requests itself (the card's poster, the jobs board's thumbnail); those are expected.
    const logged = errors.splice(0);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((error) => !/status of 404/.test(error))).toEqual([]);
  });

  it('starts nothing when the confirmation is cancelled, by button or Escape, and gives focus back', async () => {
    const { page, daemon } = ui;
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    const jobsBefore = await daemon.jobs();
    const dialog = page.getByRole('dialog', { name: 'Regenerate poster frame?' });

    await cardButton(page, 2).click();
    await dialog.getByText('0002_african_34_male').waitFor();
    // Actor 2 has a poster; the built-in generator uses no LoRA and takes a moment, not a minute.
    expect(await dialog.locator('#message').textContent()).toBe(
      'A new poster for 0002_african_34_male will be drawn by the built-in stand-in generator, which does not use LoRA models. It replaces the current poster once it is ready. This takes a moment.',
    );
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
    await card(page, 1).getByText('Generating · 43% · step 15/30').waitFor();
    // The bar shows the same percent as the text beside it.
    expect(await card(page, 1).getByRole('progressbar').getAttribute('value')).toBe('43');
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
