/**
 * A balance worker thread: compiles the scenario once, then plays the (policy, seed) jobs it is sent and posts
 * back each result (without the command log: the main thread replays the few it reports as surprises).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { compile } from '../scenario';
import { play } from './play';
import { policyByName } from './policySet';

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
const scenario = compile(readFileSync(file, 'utf8'), file).scenario;
if (!scenario) throw new Error(`${file} does not compile`);

parentPort!.on('message', (jobs: Job[]) => {
  const results: JobResult[] = jobs.map((job) => {
    const policy = policyByName(scenario, job.policy);
    if (!policy) throw new Error(`unknown policy ${job.policy}`);
    const r = play(scenario, job.seed, policy);
    return { ...job, total: r.total, components: r.components, rejected: r.rejected, commands: r.log.length };
  });
  parentPort!.postMessage(results);
});
