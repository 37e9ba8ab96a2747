/**
 * The map's hover tooltip in Chromium: it shows on hover without covering any other service, and a click
 * hides it (the side panel now shows the service) until the pointer leaves and comes back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlapArea } from '../../scenes/layout/rects';
import type { CascadeTestHook, MapLayoutView } from '../../src/ui/testHook';
import { launchBrowser, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const tooltipShown = (page: Page, shown: boolean) =>
  page.waitForFunction(
    (want) => window.__cascade!.mapLayout!().items.some((i) => i.id === 'tooltip') === want,
    shown,
  );

describe('map tooltip in Chromium', () => {
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

  it('shows on hover without covering another service, hides after a click, shows again on a new hover', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}?test=1&fast=60&seed=7`);
    await page.waitForSelector('#start-button:not([disabled])');
    await page.click('#start-button');
    await page.waitForFunction(
      () => window.__cascade?.screen() === 'city' && window.__cascade.mapLayout !== null,
    );

    // Services in the crowded middle of the default city.
    for (const id of ['wallet-core', 'operator-core', 'merchant-pay', 'ussd']) {
      const point = await page.evaluate((s) => window.__cascade!.servicePoint(s), id);
      expect(point, `${id} is drawn`).not.toBeNull();
      await page.mouse.move(point!.x, point!.y);
      await tooltipShown(page, true);
      const view: MapLayoutView = await page.evaluate(() => window.__cascade!.mapLayout!());
      const tooltip = view.items.find((i) => i.id === 'tooltip')!;
      expect(tooltip.text.split('\n')[0]).not.toBe('');
      const covered = view.items
        .filter((i) => i.kind === 'marker' && overlapArea(i.rect, tooltip.rect) > 0)
        .map((i) => i.id);
      expect(covered, `tooltip of ${id}`).toEqual([]);

      await page.mouse.down();
      await page.mouse.up();
      await page.waitForFunction(
        (s) => (document.querySelector('#service-select') as HTMLSelectElement).value === s,
        id,
      );
      await tooltipShown(page, false);
      // Away and back: it shows again.
      await page.mouse.move(2, 400);
      await page.mouse.move(point!.x, point!.y);
      await tooltipShown(page, true);
      await page.mouse.move(2, 400);
      await tooltipShown(page, false);
    }
    await page.close();
  });
});
