/**
 * A balance worker thread: compiles the scenario once, then plays the (policy, seed) jobs it is sent and posts
 * back each result (without the command log: the main thread replays the few it reports as surprises). A
 * do-nothing job is scored on the seed's unattended run instead of a run of its own (./unattended.ts).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../engine';
import { compile } from '../scenario';
import { play } from './play';
import { policyByName } from './policySet';
import { DO_NOTHING, doNothingIsUnattended, doNothingPlay } from './unattended';

export interface Job {
  policy: string;
  seed: string;
}

export interface JobResult extends Job {
  total: number;
  components: Record<string, number>;
  rejected: number;
  commands: number;
}

const { file } = workerData as { file: string };
const compiled = compile(readFileSync(file, 'utf8'), file).scenario;
if (!compiled) throw new Error(`${file} does not compile`);
const scenario: Scenario = compiled;

const shareUnattended = doNothingIsUnattended(scenario);

function runJob(job: Job): JobResult {
  const policy = policyByName(scenario, job.policy);
  if (!policy) throw new Error(`unknown policy ${job.policy}`);
  const r =
    job.policy === DO_NOTHING && shareUnattended
      ? doNothingPlay(scenario, job.seed)
      : play(scenario, job.seed, policy);
  return { ...job, total: r.total, components: r.components, rejected: r.rejected, commands: r.log.length };
}

parentPort!.on('message', (jobs: Job[]) => {
  // Do-nothing jobs first: their unattended run is also the baseline the other policies on the seed need.
  const order = jobs.map((_, i) => i);
  if (shareUnattended)
    order.sort(
      (a, b) => Number(jobs[b]!.policy === DO_NOTHING) - Number(jobs[a]!.policy === DO_NOTHING) || a - b,
    );
  const results: JobResult[] = new Array<JobResult>(jobs.length);
  for (const i of order) results[i] = runJob(jobs[i]!);
  parentPort!.postMessage(results);
});
