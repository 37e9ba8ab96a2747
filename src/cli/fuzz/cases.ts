/**
 * A fuzz case is data, rebuilt from (seed, index) alone: which kind of input, which shipped scenario it starts
 * from, and the seeds of every random choice. A worker, the minimizer and a reproduction all call `makeCase`
 * and get the same case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggedCommand } from '../../engine';
import { applySteps, randomSteps, type Step } from './scenarioMutations';
import { Rand } from './random';

export interface Base {
  /** The file name, e.g. "tutorial.yaml". */
  name: string;
  text: string;
}

/** The shipped scenarios: what instructors copy and edit, so what mutants start from. */
export function loadBases(dir = join(import.meta.dirname, '..', '..', '..', 'scenarios')): Base[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

export const SAVE_TAMPERS = [
  'flip',
  'forge',
  'otherVersion',
  'truncate',
  'nest',
  'huge',
  'oldVersion',
] as const;
export const SHARE_TAMPERS = [
  'none',
  'flip',
  'truncate',
  'append',
  'hostileJson',
  'junk',
  'runFile',
] as const;

interface Common {
  index: number;
  base: string;
  /** Seed of the drill (the engine's), and of the random command log. */
  runSeed: string;
  logSeed: string;
  /** Also check determinism and mid-run save/restore (costly: a sample only). */
  sample: boolean;
  /** A given command log instead of the random one (the minimizer shortens it). */
  log?: LoggedCommand[];
}

export type FuzzCase =
  | (Common & { kind: 'scenario'; steps: Step[]; text: string })
  | (Common & { kind: 'commands' })
  | (Common & { kind: 'save'; tamper: (typeof SAVE_TAMPERS)[number]; tamperSeed: string })
  | (Common & { kind: 'share'; tamper: (typeof SHARE_TAMPERS)[number]; tamperSeed: string });

export type CaseKind = FuzzCase['kind'];

/** One case in ten also gets the determinism and save/restore checks. */
export const SAMPLE_EVERY = 10;

export function makeCase(seed: string, index: number, bases: readonly Base[]): FuzzCase {
  const r = new Rand(`${seed}:${index}`);
  const base = r.pick(bases);
  const common: Common = {
    index,
    base: base.name,
    runSeed: String(r.int(1_000_000)),
    logSeed: r.seed(),
    sample: index % SAMPLE_EVERY === 0,
  };
  const roll = r.float();
  if (roll < 0.7) {
    const steps = randomSteps(r);
    return { ...common, kind: 'scenario', steps, text: applySteps(base.text, steps) };
  }
  if (roll < 0.8) return { ...common, kind: 'commands' };
  if (roll < 0.92) return { ...common, kind: 'save', tamper: r.pick(SAVE_TAMPERS), tamperSeed: r.seed() };
  return { ...common, kind: 'share', tamper: r.pick(SHARE_TAMPERS), tamperSeed: r.seed() };
}

/** The same scenario case with other steps (the minimizer drops steps). */
export function withSteps(c: FuzzCase & { kind: 'scenario' }, steps: Step[], bases: readonly Base[]) {
  const base = bases.find((b) => b.name === c.base)!;
  return { ...c, steps, text: applySteps(base.text, steps) };
}
