/**
 * Plays a running drill to its debrief the quickest way a test can: each decision gets its first answer, and
 * a tutorial step that holds the clock is skipped (tests that use this are about what comes after, not the
 * lesson). Shared by the browser tests that only need to reach the debrief.
 */
import type { Page } from 'playwright-core';
import type { CascadeTestHook } from '../../src/ui/testHook';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

export async function playToDebrief(page: Page): Promise<void> {
  for (;;) {
    await page.waitForFunction(
      () =>
        !window.__cascade!.skipStep() &&
        (window.__cascade!.waitingForAnswer() || window.__cascade!.screen() === 'debrief'),
      null,
      { timeout: 60_000 },
    );
    if ((await page.evaluate(() => window.__cascade!.screen())) === 'debrief') return;
    await page.click('.prompt button >> nth=0');
    await page.waitForFunction(() => !window.__cascade!.waitingForAnswer());
  }
}
