/**
 * A drill in a room (issue 12): decisions that cannot be missed, a feed whose new items are seen, a side column
 * usable at 720 px, and a tutorial whose steps wait for the trainee. Flags as in game.test.ts: `fast` speeds every
 * clock speed up, `test=1` exposes the read-only hook used to READ the tick, the log and the state hash.
 *
 * Every wait is on the game's state (or on rendered frames), never on a fixed time: the tests must pass on a busy
 * machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashState, run, type LoggedCommand } from '../../src/engine';
import { compile } from '../../src/scenario';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const FAST = 60;
const SEED = '2024';
const TUTORIAL = compile(
  readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8'),
  'tutorial.yaml',
).scenario!;

const hook = (page: Page) => ({
  tick: () => page.evaluate(() => window.__cascade!.tick()!),
  step: () => page.evaluate(() => window.__cascade!.step()),
  log: () => page.evaluate(() => window.__cascade!.log() as LoggedCommand[]),
  hash: () => page.evaluate(() => window.__cascade!.hash()!),
});

/** Resolves after `n` animation frames of the page: the game loop had `n` chances to move the clock. */
function frames(page: Page, n: number): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    n,
  );
}

interface Box {
  what: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The question, who asks, every answer and the timeout line of the open decision, as page rectangles. */
function promptBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const dialog = document.getElementById('prompt-dialog')!;
    const parts = [
      ...dialog.querySelectorAll<HTMLElement>(
        '#prompt-from, #prompt-question, #prompt-status, [data-option]',
      ),
    ];
    return parts.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        what: el.dataset.option ?? el.id,
        top: r.top,
        left: r.left,
        bottom: r.bottom,
        right: r.right,
      };
    });
  });
}

