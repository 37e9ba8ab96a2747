/**
 * The fallback a fresh machine uses: the Chromium inside the @sparticuz/chromium devDependency. The rest of the
 * suite uses whichever Chromium ./chromium.ts finds first (CI installs Debian's); this file always drives the
 * bundled one, so `npm install && npm test` on a machine without a browser stays proven on every run.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledChromium } from './chromium';
import { launchBrowser, startPreviewServer, type PreviewServer } from './harness';

describe('the bundled Chromium (no system browser needed)', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;

  beforeAll(async () => {
    browser = await launchBrowser({}, bundledChromium());
    server = await startPreviewServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('starts, renders WebGL, and opens the menu with a valid language tag and no page error', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server.url}?test=1`);
    await page.waitForSelector('#start-button:not([disabled])');
    const facts = await page.evaluate(() => ({
      webgl: document.createElement('canvas').getContext('webgl') !== null,
      language: navigator.language,
      // Throws on a tag such as "en-US@posix" (what this build reports under LANG=C.UTF-8 without the fix).
      languageValid: Intl.getCanonicalLocales(navigator.language).length === 1,
    }));
    expect(facts).toEqual({ webgl: true, language: 'en-US', languageValid: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
