/**
 * npm run fuzz -- [--cases N] [--seed S] [--json] [--workers N] [--budget-ms MS] [--slow-ms MS] [--out DIR]
 *                 [--max-ticks N]  (stop each drill at tick N, as the sample in `npm test` does)
 * npm run fuzz -- --seed S --case I          (re-run one case in this process and print what it finds)
 *
 * Thousands of hostile inputs through the same code the game runs: mutated scenario files (compile, then a
 * full drill with a random command log), random command logs on the shipped scenarios, tampered saves, and
 * tampered or hand-made share links and run files. Each case runs in a worker thread within a time budget
 * (a case over budget is a hang). See docs/reliability.md for what is checked.
 *
 * Prints a summary; every failing case is written to DIR/<seed>-<index>/ (the input files and the findings),
 * the first cases of each kind of failure minimized first. Exit code 1 if anything failed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBases, makeCase, type FuzzCase } from './fuzz/cases';
import { checkCase, Env, type CaseResult } from './fuzz/check';
import { runPool } from './fuzz/pool';
import { sweep } from './fuzz/sweep';

const USAGE = `npm run fuzz -- [options]
  --cases N          how many cases (default 1000)
  --seed S           the run's seed (default: a new one, printed); every case is rebuilt from seed and number
  --case I           re-run case I of --seed S in this process and print what it finds
  --max-ticks N      stop each drill at tick N (the sample in npm test uses 3600: the first simulated hour)
  --workers N        worker threads (default: one per core)
  --budget-ms MS     a case's time budget (default 5000); over it, the case is tried again alone with 4× before it is a hang
  --slow-ms MS       cases slower than this are listed (default 1000)
  --out DIR          where failing cases are written (default fuzz-failures)
  --minimize-max N   how many failing cases are minimized (default 20)
  --json             print the summary as JSON
  -h, --help         this text
What is fuzzed and checked: docs/reliability.md.`;

function parseOptions() {
  try {
    return parseArgs({
      options: {
        cases: { type: 'string', default: '1000' },
        seed: { type: 'string' },
        case: { type: 'string' },
        json: { type: 'boolean', default: false },
        workers: { type: 'string' },
        'budget-ms': { type: 'string', default: '5000' },
        'slow-ms': { type: 'string', default: '1000' },
        out: { type: 'string', default: 'fuzz-failures' },
        'minimize-max': { type: 'string', default: '20' },
        'max-ticks': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // An unknown or malformed option: say which, and how to call it, instead of a stack trace.
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { values } = parseOptions();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const positive = (name: string, text: string | undefined, fallback: number): number => {
  const n = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, not '${text}'`);
    process.exit(2);
  }
  return n;
};

const seed = values.seed ?? Math.floor(Math.random() * 2 ** 32).toString(36);
const cases = positive('cases', values.cases, 1000);
const budgetMs = positive('budget-ms', values['budget-ms'], 5000);
const slowMs = positive('slow-ms', values['slow-ms'], 1000);
const workers = positive('workers', values.workers, Math.max(1, availableParallelism()));
const minimizeMax = positive('minimize-max', values['minimize-max'], 20);
/** Where a scenario or commands case's drill stops (as the unit suite's sample does); the whole drill if unset. */
const maxTicks =
  values['max-ticks'] === undefined ? undefined : positive('max-ticks', values['max-ticks'], 0);

function describeCase(c: FuzzCase): string {
  if (c.kind === 'scenario') return `scenario from ${c.base}: ${c.steps.map((s) => s.name).join(', ')}`;
  if (c.kind === 'commands') return `command log on ${c.base}`;
  return `${c.kind} (${c.tamper}) on ${c.base}`;
}

// --- one case, here --------------------------------------------------------------------------------------

if (values.case !== undefined) {
  const index = positive('case', values.case, 0);
  const env = new Env(loadBases());
  const c = makeCase(seed, index, env.bases);
  const t0 = performance.now();
  const result = checkCase(c, env, { maxTicks });
  const ms = performance.now() - t0;
  if (values.json) console.log(JSON.stringify({ seed, index, kind: c.kind, ms, findings: result.findings }));
  else {
    console.log(`case ${index} (seed ${seed}): ${describeCase(c)}, ${ms.toFixed(0)} ms`);
    for (const f of result.findings) console.log(`  ${f.kind} at ${f.where}: ${f.message}`);
    if (result.findings.length === 0) console.log('  no finding');
  }
  process.exit(result.findings.length ? 1 : 0);
}

// --- many cases, in workers ------------------------------------------------------------------------------

const bases = loadBases();
const t0 = performance.now();
const tty = process.stderr.isTTY;

const swept = await sweep(
  {
    seed,
    cases,
    workers,
    budgetMs,
    maxTicks,
    onProgress: (done, failing) => {
      if (done % 50 === 0)
        process.stderr.write(
          `${tty ? '\r' : ''}${done} / ${cases} cases, ${failing} failing${tty ? '' : '\n'}`,
        );
    },
  },
  bases,
);
const {
  byKind,
  compiled,
  refused,
  diagnostics,
  determinismChecks,
  restoreChecks,
  failures,
  timings,
  retried,
} = swept;
if (tty) process.stderr.write('\n');

