/**
 * The contract between bench/run.ts and each benchmark suite (bench/engine.ts, later bench/browser.ts):
 * a suite module exports `runSuite`, which returns tables to print and plain JSON data that run.ts writes to
 * test/artifacts/bench-latest.json under the suite's name.
 */
import type { Table } from './table';

export interface SuiteContext {
  /** `--quick`: fewer repetitions, for checking the harness itself (figures are then not meant to be quoted). */
  quick: boolean;
  /** Progress lines (stderr), so stdout keeps only the tables. */
  log: (line: string) => void;
}

export interface SuiteResult {
  tables: Table[];
  /** Machine-readable results (JSON-serialisable). */
  data: Record<string, unknown>;
  /** Targets and whether they were met. */
  targets: { name: string; target: string; measured: string; met: boolean }[];
}

export type RunSuite = (ctx: SuiteContext) => Promise<SuiteResult>;
