/**
 * The instructor's studio in a real browser: from the menu, an author types a scenario with a mistake, sees
 * it located (a squiggle on the right line, and the message with its code in the problem list), fixes it with
 * the completion of the file's own ids, sees the city drawn, jumps to T+1:00 and starts the drill there. Then
 * the draft survives a reload, and loading a template is undone with Ctrl+Z.
 *
 * Every wait is on state (selectors, the test hook), never on time. Screenshots go to test/artifacts/; with
 * STUDIO_SCREENS=1 they are also written to docs/screens/ for the guide (docs/studio.md).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLANK_TEMPLATE } from '../../src/studio/template';
import type { CascadeTestHook } from '../../src/ui/testHook';
import { artifactPath, launchBrowser, ROOT, startPreviewServer, type PreviewServer } from './harness';

declare global {
  interface Window {
    __cascade?: CascadeTestHook;
  }
}

/** The blank template with a mistake: the dependency names a service that does not exist. */
const MISTAKE = 'netwrk';
const DRAFT = BLANK_TEMPLATE.replace(
  '{ from: portal, to: network, kind: hard }',
  `{ from: portal, to: ${MISTAKE}, kind: hard }`,
);
const MISTAKE_LINE = DRAFT.split('\n').findIndex((l) => l.includes(MISTAKE)) + 1;

async function screenshot(page: Page, name: string): Promise<void> {
  const path = artifactPath(`studio/${name}`);
  await page.screenshot({ path });
  if (process.env.STUDIO_SCREENS === '1') {
    mkdirSync(join(ROOT, 'docs', 'screens'), { recursive: true });
    copyFileSync(path, join(ROOT, 'docs', 'screens', name));
  }
}

/** 1-based line numbers of the lines holding an error squiggle. */
function squiggledLines(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('#studio-editor .cm-content .cm-line')];
    return [...document.querySelectorAll('#studio-editor .cm-lintRange-error')].map(
      (el) => lines.indexOf(el.closest('.cm-line')!) + 1,
    );
  });
}