// --- minimize and write the reproductions ----------------------------------------------------------------

const firstOfKind = new Set<number>();
const seenKinds = new Set<string>();
for (const f of failures) {
  const key = `${f.findings[0]!.kind}@${f.findings[0]!.where}`;
  if (!seenKinds.has(key)) {
    seenKinds.add(key);
    firstOfKind.add(f.index);
  }
}
const toMinimize = [
  ...failures.filter((f) => firstOfKind.has(f.index)),
  ...failures.filter((f) => !firstOfKind.has(f.index)),
]
  .filter((f) => f.findings[0]!.kind !== 'hang')
  .slice(0, minimizeMax);
const minimized = new Map<number, { case: FuzzCase; result: CaseResult }>();
await runPool(
  toMinimize.map((f) => ({
    seed,
    index: f.index,
    minimize: { kind: f.findings[0]!.kind, where: f.findings[0]!.where },
  })),
  {
    workers,
    budgetMs: 60_000,
    onDone: (o) => {
      if (!o.hang && o.reply.minimized)
        minimized.set(o.index, { case: o.reply.minimized, result: o.reply.result });
    },
  },
);

const written: string[] = [];
if (failures.length) {
  rmSync(values.out, { recursive: true, force: true });
  for (const f of failures) {
    const dir = join(values.out, `${seed}-${f.index}`);
    mkdirSync(dir, { recursive: true });
    const original = makeCase(seed, f.index, bases);
    const small = minimized.get(f.index);
    const c = small?.case ?? original;
    const artifacts = small?.result.artifacts ?? f.result?.artifacts ?? {};
    if (c.kind === 'scenario' && !artifacts['scenario.yaml']) artifacts['scenario.yaml'] = c.text;
    for (const [name, content] of Object.entries(artifacts)) writeFileSync(join(dir, name), content);
    const { text: _text, ...caseWithoutText } = c as FuzzCase & { text?: string };
    const findings = small?.result.findings.length ? small.result.findings : f.findings;
    writeFileSync(
      join(dir, 'findings.json'),
      JSON.stringify(
        { seed, index: f.index, minimized: small !== undefined, case: caseWithoutText, findings },
        null,
        2,
      ),
    );
    const rerun = `npm run fuzz -- --seed ${seed} --case ${f.index}`;
    const sim =
      c.kind === 'scenario' || c.kind === 'commands'
        ? `\nnpm run sim -- ${c.kind === 'scenario' ? join(dir, 'scenario.yaml') : `scenarios/${c.base}`} --seed ${c.runSeed} --commands ${join(dir, 'commands.json')}`
        : '';
    writeFileSync(join(dir, 'README.txt'), `${describeCase(original)}\n\nTo run it again:\n${rerun}${sim}\n`);
    written.push(dir);
  }
}

// --- summary ---------------------------------------------------------------------------------------------

timings.sort((a, b) => b.ms - a.ms);
const seconds = (performance.now() - t0) / 1000;
const findingCounts: Record<string, number> = {};
for (const f of failures)
  for (const x of f.findings) findingCounts[x.kind] = (findingCounts[x.kind] ?? 0) + 1;
const summary = {
  seed,
  cases,
  workers,
  seconds: Math.round(seconds),
  budgetMs,
  byKind,
  scenarios: { compiled, refused, diagnostics },
  determinismChecks,
  restoreChecks,
  failingCases: failures.length,
  findings: findingCounts,
  hangs: findingCounts.hang ?? 0,
  retriedAfterTimeout: retried,
  slowest: timings.slice(0, 5).map((t) => ({
    index: t.index,
    ms: Math.round(t.ms),
    case: describeCase(makeCase(seed, t.index, bases)),
  })),
  slowCases: timings.filter((t) => t.ms > slowMs).length,
  failures: failures.map((f, i) => ({
    index: f.index,
    findings: f.findings,
    reproduction: written[i],
    minimized: minimized.has(f.index),
  })),
};

if (values.json) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(`fuzz: ${cases} cases, seed ${seed}, ${workers} workers, ${summary.seconds} s`);
  console.log(
    `  scenario ${byKind.scenario} (${compiled} compiled and ran, ${refused} refused with ${diagnostics} diagnostics), commands ${byKind.commands}, save ${byKind.save}, share/run file ${byKind.share}`,
  );
  console.log(`  determinism checks ${determinismChecks}, save/restore checks ${restoreChecks}`);
  console.log(`  slowest: ${summary.slowest.map((s) => `#${s.index} ${s.ms} ms (${s.case})`).join('; ')}`);
  console.log(
    `  cases over ${slowMs} ms: ${summary.slowCases}; over ${budgetMs} ms and tried again: ${retried}; hangs: ${summary.hangs}`,
  );
  for (const [i, f] of failures.entries())
    for (const x of f.findings)
      console.log(`  FAIL #${f.index} ${x.kind} at ${x.where}: ${x.message.slice(0, 200)}  → ${written[i]}`);
  console.log(`${failures.length} failing case${failures.length === 1 ? '' : 's'} of ${cases}`);
}
process.exit(failures.length ? 1 : 0);
