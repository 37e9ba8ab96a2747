/**
 * The game's screens in Kiswahili (issue #14 item 1): a drill opened with `?lang=sw` shows the City (HUD, map
 * legend, service panel, decision tabs, feed), a decision, the help overlay and the facilitator console in
 * Kiswahili, with no text key missing in any language (the test hook's `missingTexts()`). Screenshots at
 * 1280×720 go to docs/screens/*-sw-1280x720.png, to check by eye that longer Kiswahili lines still fit.
 *
 * The expected words are the Kiswahili files' own (src/i18n/locales/sw/*.json), checked here against what the
 * page shows; the English words listed must be gone from the same regions. Waits are on state, never on time.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const SCENARIO = 'nairobi-ddos-2023';
const screen = (name: string) => join(ROOT, 'docs', 'screens', `${name}-sw-1280x720.png`);

/**
 * The visible text of the elements a selector matches, joined and lower-cased (hidden panels are not read; the
 * HUD's labels are upper-cased by CSS, which innerText applies).
 */
const visibleText = (page: Page, selector: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .map((el) => el.innerText)
        .join('\n')
        .replace(/\s+/g, ' ')
        .toLowerCase(),
    selector,
  );

describe('the game in Kiswahili', () => {
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

  it('City, a decision, the help and the facilitator console speak Kiswahili, with no text missing', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`game: ${e.stack ?? String(e)}`));

    await page.goto(`${server.url}?test=1&lang=sw&fast=60&seed=2024&scenario=${SCENARIO}`);
    await page.locator('#start-button:not([disabled])').waitFor({ timeout: 60_000 });
    await page.click(`.scenario-option[data-scenario="${SCENARIO}"]`);
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 0);
    expect(await page.evaluate(() => window.__cascade!.language())).toBe('sw');

    // Before the clock runs: the HUD, the banner and the feed's first line say how to start, in Kiswahili.
    expect(await page.textContent('#end-drill')).toBe('Maliza');
    expect(await page.textContent('#hud-state')).toBe('Imesitishwa');
    expect(await page.getAttribute('#pause', 'aria-label')).toBe('Endesha saa');
    expect(await page.textContent('#map-banner')).toBe('Imesitishwa: bonyeza Space au Endesha kuanzisha saa');
    expect(await visibleText(page, '.feed-empty')).toContain('zoezi liko tayari na saa imesitishwa.');

    // A service chosen, so its panel is filled; then the clock runs until the first decision stops it.
    const firstService = await page.evaluate(
      () => (document.querySelector('#service-select option:nth-child(2)') as HTMLOptionElement).value,
    );
    await page.selectOption('#service-select', firstService);
    await page.click('#pause');
    await page.waitForFunction(() => window.__cascade!.waitingForAnswer(), null, { timeout: 60_000 });
    await page.waitForSelector('#prompt-dialog:not([hidden]) [data-option]');

    // The decision: who asks, and what happens without an answer, in Kiswahili; the author's words stay theirs.
    expect(await page.textContent('#prompt-from')).toMatch(/^Uamuzi: .+ anauliza$/);
    expect(await page.textContent('#prompt-status')).toMatch(/^Saa imesimama hadi ujibu\. Usipojibu, /);
    expect(await page.textContent('#hud-state')).toBe('Uamuzi unasubiri');
    await page.screenshot({ path: screen('prompt') });

    // Answered, the drill runs on; paused again for a look at the City mid-drill.
    await page.click('#prompt-dialog [data-option]');
    await page.waitForFunction(() => !window.__cascade!.waitingForAnswer());
    if ((await page.getAttribute('#hud-state', 'data-state')) === 'running') await page.click('#pause');
    await page.waitForSelector('#hud-state:not([data-state="running"])');

    // Mid-drill City: HUD labels, legend, service panel, tabs and feed.
    const hud = await visibleText(page, '#hud');
    for (const word of ['Bajeti', 'Alama', 'Imani ya umma', 'Uvumi'])
      expect(hud).toContain(word.toLowerCase());
    const legend = await visibleText(page, '.legend');
    for (const word of ['iko sawa', 'imedorora', 'imekatika', 'shambulio'])
      expect(legend).toContain(word.toLowerCase());
    const side = await visibleText(page, '#service-panel, #decision-panel, #decision-dock');
    for (const word of [
      'Kwa nini',
      'Inategemea',
      'Upatikanaji',
      'Hatua za kudhibiti',
      'Jumbe',
      'Njia mbadala',
    ])
      expect(side).toContain(word.toLowerCase());
    expect(await visibleText(page, '#feed')).toContain('habari');
    expect(await page.locator('#feed .feed-item').count()).toBeGreaterThan(0);
    // The English the same regions showed before the translation is gone.
    const english = [
      'Budget',
      'Public trust',
      'Depends on',
      'Mitigations',
      'Workarounds',
      'Feed',
      'End drill',
      // The selected service's "why" (it read "healthy: serving 100 % of requests").
      'serving',
      'of requests',
      // The feed's why line for a scripted item.
      'the scenario script',
    ];
    const everything = `${hud} ${legend} ${side} ${await visibleText(page, '#feed')}`;
    expect(english.filter((w) => everything.includes(w))).toEqual([]);
    // The map's own words, drawn on the canvas: the attackers' node and the districts' names.
    const mapTexts = await page.evaluate(() =>
      window.__cascade!.mapLayout!()
        .items.filter((i) => i.kind === 'label' && (i.id === 'internet' || i.id.startsWith('district:')))
        .map((i) => i.text),
    );
    expect(mapTexts).toContain('Intaneti (washambulizi)');
    expect(mapTexts.filter((x) => /Internet|quarter|street|district|hub/.test(x))).toEqual([]);
    // Longer words must not push the HUD's last controls out of the window (the bar never wraps).
    const helpRight = await page.evaluate(
      () => document.getElementById('help-button')!.getBoundingClientRect().right,
    );
    expect(helpRight).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: screen('city') });

    // The other tabs (built at start, shown on demand) are in Kiswahili too.
    await page.click('#tab-messages');
    expect(await page.textContent('#msg-send')).toBe('Tuma taarifa');
    expect(await visibleText(page, '#tabpanel-messages')).toContain('cha kusema');
    await page.click('#tab-workarounds');
    expect(await visibleText(page, '#tabpanel-workarounds')).toContain(
      'njia mbadala ambayo hakuna aliyeisikia',
    );
    await page.click('#tab-mitigations');

    // The help overlay (? opens it; the shortcut keys are the same letters, their texts in Kiswahili).
    await page.keyboard.press('Shift+?');
    await page.waitForSelector('.help-box');
    expect(await page.textContent('#help-title')).toBe('Njia za mkato za kibodi');
    const help = await visibleText(page, '.help-box');
    expect(help).toContain('sitisha au endesha saa (pia p)');
    expect(help).toContain('funga (esc)');
    await page.screenshot({ path: screen('help') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('.help-box', { state: 'hidden' });

    // The facilitator console opens in the same language (it keeps the address's ?lang=sw).
    expect(await page.textContent('#open-console')).toBe('Dashibodi ya msimamizi');
    const [consolePage] = await Promise.all([context.waitForEvent('page'), page.click('#open-console')]);
    consolePage.on('pageerror', (e) => errors.push(`console: ${e.stack ?? String(e)}`));
    await consolePage.setViewportSize({ width: 1280, height: 720 });
    await consolePage.waitForSelector('#console-injects li[data-inject]');
    expect(await consolePage.textContent('#console-title')).toMatch(/^Msimamizi: /);
    const consoleText = await visibleText(consolePage, '#console');
    for (const word of ['Yanayokuja', 'Anzisha sasa', 'Andika kumbukumbu', 'Ukweli uliofichwa', 'Alama sasa'])
      expect(consoleText).toContain(word.toLowerCase());
    await consolePage.screenshot({ path: screen('console') });

    // Why the chosen service is in its state, and an order placed on it, in Kiswahili (the engine's facts worded
    // on the page; the service's and the mitigation's names stay the author's).
    const why = await page.locator('#service-panel ol.why li').allTextContents();
    expect(why.length).toBeGreaterThan(0);
    for (const line of why)
      expect(line).not.toMatch(
        /\b(healthy|degraded|down|recovering|serving|overloaded|under attack|upstream|crashed|warming up)\b/,
      );
    await page.click('#tab-mitigations');
    await page.click('#tabpanel-mitigations label[data-mitigation] >> nth=0');
    await page.click('#order-button');
    await page.waitForSelector('#mitigation-commit .result[data-ok]');
    const result = (await page.textContent('#mitigation-commit .result')) ?? '';
    expect(result).not.toMatch(/\bOrdered\b|takes effect in/);
    if ((await page.getAttribute('#mitigation-commit .result', 'data-ok')) === 'true')
      expect(result).toMatch(/^Agizo: .+ kwenye .+: itaanza kufanya kazi baada ya /);

    expect(await page.evaluate(() => window.__cascade!.missingTexts())).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
