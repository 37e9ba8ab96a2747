/**
 * Frame times while a drill runs at 8×, driven through the UI like a player: seed field prefilled by ?seed,
 * (optionally) a scenario file opened through the menu's file input, Start, the 8× speed button, the pause
 * button to run. After a warm-up, an in-page collector (pageScripts.ts) records every frame for the window:
 * the interval between frame starts and the main-thread work of each frame. CDP Performance.getMetrics deltas
 * over the same window give the renderer main thread's busy time (TaskDuration) and its script part.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { artifactPath } from '../../test/browser/harness';
import { quantile } from '../stats';
import { frameCollector, RENDERER_PROBE, type FrameSamples } from './pageScripts';

export interface RendererInfo {
  webdriver: boolean;
  canvas2d: boolean | null;
  webglRenderer: string | null;
  devicePixelRatio: number;
}

export interface FrameRun {
  label: string;
  services: number;
  frames: number;
  windowMs: number;
  fps: number;
  intervalMedian: number;
  intervalP95: number;
  intervalMax: number;
  workMedian: number;
  workP95: number;
  /** CDP deltas over the window, per frame (ms). */
  taskMsPerFrame: number;
  scriptMsPerFrame: number;
  /** Share of the window the renderer's main thread was busy (TaskDuration ÷ window). */
  busyShare: number;
  longTasks: number;
  longTaskMs: number;
  ticks: number;
  /** Ticks 8× should give in the window (48 per second). */
  expectedTicks: number;
  /** Start clicked → City scene on screen (first frame drawn), measured from the benchmark process. */
  startToCityMs: number;
  /** Menu file input → scenario compiled and selected (only when a file is opened). */
  openFileMs: number | null;
  renderer: RendererInfo;
  /** Autosaves (localStorage writes) in the window and the intervals of the frames they happened in. */
  saves: {
    count: number;
    kbMedian: number;
    setItemMsMedian: number;
    /** Median interval of the frames containing a save, and of the other frames. */
    savingIntervalMedian: number;
    otherIntervalMedian: number;
    otherIntervalP95: number;
  };
  /** The ten slowest frame intervals, in the order they happened (ms) with their position in the window. */
  slowest: { atMs: number; ms: number }[];
  screenshot: string;
  samples: FrameSamples;
}

const TICKS_PER_SECOND_AT_8X = 6 * 8;

/** Matches each storage write to the frame interval it fell in (intervals[i] runs from starts[i] to starts[i + 1]). */
function saveSummary(samples: FrameSamples): FrameRun['saves'] {
  const saving = new Set<number>();
  for (const w of samples.storageWrites) {
    const i = samples.starts.findIndex(
      (start, k) => start <= w.at && w.at < (samples.starts[k + 1] ?? Infinity),
    );
    if (i >= 0 && i < samples.intervals.length) saving.add(i);
  }
  const savingIntervals = samples.intervals.filter((_, i) => saving.has(i));
  const others = samples.intervals.filter((_, i) => !saving.has(i));
  return {
    count: samples.storageWrites.length,
    kbMedian: quantile(
      samples.storageWrites.map((w) => w.chars / 1024),
      0.5,
    ),
    setItemMsMedian: quantile(
      samples.storageWrites.map((w) => w.ms),
      0.5,
    ),
    savingIntervalMedian: quantile(savingIntervals, 0.5),
    otherIntervalMedian: quantile(others, 0.5),
    otherIntervalP95: quantile(others, 0.95),
  };
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export interface FrameRunOptions {
  label: string;
  url: string;
  /** A scenario file to open through the menu before starting. */
  file?: string;
  expectServices: number;
  warmupMs: number;
  windowMs: number;
  screenshotName: string;
}

/**
 * Waits until `expression` is true in the page, polling through CDP (page.evaluate): the built page's
 * Content-Security-Policy forbids the eval that page.waitForFunction's string predicates need.
 */
async function waitInPage(page: Page, expression: string, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function startDrill(
  page: Page,
  options: FrameRunOptions,
): Promise<{ startToCityMs: number; openFileMs: number | null }> {
  await page.goto(options.url);
  await page.waitForSelector('#start-button:not([disabled])', { timeout: 60_000 });
  let openFileMs: number | null = null;
  if (options.file) {
    const opened = performance.now();
    await page.setInputFiles('#scenario-file', options.file);
    await page.waitForSelector('#diagnostics[data-ok="true"]', { timeout: 60_000 });
    openFileMs = performance.now() - opened;
  }
  const started = performance.now();
  // Older builds computed the score's baseline when the City opened, holding up this click's return.
  await page.click('#start-button', { timeout: 180_000 });
  await waitInPage(page, "!!window.__cascade && window.__cascade.screen() === 'city'", 120_000, 0);
  const startToCityMs = performance.now() - started;
  const services = (await page.evaluate('window.__cascade.state().services.length')) as number;
  if (services !== options.expectServices)
    throw new Error(
      `${options.label}: the drill has ${services} services, expected ${options.expectServices}`,
    );
  await page.click('[data-speed="8"]');
  await page.click('#pause', { timeout: 180_000 }); // a drill opens paused: this runs it
  // The first ticks compute the score's baseline (the whole drill simulated unattended, on the main thread):
  // half a minute for 1,000 services on this machine. The window below starts after it.
  await waitInPage(page, 'window.__cascade.tick() > 60', 180_000, 100);
  return { startToCityMs, openFileMs };
}

export async function frameRun(browser: Browser, options: FrameRunOptions): Promise<FrameRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const { startToCityMs, openFileMs } = await startDrill(page, options);
    await page.waitForTimeout(options.warmupMs);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await metrics(cdp);
    const samples = (await page.evaluate(frameCollector(options.windowMs))) as FrameSamples;
    const after = await metrics(cdp);
    await cdp.detach();

    const screenshot = artifactPath(options.screenshotName);
    await page.screenshot({ path: screenshot });
    const renderer = (await page.evaluate(RENDERER_PROBE)) as RendererInfo;
    if (errors.length > 0) throw new Error(`${options.label}: page errors: ${errors.join('; ')}`);

    const frames = samples.intervals.length;
    const windowMs = samples.intervals.reduce((a, b) => a + b, 0);
    const delta = (name: string): number => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    let at = 0;
    const timeline = samples.intervals.map((ms) => ({ atMs: (at += ms), ms }));
    const slowest = [...timeline]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
      .sort((a, b) => a.atMs - b.atMs);
    return {
      label: options.label,
      services: options.expectServices,
      frames,
      windowMs,
      fps: (frames * 1000) / windowMs,
      intervalMedian: quantile(samples.intervals, 0.5),
      intervalP95: quantile(samples.intervals, 0.95),
      intervalMax: Math.max(...samples.intervals),
      workMedian: quantile(samples.work, 0.5),
      workP95: quantile(samples.work, 0.95),
      taskMsPerFrame: delta('TaskDuration') / frames,
      scriptMsPerFrame: delta('ScriptDuration') / frames,
      busyShare: delta('TaskDuration') / samples.elapsedMs,
      longTasks: samples.longTasks,
      longTaskMs: samples.longTaskMs,
      ticks: (samples.tickAfter ?? 0) - (samples.tickBefore ?? 0),
      expectedTicks: (samples.elapsedMs / 1000) * TICKS_PER_SECOND_AT_8X,
      startToCityMs,
      openFileMs,
      renderer,
      saves: saveSummary(samples),
      slowest,
      screenshot,
      samples,
    };
  } finally {
    await context.close();
  }
}
