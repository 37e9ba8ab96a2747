/**
 * The engine's data model.
 *
 * Two kinds of data live here:
 * - `Scenario`: the compiled, frozen description of a drill (produced by src/scenario/compile from YAML).
 *   Every reference is resolved to an array index, so the tick loop never looks anything up by string.
 * - `SimState`: everything that changes during a run. Plain JSON (numbers, strings, booleans, arrays,
 *   plain objects), including the RNG state, so a snapshot can be saved, hashed, replayed and diffed.
 *
 * The engine mutates a SimState in place (allocation in the tick loop is the main cost), and hands out
 * copies (`snapshot`) to whoever needs a stable view.
 */
import type { FacilitatorCommand, FacilitatorRejectionCode, FacilitatorState } from './facilitatorTypes';
export type * from './facilitatorTypes';

/** One simulated second. */
export const TICK_SECONDS = 1;

export type ServiceKind =
  | 'portal'
  | 'mobile-money-core'
  | 'app-gateway'
  | 'ussd-gateway'
  | 'bank-core'
  | 'bank-app'
  | 'bank-wallet-link'
  | 'token-vending'
  | 'rail-ticketing'
  | 'atm-network'
  | 'edge'
  | 'network'
  | 'call-centre'
  | 'payment-gateway'
  | 'merchant-payments'
  | 'savings-loans'
  | 'visa'
  | 'counter';

export const SERVICE_KINDS: readonly ServiceKind[] = [
  'portal',
  'mobile-money-core',
  'app-gateway',
  'ussd-gateway',
  'bank-core',
  'bank-app',
  'bank-wallet-link',
  'token-vending',
  'rail-ticketing',
  'atm-network',
  'edge',
  'network',
  'call-centre',
  'payment-gateway',
  'merchant-payments',
  'savings-loans',
  'visa',
  'counter',
];

export type ServiceStatus = 'healthy' | 'degraded' | 'down' | 'recovering';
export const SERVICE_STATUSES: readonly ServiceStatus[] = ['healthy', 'degraded', 'down', 'recovering'];

export type AttackVector = 'layer7' | 'volumetric' | 'cache-bypass' | 'slow-requests';
export const ATTACK_VECTORS: readonly AttackVector[] = [
  'layer7',
  'volumetric',
  'cache-bypass',
  'slow-requests',
];

export interface ServiceDef {
  id: string;
  name: string;
  kind: ServiceKind;
  /** The name of the scenario's own kind ("Pharmacy") when it declared one; `kind` is then the built-in kind it is like. */
  kindName?: string;
  /** Requests per second the service can serve when healthy. */
  capacity: number;
  baseLatencyMs: number;
  /** Requests waiting longer than this fail (time-out); also bounds the queue. */
  timeoutMs: number;
  /** Automatic restart after a crash, in ticks. */
  restartTicks: number;
  /** After (re)start, capacity ramps linearly from 10 % to 100 % over this many ticks. */
  warmupTicks: number;
  /** Sustained utilisation above this crashes the service (Infinity: never crashes, only sheds). */
  crashUtilisation: number;
  /** Ticks the utilisation must stay above `crashUtilisation` before the crash. */
  crashAfterTicks: number;
  /** Client-side automatic retries: the share of failed requests a client re-sends the next second. */
  clientRetry: number;
  /** Counts in "critical services" availability (scoring, summaries). */
  critical: boolean;
  /** Can the commander shed it (circuit breaker) without breaking the rules of the scenario? */
  sheddable: boolean;
  /** Has a standby site to fail over to. */
  hasBackup: boolean;
  x: number;
  y: number;
  description: string;
  /** The map's district for it, when the author named one (a map concern: the engine never reads it). */
  district?: string;
}

export interface DependencyDef {
  /** Index of the dependant service. */
  from: number;
  /** Index of the service it depends on. */
  to: number;
  hard: boolean;
  /** How strongly `to`'s health limits `from`: availability factor = 1 - weight × (1 - availability(to)). */
  weight: number;
  /** Share of `from`'s admitted legitimate requests that also call `to`. */
  share: number;
  /** Share of `from`'s attack requests that also reach `to`. */
  attackShare: number;
  /**
   * Infrastructure (network, edge) carries every request that arrives at `from`'s door — before `from`'s own
   * filters, whether or not `from` is up — unless `from` is taken off the network (shed, maintenance).
   * Application dependencies only see what `from` admitted and served.
   */
  carriesArrivals: boolean;
}

