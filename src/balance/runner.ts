/**
 * Runs many (policy, seed) plays on every core: one worker thread per core, jobs sent in small batches so the
 * progress callback moves smoothly and a slow policy does not leave a core idle. A batch holds whole seeds
 * (./batches.ts), so one worker computes each seed's unattended baseline (engine/baseline.ts) once for all the
 * policies on it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { batchesBySeed } from './batches';
import type { Job, JobResult } from './worker';

const BATCH = 8;

export async function runJobs(
  file: string,
  jobs: readonly Job[],
  options: { workers?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<JobResult[]> {
  const queue = batchesBySeed(jobs, BATCH);
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), queue.length));
  const results: JobResult[] = [];
  // Under tsx (npm run balance) the worker is TypeScript and needs tsx's loader in its own thread too.
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(typescript ? './worker.ts' : './worker.js', import.meta.url);
  // Node 20 does not apply `--import tsx` to a worker's entry module, so a TypeScript worker is started from a
  // tiny bootstrap that registers tsx's loader first.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  await Promise.all(
    Array.from({ length: count }, async () => {
      const worker = typescript
        ? new Worker(bootstrap, { eval: true, workerData: { file } })
        : new Worker(url, { workerData: { file } });
      try {
        for (let batch = queue.shift(); batch; batch = queue.shift()) {
          const done = await new Promise<JobResult[]>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(batch);
          });
          worker.removeAllListeners('error');
          results.push(...done);
          options.onProgress?.(results.length, jobs.length);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}
