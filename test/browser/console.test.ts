/**
 * The facilitator's console in a real browser: the game (the projector) and the console as two pages of one
 * browser context, linked by a BroadcastChannel. The console is opened with the City screen's button; from it
 * the facilitator rewords an inject and fires it (it appears in the game's feed), holds and skips others, notes
 * a moment, and runs and pauses the room. A headless replay of the game's command log must reproduce its state
 * hash, and the projector page must never contain what only the facilitator may see.
 *
 * Waits are on state (selectors, the test hook), never on time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, applyDue, createSim, hashState, type LoggedCommand } from '../../src/engine';
import { compile } from '../../src/scenario';
import { truthSentence } from '../../src/store/facilitatorView';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const SEED = '2024';
const FILE = join(ROOT, 'scenarios', 'nairobi-ddos-2023.yaml');
const scenario = compile(readFileSync(FILE, 'utf8'), 'nairobi-ddos-2023.yaml').scenario!;
const REWORDED = 'Console test: hacktivists now claim the railway too';
const NOTE = 'Team split on whether to name the attackers';
const SCREEN = join(ROOT, 'docs', 'screens', 'console-1280x720.png');
const SCREEN_1920 = join(ROOT, 'docs', 'screens', 'console-1920x1080.png');

/** Text in the projector page, visible or not (attributes and hidden nodes included). */
const pageSource = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);

