/**
 * A fuzz worker thread: rebuilds each case from (seed, index), checks it, and posts the result back with the
 * time it took. Asked to minimize a case, it shrinks it and posts the smallest case that still fails the same way.
 */
import { parentPort } from 'node:worker_threads';
import { loadBases, makeCase } from './cases';
import { checkCase, Env } from './check';
import { minimize } from './minimize';
import type { WorkerReply, WorkerRequest } from './pool';

const env = new Env(loadBases());
for (const b of env.bases) env.scenario(b.name);
parentPort!.postMessage('ready');

parentPort!.on('message', (req: WorkerRequest) => {
  const c = makeCase(req.seed, req.index, env.bases);
  const t0 = performance.now();
  let reply: WorkerReply;
  try {
    if (req.minimize) {
      const small = minimize(c, env, req.minimize);
      reply = { index: req.index, ms: performance.now() - t0, result: small.result, minimized: small.case };
    } else
      reply = {
        index: req.index,
        ms: performance.now() - t0,
        result: checkCase(c, env, { maxTicks: req.maxTicks }),
      };
    reply.ms = performance.now() - t0;
  } catch (e) {
    // A throw from the harness itself (or an engine call it did not guard) is still a finding, not a crash.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    reply = {
      index: req.index,
      ms: performance.now() - t0,
      result: {
        findings: [{ kind: 'exception', where: 'harness', message: message.slice(0, 300) }],
        determinismChecks: 0,
        restoreChecks: 0,
      },
    };
  }
  parentPort!.postMessage(reply);
});
