/**
 * Accessibility audit in Chromium: axe-core (the devDependency, injected into the page) on every screen — the
 * menu, the city with each decision tab, the help dialog, a decision prompt, the debrief and a replay — with 0
 * serious or critical violations. Also: the feed is a polite live region, a prompt is announced (an assertive
 * alert labelled by its title), the map's text alternative (a table of services, status and why) follows the
 * simulation, and with `prefers-reduced-motion: reduce` nothing in the page's CSS moves.
 *
 * The drill is the tutorial at `fast=60` (ten simulated minutes). Screenshots: test/artifacts/a11y-*.png.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, startPreviewServer, type PreviewServer } from './harness';
import { playToDebrief } from './playToDebrief';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
    axe?: {
      run(
        context: unknown,
        options: unknown,
      ): Promise<{
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }[];
      }>;
    };
  }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FAST = 60;

/** Each service's status, in the engine's order (read through the test hook). */
const serviceStatuses = (page: Page) =>
  page.evaluate(() =>
    (window.__cascade!.state() as { services: { status: string }[] }).services.map((s) => s.status),
  );
/** Each row's status in the map's text alternative, in table order. */
const tableStatuses = (page: Page) =>
  page.$$eval('#map-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-status')));

interface Violation {
  screen: string;
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe on the whole page; returns the serious and critical violations, each with the elements it found. */
async function audit(page: Page, screen: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe!.run(document, {
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    }),
  );
  await page.screenshot({ path: artifactPath(`a11y-${screen}.png`) });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`),
    }));
}

describe('accessibility in Chromium (axe-core on every screen)', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreviewServer();
    // bypassCSP: axe is injected by the test, which a Content-Security-Policy in index.html would refuse.
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('menu, city, each decision tab, help, a prompt, the debrief and a replay: 0 serious or critical violations; feed and prompts announced; the map table follows the drill', async () => {
    const page = await context!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}?test=1&fast=${FAST}`);
    await page.waitForSelector('#start-button:not([disabled])');
    const found: Violation[] = [];

    found.push(...(await audit(page, 'menu')));

    await page.click('.scenario-option[data-scenario="tutorial"]');
    await page.fill('#seed-input', '97');
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 0);
    await page.waitForSelector('#map-table tbody tr');

    // The feed is a polite live region (new items are read out without interrupting).
    expect(await page.getAttribute('#feed .feed-list', 'aria-live')).toBe('polite');

    // The map's text alternative: one row per service, with its status in words and why.
    const services = await serviceStatuses(page);
    expect(await page.locator('#map-table tbody tr').count()).toBe(services.length);
    expect(await tableStatuses(page)).toEqual(services);
    expect(await page.locator('#map-table [data-col="status"]').allTextContents()).toEqual(services);
    // And the district each stands in (tutorial: edge, portal, wallet core, app, USSD), as on the map.
    expect(await page.locator('#map-table [data-col="district"]').allTextContents()).toEqual([
      'Telecom exchange',
      'Government quarter',
      'Telecom exchange',
      'Telecom exchange',
      'Telecom exchange',
    ]);
    // It is reachable by keyboard: T (map as a table) shows it and moves the focus into it.
    await page.keyboard.press('t');
    await page.waitForSelector('#map-table-region:not(.visually-hidden)');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('map-table-region');
    found.push(...(await audit(page, 'city-map-table')));
    await page.keyboard.press('t');
    await page.waitForSelector('#map-table-region.visually-hidden', { state: 'attached' });

    // The service panel filled in (a selected service) and a mitigation planned.
    await page.selectOption('#service-select', 'portal');
    await page.click('#tabpanel-mitigations label[data-mitigation="rate-limit"]');
    found.push(...(await audit(page, 'city-mitigations')));
    await page.click('#tab-messages');
    await page.waitForSelector('#tabpanel-messages:not([hidden])');
    found.push(...(await audit(page, 'city-messages')));
    await page.click('#tab-workarounds');
    await page.waitForSelector('#tabpanel-workarounds:not([hidden])');
    found.push(...(await audit(page, 'city-workarounds')));
    await page.click('#tab-mitigations');

    await page.keyboard.press('?');
    await page.waitForSelector('#help:not([hidden]) [role="dialog"]');
    found.push(...(await audit(page, 'help')));
    await page.keyboard.press('Escape');
    await page.waitForSelector('#help[hidden]', { state: 'attached' });

    // Run to the first decision that stops the clock: it is announced (an alert labelled by its title).
    await page.click('[data-speed="8"]');
    await page.click('#pause');
    await page.waitForFunction(
      // The tutorial's waiting steps are skipped here: this test is about the decision that follows them.
      () =>
        !window.__cascade!.skipStep() && (window.__cascade!.waitingForAnswer() || window.__cascade!.ended()),
      null,
      {
        timeout: 60_000,
      },
    );
    expect(await page.evaluate(() => window.__cascade!.waitingForAnswer())).toBe(true);
    const prompt = page.locator('.prompt').first();
    expect(await prompt.getAttribute('role')).toBe('alertdialog');
    const labelledBy = (await prompt.getAttribute('aria-labelledby'))!;
    // Labelled by who asks ("Decision: … asks") and the question.
    expect(await page.textContent(`[id="${labelledBy.split(' ')[0]}"]`)).toMatch(/^Decision: /);
    // The map table followed the simulation to this tick.
    const now = await serviceStatuses(page);
    expect(now.some((s) => s !== 'healthy')).toBe(true);
    expect(await tableStatuses(page)).toEqual(now);
    expect(await page.locator('#map-table [data-col="why"]').allTextContents()).not.toEqual(
      now.map(() => 'Working normally'),
    );
    found.push(...(await audit(page, 'prompt')));

    await playToDebrief(page);
    await page.waitForSelector('#debrief:not([hidden]) #score-breakdown');
    found.push(...(await audit(page, 'debrief')));

    await page.click('#replay-run');
    await page.waitForSelector('#replay-banner');
    found.push(...(await audit(page, 'replay')));

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a loading indicator shows until the map canvas exists (checked while the Phaser chunk is held back)', async () => {
    // Its own context, with service workers blocked: a cached game would never ask the network for Phaser.
    const fresh = await browser!.newContext({
      viewport: { width: 1280, height: 720 },
      serviceWorkers: 'block',
    });
    const page = await fresh.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested: () => void = () => {};
    const phaserRequested = new Promise<void>((resolve) => (requested = resolve));
    await page.route(/assets\/phaser-[^/]*\.js$/, async (route) => {
      requested();
      await held;
      await route.continue();
    });
    await page.goto(server!.url, { waitUntil: 'commit' });
    await phaserRequested;
    await page.waitForSelector('#boot-loading', { state: 'visible' });
    expect(await page.textContent('#boot-loading')).toContain('Loading the game');
    expect(await page.getAttribute('#boot-loading', 'role')).toBe('status');
    await page.screenshot({ path: artifactPath('a11y-loading.png') });
    release();
    await page.waitForSelector('#start-button:not([disabled])');
    expect(await page.isVisible('#boot-loading')).toBe(false);
    await fresh.close();
  });

  it('prefers-reduced-motion: no CSS transition or animation runs on the menu or in the city', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await page.goto(`${server!.url}?test=1&fast=${FAST}`);
    await page.waitForSelector('#start-button:not([disabled])');
    const moving = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .map((el) => {
            const style = getComputedStyle(el);
            const longest = (list: string) => Math.max(...list.split(',').map((t) => parseFloat(t) || 0));
            return {
              el: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`,
              transition: longest(style.transitionDuration),
              animation: style.animationName === 'none' ? 0 : longest(style.animationDuration),
            };
          })
          .filter((x) => x.transition > 0.001 || x.animation > 0.001),
      );
    expect(await moving()).toEqual([]);
    await page.click('#start-button');
    await page.waitForFunction(() => document.querySelector('#app')?.getAttribute('data-screen') === 'city');
    expect(await moving()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.reducedMotion)).toBe('true');
    await page.close();
  });
});
