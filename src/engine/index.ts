/** The engine's public surface: everything the store, the CLI and the tests use. */
export * from './types';
export { BUILTIN_MITIGATIONS, VECTOR_COST } from './catalogue';
export { elapsedClock } from './clock';
export {
  DEFAULT_LANGUAGES,
  languageIds,
  languageName,
  scenarioLanguages,
  type LanguageDef,
} from './languages';
export { localText } from './localText';
export { DEFAULT_CURRENCY, currencyOf, withCurrency } from './money';
export { createSim, initialState, restore, snapshot, type Sim } from './sim';
export { apply } from './commands';
export { MAX_BLOCKS, parseCommand, type ParsedCommand } from './parseCommand';
export { step } from './step';
export { advance, applyDue, run, type RunOptions } from './replay';
export { LOG_LIMIT } from './log';
export { FEED_LIMIT } from './injects';
export { canonicalJson, firstDifference, hashState, hashText, type StateDifference } from './hash';
export { attackRpsAt, keyframeRps } from './attack';
export { effectiveCapacity } from './traffic';
export {
  LABELS as SCORE_LABELS,
  claimDiscount,
  scoreBreakdown,
  scoreParts,
  scoreWhyInEnglish,
  type ScoreBreakdown,
  type ScoreComponent,
  type ScoreParts,
  type ScoreWhy,
} from './scoring';
export type { Harm } from './harm';
export { BUILTIN_CHANNELS, DEFAULT_STAKEHOLDERS } from './channels';
export {
  GOODWILL_COST_KES,
  incidentOngoing,
  meanBelief,
  meanReach,
  segmentReach,
  silenceTicks,
  statementCost,
} from './queries';
export { criticalAvailabilityNow, criticalAvailabilityToDate } from './availability';
export type { DeepReadonly } from './readonly';
export { PEOPLE_PERIOD, workaroundApplies } from './workarounds';
export { HEALTHY_AT, DEGRADED_AT } from './status';
export { ROOM_SPEEDS } from './facilitatorTypes';
export {
  ASK_TIMEOUT_TICKS,
  editedText,
  MAX_ANNOTATIONS,
  MAX_ANSWERS,
  MAX_FACILITATOR_TEXT,
  MAX_FROM,
} from './facilitator';
