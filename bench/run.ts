/**
 * `npm run bench [-- --only engine|browser] [-- --quick]`
 *
 * Runs each benchmark suite in turn and prints its tables, then writes everything machine-readable to
 * test/artifacts/bench-latest.json (an ignored folder: results depend on the machine and stay out of git).
 * A suite is a module next to this file exporting `runSuite` (see suite.ts). Suites that need a browser are
 * skipped, with a note, when their module or Chromium is missing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunSuite, SuiteResult } from './suite';
import { markdownTable, textTable } from './table';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = 'test/artifacts/bench-latest.json';
/** The same tables as Markdown, ready to paste into BENCHMARKS.md. */
const OUTPUT_MD = 'test/artifacts/bench-latest.md';
const here = dirname(fileURLToPath(import.meta.url));

interface SuiteEntry {
  name: string;
  file: string;
  needsChromium: boolean;
}

const SUITES: SuiteEntry[] = [
  { name: 'engine', file: 'engine.ts', needsChromium: false },
  { name: 'browser', file: 'browser.ts', needsChromium: true },
  { name: 'store-heap', file: 'storeHeap.ts', needsChromium: false },
];

function parseArgs(argv: string[]): { only: string | undefined; quick: boolean } {
  let only: string | undefined;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only') only = argv[++i];
    else if (a.startsWith('--only=')) only = a.slice('--only='.length);
    else if (a === '--quick') quick = true;
    else
      throw new Error(
        `unknown argument '${a}' (use --only <${SUITES.map((s) => s.name).join('|')}> and/or --quick)`,
      );
  }
  if (only !== undefined && !SUITES.some((s) => s.name === only)) {
    throw new Error(`--only: unknown suite '${only ?? ''}' (known: ${SUITES.map((s) => s.name).join(', ')})`);
  }
  return { only, quick };
}

/** The model name the kernel reports (os.cpus() gives the same, but /proc/cpuinfo is what people quote). */
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]!.trim();
  } catch {
    // not Linux: fall through
  }
  return cpus()[0]?.model ?? 'unknown';
}

function machine(): Record<string, unknown> {
  return {
    cpus: availableParallelism(),
    model: cpuModel(),
    node: process.version,
    totalMemoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function main(): Promise<void> {
  const { only, quick } = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const info = machine();
  log(
    `bench: ${String(info.cpus)} CPUs (${String(info.model)}), node ${process.version}, load ${(info.loadAverageAtStart as number[]).join(' ')}${quick ? ', QUICK mode' : ''}`,
  );

  const results: Record<string, SuiteResult | { skipped: string }> = {};
  const markdown: string[] = [];
  for (const suite of SUITES) {
    if (only !== undefined && suite.name !== only) continue;
    const path = join(here, suite.file);
    if (!existsSync(path)) {
      results[suite.name] = { skipped: `bench/${suite.file} does not exist yet` };
      log(`bench: ${suite.name} skipped (no bench/${suite.file})`);
      continue;
    }
    if (suite.needsChromium && !existsSync(CHROMIUM)) {
      results[suite.name] = { skipped: `${CHROMIUM} not found` };
      log(`bench: ${suite.name} skipped (${CHROMIUM} not found)`);
      continue;
    }
    const mod = (await import(pathToFileURL(path).href)) as { runSuite?: RunSuite };
    if (typeof mod.runSuite !== 'function') throw new Error(`bench/${suite.file} does not export runSuite`);
    const result = await mod.runSuite({ quick, log });
    results[suite.name] = result;
    for (const table of result.tables) {
      process.stdout.write(`\n${textTable(table)}\n`);
      markdown.push(
        `### ${table.title}`,
        '',
        markdownTable(table),
        '',
        ...(table.notes ?? []).map((n) => `- ${n}`),
        '',
      );
    }
    process.stdout.write('\nTargets\n');
    markdown.push('### Targets', '', '| target | measured | met |', '| :-- | --: | :-: |');
    for (const t of result.targets) {
      process.stdout.write(
        `  ${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.measured} (target ${t.target})\n`,
      );
      markdown.push(`| ${t.name} ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
    }
    markdown.push('');
  }

  const record = {
    date: new Date().toISOString(),
    quick,
    machine: { ...info, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
    suites: results,
  };
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(OUTPUT_MD, `${markdown.join('\n')}\n`);
  log(`\nbench: results written to ${OUTPUT} (tables as Markdown: ${OUTPUT_MD})`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
