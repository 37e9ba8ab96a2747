/**
 * JS heap after 20 drills vs after 1, in one page: start → run past tick 120 → End drill (confirmed) → debrief →
 * "Play again", as in test/browser/restart.test.ts (which asserts the bound; this only measures). ?fast=60 makes
 * the short run take a fraction of a second. Each sample is taken on the debrief screen after two CDP garbage
 * collections (HeapProfiler.collectGarbage), as Runtime.getHeapUsage's usedSize.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';

export interface RestartMemory {
  /** Drill number → heap used (bytes) on its debrief screen after GC. */
  heapByDrill: Record<number, number>;
  domElements: Record<number, number>;
  liveDrills: Record<number, number>;
  growthBytes: number;
  elapsedMs: number;
}

const SAMPLE_AT = [1, 5, 20];
const DRILLS = 20;

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

async function oneDrill(page: Page): Promise<void> {
  await page.waitForFunction(
    "window.__cascade && window.__cascade.screen() === 'city' && window.__cascade.tick() === 0",
  );
  await page.click('#pause');
  // Past 2 simulated minutes, like restart.test.ts: the debrief grows by ~170 elements once the drill passes
  // about tick 120, so drills stopped on either side of it would differ in DOM size for no leak at all.
  await page.waitForFunction('window.__cascade.tick() > 120');
  await page.click('#end-drill');
  await page.click('#end-drill'); // the second click confirms
  await page.waitForSelector('#debrief:not([hidden]) #replay-button');
}

export async function restartMemory(browser: Browser, baseUrl: string): Promise<RestartMemory> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const started = performance.now();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl}?test=1&fast=60&seed=99`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.click('#start-button');
    const result: RestartMemory = {
      heapByDrill: {},
      domElements: {},
      liveDrills: {},
      growthBytes: 0,
      elapsedMs: 0,
    };
    for (let drill = 1; drill <= DRILLS; drill++) {
      await oneDrill(page);
      if (SAMPLE_AT.includes(drill)) {
        result.heapByDrill[drill] = await heapAfterGc(cdp);
        result.domElements[drill] = (await page.evaluate(
          "document.getElementsByTagName('*').length",
        )) as number;
        result.liveDrills[drill] = (await page.evaluate('window.__cascade.liveDrills()')) as number;
      }
      if (drill < DRILLS) await page.click('#replay-button');
    }
    await cdp.detach();
    if (errors.length > 0) throw new Error(`restart memory: page errors: ${errors.join('; ')}`);
    result.growthBytes = result.heapByDrill[DRILLS]! - result.heapByDrill[1]!;
    result.elapsedMs = performance.now() - started;
    return result;
  } finally {
    await context.close();
  }
}
