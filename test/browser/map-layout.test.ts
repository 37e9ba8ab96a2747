/**
 * Projector legibility of the map, measured in Chromium: for every shipped scenario at 1280×720, 1600×900 and
 * 1920×1080, every text on the map is at least 16 px (and grows with the window), and no marker or label
 * overlaps another or leaves the canvas — with the drill running, so labels carry their status lines. The
 * rectangles are what the City scene draws (read through the test hook: markers from the layout, texts from
 * Phaser's own bounds), district names included. Also: a scenario without an attacker draws no "Internet (attack
 * sources)", and every district of the scenario has its name on the map.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlapArea } from '../../scenes/layout/rects';
import { compile } from '../../src/scenario';
import { districtName, districtsOf } from '../../src/store';
import type { CascadeTestHook, MapLayoutView } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

/** Every shipped scenario (a new one is checked without editing this file), and whether it has an attacker. */
const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const scenario = compile(readFileSync(`scenarios/${f}`, 'utf8'), f).scenario!;
    return {
      id: scenario.id,
      attacker: scenario.attacks.length > 0,
      districts: districtsOf(scenario).map((d) => districtName(d.key)),
    };
  });
const VIEWPORTS = [
  { width: 1280, height: 720, font: 16 },
  { width: 1600, height: 900, font: 18 },
  { width: 1920, height: 1080, font: 20 },
];

async function mapLayout(page: Page): Promise<MapLayoutView> {
  return page.evaluate(() => window.__cascade!.mapLayout!());
}

/** Every pair of things from different owners that overlap, and everything that sticks out of the canvas. */
function problems(view: MapLayoutView): string[] {
  const out: string[] = [];
  const { items } = view;
  items.forEach((a, i) => {
    const r = a.rect;
    if (r.x < 0 || r.y < 0 || r.x + r.w > view.width || r.y + r.h > view.height)
      out.push(`${a.kind} of ${a.id} leaves the ${view.width}×${view.height} canvas: ${JSON.stringify(r)}`);
    items.forEach((b, j) => {
      if (j <= i || a.id === b.id || a.id === 'tooltip' || b.id === 'tooltip') return;
      const area = overlapArea(a.rect, b.rect);
      if (area > 0) out.push(`${a.kind} of ${a.id} overlaps ${b.kind} of ${b.id} (${Math.round(area)} px²)`);
    });
  });
  return out;
}

describe('map layout in Chromium', () => {
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

  for (const { id: scenario, attacker, districts } of SCENARIOS)
    it(`${scenario}: texts ≥ 16 px and growing, nothing overlaps or leaves the canvas at three sizes`, async () => {
      if (!browser || !server) throw new Error('setup failed');
      const page = await browser.newPage({ viewport: VIEWPORTS[0]! });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
      await page.goto(`${server.url}?test=1&fast=60&seed=7&scenario=${scenario}`);
      await page.waitForSelector('#start-button:not([disabled])');
      await page.click('#start-button');
      await page.waitForFunction(
        () => window.__cascade?.screen() === 'city' && window.__cascade.mapLayout !== null,
      );
      // Run into the incident, so labels show status lines (the longest texts they have).
      await page.keyboard.press('Space');
      await page.waitForFunction(
        // A tutorial step that holds the clock is skipped: the labels, not the lesson, are tested here.
        () =>
          (!window.__cascade!.skipStep() && (window.__cascade!.tick() ?? 0) > 1800) ||
          window.__cascade!.waitingForAnswer(),
      );
      const failures: string[] = [];
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        // Wait until the scene has laid itself out for this window (its texts have the new size).
        await page.waitForFunction(
          (font) => window.__cascade!.mapLayout!().items.every((i) => i.fontPx === null || i.fontPx >= font),
          viewport.font,
        );
        const view = await mapLayout(page);
        const texts = view.items.filter((i) => i.kind === 'label' && i.id !== 'tooltip');
        expect(texts.length).toBeGreaterThan(0);
        for (const t of texts)
          expect(t.fontPx, `${t.id} at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(
            viewport.font,
          );
        expect(view.items.some((i) => i.id === 'internet')).toBe(attacker);
        const names = texts.filter((i) => i.id.startsWith('district:')).map((i) => i.text);
        expect(names.sort()).toEqual([...districts].sort());
        failures.push(...problems(view).map((p) => `${viewport.width}×${viewport.height}: ${p}`));
        await page.screenshot({ path: artifactPath(`map-layout-${scenario}-${viewport.width}.png`) });
      }
      expect(failures).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
});
