/**
 * Issue 11, security: bidirectional control characters in a scenario's text are removed for display. A
 * scenario file whose service is named "\u202Eevil portal" (RIGHT-TO-LEFT OVERRIDE: shown as "latrop live")
 * and whose first feed message carries overrides and isolates is opened from the menu; the map's labels (the
 * text Phaser draws, read through the test hook), the map as a table (T) and the feed show the words without
 * any control character. Screenshot: test/artifacts/bidi-labels.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

/** Every embedding, override and isolate control (what src/run/text.ts removes). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** The tutorial with hostile names: YAML's double quotes turn `\u202E` into the character itself. */
function hostileTutorial(): string {
  const text = readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8');
  const out = text
    .replace(/^id: tutorial$/m, 'id: bidi-labels')
    .replace('    name: Government portal\n', '    name: "\\u202Eevil portal"\n')
    .replace(
      // The welcome text is given in two languages ({ en, sw }): replaced whole by one hostile text.
      /from: Tutorial, text: \{ en: 'Welcome, commander\.[^\n]*' \} \}/,
      'from: "\\u202ETutor", text: "\\u2067Welcome\\u2069, commander. \\u202Ereversed\\u202C or \\u202Bembedded\\u202C." }',
    );
  expect(out.match(/\\u20/g)?.length).toBe(8); // all three replacements took: 1 + 1 + 6 controls
  return out;
}

describe('bidirectional controls in scenario text, in Chromium', () => {
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

  it('map labels, the map table and the feed show the names without override or isolate characters', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}?test=1&fast=4`);
    await page.waitForSelector('#start-button:not([disabled])');
    await page.setInputFiles('#scenario-file', {
      name: 'bidi-labels.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(hostileTutorial(), 'utf8'),
    });
    await page.waitForSelector('#diagnostics[data-ok="true"]');
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.mapLayout);

    // The engine keeps the name as written (it is the scenario's data); only what is shown loses the controls.
    const state = (await page.evaluate(() => window.__cascade!.state())) as { scenarioId: string };
    expect(state.scenarioId).toBe('bidi-labels');

    // The map: the label Phaser draws for the portal.
    const labels = await page.evaluate(() =>
      window.__cascade!.mapLayout!().items.filter((i) => i.kind === 'label'),
    );
    const portal = labels.find((l) => l.id === 'portal');
    expect(portal?.text).toBe('evil portal');
    expect(labels.filter((l) => BIDI.test(l.text))).toEqual([]);

    // The map as a table (T).
    await page.keyboard.press('t');
    await page.waitForSelector('#map-table-region:not(.visually-hidden)');
    const rows = await page.locator('#map-table tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('evil portal'))).toBe(true);
    expect(rows.filter((r) => BIDI.test(r))).toEqual([]);

    // The feed: start the clock until the welcome message (tick 0) is there.
    if ((await page.textContent('#hud-state'))?.startsWith('Paused')) await page.click('#pause');
    await page.waitForSelector('.feed-item:has-text("commander")');
    const welcome = (await page.textContent('.feed-item:has-text("commander")'))!;
    expect(welcome).toContain('Tutor: Welcome, commander. reversed or embedded.');
    expect(BIDI.test(welcome)).toBe(false);
    if (!(await page.textContent('#hud-state'))?.startsWith('Paused')) await page.click('#pause');

    // Nowhere in the page's text (menus, HUD, panels) is there a control character left.
    expect(BIDI.test(await page.evaluate(() => document.body.innerText))).toBe(false);
    await page.screenshot({ path: artifactPath('bidi-labels.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
