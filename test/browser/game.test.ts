/**
 * The game in a real browser (Chromium via playwright-core, against `vite preview` of dist/).
 *
 * The tests drive the game through its UI — keyboard and mouse — like a player. They load the page with two
 * test-only flags (documented in src/ui/flags.ts): `fast=60` (every speed 60× faster, so the four-hour drill
 * runs in seconds at 8×) and `test=1` (a read-only hook on window.__cascade, used to READ state: tick, command
 * log, hash, and where a service is drawn so the mouse can click it).
 *
 * Determinism: every action is taken while the clock is stopped — at tick 0 (a drill opens paused) or while a
 * decision prompt stops the clock — so two runs with the same seed take the same actions at the same ticks,
 * and must end with the same score and state hash, equal to a headless replay of the command log in Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashState, run, type LoggedCommand } from '../../src/engine';
import { compile } from '../../src/scenario';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

const FAST = 60;
const SEED = '4242';
const XSS = '<img src=x onerror=alert(1)>';
const DEFAULT_FILE = join(ROOT, 'scenarios', 'nairobi-ddos-2023.yaml');
const BROKEN_FILE = join(ROOT, 'test', 'browser', 'fixtures', 'broken-scenario.yaml');
const XSS_FILE = join(ROOT, 'test', 'browser', 'fixtures', 'xss-scenario.yaml');

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

interface OpenPage {
  page: Page;
  dialogs: string[];
  errors: string[];
}

/** 1-based number of the first line of `file` containing `needle` (how an author would find it). */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' is not in ${file}`);
  return index + 1;
}

const hook = (page: Page) => ({
  screen: () => page.evaluate(() => window.__cascade!.screen()),
  tick: () => page.evaluate(() => window.__cascade!.tick()),
  log: () => page.evaluate(() => window.__cascade!.log() as LoggedCommand[]),
});

