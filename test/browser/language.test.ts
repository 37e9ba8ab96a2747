/**
 * The interface language (issue #14): the menu's switch reloads into the chosen language, keeps the seed and
 * scenario, and the choice is remembered on the next visit; `?lang=` picks one for a link given to a class.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startPreviewServer, type PreviewServer } from './harness';

describe('language switch', () => {
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

  it('switches to Kiswahili and back, keeping the seed, remembered between visits', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto(`${server.url}?test=1&seed=4242&scenario=mpesa-rumour-2024`);
    await page.locator('#start-button:not([disabled])').waitFor({ timeout: 60_000 });
    expect(await page.locator('#start-button').textContent()).toBe('Start drill ▶');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await Promise.all([page.waitForURL(/lang=sw/), page.selectOption('#language-select', 'sw')]);
    await page.locator('#start-button:not([disabled])').waitFor({ timeout: 60_000 });
    expect(await page.locator('#start-button').textContent()).toBe('Anza zoezi ▶');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sw');
    expect(await page.inputValue('#seed-input')).toBe('4242');
    expect(await page.locator('input[name=scenario]:checked').getAttribute('value')).toContain(
      'mpesa-rumour-2024',
    );

    // A new visit without ?lang= starts in the remembered language.
    await page.goto(`${server.url}?test=1`);
    await page.locator('#start-button:not([disabled])').waitFor({ timeout: 60_000 });
    expect(await page.locator('#start-button').textContent()).toBe('Anza zoezi ▶');
    expect(await page.evaluate(() => window.__cascade?.missingTexts())).toEqual([]);

    await Promise.all([page.waitForURL(/lang=en/), page.selectOption('#language-select', 'en')]);
    await page.locator('#start-button:not([disabled])').waitFor({ timeout: 60_000 });
    expect(await page.locator('#start-button').textContent()).toBe('Start drill ▶');
    expect(errors).toEqual([]);
    await context.close();
  });
});
