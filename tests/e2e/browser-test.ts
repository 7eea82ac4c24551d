import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.js';
import { watchErrors } from './page-helpers.js';
import { startTestDaemon, type TestDaemon, type TestDaemonOptions } from './test-daemon.js';

/** What a browser test file works with; filled in by the `beforeAll` that {@link useBrowserTest} registers. */
export interface BrowserTest {
  daemon: TestDaemon;
  browser: Browser;
  /** The first page, open on the library with the live feed connected. */
  page: Page;
  /** Errors of every page opened here; each test must leave it empty (splice out the expected ones). */
  errors: string[];
  /** Opens another tab on the library and waits for its live feed. */
  openPage(): Promise<Page>;
}

export interface BrowserTestOptions extends TestDaemonOptions {
  /** Defaults to launchBrowser's 1280×900. */
  viewport?: { width: number; height: number };
  /** Runs once the daemon is up, before any page opens (to seed posters). */
  seed?: (daemon: TestDaemon) => Promise<void>;
}

/**
 * Registers the hooks every browser test file needs: a test daemon and Chromium with one page open
 * before the tests, a check after each test that no page logged an error, and cleanup after all.
 * Call it once at the top of a test file.
 *
 * @example const ui = useBrowserTest({ overrides: { generator } }); // then ui.page, ui.daemon in tests
 */
export function useBrowserTest(options: BrowserTestOptions = {}): BrowserTest {
  const test = { errors: [] as string[] } as BrowserTest;
  test.openPage = async () => {
    const page = await test.browser.context.newPage();
    page.setDefaultTimeout(10_000);
    watchErrors(page, test.errors);
    await page.goto(test.daemon.url);
    await page.locator('connection-indicator [data-state="open"]').waitFor();
    return page;
  };

  beforeAll(async () => {
    test.daemon = await startTestDaemon(options);
    await options.seed?.(test.daemon);
    test.browser = await launchBrowser(options.viewport);
    test.page = await test.openPage();
  });

  afterEach(() => {
    expect(test.errors).toEqual([]);
  });

  afterAll(async () => {
    await test.browser?.close();
    await test.daemon?.close();
  });

  return test;
}
