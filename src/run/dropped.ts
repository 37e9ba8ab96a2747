/**
 * What the state's bounded lists let go of (engine/bounded.ts), in words: the feed panel's "older items" line,
 * and one timeline entry each for the log and the feed, so the debrief and the Markdown export say that older
 * events existed and what they were instead of starting silently at the first one kept. English by default
 * (ENGLISH_DROPPED_WORDS); the page gives its own words in the interface language (src/ui/report/runWords.ts).
 */
import { elapsedClock, type DroppedSummary, type FeedChannel, type LogEntry, type SimState } from '../engine';
import type { TimelineEntry } from './report';

type LogKind = LogEntry['kind'];

/** What was dropped, as facts: how many, when (one clock or a span), and how many of each kind (most first). */
export interface DroppedFacts<K extends string> {
  count: number;
  span: string;
  parts: readonly { kind: K; count: number }[];
}

export interface DroppedWords {
  log(d: DroppedFacts<LogKind>): string;
  feed(d: DroppedFacts<FeedChannel>): string;
}

const LOG_KIND_WORDS: Record<LogKind, [one: string, many: string]> = {
  command: ['command', 'commands'],
  rejected: ['refused command', 'refused commands'],
  status: ['status change', 'status changes'],
  mitigation: ['order taking effect or ending', 'orders taking effect or ending'],
  attack: ['attack event', 'attack events'],
  inject: ['inject event', 'inject events'],
  people: ['people-side event', 'people-side events'],
  note: ['engine note', 'engine notes'],
};

const CHANNEL_WORDS: Record<FeedChannel, [one: string, many: string]> = {
  headline: ['headline', 'headlines'],
  social: ['social post', 'social posts'],
  stakeholder: ['stakeholder message', 'stakeholder messages'],
  official: ['official message', 'official messages'],
  ops: ['operations message', 'operations messages'],
};

function counted(n: number, [one, many]: [string, string]): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "T+00:12–T+03:40: 300 status changes, 12 inject events" */
function breakdown<K extends string>(d: DroppedFacts<K>, words: Record<K, [string, string]>): string {
  const parts = d.parts.map((p) => counted(p.count, words[p.kind]));
  return parts.length ? `${d.span}: ${parts.join(', ')}` : d.span;
}

export const ENGLISH_DROPPED_WORDS: DroppedWords = {
  log: (d) =>
    `${counted(d.count, ['older engine event was', 'older engine events were'])} not kept (${breakdown(d, LOG_KIND_WORDS)}).`,
  feed: (d) =>
    `${counted(d.count, ['older feed item was', 'older feed items were'])} not kept (${breakdown(d, CHANNEL_WORDS)}).`,
};

/** The facts of a summary: the kinds known to `words` only, the most frequent first. */
function factsOf<K extends string>(d: DroppedSummary<K>, known: Record<K, unknown>): DroppedFacts<K> {
  const parts = (Object.entries(d.byKind) as [K, number][])
    .filter(([kind]) => kind in known)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([kind, count]) => ({ kind, count }));
  const span =
    elapsedClock(d.firstTick) === elapsedClock(d.lastTick)
      ? elapsedClock(d.firstTick)
      : `${elapsedClock(d.firstTick)}–${elapsedClock(d.lastTick)}`;
  return { count: d.count, span, parts };
}

/** "40 older feed items were not kept (T+00:01–T+02:00: 30 social posts, 10 headlines)." */
export function droppedFeedText(
  d: DroppedSummary<FeedChannel>,
  words: DroppedWords = ENGLISH_DROPPED_WORDS,
): string {
  return words.feed(factsOf(d, CHANNEL_WORDS));
}

/** "412 older engine events were not kept (T+00:12–T+03:40: 300 status changes, …)." */
export function droppedLogText(
  d: DroppedSummary<LogKind>,
  words: DroppedWords = ENGLISH_DROPPED_WORDS,
): string {
  return words.log(factsOf(d, LOG_KIND_WORDS));
}

/** One `dropped` timeline entry per list that dropped something, at the tick of its oldest dropped item. */
export function droppedTimeline(
  state: Pick<SimState, 'logDropped' | 'feedDropped'>,
  words: DroppedWords = ENGLISH_DROPPED_WORDS,
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const { logDropped, feedDropped } = state;
  if (logDropped)
    out.push({
      tick: logDropped.firstTick,
      clock: elapsedClock(logDropped.firstTick),
      kind: 'dropped',
      text: droppedLogText(logDropped, words),
    });
  if (feedDropped)
    out.push({
      tick: feedDropped.firstTick,
      clock: elapsedClock(feedDropped.firstTick),
      kind: 'dropped',
      text: droppedFeedText(feedDropped, words),
    });
  return out;
}
