/**
 * The scenario's own names for everything a report mentions. The engine logs with ids ("inject
 * 'portal-downtime' (trigger)", "attack 'flood': start") because its log is for the engine and its tests; the
 * debrief, the printed report and the exports are for people, so every id is turned into the name the
 * scenario gives it (a service's name, a mitigation's display label, a rumour's words, who speaks in an inject)
 * before it is shown. Pure: the same words on screen, on paper and in the Markdown and JSON exports.
 */
import type { ApplyResult, Command, LoggedCommand, Scenario } from '../engine';
import { ENGLISH_DROPPED_WORDS, type DroppedWords } from './dropped';
import type { EngineFeed } from './feedFacts';
import { facilitatorAction, facilitatorInEnglish, type FacilitatorAction } from './facilitatorWords';

/**
 * The words of the run's own sentences (decisions, claims, the debrief's facts and "what moved it" lines),
 * given their facts: names from the scenario (as authored), clocks ("T+01:05"), numbers and shares (0–1). English
 * by default (ENGLISH_RUN_WORDS: the JSON export, the CLI and every older test read it); the page passes them in
 * the interface language (src/ui/report/runWords.ts), so src/run stays free of the i18n instance.
 */
export interface RunWords {
  // A statement's blocks.
  eta(minutes: number): string;
  cause(cause: string): string;
  dataSafe(): string;
  workaround(name: string): string;
  rebut(rumour: string, evidence: string): string;
  blame(partner: string): string;
  otherBlock(kind: string): string;
  // The player's commands.
  order(v: { mitigation: string; service: string; region?: string; cutFrom?: string }): string;
  ordered(order: string): string;
  lifted(order: string): string;
  liftedUnknown(uid: number): string;
  answeredFacilitator(option: string): string;
  answered(from: string, option: string): string;
  statement(channel: string, languages: string, blocks: readonly string[]): string;
  announced(workaround: string): string;
  withdrew(workaround: string): string;
  noAction(): string;
  otherCommand(type: string): string;
  // A public claim ("that data was safe").
  claim(kind: 'data-safe' | 'eta' | 'cause' | 'denial' | 'other', value: string): string;
  // The debrief's facts.
  attackAimed(v: { vectors: readonly string[]; target: string; trouble?: string }): string;
  vector(vector: string): string;
  cascade(v: { service: string; at: string; followers: readonly { name: string; at: string }[] }): string;
  overCapacity(v: { service: string; at: string; peak: number; peakAt: string }): string;
  mostlyDown(v: { service: string; minutes: number; from: string }): string;
  /** A failure the script or chance caused; `text` is the engine's English line with the scenario's names. */
  failure(v: { at: string; service: string; kind: 'script' | 'fault' | 'repaired'; text: string }): string;
  decisionFact(v: {
    at: string;
    words: string;
    by?: string;
    load?: { before: number; after: number };
  }): string;
  promptFact(v: { at: string; from: string; question: string; answer: string; how: string }): string;
  defaultTaken(how: string): string;
  noIncident(): string;
  incidentSpoken(began: string, first: string): string;
  incidentSilent(began: string): string;
  claimFact(v: { claim: string; at: string; broken: boolean }): string;
  trustFact(v: { from: number; to: number; lowest: number; at: string }): string;
  rumourFact(v: { rumour: string; from: string; peak: number; rebuttals: string }): string;
  rebuttal(v: { at: string; before?: number; after?: number }): string;
  rumourNever(rumour: string): string;
  workaroundFact(v: { workaround: string; at: string; to: string; peak: number }): string;
  strandedPeak(customers: number): string;
  // What moved each score component.
  driver(driver: string, points: number): string;
  rumourBegan(at: string, rumour: string): string;
  claimMover(at: string, claim: string, status: string): string;
  /** A line of the engine's log about a service or an order, from its facts (./words.ts `engineLine`). */
  engineLine(line: EngineLine): string;
  /** Why public trust moved (a trust event the engine recorded), from its facts (./words.ts `trustWhyOf`). */
  trustWhy(why: TrustWhy): string;
  /** A scripted event by what it does (when nobody speaks in it); names are undefined when the scenario has none. */
  injectEffect(e: InjectEffect): string;
  /** A decision taken by the script or on time-out: who asked, the answer, how (the engine's words, or ''). */
  decisionLine(from: string | undefined, answer: string, how: string): string;
  /** The script's own statement on a channel, and who it is from (or ''). */
  scriptedStatement(channel: string, from: string): string;
  rumourSpreading(rumour: string): string;
  /** The attack on `target` (a service's name) starts, stops, escalates or shifts. */
  attack(target: string | undefined, action: string): string;
  /** A line of the engine's log that names a scripted event (./words.ts `scriptLine`), its names already worded. */
  scriptLine(line: ScriptLine): string;
  /**
   * A feed item the engine writes itself (./feedFacts.ts `engineFeedOf`): who it is from and what it says.
   * English has none: the engine's own words are English.
   */
  engineFeed?(item: EngineFeed): { from: string; text: string };
  /**
   * A text the scenario's author wrote (a feed item, a decision and its answers, the end), in the reader's
   * language where the author gave one (src/engine/localText.ts); English: the engine's text, as it is.
   */
  scene(scenario: Pick<Scenario, 'texts'>, text: string): string;
  /** The facilitator's command (./facilitatorWords.ts `facilitatorAction`). */
  facilitator(action: FacilitatorAction): string;
  /** What the state's bounded lists let go of (./dropped.ts). */
  dropped: DroppedWords;
  // Timeline lines the report adds.
  statementLanded(channel: string, blocks: readonly string[]): string;
  facilitatorNote(text: string): string;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The engine's log lines about services and orders that the report words again, as their facts. */
export type EngineLine =
  | { kind: 'status'; service: string; from: string; to: string }
  | { kind: 'restarting'; service: string }
  | { kind: 'crashed'; service: string; percent: number }
  | { kind: 'inEffect'; mitigation: string; service: string }
  | { kind: 'ended'; mitigation: string; service: string; why: 'lifted' | 'expired' }
  | { kind: 'failed' | 'fault' | 'repaired'; service: string }
  /** A mitigation the author named as the cure ended a scripted failure. */
  | { kind: 'cured'; mitigation: string; service: string }
  | { kind: 'restartNoHelp' | 'manualRestart' | 'restartNotNeeded'; service: string }
  /**
   * A failover: `followed` the failure followed the service to the standby; `standbyUp` the standby is up while the
   * primary stays down; `stale` its data is stale.
   */
  | { kind: 'failover'; service: string; followed: boolean; standbyUp: boolean; stale: boolean }
  /** The budget ran out: what costs money by the hour was stopped (names as the engine joined them). */
  | { kind: 'budgetStop'; stopped: string }
  | { kind: 'drillEnd' }
  | { kind: 'drillEnded'; outcome: string }
  /** The team's answer to the facilitator's question; `how` is 'answered' or the engine's words for a default. */
  | { kind: 'teamAnswer'; question: string; answer: string; how: string };

/**
 * A line of the engine's log that names a scripted event (an inject), with the event already in words (`by`:
 * undefined when it was not an inject, e.g. the investigation's report).
 */
export type ScriptLine =
  | { kind: 'dataTaken'; by: string }
  | { kind: 'truthOut'; by?: string }
  | { kind: 'scriptWorkaround'; workaround: string; by: string }
  | { kind: 'cameDueHeld'; inject: string }
  /** Why an inject fired, when the facilitator made it. */
  | { kind: 'firedByFacilitator' | 'releasedByFacilitator' };

const STATUS = '(healthy|degraded|down|recovering)';

/** What a scripted event does, when nobody speaks in it (./words.ts `injectInWords`). */
export type InjectEffect =
  | { kind: 'fails' | 'restored'; service?: string }
  | { kind: 'capacity'; service?: string; percent: number }
  | { kind: 'planted'; rumour?: string }
  | { kind: 'statement'; channel?: string }
  | { kind: 'end'; outcome: string }
  | { kind: 'budget'; amount: number }
  | { kind: 'trust'; stakeholder?: string }
  | { kind: 'reveal' | 'scripted' };

/**
 * Why trust moved, as facts (the engine's trust events, src/engine/statements.ts and trust.ts): a statement's
 * block (`channel`, `said`: its channel and clock), a claim checked against the truth, a partner's reply.
 */
export type TrustWhy =
  | {
      kind: 'acknowledged' | 'apologised' | 'dataSafe' | 'workaround' | 'goodwill' | 'wasBlamed';
      channel: string;
      said: string;
    }
  | { kind: 'cause'; cause: string; channel: string; said: string }
  | { kind: 'eta'; minutes: number; channel: string; said: string }
  | { kind: 'blamed'; partner: string; channel: string; said: string }
  | { kind: 'etaKept'; said: string }
  | { kind: 'etaMissed'; minutes: number; said: string }
  | { kind: 'claimHeld'; said: string }
  | { kind: 'claimFalse'; what: string; said: string }
  | { kind: 'rebuttedBlame'; partner: string };

const SIMPLE_WHYS: [
  RegExp,
  'acknowledged' | 'apologised' | 'dataSafe' | 'workaround' | 'goodwill' | 'wasBlamed',
][] = [
  [/^acknowledged the problem \((.+) at (T\+\d\d:\d\d)\)$/, 'acknowledged'],
  [/^apologised \((.+) at (T\+\d\d:\d\d)\)$/, 'apologised'],
  [/^said customer data is safe \((.+) at (T\+\d\d:\d\d)\)$/, 'dataSafe'],
  [/^told people about a workaround \((.+) at (T\+\d\d:\d\d)\)$/, 'workaround'],
  [/^goodwill gesture: free transfers for a day \((.+) at (T\+\d\d:\d\d)\)$/, 'goodwill'],
  [/^was blamed publicly \((.+) at (T\+\d\d:\d\d)\)$/, 'wasBlamed'],
];

/** The facts of a trust event's reason, or undefined for a reason the report words as a log line. */
export function trustWhyOf(why: string): TrustWhy | undefined {
  for (const [re, kind] of SIMPLE_WHYS) {
    const m = re.exec(why);
    if (m) return { kind, channel: m[1]!, said: m[2]! };
  }
  let m = /^explained the cause as "(.*)" \((.+) at (T\+\d\d:\d\d)\)$/.exec(why);
  if (m) return { kind: 'cause', cause: m[1]!, channel: m[2]!, said: m[3]! };
  m = /^gave an ETA of (\d+) min \((.+) at (T\+\d\d:\d\d)\)$/.exec(why);
  if (m) return { kind: 'eta', minutes: Number(m[1]), channel: m[2]!, said: m[3]! };
  m = /^blamed (.+) \((.+) at (T\+\d\d:\d\d)\)$/.exec(why);
  if (m) return { kind: 'blamed', partner: m[1]!, channel: m[2]!, said: m[3]! };
  m = /^kept the ETA given at (T\+\d\d:\d\d)$/.exec(why);
  if (m) return { kind: 'etaKept', said: m[1]! };
  m = /^missed the ETA of (\d+) min given at (T\+\d\d:\d\d)$/.exec(why);
  if (m) return { kind: 'etaMissed', minutes: Number(m[1]), said: m[2]! };
  m = /^claim held up \(said at (T\+\d\d:\d\d)\)$/.exec(why);
  if (m) return { kind: 'claimHeld', said: m[1]! };
  m = /^claim proved false: (.+) \(said at (T\+\d\d:\d\d)\)$/.exec(why);
  if (m) return { kind: 'claimFalse', what: m[1]!, said: m[2]! };
  m = /^(.+) rebutted the blame$/.exec(why);
  if (m) return { kind: 'rebuttedBlame', partner: m[1]! };
  return undefined;
}

/** The facts of an engine log line (src/engine/status.ts, timeline.ts), or undefined for any other line. */
export function engineLine(scenario: Scenario, text: string): EngineLine | undefined {
  let m = new RegExp(`^(.+): ${STATUS} → ${STATUS}$`).exec(text);
  if (m) return { kind: 'status', service: m[1]!, from: m[2]!, to: m[3]! };
  m = /^(.+) failed \(scenario\)$/.exec(text);
  if (m) return { kind: 'failed', service: m[1]! };
  m = /^(.+) lost half its capacity \(an unrelated fault: a failed disk, a bad deployment\)$/.exec(text);
  if (m) return { kind: 'fault', service: m[1]! };
  m = /^(.+)'s unrelated fault was repaired$/.exec(text);
  if (m) return { kind: 'repaired', service: m[1]! };
  m = /^(.+) is restarting \(warming up\)$/.exec(text);
  if (m) return { kind: 'restarting', service: m[1]! };
  m = /^(.+) crashed under (\d+) % load$/.exec(text);
  if (m) return { kind: 'crashed', service: m[1]!, percent: Number(m[2]) };
  m = /^(.+): the restart did not help: this failure is not a crash, and a restart cannot end it$/.exec(text);
  if (m) return { kind: 'restartNoHelp', service: m[1]! };
  m = /^(.+): manual restart under way$/.exec(text);
  if (m) return { kind: 'manualRestart', service: m[1]! };
  m = /^(.+): restart not needed any more$/.exec(text);
  if (m) return { kind: 'restartNotNeeded', service: m[1]! };
  m =
    /^(.+) failed over to the backup site(, but the failure followed it there)?(: the standby is up while the primary stays down)?( — its data is stale: some transactions need reconciliation)?$/.exec(
      text,
    );
  if (m && scenario.services.some((x) => x.name === m![1]))
    return { kind: 'failover', service: m[1]!, followed: !!m[2], standbyUp: !!m[3], stale: !!m[4] };
  m = /^budget spent: stopped (.+)$/.exec(text);
  if (m) return { kind: 'budgetStop', stopped: m[1]! };
  if (text === 'The drill has reached its end') return { kind: 'drillEnd' };
  m = /^The drill ended: (\w+)$/.exec(text);
  if (m) return { kind: 'drillEnded', outcome: m[1]! };
  m = /^the team's answer to “(.*)”: (.*) \((answered|no answer in time: the last one)\)$/.exec(text);
  if (m) return { kind: 'teamAnswer', question: m[1]!, answer: m[2]!, how: m[3]! };
  m = /^(.+) ended the failure of (.+)$/.exec(text);
  if (
    m &&
    scenario.mitigations.some((d) => d.name === m![1]) &&
    scenario.services.some((x) => x.name === m![2])
  )
    return { kind: 'cured', mitigation: m[1]!, service: m[2]! };
  const order = (rest: string) => {
    for (const def of scenario.mitigations)
      for (const service of scenario.services)
        if (rest === `${def.name} on ${service.name}`) return { mitigation: def.name, service: service.name };
    return undefined;
  };
  m = /^(.+) now in effect on (.+)$/.exec(text);
  if (
    m &&
    scenario.mitigations.some((d) => d.name === m![1]) &&
    scenario.services.some((x) => x.name === m![2])
  )
    return { kind: 'inEffect', mitigation: m[1]!, service: m[2]! };
  m = /^(.+) (lifted|expired)$/.exec(text);
  const o = m ? order(m[1]!) : undefined;
  if (m && o) return { kind: 'ended', ...o, why: m[2] as 'lifted' | 'expired' };
  return undefined;
}

const ENGLISH_VECTORS: Record<string, string> = {
  layer7: 'a flood of odd queries',
  volumetric: 'a volumetric flood',
  'cache-bypass': 'queries that bypass the cache',
  'slow-requests': 'slow connections',
};

const ENGLISH_DRIVERS: Record<string, string> = {
  statements: 'what was said',
  blame: 'blaming partners',
  claims: 'claims checked against the truth',
  silence: 'silence',
  pain: "customers' pain",
  rumours: 'rumours believed',
  recovery: 'recovery',
  injects: 'scripted events',
};

export const ENGLISH_RUN_WORDS: RunWords = {
  eta: (minutes) => `ETA ${minutes} min`,
  cause: (cause) => `cause: ${cause}`,
  dataSafe: () => 'data is safe',
  workaround: (name) => `workaround “${name}”`,
  rebut: (rumour, evidence) => `rebut “${rumour}” (${evidence})`,
  blame: (partner) => `blame ${partner}`,
  otherBlock: (kind) => kind,
  order: ({ mitigation, service, region, cutFrom }) =>
    `${mitigation} on ${service}${region ? ` (region: ${region})` : ''}${cutFrom ? ` (cut from ${cutFrom})` : ''}`,
  ordered: (order) => `Ordered ${order}`,
  lifted: (order) => `Lifted ${order}`,
  liftedUnknown: (uid) => `Lifted order #${uid}`,
  answeredFacilitator: (option) => `Answered the facilitator’s question: ${option}`,
  answered: (from, option) => `Answered ${from}: ${option}`,
  statement: (channel, languages, blocks) =>
    `Statement on ${channel} (${languages}): ${blocks.join(', ') || 'empty'}`,
  announced: (name) => `Announced the workaround “${name}”`,
  withdrew: (name) => `Withdrew the workaround “${name}”`,
  noAction: () => 'No action',
  otherCommand: (type) => `Command ${type}`,
  claim: (kind, value) => {
    switch (kind) {
      case 'data-safe':
        return 'that data was safe';
      case 'eta':
        return `an ETA of ${value} min`;
      case 'cause':
        return `that the cause was “${value}”`;
      case 'denial':
        return `a denial of the rumour “${value}”`;
      default:
        return `“${value}”`;
    }
  },
  attackAimed: ({ vectors, target, trouble }) =>
    `The attack (${vectors.join(', ')}) was aimed at ${target}${trouble === undefined ? ', which held' : `, first in trouble at ${trouble}`}.`,
  vector: (vector) => ENGLISH_VECTORS[vector]!,
  cascade: ({ service, at, followers }) =>
    `${service} went into trouble at ${at}; what depends on it followed: ${followers.map((f) => `${f.name} (${f.at})`).join(', ')}.`,
  overCapacity: ({ service, at, peak, peakAt }) =>
    `${service} first ran over capacity at ${at} (peak ${pct(peak)} of capacity at ${peakAt}).`,
  mostlyDown: ({ service, minutes, from }) =>
    `${service} served fewer than half its requests for ${minutes} min in all (first at ${from}).`,
  failure: ({ at, text }) => `${at}: ${text}.`,
  decisionFact: ({ at, words, by, load }) =>
    `${at} ${words}${by ? ` (${by})` : ''}${load ? `; its load was ${pct(load.before)} of capacity then, ${pct(load.after)} 20 min later` : ''}.`,
  promptFact: ({ at, from, question, answer, how }) =>
    `${at} ${from} asked “${question}” The answer: “${answer}”${how ? ` (${how})` : ''}${/[.!?]$/.test(answer) ? '' : '.'}`,
  defaultTaken: (how) => how,
  noIncident: () => 'No critical service was hit.',
  incidentSpoken: (began, first) =>
    `The incident began at ${began}; the first statement was ordered at ${first}.`,
  incidentSilent: (began) => `The incident began at ${began} and nobody spoke publicly.`,
  claimFact: ({ claim, at, broken }) =>
    `The claim ${claim}, made at ${at}, ${broken ? 'proved false' : 'held'}.`,
  trustFact: ({ from, to, lowest, at }) =>
    `Public trust went from ${Math.round(from)} to ${Math.round(to)} / 100 (lowest ${Math.round(lowest)} at ${at}).`,
  rumourFact: ({ rumour, from, peak, rebuttals }) =>
    `The rumour “${rumour}” spread from ${from}; peak belief ${pct(peak)} in the worst segment.${rebuttals}`,
  rebuttal: ({ at, before, after }) =>
    before !== undefined && after !== undefined
      ? ` Rebutted at ${at}: belief ${pct(before)} then, ${pct(after)} 30 min later.`
      : ` Rebutted at ${at}.`,
  rumourNever: (rumour) => `The rumour “${rumour}” never took hold.`,
  workaroundFact: ({ workaround, at, to, peak }) =>
    `Workaround “${workaround}” announced at ${at}; after it, ${to} peaked at ${pct(peak)} of capacity${peak >= 1 ? ' (the queue moved there)' : ''}.`,
  strandedPeak: (customers) =>
    `Customers stranded at the worst moment: ${Math.round(customers).toLocaleString('en')}.`,
  driver: (driver, points) =>
    `${ENGLISH_DRIVERS[driver] ?? driver}: ${points > 0 ? '+' : ''}${points.toFixed(1)} points overall`,
  rumourBegan: (at, rumour) => `${at} the rumour “${rumour}” began to spread`,
  claimMover: (at, claim, status) => `${at} the claim ${claim}: ${status}`,
  engineLine: (line) => {
    switch (line.kind) {
      case 'status':
        return `${line.service}: ${line.from} → ${line.to}`;
      case 'restarting':
        return `${line.service} is restarting (warming up)`;
      case 'crashed':
        return `${line.service} crashed under ${line.percent} % load`;
      case 'inEffect':
        return `${line.mitigation} now in effect on ${line.service}`;
      case 'failed':
        return `${line.service} failed (scenario)`;
      case 'fault':
        return `${line.service} lost half its capacity (an unrelated fault: a failed disk, a bad deployment)`;
      case 'repaired':
        return `${line.service}'s unrelated fault was repaired`;
      case 'cured':
        return `${line.mitigation} ended the failure of ${line.service}`;
      case 'restartNoHelp':
        return `${line.service}: the restart did not help: this failure is not a crash, and a restart cannot end it`;
      case 'manualRestart':
        return `${line.service}: manual restart under way`;
      case 'restartNotNeeded':
        return `${line.service}: restart not needed any more`;
      case 'failover':
        return `${line.service} failed over to the backup site${line.followed ? ', but the failure followed it there' : ''}${line.standbyUp ? ': the standby is up while the primary stays down' : ''}${line.stale ? ' — its data is stale: some transactions need reconciliation' : ''}`;
      case 'budgetStop':
        return `budget spent: stopped ${line.stopped}`;
      case 'drillEnd':
        return 'The drill has reached its end';
      case 'drillEnded':
        return `The drill ended: ${line.outcome}`;
      case 'teamAnswer':
        return `the team's answer to “${line.question}”: ${line.answer} (${line.how})`;
      default:
        return `${line.mitigation} on ${line.service} ${line.why}`;
    }
  },
  trustWhy: (why) => {
    switch (why.kind) {
      case 'acknowledged':
        return `acknowledged the problem (${why.channel} at ${why.said})`;
      case 'apologised':
        return `apologised (${why.channel} at ${why.said})`;
      case 'dataSafe':
        return `said customer data is safe (${why.channel} at ${why.said})`;
      case 'workaround':
        return `told people about a workaround (${why.channel} at ${why.said})`;
      case 'goodwill':
        return `goodwill gesture: free transfers for a day (${why.channel} at ${why.said})`;
      case 'wasBlamed':
        return `was blamed publicly (${why.channel} at ${why.said})`;
      case 'cause':
        return `explained the cause as "${why.cause}" (${why.channel} at ${why.said})`;
      case 'eta':
        return `gave an ETA of ${why.minutes} min (${why.channel} at ${why.said})`;
      case 'blamed':
        return `blamed ${why.partner} (${why.channel} at ${why.said})`;
      case 'etaKept':
        return `kept the ETA given at ${why.said}`;
      case 'etaMissed':
        return `missed the ETA of ${why.minutes} min given at ${why.said}`;
      case 'claimHeld':
        return `claim held up (said at ${why.said})`;
      case 'claimFalse':
        return `claim proved false: ${why.what} (said at ${why.said})`;
      default:
        return `${why.partner} rebutted the blame`;
    }
  },
  injectEffect: (e) => {
    switch (e.kind) {
      case 'fails':
        return `${e.service ?? 'a service'} fails`;
      case 'restored':
        return `${e.service ?? 'a service'} is restored`;
      case 'capacity':
        return `${e.service ?? 'a service'} runs at ${e.percent} % capacity`;
      case 'planted':
        return `the rumour “${e.rumour ?? 'a rumour'}” is planted`;
      case 'statement':
        return `a statement on ${e.channel ?? 'a channel'}`;
      case 'end':
        return `the end of the drill (${e.outcome})`;
      case 'reveal':
        return 'the truth comes out';
      case 'budget':
        return `the budget changes by ${e.amount.toLocaleString('en')} KES`;
      case 'trust':
        return `${e.stakeholder ?? 'a stakeholder'}'s trust moves`;
      default:
        return 'a scripted event';
    }
  },
  decisionLine: (from, answer, how) => `${from ?? 'A decision'}: answer “${answer}”${how ? ` (${how})` : ''}`,
  scriptedStatement: (channel, from) => `Scripted statement on ${channel}${from ? ` (${from})` : ''}`,
  rumourSpreading: (rumour) => `The rumour “${rumour}” is spreading`,
  attack: (target, action) =>
    `the attack${target ? ` on ${target}` : ''} ${ATTACK_ACTIONS[action] ?? action}`,
  statementLanded: (channel, blocks) => `Statement reached people via ${channel}: ${blocks.join(', ')}`,
  facilitatorNote: (text) => `Facilitator’s note: ${text}`,
  scriptLine: (line) => {
    switch (line.kind) {
      case 'dataTaken':
        return `data was taken (“${line.by}”)`;
      case 'truthOut':
        return `the truth came out (${line.by === undefined ? 'the investigation reported' : `“${line.by}”`})`;
      case 'scriptWorkaround':
        return `workaround put in place by the script (“${line.by}”): ${line.workaround}`;
      case 'cameDueHeld':
        return `“${line.inject}” came due while held`;
      case 'firedByFacilitator':
        return 'fired by the facilitator';
      default:
        return 'released by the facilitator after it came due';
    }
  },
  scene: (_scenario, text) => text,
  facilitator: facilitatorInEnglish,
  dropped: ENGLISH_DROPPED_WORDS,
};

/** One block of a statement in words ("ETA 30 min", "rebut “Data leaked”"). */
export function blockInWords(
  scenario: Scenario,
  b: Extract<Command, { type: 'statement' }>['blocks'][number],
  w: RunWords = ENGLISH_RUN_WORDS,
): string {
  switch (b.kind) {
    case 'eta':
      return w.eta(b.minutes);
    case 'cause':
      return w.cause(b.cause);
    case 'data-safe':
      return w.dataSafe();
    case 'workaround':
      return w.workaround(
        scenario.people?.workarounds.find((x) => x.id === b.workaround)?.name ?? b.workaround,
      );
    case 'rebuttal':
      // The rumour's first words name it: a whole rumour in every line of the timeline is a paragraph.
      return w.rebut(
        shortText(scenario.people?.rumours.find((r) => r.id === b.rumour)?.text ?? b.rumour, 50),
        b.evidence,
      );
    case 'blame':
      return w.blame(b.partner);
    default:
      return w.otherBlock((b as { kind: string }).kind);
  }
}

/** An order ("WAF rule … on Operator internet edge (region: foreign)"), without its verb. */
function orderInWords(scenario: Scenario, cmd: Extract<Command, { type: 'mitigate' }>, w: RunWords): string {
  const def = scenario.mitigations.find((m) => m.id === cmd.mitigation);
  const service = scenario.services.find((x) => x.id === cmd.target);
  const to = cmd.dependsOn ? scenario.services.find((x) => x.id === cmd.dependsOn) : undefined;
  return w.order({
    mitigation: def?.name ?? cmd.mitigation,
    service: service?.name ?? cmd.target,
    ...(cmd.region ? { region: cmd.region } : {}),
    ...(cmd.dependsOn ? { cutFrom: to?.name ?? cmd.dependsOn } : {}),
  });
}

/** A player's command in words, with the scenario's names ("Ordered WAF rule … on Operator internet edge"). */
export function commandInWords(
  scenario: Scenario,
  cmd: Command,
  log: readonly LoggedCommand[] = [],
  results: readonly ApplyResult[] = [],
  w: RunWords = ENGLISH_RUN_WORDS,
): string {
  switch (cmd.type) {
    case 'mitigate':
      return w.ordered(orderInWords(scenario, cmd, w));
    case 'lift': {
      const ordered = log.findIndex(
        (e, i) => e.cmd.type === 'mitigate' && results[i]?.ok === true && results[i].uid === cmd.uid,
      );
      const order = ordered >= 0 ? log[ordered]!.cmd : undefined;
      return order?.type === 'mitigate'
        ? w.lifted(orderInWords(scenario, order, w))
        : w.liftedUnknown(cmd.uid);
    }
    case 'answer': {
      const inject = scenario.injects.find((i) => i.id === cmd.inject);
      const prompt = inject?.effects.find((e) => e.type === 'prompt');
      const option = prompt?.type === 'prompt' ? prompt.options.find((o) => o.id === cmd.option) : undefined;
      if (!inject && /^ask-\d+$/.test(cmd.inject)) return w.answeredFacilitator(cmd.option);
      return w.answered(
        prompt?.type === 'prompt' ? prompt.from : cmd.inject,
        option ? w.scene(scenario, option.label) : cmd.option,
      );
    }
    case 'statement': {
      const channel = scenario.people?.channels.find((c) => c.id === cmd.channel);
      return w.statement(
        channel?.name ?? cmd.channel,
        cmd.languages.join(', '),
        cmd.blocks.map((b) => blockInWords(scenario, b, w)),
      );
    }
    case 'workaround': {
      const x = scenario.people?.workarounds.find((y) => y.id === cmd.workaround);
      const name = x?.name ?? cmd.workaround;
      return cmd.action === 'announce' ? w.announced(name) : w.withdrew(name);
    }
    case 'noop':
      return w.noAction();
    default: {
      const action = facilitatorAction(scenario, cmd, (text) => w.scene(scenario, text));
      return action ? w.facilitator(action) : w.otherCommand((cmd as { type: string }).type);
    }
  }
}

/** At most `max` characters, cut at a word, with an ellipsis. */
export function shortText(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`;
}

/**
 * What an inject is, in the words of its first visible effect: who speaks and what they say ("Minister: “Is
 * citizens' data safe?”"), else what it does to the city ("E-visa processing fails", "the attack on … starts").
 */
export function injectInWords(scenario: Scenario, index: number, w: RunWords = ENGLISH_RUN_WORDS): string {
  if (w !== ENGLISH_RUN_WORDS) return injectInLanguage(scenario, index, w);
  const def = scenario.injects[index];
  if (!def) return 'a scripted event';
  const said = def.effects.find((e) => e.type === 'prompt' || e.type === 'feed');
  if (said && (said.type === 'prompt' || said.type === 'feed'))
    return `${said.from}: “${shortText(said.text)}”`;
  for (const e of def.effects) {
    switch (e.type) {
      case 'attack':
        return attackInWords(scenario, e.attack, e.action);
      case 'fail':
        return `${scenario.services[e.service]?.name ?? 'a service'} fails`;
      case 'restore':
        return `${scenario.services[e.service]?.name ?? 'a service'} is restored`;
      case 'capacity':
        return `${scenario.services[e.service]?.name ?? 'a service'} runs at ${Math.round(e.factor * 100)} % capacity`;
      case 'rumour':
        return `the rumour “${shortText(scenario.people.rumours[e.rumour]?.text ?? 'a rumour')}” is planted`;
      case 'statement':
        return `a statement on ${scenario.people.channels[e.channel]?.name ?? 'a channel'}`;
      case 'end':
        return `the end of the drill (${e.outcome})`;
      case 'reveal':
        return 'the truth comes out';
      case 'budget':
        return `the budget changes by ${e.amount.toLocaleString('en')} KES`;
      case 'trust':
        return `${scenario.people.stakeholders[e.stakeholder]?.name ?? 'a stakeholder'}'s trust moves`;
      default:
        break;
    }
  }
  return 'a scripted event';
}

