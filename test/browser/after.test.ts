/**
 * After the drill, in a real browser (Chromium via playwright-core, against `vite preview` of dist/):
 * the after-action report (charts, exports, what if, print layout), share links, autosave and resume, damaged
 * saves, replay with time travel and taking over. Same flags as game.test.ts: `fast=60` (every speed 60×
 * faster) and `test=1` (a read-only hook, used to READ tick, log and hash; the game is driven through its UI).
 *
 * The drill is the tutorial (ten simulated minutes). Every independent check replays the browser's command
 * log headless in Node with the engine, so "same score, same hash" is compared with the engine itself, not
 * with what the page says about itself.
 *
 * Screenshots (looked at when this suite was written): test/artifacts/report-screen.png (the debrief at
 * 1280 wide), report-print.png (print media at A4 width), report.pdf (Chromium's own print to A4), replay.png.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashState, run, type LoggedCommand } from '../../src/engine';
import { verifyRecord, type RunRecord } from '../../src/run';
import { compile } from '../../src/scenario';
import { replayableRecord } from '../../src/store/replayStore';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const FAST = 60;
const TUTORIAL = compile(
  readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8'),
  'tutorial.yaml',
).scenario!;

const hook = (page: Page) => ({
  screen: () => page.evaluate(() => window.__cascade!.screen()),
  tick: () => page.evaluate(() => window.__cascade!.tick()!),
  log: () => page.evaluate(() => window.__cascade!.log() as LoggedCommand[]),
  hash: () => page.evaluate(() => window.__cascade!.hash()!),
});

interface Opened {
  page: Page;
  errors: string[];
}

/**
 * Stop a playing replay. On a loaded machine the replay may reach its end (and stop) between our look and our
 * click, and the button then starts it again from the beginning: so look at the state after each click, and
 * click again until the replay is stopped.
 */
async function pauseReplay(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const label = (await page.textContent('#replay-play')) ?? '';
    if (!/pause/i.test(label)) return;
    await page.click('#replay-play');
    const stopped = await page
      .waitForFunction(
        () => !/pause/i.test(document.querySelector('#replay-play')?.textContent ?? ''),
        null,
        {
          timeout: 5_000,
        },
      )
      .then(() => true)
      .catch(() => false);
    if (stopped) return;
  }
  throw new Error('the replay would not stop');
}

