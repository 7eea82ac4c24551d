import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Actor, HistoryResponse } from '../../shared/api-types.js';
import { useBrowserTest } from './browser-test.js';
import { atPhoneWidth, card, docShot, fitsWidth, openRegenerate, revealCard, screenshot, toast } from './page-helpers.js';
import { regenerateNow } from './test-daemon.js';

type SampleActor = Actor & { id: number; lora_model_url: string; description: string };
const SAMPLE: SampleActor[] = JSON.parse(await readFile(new URL('../../data/samples/actorsData.json', import.meta.url), 'utf8'));
const [FIRST, SECOND, THIRD] = SAMPLE as [SampleActor, SampleActor, SampleActor];

// The built-in generator as the daemon runs it: every regeneration without a seed gets a random one.
const ui = useBrowserTest({
  seed: async (daemon) => {
    for (const actor of [FIRST, SECOND, THIRD]) await regenerateNow(daemon.url, actor);
  },
});

const compareDialog = (page: Page, actor: SampleActor) => page.getByRole('dialog', { name: `Compare posters for ${actor.name}` });
const detailDialog = (page: Page, actor: SampleActor) => page.getByRole('dialog', { name: actor.name });
const slider = (page: Page) => page.getByRole('slider', { name: /^Divider/ });
const posterSrc = (page: Page, actor: SampleActor) => card(page, actor.id).locator('img').getAttribute('src');

async function history(actor: SampleActor): Promise<HistoryResponse> {
  return (await (await fetch(`${ui.daemon.url}/api/actors/${actor.id}/history`)).json()) as HistoryResponse;
}

/** Starts a preview of an actor's poster and waits for its compare view. */
async function preview(page: Page, actor: SampleActor): Promise<Locator> {
  await (await openRegenerate(page, actor.id)).getByRole('button', { name: 'Preview first' }).click();
  await toast(page, `Making a preview poster for ${actor.name}...`).waitFor();
  const compare = compareDialog(page, actor);
  await compare.waitFor();
  return compare;
}

/** Waits until both images of the compare view have loaded. */
async function loaded(images: Locator): Promise<void> {
  await expect
    .poll(() => images.evaluateAll((all: HTMLImageElement[]) => all.length > 0 && all.every((img) => img.complete && img.naturalWidth > 0)))
    .toBe(true);
}