export interface NeedDef {
  service: number;
  /** Transactions per customer per hour at the demand curve's peak (curve value 1). */
  perHour: number;
  /** KES per transaction. */
  valueKES: number;
}

export interface SegmentDef {
  id: string;
  name: string;
  /** Customers. */
  size: number;
  /** Trust at the start, 0–100. */
  trust: number;
  /** Share of the segment each channel reaches (index = channel index), before language. */
  reach: number[];
  /** Share of the segment that understands each language (index = the scenario's language index, languages.ts). */
  languages: number[];
  /** Share of stranded customers who call the call centre per hour. */
  callsPerHour: number;
  needs: NeedDef[];
  /** Mean seconds a stranded customer keeps trying before giving up. */
  patienceTicks: number;
  /** Mean seconds between a stranded customer's manual retries. */
  retryEveryTicks: number;
  /** Share of this segment's customers connecting from each region (index = region index). */
  regionShare: number[];
  /** Share of the customers who give up that move to a competitor for the rest of the drill. */
  churnShare: number;
}

export interface AttackKeyframe {
  tick: number;
  rps: number;
}

export interface AttackDef {
  id: string;
  vector: AttackVector;
  target: number;
  /** Piecewise-linear intensity over time; before the first and after the last keyframe the rps is 0. */
  keyframes: AttackKeyframe[];
  /** Share of the attack's requests from each region (index = region index). */
  regionShare: number[];
  /** Random variation of the intensity, redrawn every simulated minute (0.1 = ±10 %). */
  jitter: number;
  /** Waits for an inject's `start`; its keyframes then count from that moment. */
  startsOff: boolean;
}

export type MitigationKind =
  | 'rate-limit'
  | 'waf-rule'
  | 'geo-block'
  | 'scrubbing'
  | 'add-capacity'
  | 'failover'
  | 'shed'
  | 'isolate'
  | 'maintenance'
  | 'restart'
  | 'call-provider';

export const MITIGATION_KINDS: readonly MitigationKind[] = [
  'rate-limit',
  'waf-rule',
  'geo-block',
  'scrubbing',
  'add-capacity',
  'failover',
  'shed',
  'isolate',
  'maintenance',
  'restart',
  'call-provider',
];

/** A mitigation the commander may use: a catalogue entry, possibly tuned by the scenario. */
export interface MitigationDef {
  id: string;
  kind: MitigationKind;
  name: string;
  /** What it does and what it costs, in words shown before the commander commits. */
  description: string;
  sideEffect: string;
  delayTicks: number;
  /** 0 = until lifted. */
  durationTicks: number;
  costKES: number;
  costPerHourKES: number;
  /** Kind-specific numbers (see catalogue.ts for each kind's meaning). */
  params: Record<string, number>;
  /** Service kinds it may target; empty = any. */
  targetKinds: ServiceKind[];
  /** True for mitigations that end by themselves once applied (restart) rather than staying active. */
  instant: boolean;
}

/** The ids of the default languages (a scenario's own are in `Scenario.languages`; see languages.ts). */
export const LANGUAGES: readonly string[] = ['en', 'sw'];
/** A language id: one of the scenario's languages (default en, sw). */
export type Language = string;

export interface StakeholderDef {
  id: string;
  name: string;
  kind: 'public' | 'media' | 'regulator' | 'partner' | 'other';
  trust: number;
}

/** A way to speak to people: how far it reaches, how much it is believed, what it costs, who it addresses. */
export interface ChannelDef {
  id: string;
  name: string;
  /** Default reach per segment when the segment does not say (0–1). */
  reach: number;
  credibility: number;
  /** Ticks before the message has reached people. */
  delayTicks: number;
  costKES: number;
  /** Stakeholder kinds the channel speaks to directly (others hear it second-hand, at half effect). */
  addresses: StakeholderDef['kind'][];
}

export type Cause = 'glitch' | 'cyber-attack' | 'investigating' | 'maintenance';
export const CAUSES: readonly Cause[] = ['glitch', 'cyber-attack', 'investigating', 'maintenance'];
export type Evidence = 'none' | 'law' | 'independent';

