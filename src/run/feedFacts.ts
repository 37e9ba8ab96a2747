/**
 * The feed items the engine writes itself, and why each feed item appeared, as facts (src/engine: trust.ts,
 * statements.ts, budget.ts, injects.ts, rumours.ts, feedgen.ts), for their words in the interface language
 * (src/ui/feedWords.ts). English shows the engine's own text, so none of this is needed at start-up.
 */
import type { Scenario } from '../engine';
import { shortText, type RunWords } from './words';

/**
 * A feed item the engine writes itself (not the scenario's words): a claim the investigation proved false, a
 * partner rebutting the blame, a missed ETA, a bare denial spreading a rumour, the budget stop, an answer given or
 * taken by default, the investigation's report (its words are the scenario's), customers' voices (the scenario's
 * templates). Names are as the scenario gives them; `what` of a false claim as the engine names it.
 */
export type EngineFeed =
  | { kind: 'claimFalse'; said: string; what: string }
  | { kind: 'partnerRebuttal'; partner: string }
  | { kind: 'etaMissed'; minutes: number }
  | { kind: 'denialSpreads'; rumour: string }
  | { kind: 'budgetSpent'; stopped: string }
  | { kind: 'answered'; asker: string; answer: string; byDefault: boolean }
  | { kind: 'investigation'; text: string }
  /** A rumour trending: its words are the scenario's. */
  | { kind: 'rumour'; text: string };

/**
 * Why a feed item appeared, as facts (the engine's `why` of each feed item): the scenario script, a rumour
 * planted or born, the truth out, a missed ETA, a partner's rebuttal, a bare denial, the budget, a decision's
 * answer, the facilitator, customers stranded. Times are clocks ("T+00:30"); names are the scenario's.
 */
export type FeedWhy =
  | { kind: 'script' | 'decisionPrompt' | 'answer' | 'planted' | 'followUp' }
  | { kind: 'rumourBorn'; outage: number; silence: number; trust: number }
  | { kind: 'truthOut'; byScript: boolean }
  | { kind: 'contradicts'; truth: FeedWhy; said: string }
  | { kind: 'etaMissed'; said: string }
  | { kind: 'rebuttal' | 'budget' | 'facilitatorPost' | 'facilitatorAsk' }
  | { kind: 'denial'; rumour: string; trust: number; channel: string; said: string }
  | { kind: 'stranded'; customers: number; segment: string; trust: number; tone: string };

/**
 * The facts of a feed item the engine wrote itself (src/engine: trust.ts, statements.ts, budget.ts, injects.ts),
 * or undefined for the scenario's own words, the facilitator's posts and customers' voices.
 */
export function engineFeedOf(
  scenario: Scenario,
  item: { channel: string; from: string; text: string },
): EngineFeed | undefined {
  const { channel, from, text } = item;
  let m: RegExpExecArray | null;
  if (channel === 'headline') {
    if (from === 'Investigation' && text === scenario.people.truth.revealText)
      return { kind: 'investigation', text };
    m = /^Statement at (T\+\d\d:\d\d) proves false: (.+)\.$/.exec(text);
    if (from === 'Investigative desk' && m)
      return { kind: 'claimFalse', said: m[1]!, what: denialNamed(scenario, m[2]!) };
  }
  if (
    channel === 'stakeholder' &&
    text === `${from}: the outage is not ours. Our systems are running; the failure lies with the operator.`
  )
    return { kind: 'partnerRebuttal', partner: from };
  if (channel === 'social' && from === 'Customers') {
    m = /^You said (\d+) minutes\. It has been \1 minutes\. Still nothing\.$/.exec(text);
    if (m) return { kind: 'etaMissed', minutes: Number(m[1]) };
  }
  if (channel === 'social' && from === 'Trending' && scenario.people.rumours.some((r) => r.text === text))
    return { kind: 'rumour', text };
  if (channel === 'social' && from === 'Trending') {
    m = /^"They would say that\." The denial is spreading the rumour further: ([^]*)$/.exec(text);
    if (m) return { kind: 'denialSpreads', rumour: m[1]! };
  }
  if (channel === 'ops' && from === 'Finance') {
    m = /^The incident budget is spent\. Stopped what costs money by the hour: (.+)\.$/.exec(text);
    if (m) return { kind: 'budgetSpent', stopped: m[1]! };
  }
  if (channel === 'ops' && from === 'Decision') {
    m = /^No answer in time to (.+?): “([^]*)” was taken \(the default\)\.$/.exec(text);
    if (m) return { kind: 'answered', asker: m[1]!, answer: m[2]!, byDefault: true };
    m = /^You answered (.+?): “([^]*)”\.$/.exec(text);
    if (m) return { kind: 'answered', asker: m[1]!, answer: m[2]!, byDefault: false };
  }
  return undefined;
}