describe('poster versions in Chromium', () => {
  it('previews first: the compare view splits old and new at a slider moved by drag and keys; Accept publishes', async () => {
    const { page } = ui;
    const oldSrc = await (await revealCard(page, FIRST.id)).locator('img').getAttribute('src');
    const compare = await preview(page, FIRST);
    await loaded(compare.locator('compare-slider img'));
    // Nothing is published by a preview: the card keeps its poster.
    expect(await posterSrc(page, FIRST)).toBe(oldSrc);
    const [current, candidate] = await compare.locator('compare-slider img').evaluateAll((all: HTMLImageElement[]) => all.map((img) => img.src));
    expect(new URL(current!).pathname).toBe(new URL(oldSrc!, ui.daemon.url).pathname.replace('_sm.webp', '_lg.webp'));
    expect(candidate).toMatch(/\/poster_frame\/history\/[^/]+\/0001_european_20_female_poster_lg\.webp/);
    await compare.getByText(/^New poster: Cinematic portrait · seed \d+$/).waitFor();
    await docShot(page, 'compare-view');
    await atPhoneWidth(page, async () => {
      // On a phone the whole comparison and its three decisions stay on screen, side by side scrolling never needed.
      await fitsWidth(page, compare.locator('compare-slider'));
      for (const name of ['Decide later', 'Discard', 'Accept']) await fitsWidth(page, compare.getByRole('button', { name }));
      await docShot(page, 'compare-view-390');
    });

    // Keyboard: focus starts on the divider.
    const divider = slider(page);
    expect(await divider.evaluate((input) => input.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await divider.inputValue()).toBe('52');
    await page.keyboard.press('Home');
    expect(await divider.inputValue()).toBe('0');
    await page.keyboard.press('End');
    expect(await divider.inputValue()).toBe('100');
    expect(await divider.getAttribute('aria-valuetext')).toBe('100% current, 0% new');

    // Pointer: drag the divider to a quarter of the frame; the new poster shows right of it.
    const box = (await compare.locator('compare-slider').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    expect(Number(await divider.inputValue())).toBeCloseTo(25, -0.5);
    const clip = await compare.locator('compare-slider img.after').evaluate((img) => getComputedStyle(img).clipPath);
    expect(clip).toMatch(/^inset\(0px 0px 0px (2[4-6]|2[4-6]\.\d+)%\)$/);
    await screenshot(page, 'compare-view-dragged');

    await compare.getByRole('button', { name: 'Accept' }).click();
    await compare.waitFor({ state: 'hidden' });
    await page.locator('toast-stack li', { hasText: new RegExp(`New poster frame for ${FIRST.name} is live\\. Made with seed \\d+\\.`) }).waitFor();
    await expect.poll(() => posterSrc(page, FIRST)).not.toBe(oldSrc);
    const versions = (await history(FIRST)).versions;
    expect(versions[0]).toMatchObject({ current: true, state: 'published' });
  });

  it('keeps a preview for later, finds it in the history strip, and discards it: the poster stays, the files go', async () => {
    const { page } = ui;
    const before = await posterSrc(page, THIRD);
    const compare = await preview(page, THIRD);
    await compare.getByRole('button', { name: 'Decide later' }).click();
    await compare.waitFor({ state: 'hidden' });
    const previewed = (await history(THIRD)).versions.find((v) => v.state === 'preview')!;
    expect(previewed).toBeDefined();

    await card(page, THIRD.id).getByRole('button', { name: 'History' }).click();
    const detail = detailDialog(page, THIRD);
    const pending = detail.locator(`history-strip li[data-version="${previewed.version}"]`);
    await pending.getByText('Preview', { exact: true }).waitFor();
    await pending.getByRole('button', { name: /^Compare the preview of / }).click();
    await compare.waitFor();
    await compare.getByRole('button', { name: 'Discard' }).click();
    await toast(page, `Discarded the preview for ${THIRD.name}; the current poster stays.`).waitFor();
    // The strip refreshes: the discarded version is left out.
    await pending.waitFor({ state: 'detached' });
    await detail.getByRole('button', { name: 'Close' }).click();
    await detail.waitFor({ state: 'hidden' });

    expect(await posterSrc(page, THIRD)).toBe(before);
    expect((await history(THIRD)).versions.find((v) => v.version === previewed.version)?.state ?? 'gone').toMatch(/^(discarded|gone)$/);
    expect((await fetch(new URL(previewed.poster_frames.standard.webp_sm, ui.daemon.url))).status).toBe(404);
  });

  it('reverts from the history strip to the previous poster, and back', async () => {
    const { page } = ui;
    const original = (await history(FIRST)).versions.find((v) => !v.current && v.state === 'published')!;
    expect(original).toBeDefined();
    const accepted = await posterSrc(page, FIRST);
    await card(page, FIRST.id).getByRole('button', { name: 'History' }).click();
    const detail = detailDialog(page, FIRST);
    const strip = detail.locator('history-strip li');
    await expect.poll(() => strip.count()).toBeGreaterThanOrEqual(2);
    const currentItem = detail.locator('history-strip li[aria-current="true"]');
    await currentItem.getByText('Current').waitFor();
    await loaded(strip.locator('img'));
    await docShot(page, 'history-strip');
    await atPhoneWidth(page, async () => {
      await fitsWidth(page, currentItem);
      await fitsWidth(page, detail.getByRole('button', { name: 'Close' }));
      await docShot(page, 'history-strip-390');
    });

    const target = detail.locator(`history-strip li[data-version="${original.version}"]`);
    await target.getByRole('button', { name: /^Revert to the poster of / }).click();
    await toast(page, `Reverted the poster of ${FIRST.name}.`).waitFor();
    await expect.poll(() => target.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => posterSrc(page, FIRST)).not.toBe(accepted);
    expect((await history(FIRST)).versions.find((v) => v.current)?.version).toBe(original.version);

    // The revert can be undone: revert to the accepted version again.
    const acceptedVersion = (await history(FIRST)).versions.find((v) => v.state === 'published' && !v.current && v.version !== original.version)!;
    await detail
      .locator(`history-strip li[data-version="${acceptedVersion.version}"]`)
      .getByRole('button', { name: /^Revert/ })
      .click();
    await expect.poll(async () => (await history(FIRST)).versions.find((v) => v.current)?.version).toBe(acceptedVersion.version);
    await expect.poll(() => posterSrc(page, FIRST)).toBe(accepted);
    await detail.getByRole('button', { name: 'Close' }).click();
    await detail.waitFor({ state: 'hidden' });
  });
});
