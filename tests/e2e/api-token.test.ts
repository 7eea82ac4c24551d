import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserTest } from './browser-test.js';
import { card, cardButton, confirmRegenerate, focusedText, screenshot, toast } from './page-helpers.js';
import { GatedGenerator } from './test-generators.js';

const TOKEN = 's3cret';
const REFUSED = 'Expected an Authorization: Bearer <token> header with the API_TOKEN the daemon was started with';

const ui = useBrowserTest({ overrides: { generator: new GatedGenerator() }, env: { API_TOKEN: TOKEN } });

const tokenDialog = (page: Page) => page.getByRole('dialog', { name: 'API token needed' });

/** Statuses of the regenerate POSTs a page sends, in order. */
function watchPosts(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (response) => response.request().method() === 'POST' && statuses.push(response.status()));
  return statuses;
}

describe('a daemon started with API_TOKEN', () => {
  it('asks for the token, asks again with the reason when it is wrong, then regenerates and keeps it for the tab', async () => {
    const { page, daemon, errors } = ui;
    const posts = watchPosts(page);
    await card(page, 3).getByText('No poster yet').waitFor();

    await confirmRegenerate(page, 3);
    const dialog = tokenDialog(page);
    await dialog.waitFor();
    const field = dialog.getByLabel('API token');
    expect(await field.getAttribute('type')).toBe('password');
    await expect.poll(() => field.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'token-dialog');

    await field.fill('wrong');
    await field.press('Enter');
    await dialog.getByRole('alert').getByText(REFUSED).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe('');
    await screenshot(page, 'token-dialog-refused');

    await field.fill(TOKEN);
    await dialog.getByRole('button', { name: 'Use token' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await toast(page, 'New poster frame for 0003_east_asian_27_female is live.').waitFor();
    expect(await card(page, 3).locator('img').getAttribute('src')).toMatch(/0003_east_asian_27_female_poster_sm\.webp\?v=\w+$/);
    expect(posts).toEqual([401, 401, 202]);
    expect(await page.evaluate(() => sessionStorage.getItem('posterframe.api-token'))).toBe(TOKEN);

    // From now on the page sends the token without asking.
    await confirmRegenerate(page, 4);
    await toast(page, 'New poster frame for 0004_south_asian_45_male is live.').waitFor();
    expect(posts).toEqual([401, 401, 202, 202]);
    expect((await daemon.jobs()).map((job) => [job.actor_id, job.status])).toEqual([
      ['4', 'done'],
      ['3', 'done'],
    ]);
    // Chromium logs each refused request itself; those are expected.
    expect(errors.splice(0)).toEqual([expect.stringMatching(/status of 401/), expect.stringMatching(/status of 401/)]);
  });

  it('starts nothing when the prompt is cancelled: an error toast, the button and focus given back', async () => {
    const { daemon, errors } = ui;
    // A new tab has its own session storage, so no token yet.
    const page = await ui.openPage();
    const jobsBefore = await daemon.jobs();

    await confirmRegenerate(page, 5);
    const dialog = tokenDialog(page);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const error = toast(page, 'Could not regenerate the poster for 0005_latina_31_female');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('enter the API_TOKEN it was started with');
    expect(await cardButton(page, 5).getAttribute('aria-disabled')).toBe('false');
    expect((await cardButton(page, 5).textContent())?.trim()).toBe('🎨 Regenerate Poster');
    expect(await focusedText(page)).toContain('Regenerate Poster');
    expect(await daemon.jobs()).toEqual(jobsBefore);
    expect(errors.splice(0)).toEqual([expect.stringMatching(/status of 401/)]);
  });
});