describe('after the drill, in Chromium', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreviewServer();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  /** A fresh browser profile (its own localStorage). */
  async function context(): Promise<BrowserContext> {
    const c = await browser!.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    contexts.push(c);
    return c;
  }

  async function open(c: BrowserContext, query = '', fragment = ''): Promise<Opened> {
    const page = await c.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}?test=1&fast=${FAST}${query}${fragment ? `#${fragment}` : ''}`);
    return { page, errors };
  }

  async function startTutorial(page: Page, seed: string): Promise<void> {
    await page.waitForSelector('#start-button:not([disabled])');
    await page.click('.scenario-option[data-scenario="tutorial"]');
    await page.fill('#seed-input', seed);
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 0);
  }

  async function order(page: Page, service: string, mitigation: string): Promise<void> {
    const before = (await hook(page).log()).length;
    await page.selectOption('#service-select', service);
    await page.click(`#tabpanel-mitigations label[data-mitigation="${mitigation}"]`);
    await page.click('#order-button');
    await page.waitForFunction((n) => (window.__cascade!.log() as unknown[]).length > n, before);
  }

  /**
   * Runs at 8× to the debrief, answering each decision that stops the clock with its first option, and skipping
   * each tutorial step that holds it (the coach's "Skip this step": no command, so the log is unchanged).
   */
  async function runToDebrief(page: Page): Promise<void> {
    await page.click('[data-speed="8"]');
    if ((await page.textContent('#hud-state'))?.startsWith('Paused')) await page.click('#pause');
    for (;;) {
      await page.waitForFunction(
        () =>
          window.__cascade!.waitingForAnswer() ||
          window.__cascade!.step() !== null ||
          window.__cascade!.screen() === 'debrief',
        null,
        { timeout: 30_000 },
      );
      if ((await hook(page).screen()) === 'debrief') break;
      if (await page.evaluate(() => window.__cascade!.step() !== null)) {
        await page.click('#coach-skip');
        continue;
      }
      await page.click('.prompt button >> nth=0');
      await page.waitForFunction(() => !window.__cascade!.waitingForAnswer());
    }
    await page.waitForSelector('#debrief:not([hidden]) #score-breakdown');
  }

  async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
  }

  // Shared by the report test and the replay test.
  let finished:
    | { page: Page; errors: string[]; log: LoggedCommand[]; hash: string; score: string; seed: string }
    | undefined;

  it('finishes the tutorial; the report has charts, a timeline with roles, what if, Markdown and JSON exports, and prints on one A4 page', async () => {
    const c = await context();
    const { page, errors } = await open(c);
    const seed = '2468';
    await startTutorial(page, seed);

    // Two orders at tick 0, by two roles.
    await page.selectOption('#role-select', 'Network lead');
    await order(page, 'portal', 'rate-limit');
    await page.selectOption('#role-select', 'Commander');
    await order(page, 'edge', 'rate-limit');
    await runToDebrief(page);

    const log = await hook(page).log();
    const hash = (await page.textContent('#state-hash'))!;
    const score = (await page.textContent('#score-total'))!;

    // The engine, headless, agrees with the page.
    const headless = run(TUTORIAL, seed, log);
    expect(headless.state.ended).toBe(true);
    expect(hashState(headless.state)).toBe(hash);
    expect(headless.state.metrics.score.toFixed(1)).toBe(score);

    // Six charts; the tutorial has no rumours, so five are drawn (a canvas with a real size) and one says why not.
    const canvases = await page.$$eval('#charts figure canvas', (cs) =>
      cs.map((c) => ({ w: c.getBoundingClientRect().width, h: c.getBoundingClientRect().height })),
    );
    expect(await page.locator('#charts figure').count()).toBe(6);
    expect(canvases.length).toBe(5);
    expect(await page.textContent('[data-chart="rumours"] .chart-empty')).toBe(
      'Nothing to draw: this scenario has no rumours.',
    );
    for (const size of canvases) {
      expect(size.w).toBeGreaterThan(300);
      expect(size.h).toBeGreaterThan(150);
    }
    const captions = (await page.locator('#charts figcaption').allTextContents()).map(
      (c) => c.split(' — ')[0],
    );
    expect(captions).toEqual([
      'Availability of the critical services',
      'Load against capacity (100 % = full)',
      'Customers stranded',
      'Trust by stakeholder',
      'Belief in rumours',
      'Money that failed to move (lost or stuck)',
    ]);
    // Every critical service of the tutorial is a line of the availability chart, named in its legend.
    const legend = await page.locator('[data-chart="availability"] .u-legend th').allTextContents();
    for (const s of TUTORIAL.services.filter((x) => x.critical)) expect(legend.join('|')).toContain(s.name);

    // Timeline: the decisions in words, with the role that made them.
    const timeline = await page.locator('#timeline li[data-kind="decision"]').allTextContents();
    expect(
      timeline.some(
        (t) =>
          t.includes('Ordered Rate limiting per client on Government portal') && t.includes('(Network lead)'),
      ),
    ).toBe(true);
    expect(
      timeline.some(
        (t) =>
          t.includes('Ordered Rate limiting per client on Shared internet edge') && t.includes('(Commander)'),
      ),
    ).toBe(true);
    // Objectives with this run's facts; the score breakdown lists what moved the budget (both orders at 00:00).
    expect(await page.locator('#objectives > li').count()).toBe(TUTORIAL.meta.objectives.length);
    const budgetMovers = await page.locator('tr[data-component="budget"] .movers li').allTextContents();
    // In the scenario's words (issue 12: no ids such as "rate-limit on portal").
    expect(
      budgetMovers.filter((m) => m.startsWith('T+00:00 Ordered Rate limiting per client on')),
    ).toHaveLength(2);

    // What if, in a worker: two key decisions, each later and never (they were at 00:00: no earlier).
    await page.click('#whatif-run');
    await page.waitForSelector('#whatif-results li', { timeout: 30_000 });
    const variants = await page.locator('#whatif-results li').allTextContents();
    expect(variants).toHaveLength(4);
    expect(variants.filter((v) => v.startsWith('Without “Ordered Rate limiting per client on'))).toHaveLength(
      2,
    );
    // Each variant gives its score and says why ("It would have …; score ±x (components)").
    expect(variants.every((v) => /score \d+\.\d instead of \d+\.\d\. It would have .+\.$/.test(v))).toBe(
      true,
    );

    // Markdown: the report as text, with the same score, the roles and the what-if lines.
    const md = await downloadText(page, '#export-markdown');
    expect(md.name).toBe(`cascade-tutorial-seed-${seed}-report.md`);
    expect(md.text).toMatch(/^# After-action report: Tutorial/);
    expect(md.text).toContain(`## Score: ${score} / 100`);
    expect(md.text).toContain(
      'decision (Network lead): Ordered Rate limiting per client on Government portal',
    );
    expect(md.text).toContain('## What if');
    expect(md.text).toContain(variants[0]!);

    // JSON: the full record — it replays to the same hash, checkpoint by checkpoint — plus roles, report, series.
    const json = await downloadText(page, '#export-json');
    const exported = JSON.parse(json.text) as {
      kind: string;
      record: RunRecord;
      roles: Record<string, string>;
      series: { minutes: number[] };
      report: { score: { total: number } };
    };
    expect(exported.kind).toBe('cascade-run-export');
    expect(exported.record.commands).toEqual(log);
    expect(exported.record.finalHash).toBe(hash);
    expect(exported.record.checkpoints).toHaveLength(9); // 01:00 … 09:00
    // The tutorial ends by an inject during tick 540 (09:00); the engine consumes that tick, so the record ends
    // at 541 and replays as it is.
    expect(exported.record.finalTick).toBe(541);
    expect(verifyRecord(TUTORIAL, exported.record).ok).toBe(true);
    expect(verifyRecord(TUTORIAL, replayableRecord(exported.record, true, TUTORIAL.durationTicks)).ok).toBe(
      true,
    );
    expect(exported.roles).toEqual({ 0: 'Network lead', 1: 'Commander', 2: 'Commander' });
    expect(exported.series.minutes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(exported.report.score.total.toFixed(1)).toBe(score);
    writeFileSync(artifactPath('after-run.json'), json.text);

    await page.screenshot({ path: artifactPath('report-screen.png') });
    // The whole report at the same width (a tall window: the overlay scrolls, so a page screenshot would not).
    await page.setViewportSize({ width: 1280, height: 3300 });
    // The charts refit (ResizeObserver): wait until each plot is as wide as its figure again.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('#charts figure.chart')].every((figure) => {
        const plot = figure.querySelector<HTMLElement>('.uplot');
        return !plot || Math.abs(plot.getBoundingClientRect().width - Math.max(200, figure.clientWidth)) < 2;
      }),
    );
    await page.screenshot({ path: artifactPath('report-screen-full.png') });

    // Print: the width of A4 inside its 9 mm margins (192 mm = 726 px), print media. Buttons go, charts are
    // redrawn small and dark on white; a page is 279 mm (1054 px) high.
    await page.setViewportSize({ width: 726, height: 1054 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => {
      const c = document.querySelector('#charts canvas');
      return c !== null && c.getBoundingClientRect().width < 260;
    });
    expect(await page.isVisible('#export-json')).toBe(false);
    expect(await page.isVisible('#app')).toBe(false);
    await page.screenshot({ path: artifactPath('report-print.png'), fullPage: true });
    await page.locator('#charts').screenshot({ path: artifactPath('report-print-charts.png') });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(artifactPath('report.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 720 });

    expect(errors).toEqual([]);
    finished = { page, errors, log, hash, score, seed };
  });

  it('a share link opens the same run in another browser and shows the same final score and hash', async () => {
    const { page } = finished!;
    await page.click('#share-button');
    const url = await page.inputValue('#share-link');
    expect(url).toMatch(/#run=/);
    expect(url).not.toContain('test=1'); // a link is for people, not for tests
    const fragment = url.slice(url.indexOf('#') + 1);

    const other = await context();
    const { page: receiver, errors } = await open(other, '', fragment);
    await receiver.waitForSelector('#debrief:not([hidden]) #score-breakdown');
    expect(await receiver.textContent('#score-total')).toBe(finished!.score);
    expect(await receiver.textContent('#state-hash')).toBe(finished!.hash);
    expect(await receiver.textContent('#origin-line')).toContain('Hashes match');
    expect(await hook(receiver).log()).toEqual(finished!.log);

    // A damaged link and a link to a scenario this build does not ship: said on the menu, and the menu works.
    const { page: broken } = await open(other, '', 'run=garbage!!');
    await broken.waitForSelector('#menu-notice:not([hidden])');
    expect(await broken.textContent('#menu-notice')).toMatch(
      /^This share link cannot be opened: the link is damaged/,
    );
    const foreign = fragment; // same run, another scenario id
    const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = await import('lz-string');
    const payload = JSON.parse(decompressFromEncodedURIComponent(foreign.slice(4))!) as { s: string };
    payload.s = 'no-such-scenario';
    const { page: unknown } = await open(
      other,
      '',
      `run=${compressToEncodedURIComponent(JSON.stringify(payload))}`,
    );
    await unknown.waitForSelector('#menu-notice:not([hidden])');
    expect(await unknown.textContent('#menu-notice')).toContain(
      '“no-such-scenario”, which is not one of the shipped scenarios',
    );
    await unknown.click('#start-button');
    await unknown.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(errors).toEqual([]);
  });

  it('replay: verified on opening; the scrubber jumps to a minute and the banner says so; taking over plays on as a new branch', async () => {
    const { page, log, seed, errors } = finished!;
    await page.click('#replay-run');
    await page.waitForSelector('#replay-banner');
    expect(await page.textContent('#replay-banner')).toBe('REPLAY — you are in the past (T+00:00 of 00:09)');
    expect(await page.textContent('#replay-verify')).toMatch(
      /^Replay verified: hashes match \(9 minute checkpoints and the final state\)/,
    );
    expect(await page.evaluate(() => (document.getElementById('decision-panel') as HTMLElement).inert)).toBe(
      true,
    );

    // Keyboard on the scrubber: End → the last minute (the drill ended at 09:00); Home, then four steps right.
    await page.focus('#replay-scrubber');
    await page.keyboard.press('End');
    await page.waitForFunction(() => window.__cascade!.tick() === 540);
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__cascade!.tick() === 240);
    expect(await page.textContent('#replay-banner')).toBe('REPLAY — you are in the past (T+00:04 of 00:09)');
    expect(await hook(page).hash()).toBe(hashState(run(TUTORIAL, seed, log, { untilTick: 240 }).state));

    // Play the past at 64×, then go back to minute 3.
    await page.selectOption('#replay-speed', '64');
    await page.click('#replay-play');
    await page.waitForFunction(() => window.__cascade!.tick()! > 300);
    await pauseReplay(page);
    await page.fill('#replay-scrubber', '3');
    await page.waitForFunction(() => window.__cascade!.tick() === 180);
    await page.screenshot({ path: artifactPath('replay.png') });

    // Take over at 03:00: a live drill with the commands issued before then, at the state the replay showed.
    const replayedHash = await hook(page).hash();
    await page.click('#take-over');
    await page.waitForSelector('#role-select');
    expect(await page.isVisible('#replay-banner')).toBe(false);
    expect(await hook(page).tick()).toBe(180);
    expect(await hook(page).hash()).toBe(replayedHash);
    const before = log.filter((c) => c.tick < 180);
    expect(await hook(page).log()).toEqual(before);

    // The new branch: a different order, played to the end; the engine replays it to the same hash.
    await order(page, 'edge', 'add-capacity');
    await runToDebrief(page);
    const branch = await hook(page).log();
    expect(branch.slice(0, before.length)).toEqual(before);
    expect(branch[before.length]).toEqual({
      tick: 180,
      cmd: { type: 'mitigate', mitigation: 'add-capacity', target: 'edge' },
    });
    expect(await page.textContent('#state-hash')).toBe(hashState(run(TUTORIAL, seed, branch).state));
    expect(await page.textContent('#origin-line')).toContain('Taken over from a replay at T+00:03');
    expect(errors).toEqual([]);
  });

  it('autosaves; after a reload the menu lists the save (and damaged ones, which break nothing); Resume continues from the same tick', async () => {
    const c = await context();
    const { page, errors } = await open(c);
    await startTutorial(page, '1357');
    await order(page, 'portal', 'rate-limit');
    await page.click('#pause'); // run at 1× (×60): about six simulated minutes per real second... stop early
    await page.waitForFunction(() => window.__cascade!.tick()! > 130);
    await page.click('#pause');
    await page.waitForFunction(() =>
      document.getElementById('save-status')?.textContent?.startsWith('Autosaved at'),
    );
    const tick = await hook(page).tick();
    const log = await hook(page).log();
    const hash = await hook(page).hash();

    // Two entries that do not load, next to the good one.
    await page.evaluate(() => {
      localStorage.setItem('cascade.save.cut-off', '{"saveVersion":2,"engineVersion":"1.0.0","scen');
      localStorage.setItem('cascade.save.future', JSON.stringify({ saveVersion: 99 }));
    });
    await page.reload(); // pagehide saves the paused drill at `tick`
    await page.waitForSelector('#saved-list li');
    const good = page.locator('#saved-list li[data-ok="true"]');
    const damaged = await page.locator('#saved-list li[data-ok="false"]').allTextContents();
    expect(await good.count()).toBe(1);
    expect(await good.locator('strong').textContent()).toBe('Tutorial: your first ten minutes');
    expect(await good.textContent()).toContain(`seed 1357 · T+00:0${Math.floor(tick / 60)} · score `);
    expect(damaged).toHaveLength(2);
    expect(damaged.some((d) => d.includes('damaged: the save is not valid JSON'))).toBe(true);
    expect(damaged.some((d) => d.includes('damaged: the save is from a newer version of Cascade'))).toBe(
      true,
    );
    await page.screenshot({ path: artifactPath('menu-saves.png') });

    // Deleting a damaged one leaves the rest; Resume continues exactly where the drill was.
    await page.click('#saved-list li[data-key="cascade.save.future"] .delete-save');
    await page.waitForFunction(() => document.querySelectorAll('#saved-list li').length === 2);
    const ownKey = (await good.getAttribute('data-key'))!;
    await good.locator('.resume-save').click();
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(await hook(page).tick()).toBe(tick);
    expect(await hook(page).log()).toEqual(log);
    expect(await hook(page).hash()).toBe(hash);
    await page.click('#pause');
    // On for a simulated minute, or until the tutorial's next step holds the clock (its statement, at 03:00).
    await page.waitForFunction(
      (t) => window.__cascade!.tick()! > t + 60 || window.__cascade!.step() !== null,
      tick,
    );
    await page.click('#pause');
    // Continuing after a save is the same run as never saving (the engine, headless, to the same tick).
    const later = await hook(page).tick();
    expect(await hook(page).hash()).toBe(hashState(run(TUTORIAL, '1357', log, { untilTick: later }).state));

    // A full storage: the autosave says so and the drill goes on.
    await page.evaluate((key) => {
      // Take away this drill's own save first: otherwise rewriting it could fit in the room its old text
      // frees (a newer save is not always longer), and the test would depend on that.
      localStorage.removeItem(key);
      // Fill what is left, in smaller and smaller pieces, until not even 64 characters fit.
      let n = 0;
      for (const size of [512 * 1024, 32 * 1024, 2048, 64]) {
        try {
          for (;;) localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        } catch {
          // full at this size: try a smaller piece
        }
      }
    }, ownKey);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    // The only other save is damaged (never dropped automatically): nothing can make room.
    expect(await page.textContent('#save-status')).toMatch(
      /^Autosave failed: the browser storage is full, and there is no older save to make room\. The drill goes on/,
    );
    expect(await page.getAttribute('#save-status', 'data-kind')).toBe('error');
    const t1 = await hook(page).tick();
    await page.click('#pause');
    // The clock runs on (or stops for the regulator's decision at 06:00, or holds for a tutorial step).
    await page.waitForFunction(
      (t) =>
        window.__cascade!.tick()! > t + 10 ||
        window.__cascade!.waitingForAnswer() ||
        window.__cascade!.step() !== null,
      t1,
    );
    expect(errors).toEqual([]);
  });
});
