import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserTest } from './browser-test.js';
import { card, cardButton, confirmRegenerate, toast } from './page-helpers.js';
import { GatedGenerator } from './test-generators.js';

const generator = new GatedGenerator();
const ui = useBrowserTest({ overrides: { generator } });
let second: Page;

beforeAll(async () => {
  second = await ui.openPage();
});

afterAll(() => generator.release());

describe('live updates across pages and sources', () => {
  it("shows one page's regeneration live on another page", async () => {
    const first = ui.page;
    generator.hold();
    await card(second, 6).getByText('No poster yet').waitFor();

    await confirmRegenerate(first, 6);
    await card(second, 6).getByText('Generating · 43% · step 15/30').waitFor();
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
    const { page: first, daemon } = ui;
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

    await card(first, 7).getByText('Generating · 43% · step 15/30').waitFor();
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
