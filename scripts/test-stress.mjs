#!/usr/bin/env node
// `npm run test:stress`: is `npm test` reliable on a busy machine?
//
// Clones the committed HEAD into a temporary folder (a clean clone: no dist/, no node_modules, nothing left
// over from this work tree), runs `npm ci` there, starts one CPU-burning process per core (in their own
// process group, killed at the end whatever happens), then runs `npm test` RUNS times in a row and reports
// each run's closing line, its duration, and the names of any failed tests. Exit code 0 only if every run
// passed. The figures of the last full run are in docs/testing.md.
//
//   npm run test:stress                    # 10 runs, one burner per core
//   npm run test:stress -- --runs 3 --burners 1
//   npm run test:stress -- --json out.json # also write the results as JSON
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    burners: { type: 'string', default: String(availableParallelism()) },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const burnerCount = Number(values.burners);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(burnerCount) || burnerCount < 0) {
  console.error('usage: npm run test:stress -- [--runs N>=1] [--burners N>=0] [--json FILE] [--keep]');
  process.exit(2);
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
  cwd: ROOT,
  encoding: 'utf8',
}).stdout.trim();
const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
if (dirty)
  console.log('[stress] note: the work tree has uncommitted changes; the clone tests the commit only.');
const clone = mkdtempSync(join(tmpdir(), 'cascade-stress-'));

/** Run a command to the end with inherited or captured output; resolves with code and (captured) output. */
function run(command, args, { capture = false, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: clone,
      env,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

// One busy loop per burner, in a detached group so one signal ends them all.
let burners;
function startBurners() {
  if (burnerCount === 0) return;
  const script = `for (let i = 0; i < ${burnerCount}; i++) require('child_process').spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }); setInterval(() => {}, 1e9);`;
  burners = spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' });
}
function stopBurners() {
  if (!burners?.pid) return;
  try {
    process.kill(-burners.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  burners = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM', 'exit'])
  process.on(signal, () => {
    stopBurners();
    if (signal !== 'exit') process.exit(130);
  });

console.log(`[stress] cloning ${commit} into ${clone}`);
spawnSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], { stdio: 'inherit' });
const ci = await run('npm', ['ci', '--no-audit', '--no-fund'], { capture: true });
if (ci.code !== 0) {
  console.error(ci.output);
  process.exit(1);
}

startBurners();
console.log(`[stress] ${burnerCount} CPU burner(s) on ${cpus().length} core(s); ${runs} run(s) of npm test`);
const results = [];
for (let i = 1; i <= runs; i++) {
  const started = Date.now();
  const { code, output } = await run('npm', ['test'], {
    capture: true,
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
  });
  const seconds = (Date.now() - started) / 1000;
  const closing =
    output
      .trim()
      .split('\n')
      .reverse()
      .find((l) => /^\d+ passed, \d+ failed/.test(l)) ?? '(no summary line)';
  const failedTests = [...output.matchAll(/^\s*FAIL\s+(.+)$/gm)].map((m) => m[1].trim());
  results.push({ run: i, code, seconds, closing, failedTests, load: loadavg()[0] });
  console.log(
    `[stress] run ${i}/${runs}: ${closing} in ${seconds.toFixed(0)} s (exit ${code}, load ${loadavg()[0].toFixed(1)})`,
  );
  for (const f of failedTests) console.log(`[stress]    FAIL ${f}`);
  if (code !== 0) writeFileSync(join(tmpdir(), `cascade-stress-run${i}.log`), output);
}
stopBurners();

const failedRuns = results.filter((r) => r.code !== 0).length;
const secs = results.map((r) => r.seconds).sort((a, b) => a - b);
const median = secs[Math.floor((secs.length - 1) / 2)];
console.log(
  `\n[stress] commit ${commit}, ${burnerCount} burner(s): ${runs - failedRuns} of ${runs} runs passed; median ${median.toFixed(0)} s, slowest ${secs.at(-1).toFixed(0)} s`,
);
if (values.json)
  writeFileSync(
    values.json,
    JSON.stringify(
      { commit, burners: burnerCount, cores: cpus().length, date: new Date().toISOString(), results },
      null,
      2,
    ),
  );
if (!values.keep) rmSync(clone, { recursive: true, force: true });
console.log(`${runs - failedRuns} passed, ${failedRuns} failed`);
process.exitCode = failedRuns > 0 ? 1 : 0;