export interface RumourDef {
  id: string;
  text: string;
  /** Born on its own from outage × silence × grievance (otherwise only from an inject). */
  auto: boolean;
  /** Minimum silence before it can be born on its own. */
  silenceTicks: number;
  /** Contacts per minute that pass it on at full belief. */
  spread: number;
  /** Share of belief that fades per minute on its own. */
  decay: number;
  isTrue: boolean;
  /** Demand multiplier at full belief, per service (boycott < 1 < panic). */
  hits: { service: number; factor: number }[];
  /** Trust points lost per minute at full belief. */
  trustHit: number;
}

export interface WorkaroundDef {
  id: string;
  name: string;
  description: string;
  from: number;
  to: number;
  /** Segment indices it applies to (all segments using `from` when empty). */
  segments: number[];
  maxShare: number;
  rampTicks: number;
  costKES: number;
  costPerHourKES: number;
  /** Channel used when announced from the workarounds panel. */
  channel: number;
}

export interface PeopleDef {
  stakeholders: StakeholderDef[];
  channels: ChannelDef[];
  rumours: RumourDef[];
  workarounds: WorkaroundDef[];
  /** The truth that may come out later: statements that contradict it cost trust then. */
  truth: {
    cause: Cause;
    dataSafe: boolean;
    revealTick: number;
    /** The scenario's headline when the truth comes out ('' for none). */
    revealText: string;
    /** How a "data is safe" claim is quoted when it is judged. */
    dataClaim: string;
  };
  silenceGraceTicks: number;
  /** Service that takes complaints (-1: none). */
  callCentre: number;
  templates: { angry: string[]; worried: string[]; calm: string[] };
}

export interface ScenarioMeta {
  title: string;
  summary: string;
  objectives: string[];
  audience: string;
  difficulty: 'intro' | 'intermediate' | 'advanced';
  author: string;
  inspiredBy: { note: string; source: string }[];
}

/** How the scenario writes money (see money.ts). */
export interface Currency {
  /** ISO 4217 code, e.g. "KES", "USD". */
  code: string;
  /** What is written next to an amount, e.g. "KES", "$", "€", "kr" (default: the code). */
  symbol: string;
  /** The symbol follows the amount ("120 kr") instead of leading it ("$120"). */
  after: boolean;
}

export interface Scenario {
  format: 1;
  id: string;
  meta: ScenarioMeta;
  /** Wall-clock label of tick 0, e.g. "2023-07-27T08:00" (display only; the engine never reads a clock). */
  startLabel: string;
  durationTicks: number;
  budgetKES: number;
  regions: string[];
  services: ServiceDef[];
  dependencies: DependencyDef[];
  segments: SegmentDef[];
  attacks: AttackDef[];
  mitigations: MitigationDef[];
  /** Demand multiplier per simulated hour of the day, 24 values, peak 1. */
  demandCurve: number[];
  /** Hour of the day at tick 0 (from startLabel). */
  startHour: number;
  injects: InjectDef[];
  people: PeopleDef;
  scoring: ScoringWeights;
  variation: VariationDef;
  balance: BalanceDef;
  debriefQuestions: string[];
  /** Absent when the scenario names none (KES): shipped scenarios compile, and hash, as before. */
  currency?: Currency;
  /** The scenario's own languages; absent for the default, English and Kiswahili (languages.ts). */
  languages?: { id: string; name: string }[];
  /**
   * Texts the author wrote in several languages, keyed by the version the engine uses (the first language's):
   * each maps language id → text. Only the interface reads it, at display (localText.ts). Absent when none.
   */
  texts?: Record<string, Record<string, string>>;
  /** Derived: service indices with dependencies before dependants (health flows this way). */
  order: number[];
  /** Derived: for each service, indices into `dependencies` of the edges where it is the dependant. */
  depsOf: number[][];
}

export type FeedChannel = 'headline' | 'social' | 'stakeholder' | 'official' | 'ops';

export interface PromptOption {
  id: string;
  label: string;
  isDefault: boolean;
  effects: Effect[];
}