/** injectInWords in another language: the same facts, worded by `w`. */
function injectInLanguage(scenario: Scenario, index: number, w: RunWords): string {
  const def = scenario.injects[index];
  if (!def) return w.injectEffect({ kind: 'scripted' });
  const said = def.effects.find((e) => e.type === 'prompt' || e.type === 'feed');
  if (said && (said.type === 'prompt' || said.type === 'feed'))
    return `${said.from}: “${shortText(w.scene(scenario, said.text))}”`;
  const service = (i: number) => scenario.services[i]?.name;
  for (const e of def.effects) {
    switch (e.type) {
      case 'attack':
        return w.attack(scenario.services[scenario.attacks[e.attack]?.target ?? -1]?.name, e.action);
      case 'fail':
        return w.injectEffect({ kind: 'fails', service: service(e.service) });
      case 'restore':
        return w.injectEffect({ kind: 'restored', service: service(e.service) });
      case 'capacity':
        return w.injectEffect({
          kind: 'capacity',
          service: service(e.service),
          percent: Math.round(e.factor * 100),
        });
      case 'rumour': {
        const text = scenario.people.rumours[e.rumour]?.text;
        return w.injectEffect({ kind: 'planted', rumour: text === undefined ? undefined : shortText(text) });
      }
      case 'statement':
        return w.injectEffect({ kind: 'statement', channel: scenario.people.channels[e.channel]?.name });
      case 'end':
        return w.injectEffect({ kind: 'end', outcome: e.outcome });
      case 'reveal':
        return w.injectEffect({ kind: 'reveal' });
      case 'budget':
        return w.injectEffect({ kind: 'budget', amount: e.amount });
      case 'trust':
        return w.injectEffect({
          kind: 'trust',
          stakeholder: scenario.people.stakeholders[e.stakeholder]?.name,
        });
      default:
        break;
    }
  }
  return w.injectEffect({ kind: 'scripted' });
}

