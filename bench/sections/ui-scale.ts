import os from 'node:os';
import { chromium } from 'playwright-core';
import { generatedLibrary } from '../../tests/support/generated-library.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/browser.js';
import { startTestDaemon } from '../../tests/e2e/test-daemon.js';
import { FIRST_CARDS_SCRIPT, installPageShims, mainThreadClock, rendererMemory, scrollFrames, timeSearch } from '../page-measures.js';
import type { BenchSection } from '../section.js';
import { quantile } from '../stats.js';

const ACTORS = 10_000;
const LOADS = 5;
/** Typed one key at a time, then cleared in one go (the 8 s case). */
const QUERY = 'nordic freckles';
const SCROLLS = [
  { name: 'smooth', step: 40 },
  { name: 'fling', step: 900 },
];
const FRAMES = 180;

const ms = (value: number) => `${value.toFixed(0)} ms`;
const over = (deltas: number[], limit: number) => `${((100 * deltas.filter((d) => d > limit).length) / deltas.length).toFixed(0)}%`;

/** The web UI with a 10,000-actor library in headless Chromium at 1280×900: first paint, search, scrolling, memory. */
const section: BenchSection = {
  name: 'ui-scale',
  title: `Web UI, ${ACTORS.toLocaleString('en-US')} actors in Chromium (1280×900)`,
  async run() {
    const daemon = await startTestDaemon({ actors: generatedLibrary(ACTORS) });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await installPageShims(page);
      await page.addInitScript(FIRST_CARDS_SCRIPT);
      const firstCards: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        await page.goto(daemon.url);
        firstCards.push(await page.evaluate(() => (window as unknown as { __firstCardsPainted: Promise<number> }).__firstCardsPainted));
      }
      await page.locator('actor-card').first().waitFor();

      const cpu = await mainThreadClock(page);
      const keystrokes: number[] = [];
      let cpuStart = await cpu();
      for (let i = 1; i <= QUERY.length; i++) keystrokes.push(await timeSearch(page, QUERY.slice(0, i)));
      const keystrokeCpu = ((await cpu()) - cpuStart) / QUERY.length;
      cpuStart = await cpu();
      const clear = await timeSearch(page, '');
      const clearCpu = (await cpu()) - cpuStart;

      const scroll = [];
      for (const { name, step } of SCROLLS) {
        cpuStart = await cpu();
        const deltas = await scrollFrames(page, step, FRAMES);
        scroll.push({ name, step, deltas, cpuPerFrame: ((await cpu()) - cpuStart) / FRAMES });
      }
      const cardsInDom = await page.locator('actor-card').count();
      const memory = await rendererMemory(browser, page);

      const frameRows = scroll.map(({ name, step, deltas, cpuPerFrame }) => ({
        metric: `scroll frames, ${name} (${step} px/frame)`,
        value: `median ${ms(quantile(deltas, 0.5))}, p95 ${ms(quantile(deltas, 0.95))}; ${over(deltas, 17)} > 17 ms, ${over(deltas, 33)} > 33 ms; main thread ${cpuPerFrame.toFixed(1)} ms CPU/frame`,
        target: 'smooth (≤ 17 ms)',
      }));
      return {
        rows: [
          {
            metric: 'first cards painted (from navigation)',
            value: `median ${ms(quantile(firstCards, 0.5))}, max ${ms(Math.max(...firstCards))} (n=${LOADS})`,
            target: '< 1000 ms',
          },
          {
            metric: `search keystroke → grid painted ("${QUERY}")`,
            value: `median ${ms(quantile(keystrokes, 0.5))}, max ${ms(Math.max(...keystrokes))}; main thread ${keystrokeCpu.toFixed(1)} ms CPU/keystroke`,
            target: '< 50 ms',
          },
          { metric: 'clear the search → all 10,000 back', value: `${ms(clear)}; main thread ${clearCpu.toFixed(1)} ms CPU`, target: '< 50 ms' },
          ...frameRows,
          { metric: 'machine load (1-min average, 2 cores = 2.0 busy)', value: os.loadavg()[0]!.toFixed(1) },
          {
            metric: 'renderer memory after load, search, scroll',
            value: `${memory.rendererMiB.toFixed(0)} MiB RSS, JS heap ${memory.jsHeapMiB.toFixed(0)} MiB; ${cardsInDom} cards in the DOM`,
          },
        ],
        data: {
          actors: ACTORS,
          firstCardsMs: firstCards,
          keystrokeMs: keystrokes,
          keystrokeMainThreadCpuMs: keystrokeCpu,
          clearMs: clear,
          clearMainThreadCpuMs: clearCpu,
          scroll: scroll.map(({ name, step, deltas, cpuPerFrame }) => ({
            name,
            step,
            p50Ms: quantile(deltas, 0.5),
            p95Ms: quantile(deltas, 0.95),
            over33: over(deltas, 33),
            mainThreadCpuMsPerFrame: cpuPerFrame,
          })),
          loadAverage: os.loadavg()[0],
          ...memory,
          cardsInDom,
        },
      };
    } finally {
      await browser.close();
      await daemon.close();
    }
  },
};
export default section;
