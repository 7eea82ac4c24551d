import { copyFile, rename } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useBrowserTest } from './browser-test.js';
import { card, screenshot } from './page-helpers.js';

const ui = useBrowserTest({ actors: null, viewport: { width: 360, height: 800 } });

describe('a DATA_DIR without an actors file, on a 360 px wide screen', () => {
  it('says how to load your own actors or the samples, then shows them as soon as the file is written', async () => {
    const { page, daemon } = ui;
    const empty = page.locator('empty-library');
    await empty.getByRole('heading', { name: 'No actors yet' }).waitFor();
    const text = await empty.locator('div').textContent();
    expect(text).toContain('The daemon’s data folder (DATA_DIR) has no actorsData.json.');
    expect(text).toContain('Put your own actorsData.json there');
    expect(text).toContain('cp data/samples/actorsData.json "$DATA_DIR/actorsData.json"');
    expect(await page.getByText(/matches “”/).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'empty-library-360px');

    // Written beside and renamed in, so the daemon never reads half a file.
    const temp = `${daemon.actorsFile}.partial`;
    await copyFile(new URL('../../data/samples/actorsData.json', import.meta.url), temp);
    await rename(temp, daemon.actorsFile);
    // The daemon's watcher may import the file and the page show the actors before the click lands: the
    // empty state (and its button) is then gone, which is the outcome the button is for.
    await empty
      .getByRole('button', { name: 'Check again' })
      .click({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        if ((await empty.count()) > 0) throw error;
      });
    await card(page, 1).getByRole('img', { name: 'No poster yet for 0001_european_20_female' }).waitFor();
    await page.getByText('14 actors', { exact: true }).waitFor();
    expect(await empty.count()).toBe(0);
  });
});
