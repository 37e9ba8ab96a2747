/**
 * Shrinks a failing case while it keeps failing the same way (the same finding kind at the same stage):
 * first the mutation steps (each has its own seed, so dropping one leaves the others as they were), then
 * chunks of lines of the scenario text, then entries of the command log. Bounded by a number of attempts
 * and a wall-clock budget; whatever is smallest when it stops is the reproduction.
 */
import type { LoggedCommand } from '../../engine';
import { withSteps, type FuzzCase } from './cases';
import { checkCase, type CaseResult, type Env, type Finding } from './check';
import { randomLog } from './commands';
import { Rand } from './random';

export interface Target {
  kind: Finding['kind'];
  where: string;
}

const MAX_ATTEMPTS = 400;

export function minimize(
  start: FuzzCase,
  env: Env,
  target: Target,
  budgetMs = 30_000,
): { case: FuzzCase; result: CaseResult } {
  const t0 = performance.now();
  let attempts = 0;
  let best = start;
  let bestResult = checkCase(start, env);
  const fails = (c: FuzzCase): boolean => {
    if (attempts++ >= MAX_ATTEMPTS || performance.now() - t0 > budgetMs) return false;
    const result = checkCase(c, env);
    const same = result.findings.some((f) => f.kind === target.kind && f.where === target.where);
    if (same) bestResult = result;
    return same;
  };

  if (best.kind === 'scenario') {
    // 1. Fewer steps.
    for (let i = best.steps.length - 1; i >= 0 && best.kind === 'scenario'; i--) {
      const steps = best.steps.filter((_, j) => j !== i);
      const candidate = withSteps(best, steps, env.bases);
      if (fails(candidate)) best = candidate;
    }
    // 2. Fewer lines: chunks from half the file down to single lines.
    if (best.kind === 'scenario') {
      let lines = best.text.split('\n');
      for (let size = Math.max(1, Math.floor(lines.length / 2)); size >= 1; size = Math.floor(size / 2)) {
        for (let at = 0; at < lines.length;) {
          const shorter = [...lines.slice(0, at), ...lines.slice(at + size)];
          const candidate: FuzzCase = { ...best, text: shorter.join('\n') };
          if (fails(candidate)) {
            lines = shorter;
            best = candidate;
          } else at += size;
        }
        if (size === 1) break;
      }
    }
  }

  // 3. Fewer commands (scenario and commands cases run a command log).
  if (best.kind === 'scenario' || best.kind === 'commands') {
    const written = bestResult.artifacts?.['commands.json'];
    const log =
      best.log ??
      (best.kind === 'commands'
        ? randomLog(env.scenario(best.base), new Rand(best.logSeed), 200)
        : written
          ? (JSON.parse(written) as LoggedCommand[])
          : undefined);
    if (log) {
      let current: LoggedCommand[] = log;
      for (
        let size = Math.max(1, Math.floor(current.length / 2));
        size >= 1 && current.length > 0;
        size = Math.floor(size / 2)
      ) {
        for (let at = 0; at < current.length;) {
          const shorter: LoggedCommand[] = [...current.slice(0, at), ...current.slice(at + size)];
          const candidate: FuzzCase = { ...best, log: shorter };
          if (fails(candidate)) {
            current = shorter;
            best = candidate;
          } else at += size;
        }
        if (size === 1) break;
      }
    }
  }
  return { case: best, result: bestResult };
}