/** What an inject does. References are resolved to indices. */
export type Effect =
  | { type: 'feed'; channel: FeedChannel; from: string; text: string }
  | {
      type: 'attack';
      attack: number;
      action: 'start' | 'stop' | 'escalate' | 'shift';
      factor: number;
      target: number;
    }
  | { type: 'capacity'; service: number; factor: number }
  /**
   * A scripted failure. `endedBy`: the mitigations (indices) that end it early; null means the default, any
   * restart or failover (the standby site is not broken). An empty list: nothing ends it before `forTicks`.
   */
  | {
      type: 'fail';
      service: number;
      forTicks: number;
      endedBy: number[] | null;
      /** Seeded chance that the failure also hits the standby site, so no failover can end it. */
      standbyHit: number;
    }
  | { type: 'restore'; service: number }
  | { type: 'budget'; amount: number }
  | { type: 'end'; outcome: 'success' | 'partial' | 'failure'; text: string }
  | { type: 'fire'; inject: number }
  | { type: 'rumour'; rumour: number; belief: number }
  | { type: 'trust'; stakeholder: number; delta: number }
  | { type: 'reveal' }
  /** Data is taken (exfiltration): from now on a "data is safe" claim is false, whatever `truth.dataSafe` says. */
  | { type: 'data-taken' }
  | { type: 'statement'; channel: number; languages: Language[]; blocks: StatementBlock[] }
  | {
      type: 'prompt';
      from: string;
      text: string;
      pause: boolean;
      timeoutTicks: number;
      options: PromptOption[];
    };

export interface InjectDef {
  id: string;
  /** Fire at this tick (-1: not time-triggered). */
  atTick: number;
  /** Fire when this becomes true (evaluated at the start of each tick on the state the last tick left). */
  condition: ((sim: import('./sim').Sim) => boolean) | null;
  conditionSource: string;
  /** Fire on the tick the player orders this mitigation (index), on this target (-1: any). */
  afterMitigation: number;
  afterTarget: number;
  /** Seeded probability checked every `everyTicks` (-1: not a chance trigger). */
  chance: number;
  everyTicks: number;
  notBeforeTick: number;
  times: number;
  cooldownTicks: number;
  followUpOnly: boolean;
  effects: Effect[];
  /** A tutorial step (absent on ordinary injects): see TutorialStep. */
  step?: TutorialStep;
}

/** The controls a tutorial step can point at (the UI highlights them; src/ui/tutorialCoach.ts). */
export const STEP_POINTS = [
  'map',
  'service-list',
  'mitigations',
  'order-button',
  'messages',
  'send-button',
  'workarounds',
  'pause',
  'speed',
  'feed',
] as const;
export type StepPoint = (typeof STEP_POINTS)[number];

/** What the trainee must do to finish a step (indices resolved like the rest of the scenario). */
export type StepUntil =
  | { kind: 'select'; service: number }
  | { kind: 'order'; mitigation: number; target: number }
  | { kind: 'statement'; channel: number }
  | { kind: 'announce'; workaround: number }
  | { kind: 'when'; condition: (sim: import('./sim').Sim) => boolean; source: string };

/**
 * A tutorial step: once its inject has fired, the drill's clock holds until the trainee has done what it asks
 * (`until`). The hold is the live store's (src/store/tutorialSteps.ts), like a pause: the engine never reads
 * this, so a replay of the command log reaches the same state whether or not anyone waited.
 */
export interface TutorialStep {
  /** What to do, in words: the text of the inject's first `feed` effect. */
  text: string;
  point: StepPoint | null;
  until: StepUntil;
}

/** How much the seed varies the incident (./variation.ts). */
export interface VariationDef {
  /** Attacks start up to startTicks/3 earlier or startTicks later. */
  startTicks: number;
  /** Strength × (1 ± intensity); each keyframe × (1 ± intensity/2). */
  intensity: number;
  /** Up to this many background faults. */
  faults: number;
  /** Probability that an attack comes with another vector than the authored one. */
  vectorChange: number;
}

/** A rule of a scenario's own scripted play (src/balance/policies.ts). */
export interface PlayRule {
  when: (sim: import('./sim').Sim) => boolean;
  whenSource: string;
  command: Command;
  /** Again every this many ticks while it holds (0: once). */
  everyTicks: number;
}

/** What balancing must show (src/balance/checks.ts), and the scenario's own additions to the expert and panic plays. */
export interface BalanceDef {
  expert: PlayRule[];
  panic: PlayRule[];
  passMark: number;
  /** [low, high] for the expert play's median total. */
  expertBand: [number, number];
}

