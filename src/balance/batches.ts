/**
 * How the balance runner splits its jobs into messages for the worker threads: whole seeds per message, so
 * every policy on a seed runs in the same worker and the seed's unattended run (engine/baseline.ts, as long as
 * a play) is computed once, not once per worker that happens to get one of its jobs.
 */
import type { Job } from './worker';

/** Jobs grouped by seed (seeds in order of first appearance), about `target` jobs per batch, at least one seed. */
export function batchesBySeed(jobs: readonly Job[], target: number): Job[][] {
  const bySeed = new Map<string, Job[]>();
  for (const job of jobs) {
    const list = bySeed.get(job.seed);
    if (list) list.push(job);
    else bySeed.set(job.seed, [job]);
  }
  const batches: Job[][] = [];
  let batch: Job[] = [];
  for (const seedJobs of bySeed.values()) {
    if (batch.length > 0 && batch.length + seedJobs.length > target) {
      batches.push(batch);
      batch = [];
    }
    batch.push(...seedJobs);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
