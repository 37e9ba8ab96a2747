/** The engine's public surface: everything the store, the CLI and the tests use. */
export * from './types';
export { BUILTIN_MITIGATIONS, VECTOR_COST } from './catalogue';
export { createSim, initialState, restore, snapshot, type Sim } from './sim';
export { apply } from './commands';
export { step } from './step';
export { advance, applyDue, run, type RunOptions } from './replay';
export { canonicalJson, firstDifference, hashState, hashText, type StateDifference } from './hash';
export { keyframeRps } from './attack';
export { effectiveCapacity } from './traffic';
export { scoreBreakdown, type ScoreBreakdown, type ScoreComponent } from './scoring';
export { BUILTIN_CHANNELS, DEFAULT_STAKEHOLDERS } from './channels';
export { meanBelief, silenceTicks, incidentOngoing } from './rumours';
export { meanReach, segmentReach, statementCost } from './statements';
export { PEOPLE_PERIOD } from './workarounds';
export { HEALTHY_AT, DEGRADED_AT } from './status';