export interface ScoringWeights {
  availability: number;
  valueMoved: number;
  customers: number;
  budget: number;
  trust: number;
  rumours: number;
  honesty: number;
}

/** A seedrandom "alea" generator state: small, plain, restorable. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** The machine-readable reason a service is in its state; the UI turns it into words. */
export type CauseCode =
  | 'ok'
  | 'overloaded'
  | 'attack'
  | 'retry-storm'
  | 'upstream'
  | 'crashed'
  | 'maintenance'
  | 'shed'
  | 'warming-up'
  | 'filtered';

export interface ServiceState {
  status: ServiceStatus;
  /** Fraction of requests arriving at this service that succeed end to end, 0..1. */
  availability: number;
  /** Offered load this tick, requests/s, by origin. */
  legitRps: number;
  attackRps: number;
  retryRps: number;
  /** Effective capacity this tick (after warm-up, added capacity, failover). */
  capacityRps: number;
  /** Offered ÷ capacity. */
  utilisation: number;
  servedRps: number;
  /** Requests waiting. */
  queue: number;
  latencyMs: number;
  /** Share of requests failing this tick, 0..1. */
  errorRate: number;
  /** Ticks spent above the crash threshold in a row. */
  overloadTicks: number;
  /** Tick at which a crashed/offline service restarts automatically (-1: none scheduled). */
  restartAtTick: number;
  /**
   * While a scripted failure that only some mitigations can end is on: those mitigations (indices). Absent
   * otherwise (also absent for the default scripted failure, which any restart or failover ends).
   */
  faultEndedBy?: number[];
  /** Tick at which warm-up ends (-1: not warming up). */
  warmupUntilTick: number;
  /** Failed legitimate requests last tick (drives client retries). */
  failedLastTick: number;
  cause: CauseCode;
  /** Index of the service that caused it (for 'upstream'), else -1. */
  causeService: number;
  /** A number that qualifies the cause (utilisation, retry multiplier, ...). */
  causeValue: number;
}

export interface SegmentState {
  /** Customers not currently stranded and not churned. */
  active: number;
  /** Customers with a transaction they could not complete, still trying. Per need. */
  stranded: number[];
  /** Customers who gave up and moved to a competitor. */
  churned: number;
  /** Customers who gave up on a transaction but stayed. */
  gaveUp: number;
  /** Per need: this minute's noise multiplier on demand. */
  noise: number[];
  /** 0–100. */
  trust: number;
  /** Stranded customers who later got through. */
  recovered: number;
}

export type StatementBlock =
  | { kind: 'acknowledge' }
  | { kind: 'apologise' }
  | { kind: 'cause'; cause: Cause }
  | { kind: 'data-safe' }
  | { kind: 'eta'; minutes: number }
  | { kind: 'workaround'; workaround: string }
  | { kind: 'rebuttal'; rumour: string; evidence: Evidence }
  | { kind: 'goodwill' }
  | { kind: 'blame'; partner: string };

export const BLOCK_KINDS = [
  'acknowledge',
  'apologise',
  'cause',
  'data-safe',
  'eta',
  'workaround',
  'rebuttal',
  'goodwill',
  'blame',
] as const;

export interface Claim {
  tick: number;
  kind: 'cause' | 'data-safe' | 'eta' | 'denial';
  /** cause: the cause claimed; eta: minutes promised; denial: the rumour's id; data-safe: ''. */
  value: string;
  deadlineTick: number;
  channel: number;
  reach: number;
  /** 'open' until checked: 'kept' or 'broken'. */
  status: 'open' | 'kept' | 'broken';
  /**
   * Said before anything on screen could support it (an assurance about data before the investigation
   * reported, a cause with no evidence for it, a denial without evidence): a gamble, whatever the truth.
   */
  gamble?: boolean;
  /** ETA only: the services it is a promise about (those not healthy when it was given). */
  services?: number[];
}

export interface StatementRecord {
  tick: number;
  channel: number;
  languages: Language[];
  blocks: StatementBlock[];
  /** When it reaches people (tick + the channel's delay). */
  landsTick: number;
  landed: boolean;
}

export interface TrustEvent {
  tick: number;
  /** Stakeholder index, or -1 - segment index for a segment. */
  who: number;
  delta: number;
  why: string;
}

