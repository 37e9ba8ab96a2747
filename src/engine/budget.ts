/**
 * The budget is a limit, not a target. Running costs (hourly mitigations, paid workarounds) are charged every
 * second; when the next second's costs would overdraw what is left, every standing order and workaround that
 * costs money by the hour is stopped, the feed says so, and the budget stays at zero. Orders that cost nothing
 * (a free post, a rate limit, a restart) still go through; paid ones are refused with the amount left.
 *
 * Before this, running costs went on below zero (panic spent KES 18.3 m of 12 m) and then even a free post was
 * refused with "the budget left is KES −544,306".
 */
import { postFeed } from './injects';
import { pushLog } from './log';
import type { Sim } from './sim';
import { endMitigation } from './timeline';
import { workaroundCostPerTick } from './workarounds';

export function chargeRunningCosts(sim: Sim): void {
  const { state, rt } = sim;
  const cost = rt.costPerTick + workaroundCostPerTick(sim);
  if (cost <= 0) return;
  if (cost > state.budgetKES) stopPaidOrders(sim);
  const charged = Math.min(cost, Math.max(0, state.budgetKES));
  state.budgetKES -= charged;
  state.metrics.budgetSpentKES += charged;
}

function stopPaidOrders(sim: Sim): void {
  const { scenario, state } = sim;
  const stopped: string[] = [];
  for (let i = state.mitigations.length - 1; i >= 0; i--) {
    const def = scenario.mitigations[state.mitigations[i]!.mitigation]!;
    if (def.costPerHourKES <= 0) continue;
    stopped.push(def.name);
    endMitigation(sim, i, 'lifted');
  }
  scenario.people.workarounds.forEach((def, w) => {
    const ws = state.people.workarounds[w]!;
    if (!ws.enabled || def.costPerHourKES <= 0) return;
    ws.enabled = false;
    stopped.push(def.name);
  });
  if (stopped.length === 0) return;
  const list = stopped.join(', ');
  pushLog(state, 'note', `budget spent: stopped ${list}`, -1);
  postFeed(
    sim,
    'ops',
    'Finance',
    `The incident budget is spent. Stopped what costs money by the hour: ${list}.`,
    'the next hour of running costs would have overdrawn the budget',
  );
}
