/**
 * The browser suite (issue 5): the production build (dist/, rebuilt if older than the sources) served by
 * `vite preview`, in headless Chromium (software rendering). Measures
 *   1. time to the first City frame from navigation start, over cold page loads (browser/firstFrame.ts);
 *   2. frame intervals and main-thread work per frame over a window at 8×, for the default city and a
 *      synthetic 1,000-service city opened through the menu (browser/frames.ts, browser/syntheticCity.ts);
 *   3. JS bundle size, raw and gzip (browser/bundle.ts);
 *   4. JS heap after 20 drills vs after 1 (browser/memory.ts).
 * Frame rate is reported against the issue's target but never fails the run. If no Chromium is found the suite
 * says so and returns no figures (bench/run.ts also skips it when /usr/bin/chromium is missing).
 */
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { findChromium, launchBrowser, startPreviewServer, type PreviewServer } from '../test/browser/harness';
import { ensureFreshBuild, type BuildInfo } from './browser/build';
import { bundleSizes } from './browser/bundle';
import { firstFrameLoads, type FirstFrameLoad } from './browser/firstFrame';
import { frameRun, type FrameRun } from './browser/frames';
import { restartMemory, type RestartMemory } from './browser/memory';
import { writeGridCity } from './browser/syntheticCity';
import { quantile } from './stats';
import type { RunSuite, SuiteResult } from './suite';
import { fmt, type Table } from './table';

const SEED = '1';
const SYNTHETIC_SERVICES = 1_000;
const DEFAULT_SERVICES = 21;
/** 60 fps, with 5 % slack for timer jitter. */
const TARGET_FPS = 57;
/** As test/browser/restart.test.ts: the browser keeps a bounded buffer of records referencing old nodes. */
const TARGET_GROWTH_MB = 2;

const MB = 1e6;
const kb = (bytes: number): string => fmt(bytes / 1024, 1);

function firstFrameTable(loads: FirstFrameLoad[]): Table {
  const row = (label: string, values: (number | null)[]): string[] => {
    const v = values.filter((x): x is number => x !== null);
    return [label, fmt(quantile(v, 0.5), 0), fmt(Math.min(...v), 0), fmt(Math.max(...v), 0)];
  };
  const canvas = loads[0]?.canvas;
  return {
    title: `Time to the first City frame: ${loads.length} cold page loads, ms since navigation start`,
    columns: ['milestone', 'median', 'min', 'max'],
    rows: [
      row(
        'HTML received (responseEnd)',
        loads.map((l) => l.responseEndMs),
      ),
      row(
        'first contentful paint',
        loads.map((l) => l.firstContentfulPaintMs),
      ),
      row(
        'DOMContentLoaded done',
        loads.map((l) => l.domContentLoadedMs),
      ),
      row(
        'load event done',
        loads.map((l) => l.loadEventMs),
      ),
      row(
        'menu usable (Start enabled)',
        loads.map((l) => l.menuReadyMs),
      ),
      row(
        'first City frame rendered',
        loads.map((l) => l.cityMs),
      ),
      row(
        '(Start clicked → first City frame)',
        loads.map((l) => l.startToCityMs),
      ),
    ],
    notes: [
      'Each load in a new browser context (empty HTTP cache and storage), default scenario, ?test=1&seed=1, 1280×720.',
      'An init script clicks Start the moment the menu enables it, so no think time or automation round trip is included.',
      "'First City frame rendered': end of the main-thread rendering work (rAF callbacks incl. Phaser's step, style, layout, paint, commit) of the first frame in which the City scene exists — City.create() sets the screen to 'city' in the same Phaser step that runs its first update() and render(). Rasterising and presenting that frame happen after, off the main thread.",
      `JS fetched per load: ${kb(loads[0]?.jsTransferBytes ?? 0)} KB over the wire (vite preview gzips), ${kb(loads[0]?.jsDecodedBytes ?? 0)} KB decoded. Map canvas ${canvas ? `${canvas.width}×${canvas.height} CSS px, ${canvas.context2d ? '2D canvas' : 'WebGL'} context` : 'not found'}.`,
    ],
  };
}

