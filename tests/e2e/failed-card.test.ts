import { describe, expect, it } from 'vitest';
import { useBrowserTest } from './browser-test.js';
import { card, cardButton, confirmRegenerate, screenshot } from './page-helpers.js';
import { GPU_CRASH, SometimesFailingGenerator } from './test-generators.js';

const generator = new SometimesFailingGenerator();
const ui = useBrowserTest({ overrides: { generator } });
const ACTOR = { id: 11, name: '0011_pacific_islander_29_female' };

describe('a card whose last job failed', () => {
  it('shows the failure with its reason and a Retry button, which regenerates it after the confirmation', async () => {
    const { page, daemon } = ui;
    generator.failing.add(ACTOR.name);
    await confirmRegenerate(page, ACTOR.id);

    const failure = card(page, ACTOR.id).getByRole('status').filter({ hasText: 'Regeneration failed' });
    await failure.waitFor();
    expect(await failure.textContent()).toContain(GPU_CRASH);
    await cardButton(page, ACTOR.id).getByText('Retry').waitFor();
    expect(await cardButton(page, ACTOR.id).getAttribute('aria-disabled')).toBe('false');
    await screenshot(page, 'failed-card');

    // A reload still shows it: the state comes from the actor's newest job, not from this page's memory.
    await page.reload();
    await page.locator('connection-indicator [data-state="open"]').waitFor();
    await failure.waitFor();

    generator.failing.clear();
    await cardButton(page, ACTOR.id).click();
    await page.getByRole('dialog', { name: 'Regenerate poster frame?' }).getByRole('button', { name: 'Regenerate now' }).click();
    await failure.waitFor({ state: 'detached' });
    await card(page, ACTOR.id).getByText('Regenerated just now').waitFor();
    expect((await cardButton(page, ACTOR.id).textContent())?.trim()).toBe('🎨 Regenerate Poster');
    expect((await daemon.jobs()).map((job) => [job.actor_id, job.status])).toEqual([
      [String(ACTOR.id), 'done'],
      [String(ACTOR.id), 'failed'],
    ]);
  });
});