export interface RumourState {
  born: boolean;
  bornTick: number;
  /** Per segment, 0–1. */
  belief: number[];
  peak: number;
}

export interface WorkaroundState {
  enabled: boolean;
  announcedTick: number;
  /** Per segment, 0–1: share who have heard of it. */
  awareness: number[];
  /** Per segment, 0–1: share of the segment's demand on `from` that now goes to `to`. */
  uptake: number[];
}

export interface PeopleState {
  trust: number[];
  trustLow: number[];
  media: number;
  lastStatementTick: number;
  /** First tick a critical service was not healthy (-1: no incident yet). */
  incidentTick: number;
  revealed: boolean;
  /** Set (true) once a `data-taken` effect fired: a "data is safe" claim is then false. Absent before. */
  dataTaken?: boolean;
  statements: StatementRecord[];
  claims: Claim[];
  rumours: RumourState[];
  workarounds: WorkaroundState[];
  trustEvents: TrustEvent[];
  /** Where the public's trust went, by driver (sums of points): the debrief's explanation. */
  drivers: Record<TrustDriver, number>;
  /** Goodwill gestures (free transfers) in force until this tick. */
  goodwillUntilTick: number;
  /** Consequences that arrive later (a blamed partner's rebuttal). */
  scheduled: { tick: number; kind: 'partner-rebuttal'; ref: number }[];
}

export const TRUST_DRIVERS = [
  'statements',
  'blame',
  'claims',
  'silence',
  'pain',
  'rumours',
  'recovery',
  'injects',
] as const;
export type TrustDriver = (typeof TRUST_DRIVERS)[number];

export interface ActiveMitigation {
  uid: number;
  mitigation: number;
  /** Target service index (for isolate: the dependency index). */
  target: number;
  /** Region index for geo-block, else -1. */
  region: number;
  issuedTick: number;
  effectiveTick: number;
  /** -1: until lifted. */
  endTick: number;
  /** Effect has started. */
  effective: boolean;
  /** Failover only: the backup site's data turned out to be stale (drawn when it takes effect). */
  stale: boolean;
}

export interface Metrics {
  /** Completed legitimate transactions, cumulative. */
  succeeded: number;
  /** Failed legitimate attempts (first tries and retries), cumulative. */
  failed: number;
  valueMovedKES: number;
  /** Value of transactions customers gave up on. */
  valueLostKES: number;
  /** Value of transactions currently stuck with stranded customers. */
  valuePendingKES: number;
  /** Customers currently stranded (all segments). */
  stranded: number;
  strandedPeak: number;
  churned: number;
  budgetSpentKES: number;
  /** Sum over ticks of the mean availability of critical services (÷ ticks = time-weighted availability). */
  criticalAvailabilitySum: number;
  /** Σ over ticks of the customers stranded (customer-seconds spent stuck). */
  strandedSeconds: number;
  /** Ticks during which the incident was visible (a critical service not healthy). */
  incidentTicks: number;
  /** Of those, ticks in which the public had heard from the commander in the last 30 minutes. */
  informedTicks: number;
  ticks: number;
  /** The running score, 0–100 (./scoring.ts), updated once a simulated minute. */
  score: number;
}

export interface LogEntry {
  tick: number;
  kind: 'command' | 'rejected' | 'status' | 'mitigation' | 'attack' | 'inject' | 'people' | 'note';
  text: string;
  service: number;
}

/**
 * What a bounded list of the state (the log, the feed) let go of to stay within its limit: how many items, how
 * many of each kind (log) or channel (feed), and the ticks of the oldest and newest of them. Absent until the
 * first item is dropped, so the state of a drill that never reaches the limit is what it always was.
 */
export interface DroppedSummary<K extends string> {
  count: number;
  firstTick: number;
  lastTick: number;
  byKind: Partial<Record<K, number>>;
}

export interface FeedItem {
  tick: number;
  channel: FeedChannel;
  from: string;
  text: string;
  /** Why it appeared: the inject that posted it (id), or the engine rule. */
  why: string;
}

export interface InjectState {
  fired: number;
  lastTick: number;
  /** An `after` trigger matched a command this tick. */
  armed: boolean;
}

export interface PendingPrompt {
  inject: number;
  /** Index of the prompt among the inject's effects. */
  effect: number;
  issuedTick: number;
  deadlineTick: number;
  pause: boolean;
}

