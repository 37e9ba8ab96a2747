/**
 * Many fuzz cases in worker threads, each within a time budget: what `npm run fuzz` runs, and what the unit
 * suite's sample (test/fuzz/sample.test.ts) runs. A case with no answer within the budget is tried again alone
 * with RETRY_FACTOR times the budget (a busy machine is not a hang) and only then counted as a hang.
 */
import { makeCase, type Base, type CaseKind } from './cases';
import type { CaseResult, Finding } from './check';
import { runPool, type Outcome } from './pool';

export const RETRY_FACTOR = 4;

export interface SweepOptions {
  seed: string;
  cases: number;
  workers: number;
  budgetMs: number;
  /** The longest drill a scenario or commands case runs, in ticks (default: the whole drill; see check.ts). */
  maxTicks?: number;
  /** Called after each finished case. */
  onProgress?: (done: number, failing: number) => void;
}

export interface SweepFailure {
  index: number;
  findings: Finding[];
  result?: CaseResult;
}

export interface SweepResult {
  byKind: Record<CaseKind, number>;
  compiled: number;
  refused: number;
  diagnostics: number;
  determinismChecks: number;
  restoreChecks: number;
  failures: SweepFailure[];
  /** Every case's time in its worker (a hang: the time it was given). */
  timings: { index: number; ms: number }[];
  /** Cases over the budget on the first try (tried again alone). */
  retried: number;
}

export async function sweep(options: SweepOptions, bases: readonly Base[]): Promise<SweepResult> {
  const { seed, cases, workers, budgetMs, maxTicks } = options;
  const out: SweepResult = {
    byKind: { scenario: 0, commands: 0, save: 0, share: 0 },
    compiled: 0,
    refused: 0,
    diagnostics: 0,
    determinismChecks: 0,
    restoreChecks: 0,
    failures: [],
    timings: [],
    retried: 0,
  };
  const timedOut: number[] = [];
  let done = 0;
  const onDone = (o: Outcome, retried: boolean): void => {
    if (o.hang && !retried) {
      timedOut.push(o.index);
      return;
    }
    done++;
    out.timings.push({ index: o.index, ms: o.ms });
    const c = makeCase(seed, o.index, bases);
    out.byKind[c.kind]++;
    if (o.hang) {
      out.failures.push({
        index: o.index,
        findings: [
          {
            kind: 'hang',
            where: c.kind,
            message: `no answer within ${budgetMs} ms, nor ${RETRY_FACTOR * budgetMs} ms on a second try`,
          },
        ],
      });
    } else {
      const r = o.reply.result;
      if (r.compiled === true) out.compiled++;
      if (r.compiled === false) out.refused++;
      out.diagnostics += r.diagnostics ?? 0;
      out.determinismChecks += r.determinismChecks;
      out.restoreChecks += r.restoreChecks;
      if (r.findings.length) out.failures.push({ index: o.index, findings: r.findings, result: r });
    }
    options.onProgress?.(done, out.failures.length);
  };
  const request = (index: number) => ({ seed, index, ...(maxTicks !== undefined ? { maxTicks } : {}) });
  await runPool(
    Array.from({ length: cases }, (_, index) => request(index)),
    { workers, budgetMs, onDone: (o) => onDone(o, false) },
  );
  out.retried = timedOut.length;
  await runPool(timedOut.map(request), {
    workers: 1,
    budgetMs: RETRY_FACTOR * budgetMs,
    onDone: (o) => onDone(o, true),
  });
  out.failures.sort((a, b) => a.index - b.index);
  return out;
}