describe('Cascade in Chromium: menu → city → debrief', () => {
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

  async function openGame(): Promise<OpenPage> {
    if (!browser || !server) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    // Only the page's own origin may be contacted (no CDN fonts, no telemetry).
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (
        !request.url().startsWith(server!.url) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      )
        foreign.push(request.url());
    });
    await page.goto(`${server.url}?test=1&fast=${FAST}`);
    await page.waitForSelector('#start-button:not([disabled])');
    expect(foreign).toEqual([]);
    return { page, dialogs, errors };
  }

  it('menu: default scenario preselected; a broken file lists its diagnostics by line and the game keeps working; scenario HTML shows as text', async () => {
    const { page, dialogs, errors } = await openGame();

    // The default scenario is preselected, with its details; the seed is a concrete number, "Random" gives another.
    const defaultTitle = compile(readFileSync(DEFAULT_FILE, 'utf8'), 'nairobi-ddos-2023.yaml').scenario!.meta
      .title;
    expect(await page.getAttribute('.scenario-option:has(input:checked)', 'data-scenario')).toBe(
      'nairobi-ddos-2023',
    );
    expect(await page.textContent('#scenario-title')).toBe(defaultTitle);
    const seed = await page.inputValue('#seed-input');
    expect(seed).toMatch(/^\d+$/);
    await page.click('#random-seed');
    await page.waitForFunction(
      (before) => (document.querySelector('#seed-input') as HTMLInputElement).value !== before,
      seed,
    );
    expect(await page.inputValue('#seed-input')).toMatch(/^\d+$/);
    await page.screenshot({ path: artifactPath('menu.png') });

    // A broken file: both mistakes listed as `line:col CODE message`, at the lines an author would look at.
    const scenariosBefore = await page.locator('.scenario-option').count();
    await page.setInputFiles('#scenario-file', BROKEN_FILE);
    await page.waitForSelector('#diagnostics:not([hidden])');
    const lines = await page.locator('#diagnostics li').allTextContents();
    const durationLine = lineOf(BROKEN_FILE, 'duration: 10 minutes');
    const capacityLine = lineOf(BROKEN_FILE, 'capacity: a thousand');
    expect(lines.some((l) => new RegExp(`^${durationLine}:\\d+ SCN015 `).test(l))).toBe(true);
    expect(lines.some((l) => new RegExp(`^${capacityLine}:\\d+ SCN012 `).test(l))).toBe(true);
    expect(await page.textContent('#diagnostics h3')).toContain('cannot be played: 2 errors');
    // Nothing was added; the default scenario is still selected and can be started.
    expect(await page.locator('.scenario-option').count()).toBe(scenariosBefore);
    expect(await page.getAttribute('.scenario-option:has(input:checked)', 'data-scenario')).toBe(
      'nairobi-ddos-2023',
    );
    expect(await page.isEnabled('#start-button')).toBe(true);
    await page.screenshot({ path: artifactPath('menu-diagnostics.png') });

    // A valid scenario whose texts contain HTML: shown as those characters, never run.
    await page.setInputFiles('#scenario-file', XSS_FILE);
    await page.waitForSelector('#diagnostics[data-ok="true"]');
    expect(await page.textContent('#scenario-title')).toBe(`${XSS} drill`);
    expect(await page.textContent('.scenario-option:has(input:checked) strong')).toBe(`${XSS} drill`);
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    await page.selectOption('#service-select', 'edge');
    expect(await page.textContent('#service-title')).toBe(XSS);
    await page.keyboard.press('Space');
    await page.waitForSelector(`.feed-item:has-text("Feed says")`);
    expect(await page.textContent('.feed-item:has-text("Feed says") .text')).toBe(
      `<b>not bold</b>: Feed says ${XSS}`,
    );
    await page.keyboard.press('4');
    await page.waitForSelector('#debrief:not([hidden]) #debrief-title');
    expect(await page.textContent('#debrief-title')).toBe(`Debrief: ${XSS} drill`);
    expect(await page.evaluate(() => document.querySelectorAll('img, b').length)).toBe(0);
    expect(dialogs).toEqual([]);

    // Back to the menu: the game still works (the shipped scenarios are all there).
    await page.click('#menu-button');
    await page.waitForSelector('#menu:not([hidden]) #start-button');
    expect(await page.locator('.scenario-option').count()).toBe(scenariosBefore + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  /**
   * One full drill on the default scenario: seed typed, started with Enter; a mitigation ordered by keyboard and
   * one by mouse at tick 0; run at 8×; each decision prompt answered (the first by keyboard, the rest by mouse);
   * returns what the debrief shows.
   */
  async function playDefault(
    page: Page,
    first: boolean,
  ): Promise<{ score: string; hash: string; log: LoggedCommand[] }> {
    const h = hook(page);
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(await h.tick()).toBe(0);
    expect(await page.textContent('#hud-state')).toBe('Paused');

    // Help overlay by keyboard.
    await page.keyboard.press('?');
    await page.waitForSelector('#help:not([hidden]) [role="dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#help[hidden]', { state: 'attached' });

    // Keyboard: ] until the portal is selected; M to the mitigations; ↓ to the WAF rule; Tab to Order; Enter.
    for (let i = 0; i < 40 && (await page.inputValue('#service-select')) !== 'gov-portal'; i++)
      await page.keyboard.press(']');
    expect(await page.inputValue('#service-select')).toBe('gov-portal');
    await page.keyboard.press('m');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('rate-limit');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('waf-rule');
    // The plan shows delay, cost and side effect before committing (catalogue: 8 minutes, KES 150,000).
    expect(await page.textContent('[data-fact="delay"]')).toBe('after 8m');
    expect(await page.textContent('[data-fact="cost"]')).toBe('KES 150k');
    expect(await page.textContent('[data-fact="side"]')).toContain('False positives');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('order-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector(
      '#tabpanel-mitigations .orders li:has-text("WAF rule against odd queries — Government e-services portal")',
    );

    // Mouse: click the operator's edge on the map, pick rate limiting, order it.
    const edge = await page.evaluate(() => window.__cascade!.servicePoint('operator-edge'));
    expect(edge).not.toBeNull();
    await page.mouse.click(edge!.x, edge!.y);
    await page.waitForFunction(
      () => (document.querySelector('#service-select') as HTMLSelectElement).value === 'operator-edge',
    );
    await page.click('#tabpanel-mitigations label[data-mitigation="rate-limit"]');
    await page.click('#order-button');
    await page.waitForSelector(
      '#tabpanel-mitigations .orders li:has-text("Rate limiting per client — Operator internet edge")',
    );
    expect(await page.textContent('#mitigation-commit .result')).toContain('takes effect in 2m');

    // Both orders stamped with tick 0; Space (focus still on the Order button) runs the clock without re-ordering.
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    await page.waitForFunction(() => window.__cascade!.tick()! > 0);
    expect(await page.textContent('#hud-state')).toMatch(/^Running 8×/);
    const early = await h.log();
    expect(early).toEqual([
      { tick: 0, cmd: { type: 'mitigate', mitigation: 'waf-rule', target: 'gov-portal' } },
      { tick: 0, cmd: { type: 'mitigate', mitigation: 'rate-limit', target: 'operator-edge' } },
    ]);

    // Run to the end, answering each decision that stops the clock.
    let prompts = 0;
    for (;;) {
      await page.waitForFunction(
        () => window.__cascade!.waitingForAnswer() || window.__cascade!.screen() === 'debrief',
        null,
        { timeout: 60_000 },
      );
      if ((await h.screen()) === 'debrief') break;
      await page.waitForSelector('.prompt button');
      expect(await page.textContent('#hud-state')).toBe('Decision waiting');
      const tickBefore = await h.tick();
      if (prompts === 0) {
        if (first) await page.screenshot({ path: artifactPath('city.png') });
        // No answer has the focus (Enter alone must not answer). Keyboard: F goes to the decision's question,
        // Tab to the first answer, Tab to the second, Enter answers.
        expect(
          await page.evaluate(() => document.activeElement?.closest('[data-option]') ?? null),
        ).toBeNull();
        await page.keyboard.press('f');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('prompt-dialog');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
      } else {
        await page.click('.prompt button >> nth=0');
      }
      await page.waitForFunction(() => !window.__cascade!.waitingForAnswer());
      const answered = (await h.log()).at(-1)!;
      expect(answered.cmd.type).toBe('answer');
      expect(answered.tick).toBe(tickBefore);
      prompts++;
    }
    expect(prompts).toBeGreaterThanOrEqual(1);

    await page.waitForSelector('#debrief:not([hidden]) #score-breakdown');
    const rows = await page.locator('#score-breakdown tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(2);
    const timeline = await page.locator('#timeline li').allTextContents();
    expect(
      timeline.some((t) =>
        t.includes('Ordered WAF rule against odd queries on Government e-services portal'),
      ),
    ).toBe(true);
    expect(
      timeline.some((t) => t.includes('Ordered Rate limiting per client on Operator internet edge')),
    ).toBe(true);
    expect(await page.textContent('#run-seed')).toBe(SEED);
    if (first) await page.screenshot({ path: artifactPath('debrief.png'), fullPage: true });
    return {
      score: (await page.textContent('#score-total'))!,
      hash: (await page.textContent('#state-hash'))!,
      log: await h.log(),
    };
  }

  it('plays the default scenario by keyboard and mouse to the debrief, twice with the same seed: same score and hash as a headless replay', async () => {
    const { page, dialogs, errors } = await openGame();

    // Mouse: pick the default scenario; keyboard: type the seed and press Enter to start.
    await page.click('.scenario-option[data-scenario="nairobi-ddos-2023"]');
    await page.click('#seed-input', { clickCount: 3 });
    await page.keyboard.type(SEED);
    await page.keyboard.press('Enter');
    const a = await playDefault(page, true);

    // Same seed, same actions.
    await page.click('#replay-button');
    const b = await playDefault(page, false);
    expect(b.log).toEqual(a.log);
    expect(b.score).toBe(a.score);
    expect(b.hash).toBe(a.hash);

    // The browser's run is the engine's run: replaying the log headless in Node gives the same state.
    const scenario = compile(readFileSync(DEFAULT_FILE, 'utf8'), 'nairobi-ddos-2023.yaml').scenario!;
    const headless = run(scenario, SEED, a.log);
    expect(headless.state.ended).toBe(true);
    expect(hashState(headless.state)).toBe(a.hash);
    expect(headless.state.metrics.score.toFixed(1)).toBe(a.score);

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
