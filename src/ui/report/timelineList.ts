/** The timeline in words: time, what happened, and for decisions who made them (the role in brackets). */
import { elapsedClock } from '../../engine';
import { t } from '../../i18n';
import { h } from '../dom';
import type { ReportTimelineEntry } from './timeline';

/** Entries hidden until asked for: the engine's notes and every service status change (dozens in a long drill). */
export function isDetail(t: ReportTimelineEntry): boolean {
  return t.kind === 'status' || t.kind === 'note';
}

/** How the list is cut into parts with a heading: by the hour in a long drill, in 20 minutes in a shorter one. */
export function groupMinutes(endTick: number): number {
  const minutes = endTick / 60;
  return minutes >= 120 ? 60 : minutes >= 40 ? 20 : Math.max(1, Math.ceil(minutes));
}

function item(t: ReportTimelineEntry): HTMLLIElement {
  return h(
    'li',
    { 'data-kind': t.rejected ? 'rejected' : t.kind === 'decision' ? 'decision' : t.kind },
    h('span', { class: 'time', text: t.clock }),
    h('span', { class: 'text' }, t.text, t.by ? h('span', { class: 'by', text: ` (${t.by})` }) : null),
  );
}

/**
 * The timeline as a list in parts (T+00:00–T+01:00, …), flowing in columns across the report's width rather
 * than in a scrolling box; decisions, injects, statements and headlines first, the service status changes and
 * engine notes behind a checkbox.
 */
export function timelineList(all: readonly ReportTimelineEntry[], endTick: number): HTMLElement {
  // What the drill's state no longer holds (run/dropped.ts) heads the list, where the older items would be.
  const older = all
    .filter((t) => t.kind === 'dropped')
    .map((t) => h('p', { class: 'timeline-older small muted', text: t.text }));
  const entries = all.filter((t) => t.kind !== 'dropped');
  const size = groupMinutes(endTick) * 60;
  const groups = new Map<number, ReportTimelineEntry[]>();
  for (const t of entries) {
    const g = Math.floor(t.tick / size);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(t);
  }
  const details = entries.filter(isDetail).length;
  const list = h(
    'div',
    {
      class: 'timeline-groups',
      id: 'timeline',
      'data-details': 'hidden',
      'aria-label': t('debrief:timeline.listLabel'),
    },
    ...[...groups].map(([g, items]) =>
      h(
        'div',
        { class: 'timeline-group', 'data-only-details': String(items.every(isDetail)) },
        groups.size > 1 &&
          h('h3', { text: `${elapsedClock(g * size)} – ${elapsedClock(Math.min((g + 1) * size, endTick))}` }),
        h('ol', { class: 'timeline' }, ...items.map(item)),
      ),
    ),
  );
  if (details === 0) return older.length ? h('div', { class: 'timeline-wrap' }, ...older, list) : list;
  const toggle = h('input', { type: 'checkbox', id: 'timeline-details' });
  toggle.addEventListener('change', () => {
    list.dataset.details = toggle.checked ? 'shown' : 'hidden';
  });
  return h(
    'div',
    { class: 'timeline-wrap' },
    h(
      'p',
      { class: 'timeline-filter small' },
      toggle,
      h('label', {
        for: 'timeline-details',
        text: ` ${t('debrief:timeline.showDetails', { count: details })}`,
      }),
    ),
    ...older,
    list,
  );
}

/** Decisions printed on the one-page report: the first ones, then how many more (all of them are on screen). */
export const PRINTED_DECISIONS = 5;

/** The decisions only, for paper (hidden on screen by report.css). */
export function printedDecisions(entries: readonly ReportTimelineEntry[]): HTMLOListElement {
  // The facilitator's notes go on paper too: they are what the room will want to discuss.
  const decisions = entries.filter((t) => t.kind === 'decision' || t.kind === 'annotation');
  const rest = decisions.length - PRINTED_DECISIONS;
  return h(
    'ol',
    { class: 'timeline timeline-print', 'aria-hidden': 'true' },
    ...decisions
      .slice(0, PRINTED_DECISIONS)
      .map((t) =>
        h(
          'li',
          { 'data-kind': t.rejected ? 'rejected' : t.kind },
          h('span', { class: 'time', text: t.clock }),
          h('span', { class: 'text' }, t.text, t.by ? h('span', { class: 'by', text: ` (${t.by})` }) : null),
        ),
      ),
    rest > 0 &&
      h(
        'li',
        { class: 'more' },
        h('span'),
        h('span', { class: 'text', text: t('debrief:timeline.printedMore', { count: rest }) }),
      ),
  );
}
