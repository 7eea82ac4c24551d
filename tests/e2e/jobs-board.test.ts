import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserTest } from './browser-test.js';
import { card, cardButton, confirmRegenerate, screenshot, toast } from './page-helpers.js';
import { GatedGenerator } from './test-generators.js';

const generator = new GatedGenerator();
const ui = useBrowserTest({ overrides: { generator }, viewport: { width: 1440, height: 900 } });
afterAll(() => generator.release());

const board = (page: import('playwright-core').Page) => page.locator('job-panel');

describe('the jobs board', () => {
  it('cancels a running job from its row, retries it from the cancelled row, and filters by status', async () => {
    const { page, daemon } = ui;
    generator.hold();
    await confirmRegenerate(page, 2);
    const running = board(page).locator('li[data-status="running"]');
    await running.waitFor();
    // The row's bar and its text show the same percent.
    const value = await running.locator('progress').evaluate((p: HTMLProgressElement) => p.value);
    expect(await running.locator('.main').textContent()).toContain(`Generating · ${value}% · step 15/30`);

    await running.getByRole('button', { name: 'Cancel' }).click();
    const cancelled = board(page).locator('li[data-status="cancelled"]');
    await cancelled.waitFor();
    await expect.poll(async () => (await daemon.jobs()).map((job) => job.status), { timeout: 10_000 }).toEqual(['cancelled']);
    expect(await cardButton(page, 2).getAttribute('aria-disabled')).toBe('false');
    await toast(page, 'Regeneration of 0002_african_34_male cancelled; its poster is unchanged.').waitFor();

    generator.release();
    await cancelled.getByRole('button', { name: 'Retry' }).click();
    const done = board(page).locator('li[data-status="done"]');
    await done.waitFor();
    // The row shows the new poster's thumbnail, the seed it ran with and how long it took.
    await expect
      .poll(() => done.locator('img.thumb').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await done.locator('.facts').textContent()).toMatch(/seed \d+.* \d+\.\d s/);
    await card(page, 2).getByText('Regenerated just now').waitFor();

    await board(page).getByRole('button', { name: 'Cancelled 1' }).click();
    await expect.poll(() => board(page).locator('li[data-job-id]').count(), { timeout: 10_000 }).toBe(1);
    expect(await board(page).locator('li[data-job-id]').getAttribute('data-status')).toBe('cancelled');
    await board(page).getByRole('button', { name: 'Done 1' }).click();
    await expect.poll(() => board(page).locator('li[data-job-id]').getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    await board(page).getByRole('button', { name: 'All 2' }).click();
    await screenshot(page, 'jobs-board');
  });
});
