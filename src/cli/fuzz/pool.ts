/**
 * Worker threads with a time budget per case: each worker gets one case at a time; a case that has not
 * answered within the budget is a hang, and its worker is terminated and replaced (a synchronous loop cannot
 * be interrupted any other way). Cases are rebuilt from (seed, index) in the worker, so only numbers travel.
 */
import { Worker } from 'node:worker_threads';
import type { CaseResult } from './check';
import type { FuzzCase } from './cases';
import type { Target } from './minimize';

export interface WorkerRequest {
  seed: string;
  index: number;
  /** Shrink the case while it keeps failing this way, instead of checking it once. */
  minimize?: Target;
  /** Where a drill's run stops (check.ts, CheckOptions). */
  maxTicks?: number;
}

export interface WorkerReply {
  index: number;
  ms: number;
  result: CaseResult;
  minimized?: FuzzCase;
}

export type Outcome = { index: number; ms: number } & ({ hang: false; reply: WorkerReply } | { hang: true });

/** A worker that has loaded its modules and compiled the shipped scenarios (so that is not timed). */
async function startWorker(): Promise<Worker> {
  // Under tsx (npm run fuzz) the worker is TypeScript and needs tsx's loader in its own thread (as in
  // src/balance/runner.ts: Node 20 does not apply `--import tsx` to a worker's entry module).
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(typescript ? './worker.ts' : './worker.js', import.meta.url);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  const worker = typescript ? new Worker(bootstrap, { eval: true }) : new Worker(url);
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.removeAllListeners('error');
  return worker;
}

/** Runs every request on `workers` threads, each within `budgetMs`; calls `onDone` as each one finishes. */
export async function runPool(
  requests: readonly WorkerRequest[],
  options: { workers: number; budgetMs: number; onDone: (o: Outcome) => void },
): Promise<void> {
  const queue = [...requests];
  const lane = async (): Promise<void> => {
    let worker = await startWorker();
    try {
      for (let req = queue.shift(); req; req = queue.shift()) {
        const t0 = performance.now();
        const current = worker;
        const reply = await new Promise<WorkerReply | 'hang'>((resolve) => {
          const timer = setTimeout(() => resolve('hang'), options.budgetMs);
          current.once('message', (m: WorkerReply) => {
            clearTimeout(timer);
            resolve(m);
          });
          // A worker that dies (out of memory, a crash outside the checks) fails its case, not the run.
          current.once('error', (e) => {
            clearTimeout(timer);
            resolve({
              index: req.index,
              ms: performance.now() - t0,
              result: {
                findings: [{ kind: 'exception', where: 'worker', message: String(e).slice(0, 300) }],
                determinismChecks: 0,
                restoreChecks: 0,
              },
            });
          });
          current.postMessage(req);
        });
        current.removeAllListeners('message');
        current.removeAllListeners('error');
        if (reply === 'hang' || reply.result.findings.some((f) => f.where === 'worker')) {
          await current.terminate();
          worker = await startWorker();
        }
        if (reply === 'hang') options.onDone({ index: req.index, ms: performance.now() - t0, hang: true });
        else options.onDone({ index: req.index, ms: reply.ms, hang: false, reply });
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.workers) }, lane));
}
