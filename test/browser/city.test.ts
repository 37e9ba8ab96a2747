/**
 * The living city in Chromium (default scenario, mid-incident, "cash at ATMs" announced): the people drawn are
 * the simulation's numbers — the figures on the map are exactly those the engine's stranded customers, queues
 * and workaround uptake call for — and under prefers-reduced-motion nothing moves but the crowds are still there. Saves the
 * screenshots docs/screens/city-1280x720.png and city-1920x1080.png, and reports the frame rate at 8×
 * (reported, never asserted: speed belongs in benchmarks). The legend names the people figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityPeople, figuresFor } from '../../scenes/layout/cityPeople';
import type { SimState } from '../../src/engine';
import { compile } from '../../src/scenario';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const scenario = compile(readFileSync(`${ROOT}scenarios/nairobi-ddos-2023.yaml`, 'utf8'), 'x').scenario!;
const MID_INCIDENT_TICK = 3000;

/**
 * Start the default drill, announce "cash at ATMs" (the banks send app users to the ATMs: people walk there
 * and queue), run at 8× (sped up by ?fast) into the incident, then pause.
 */
async function midIncident(page: Page, url: string): Promise<void> {
  await page.goto(`${url}?test=1&fast=20&seed=7`);
  await page.waitForSelector('#start-button:not([disabled])');
  await page.click('#start-button');
  await page.waitForFunction(
    () => window.__cascade?.screen() === 'city' && window.__cascade.mapLayout !== null,
  );
  await page.click('#tab-workarounds');
  await page.click('[data-workaround="cash-at-atms"] [data-action="announce"]');
  await page.waitForSelector('[data-workaround="cash-at-atms"][data-state="announced"]');
  await page.click('[data-speed="8"]');
  await page.keyboard.press('Space');
  await page.waitForFunction(
    (tick) => (window.__cascade!.tick() ?? 0) > tick || window.__cascade!.waitingForAnswer(),
    MID_INCIDENT_TICK,
    { timeout: 60_000 },
  );
  if (!(await page.evaluate(() => window.__cascade!.waitingForAnswer()))) await page.keyboard.press('Space');
  // Paused (or waiting for a decision): the clock stands still, the next frames draw this state.
  const tick = await page.evaluate(() => window.__cascade!.tick());
  await page.waitForFunction((t) => window.__cascade!.tick() === t, tick);
}

/** The figures the map should draw for this state (the same rules, computed in Node). */
function expectedFigures(state: SimState): number {
  const people = cityPeople(scenario, state);
  const total =
    people.stranded.reduce((n, p) => n + figuresFor(p), 0) +
    people.queuing.reduce((n, p) => n + figuresFor(p), 0) +
    people.walkers.reduce((n, w) => n + Math.ceil(figuresFor(w.people) / 2), 0);
  return Math.min(400, total);
}

/** Frames per second over `ms` of real time, counted with requestAnimationFrame in the page. */
async function fps(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (window_) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now: number) => {
          frames++;
          if (now - start < window_) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

describe('the living city in Chromium', () => {
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

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])
    it(`draws the engine's people mid-incident at ${viewport.width}×${viewport.height}`, async () => {
      if (!browser || !server) throw new Error('setup failed');
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
      await midIncident(page, server.url);
      const state = (await page.evaluate(() => window.__cascade!.state())) as SimState;
      expect(state.metrics.stranded).toBeGreaterThan(0);
      const people = cityPeople(scenario, state);
      const atm = scenario.services.findIndex((x) => x.id === 'atm');
      expect(
        people.walkers.map((w) => w.to),
        `walkers at tick ${state.tick}`,
      ).toContain(atm);
      expect(people.queuing[atm]).toBeGreaterThan(0);
      const expected = expectedFigures(state);
      expect(expected).toBeGreaterThan(0);
      await page.waitForFunction((n) => window.__cascade!.mapLayout!().figures === n, expected);
      expect((await page.evaluate(() => window.__cascade!.mapLayout!())).moving).toBe(true);
      // The legend names the people figures, each with a drawn shape beside its word (not colour alone).
      const legend = await page.$$eval('.legend [data-people]', (entries) =>
        entries.map((e) => {
          const icon = e.querySelector('.people-icon')!.getBoundingClientRect();
          return { word: e.lastChild?.textContent, shape: icon.width > 0 && icon.height > 0 };
        }),
      );
      expect(legend).toEqual([
        { word: 'stranded', shape: true },
        { word: 'queue', shape: true },
        { word: 'rerouted', shape: true },
      ]);
      // On one line, and nothing cut off at its end (the people entries come last).
      const strip = await page.$eval('.legend', (el) => {
        const last = el.lastElementChild!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return {
          lastRight: last.right,
          right: box.right,
          height: box.height,
          lastTop: last.top,
          top: box.top,
        };
      });
      expect(strip.lastRight).toBeLessThanOrEqual(strip.right);
      expect(strip.lastTop - strip.top).toBeLessThan(strip.height / 2);
      await page.screenshot({ path: `${ROOT}docs/screens/city-${viewport.width}x${viewport.height}.png` });
      const canvas = await page.evaluate(() => {
        const r = document.querySelector('#map-canvas canvas')!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      await page.screenshot({ path: artifactPath(`city-canvas-${viewport.width}.png`), clip: canvas });
      expect(errors).toEqual([]);
      await page.close();
    });

  it('keeps people and traffic still under prefers-reduced-motion, crowds still drawn', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await midIncident(page, server.url);
    const view = await page.evaluate(() => window.__cascade!.mapLayout!());
    expect(view.moving).toBe(false);
    const state = (await page.evaluate(() => window.__cascade!.state())) as SimState;
    await page.waitForFunction((n) => window.__cascade!.mapLayout!().figures === n, expectedFigures(state));
    await page.close();
  });

  it('reports the frame rate of the default city at 8× (not asserted)', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}?test=1&seed=7`);
    await page.waitForSelector('#start-button:not([disabled])');
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    await page.click('[data-speed="8"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (window.__cascade!.tick() ?? 0) > 0);
    const measured = await fps(page, 5_000);
    const tick = await page.evaluate(() => window.__cascade!.tick());
    writeFileSync(artifactPath('city-fps.json'), JSON.stringify({ fps: measured, tick }, null, 2));
    console.log(
      `[city] default city at 8×: ${measured.toFixed(1)} fps (requestAnimationFrame, 5 s, tick ${tick})`,
    );
    expect(tick).toBeGreaterThan(0);
    await page.close();
  });
});
