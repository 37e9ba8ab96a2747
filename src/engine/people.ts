/** The people side, run every PEOPLE_PERIOD ticks in a fixed order. */
import { generateFeed } from './feedgen';
import { recomputeNeedFactors, updateRumours } from './rumours';
import type { Sim } from './sim';
import { deliverStatements } from './statements';
import { updateTrust } from './trust';
import { PEOPLE_PERIOD, updateWorkarounds } from './workarounds';

export function updatePeople(sim: Sim): void {
  deliverStatements(sim);
  if (sim.state.tick % PEOPLE_PERIOD === 0) {
    updateTrust(sim);
    updateRumours(sim);
    updateWorkarounds(sim);
    recomputeNeedFactors(sim);
  }
  generateFeed(sim);
}