describe('the studio in Chromium', () => {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  let context: BrowserContext | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreviewServer();
    // One context for both tests: the second reads the draft the first left in localStorage.
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  async function newPage(path: string): Promise<Page> {
    const page = await context!.newPage();
    page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
    await page.goto(`${server!.url}${path}`);
    return page;
  }

  it('types a scenario with a mistake, sees it located, fixes it, previews the city, jumps to T+1:00 and starts', async () => {
    const page = await newPage('?test=1&seed=11');
    await page.waitForSelector('#start-button:not([disabled])');
    await page.screenshot({ path: artifactPath('studio/menu-with-studio-button.png') });
    await page.click('#open-studio');
    await page.waitForSelector('#studio-editor .cm-content');
    // The first compile of the blank template: no problems.
    await page.waitForSelector('#studio-status[data-errors="0"]');

    // Type the scenario over the template (select all, then the text as typed input).
    await page.click('#studio-editor .cm-content');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(DRAFT);
    await page.waitForSelector('#studio-status[data-errors="1"]');
    expect(
      await page.evaluate(() => document.querySelector('#studio-editor .cm-content')!.textContent),
    ).toContain(MISTAKE);

    // Located: a squiggle on the dependency's line, under the misspelt id, and the message with code and line.
    await page.waitForSelector('#studio-editor .cm-lintRange-error');
    expect(await squiggledLines(page)).toEqual([MISTAKE_LINE]);
    expect(await page.textContent('#studio-editor .cm-lintRange-error')).toBe(MISTAKE);
    const problem = page.locator('#studio-diagnostics li');
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute('data-line')).toBe(String(MISTAKE_LINE));
    expect(await problem.textContent()).toMatch(new RegExp(`^${MISTAKE_LINE}:\\d+ SCN021 .*${MISTAKE}`));
    // Hovering the squiggle shows the message and the fix.
    await page.hover('#studio-editor .cm-lintRange-error');
    await page.waitForSelector('.cm-tooltip .studio-lint-fix');
    expect(await page.textContent('.cm-tooltip .studio-lint-message')).toMatch(/SCN021 .*netwrk.*Fix: \S/s);
    await screenshot(page, 'studio-error-1280x720.png');

    // Fix it the way an author would: select the word, type the start of the id, take the suggestion.
    await page.dblclick('#studio-editor .cm-lintRange-error');
    await page.keyboard.type('ne');
    const suggestion = page.locator('.cm-tooltip-autocomplete li', { hasText: 'network' }).first();
    await suggestion.waitFor();
    await screenshot(page, 'studio-completion-1280x720.png');
    const editorText = () =>
      page.evaluate(() => document.querySelector('#studio-editor .cm-content')!.textContent ?? '');
    // CodeMirror ignores a pick in the first moments after the list opens (so a key pressed as it appears does
    // not pick by accident): click until the pick is taken, judging by the text, not by a delay.
    await expect
      .poll(
        async () => {
          if (!(await editorText()).includes('to: network,'))
            await suggestion.click({ timeout: 2000 }).catch(() => {});
          return editorText();
        },
        { timeout: 30_000 },
      )
      .toContain('to: network,');
    await page.waitForSelector('#studio-status[data-errors="0"]');
    const text = await editorText();
    expect(text).toContain('{ from: portal, to: network, kind: hard }');
    expect(await page.locator('#studio-editor .cm-lintRange-error').count()).toBe(0);
    expect(await page.locator('#studio-diagnostics li').count()).toBe(0);

    // The preview: both services at their positions, one dependency arrow, the attacked portal marked.
    await page.waitForSelector('#studio-preview:not(.stale) [data-service="network"]');
    expect(await page.locator('#studio-preview [data-service]').count()).toBe(2);
    expect(await page.getAttribute('#studio-preview [data-service="portal"]', 'transform')).toBe(
      'translate(250 600)',
    );
    expect(await page.locator('#studio-preview [data-service="portal"] circle.attacked').count()).toBe(1);
    expect(await page.locator('#studio-preview line.studio-edge.hard').count()).toBe(1);
    await page.waitForSelector('#studio-save-status[data-saved="true"]');
    await screenshot(page, 'studio-1280x720.png');

    // Jump to T+1:00 and start: the drill opens paused one hour in, on the scenario from the text.
    await page.fill('#studio-jump', 'T+1:00');
    await page.click('#studio-start');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(await page.evaluate(() => window.__cascade!.scenarioId())).toBe('my-drill');
    expect(await page.evaluate(() => window.__cascade!.tick())).toBe(3600);
    expect(await page.evaluate(() => window.__cascade!.seed())).toBe('11');
    expect(await page.locator('#studio').count()).toBe(0);
    await screenshot(page, 'studio-drill-at-1h-1280x720.png');
    await page.close();
  });

  it('keeps the draft across a reload, opens at #studio, uploads a file, and undoes the upload and a template with Ctrl+Z', async () => {
    const page = await newPage('?test=1#studio');
    await page.waitForSelector('#studio-editor .cm-content');
    await page.waitForSelector('#studio-status[data-errors="0"]');
    const content = () =>
      page.evaluate(() => document.querySelector('#studio-editor .cm-content')!.textContent);
    expect(await content()).toContain('to: network, kind: hard');
    expect(await page.textContent('#studio-save-status')).toMatch(/^Draft restored/);

    await page.selectOption('#studio-template', 'tutorial.yaml');
    await page.click('#studio-load-template');
    await page.waitForSelector('#studio-preview [data-service="wallet-core"]');
    expect(await page.inputValue('#studio-file-name')).toBe('tutorial-copy.yaml');

    // Upload a file: it replaces the text and names the draft.
    await page.setInputFiles('#studio-upload', join(ROOT, 'scenarios', 'mpesa-rumour-2024.yaml'));
    await page.waitForFunction(
      () =>
        (document.querySelector('#studio-file-name') as HTMLInputElement).value === 'mpesa-rumour-2024.yaml',
    );
    expect(await content()).toContain('id: mpesa-rumour-2024');

    // Undo twice: the upload, then the template, and the first drill is back.
    await page.click('#studio-editor .cm-content');
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(content).toContain('id: tutorial');
    await page.keyboard.press('ControlOrMeta+z');
    await page.waitForSelector('#studio-preview [data-service="network"]');
    expect(await content()).toContain('id: my-drill');
    await page.close();
    expect(errors).toEqual([]);
  });

  it('runs a quick balance in workers with a histogram, and plays from a chosen inject', async () => {
    const page = await newPage('?test=1&seed=5#studio');
    await page.waitForSelector('#studio-editor .cm-content');
    await page.selectOption('#studio-template', 'tutorial.yaml');
    await page.click('#studio-load-template');
    await page.waitForSelector('#studio-preview:not(.stale) [data-service="wallet-core"]');

    await page.click('#studio-balance-run');
    await page.waitForSelector('.studio-balance-result', { timeout: 100_000 });
    expect(await page.locator('.studio-histogram .studio-hist-bar.textbook').count()).toBeGreaterThan(0);
    expect(await page.locator('.studio-histogram .studio-hist-bar.panic').count()).toBeGreaterThan(0);
    const stats = await page.locator('.studio-balance-stats li').allTextContents();
    expect(stats[0]).toMatch(/^Nobody acts: median -?\d+\.\d/);
    expect(stats.some((l) => /^The expert play beat “Panic” on \d+ % of the seeds\.$/.test(l))).toBe(true);
    expect(await page.isEnabled('#studio-balance-run')).toBe(true);
    await page.locator('#studio-balance').scrollIntoViewIfNeeded();
    await screenshot(page, 'studio-balance-1280x720.png');

    // Play from an inject: the drill opens on the tick whose step fires it (the flood warning at 1m30s).
    await page.selectOption('#studio-inject', 'flood-starts');
    await page.click('#studio-start');
    await page.waitForFunction(() => window.__cascade?.screen() === 'city');
    expect(await page.evaluate(() => window.__cascade!.scenarioId())).toBe('tutorial');
    expect(await page.evaluate(() => window.__cascade!.tick())).toBe(90);
    await page.close();
    expect(errors).toEqual([]);
  });
});