describe('facilitator console: two windows, one drill', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreviewServer();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('fires a reworded inject into the game feed, notes a moment, and the log replays to the same hash', async () => {
    context = await browser!.newContext({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    const game = await context.newPage();
    game.on('pageerror', (e) => errors.push(`game: ${e.stack ?? String(e)}`));
    await game.goto(`${server!.url}?test=1&fast=60&seed=${SEED}`);
    await game.click('#start-button:not([disabled])');
    await game.waitForFunction(() => window.__cascade?.screen() === 'city');

    // The City screen's button opens the console in a second window of the same browser.
    const [console] = await Promise.all([context.waitForEvent('page'), game.click('#open-console')]);
    console.on('pageerror', (e) => errors.push(`console: ${e.stack ?? String(e)}`));
    await console.setViewportSize({ width: 1280, height: 720 });
    expect(new URL(console.url()).hash).toBe('#facilitator');
    await console.waitForSelector('#console-clock:has-text("00:00")');
    const row = (id: string) => `#console-injects li[data-inject="${id}"]`;
    await console.waitForSelector(row('hacktivist-claim'));

    // The hidden truth is on the console, and nowhere in the projector's page.
    const truth = truthSentence(scenario);
    expect(await console.textContent('#console-truth')).toBe(truth);
    expect(await pageSource(game)).not.toContain(truth);
    expect(await pageSource(game)).not.toContain('Hidden truth');

    // Reword an inject before it fires: the console shows the new words; the projector does not know them.
    await console.click(`${row('hacktivist-claim')} button[data-action="edit"]`);
    await console.fill(`${row('hacktivist-claim')} textarea`, REWORDED);
    await console.click(`${row('hacktivist-claim')} button[data-action="save"]`);
    await console.waitForSelector(`${row('hacktivist-claim')} q:has-text("${REWORDED}")`);
    expect(await pageSource(game)).not.toContain(REWORDED);

    // Hold one, skip another, then fire the reworded one now: it lands in the game window's feed.
    await console.click(`${row('cert-warning')} button[data-action="hold"]`);
    await console.waitForSelector(`${row('cert-warning')}[data-status="held"]`);
    await console.click(`${row('services-resumed')} button[data-action="skip"]`);
    await console.waitForSelector(
      `#console-spent li[data-inject="services-resumed"][data-status="skipped"]`,
      {
        state: 'attached', // in the closed "Fired or skipped" list
      },
    );
    await console.click(`${row('hacktivist-claim')} button[data-action="fire"]`);
    await game.waitForSelector(`.feed-item:has-text("${REWORDED}")`);
    await console.waitForSelector(`#console-spent li[data-inject="hacktivist-claim"][data-status="fired"]`, {
      state: 'attached',
    });

    // A refused command says why: firing it again.
    await console.evaluate(() => {
      // The spent row hides its buttons; send the same command the button would have sent.
      const channel = new BroadcastChannel('cascade-facilitator');
      channel.postMessage({
        kind: 'command',
        id: 'again',
        cmd: { type: 'fire-inject', inject: 'hacktivist-claim' },
      });
      channel.close();
    });
    await game.waitForFunction(
      () =>
        (window.__cascade!.log() as LoggedCommand[]).filter((c) => c.cmd.type === 'fire-inject').length === 2,
    );

    // A feed item written by the facilitator, and a question for the room.
    await console.selectOption('#post-channel', 'social');
    await console.fill('#post-from', '@matatu_driver');
    await console.fill('#post-text', 'No M-Pesa at the stage, passengers walking');
    await console.click('#post-feed');
    await game.waitForSelector('.feed-item:has-text("passengers walking")');

    // A question for the team: it opens as a decision in the game; the team's answer shows on the console.
    await console.fill('#post-from', 'Central Bank');
    await console.fill('#post-text', 'Do you tell the regulator now?');
    await console.fill('#ask-answers', 'Now / After the fix');
    await console.click('#ask-question');
    await game.click('.prompt[data-prompt="ask-1"] button[data-option="Now"]');
    await console.waitForSelector('#console-questions li[data-question="ask-1"]:has-text("Now")');
    expect(await console.inputValue('#post-text')).toBe(''); // accepted: the field is cleared for the next one

    // Run the room from the console, then pause it there; note the moment.
    await console.click('.console-speeds button[data-speed="2"]');
    await console.click('#console-pause:has-text("Resume room")');
    await game.waitForFunction(() => (window.__cascade!.tick() ?? 0) >= 300);
    await console.click('#console-pause:has-text("Pause room")');
    await console.waitForSelector('#console-status:has-text("Done: pause the room")');
    // Keyboard: N goes to the note field from anywhere on the console; Enter takes the note.
    await console.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await console.keyboard.press('n');
    expect(await console.evaluate(() => document.activeElement?.id)).toBe('note-text');
    await console.keyboard.type(NOTE);
    await console.keyboard.press('Enter');
    await console.waitForSelector(`#console-notes li:has-text("${NOTE}")`);
    await console.waitForSelector('#console-status:has-text("Done: note this moment")');

    // Every facilitator action is in the game's command log; replaying it headless gives the same hash.
    const log = await game.evaluate(() => window.__cascade!.log() as LoggedCommand[]);
    const tick = (await game.evaluate(() => window.__cascade!.tick()))!;
    const hash = await game.evaluate(() => window.__cascade!.hash());
    expect(log.map((c) => c.cmd.type)).toEqual([
      'edit-inject',
      'hold-inject',
      'skip-inject',
      'fire-inject',
      'fire-inject',
      'post',
      'ask',
      'answer',
      'room',
      'room',
      'room',
      'annotate',
    ]);
    const sim = createSim(scenario, SEED);
    const cursor = advance(sim, log, 0, { untilTick: tick });
    expect(applyDue(sim, log, cursor)).toBe(log.length);
    expect(sim.state.tick).toBe(tick);
    expect(hashState(sim.state)).toBe(hash);
    expect(sim.state.facilitator?.annotations).toEqual([{ tick, text: NOTE }]);
    expect(sim.state.injects[scenario.injects.findIndex((d) => d.id === 'cert-warning')]!.fired).toBe(0);

    // Still nothing facilitator-only on the projector (the held inject's text, the truth), and no page errors.
    const certText = scenario.injects.find((d) => d.id === 'cert-warning')!.effects[0]!;
    expect(certText.type === 'feed' && (await pageSource(game)).includes(certText.text)).toBe(false);
    expect(await pageSource(game)).not.toContain(truth);
    expect(errors).toEqual([]);

    // The console has no map canvas: the game's start-up indicator must not stay over it ("Loading the game…").
    expect(await console.locator('#boot-loading').count()).toBe(0);
    await console.evaluate(() => document.querySelector('.console-script')!.scrollTo(0, 0));
    await console.screenshot({ path: SCREEN });
    await console.screenshot({ path: artifactPath('console-1280x720.png') });
    await game.screenshot({ path: artifactPath('console-projector-1280x720.png') });
    // On a facilitator's big screen the console uses the width and nothing spills sideways.
    await console.setViewportSize({ width: 1920, height: 1080 });
    await console.waitForFunction(() => window.innerWidth === 1920);
    expect(await console.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
      true,
    );
    await console.screenshot({ path: SCREEN_1920 });

    // The note is on the debrief's timeline, once, marked as the facilitator's; their actions are theirs.
    await game.click('#end-drill');
    await game.click('#end-drill');
    await game.waitForSelector('#debrief:not([hidden]) #timeline');
    const noted = game.locator(`#timeline li:has-text("${NOTE}")`);
    expect(await noted.count()).toBe(1);
    expect(await noted.getAttribute('data-kind')).toBe('annotation');
    expect(await game.textContent(`#timeline li:has-text("${REWORDED}") >> nth=0`)).toBeTruthy();
    // Everything but the note (listed as a note) and the team's answer (theirs) was the facilitator's.
    expect(await game.locator('#timeline li:has-text("(Facilitator)")').count()).toBe(log.length - 2);
    expect(await game.textContent('#timeline li:has-text("Answered the facilitator")')).toContain(
      '(Commander)',
    );
    await console.waitForSelector('#console-room:has-text("The drill has ended")');
  });
});
