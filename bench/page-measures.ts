import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';

/*
 * Measurements taken inside Chromium for the UI bench. The page-side functions are passed to
 * page.evaluate as source, so they use no imports and no helpers of their own. tsx names functions
 * with an `__name` helper that does not exist in the page; installPageShims defines it there.
 */

export const installPageShims = (page: Page) => page.addInitScript('window.__name = (f) => f;');

/** Resolves (in the page) with the ms from navigation until the first frame after the first card rendered. */
export const FIRST_CARDS_SCRIPT = `
  window.__firstCardsPainted = new Promise((resolve) => {
    const check = () => {
      const library = document.querySelector('posterframe-app')?.shadowRoot?.querySelector('actor-library');
      const card = library?.shadowRoot?.querySelector('actor-grid')?.shadowRoot?.querySelector('actor-card');
      if (card?.shadowRoot?.querySelector('h3')) requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });`;

/** Sets the search field to `query` and returns the ms until the updated grid has been painted. */
export function timeSearch(page: Page, query: string): Promise<number> {
  return page.evaluate(async (text) => {
    const library = document.querySelector('posterframe-app')!.shadowRoot!.querySelector('actor-library')!;
    const input = library.shadowRoot!.querySelector('input[type="search"]') as HTMLInputElement;
    const start = performance.now();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await library.updateComplete;
    const grid = library.shadowRoot!.querySelector('actor-grid');
    if (grid) {
      await grid.updateComplete;
      await Promise.all([...grid.shadowRoot!.querySelectorAll('actor-card')].map((card) => card.updateComplete));
    }
    // The frame after the one that showed the change.
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    return performance.now() - start;
  }, query);
}

/** Scrolls the window by `step` px every frame for `frames` frames; returns the frame-to-frame times in ms. */
export function scrollFrames(page: Page, step: number, frames: number): Promise<number[]> {
  return page.evaluate(
    ({ step, frames }) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last: number | undefined;
        const tick = (time: number) => {
          if (last !== undefined) deltas.push(time - last);
          last = time;
          if (deltas.length >= frames) return resolve(deltas);
          window.scrollBy(0, step);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { step, frames },
  );
}

/**
 * A clock of the renderer main thread's CPU time in ms (CDP `Performance.getMetrics` ThreadTime). Unlike
 * wall time it hardly grows when other processes compete for the CPU, so it shows the page's own cost
 * on a busy machine.
 */
export async function mainThreadClock(page: Page): Promise<() => Promise<number>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return 1000 * (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN);
  };
}

async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

/** The largest renderer process's resident memory (the tab's), read from /proc (Linux), and the page's JS heap. */
export async function rendererMemory(browser: Browser, page: Page): Promise<{ rendererMiB: number; jsHeapMiB: number }> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const renderers = await Promise.all(processInfo.filter((p) => p.type === 'renderer').map((p) => residentMiB(p.id)));
  const pageSession = await page.context().newCDPSession(page);
  await pageSession.send('Performance.enable');
  const { metrics } = await pageSession.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  return { rendererMiB: Math.max(0, ...renderers), jsHeapMiB: heap / 2 ** 20 };
}
