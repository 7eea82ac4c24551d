import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor, Batch } from '../../shared/api-types.js';
import { useBrowserTest } from './browser-test.js';
import { card, docShot, revealCard } from './page-helpers.js';
import { GatedGenerator } from './test-generators.js';

const generator = new GatedGenerator();
const ui = useBrowserTest({ overrides: { generator }, viewport: { width: 1440, height: 900 } });
afterAll(() => generator.release());

const checkbox = (page: Page, id: number) => card(page, id).getByRole('checkbox');
const selectionCount = (page: Page) => page.locator('selection-bar .count').textContent();
const libraryBar = (page: Page): Locator => page.locator('actor-library batch-bar section');

/** The bar's value and the percent its text starts with: the two must always agree. */
async function barAndText(bar: Locator): Promise<[number, number]> {
  const value = await bar.locator('progress').evaluate((p: HTMLProgressElement) => p.value);
  const text = (await bar.locator('.text').textContent()) ?? '';
  return [value, Number(/^(\d+)%/.exec(text)?.[1])];
}

describe('batches in Chromium', () => {
  it('selects cards by click, shift-click range and "select all matching", and clears them', async () => {
    const { page } = ui;
    await checkbox(page, 1).click();
    await checkbox(page, 4).click({ modifiers: ['Shift'] });
    expect(await selectionCount(page)).toBe('4 selected');
    expect(await Promise.all([1, 2, 3, 4, 5].map((id) => checkbox(page, id).isChecked()))).toEqual([true, true, true, true, false]);
    // A shift-click on a selected card unselects the range back to it.
    await checkbox(page, 3).click();
    await checkbox(page, 2).click({ modifiers: ['Shift'] });
    expect(await selectionCount(page)).toBe('2 selected');

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('searchbox', { name: 'Search by name or description' }).fill('east asian');
    await page.getByRole('button', { name: 'Select all 2 matching' }).click();
    expect(await selectionCount(page)).toBe('2 selected');
    await page.getByRole('searchbox', { name: 'Search by name or description' }).fill('');
    expect(await checkbox(page, 3).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await selectionCount(page)).toBe('Select cards to regenerate several at once');
  });

  it('regenerates the selected actors as one batch with one progress bar, and cancels it: nothing is published', async () => {
    const { page, daemon } = ui;
    generator.hold();
    await checkbox(page, 1).click();
    await checkbox(page, 3).click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Regenerate selected (3)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Regenerate 3 posters?' });
    expect(await dialog.textContent()).toContain('A new poster for each of the 3 actors');
    await dialog.getByRole('button', { name: 'Regenerate now' }).click();

    const bar = libraryBar(page);
    await bar.locator('.text', { hasText: '0 of 3 done' }).waitFor();
    await card(page, 1).locator('.progress').waitFor();
    const [value, text] = await barAndText(bar);
    expect(value).toBe(text);
    expect(value).toBeGreaterThan(0);
    expect(await selectionCount(page)).toBe('Select cards to regenerate several at once');
    const batchId = (await bar.getAttribute('data-batch-id'))!;
    await page.locator(`job-panel li[data-batch-id="${batchId}"] li[data-status="running"]`).first().waitFor();
    await docShot(page, 'batch-progress-1440');

    await bar.getByRole('button', { name: 'Cancel batch' }).click();
    await page.locator('actor-library batch-bar section[data-status="cancelled"]').waitFor();
    expect(await barAndText(bar)).toEqual([100, 100]);
    expect(await bar.locator('.text').textContent()).toBe('100% · 0 of 3 done · 3 cancelled');
    const batch = (await (await fetch(`${daemon.url}/api/batches/${batchId}`)).json()) as Batch;
    expect(batch.jobs.map((job) => job.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    // The gate opens after the cancel: the cancelled jobs stay cancelled and publish nothing.
    generator.release();
    const actors = JSON.parse(await readFile(daemon.actorsFile, 'utf8').catch(() => '[]')) as Actor[];
    expect(actors.filter((actor) => actor.poster_updated_at)).toEqual([]);
    expect((await daemon.jobs()).map((job) => job.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    await page.locator(`job-panel li[data-batch-id="${batchId}"] li[data-status="cancelled"]`).nth(2).waitFor();
  });

  it('retries what a batch did not finish, as a new batch that completes', async () => {
    const { page } = ui;
    const bar = libraryBar(page);
    await bar.getByRole('button', { name: 'Retry 3 cancelled' }).click();
    await page.locator('actor-library batch-bar section[data-status="done"]').waitFor();
    expect(await bar.locator('.text').textContent()).toBe('100% · 3 of 3 done');
    for (const id of [1, 2, 3]) await card(page, id).getByText('Regenerated just now').waitFor();
  });

  it('fits a phone: the batch bar above the grid, the jobs board one tap away', async () => {
    const { page } = ui;
    generator.hold();
    await page.setViewportSize({ width: 390, height: 844 });
    await revealCard(page, 5);
    await checkbox(page, 5).click();
    await checkbox(page, 7).click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Regenerate selected (3)' }).click();
    await page.getByRole('dialog', { name: 'Regenerate 3 posters?' }).getByRole('button', { name: 'Regenerate now' }).click();
    await libraryBar(page).locator('.text', { hasText: '0 of 3 done' }).waitFor();
    await (await revealCard(page, 5)).locator('.progress').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await docShot(page, 'batch-progress-390');

    await page.getByRole('button', { name: /^Jobs · 3 active/ }).click();
    await page.locator('job-panel li[data-status="running"]').first().waitFor();
    await docShot(page, 'jobs-board-390');
    await page.locator('job-panel').getByRole('button', { name: 'Active 3' }).click();
    await page.locator('job-panel').getByRole('button', { name: 'Cancel', exact: true }).first().click();
    await page.locator('job-panel').getByRole('button', { name: 'Active 2' }).waitFor();
    await page.locator('job-panel').getByRole('button', { name: 'Close jobs' }).click();
    generator.release();
    // One job cancelled, two published: the batch settles with one to retry.
    await libraryBar(page).getByRole('button', { name: 'Retry 1 cancelled' }).waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('job-panel').getByRole('button', { name: /^All/ }).click();
    await docShot(page, 'jobs-board-1440');
  });
});
