/**
 * One balance run: a policy plays a scenario from a seed to the end, exactly as a trainee would — it looks at
 * the screen once a simulated minute and gives orders — and every command it gives is logged with its tick, so
 * the run replays with `npm run sim -- FILE --seed S --commands log.json`.
 */
import {
  apply,
  createSim,
  hashText,
  scoreBreakdown,
  step,
  type LoggedCommand,
  type Scenario,
} from '../engine';
import { newMemory, type Policy } from './policies';
import { playerView } from './view';

export interface PlayResult {
  total: number;
  components: Record<string, number>;
  log: LoggedCommand[];
  /** Commands the engine refused (a policy that keeps asking for the impossible is itself a finding). */
  rejected: number;
}

/**
 * How often a policy looks at the screen: once a simulated minute in a long drill, every 10 s in a short one
 * (a trainee playing a ten-minute tutorial at 1× reacts within seconds, not minutes).
 */
export function decisionPeriod(durationTicks: number): number {
  return Math.max(10, Math.min(60, Math.round(durationTicks / 240)));
}

export function play(scenario: Scenario, seed: string, policy: Policy): PlayResult {
  const sim = createSim(scenario, seed);
  const memory = newMemory(Number.parseInt(hashText(`policy:${seed}`).slice(0, 8), 16));
  const log: LoggedCommand[] = [];
  let rejected = 0;
  const period = decisionPeriod(scenario.durationTicks);
  while (!sim.state.ended) {
    if (sim.state.tick % period === 0) {
      for (const cmd of policy(playerView(sim), memory, sim)) {
        // Every command is logged, refused ones too: the replay must see exactly what the engine saw.
        log.push({ tick: sim.state.tick, cmd });
        if (!apply(sim, cmd).ok) rejected++;
      }
    }
    step(sim);
  }
  const breakdown = scoreBreakdown(sim);
  const components: Record<string, number> = {};
  for (const c of breakdown.components) components[c.id] = c.value;
  return { total: breakdown.total, components, log, rejected };
}
