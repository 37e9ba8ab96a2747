/**
 * The people side in a real browser: the message composer driven by keyboard only, a workaround announced and
 * withdrawn by mouse, and both panels following what the engine does with them (a statement on its way, then
 * landed; people hearing of the workaround). Flags as in game.test.ts: `fast` speeds every clock speed up,
 * `test=1` exposes the read-only hook used here to READ the log and the state.
 *
 * Expected numbers come from the default scenario's data and the built-in channel table: a social media post
 * is free and lands after 1 minute; the USSD workaround is announced by SMS, which lands after 5 minutes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedCommand, SimState } from '../../src/engine';
import { compile } from '../../src/scenario';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const FAST = 20;
const SEED = '5150';
const scenario = compile(
  readFileSync(join(ROOT, 'scenarios', 'nairobi-ddos-2023.yaml'), 'utf8'),
  'nairobi-ddos-2023.yaml',
).scenario!;

/**
 * Share of all customers a channel reaches in the given languages, from the scenario's own data: each
 * segment's habit for the channel × the share who understand the best of the languages, weighted by size
 * (the rule the scenario guide documents for reach).
 */
function expectedReach(channelId: string, languages: ('en' | 'sw')[]): number {
  const c = scenario.people.channels.findIndex((x) => x.id === channelId);
  let sum = 0;
  let size = 0;
  for (const g of scenario.segments) {
    const lang = Math.max(...languages.map((l) => g.languages[l === 'en' ? 0 : 1]!));
    sum += g.size * g.reach[c]! * lang;
    size += g.size;
  }
  return sum / size;
}

const pct = (share: number) => `${Math.round(share * 100)}\u00a0%`;