export interface AttackState {
  on: boolean;
  /** Keyframes are read at (tick - offset). */
  offsetTicks: number;
  factor: number;
  target: number;
  /** This seed's multiplier for each keyframe (./variation.ts); absent: all 1. */
  curve?: number[];
  /** This seed's vector when it differs from the scenario's (./variation.ts). */
  vector?: AttackVector;
}

/** A background fault drawn by the seed (./variation.ts): a service at reduced capacity for a while. */
export interface FaultState {
  service: number;
  startTick: number;
  endTick: number;
  factor: number;
  active: boolean;
}

export interface SimState {
  /** Bumped when the state layout changes (saves migrate across it). */
  version: 1;
  scenarioId: string;
  seed: string;
  tick: number;
  ended: boolean;
  rng: { demand: RngState; attack: RngState; ops: RngState; people: RngState };
  services: ServiceState[];
  segments: SegmentState[];
  /** Per attack: this minute's jitter multiplier. */
  attackJitter: number[];
  attacks: AttackState[];
  /** Background faults this seed drew (absent in saves from before they existed). */
  faults?: FaultState[];
  /** Per service: capacity multiplier set by the scenario's injects. */
  capacityFactor: number[];
  injects: InjectState[];
  prompts: PendingPrompt[];
  feed: FeedItem[];
  /** The feed items dropped to keep `feed` within its limit, by channel (absent until one is). */
  feedDropped?: DroppedSummary<FeedChannel>;
  outcome: { outcome: 'success' | 'partial' | 'failure' | 'timeout'; text: string } | null;
  people: PeopleState;
  mitigations: ActiveMitigation[];
  nextUid: number;
  budgetKES: number;
  metrics: Metrics;
  /** Recent notable events, newest last (bounded). */
  log: LogEntry[];
  /** The log entries dropped to keep `log` within its limit, by kind (absent until one is). */
  logDropped?: DroppedSummary<LogEntry['kind']>;
  /** What the facilitator held, skipped, reworded and noted (absent until they do something). */
  facilitator?: FacilitatorState;
}

/** Everything a player or facilitator can do, as data. */
export type Command =
  | { type: 'mitigate'; mitigation: string; target: string; region?: string; dependsOn?: string }
  | { type: 'lift'; uid: number }
  | { type: 'answer'; inject: string; option: string }
  | { type: 'statement'; channel: string; languages: Language[]; blocks: StatementBlock[] }
  | { type: 'workaround'; workaround: string; action: 'announce' | 'withdraw'; channel?: string }
  | { type: 'noop' }
  | FacilitatorCommand;

export type RejectionCode =
  | FacilitatorRejectionCode
  | 'cmd/unknown-type'
  | 'cmd/unknown-mitigation'
  | 'cmd/unknown-service'
  | 'cmd/unknown-dependency'
  | 'cmd/unknown-region'
  | 'cmd/missing-region'
  | 'cmd/wrong-target-kind'
  | 'cmd/insufficient-budget'
  | 'cmd/already-active'
  | 'cmd/not-active'
  | 'cmd/not-down'
  | 'cmd/no-backup'
  | 'cmd/not-sheddable'
  | 'cmd/scenario-ended'
  | 'cmd/no-such-prompt'
  | 'cmd/unknown-channel'
  | 'cmd/unknown-workaround'
  | 'cmd/unknown-rumour'
  | 'cmd/unknown-partner'
  | 'cmd/empty-statement'
  | 'cmd/not-enabled'
  | 'cmd/unknown-option'
  | 'cmd/malformed';

/**
 * The values a refusal's English `message` carries (service or mitigation name, amounts with their currency,
 * minutes), so a page in another language can word the code with them (src/ui/rejectionText.ts). Given with the
 * result only: never stored in the state, never hashed. Absent where a code has no values or the message is
 * only in English (the page then says the code's general sentence).
 */
export type RejectionParams = Readonly<Record<string, string | number>>;

export type ApplyResult =
  { ok: true; uid?: number } | { ok: false; code: RejectionCode; message: string; params?: RejectionParams };

/** A command stamped with the tick at whose start it is applied. The log of these + scenario + seed = a replay. */
export interface LoggedCommand {
  tick: number;
  cmd: Command;
}
