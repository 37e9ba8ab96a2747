/**
 * A running simulation: the frozen scenario, the JSON state, and the runtime (derived modifiers and scratch
 * arrays that are rebuilt from the state, never saved).
 */
import { newRngState } from './rng';
import { drawIncident } from './variation';
import { createRuntime, type Runtime } from './runtime';
import type { Scenario, SegmentState, ServiceState, SimState } from './types';

export interface Sim {
  readonly scenario: Scenario;
  state: SimState;
  readonly rt: Runtime;
}

function initialService(): ServiceState {
  return {
    status: 'healthy',
    availability: 1,
    legitRps: 0,
    attackRps: 0,
    retryRps: 0,
    capacityRps: 0,
    utilisation: 0,
    servedRps: 0,
    queue: 0,
    latencyMs: 0,
    errorRate: 0,
    overloadTicks: 0,
    restartAtTick: -1,
    warmupUntilTick: -1,
    failedLastTick: 0,
    cause: 'ok',
    causeService: -1,
    causeValue: 0,
  };
}

/** The state at tick 0. The seed is required: there is no "random" default, so every run can be repeated. */
export function initialState(scenario: Scenario, seed: string): SimState {
  const segments: SegmentState[] = scenario.segments.map((g) => ({
    active: g.size,
    stranded: g.needs.map(() => 0),
    churned: 0,
    gaveUp: 0,
    noise: g.needs.map(() => 1),
    trust: g.trust,
    recovered: 0,
  }));
  const people = scenario.people;
  const perSegment = (): number[] => scenario.segments.map(() => 0);
  const attacks = scenario.attacks.map((a) => ({
    on: !a.startsOff,
    offsetTicks: 0,
    factor: 1,
    target: a.target,
  }));
  const faults = drawIncident(scenario, String(seed), attacks);
  return {
    version: 1,
    scenarioId: scenario.id,
    seed,
    tick: 0,
    ended: false,
    rng: {
      demand: newRngState(seed, 'demand'),
      attack: newRngState(seed, 'attack'),
      ops: newRngState(seed, 'ops'),
      people: newRngState(seed, 'people'),
    },
    services: scenario.services.map(initialService),
    segments,
    attackJitter: scenario.attacks.map(() => 1),
    attacks,
    faults,
    capacityFactor: scenario.services.map(() => 1),
    injects: scenario.injects.map(() => ({ fired: 0, lastTick: -1, armed: false })),
    prompts: [],
    feed: [],
    outcome: null,
    people: {
      trust: people.stakeholders.map((k) => k.trust),
      trustLow: people.stakeholders.map((k) => k.trust),
      media: 20,
      lastStatementTick: -1,
      incidentTick: -1,
      revealed: false,
      statements: [],
      claims: [],
      rumours: people.rumours.map(() => ({ born: false, bornTick: -1, belief: perSegment(), peak: 0 })),
      workarounds: people.workarounds.map(() => ({
        enabled: false,
        announcedTick: -1,
        awareness: perSegment(),
        uptake: perSegment(),
      })),
      trustEvents: [],
      drivers: {
        statements: 0,
        blame: 0,
        claims: 0,
        silence: 0,
        pain: 0,
        rumours: 0,
        recovery: 0,
        injects: 0,
      },
      goodwillUntilTick: -1,
      scheduled: [],
    },
    mitigations: [],
    nextUid: 1,
    budgetKES: scenario.budgetKES,
    metrics: {
      succeeded: 0,
      failed: 0,
      valueMovedKES: 0,
      valueLostKES: 0,
      valuePendingKES: 0,
      stranded: 0,
      strandedPeak: 0,
      churned: 0,
      budgetSpentKES: 0,
      criticalAvailabilitySum: 0,
      strandedSeconds: 0,
      incidentTicks: 0,
      informedTicks: 0,
      ticks: 0,
      score: 100,
    },
    log: [],
  };
}

export function createSim(
  scenario: Scenario,
  seed: string | number,
  options: { baseline?: boolean } = {},
): Sim {
  return {
    scenario,
    state: initialState(scenario, String(seed)),
    rt: createRuntime(scenario, options.baseline ?? false),
  };
}

/** A deep copy of the state: what the store, saves and tests hold on to while the engine moves on. */
export function snapshot(sim: Sim): SimState {
  return structuredClone(sim.state);
}

/** Continues a run from a saved state (the runtime is derived again from it). */
export function restore(scenario: Scenario, state: SimState): Sim {
  return { scenario, state: structuredClone(state), rt: createRuntime(scenario) };
}
