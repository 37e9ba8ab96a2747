/**
 * `npm run bench:first-frame [-- --loads N] [-- --baseline DIR]`: time to the first City frame against a bare Phaser scene, measured
 * in the same run on the same machine, alternating cold loads (bare, game, bare, game, ...) so a change in the
 * machine's load hits both alike. Also the start-up JavaScript (gzip) of the build.
 *
 * Both pages are production builds served by the same minimal static server (test/browser/staticServer.ts,
 * uncompressed, on loopback) from temporary copies: the game's dist/ (rebuilt if stale) and the bare page
 * (bench/bare-phaser/, built here with Vite). Each load gets a new browser context (empty cache and storage),
 * and the same init-script probe (bench/browser/pageScripts.ts FIRST_FRAME_PROBE) times "end of the main-thread
 * rendering work of the first frame in which the City (or the bare scene) exists", ms since navigation start.
 * The game's probe clicks Start the moment the menu allows it.
 *
 * Also, in the same rotation, the game opened by its direct link (`?play`: the shipped scenario starts as soon as
 * it is loaded, no menu; src/ui/flags.ts): the first City frame without the menu's own work.
 *
 * `--baseline DIR`: also load another build of the game (e.g. an older commit's dist/, built with
 * `git archive <commit> | tar -x -C DIR` and `npx vite build` there) in the same rotation, for a before/after.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ensureBuilt, findChromium, launchBrowser, ROOT } from '../test/browser/harness';
import { serveFolder } from '../test/browser/staticServer';
import { bundleSizes } from './browser/bundle';
import { coldLoad } from './browser/firstFrame';
import { quantile } from './stats';

const loadsArg = process.argv.indexOf('--loads');
const LOADS = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 7;
const baselineArg = process.argv.indexOf('--baseline');
const BASELINE = baselineArg > 0 ? process.argv[baselineArg + 1] : undefined;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main(): Promise<void> {
  await ensureBuilt();
  const gameDir = mkdtempSync(join(tmpdir(), 'cascade-ff-game-'));
  const bareDir = mkdtempSync(join(tmpdir(), 'cascade-ff-bare-'));
  cpSync(join(ROOT, 'dist'), gameDir, { recursive: true });
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'bare-phaser'),
    base: './',
    logLevel: 'warn',
    build: { outDir: bareDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  });
  const game = await serveFolder(gameDir);
  const bare = await serveFolder(bareDir);
  const baseline = BASELINE ? await serveFolder(BASELINE) : undefined;
  const baselineMs: number[] = [];
  const baselineMenuMs: number[] = [];
  const chromium = (await findChromium()).executablePath;
  const browser = await launchBrowser();
  const load0 = loadavg()[0]!;
  const bareMs: number[] = [];
  const gameMs: number[] = [];
  const menuMs: number[] = [];
  const directMs: number[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const b = await coldLoad(browser, bare.url);
      bareMs.push(b.cityMs);
      if (baseline) {
        const o = await coldLoad(browser, `${baseline.url}?test=1&seed=1`);
        baselineMs.push(o.cityMs);
        baselineMenuMs.push(o.menuReadyMs);
        console.log(`  baseline: City ${o.cityMs.toFixed(0)} ms (menu ${o.menuReadyMs.toFixed(0)} ms)`);
      }
      const g = await coldLoad(browser, `${game.url}?test=1&seed=1`);
      gameMs.push(g.cityMs);
      menuMs.push(g.menuReadyMs);
      const d = await coldLoad(browser, `${game.url}?test=1&seed=1&play`);
      directMs.push(d.cityMs);
      console.log(
        `load ${i + 1}/${LOADS}: bare ${b.cityMs.toFixed(0)} ms, City ${g.cityMs.toFixed(0)} ms (menu ${g.menuReadyMs.toFixed(0)} ms), City by the direct link ${d.cityMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await game.stop();
    await bare.stop();
    await baseline?.stop();
    rmSync(gameDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  }
  const load1 = loadavg()[0]!;
  const med = (v: number[]) => quantile(v, 0.5);
  const sizes = bundleSizes();
  const startup = sizes.files.filter((f) => f.atStartup);
  console.log('');
  console.log(
    `Chromium ${chromium}; ${LOADS} cold loads each, alternating; load average (1 min) ${load0.toFixed(2)} → ${load1.toFixed(2)}`,
  );
  console.log(`| page | median ms | min | max |`);
  console.log(`|---|---|---|---|`);
  const row = (label: string, v: number[]) =>
    console.log(
      `| ${label} | ${med(v).toFixed(0)} | ${Math.min(...v).toFixed(0)} | ${Math.max(...v).toFixed(0)} |`,
    );
  row('bare Phaser scene, first frame', bareMs);
  row('Cascade menu usable (Start enabled)', menuMs);
  row('Cascade first City frame', gameMs);
  row('Cascade first City frame, direct link (?play)', directMs);
  if (baseline) {
    row(`baseline (${BASELINE}) menu usable`, baselineMenuMs);
    row(`baseline (${BASELINE}) first City frame`, baselineMs);
    console.log(`ratio of medians, baseline City / bare: ${(med(baselineMs) / med(bareMs)).toFixed(2)}×`);
  }
  console.log(`ratio of medians, City / bare: ${(med(gameMs) / med(bareMs)).toFixed(2)}×`);
  console.log(
    `ratio of medians, City by the direct link / bare: ${(med(directMs) / med(bareMs)).toFixed(2)}×`,
  );
  console.log('');
  console.log(
    `start-up JS (entry + game, static imports), gzip -9: ${startup.map((f) => `${f.file} ${kb(f.gzipBytes)} KB`).join(' + ')} = ${kb(startup.reduce((n, f) => n + f.gzipBytes, 0))} KB`,
  );
  for (const f of sizes.files.filter((x) => !x.atStartup))
    console.log(`  on demand: ${f.file} ${kb(f.gzipBytes)} KB gzip`);
}

await main();