describe('decisions, feed, side column and tutorial in Chromium', () => {
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

  async function openCity(
    width: number,
    height: number,
    scenarioId: string,
  ): Promise<{ page: Page; errors: string[] }> {
    if (!browser || !server) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server.url}?test=1&fast=${FAST}&seed=${SEED}&scenario=${scenarioId}`);
    await page.waitForSelector('#start-button:not([disabled])');
    await page.click(`.scenario-option[data-scenario="${scenarioId}"]`);
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 0);
    return { page, errors };
  }

  /** Runs the clock at 8× until a decision stops it (false if the drill ended first). */
  async function runToDecision(page: Page): Promise<boolean> {
    if ((await page.getAttribute('#hud-state', 'data-state')) === 'paused') await page.click('#pause');
    await page.waitForFunction(
      () => window.__cascade!.waitingForAnswer() || window.__cascade!.screen() === 'debrief',
      null,
      { timeout: 60_000 },
    );
    if (!(await page.evaluate(() => window.__cascade!.waitingForAnswer()))) return false;
    await page.waitForSelector('#prompt-dialog:not([hidden]) [data-option]');
    return true;
  }

  async function expectWholeDecisionInView(page: Page, width: number, height: number): Promise<void> {
    const boxes = await promptBoxes(page);
    expect(boxes.filter((b) => b.what.startsWith('prompt-')).map((b) => b.what)).toEqual([
      'prompt-from',
      'prompt-question',
      'prompt-status',
    ]);
    expect(boxes.length).toBeGreaterThanOrEqual(5); // three lines and at least two answers
    const outside = boxes.filter((b) => b.top < 0 || b.left < 0 || b.bottom > height || b.right > width);
    expect(outside).toEqual([]);
    // Not in a scroll area of the page: the decision area itself does not scroll either.
    expect(
      await page.evaluate(() => {
        const d = document.getElementById('prompt-dialog')!;
        return { inFeed: d.closest('#feed') !== null, scrolls: d.scrollHeight > d.clientHeight + 1 };
      }),
    ).toEqual({ inFeed: false, scrolls: false });
    // No answer is focused: Enter by reflex must not choose one.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-option]') ?? null)).toBeNull();
  }

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`at ${width}×${height} a decision shows its question and every answer in view, none focused; Enter does not answer; the feed echoes the answer and the focus goes back`, async () => {
      const { page, errors } = await openCity(width, height, 'nairobi-ddos-2023');
      // Before Run the feed says what is happening and how to start.
      expect(await page.textContent('#feed .feed-empty')).toMatch(/clock is paused\. Press Space or Run/);
      await page.click('[data-speed="8"]');
      await page.focus('#pause');
      expect(await runToDecision(page)).toBe(true);
      await expectWholeDecisionInView(page, width, height);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('prompt-dialog');
      expect(await page.textContent('#hud-state')).toBe('Decision waiting');
      await page.screenshot({ path: join(ROOT, 'docs', 'screens', `prompt-${width}x${height}.png`) });

      const before = (await hook(page).log()).length;
      await page.keyboard.press('Enter');
      await frames(page, 5);
      expect((await hook(page).log()).length).toBe(before);
      expect(await page.evaluate(() => window.__cascade!.waitingForAnswer())).toBe(true);

      // Space pauses (so no later decision comes before we look); Tab reaches the answers; the second, by keyboard.
      await page.keyboard.press('Space');
      await page.waitForSelector('#pause[aria-pressed="true"]');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const label = await page.evaluate(
        () => document.activeElement!.closest('[data-option]')!.querySelector('.option-label')!.textContent,
      );
      const asker = (await page.textContent('#prompt-from'))!.replace(/^Decision: | asks$/g, '');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !window.__cascade!.waitingForAnswer());
      expect((await hook(page).log()).at(-1)!.cmd.type).toBe('answer');
      await page.waitForSelector('#prompt-dialog', { state: 'hidden' });
      await page.waitForSelector(`.feed-item:has-text("You answered ${asker}: “${label}”.")`);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('pause');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('in mpesa-rumour-2024 at 1280×720 every decision, to the end, has its question and answers in view', async () => {
    const { page, errors } = await openCity(1280, 720, 'mpesa-rumour-2024');
    await page.click('[data-speed="8"]');
    let decisions = 0;
    while (await runToDecision(page)) {
      await expectWholeDecisionInView(page, 1280, 720);
      await page.click('#prompt-dialog [data-option] >> nth=0');
      await page.waitForFunction(() => !window.__cascade!.waitingForAnswer());
      decisions++;
    }
    expect(decisions).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the feed follows the newest at the bottom; scrolled up it keeps its place and offers "N new ↓"', async () => {
    const { page, errors } = await openCity(1280, 720, 'nairobi-ddos-2023');
    const feed = '#feed .feed-body';
    const atBottom = () => page.$eval(feed, (el) => el.scrollHeight - el.scrollTop - el.clientHeight <= 24);
    await page.click('[data-speed="4"]');
    await page.click('#pause');
    // Enough items to scroll.
    await page.waitForFunction((sel) => {
      const el = document.querySelector(sel)!;
      return el.scrollHeight > el.clientHeight * 2;
    }, feed);
    await page.click('#pause');
    expect(await atBottom()).toBe(true);
    // Newest last: the last item is the newest.
    const ticks = await page.$$eval('#feed .feed-item .time', (els) => els.map((e) => e.textContent));
    expect(ticks).toEqual([...ticks].sort());

    // The reader scrolls up to read; new items arrive below without moving what they read.
    await page.$eval(feed, (el) => (el.scrollTop = 0));
    const count = await page.locator('#feed .feed-item').count();
    await page.click('#pause');
    await page.waitForFunction((n) => document.querySelectorAll('#feed .feed-item').length > n, count);
    await page.click('#pause');
    await page.waitForSelector('#feed-new:not([hidden])');
    expect(await page.$eval(feed, (el) => el.scrollTop)).toBe(0);
    expect(await page.textContent('#feed-new')).toMatch(/^[1-9]\d* new ↓$/);
    await page.click('#feed-new');
    expect(await atBottom()).toBe(true);
    await page.waitForSelector('#feed-new', { state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 1280×720 the side column scrolls as one, the Order button is in view without scrolling, and the send plan covers nothing', async () => {
    const { page, errors } = await openCity(1280, 720, 'nairobi-ddos-2023');
    const scrollAreas = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('#side, #side *')].filter((el) => {
            const y = getComputedStyle(el).overflowY;
            return (y === 'auto' || y === 'scroll') && el.scrollHeight > el.clientHeight + 1;
          }).length,
      );
    await page.selectOption('#service-select', 'gov-portal');
    await page.click('#tabpanel-mitigations label[data-mitigation="add-capacity"]');
    expect(await scrollAreas()).toBeLessThanOrEqual(1);
    const inView = (sel: string) =>
      page.$eval(sel, (el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.top >= 0 && r.bottom <= window.innerHeight && (hit === el || el.contains(hit));
      });
    expect(await inView('#order-button')).toBe(true);
    expect(await page.textContent('#order-button')).toBe(
      'Order Add capacity on Government e-services portal',
    );

    await page.click('#tab-messages');
    expect(await scrollAreas()).toBeLessThanOrEqual(1);
    expect(await inView('#msg-send')).toBe(true);
    await page.screenshot({ path: artifactPath('side-messages-1280x720.png') });
    // Every control of the composer, scrolled to the bottom edge of the column, is itself under the pointer there:
    // nothing sits over it (a sticky send plan once covered the evidence selector).
    const covered = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(
        '#tabpanel-messages input, #tabpanel-messages select',
      )) {
        const target = el.closest('label') ?? el;
        if (target.getClientRects().length === 0) continue; // hidden (a detail not chosen)
        target.scrollIntoView({ block: 'end' });
        const r = target.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 8, r.bottom - 4);
        if (!hit || !(target === hit || target.contains(hit)))
          out.push(el.id || el.getAttribute('name') || '?');
      }
      return out;
    });
    expect(covered).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the tutorial holds the clock at each waiting step, points at the control to use, and goes on when it is done; the log replays to the same hash', async () => {
    const { page, errors } = await openCity(1280, 720, 'tutorial');
    const h = hook(page);
    await page.click('[data-speed="8"]');
    await page.click('#pause');

    // Step 1: select the portal. The clock holds (however many frames pass) and the map is highlighted.
    await page.waitForFunction(() => window.__cascade!.step() === 'map-hint');
    const held = await h.tick();
    await frames(page, 30);
    expect(await h.tick()).toBe(held);
    expect(await page.textContent('#hud-state')).toBe('Waiting for you');
    expect(await page.textContent('#coach-title')).toBe('Tutorial, step 1 of 4: your turn');
    expect(await page.textContent('#coach-text')).toContain('Click the Government portal on the map');
    expect(await page.getAttribute('#map-canvas', 'class')).toContain('coach-target');
    const portal = await page.evaluate(() => window.__cascade!.servicePoint('portal'));
    expect(portal).not.toBeNull();
    await page.mouse.click(portal!.x, portal!.y);

    // Step 2: order a rate limit on it, from the Mitigations tab (highlighted).
    await page.waitForFunction(() => window.__cascade!.step() === 'flood-starts');
    expect(await h.tick()).toBeGreaterThan(held);
    expect(await page.getAttribute('#tab-mitigations', 'class')).toContain('coach-target');
    expect(await page.getAttribute('#map-canvas', 'class')).not.toContain('coach-target');
    await page.screenshot({ path: artifactPath('tutorial-step.png') });
    const orderTick = await h.tick();
    await page.click('#tab-mitigations');
    await page.click('#tabpanel-mitigations label[data-mitigation="rate-limit"]');
    await page.click('#order-button');

    // Step 3: a statement on social media, from the Messages tab.
    await page.waitForFunction(() => window.__cascade!.step() === 'statement-hint');
    expect(await page.getAttribute('#tab-messages', 'class')).toContain('coach-target');
    expect(await page.textContent('#coach-text')).toContain('Open the Messages tab');
    await page.click('#tab-messages');
    await page.check('#msg-block-acknowledge');
    await page.click('#msg-send');

    // Step 4: announce the workaround, from the Workarounds tab.
    await page.waitForFunction(() => window.__cascade!.step() === 'workaround-hint');
    expect(await page.getAttribute('#tab-workarounds', 'class')).toContain('coach-target');
    await page.click('#tab-workarounds');
    await page.click('[data-workaround="use-ussd"] [data-action="announce"]');
    await page.waitForFunction(() => window.__cascade!.step() === null);
    await page.waitForSelector('#coach', { state: 'hidden' });

    // Every command was given while the clock held, stamped with that tick; the log replays exactly.
    await page.click('#pause');
    const log = await h.log();
    expect(log.map((c) => c.cmd.type)).toEqual(['mitigate', 'statement', 'workaround']);
    expect(log[0]!.tick).toBe(orderTick);
    const tick = await h.tick();
    expect(await h.hash()).toBe(hashState(run(TUTORIAL, SEED, log, { untilTick: tick }).state));
    expect(errors).toEqual([]);
    await page.close();
  });
});
