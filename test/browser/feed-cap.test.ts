/**
 * The feed keeps only its newest items in the page (issue 11, "the feed grows without a cap"): a scenario whose
 * inject posts every simulated second still leaves at most FEED_SHOWN items in the DOM, with a line counting
 * the older ones, while the item count says how many the drill has; the drill itself keeps FEED_LIMIT items and
 * the same line says how many older ones it let go of, of which channels and when (engine/bounded.ts).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_LIMIT, type SimState } from '../../src/engine';
import { droppedFeedText } from '../../src/run/dropped';
import { FEED_SHOWN } from '../../src/ui/feed';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const FLOOD_FILE = join(ROOT, 'test', 'browser', 'fixtures', 'feed-flood.yaml');

describe('feed cap, in Chromium', () => {
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

  it('a post every second leaves at most the newest items in the page, and counts the older ones', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}?test=1&fast=4`);
    await page.waitForSelector('#start-button:not([disabled])');
    await page.setInputFiles('#scenario-file', FLOOD_FILE);
    await page.waitForSelector('#diagnostics[data-ok="true"]');
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    // At 1× and fast=4 (24 simulated seconds a real second) tick 200 comes after about 8 s and the end (tick 571)
    // after 24 s: room to stop the clock in between even on a loaded machine (at fast=60 the whole drill is 1.6 s).
    await page.click('[data-speed="1"]');
    if ((await page.textContent('#hud-state'))?.startsWith('Paused')) await page.click('#pause');
    // Run until well past both caps (answering any decision that stops the clock), then stop the clock and
    // look. The flood posts three items a tick from tick 1, so the drill holds FEED_LIMIT items from tick 101.
    for (;;) {
      await page.waitForFunction(
        () => window.__cascade!.waitingForAnswer() || window.__cascade!.tick()! >= 200,
        null,
        { timeout: 60_000 },
      );
      if (!(await page.evaluate(() => window.__cascade!.waitingForAnswer()))) break;
      await page.click('.prompt button >> nth=0');
      await page.waitForFunction(() => !window.__cascade!.waitingForAnswer());
    }
    await pauseClock(page);
    await page.waitForSelector('.feed-older:not([hidden])');
    const state = (await page.evaluate(() => window.__cascade!.state())) as SimState;
    // The drill holds its limit, and the line says both what the page hides and what the drill let go of.
    expect(state.feed).toHaveLength(FEED_LIMIT);
    expect(state.feedDropped!.count).toBeGreaterThan(0);
    const older = `${FEED_LIMIT - FEED_SHOWN} older items are not shown here. ${droppedFeedText(state.feedDropped!)}`;
    await page.waitForFunction((text) => document.querySelector('.feed-older')?.textContent === text, older);
    expect(await page.textContent('.feed-older')).toBe(older);
    expect(await page.textContent('.feed-older')).toContain('older feed item');
    const total = Number((await page.textContent('.feed-head .muted'))!.split(' ')[0]);
    expect(total).toBe(FEED_LIMIT);
    expect(await page.locator('.feed-item').count()).toBe(FEED_SHOWN);
    // Newest first: the first item in the page is the latest post.
    const times = await page.locator('.feed-item .time').allTextContents();
    expect([...times].sort()).toEqual(times); // oldest at the top, newest at the bottom (like a chat)
    await page.screenshot({ path: artifactPath('feed-cap.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Pause the drill and keep it paused. #pause toggles, and a decision (its dialog makes the HUD inert) or a
 * tutorial step can begin between a look and a click: so look, act, and look again until the HUD says Paused.
 */
async function pauseClock(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await page.textContent('#hud-state'))?.startsWith('Paused')) return;
    if (await page.evaluate(() => window.__cascade!.waitingForAnswer())) {
      await page.click('.prompt button >> nth=0');
      await page.waitForFunction(() => !window.__cascade!.waitingForAnswer());
      continue;
    }
    if (await page.evaluate(() => window.__cascade!.skipStep())) continue; // a tutorial step held the clock
    // A decision that opens between the look and the click makes the HUD inert: give up the click, look again.
    const clicked = await page
      .click('#pause', { timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (!clicked) continue;
    await page
      .waitForFunction(() => document.querySelector('#hud-state')?.textContent?.startsWith('Paused'), null, {
        timeout: 5_000,
      })
      .catch(() => undefined); // looked at again at the top of the loop
  }
  throw new Error(`the drill would not pause: the HUD says '${await page.textContent('#hud-state')}'`);
}
