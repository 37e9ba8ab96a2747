/**
 * A click on the map hits the service drawn under the pointer, at once — right after the drill starts, right
 * after Space runs or pauses the clock — at both projector sizes. The map must not move when the clock starts or
 * stops (the "Paused" banner floats over the canvas), and Phaser's hit-testing must follow the page's layout
 * without waiting for its own 500 ms poll (scenes/scaleSync.ts). Before both fixes, a click 50–200 ms after
 * Space landed 80 px off, on another service, on a loaded machine.
 *
 * Each click is made in the same page task as the key press that changed the clock (no wait in between), and
 * the test then waits for the selection — state, never elapsed time.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(() => {
    const r = document.querySelector('#map-canvas canvas')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** Click where the game says the service is drawn, then wait until the side panel shows it. */
async function clickService(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((service) => window.__cascade!.servicePoint(service), id);
  expect(point, `${id} is drawn`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await page
    .waitForFunction(
      (service) => (document.querySelector('#service-select') as HTMLSelectElement).value === service,
      id,
      { timeout: 10_000 },
    )
    .catch(async () => {
      const selected = await page.inputValue('#service-select');
      throw new Error(`clicked ${id} at (${point!.x}, ${point!.y}) but the panel shows '${selected}'`);
    });
}

describe('map clicks in Chromium', () => {
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

  for (const viewport of VIEWPORTS) {
    it(`selects the clicked service right after start, Space and Space again at ${viewport.width}×${viewport.height}; the map does not move`, async () => {
      if (!browser || !server) throw new Error('setup failed');
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
      await page.goto(`${server.url}?test=1&fast=60&seed=7`);
      await page.waitForSelector('#start-button:not([disabled])');
      await page.click('#start-button');
      await page.waitForFunction(
        () => window.__cascade?.screen() === 'city' && window.__cascade.locator !== null,
      );

      // Immediately after the start.
      await clickService(page, 'operator-edge');
      const paused = await canvasBox(page);

      // Immediately after Space starts the clock (the banner goes), then after Space stops it (it comes back).
      await page.keyboard.press('Space');
      await clickService(page, 'wallet-core');
      await page.waitForFunction(() => (window.__cascade!.tick() ?? 0) > 0);
      expect(await canvasBox(page)).toEqual(paused);
      await page.keyboard.press('Space');
      await clickService(page, 'gov-portal');
      expect(await canvasBox(page)).toEqual(paused);
      await page.keyboard.press('Space');
      await clickService(page, 'bank-core');
      await page.keyboard.press('Space');
      await clickService(page, 'power-tokens');

      // The top bar never wraps (that moved the map), so it must fit: every control inside the window, and the
      // scenario's title read whole (two lines at 1280 px; it showed as "Odd qu…").
      const bar = await page.evaluate(() => {
        const title = document.querySelector('.hud-title') as HTMLElement;
        return {
          help: document.getElementById('help-button')!.getBoundingClientRect().right,
          end: document.getElementById('end-drill')!.getBoundingClientRect().right,
          titleClipped:
            title.scrollHeight > title.clientHeight + 1 || title.scrollWidth > title.clientWidth + 1,
          title: title.textContent,
        };
      });
      expect(bar.title).toBe('Odd queries: the July flood');
      expect(bar.titleClipped).toBe(false);
      expect(bar.end).toBeLessThan(bar.help);
      expect(bar.help).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: artifactPath(`map-clicks-${viewport.width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
