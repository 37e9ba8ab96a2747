#!/usr/bin/env node
// `npm test`: run the unit suite (vitest.config.ts), then the browser suite (vitest.browser.config.ts),
// and finish with one plain summary line, e.g.
//
//     123 passed, 0 failed
//
// Counts are tests (not files), summed over both suites, read from vitest's JSON reporter output
// (test/artifacts/vitest-<suite>.json). A test file that fails to load, or a suite that crashes or exits
// non-zero without a failing test (unhandled error, build failure in globalSetup, ...), counts as one
// failure so the summary never says "0 failed" for a red run. Exit code: 0 only if everything passed.
//
// Extra CLI arguments are passed to both suites, e.g. `npm test -- test/lint` or `npm test -- -t title`.
// A filter that matches no file in one suite simply gives 0 tests there (--passWithNoTests).
// Set CI=1 to disable colours in the children (NO_COLOR=1, FORCE_COLOR=0).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

const SUITES = [
  { name: 'unit', config: 'vitest.config.ts' },
  { name: 'browser', config: 'vitest.browser.config.ts' },
];

const extraArgs = process.argv.slice(2);

const childEnv = { ...process.env };
if (process.env.CI) {
  childEnv.NO_COLOR = '1';
  childEnv.FORCE_COLOR = '0';
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  // The child (same process group) receives Ctrl-C itself; we just stop starting new suites.
  process.on(signal, () => {
    interrupted = true;
  });
}

function runVitest(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [VITEST, ...args], { cwd: ROOT, env: childEnv, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`[run-tests] could not start vitest: ${error.message}`);
      resolve({ code: null, signal: null });
    });
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Run one suite and return { passed, failed, skipped, problems[] }. */
async function runSuite(suite) {
  const reportFile = join(ARTIFACTS, `vitest-${suite.name}.json`);
  rmSync(reportFile, { force: true }); // never count a stale report

  console.log(`\n=== ${suite.name} tests (vitest --config ${suite.config}) ===\n`);
  const { code, signal } = await runVitest([
    'run',
    '--config',
    suite.config,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${relative(ROOT, reportFile)}`,
    ...extraArgs,
  ]);

  const problems = [];
  const report = existsSync(reportFile) ? readReport(reportFile) : undefined;
  let passed = 0;
  let failed = 0;
  let skipped = 0;

  if (report) {
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const file of report.testResults ?? []) {
      const hasFailedTest = (file.assertionResults ?? []).some((t) => t.status === 'failed');
      if (file.status === 'failed' && !hasFailedTest) {
        failed += 1;
        problems.push(`${relative(ROOT, file.name)} failed to run: ${String(file.message).split('\n')[0]}`);
      }
    }
  } else {
    problems.push(`no JSON report was written (${relative(ROOT, reportFile)})`);
  }

  if (code !== 0) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    problems.push(`vitest ${how}`);
    if (failed === 0) failed = 1; // a crashed suite is a failure even if no single test failed
  }

  return { passed, failed, skipped, problems };
}

mkdirSync(ARTIFACTS, { recursive: true });

let totalPassed = 0;
let totalFailed = 0;
const summaries = [];

for (const suite of SUITES) {
  if (interrupted) {
    summaries.push(`${suite.name}: not run (interrupted)`);
    totalFailed += 1;
    continue;
  }
  const result = await runSuite(suite);
  totalPassed += result.passed;
  totalFailed += result.failed;
  const extra = result.skipped ? `, ${result.skipped} skipped` : '';
  summaries.push(`${suite.name}: ${result.passed} passed, ${result.failed} failed${extra}`);
  for (const problem of result.problems) summaries.push(`  ! ${suite.name}: ${problem}`);
}

console.log('\n=== summary ===');
for (const line of summaries) console.log(line);
console.log(`${totalPassed} passed, ${totalFailed} failed`);
process.exitCode = interrupted ? 130 : totalFailed > 0 ? 1 : 0;
