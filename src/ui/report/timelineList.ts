/** The timeline as a list: time, what happened, and for decisions who made them (the role in brackets). */
import { h } from '../dom';
import type { ReportTimelineEntry } from './timeline';

export function timelineList(entries: readonly ReportTimelineEntry[]): HTMLOListElement {
  return h(
    'ol',
    // tabindex: the list scrolls, and a scrolling region must be reachable by keyboard to be read.
    { class: 'timeline', id: 'timeline', 'aria-label': 'Timeline of the drill', tabindex: '0' },
    ...entries.map((t) =>
      h(
        'li',
        { 'data-kind': t.rejected ? 'rejected' : t.kind === 'decision' ? 'decision' : t.kind },
        h('span', { class: 'time', text: t.clock }),
        h('span', { class: 'text' }, t.text, t.by ? h('span', { class: 'by', text: ` (${t.by})` }) : null),
      ),
    ),
  );
}

/** Decisions printed on the one-page report: the first ones, then how many more (all of them are on screen). */
export const PRINTED_DECISIONS = 20;

/** The decisions only, for paper (hidden on screen by report.css). */
export function printedDecisions(entries: readonly ReportTimelineEntry[]): HTMLOListElement {
  const decisions = entries.filter((t) => t.kind === 'decision');
  const rest = decisions.length - PRINTED_DECISIONS;
  return h(
    'ol',
    { class: 'timeline timeline-print', 'aria-hidden': 'true' },
    ...decisions
      .slice(0, PRINTED_DECISIONS)
      .map((t) =>
        h(
          'li',
          { 'data-kind': t.rejected ? 'rejected' : 'decision' },
          h('span', { class: 'time', text: t.clock }),
          h('span', { class: 'text' }, t.text, t.by ? h('span', { class: 'by', text: ` (${t.by})` }) : null),
        ),
      ),
    rest > 0 &&
      h(
        'li',
        { class: 'more' },
        h('span'),
        h('span', { class: 'text', text: `… and ${rest} more decisions (all in the Markdown export)` }),
      ),
  );
}
