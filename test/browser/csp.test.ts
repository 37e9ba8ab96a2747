/**
 * The built page carries a strict Content-Security-Policy (src/ui/csp.ts; issue 11, "Security"): the game,
 * its what-if worker and its uPlot charts work under it without a single violation, and script that finds its
 * way into the page (an inline <script>, an inline event handler, a data: URL script) does not run.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/ui/csp';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, startPreviewServer, type PreviewServer } from './harness';
import { playToDebrief } from './playToDebrief';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
    __violations?: string[];
    __inlineRan?: boolean;
  }
}

describe('Content-Security-Policy, in Chromium', () => {
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

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    // Every violation the page reports, from its first script on.
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations!.push(
          `${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        ),
      );
    });
    await page.goto(`${server!.url}?test=1&fast=60`);
    return { page, errors };
  }

  it('the game, the what-if worker and the charts run under the policy without a violation', async () => {
    const { page, errors } = await open();
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("connect-src 'self'");

    await page.waitForSelector('#start-button:not([disabled])');
    await page.click('.scenario-option[data-scenario="tutorial"]');
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    // One order, so that the what-if analysis has a decision to vary.
    await page.selectOption('#service-select', 'portal');
    await page.click('#tabpanel-mitigations label[data-mitigation="rate-limit"]');
    await page.click('#order-button');
    await page.waitForFunction(() => (window.__cascade!.log() as unknown[]).length > 0);
    await page.click('[data-speed="8"]');
    if ((await page.textContent('#hud-state'))?.startsWith('Paused')) await page.click('#pause');
    await playToDebrief(page);
    await page.waitForSelector('#debrief:not([hidden]) #charts figure canvas');
    await page.click('#whatif-run');
    await page.waitForSelector('#whatif-results li', { timeout: 60_000 }).catch(async (e: unknown) => {
      const seen = await page.evaluate(() => ({
        violations: window.__violations,
        results: document.querySelector('#whatif-results')?.textContent,
      }));
      throw new Error(`${String(e)}; ${JSON.stringify(seen)}`);
    });
    await page.screenshot({ path: artifactPath('csp-debrief.png') });
    expect(await page.locator('#charts figure canvas').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an injected inline script, inline handler or data: script does not run, and each is reported as a violation', async () => {
    const { page } = await open();
    await page.waitForSelector('#start-button:not([disabled])');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__inlineRan = true');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      const fromData = document.createElement('script');
      fromData.src = 'data:text/javascript,window.__inlineRan=true';
      document.body.append(fromData);
    });
    // (eval cannot be tried from here: code the test runs through the DevTools protocol is exempt from the
    // page's policy; the policy's lack of 'unsafe-eval' is checked above.)
    await page.waitForFunction(
      () => window.__violations!.filter((v) => v.startsWith('script-src')).length >= 3,
    );
    expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
    await page.close();
  });
});
