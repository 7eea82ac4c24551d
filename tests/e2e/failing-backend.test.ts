import { describe, expect, it } from 'vitest';
import { useBrowserTest } from './browser-test.js';
import { card, cardButton, confirmRegenerate, revealCard, screenshot, toast } from './page-helpers.js';
import { GPU_CRASH, failingGenerator } from './test-generators.js';

const ui = useBrowserTest({ overrides: { generator: failingGenerator }, viewport: { width: 360, height: 800 } });

describe('a failing backend, on a 360 px wide screen', () => {
  it("shows the server's reason in an error toast and on the card, whose button offers a retry", async () => {
    const { page, daemon } = ui;
    await confirmRegenerate(page, 5);
    await toast(page, 'Regenerating poster frame for 0005_latina_31_female...').waitFor();

    const error = toast(page, GPU_CRASH);
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('Could not regenerate the poster for 0005_latina_31_female');
    await expect.poll(() => cardButton(page, 5).getAttribute('aria-disabled')).toBe('false');
    expect((await cardButton(page, 5).textContent())?.trim()).toBe('↻ Retry');
    expect(await card(page, 5).getByRole('status').filter({ hasText: 'Regeneration failed' }).textContent()).toContain(GPU_CRASH);
    // On a phone the jobs board is a button in the corner, reachable without scrolling past the grid.
    await page.getByRole('button', { name: 'Jobs' }).click();
    await page.locator('job-panel li[data-status="failed"]', { hasText: GPU_CRASH }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('job-panel li[data-status="failed"]').waitFor({ state: 'hidden' });

    const jobs = await daemon.jobs();
    expect(jobs.map((j) => [j.actor_id, j.status, j.error?.message])).toEqual([['5', 'failed', GPU_CRASH]]);
    // Nothing on the page is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'error-360px');
  });

  it('dismisses a toast with its button', async () => {
    const { page } = ui;
    const error = toast(page, GPU_CRASH);
    await error.getByRole('button', { name: 'Dismiss notification' }).click();
    await error.waitFor({ state: 'detached' });
  });

  it("shows the server's validation message when a request is refused outright", async () => {
    const { page, daemon, errors } = ui;
    // A card asks for an actor whose fields the daemon refuses: the POST itself fails with 400, no job is made.
    await (await revealCard(page, 1)).evaluate((element) => {
      const actor = { id: 1, name: '../etc', lora_model_url: 'ftp://x' };
      element.dispatchEvent(new CustomEvent('pf-regenerate', { detail: { actor }, bubbles: true, composed: true }));
    });
    await page.getByRole('dialog', { name: 'Regenerate poster frame?' }).getByRole('button', { name: 'Regenerate now' }).click();
    const refused = page.locator('toast-stack li[role="alert"]', { hasText: 'Could not regenerate the poster for ../etc' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/actor_name: Expected .*lora_model_url: Expected/);
    expect((await daemon.jobs()).length).toBe(1);
    expect(await cardButton(page, 1).getAttribute('aria-disabled')).toBe('false');
    // Chromium logs the refused request itself; that one is expected.
    expect(errors.splice(0)).toEqual([expect.stringMatching(/status of 400/)]);
  });
});
