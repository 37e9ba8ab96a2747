/**
 * Scenario texts in the reader's language: the tutorial carries Kiswahili versions of its texts, and the game
 * shows them when the interface is in Kiswahili, the English ones otherwise (src/ui/sceneText.ts). The engine's
 * text (and so the record) stays English either way. Screenshot: test/artifacts/scenario-texts-sw.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser, startPreviewServer, type PreviewServer } from './harness';

/** Starts the tutorial in `lang` and waits for its first step (select the portal) to hold the clock. */
async function firstStep(page: Page, url: string, lang: string): Promise<void> {
  await page.goto(`${url}?test=1&fast=60&seed=7&scenario=tutorial&lang=${lang}`);
  await page.waitForSelector('#start-button:not([disabled])', { timeout: 60_000 });
  await page.click('#start-button');
  await page.waitForFunction(() => window.__cascade?.screen() === 'city');
  await page.keyboard.press('Space');
  await page.waitForSelector('#coach[data-step="map-hint"]:not([hidden])', { timeout: 60_000 });
}

describe('scenario texts in the interface language', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreviewServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the tutorial in Kiswahili under a Kiswahili interface, in English under English', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await firstStep(page, server.url, 'sw');
    expect(await page.textContent('#coach-text')).toMatch(/^Ramani inaonyesha huduma tano/);
    expect(await page.locator('#feed .feed-item .text').first().textContent()).toContain('Karibu, kamanda.');
    await page.screenshot({ path: artifactPath('scenario-texts-sw.png') });

    await firstStep(page, server.url, 'en');
    expect(await page.textContent('#coach-text')).toMatch(/^The map shows five services/);
    expect(await page.locator('#feed .feed-item .text').first().textContent()).toContain(
      'Welcome, commander.',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
