/**
 * Tutorial steps (an inject with `step:`): once the inject has fired, the live drill's clock holds until the
 * trainee has done what the step asks — selected the portal, ordered a WAF rule on it, posted a statement.
 *
 * WHY IN THE STORE, NOT THE ENGINE. Holding is like pausing: no tick is stepped, and every command issued
 * meanwhile is stamped with the tick it meets. The engine's state never depends on whether anyone waited, so
 * scenario + seed + command log replays to the same hash (test/store/tutorial-steps.test.ts), and headless
 * runs, balance plays and replays simply never hold.
 *
 * A step is DONE from the first moment its condition holds (it is then latched: lifting the order later does
 * not hold the clock again), or when the facilitator skips it. A condition already true when the step fires
 * (the trainee was ahead of the script) never holds at all.
 */
import type { DeepReadonly, Scenario, Sim, SimState, StepPoint, TutorialStep } from '../engine';

/** What the UI shows about the step the clock is holding for. */
export interface StepView {
  /** The inject's index and id. */
  inject: number;
  injectId: string;
  text: string;
  point: StepPoint | null;
  /** 1-based, among the scenario's steps, and how many there are: "Step 2 of 5". */
  number: number;
  of: number;
}

/** Has the trainee done what the step asks, in this state, with this service selected? */
export function stepSatisfied(
  sim: Sim,
  step: TutorialStep,
  selected: string | null,
  state: DeepReadonly<SimState> = sim.state,
): boolean {
  const u = step.until;
  switch (u.kind) {
    case 'select':
      return selected !== null && sim.scenario.services[u.service]?.id === selected;
    case 'order':
      return state.mitigations.some(
        (m) => m.mitigation === u.mitigation && (u.target < 0 || m.target === u.target),
      );
    case 'statement':
      return state.people.statements.some((s) => s.channel === u.channel);
    case 'announce':
      return state.people.workarounds[u.workaround]?.enabled ?? false;
    case 'when':
      return u.condition(sim);
  }
}

/** The steps of a live drill: which are done, and which one (if any) the clock holds for. */
export class StepTracker {
  private readonly done = new Set<number>();
  private readonly steps: number[];

  constructor(private readonly scenario: Scenario) {
    this.steps = scenario.injects.flatMap((def, i) => (def.step ? [i] : []));
  }

  /**
   * A drill resumed from a history (a save, a take-over): the steps that fired before its last tick were got past
   * already (done or skipped: the clock could not have moved on otherwise), even if the selection that ended one
   * is gone. One that fired in the last tick may still be waiting, and is judged as usual.
   */
  resumeAt(state: DeepReadonly<SimState>): void {
    for (const i of this.steps) {
      const st = state.injects[i];
      if (st && st.fired > 0 && st.lastTick < state.tick - 1) this.done.add(i);
    }
  }

  get hasSteps(): boolean {
    return this.steps.length > 0;
  }

  /**
   * The first step that has fired and is not done, after latching every fired step whose condition holds now;
   * null when the clock may run.
   */
  pending(sim: Sim, selected: string | null): StepView | null {
    for (let n = 0; n < this.steps.length; n++) {
      const i = this.steps[n]!;
      if (this.done.has(i) || (sim.state.injects[i]?.fired ?? 0) === 0) continue;
      const def = this.scenario.injects[i]!;
      if (stepSatisfied(sim, def.step!, selected)) {
        this.done.add(i);
        continue;
      }
      return {
        inject: i,
        injectId: def.id,
        text: def.step!.text,
        point: def.step!.point,
        number: n + 1,
        of: this.steps.length,
      };
    }
    return null;
  }

  /** The facilitator moves on without the step being done. */
  skip(inject: number): void {
    this.done.add(inject);
  }
}
