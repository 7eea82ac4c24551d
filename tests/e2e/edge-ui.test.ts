import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { launchBrowser, type Browser } from '../support/browser.js';
import { sampleActors } from '../support/sample-actors.js';
import { startTestEdge, type TestEdge } from '../support/start-test-edge.js';
import { card, confirmRegenerate, toast, watchErrors } from './page-helpers.js';

const ACTORS: Actor[] = sampleActors(3);

let t: TestEdge;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  t = await startTestEdge({ actors: ACTORS });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  watchErrors(page, errors);
});

afterAll(async () => {
  await browser?.close();
  await t?.dispose();
});

describe('the web UI served by the edge Worker', () => {
  it('loads the library from the Worker and regenerates a poster through it', async () => {
    await page.goto(t.edge.url);
    await page.locator('connection-indicator [data-state="open"]').waitFor();
    await card(page, 2).waitFor();

    await confirmRegenerate(page, 2);
    await toast(page, `New poster frame for ${ACTORS[1]!.name} is live.`).waitFor();

    const poster = card(page, 2).locator('img').first();
    await expect.poll(() => poster.getAttribute('src')).toContain(`${t.edge.url}/media/actors/${ACTORS[1]!.name}/poster_frame/`);
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(errors).toEqual([]);
  });
});
