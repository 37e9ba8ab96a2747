/**
 * Time to the first frame of the City scene, from navigation start, over cold page loads.
 *
 * Each load gets a new browser context (its own empty HTTP cache and storage, so no saved drill and no cached
 * bundle). An init script (pageScripts.ts FIRST_FRAME_PROBE) clicks Start the moment the menu enables it — no
 * human think time, no round trip to the benchmark process — and records when the first City frame's
 * main-thread rendering work has finished. All times are the page's performance.now(), i.e. ms since navigation
 * start; the navigation-timing and paint entries give the breakdown.
 */
import type { Browser } from 'playwright-core';
import { FIRST_FRAME_PROBE, type FirstFrameMarks } from './pageScripts';

export interface FirstFrameLoad {
  /** navigation start → first City frame rendered. */
  cityMs: number;
  /** navigation start → Start enabled (menu usable); NaN when the drill started without the menu (?play). */
  menuReadyMs: number;
  /** Start clicked → first City frame rendered. */
  startToCityMs: number;
  responseEndMs: number;
  domContentLoadedMs: number;
  loadEventMs: number;
  firstContentfulPaintMs: number | null;
  /** JS bytes transferred (encoded, i.e. compressed, body sizes of .js responses) and decoded. */
  jsTransferBytes: number;
  jsDecodedBytes: number;
  canvas: FirstFrameMarks['canvas'];
}

const TIMINGS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const js = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
  return {
    responseEnd: nav.responseEnd,
    domContentLoaded: nav.domContentLoadedEventEnd,
    loadEvent: nav.loadEventEnd,
    fcp: fcp ? fcp.startTime : null,
    jsTransfer: js.reduce((n, r) => n + r.encodedBodySize, 0),
    jsDecoded: js.reduce((n, r) => n + r.decodedBodySize, 0),
  };
})()`;

interface Timings {
  responseEnd: number;
  domContentLoaded: number;
  loadEvent: number;
  fcp: number | null;
  jsTransfer: number;
  jsDecoded: number;
}

export async function coldLoad(browser: Browser, url: string): Promise<FirstFrameLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript({ content: FIRST_FRAME_PROBE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    // Polled from here (page.evaluate goes through CDP): the built page's Content-Security-Policy forbids the
    // eval that page.waitForFunction's string predicates need. The time is recorded in the page either way.
    const deadline = Date.now() + 60_000;
    while (
      !(await page.evaluate('!!(window.__benchFirstFrame && window.__benchFirstFrame.cityAt !== null)'))
    ) {
      if (Date.now() > deadline) throw new Error(`no first City frame within 60 s: ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const marks = (await page.evaluate('window.__benchFirstFrame')) as FirstFrameMarks;
    const t = (await page.evaluate(TIMINGS)) as Timings;
    if (errors.length > 0) throw new Error(`page errors during a cold load: ${errors.join('; ')}`);
    return {
      cityMs: marks.cityAt!,
      menuReadyMs: marks.startEnabledAt ?? NaN,
      startToCityMs: marks.cityAt! - (marks.clickedAt ?? NaN),
      responseEndMs: t.responseEnd,
      domContentLoadedMs: t.domContentLoaded,
      loadEventMs: t.loadEvent,
      firstContentfulPaintMs: t.fcp,
      jsTransferBytes: t.jsTransfer,
      jsDecodedBytes: t.jsDecoded,
      canvas: marks.canvas,
    };
  } finally {
    await context.close();
  }
}

export async function firstFrameLoads(
  browser: Browser,
  url: string,
  loads: number,
  log: (line: string) => void,
): Promise<FirstFrameLoad[]> {
  const results: FirstFrameLoad[] = [];
  for (let i = 0; i < loads; i++) {
    const r = await coldLoad(browser, url);
    log(`bench browser: cold load ${i + 1}/${loads}: first City frame at ${r.cityMs.toFixed(0)} ms`);
    results.push(r);
  }
  return results;
}