describe('Messages and Workarounds tabs in Chromium', () => {
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

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const tick = (page: Page) => page.evaluate(() => window.__cascade!.tick()!);
  const log = (page: Page) => page.evaluate(() => window.__cascade!.log() as LoggedCommand[]);
  const state = (page: Page) => page.evaluate(() => window.__cascade!.state() as SimState);

  /** Press Tab until the element with `id` has the focus (keyboard only; fails if it is not reachable). */
  async function tabTo(page: Page, id: string, max = 40): Promise<void> {
    for (let i = 0; i < max && (await focusedId(page)) !== id; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(id);
  }

  it('composes and sends a statement by keyboard, announces and withdraws a workaround by mouse, and the panels follow the engine', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}?test=1&fast=${FAST}&seed=${SEED}`);
    await page.click('#start-button:not([disabled])');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(await tick(page)).toBe(0);

    // ---- Keyboard only: Tab to the decision tabs, → to Messages, Tab through the composer. ----
    await tabTo(page, 'tab-mitigations');
    await page.keyboard.press('ArrowRight');
    expect(await focusedId(page)).toBe('tab-messages');
    await page.waitForSelector('#tabpanel-messages:not([hidden])');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('msg-channel-social'); // the first channel is chosen to start with
    await tabTo(page, 'msg-lang-sw', 3);
    await page.keyboard.press('Space');
    await tabTo(page, 'msg-block-acknowledge', 3);
    await page.keyboard.press('Space');
    await tabTo(page, 'msg-block-cause', 3);
    await page.keyboard.press('Space');
    // The cause's choices appear under it, "under investigation" chosen, with the warning about false claims.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('msg-cause-investigating');
    expect(await page.textContent('[data-block="cause"] + .block-detail')).toContain('proves false');
    await tabTo(page, 'msg-block-eta', 3);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('msg-eta-minutes');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('45');
    // Space ticked boxes instead of pausing: the clock has not started.
    expect(await page.isChecked('#msg-lang-sw')).toBe(true);
    expect(await tick(page)).toBe(0);
    expect(await page.textContent('#hud-state')).toBe('Paused');

    // Before sending: the words, the cost and the expected reach (social in both languages).
    expect(await page.textContent('#msg-preview')).toBe(
      'Social media post, in English and Kiswahili: we acknowledge the problem; cause under investigation; ETA 45 min.',
    );
    expect(await page.textContent('#msg-cost')).toMatch(/^Cost: free/);
    expect(await page.textContent('#msg-expected')).toBe(
      `Expected: reaches ${pct(expectedReach('social', ['en', 'sw']))} of customers in 1m.`,
    );
    // English only reaches fewer: the channel's facts follow the language choice.
    expect(expectedReach('social', ['en'])).toBeLessThan(expectedReach('social', ['en', 'sw']));
    expect(await page.textContent('[data-channel="social"] .facts')).toContain(
      `reaches ${pct(expectedReach('social', ['en', 'sw']))}`,
    );

    await tabTo(page, 'msg-send', 12);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#msg-said li[data-status="pending"]');
    expect(await log(page)).toEqual([
      {
        tick: 0,
        cmd: {
          type: 'statement',
          channel: 'social',
          languages: ['en', 'sw'],
          blocks: [
            { kind: 'acknowledge' },
            { kind: 'cause', cause: 'investigating' },
            { kind: 'eta', minutes: 45 },
          ],
        },
      },
    ]);
    expect(await page.textContent('#msg-result')).toBe('Sent on Social media post: lands in 1m.');
    expect(await page.textContent('#msg-said li .status')).toBe('on its way — lands in 1:00');
    expect(await page.textContent('#msg-said li .what')).toBe(
      'we acknowledge the problem; cause under investigation; ETA 45 min',
    );

    // ---- Mouse: the Workarounds tab, announce USSD on its own channel (SMS). ----
    await page.click('#tab-workarounds');
    const ussd = '[data-workaround="use-ussd"]';
    expect(await page.inputValue(`${ussd} select`)).toBe('sms');
    expect(await page.textContent(`${ussd} [data-fact="state"]`)).toBe('not announced');
    await page.click(`${ussd} [data-action="announce"]`);
    await page.waitForSelector(`${ussd}[data-state="announced"]`);
    expect((await log(page)).at(-1)).toEqual({
      tick: 0,
      cmd: { type: 'workaround', workaround: 'use-ussd', action: 'announce', channel: 'sms' },
    });
    expect(await page.textContent(`${ussd} [data-fact="state"]`)).toBe(
      'announced at T+0:00:00 — word lands in 5:00',
    );
    expect(await page.textContent(`${ussd} [data-fact="heard"]`)).toBe('0\u00a0%');

    // ---- Run 15 simulated minutes at 4×, then stop the clock. ----
    await page.keyboard.press('3');
    await page.keyboard.press('p');
    await page.waitForFunction(() => window.__cascade!.tick()! >= 900, null, { timeout: 30_000 });
    await page.keyboard.press('p');
    const st = await state(page);
    const w = scenario.people.workarounds.findIndex((x) => x.id === 'use-ussd');
    expect(st.people.statements.every((s) => s.landed)).toBe(true);
    expect(Math.max(...st.people.workarounds[w]!.awareness)).toBeGreaterThan(0);

    // The card shows people hearing of it and the load on USSD; the word has landed.
    await page.waitForFunction(
      (sel) => parseFloat(document.querySelector(`${sel} [data-fact="heard"]`)!.textContent!) > 0,
      ussd,
    );
    expect(await page.textContent(`${ussd} [data-fact="state"]`)).toBe('announced at T+0:00:00');
    expect(await page.textContent(`${ussd} [data-fact="moves"]`)).toMatch(
      /^Mobile-money app gateway → USSD \*334#, now at \d+\u00a0% of capacity/,
    );
    await page.screenshot({ path: artifactPath('workarounds.png') });

    // The Messages tab, newest first: the SMS that announced the workaround, then our post; both landed,
    // and the post's claims are on record, still open.
    await page.click('#tab-messages');
    const said = page.locator('#msg-said li');
    expect(await said.count()).toBe(2);
    expect(await said.nth(0).getAttribute('data-status')).toBe('landed');
    expect(await said.nth(0).locator('.when').textContent()).toBe(
      'T+0:00:00 · SMS blast to customers · English and Kiswahili',
    );
    expect(await said.nth(0).locator('.status').textContent()).toBe('landed at T+0:05:00');
    expect(await said.nth(1).locator('.status').textContent()).toBe('landed at T+0:01:00');
    const claims = await page.locator('#msg-claims li').allTextContents();
    expect(claims).toHaveLength(2);
    expect(claims.some((c) => c.includes('Cause: under investigation') && c.endsWith('open'))).toBe(true);
    expect(claims.some((c) => c.includes('Back within 45 min (by T+0:46:00)') && c.endsWith('open'))).toBe(
      true,
    );
    expect(await page.textContent('#msg-silence')).toMatch(
      st.people.incidentTick < 0 ? /^No incident yet/ : /^Silence: /,
    );
    // Sent blocks are cleared for the next statement; channel and languages stay.
    expect(await page.isChecked('#msg-block-acknowledge')).toBe(false);
    expect(await page.isChecked('#msg-lang-sw')).toBe(true);
    await page.check('#msg-block-cause');
    await page.check('#msg-block-goodwill');
    await page.screenshot({ path: artifactPath('messages.png') });
    // Scrolling the long panel moves only the panel: the page itself never scrolls (the layout stays put).
    await page.evaluate(() => document.querySelector('#msg-said')!.scrollIntoView({ block: 'center' }));
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    expect(
      await page.evaluate(() => document.querySelector('#side .side-scroll')!.scrollTop),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('messages-record.png') });

    // ---- Mouse: withdraw it. ----
    await page.click('#tab-workarounds');
    const before = await tick(page);
    await page.click(`${ussd} [data-action="withdraw"]`);
    await page.waitForSelector(`${ussd}[data-state="withdrawn"]`);
    expect((await log(page)).at(-1)).toEqual({
      tick: before,
      cmd: { type: 'workaround', workaround: 'use-ussd', action: 'withdraw' },
    });
    expect(await page.textContent(`${ussd} [data-fact="state"]`)).toBe('withdrawn');
    expect(await page.isDisabled(`${ussd} [data-action="withdraw"]`)).toBe(true);
    expect((await state(page)).people.workarounds[w]!.enabled).toBe(false);

    // The same panels on a 1080p projector.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: artifactPath('workarounds-1080.png') });
    await page.click('#tab-messages');
    await page.screenshot({ path: artifactPath('messages-1080.png') });

    expect(errors).toEqual([]);
    await page.close();
  });

  it('C and W jump to the message composer and the workarounds from anywhere on the city screen', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server!.url}?test=1&fast=${FAST}&seed=${SEED}`);
    await page.click('#start-button:not([disabled])');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    const focusIn = (panel: string) =>
      page.evaluate((p) => !!document.getElementById(p)?.contains(document.activeElement), panel);
    await page.keyboard.press('c');
    await page.waitForSelector('#tabpanel-messages:not([hidden])');
    expect(await focusIn('tabpanel-messages')).toBe(true);
    await page.keyboard.press('w');
    await page.waitForSelector('#tabpanel-workarounds:not([hidden])');
    expect(await focusIn('tabpanel-workarounds')).toBe(true);
    expect(await tick(page)).toBe(0); // the keys moved focus; they did not start the clock
    await page.close();
  });
});
