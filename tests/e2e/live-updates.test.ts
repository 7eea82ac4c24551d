import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.js';
import { card, cardButton, toast, watchErrors } from './page-helpers.js';
import { startTestDaemon, type TestDaemon } from './test-daemon.js';
import { GatedGenerator } from './test-generators.js';

const generator = new GatedGenerator();
let daemon: TestDaemon;
let browser: Browser;
let first: Page;
let second: Page;
let errors: string[];

async function openPage(): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  watchErrors(page, errors);
  await page.goto(daemon.url);
  await page.locator('connection-indicator [data-state="open"]').waitFor();
  return page;
}

beforeAll(async () => {
  daemon = await startTestDaemon({ generator });
  browser = await launchBrowser();
  errors = [];
  first = await openPage();
  second = await openPage();
});

afterEach(() => {
  expect(errors).toEqual([]);
});

afterAll(async () => {
  generator.release();
  await browser?.close();
  await daemon?.close();
});

describe('live updates across pages and sources', () => {
  it("shows one page's regeneration live on another page", async () => {
    generator.hold();
    await card(second, 6).getByText('No poster yet').waitFor();

    await cardButton(first, 6).click();
    await first.getByRole('dialog').getByRole('button', { name: 'Regenerate', exact: true }).click();
    await card(second, 6).getByText('Generating · 50% · step 15/30').waitFor();
    expect(await cardButton(second, 6).getAttribute('aria-disabled')).toBe('true');

    generator.release();
    const poster = card(second, 6).locator('img');
    await poster.waitFor();
    expect(await poster.getAttribute('src')).toMatch(/0006_nordic_52_male_poster_sm\.webp\?v=\w+$/);
    await expect.poll(() => cardButton(second, 6).getAttribute('aria-disabled')).toBe('false');
    await toast(first, 'New poster frame for 0006_nordic_52_male is live.').waitFor();
    // Both pages show the same new version.
    expect(await card(first, 6).locator('img').getAttribute('src')).toBe(await poster.getAttribute('src'));
  });

  it('updates an open page when a request file is dropped into the requests folder', async () => {
    generator.hold();
    const request = {
      actor_id: 7,
      actor_name: '0007_middle_eastern_23_female',
      lora_model_url: 's3://posterframe-models/models/0007_middle_eastern_23_female.safetensors',
      actor_description: 'a Middle Eastern woman with a silk headscarf and a calm gaze',
    };
    // Written beside the folder and renamed in, so the watcher never sees half a file.
    const temp = path.join(path.dirname(daemon.requestsDir), 'actor-7.json');
    await writeFile(temp, JSON.stringify(request));
    await rename(temp, path.join(daemon.requestsDir, 'actor-7.json'));

    await card(first, 7).getByText('Generating · 50% · step 15/30').waitFor();
    await first.locator('job-panel li[data-status="running"]', { hasText: 'via request file' }).waitFor();

    generator.release();
    const poster = card(first, 7).locator('img');
    await poster.waitFor();
    expect(await poster.getAttribute('src')).toMatch(/0007_middle_eastern_23_female_poster_sm\.webp\?v=\w+$/);
    await card(first, 7).getByText('Regenerated just now').waitFor();
    await first.locator('job-panel li[data-status="done"]', { hasText: 'via request file' }).waitFor();
    await card(second, 7).locator('img').waitFor();
  });
});
