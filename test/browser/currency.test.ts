/**
 * A scenario in its own currency, in Chromium: the tutorial rewritten in dollars shows "$" in the HUD budget and
 * never "KES"; the shipped tutorial still shows KES.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const tutorial = readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8');
const budgetLine = /^budget: (\d+)$/m.exec(tutorial)!;
const inDollars = tutorial
  .replace(budgetLine[0], `${budgetLine[0]}\ncurrency: { code: USD, symbol: "$" }`)
  .replace(/^id: .+$/m, 'id: tutorial-usd');

describe('the HUD writes money in the scenario currency', () => {
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

  async function budgetText(page: Page): Promise<string> {
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    await page.waitForFunction(() => (document.querySelector('#hud-budget')?.textContent ?? '') !== '');
    return (await page.textContent('#hud-budget')) ?? '';
  }

  it('shows "$" for a scenario in USD and KES for the shipped tutorial', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server!.url}?test=1`);
    await page.waitForSelector('#start-button:not([disabled])');
    await page.setInputFiles('#scenario-file', {
      name: 'tutorial-usd.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(inDollars),
    });
    await page.waitForSelector('#diagnostics[data-ok="true"]');
    const usd = await budgetText(page);
    await page.screenshot({ path: artifactPath('currency-usd-hud.png') });
    expect(usd).toMatch(/^\$\d/);
    expect(usd).not.toContain('KES');

    await page.goto(`${server!.url}?test=1`);
    await page.waitForSelector('#start-button:not([disabled])');
    await page.click('.scenario-option[data-scenario="tutorial"]');
    expect(await budgetText(page)).toMatch(/^KES \d/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