function frameTable(runs: FrameRun[], windowMs: number): Table {
  return {
    title: `Frames over ${fmt(windowMs / 1000, 0)} s at 8× (after a warm-up), ms`,
    columns: [
      'city',
      'frames',
      'fps',
      'interval median',
      'interval p95',
      'interval max',
      'work median',
      'work p95',
      'main thread busy',
      'task ms/frame',
      'script ms/frame',
      'long tasks',
      'ticks (expected)',
      'Start → City',
    ],
    rows: runs.map((r) => [
      r.label,
      fmt(r.frames, 0),
      fmt(r.fps, 1),
      fmt(r.intervalMedian, 1),
      fmt(r.intervalP95, 1),
      fmt(r.intervalMax, 0),
      fmt(r.workMedian, 1),
      fmt(r.workP95, 1),
      `${fmt(r.busyShare * 100, 0)} %`,
      fmt(r.taskMsPerFrame, 1),
      fmt(r.scriptMsPerFrame, 1),
      `${r.longTasks} (${fmt(r.longTaskMs, 0)} ms)`,
      `${fmt(r.ticks, 0)} (${fmt(r.expectedTicks, 0)})`,
      fmt(r.startToCityMs, 0),
    ]),
    notes: [
      "interval: time between consecutive frame starts (rAF timestamps); 16.7 ms = 60 fps. work: frame start → end of that frame's main-thread rendering work (Phaser step + style/layout/paint/commit), from an in-page rAF + MessageChannel collector.",
      'main thread busy, task/script ms per frame: Chrome DevTools Protocol Performance.getMetrics TaskDuration and ScriptDuration deltas over the window (renderer main thread only). long tasks: PerformanceObserver longtask (> 50 ms).',
      "ticks: simulated seconds stepped in the window; 8× is 48 per real second. Fewer means the clock was fed less than the real frame time: City.update passes Phaser's smoothed delta, which Phaser holds at 16.7 ms for the first 120 frames after boot (or focus/visibility return) and replaces by an earlier value for frames over 200 ms.",
      'Start → City: click on Start → City scene on screen, timed from the benchmark process.',
      ...runs
        .filter((r) => r.openFileMs !== null)
        .map(
          (r) =>
            `${r.label}: opening the file through the menu (read + compile on the main thread) took ${fmt(r.openFileMs!, 0)} ms.`,
        ),
      ...runs.map(
        (r) =>
          `${r.label}: ${r.saves.count} autosaves in the window (${fmt(r.saves.kbMedian, 0)} K characters each, localStorage.setItem ${fmt(r.saves.setItemMsMedian, 1)} ms); frames with a save: interval median ${fmt(r.saves.savingIntervalMedian, 1)} ms; other frames: median ${fmt(r.saves.otherIntervalMedian, 1)} ms, p95 ${fmt(r.saves.otherIntervalP95, 1)} ms.`,
      ),
      ...runs.map(
        (r) =>
          `${r.label}: slowest intervals ${r.slowest.map((s) => `${fmt(s.ms, 0)} ms @ ${fmt(s.atMs / 1000, 1)} s`).join(', ')}.`,
      ),
    ],
  };
}

function bundleTable(sizes: ReturnType<typeof bundleSizes>): Table {
  const row = (f: (typeof sizes)['total'], startup: string): string[] => [
    f.file,
    kb(f.rawBytes),
    kb(f.gzipBytes),
    startup,
  ];
  return {
    title: 'JS bundle (dist/assets/*.js), KB (1 KB = 1,024 bytes)',
    columns: ['file', 'raw', 'gzip -9', 'loaded at start-up'],
    rows: [
      ...sizes.files.map((f) => row(f, f.atStartup ? 'yes' : 'no')),
      row(sizes.startup, ''),
      row(sizes.total, ''),
    ],
    notes: [
      "'loaded at start-up': the page entry and the game module with their static imports (dist/.vite/manifest.json); the others load on demand.",
    ],
  };
}

function memoryTable(m: RestartMemory): Table {
  return {
    title: 'JS heap across restarts (one page, debrief screen, after 2 forced GCs)',
    columns: ['after drill', 'heap used MB', 'DOM elements', 'drills still in memory'],
    rows: Object.keys(m.heapByDrill).map((k) => {
      const d = Number(k);
      return [String(d), fmt(m.heapByDrill[d]! / MB, 2), fmt(m.domElements[d]!, 0), String(m.liveDrills[d])];
    }),
    notes: [
      `Growth from drill 1 to drill 20: ${fmt(m.growthBytes / MB, 2)} MB. Each drill: Start, run at ?fast=60 past tick 120, End drill (confirmed), debrief, Play again. CDP HeapProfiler.collectGarbage ×2, then Runtime.getHeapUsage usedSize; 'drills still in memory' from the test hook's weak references.`,
    ],
  };
}

interface Environment {
  chromium: string;
  renderer: string;
  rendererNote: string;
  build: BuildInfo;
  loadAverageStart: number[];
  loadAverageEnd: number[];
  elapsedS: number;
}