/** The facts of a feed item's `why`, or undefined for one the engine does not write (it is shown as it is). */
export function feedWhyOf(scenario: Scenario, why: string): FeedWhy | undefined {
  const simple: Record<string, FeedWhy['kind']> = {
    'the investigation reported': 'truthOut',
    'rebuttal after being blamed publicly': 'rebuttal',
    'the next hour of running costs would have overdrawn the budget': 'budget',
    'posted by the facilitator': 'facilitatorPost',
    'a question from the facilitator': 'facilitatorAsk',
  };
  const kind = simple[why];
  if (kind === 'truthOut') return { kind, byScript: false };
  if (kind) return { kind } as FeedWhy;
  let m: RegExpExecArray | null;
  if (/^inject '[^']*'$/.test(why)) return { kind: 'script' };
  if (/^inject '[^']*' \(follow-up of '[^']*'\)$/.test(why)) return { kind: 'followUp' };
  if (/^decision prompt of inject '[^']*'$/.test(why)) return { kind: 'decisionPrompt' };
  if (/^the answer to inject '[^']*'$/.test(why)) return { kind: 'answer' };
  if (/^planted by inject '[^']*'$/.test(why)) return { kind: 'planted' };
  m = /^born from the outage \((\d+) min\), silence \((\d+) min\) and low trust \((\d+)\)$/.exec(why);
  if (m) return { kind: 'rumourBorn', outage: Number(m[1]), silence: Number(m[2]), trust: Number(m[3]) };
  m = /^the truth came out \((.*)\)$/.exec(why);
  if (m && (m[1] === 'the investigation reported' || /^inject '[^']*'$/.test(m[1]!)))
    return { kind: 'truthOut', byScript: m[1] !== 'the investigation reported' };
  m = /^(.*); it contradicts what was said at (T\+\d\d:\d\d)$/.exec(why);
  const truth = m ? feedWhyOf(scenario, m[1]!) : undefined;
  if (m && truth) return { kind: 'contradicts', truth, said: m[2]! };
  m = /^ETA given at (T\+\d\d:\d\d) was missed$/.exec(why);
  if (m) return { kind: 'etaMissed', said: m[1]! };
  m = /^a bare denial of '([^']*)' while public trust was (\d+) \((.+) at (T\+\d\d:\d\d)\)$/.exec(why);
  const rumour = m ? scenario.people.rumours.find((r) => r.id === m![1]) : undefined;
  if (m && rumour)
    return {
      kind: 'denial',
      rumour: shortText(rumour.text, 50),
      trust: Number(m[2]),
      channel: m[3]!,
      said: m[4]!,
    };
  m = /^(\d+) (.+) stranded; their trust is (\d+) \((angry|worried|calm)\)$/.exec(why);
  const segment = m ? scenario.segments.find((g) => g.name.toLowerCase() === m![2]) : undefined;
  if (m && segment)
    return {
      kind: 'stranded',
      customers: Number(m[1]),
      segment: segment.name,
      trust: Number(m[3]),
      tone: m[4]!,
    };
  return undefined;
}

/** A feed item in words: the engine's own in `w`, anything else as it was written. */
export function feedInWords(
  scenario: Scenario,
  item: { channel: string; from: string; text: string },
  w: RunWords,
): { from: string; text: string } {
  const facts = w.engineFeed ? engineFeedOf(scenario, item) : undefined;
  return facts && w.engineFeed
    ? w.engineFeed(facts)
    : { from: item.from, text: w.scene(scenario, item.text) };
}

/**
 * A false claim as the engine names it, with a denied rumour named by its words instead of its id ("the denial
 * of 'tax-integration'" → "the denial of 'The government has shut down…'"): the room never saw the id.
 */
export function denialNamed(scenario: Scenario, what: string): string {
  const id = /^the denial of '(.*)'$/.exec(what)?.[1];
  const rumour = id === undefined ? undefined : scenario.people.rumours.find((r) => r.id === id);
  return rumour ? `the denial of '${shortText(rumour.text, 50)}'` : what;
}
