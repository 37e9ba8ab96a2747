/**
 * Hostile links and saves in a real browser (issue 11, "loses work or breaks the page"): a 470-character share
 * link nested 10,000 deep left the page on "Loading scenarios… 100 %" with an uncaught RangeError; a short link
 * that expands to tens of millions of characters; saves forged or made for another version of the scenario, and
 * a save name with a right-to-left override. Every one is refused in words, the menu keeps working, and the
 * player's saves are all still there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashState, run } from '../../src/engine';
import {
  ENGINE_VERSION,
  makeSave,
  saveToText,
  scenarioFingerprint,
  scenarioHash,
  sealSave,
} from '../../src/run';
import { compile } from '../../src/scenario';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { runOfA } from '../run/lzBomb';
import { launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const TUTORIAL = compile(
  readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8'),
  'tutorial.yaml',
).scenario!;

function tutorialSave(name: string, savedAt: string): string {
  const log = [{ tick: 0, cmd: { type: 'mitigate' as const, mitigation: 'rate-limit', target: 'portal' } }];
  const sim = run(TUTORIAL, '77', log, { untilTick: 120 });
  return saveToText(
    makeSave({
      engineVersion: ENGINE_VERSION,
      scenarioId: TUTORIAL.id,
      scenarioHash: scenarioHash(TUTORIAL),
      scenarioFingerprint: scenarioFingerprint(TUTORIAL),
      seed: '77',
      commands: log,
      state: sim.state,
      name,
      savedAt,
    }),
  );
}

describe('hostile links and saves, in Chromium', () => {
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

  async function open(
    fragment = '',
    saves: Record<string, string> = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const c = await browser!.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(c);
    await c.addInitScript((entries: Record<string, string>) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, saves);
    const page = await c.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}?test=1${fragment ? `#${fragment}` : ''}`);
    return { page, errors };
  }

  const savedKeys = (page: Page) =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('cascade.save.'))
        .sort(),
    );

  it('a 470-character link nested 10,000 deep is refused on the menu, which works (the page froze on loading)', async () => {
    const deep = `{"v":1,"s":"tutorial","seed":"1","c":[[0,{"type":"noop","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}]]}`;
    const fragment = `run=${LZString.compressToEncodedURIComponent(deep)}`;
    expect(fragment.length).toBeLessThan(500);
    const { page, errors } = await open(fragment);
    await page.waitForSelector('#menu-notice:not([hidden])');
    expect(await page.textContent('#menu-notice')).toBe(
      'This share link cannot be opened: the link is nested too deeply (more than 12 levels of brackets).',
    );
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(errors).toEqual([]);
  });

  it('a link that expands to 50 million characters is refused at once; autosave then keeps every save', async () => {
    const saves = {
      'cascade.save.a': tutorialSave('First', '2026-01-01 09:00:00'),
      'cascade.save.b': tutorialSave('Second', '2026-01-01 10:00:00'),
      'cascade.save.c': tutorialSave('Third', '2026-01-01 11:00:00'),
    };
    const { page, errors } = await open(`run=${runOfA(10_000)}`, saves);
    await page.waitForSelector('#menu-notice:not([hidden])');
    expect(await page.textContent('#menu-notice')).toBe(
      'This share link cannot be opened: the link is too large: it expands to more than 1,000,000 characters.',
    );
    // Switching tabs (autosave) changes nothing.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    expect(await savedKeys(page)).toEqual(['cascade.save.a', 'cascade.save.b', 'cascade.save.c']);
    expect(await page.locator('#saved-list li[data-ok="true"]').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('a scenario file far over the limit is refused by its size, unread, with SCN002; the saves and the menu are kept', async () => {
    const saves = { 'cascade.save.a': tutorialSave('First', '2026-01-01 09:00:00') };
    const { page, errors } = await open('', saves);
    await page.waitForSelector('#saved-list li');
    const scenariosBefore = await page.locator('.scenario-option').count();
    // 4 MB of YAML comment: over 3 bytes for each of the 1,000,000 characters a scenario may have.
    const huge = Buffer.from(`format: 1\n# ${'x'.repeat(4_000_000)}\n`);
    await page.setInputFiles('#scenario-file', { name: 'huge.yaml', mimeType: 'text/yaml', buffer: huge });
    await page.waitForSelector('#diagnostics:not([hidden]) li');
    const lines = await page.locator('#diagnostics li').allTextContents();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^1:1 SCN002 /);
    expect(lines[0]).toContain('4,000,013 bytes');
    expect(lines[0]).toContain('it was not read');
    expect(await page.locator('.scenario-option').count()).toBe(scenariosBefore);
    expect(await savedKeys(page)).toEqual(['cascade.save.a']);
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(errors).toEqual([]);
  });

  it('a forged save and one for another version of the scenario are listed as such; a good one resumes; names show without overrides', async () => {
    const good = tutorialSave('\u202Eevil', '2026-01-01 12:00:00');
    const parsed = JSON.parse(tutorialSave('Forged', '2026-01-01 11:00:00'));
    parsed.snapshot.rng = null;
    parsed.hash = hashState(parsed.snapshot);
    const forged = JSON.stringify(sealSave(parsed));
    const other = JSON.parse(tutorialSave('Other version', '2026-01-01 10:00:00'));
    other.snapshot.services.pop();
    other.hash = hashState(other.snapshot);
    other.scenarioFingerprint = 'another';
    const otherVersion = JSON.stringify(sealSave(other));
    const { page, errors } = await open('', {
      'cascade.save.good': good,
      'cascade.save.forged': forged,
      'cascade.save.other': otherVersion,
    });
    await page.waitForSelector('#saved-list li');
    const refused = page.locator('#saved-list li[data-ok="false"]');
    expect(await refused.count()).toBe(2);
    expect(await refused.locator('.resume-save').count()).toBe(0);
    const reasons = await refused.allTextContents();
    expect(
      reasons.some((r) =>
        r.includes('cannot be resumed: the saved state does not fit the scenario “Tutorial'),
      ),
    ).toBe(true);
    expect(
      reasons.some((r) =>
        r.includes('cannot be resumed: the save was made with another version of the scenario'),
      ),
    ).toBe(true);
    const ok = page.locator('#saved-list li[data-ok="true"]');
    expect(await ok.locator('strong').textContent()).toBe('evil');
    await ok.locator('.resume-save').click();
    await page.waitForFunction(
      () => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 120,
    );
    expect(await savedKeys(page)).toEqual(['cascade.save.forged', 'cascade.save.good', 'cascade.save.other']);
    expect(errors).toEqual([]);
  });
});
