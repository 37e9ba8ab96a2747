/**
 * Offline and installable, in Chromium: the production build registers a service worker that precaches the
 * game; after one visit the page reloads and a drill plays with the network cut (the context offline AND the
 * server gone). A new version (sw.js changed on the server) shows the update notice; "Reload now" saves the
 * drill, switches to the new worker, and the save is still there to resume.
 *
 * Both tests serve a copy of dist/ from a temporary folder (./staticServer.ts), so the server can be stopped
 * and the build "updated" without touching dist/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, ensureBuilt, launchBrowser, ROOT } from './harness';
import { serveFolder, type StaticServer } from './staticServer';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

const FAST = 60;

describe('offline and installable (service worker), in Chromium', () => {
  let browser: Browser | undefined;
  const folders: string[] = [];
  const servers: StaticServer[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureBuilt();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    for (const s of servers) await s.stop();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  /** A copy of dist/ served on its own port. */
  async function serveCopy(): Promise<{ folder: string; server: StaticServer }> {
    const folder = mkdtempSync(join(tmpdir(), 'cascade-offline-'));
    folders.push(folder);
    cpSync(join(ROOT, 'dist'), folder, { recursive: true });
    const server = await serveFolder(folder);
    servers.push(server);
    return { folder, server };
  }

  async function newContext(): Promise<BrowserContext> {
    const c = await browser!.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(c);
    return c;
  }

  /** Open the game and wait until its service worker has cached everything (`data-offline-ready`). */
  async function firstVisit(c: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await c.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${url}?test=1&fast=${FAST}`);
    await page.waitForSelector('#start-button:not([disabled])');
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', null, {
      timeout: 60_000,
    });
    return { page, errors };
  }

  it('has a web app manifest with a name, a start URL and PNG icons of 192 and 512 px', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toContain('Cascade');
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('./');
    const pngSizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
    expect(pngSizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons)
      expect(readFileSync(join(ROOT, 'dist', icon.src)).length).toBeGreaterThan(0);
    expect(readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8')).toContain('rel="manifest"');
  });

  it('after one visit, reloads and plays a drill with no network: start, a few ticks, an order', async () => {
    const { server } = await serveCopy();
    const c = await newContext();
    const { page, errors } = await firstVisit(c, server.url);

    // Cut the network both ways: the browser is offline and the server is gone.
    await server.stop();
    await c.setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.reload();
    await page.waitForSelector('#start-button:not([disabled])');
    expect(await page.locator('.scenario-option').count()).toBeGreaterThanOrEqual(3);

    await page.click('.scenario-option[data-scenario="tutorial"]');
    await page.fill('#seed-input', '31');
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city' && window.__cascade.tick() === 0);
    await page.selectOption('#service-select', 'portal');
    await page.click('#tabpanel-mitigations label[data-mitigation="rate-limit"]');
    await page.click('#order-button');
    await page.waitForFunction(() => (window.__cascade!.log() as unknown[]).length === 1);
    await page.click('#pause');
    await page.waitForFunction(() => !window.__cascade!.skipStep() && window.__cascade!.tick()! >= 30);
    await page.screenshot({ path: artifactPath('offline-city.png') });

    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a new version shows the update notice; "Reload now" switches to it and the saved drill is still there', async () => {
    const { folder, server } = await serveCopy();
    const c = await newContext();
    const { page, errors } = await firstVisit(c, server.url);

    // Play a little so the drill is autosaved (every simulated minute).
    await page.click('.scenario-option[data-scenario="tutorial"]');
    await page.fill('#seed-input', '32');
    await page.click('#start-button');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    await page.click('#pause');
    await page.waitForFunction(() => !window.__cascade!.skipStep() && window.__cascade!.tick()! >= 120);
    await page.click('#pause');
    const savesBefore = await page.evaluate(
      () => Object.keys(localStorage).filter((k) => k.startsWith('cascade.save.')).length,
    );
    expect(savesBefore).toBe(1);

    // Publish a new version: a byte-different sw.js. The next navigation finds it and installs it (waiting).
    const sw = join(folder, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next version\n`);
    await page.reload();
    await page.waitForSelector('#update-notice');
    expect(await page.textContent('#update-notice')).toContain('A new version of Cascade is ready');
    await page.screenshot({ path: artifactPath('update-notice.png') });

    // "Reload now" reloads the page under the new worker: wait for that load itself, or the checks below could
    // pass on the old page in the moment between the new worker taking over and the reload (seen under load).
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('#update-reload')]);
    // Nothing is waiting any more, and the notice is gone.
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return (
          registration?.waiting === null &&
          navigator.serviceWorker.controller !== null &&
          document.getElementById('update-notice') === null &&
          document.querySelector('#start-button:not([disabled])') !== null
        );
      },
      null,
      { timeout: 60_000 },
    );
    expect(
      await page.evaluate(
        () => Object.keys(localStorage).filter((k) => k.startsWith('cascade.save.')).length,
      ),
    ).toBe(savesBefore);
    await page.waitForSelector('#saved-list .resume-save');
    expect(errors).toEqual([]);
  });
});
