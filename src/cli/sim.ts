/**
 * npm run sim -- <scenario> --seed N [--commands log.json] [--until 4h] [--json] [--every 1m]
 * Runs the same engine as the game, headless, and prints a per-minute summary and the final metrics.
 */
import { parseArgs } from 'node:util';
import { run, type LoggedCommand } from '../engine';
import { parseDurationArg } from '../scenario';
import { CliError, loadScenarioOrExit, readText, runCli } from './loadScenario';
import { peopleSummary } from './people';
import { finalSummary, minuteLine } from './summary';

const USAGE =
  'usage: npm run sim -- <scenario.yaml> --seed N [--commands log.json] [--until 4h] [--every 1m] [--json]';

function parseCommandLog(path: string): LoggedCommand[] {
  let value: unknown;
  try {
    value = JSON.parse(readText(path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(value) ? value : (value as { commands?: unknown })?.commands;
  if (!Array.isArray(list))
    throw new CliError(`${path}: expected a list of {"tick": N, "cmd": {...}} (or {"commands": [...]})`);
  return list.map((entry, i) => {
    const e = entry as { tick?: unknown; cmd?: unknown };
    if (
      typeof e?.tick !== 'number' ||
      !Number.isInteger(e.tick) ||
      e.tick < 0 ||
      typeof e.cmd !== 'object' ||
      e.cmd === null
    ) {
      throw new CliError(
        `${path}: entry ${i} must look like {"tick": 120, "cmd": {"type": "mitigate", ...}}`,
      );
    }
    return { tick: e.tick, cmd: e.cmd as LoggedCommand['cmd'] };
  });
}

runCli(() => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        commands: { type: 'string' },
        until: { type: 'string' },
        every: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`expected one scenario file\n${USAGE}`);
  if (values.seed === undefined || values.seed === '')
    throw new CliError(`--seed is required (every run is seeded so it can be repeated)\n${USAGE}`);
  const scenario = loadScenarioOrExit(positionals[0]!);
  const until = values.until !== undefined ? parseDurationArg(values.until) : scenario.durationTicks;
  if (until === undefined || until <= 0)
    throw new CliError(`--until must be a duration like 90m or 4h (got '${values.until}')`);
  const every = values.every !== undefined ? parseDurationArg(values.every) : 60;
  if (every === undefined || every < 1)
    throw new CliError(`--every must be a duration like 1m or 15m (got '${values.every}')`);
  const log = values.commands ? parseCommandLog(values.commands) : [];

  const lines: string[] = [];
  const rejected: string[] = [];
  const sim = run(scenario, values.seed, log, {
    untilTick: Math.round(until),
    onTick: (s) => {
      if (s.state.tick % Math.round(every) === 0) lines.push(minuteLine(s));
    },
    onCommand: (entry, result) => {
      if (!result.ok)
        rejected.push(`tick ${entry.tick}: ${entry.cmd.type} rejected (${result.code}): ${result.message}`);
    },
  });
  const summary = finalSummary(sim);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ summary, people: peopleSummary(sim), minutes: lines, rejected, feed: sim.state.feed }, null, 2)}\n`,
    );
    return 0;
  }
  process.stdout.write(`${scenario.meta.title} — seed ${values.seed}\n`);
  for (const l of lines) process.stdout.write(`${l}\n`);
  for (const r of rejected) process.stdout.write(`${r}\n`);
  process.stdout.write('\nfinal:\n');
  for (const [k, v] of Object.entries(summary)) process.stdout.write(`  ${k}: ${v}\n`);
  return 0;
});
