/**
 * The screens after the drill in Kiswahili (issue #14): the debrief, the saved drills, the replay strip and the
 * studio open with `?lang=sw` show their own texts in Kiswahili, and no text the page asked for is missing
 * from the language files (`missingTexts()` of the test hook). Screenshots at 1280×720 go to docs/screens/
 * (`*-sw-1280x720.png`) to be looked at for cut or overflowing text.
 *
 * The drill is the tutorial at `fast=60` (ten simulated minutes), played to its end as the a11y test does.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';
import { playToDebrief } from './playToDebrief';

const FAST = 60;
const SCREENS = join(ROOT, 'docs', 'screens');

const text = async (page: Page, selector: string) => (await page.textContent(selector))?.trim();

describe('after the drill, in Kiswahili', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreviewServer();
    mkdirSync(SCREENS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('debrief, saved drills, replay and studio speak Kiswahili with no text missing', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}?test=1&fast=${FAST}&lang=sw`);
    await page.waitForSelector('#start-button:not([disabled])');
    expect(await page.evaluate(() => window.__cascade!.language())).toBe('sw');

    await page.click('.scenario-option[data-scenario="tutorial"]');
    await page.fill('#seed-input', '97');
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 0);
    // The live strip above the map: the role, its names in Kiswahili, the value stamped still English.
    expect(await text(page, 'label[for="role-select"]')).toBe('Jukumu');
    expect(await page.locator('#role-select option').allTextContents()).toContain('Kamanda');
    expect(await page.locator('#role-select option').first().getAttribute('value')).toBe('Commander');

    await page.click('[data-speed="8"]');
    await page.click('#pause');
    await playToDebrief(page);
    await page.waitForSelector('#debrief:not([hidden]) #score-breakdown');
    await page.waitForFunction(() => document.querySelectorAll('#charts figure.chart .uplot').length > 0);

    expect(await text(page, '#debrief-title')).toMatch(/^Tathmini: /);
    // The tutorial's script ends it a minute before its time is up.
    expect(await text(page, '#ending')).toMatch(
      /^Hati ya zoezi ilimaliza zoezi saa T\+00:0\d \(kati ya 00:10\)\.$/,
    );
    expect(await text(page, '#replay-button')).toBe('Cheza tena kwa mbegu 97');
    expect(await text(page, '#menu-button')).toBe('Rudi kwenye menyu');
    expect(await page.locator('#score-breakdown thead th').allTextContents()).toEqual([
      'Sehemu',
      'Thamani',
      'Uzito',
      'Pointi',
      'Kilichoibadilisha',
    ]);
    expect(await text(page, '#charts-title')).toBe('Kwa muda wa kuigiza');
    expect(await text(page, '#timeline-title')).toMatch(/^Mfuatano wa matukio \((uamuzi|maamuzi) \d+\)$/);
    expect(await text(page, '#whatif-run')).toBe('Tafuta “je, kama”');
    expect(await page.locator('#charts figcaption').first().textContent()).toContain('kwa muda wa kuigiza');
    expect(await page.evaluate(() => window.__cascade!.missingTexts())).toEqual([]);
    await page.screenshot({ path: join(SCREENS, 'debrief-sw-1280x720.png') });

    // The saved drills on the menu: the drill just played, with Debrief, Replay and Delete.
    await page.click('#menu-button');
    await page.waitForSelector('#saved-list li[data-ok="true"] .open-replay');
    expect(await text(page, '#saved-title')).toBe('Endelea na zoezi lililohifadhiwa');
    const saved = page.locator('#saved-list li[data-ok="true"]').first();
    expect(await saved.locator('button').allTextContents()).toEqual(['Tathmini', 'Rudia', 'Futa']);
    expect(await saved.textContent()).toContain('(limeisha)');
    expect(await text(page, 'label[for="run-file"]')).toBe(
      'Fungua faili ya mchezo (JSON kutoka kwenye tathmini)',
    );
    await page.locator('#saved-drills').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENS, 'saved-drills-sw-1280x720.png') });

    // The replay strip.
    await saved.locator('.open-replay').click();
    await page.waitForSelector('#replay-bar');
    expect(await text(page, '#replay-banner')).toMatch(
      /^MARUDIO — uko katika yaliyopita \(T\+\d\d:\d\d kati ya 00:\d\d\)/,
    );
    expect(await text(page, '#take-over')).toBe('Endelea kuanzia hapa');
    expect(await text(page, '#leave-replay')).toBe('Rudi kwenye tathmini');
    expect(await text(page, '#replay-verify')).toMatch(/^Marudio yamethibitishwa: hash zinalingana/);
    expect(await page.evaluate(() => window.__cascade!.missingTexts())).toEqual([]);
    await page.screenshot({ path: join(SCREENS, 'replay-sw-1280x720.png') });
    await page.click('#leave-replay');
    await page.waitForSelector('#debrief:not([hidden]) #menu-button');
    await page.click('#menu-button');

    // The studio, from the menu: the blank template compiles, the city is drawn, every label in Kiswahili.
    await page.click('#open-studio');
    await page.waitForSelector('#studio #studio-status[data-errors]');
    expect(await text(page, '#studio-status')).toBe('Hakuna matatizo: tayari kucheza.');
    expect(await text(page, '#studio-problems-title')).toBe('Matatizo');
    expect(await text(page, '#studio-try-title')).toBe('Jaribu');
    expect(await text(page, '#studio-start')).toBe('Anza zoezi ▶');
    expect(await text(page, '#studio-close')).toBe('Rudi kwenye menyu');
    await page.waitForFunction(() =>
      /huduma \d+/.test(document.querySelector('#studio-preview figcaption')?.textContent ?? ''),
    );
    expect(await page.evaluate(() => window.__cascade!.missingTexts())).toEqual([]);
    await page.screenshot({ path: join(SCREENS, 'studio-sw-1280x720.png') });

    expect(errors).toEqual([]);
    await context.close();
  });
});
