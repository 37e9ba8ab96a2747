/**
 * The story the default scenario exists to tell, as assertions that survive retuning better than the golden
 * transcript: the flood takes the portal down first; the operator's shared edge saturates later; then the
 * apps, transfers, tokens and tickets that cross the edge degrade — and the engine's blame chain (cause
 * 'upstream' → causeService → …) leads from each of them back to the edge.
 */
import { beforeAll, describe, it, expect } from 'vitest';
import { run, type SimState } from '../../src/engine';
import { nairobi, serviceIndex } from './fixtures';

/** Follows 'upstream' causes to the service where the trouble starts. */
function rootCause(state: SimState, s: number): number {
  for (let hops = 0; hops < state.services.length; hops++) {
    const st = state.services[s]!;
    if (st.cause !== 'upstream' || st.causeService < 0) return s;
    s = st.causeService;
  }
  return s;
}

describe('the July flood cascade (default scenario, seed 1, no commands)', () => {
  const scenario = nairobi();
  const ids = ['gov-portal', 'evisa', 'operator-edge', 'wallet-app', 'bank-wallet', 'power-tokens', 'rail'];
  const firstBad = new Map<string, { tick: number; root: string }>();
  beforeAll(() => {
    run(scenario, 1, [], {
      onTick: (sim) => {
        for (const id of ids) {
          const s = serviceIndex(scenario, id);
          if (firstBad.has(id) || sim.state.services[s]!.status === 'healthy') continue;
          firstBad.set(id, { tick: sim.state.tick, root: scenario.services[rootCause(sim.state, s)]!.id });
        }
      },
    });
  });
  const at = (id: string) => firstBad.get(id);

  it('the portal fails first, on its own load, and takes the e-visa service with it', () => {
    expect(at('gov-portal')).toMatchObject({ root: 'gov-portal' });
    for (const id of ids.slice(1)) expect(at(id)!.tick, id).toBeGreaterThanOrEqual(at('gov-portal')!.tick);
    expect(at('evisa')).toMatchObject({ root: 'gov-portal' });
  });

  it('the shared edge saturates well after the portal, and only after the flood has grown', () => {
    expect(at('operator-edge')).toMatchObject({ root: 'operator-edge' });
    expect(at('operator-edge')!.tick).toBeGreaterThan(at('gov-portal')!.tick + 30 * 60);
  });

  it.each(['wallet-app', 'bank-wallet', 'power-tokens', 'rail'])(
    '%s degrades once the edge saturates, blamed on the edge',
    (id) => {
      expect(at(id), `${id} never degraded`).toBeDefined();
      expect(at(id)!.tick).toBeGreaterThanOrEqual(at('operator-edge')!.tick);
      expect(at(id)!.root).toBe('operator-edge');
    },
  );
});