function environmentTable(env: Environment): Table {
  return {
    title: 'Browser benchmark environment',
    columns: ['item', 'value'],
    rows: [
      ['Chromium', env.chromium],
      ['renderer', env.renderer],
      [
        'build',
        `${env.build.status}${env.build.buildMs !== null ? ` (npm run build ${fmt(env.build.buildMs / 1000, 1)} s)` : ''}; dist/index.html ${env.build.distBuiltAt}`,
      ],
      [
        'load average (1 min) start → end',
        `${fmt(env.loadAverageStart[0]!, 2)} → ${fmt(env.loadAverageEnd[0]!, 2)}`,
      ],
      ['suite run time', `${fmt(env.elapsedS, 0)} s`],
    ],
    notes: [
      env.rendererNote,
      'Headless Chromium renders in software (--disable-gpu): far slower than a real GPU. Other processes shared the CPU cores; see the load average.',
      ...(env.build.warning ? [`WARNING: ${env.build.warning}`] : []),
    ],
  };
}

export const runSuite: RunSuite = async ({ quick, log }) => {
  const suiteStarted = performance.now();
  const loadAverageStart = loadavg();
  try {
    await findChromium();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`bench browser: SKIPPED: the browser benchmark needs Chromium and none was found.${message}`);
    return { tables: [], targets: [], data: { skipped: 'no Chromium found (see the harness message)' } };
  }

  const build = await ensureFreshBuild(log);
  const bundle = bundleSizes();
  const loads = quick ? 2 : 5;
  const windowMs = quick ? 3_000 : 10_000;
  const warmupMs = quick ? 1_000 : 2_000;

  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  const city = writeGridCity(SYNTHETIC_SERVICES);
  try {
    browser = await launchBrowser();
    server = await startPreviewServer();
    const chromium = browser.version();
    log(`bench browser: Chromium ${chromium}, serving dist/ at ${server.url}`);
    const url = `${server.url}?test=1&seed=${SEED}`;

    const firstFrames = await firstFrameLoads(browser, url, loads, log);

    log('bench browser: default city at 8× ...');
    const defaultRun = await frameRun(browser, {
      label: `default (${DEFAULT_SERVICES} services)`,
      url,
      expectServices: DEFAULT_SERVICES,
      warmupMs,
      windowMs,
      screenshotName: 'bench-city-default.png',
    });
    log(`bench browser: ${SYNTHETIC_SERVICES}-service city at 8× ...`);
    const bigRun = await frameRun(browser, {
      label: `synthetic (${fmt(SYNTHETIC_SERVICES, 0)} services)`,
      url,
      file: city.path,
      expectServices: SYNTHETIC_SERVICES,
      warmupMs,
      windowMs,
      screenshotName: 'bench-city-1000.png',
    });
    const runs = [defaultRun, bigRun];

    log('bench browser: 20 restarts ...');
    const memory = await restartMemory(browser, server.url);

    const r = defaultRun.renderer;
    const rendererText = `${r.canvas2d ? 'Phaser CANVAS (2D canvas)' : 'Phaser WEBGL'}, navigator.webdriver ${String(r.webdriver)}`;
    const rendererNote = `The game picks its canvas renderer when navigator.webdriver is true (src/main.ts); WebGL in this browser would be '${r.webglRenderer ?? 'unavailable'}'. devicePixelRatio ${r.devicePixelRatio}, viewport 1280×720.`;
    const env: Environment = {
      chromium,
      renderer: rendererText,
      rendererNote,
      build,
      loadAverageStart,
      loadAverageEnd: loadavg(),
      elapsedS: (performance.now() - suiteStarted) / 1000,
    };
    const tables = [
      environmentTable(env),
      firstFrameTable(firstFrames),
      frameTable(runs, windowMs),
      bundleTable(bundle),
      memoryTable(memory),
    ];
    const targets: SuiteResult['targets'] = [
      {
        name: 'default city frame rate',
        target: `≥ ${TARGET_FPS} fps (60 fps)`,
        measured: `${fmt(defaultRun.fps, 1)} fps (interval median ${fmt(defaultRun.intervalMedian, 1)} ms, p95 ${fmt(defaultRun.intervalP95, 1)} ms)`,
        met: defaultRun.fps >= TARGET_FPS,
      },
      {
        name: 'JS heap growth, 20 restarts vs 1',
        target: `< ${TARGET_GROWTH_MB} MB`,
        measured: `${fmt(memory.growthBytes / MB, 2)} MB`,
        met: memory.growthBytes / MB < TARGET_GROWTH_MB,
      },
    ];
    const data = {
      env,
      bundle,
      firstFrames,
      // With every frame's samples, for plotting; the tables hold the summaries.
      frames: runs,
      memory,
      syntheticCity: { services: SYNTHETIC_SERVICES, bytes: city.bytes, shape: city.shape },
    };
    return { tables, targets, data };
  } finally {
    city.remove();
    await browser?.close();
    await server?.stop();
  }
};
