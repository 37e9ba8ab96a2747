import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, startPreviewServer, type PreviewServer } from './harness';

describe('smoke: built game in Chromium', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;

  beforeAll(async () => {
    browser = await launchBrowser(); // first: fails fast if Chromium is missing
    server = await startPreviewServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves index.html with a "Cascade" title, without uncaught page errors', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? String(error)));

    const response = await page.goto(server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Cascade');

    await page.screenshot({ path: artifactPath('smoke.png') });
    expect(pageErrors).toEqual([]);
  });
});
