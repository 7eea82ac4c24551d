import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { useBrowserTest } from './browser-test.js';
import { openRegenerate, revealCard, screenshot, toast, watchErrors } from './page-helpers.js';
import { regenerateNow } from './test-daemon.js';

type SampleActor = Actor & { id: number; lora_model_url: string; description: string };
const SAMPLE: SampleActor[] = JSON.parse(await readFile(new URL('../../data/samples/actorsData.json', import.meta.url), 'utf8'));
const [FIRST, SECOND] = SAMPLE as [SampleActor, SampleActor];

const ui = useBrowserTest({
  seed: async (daemon) => {
    for (const actor of [FIRST, SECOND]) await regenerateNow(daemon.url, actor);
  },
});

describe('regenerate options and placeholders in Chromium', () => {
  it('regenerates now with the chosen style and seed, and refuses a seed that is not one', async () => {
    const { page, daemon } = ui;
    const dialog = await openRegenerate(page, SECOND.id);
    await dialog.getByLabel('Style').selectOption({ label: 'Film noir' });
    await dialog.getByText('Black and white, hard low-key light').waitFor();
    await dialog.getByLabel('Seed').fill('12.5');
    // Enter in the seed field is "Preview first" (the first submit button), never Cancel; the bad seed stops it.
    await dialog.getByLabel('Seed').press('Enter');
    await dialog.getByRole('alert').getByText('Expected a whole number from 0 to 4294967295 for seed but received "12.5"').waitFor();
    expect(await dialog.getByLabel('Seed').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'regenerate-dialog-bad-seed');
    expect((await daemon.jobs()).filter((job) => job.source === 'api').length).toBe(2);

    await dialog.getByLabel('Seed').fill('4242');
    await dialog.getByRole('button', { name: 'Regenerate now' }).click();
    await toast(page, `New poster frame for ${SECOND.name} is live. Made with seed 4242.`).waitFor();
    const job = (await daemon.jobs()).find((j) => j.actor_id === String(SECOND.id) && j.request.params);
    expect(job?.request).toMatchObject({ params: { style: 'film-noir', seed: 4242 } });
    expect(job?.params).toMatchObject({ style: 'film-noir', seed: 4242 });
    expect(job?.mode).toBe('publish');
  });

  it('paints the ThumbHash placeholder behind a poster until the image arrives', async () => {
    const { daemon, browser, errors } = ui;
    const actors = (await (await fetch(`${daemon.url}/api/actors`)).json()) as Actor[];
    expect(actors.find((a) => a.id === FIRST.id)?.poster_frames?.placeholder).toMatch(/^[A-Za-z0-9+/]+=*$/);

    // A page whose poster downloads are held: the card shows the placeholder, then the image over it.
    const page = await browser.context.newPage();
    watchErrors(page, errors);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/_poster_\w+\.webp/, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(daemon.url);
      const poster = (await revealCard(page, FIRST.id)).locator('img');
      expect(await poster.evaluate((img: HTMLImageElement) => img.complete)).toBe(false);
      expect(await poster.evaluate((img) => getComputedStyle(img).backgroundImage)).toMatch(/^url\("data:image\/png;base64,/);
      await screenshot(page, 'placeholder-while-loading');
      release();
      await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    } finally {
      release();
      await page.close();
    }
  });
});
