/**
 * `npm run bench:fps [-- --runs N] [-- --window MS]`: frames per second at 8× for the default city and the
 * synthetic 1,000-service city (issue 14's targets: ≥ 55 and ≥ 30 fps), alternating the two cities N times in
 * one run (default 3) so a change in the machine's load hits both alike, and printing each run and the
 * medians. Each run is bench/browser/frames.ts's frameRun (driven through the UI like a player, 2 s warm-up,
 * then every frame recorded). Frame rate never fails this script: it reports.
 *
 * `--dist DIR`: measure another build (e.g. an older commit's, built with `git archive <commit> | tar -x -C DIR`
 * and `npx vite build` there) instead of this checkout's dist/.
 */
import { loadavg } from 'node:os';
import { launchBrowser, startPreviewServer } from '../test/browser/harness';
import { serveFolder } from '../test/browser/staticServer';
import { frameRun, type FrameRun } from './browser/frames';
import { writeGridCity } from './browser/syntheticCity';
import { quantile } from './stats';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 3);
const WINDOW_MS = arg('--window', 10_000);
const distArg = process.argv.indexOf('--dist');
const DIST = distArg > 0 ? process.argv[distArg + 1] : undefined;
const SYNTHETIC = 1_000;
const DEFAULT_SERVICES = 21;

async function main(): Promise<void> {
  const server = DIST ? await serveFolder(DIST) : await startPreviewServer();
  const browser = await launchBrowser();
  const city = writeGridCity(SYNTHETIC);
  const url = `${server.url}?test=1&seed=1`;
  const load0 = loadavg()[0]!;
  const runs: { small: FrameRun[]; big: FrameRun[] } = { small: [], big: [] };
  const line = (r: FrameRun) =>
    `${r.label}: ${r.fps.toFixed(1)} fps (interval median ${r.intervalMedian.toFixed(1)} ms, p95 ${r.intervalP95.toFixed(1)}; work median ${r.workMedian.toFixed(1)} ms; busy ${(r.busyShare * 100).toFixed(0)} %; script ${r.scriptMsPerFrame.toFixed(1)} ms/frame; ticks ${r.ticks}/${Math.round(r.expectedTicks)}; Start → City ${r.startToCityMs.toFixed(0)} ms)`;
  try {
    for (let i = 0; i < RUNS; i++) {
      const small = await frameRun(browser, {
        label: `default (${DEFAULT_SERVICES} services)`,
        url,
        expectServices: DEFAULT_SERVICES,
        warmupMs: 2_000,
        windowMs: WINDOW_MS,
        screenshotName: 'bench-fps-default.png',
      });
      runs.small.push(small);
      console.log(`run ${i + 1}/${RUNS}: ${line(small)}; load ${loadavg()[0]!.toFixed(2)}`);
      const big = await frameRun(browser, {
        label: `synthetic (${SYNTHETIC} services)`,
        url,
        file: city.path,
        expectServices: SYNTHETIC,
        warmupMs: 2_000,
        windowMs: WINDOW_MS,
        screenshotName: 'bench-fps-1000.png',
      });
      runs.big.push(big);
      console.log(`run ${i + 1}/${RUNS}: ${line(big)}; load ${loadavg()[0]!.toFixed(2)}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    city.remove();
  }
  const med = (v: number[]) => quantile(v, 0.5);
  console.log('');
  console.log(
    `${DIST ?? 'dist/'}: ${RUNS} runs each, alternating, ${WINDOW_MS / 1000} s windows at 8×, 1280×720; load average (1 min) ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log('| city | fps median | fps min | fps max | interval p95 median (ms) | work median (ms) |');
  console.log('| :-- | --: | --: | --: | --: | --: |');
  for (const list of [runs.small, runs.big]) {
    const fps = list.map((r) => r.fps);
    console.log(
      `| ${list[0]!.label} | ${med(fps).toFixed(1)} | ${Math.min(...fps).toFixed(1)} | ${Math.max(...fps).toFixed(1)} | ${med(list.map((r) => r.intervalP95)).toFixed(1)} | ${med(list.map((r) => r.workMedian)).toFixed(1)} |`,
    );
  }
}

await main();
