/**
 * One simulated second. Systems run in a fixed order, over services in a fixed (array) order, so the same
 * state always leads to the same next state.
 */
import { computeAttack } from './attack';
import { addComplaints, computeDemand } from './demand';
import { updateCustomers } from './customers';
import { updateMetrics } from './metrics';
import { scoreTotal } from './scoring';
import { recomputeModifiers } from './modifiers';
import { redrawNoise } from './noise';
import { pushLog } from './log';
import type { Sim } from './sim';
import { classifyServices, updateLifecycle } from './status';
import { advanceMitigations } from './timeline';
import { computeTraffic } from './traffic';
import { runInjects } from './injects';
import { updatePeople } from './people';
import { recomputeNeedFactors } from './rumours';
import { updateFaults } from './variation';

export function step(sim: Sim): void {
  const { state } = sim;
  if (state.ended) return;
  advanceMitigations(sim);
  runInjects(sim);
  if (state.ended) {
    // An inject ended the drill during this tick: the tick is consumed (so a replay to the final tick
    // reproduces it), but no system runs after the ending. The final score is taken now, as the debrief shows it.
    state.tick++;
    if (!sim.rt.isBaseline) state.metrics.score = scoreTotal(sim, true);
    return;
  }
  if (sim.rt.dirty) recomputeModifiers(sim);
  if (sim.rt.peopleDirty) recomputeNeedFactors(sim);
  if (state.tick % 60 === 0) redrawNoise(sim);
  updateFaults(sim);
  updateLifecycle(sim);
  computeDemand(sim);
  addComplaints(sim);
  computeAttack(sim);
  computeTraffic(sim);
  classifyServices(sim);
  updateCustomers(sim);
  updatePeople(sim);
  updateMetrics(sim);
  state.tick++;
  if (state.tick >= sim.scenario.durationTicks) {
    state.ended = true;
    state.outcome = { outcome: 'timeout', text: 'The drill ran its full length.' };
    pushLog(state, 'note', 'The drill has reached its end', -1);
  }
}
