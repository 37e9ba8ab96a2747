/**
 * Issue 12, item 5 — a debrief worth discussing — in Chromium against `vite preview` of dist/ (flags as in
 * after.test.ts: `fast=60`, `test=1` for a read-only hook):
 *
 *   - the default scenario played to its end: the debrief says time ran out, shows no internal id, has the
 *     timeline as a strip chart over a list in parts (no scroll box), and prints on ONE A4 page (Chromium's
 *     own page.pdf, pages counted); screenshots at 1280×720 and 1920×1080 and of the printed page, saved in
 *     docs/screens/ (debrief-1280x720.png, debrief-1920x1080.png, report-print.png) and looked at;
 *   - End drill: the debrief says the trainee ended it and when; Play again starts with no old autosave
 *     notice; the menu lists the ended drill with Debrief and Replay (no Resume); the replay shows one set of
 *     play controls and no "press Space" banner;
 *   - Resume keeps the speed the drill was saved at; the HUD's trust says whose it is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedCommand } from '../../src/engine';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { play } from '../../src/balance/play';
import { EXPERT, POLICIES } from '../../src/balance/policies';
import { encodeShare } from '../../src/run';
import { leakedIds, shippedScenarios } from '../run/report-words.fixture';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const FAST = 60;
const SCREENS = join(ROOT, 'docs', 'screens');
const NAIROBI = shippedScenarios().find((s) => s.id === 'nairobi-ddos-2023')!;

const log = (page: Page) => page.evaluate(() => window.__cascade!.log() as LoggedCommand[]);

describe('the debrief, in Chromium', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreviewServer();
    mkdirSync(SCREENS, { recursive: true });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function open(width = 1280, height = 720): Promise<{ page: Page; errors: string[] }> {
    const c = await browser!.newContext({ viewport: { width, height } });
    contexts.push(c);
    const page = await c.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}?test=1&fast=${FAST}`);
    return { page, errors };
  }

  async function start(page: Page, scenario: string, seed: string): Promise<void> {
    await page.waitForSelector('#start-button:not([disabled])');
    await page.click(`.scenario-option[data-scenario="${scenario}"]`);
    await page.fill('#seed-input', seed);
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 0);
  }

  async function order(page: Page, service: string, mitigation: string): Promise<void> {
    const before = (await log(page)).length;
    await page.selectOption('#service-select', service);
    await page.click(`#tabpanel-mitigations label[data-mitigation="${mitigation}"]`);
    await page.click('#order-button');
    await page.waitForFunction((n) => (window.__cascade!.log() as unknown[]).length > n, before);
  }

  /** Runs at 8× to the debrief, answering each decision that stops the clock with its first option. */
  async function runToDebrief(page: Page): Promise<void> {
    await page.click('[data-speed="8"]');
    if ((await page.textContent('#hud-state'))?.startsWith('Paused')) await page.click('#pause');
    for (;;) {
      await page.waitForFunction(
        () => window.__cascade!.waitingForAnswer() || window.__cascade!.screen() === 'debrief',
        null,
        { timeout: 60_000 },
      );
      if ((await page.evaluate(() => window.__cascade!.screen())) === 'debrief') break;
      // The answer is a command in the log (two prompts may be open at once: the loop answers the next).
      const before = (await log(page)).length;
      await page.click('.prompt button >> nth=0');
      await page.waitForFunction((n) => (window.__cascade!.log() as unknown[]).length > n, before);
    }
    await page.waitForSelector('#debrief:not([hidden]) #score-breakdown');
  }

  /** The charts have been drawn to their column (uPlot sizes them after layout). */
  async function chartsFitted(page: Page): Promise<void> {
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('#charts figure.chart')].every((figure) => {
        const plot = figure.querySelector<HTMLElement>('.uplot');
        return !plot || Math.abs(plot.getBoundingClientRect().width - Math.max(200, figure.clientWidth)) < 2;
      }),
    );
  }

  it('the default drill played to its end: who ended it, no ids, a timeline chart and list, one A4 page in print', async () => {
    const { page, errors } = await open();
    await start(page, 'nairobi-ddos-2023', '4321');
    await order(page, 'gov-portal', 'waf-rule');
    await order(page, 'operator-edge', 'rate-limit');
    await runToDebrief(page);

    // Who ended it and when.
    expect(await page.textContent('#ending')).toBe(
      'Time ran out: the drill ran its full length, to T+04:00.',
    );
    expect(await page.getAttribute('#ending', 'data-by')).toBe('time');

    // Human names only: no service, inject, mitigation, rumour, workaround or attack id on the page.
    const text = await page.locator('#debrief').innerText();
    expect(leakedIds(NAIROBI, text)).toEqual([]);
    expect(text).toContain('Ordered WAF rule against odd queries on Government e-services portal');

    // Each objective and question with its own facts (never the same line under more than two items).
    const facts = await page.locator('.with-facts .facts li').allTextContents();
    const counts = new Map<string, number>();
    for (const f of facts) counts.set(f, (counts.get(f) ?? 0) + 1);
    expect([...counts.values()].every((n) => n <= 2)).toBe(true);

    // The timeline: a strip chart with a mark per decision, over a list with no scrolling box of its own.
    expect(await page.locator('#timeline-chart circle[data-lane="decisions"]').count()).toBe(
      (await log(page)).length,
    );
    expect(await page.locator('#timeline-chart [data-lane="events"]').count()).toBeGreaterThan(3);
    expect(
      await page
        .locator('#timeline-chart rect[data-state="down"], #timeline-chart rect[data-state="degraded"]')
        .count(),
    ).toBeGreaterThan(0);
    const scrollBoxes = await page.$$eval(
      '.report-timeline *',
      (els) =>
        els.filter((el) => {
          const style = getComputedStyle(el);
          return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        }).length,
    );
    expect(scrollBoxes).toBe(0);
    const groups = await page.locator('#timeline .timeline-group h3').allTextContents();
    expect(groups[0]).toBe('T+00:00 – T+01:00');
    // Status changes behind the checkbox.
    const statusRows = page.locator('#timeline li[data-kind="status"]');
    expect(await statusRows.count()).toBeGreaterThan(0);
    expect(await statusRows.first().isVisible()).toBe(false);
    await page.click('#timeline-details');
    expect(await statusRows.first().isVisible()).toBe(true);
    await page.click('#timeline-details');

    // Screenshots at the two room sizes (looked at), from the top of the report.
    await page.evaluate(() => document.getElementById('debrief')!.scrollTo(0, 0));
    await chartsFitted(page);
    await page.screenshot({ path: join(SCREENS, 'debrief-1280x720.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await chartsFitted(page);
    await page.screenshot({ path: join(SCREENS, 'debrief-1920x1080.png') });
    // The whole report, for the record (the overlay scrolls, so a tall window).
    await page.setViewportSize({ width: 1280, height: 4000 });
    await chartsFitted(page);
    await page.screenshot({ path: artifactPath('debrief-full.png') });

    // Print, as on A4: its printable width (192 mm = 726 px), print media; what the page looks like (looked at).
    await page.setViewportSize({ width: 726, height: 1054 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => {
      const c = document.querySelector('#charts canvas');
      return c !== null && c.getBoundingClientRect().width < 260;
    });
    await page.screenshot({ path: join(SCREENS, 'report-print.png'), fullPage: true });
    // Chromium's own A4 PDF has one page.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(artifactPath('debrief-report.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    expect(await page.isVisible('#timeline-chart')).toBe(true);
    expect(await page.isVisible('#export-json')).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    expect(errors).toEqual([]);
  });

  it('prints on one A4 page after the expert play of every shipped scenario (dozens of decisions, every prompt)', async () => {
    const { page, errors } = await open(726, 1054);
    for (const scenario of shippedScenarios()) {
      const { log: commands } = play(scenario, '5', POLICIES[EXPERT]!);
      const fragment = encodeShare({ scenarioId: scenario.id, seed: '5', commands })!;
      expect(fragment, scenario.id).toBeDefined();
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${server!.url}?test=1&fast=${FAST}#${fragment}`);
      await page.waitForSelector('#debrief:not([hidden]) #score-breakdown');
      expect(await page.locator('#timeline-chart circle[data-lane="decisions"]').count()).toBe(
        commands.length,
      );
      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction(() => {
        const c = document.querySelector('#charts canvas');
        return c !== null && c.getBoundingClientRect().width < 260;
      });
      await page.screenshot({ path: artifactPath(`print-${scenario.id}.png`), fullPage: true });
      // How much of the page is used (A4 less its margins: 279 mm = 1054 px), for the record.
      const bottom = await page.evaluate(() =>
        Math.max(
          ...[...document.querySelectorAll('#debrief .report *')].map(
            (e) => e.getBoundingClientRect().bottom,
          ),
        ),
      );
      console.log(
        `[print] ${scenario.id}: ${commands.length} decisions, content ends at ${Math.round(bottom)} px of 1054`,
      );
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length, `${scenario.id}: ${commands.length} decisions`).toBe(1);
    }
    expect(errors).toEqual([]);
  });

  it('prints on one A4 page with a heavy what-if: the default drill with many decisions to T+4:00, every variant worked out', async () => {
    const { page, errors } = await open();
    // The expert play: many orders, statements, workarounds and answers, to the end of the drill.
    const { log: commands } = play(NAIROBI, '5', POLICIES[EXPERT]!);
    expect(commands.length).toBeGreaterThanOrEqual(15);
    const fragment = encodeShare({ scenarioId: NAIROBI.id, seed: '5', commands })!;
    await page.goto(`${server!.url}?test=1&fast=${FAST}#${fragment}`);
    await page.waitForSelector('#debrief:not([hidden]) #score-breakdown');
    expect(await page.evaluate(() => window.__cascade!.tick())).toBe(NAIROBI.durationTicks);
    // What if, for every key decision it questions (earlier, later, never: dozens of re-runs in the worker).
    await page.click('#whatif-run');
    await page.waitForSelector('#whatif-results li', { timeout: 280_000 });
    const variants = await page.locator('#whatif-results li').count();
    const printed = await page.locator('#whatif-results li[data-print]').count();
    expect(variants).toBeGreaterThan(printed);
    expect(printed).toBeGreaterThan(0);

    await page.setViewportSize({ width: 726, height: 1054 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => {
      const c = document.querySelector('#charts canvas');
      return c !== null && c.getBoundingClientRect().width < 260;
    });
    await page.screenshot({ path: artifactPath('print-heavy-whatif.png'), fullPage: true });
    // On paper: the variants that moved the score most, each on one line (the reasons are on screen).
    const shown = await page.$$eval('#whatif-results li', (items) =>
      items
        .filter((li) => getComputedStyle(li).display !== 'none')
        .map((li) => li.getBoundingClientRect().height),
    );
    expect(shown).toHaveLength(printed);
    const bottom = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('#debrief .report *')].map((e) => e.getBoundingClientRect().bottom),
      ),
    );
    console.log(
      `[print] heavy what-if: ${commands.length} decisions, ${variants} variants, content ends at ${Math.round(bottom)} px of 1054`,
    );
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(artifactPath('debrief-heavy-whatif.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 300_000);

  it('End drill: the debrief says the trainee ended it; Play again shows no old autosave; the save offers Debrief and Replay; the replay has one set of controls', async () => {
    const { page, errors } = await open();
    await start(page, 'tutorial', '8642');
    // The HUD says whose trust it shows (the feed quotes each customer group's own).
    expect(await page.textContent('#hud-trust')).toMatch(/\d+ \/ 100/);
    expect(await page.locator('.hud-stat:has(#hud-trust) .label').textContent()).toBe('Public trust');
    expect(await page.getAttribute('.hud-stat:has(#hud-trust)', 'title')).toContain('customer group');

    await order(page, 'portal', 'rate-limit');
    await page.click('#pause');
    await page.waitForFunction(() => window.__cascade!.tick()! > 130);
    await page.click('#pause');
    await page.waitForFunction(() =>
      document.getElementById('save-status')?.textContent?.startsWith('Autosaved at'),
    );
    const tick = await page.evaluate(() => window.__cascade!.tick()!);
    const at = `T+00:0${Math.floor(tick / 60)}`;
    await page.click('#end-drill');
    await page.click('#end-drill');
    await page.waitForSelector('#debrief:not([hidden]) #ending');
    expect(await page.textContent('#ending')).toBe(`The trainee pressed End drill at ${at} (of 00:10).`);
    expect(await page.getAttribute('#ending', 'data-by')).toBe('trainee');

    // Play again: a new drill at T+00:00, with no "Autosaved at …" from the last one.
    await page.click('#replay-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 0);
    expect(await page.textContent('#save-status')).toBe('');

    // The ended drill in the menu: Debrief and Replay, never Resume.
    await page.reload();
    await page.waitForSelector('#saved-list li[data-ok="true"]');
    const ended = page.locator('#saved-list li[data-ok="true"]');
    expect(await ended.count()).toBe(1);
    expect(await ended.textContent()).toContain('(ended with End drill)');
    expect(await ended.locator('.resume-save').count()).toBe(0);
    expect(await ended.locator('button').allTextContents()).toEqual(['Debrief', 'Replay', 'Delete']);
    await page.screenshot({ path: artifactPath('menu-saves-ended.png') });

    await ended.locator('.open-debrief').click();
    await page.waitForSelector('#debrief:not([hidden]) #ending');
    expect(await page.textContent('#ending')).toBe(`The trainee pressed End drill at ${at} (of 00:10).`);
    await page.click('#menu-button');
    await page.waitForSelector('#saved-list li[data-ok="true"] .open-replay');
    await page.click('#saved-list li[data-ok="true"] .open-replay');

    // The replay: its own bar's controls only; no HUD pause or speeds, no "press Space" banner.
    await page.waitForSelector('#replay-bar');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(await page.isVisible('#replay-play')).toBe(true);
    expect(await page.isVisible('#pause')).toBe(false);
    expect(await page.isVisible('.hud-speeds')).toBe(false);
    expect(await page.isVisible('#map-banner')).toBe(false);
    await page.screenshot({ path: artifactPath('replay-one-set-of-controls.png') });

    expect(errors).toEqual([]);
  });

  it('Resume keeps the speed the drill was saved at', async () => {
    const { page, errors } = await open();
    await start(page, 'tutorial', '1111');
    await page.click('[data-speed="4"]');
    await page.click('#pause');
    // Running at 4× until something happens: a minute passes, a decision opens, or a tutorial step holds the clock.
    await page.waitForFunction(
      () =>
        window.__cascade!.tick()! > 70 ||
        window.__cascade!.waitingForAnswer() ||
        window.__cascade!.step() !== null,
    );
    await page.click('#pause');
    await page.reload(); // pagehide saves the drill
    await page.waitForSelector('#saved-list li[data-ok="true"] .resume-save');
    await page.click('#saved-list li[data-ok="true"] .resume-save');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(await page.getAttribute('[data-speed="4"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('[data-speed="1"]', 'aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
  });
});
