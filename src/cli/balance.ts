/**
 * `npm run balance -- FILE [options]`: the tool an instructor uses to check that a drill's score teaches the
 * right lessons. Scripted commanders (src/balance/policies.ts: functions of what a player sees) play the
 * scenario over many seeds on every core; the report gives, per policy, the median, p10/p90, min/max of the
 * total and the median of each score component, paired win rates against the expert play, the difficulty band,
 * and the checks of src/balance/checks.ts. For each failed check it writes a command log that reproduces the
 * worst seed, to replay with `npm run sim -- FILE --seed S --commands LOG`.
 *
 *   --policies a,b,...   default: do-nothing,textbook,technical,statements,acknowledge-spam,dishonest,panic,random
 *                        ("singles" adds one policy per single action, on the first 5 seeds)
 *   --seeds 1-200        a range or a comma list (default 1-200)
 *   --check              exit 1 when a check fails
 *   --json               print the results as JSON instead of tables
 *   --report out.html    write histograms of the totals per policy
 *   --repro DIR          where reproducer logs go (default balance-repro/)
 *   --workers N          worker threads (default: one per core)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { play } from '../balance/play';
import { EXPERT } from '../balance/policies';
import { expandPolicyNames, policyByName } from '../balance/policySet';
import { runChecks, type Check } from '../balance/checks';
import { htmlReport } from '../balance/htmlReport';
import { runJobs } from '../balance/runner';
import { summarise, winRate } from '../balance/stats';
import type { Job, JobResult } from '../balance/worker';
import { CliError, loadScenarioOrExit } from './loadScenario';

const DEFAULT_POLICIES = [
  'do-nothing',
  'textbook',
  'technical',
  'statements',
  'acknowledge-spam',
  'dishonest',
  'panic',
  'random',
];
const SINGLES_SEEDS = 5;

const USAGE = `usage: npm run balance -- FILE [options]

Plays scripted commanders over many seeds and reports whether the score teaches the right lessons.

  --policies a,b,...   default: ${DEFAULT_POLICIES.join(',')}
                       ("singles" adds one policy per single action, on the first ${SINGLES_SEEDS} seeds)
  --seeds 1-200        a range or a comma list (default 1-200)
  --check              exit 1 when a check fails
  --json               print the results as JSON instead of tables
  --report out.html    write histograms of the totals per policy
  --repro DIR          where reproducer logs go (default balance-repro/)
  --workers N          worker threads (default: one per core)
  -h, --help           this text

Guide: docs/authoring.md, "Balancing a scenario".`;

function parseSeeds(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const range = /^(\d+)-(\d+)$/.exec(part.trim());
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (b < a || b - a > 100_000) throw new CliError(`bad seed range ${part}`);
      for (let s = a; s <= b; s++) out.push(String(s));
    } else if (part.trim()) out.push(part.trim());
  }
  if (out.length === 0) throw new CliError('no seeds');
  return out;
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs`;
}

const f1 = (x: number) => x.toFixed(1).padStart(6);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      policies: { type: 'string' },
      seeds: { type: 'string', default: '1-200' },
      check: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      report: { type: 'string' },
      repro: { type: 'string', default: 'balance-repro' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new CliError(USAGE);
  const scenario = loadScenarioOrExit(file);
  const seeds = parseSeeds(values.seeds!);
  const names = expandPolicyNames(scenario, (values.policies ?? DEFAULT_POLICIES.join(',')).split(','));
  for (const name of names) if (!policyByName(scenario, name)) throw new CliError(`unknown policy '${name}'`);

  const jobs: Job[] = [];
  for (const seed of seeds)
    for (const policy of names)
      if (!policy.startsWith('single:') || seeds.indexOf(seed) < SINGLES_SEEDS) jobs.push({ policy, seed });
  const started = performance.now();
  // CPU time of the whole process, worker threads included: on a shared machine wall time says little.
  const cpuStarted = process.cpuUsage();
  const tty = process.stderr.isTTY;
  let lastShown = 0;
  const results = await runJobs(file, jobs, {
    workers: values.workers ? Number(values.workers) : undefined,
    onProgress: (done, total) => {
      const now = performance.now();
      if (done < total && now - lastShown < (tty ? 100 : 5000)) return;
      lastShown = now;
      process.stderr.write(tty ? `\r${bar(done, total)}` : `${bar(done, total)}\n`);
    },
  });
  if (tty) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  // Per policy, totals in seed order (paired comparisons need the same order for every policy).
  const bySeed = new Map(seeds.map((s, i) => [s, i]));
  const totals = new Map<string, { seeds: string[]; totals: number[]; results: JobResult[] }>();
  for (const r of [...results].sort((a, b) => bySeed.get(a.seed)! - bySeed.get(b.seed)!)) {
    let t = totals.get(r.policy);
    if (!t) totals.set(r.policy, (t = { seeds: [], totals: [], results: [] }));
    t.seeds.push(r.seed);
    t.totals.push(r.total);
    t.results.push(r);
  }
  const checks = runChecks(scenario, totals);
  const repro = reproducers(file, scenario, checks, values.repro!);

  const expert = totals.get(EXPERT);
  const policies = names.map((name) => {
    const t = totals.get(name)!;
    const components: Record<string, number> = {};
    for (const id of Object.keys(t.results[0]?.components ?? {}))
      components[id] = summarise(t.results.map((r) => r.components[id]!)).median;
    return {
      name,
      total: summarise(t.totals),
      components,
      expertWinRate: expert && name !== EXPERT ? winRate(expert.totals, t.totals) : null,
      rejectedPerRun: t.results.reduce((s, r) => s + r.rejected, 0) / t.results.length,
    };
  });
  if (values.report)
    writeFileSync(
      values.report,
      htmlReport(
        scenario.meta.title,
        [...totals].map(([n, t]) => ({ name: n, totals: t.totals })),
      ),
    );

  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ scenario: scenario.id, seeds: seeds.length, runs: results.length, seconds, cpuSeconds, policies, checks, repro }, null, 2)}\n`,
    );
  } else {
    const lines = [
      `${scenario.meta.title} (${basename(file)}): ${results.length} runs, ${seeds.length} seeds, ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s)`,
      '',
      `${'policy'.padEnd(34)} median    p10    p90    min    max distinct  ${EXPERT} wins`,
    ];
    for (const p of policies)
      lines.push(
        `${p.name.padEnd(34)}${f1(p.total.median)} ${f1(p.total.p10)} ${f1(p.total.p90)} ${f1(p.total.min)} ${f1(p.total.max)} ${String(p.total.distinct).padStart(8)}  ${p.expertWinRate === null ? '' : `${(100 * p.expertWinRate).toFixed(1)} %`}`,
      );
    lines.push('', 'median score components:');
    const ids = Object.keys(policies[0]?.components ?? {});
    lines.push(`${''.padEnd(34)}${ids.map((id) => id.slice(0, 11).padStart(12)).join('')}`);
    for (const p of policies.filter((x) => !x.name.startsWith('single:')))
      lines.push(`${p.name.padEnd(34)}${ids.map((id) => f1(p.components[id]!).padStart(12)).join('')}`);
    if (expert) {
      const e = summarise(expert.totals);
      const band = e.median >= 75 ? 'forgiving' : e.median >= 55 ? 'intermediate' : 'hard';
      lines.push('', `difficulty: the expert play's median is ${e.median.toFixed(1)} (${band})`);
    }
    lines.push('', 'checks:');
    for (const c of checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.text}`);
    for (const r of repro) lines.push(`  reproduce ${r.check}: ${r.command}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return values.check && checks.some((c) => !c.ok) ? 1 : 0;
}

/** For each failed check with a worst seed: the command log of that run, written to `dir`. */
function reproducers(
  file: string,
  scenario: ReturnType<typeof loadScenarioOrExit>,
  checks: readonly Check[],
  dir: string,
): { check: string; command: string }[] {
  const out: { check: string; command: string }[] = [];
  for (const c of checks) {
    if (c.ok || !c.worst) continue;
    const policy = policyByName(scenario, c.worst.policy)!;
    const run = play(scenario, c.worst.seed, policy);
    mkdirSync(dir, { recursive: true });
    const path = join(
      dir,
      `${c.id}-${c.worst.policy.replace(/[^a-z0-9-]+/gi, '_')}-seed${c.worst.seed}.json`,
    );
    writeFileSync(path, `${JSON.stringify(run.log, null, 1)}\n`);
    out.push({
      check: c.id,
      command: `npm run sim -- ${file} --seed ${c.worst.seed} --commands ${path}   # ${c.worst.policy}: ${run.total.toFixed(1)}`,
    });
  }
  return out;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`balance: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