const ATTACK_ACTIONS: Record<string, string> = {
  start: 'starts',
  stop: 'stops',
  escalate: 'escalates',
  shift: 'shifts to a new target',
};

function attackInWords(scenario: Scenario, index: number, action: string): string {
  const def = scenario.attacks[index];
  const target = def ? scenario.services[def.target]?.name : undefined;
  return `the attack${target ? ` on ${target}` : ''} ${ATTACK_ACTIONS[action] ?? action}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An inject whose first words are already on the report's timeline as a feed item (a headline, an official
 * line, a stakeholder's message or prompt): the timeline shows those words once, as the feed item.
 */
export function injectShownAsFeed(scenario: Scenario, logText: string): boolean {
  const id = /^inject '([^']+)' \(/.exec(logText)?.[1];
  const def = id === undefined ? undefined : scenario.injects.find((i) => i.id === id);
  const said = def?.effects.find((e) => e.type === 'prompt' || e.type === 'feed');
  if (!said) return false;
  return (
    said.type === 'prompt' ||
    (said.type === 'feed' && ['headline', 'official', 'stakeholder'].includes(said.channel))
  );
}

/** Why an inject fired, when it is worth saying (a timer or a condition is not: the time says it). */
function whyInWords(scenario: Scenario, why: string, w: RunWords): string {
  if (why === 'trigger' || why.startsWith('follow-up of')) return '';
  if (w !== ENGLISH_RUN_WORDS && why === 'fired by the facilitator')
    return ` (${w.scriptLine({ kind: 'firedByFacilitator' })})`;
  if (w !== ENGLISH_RUN_WORDS && why === 'released by the facilitator after it came due')
    return ` (${w.scriptLine({ kind: 'releasedByFacilitator' })})`;
  return ` (${humanText(scenario, why, w)})`;
}

/** A log line that names a scripted event, with the event in words (another language than English only). */
function scriptLineOf(scenario: Scenario, text: string, w: RunWords): ScriptLine | undefined {
  const injectWords = (id: string) => {
    const i = scenario.injects.findIndex((x) => x.id === id);
    return i >= 0 ? injectInWords(scenario, i, w) : undefined;
  };
  let m = /^data was taken \(inject '([^']+)'\)$/.exec(text);
  let by = m ? injectWords(m[1]!) : undefined;
  if (by !== undefined) return { kind: 'dataTaken', by };
  if (text === 'the truth came out (the investigation reported)') return { kind: 'truthOut' };
  m = /^the truth came out \(inject '([^']+)'\)$/.exec(text);
  by = m ? injectWords(m[1]!) : undefined;
  if (by !== undefined) return { kind: 'truthOut', by };
  m = /^workaround put in place by the script \(inject '([^']+)'\): (.+)$/.exec(text);
  by = m ? injectWords(m[1]!) : undefined;
  if (m && by !== undefined) return { kind: 'scriptWorkaround', workaround: m[2]!, by };
  m = /^inject '([^']+)' came due while held$/.exec(text);
  by = m ? injectWords(m[1]!) : undefined;
  if (by !== undefined) return { kind: 'cameDueHeld', inject: by };
  return undefined;
}

/**
 * A line of the engine's log (or a "why" it recorded) with every id replaced by the scenario's name for it.
 * Lines without ids come back as they are.
 */
export function humanText(scenario: Scenario, text: string, w: RunWords = ENGLISH_RUN_WORDS): string {
  // English keeps the engine's own line; another language words the same facts.
  if (w !== ENGLISH_RUN_WORDS) {
    const line = engineLine(scenario, text);
    if (line) return w.engineLine(line);
    const script = scriptLineOf(scenario, text, w);
    if (script) return w.scriptLine(script);
  }
  const injectIndex = (id: string) => scenario.injects.findIndex((i) => i.id === id);
  let m = /^inject '([^']+)' \((.*)\)$/.exec(text);
  if (m) {
    const i = injectIndex(m[1]!);
    if (i >= 0) return `${capitalised(injectInWords(scenario, i, w))}${whyInWords(scenario, m[2]!, w)}`;
  }
  m = /^decision '([^']+)': (.*) \((.*)\)$/.exec(text);
  if (m) {
    const def = scenario.injects[injectIndex(m[1]!)];
    const prompt = def?.effects.find((e) => e.type === 'prompt');
    if (w !== ENGLISH_RUN_WORDS)
      return w.decisionLine(
        prompt?.type === 'prompt' ? prompt.from : undefined,
        w.scene(scenario, m[2]!),
        m[3] === 'answered' ? '' : w.defaultTaken(m[3]!),
      );
    const from = prompt?.type === 'prompt' ? prompt.from : 'A decision';
    return `${from}: answer “${m[2]}”${m[3] === 'answered' ? '' : ` (${m[3]})`}`;
  }
  m = /^attack '([^']+)': (\w+)$/.exec(text);
  if (m) {
    const a = scenario.attacks.findIndex((x) => x.id === m![1]);
    if (a >= 0)
      return capitalised(
        w === ENGLISH_RUN_WORDS
          ? attackInWords(scenario, a, m[2]!)
          : w.attack(scenario.services[scenario.attacks[a]!.target]?.name, m[2]!),
      );
  }
  m = /^statement by the script \(inject '([^']+)'\): (.*)$/.exec(text);
  if (m) {
    const def = scenario.injects[injectIndex(m[1]!)];
    const said = def?.effects.find((e) => e.type === 'prompt' || e.type === 'feed');
    const from = said && (said.type === 'prompt' || said.type === 'feed') ? ` (${said.from})` : '';
    if (w !== ENGLISH_RUN_WORDS)
      return w.scriptedStatement(
        m[2]!,
        said && (said.type === 'prompt' || said.type === 'feed') ? said.from : '',
      );
    return `Scripted statement on ${m[2]}${from}`;
  }
  m = /^rumour '([^']+)' is spreading$/.exec(text);
  if (m) {
    const r = scenario.people.rumours.find((x) => x.id === m![1]);
    if (r)
      return w === ENGLISH_RUN_WORDS
        ? `The rumour “${shortText(r.text)}” is spreading`
        : w.rumourSpreading(shortText(r.text));
  }
  // Ids inside a longer line: "the truth came out (inject 'truth-out')", "planted by inject 'rumour-planted'".
  return text
    .replace(/\binject '([^']+)'/g, (whole, id: string) => {
      const i = injectIndex(id);
      return i >= 0 ? `“${injectInWords(scenario, i)}”` : whole;
    })
    .replace(/\brumour '([^']+)'/g, (whole, id: string) => {
      const r = scenario.people.rumours.find((x) => x.id === id);
      return r ? `the rumour “${shortText(r.text)}”` : whole;
    });
}

/** A public claim in words: "that data was safe", "an ETA of 30 min", "the cause was a glitch", "a denial of …". */
export function claimInWords(
  scenario: Scenario,
  c: { kind: string; value: string },
  w: RunWords = ENGLISH_RUN_WORDS,
): string {
  switch (c.kind) {
    case 'data-safe':
    case 'eta':
    case 'cause':
      return w.claim(c.kind, c.value);
    case 'denial': {
      const r = scenario.people.rumours.find((x) => x.id === c.value);
      return w.claim('denial', shortText(r?.text ?? 'a rumour', 50));
    }
    default:
      return w.claim('other', c.kind);
  }
}

/**
 * A feed item's "why" for the room: the engine names injects by their ids ("inject 'cert-warning'"), which
 * are the author's, not the trainees'. On screen they read as the scenario script.
 */
export function feedWhyInWords(why: string): string {
  return why
    .replace(/decision prompt of inject '[^']*'/g, 'a decision in the scenario script')
    .replace(/follow-up of '[^']*'/g, 'a follow-up in the scenario script')
    .replace(/inject '[^']*'/g, 'the scenario script');
}
