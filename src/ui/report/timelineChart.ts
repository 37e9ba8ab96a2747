/**
 * The drill at a glance: one strip chart across the report's width, simulated time left to right, with three
 * lanes — the team's decisions (a dot each; a ring for one the engine turned down), the scenario's events
 * (injects, headlines, official lines: a diamond each) and the critical services' worst state minute by minute
 * (healthy / degraded / down) — and an hour (or finer) scale. Each mark names itself on hover (an SVG title);
 * the list below the chart says the same in words for screen readers, so the chart is hidden from them.
 *
 * Drawn once, as SVG with a fixed viewBox: it scales with its column on screen and on paper alike, and its
 * colours come from report.css (so print can turn it dark on white).
 */
import { elapsedClock } from '../../engine';
import { t } from '../../i18n';
import type { Series } from '../../run';
import { h } from '../dom';
import type { ReportTimelineEntry } from './timeline';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 1000;
const LEFT = 150;
const RIGHT = 32;
const LANES = { decisions: 20, events: 48, services: 76 } as const;
const AXIS = 98;
const HEIGHT = 124;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  title?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (title) {
    const tip = document.createElementNS(SVG, 'title');
    tip.textContent = title;
    el.append(tip);
  }
  return el;
}

/** A scale step (in minutes) that gives at most eight labelled ticks. */
export function tickStepMinutes(totalMinutes: number): number {
  return [1, 2, 5, 10, 15, 30, 60, 120, 240].find((m) => totalMinutes / m <= 8) ?? 480;
}

/** The critical services' worst state each minute: 'healthy' (≥ 95 % served), 'degraded' (≥ 50 %) or 'down'. */
export function worstMinutes(series: Series): ('healthy' | 'degraded' | 'down')[] {
  const lines = Object.values(series.availability);
  return series.minutes.map((_, i) => {
    const worst = Math.min(1, ...lines.map((xs) => xs[i] ?? 1));
    return worst >= 0.95 ? 'healthy' : worst >= 0.5 ? 'degraded' : 'down';
  });
}

export function timelineChart(
  entries: readonly ReportTimelineEntry[],
  series: Series,
  endTick: number,
): HTMLElement {
  const span = Math.max(60, endTick);
  const x = (tick: number) => LEFT + ((WIDTH - LEFT - RIGHT) * Math.min(tick, span)) / span;
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: 'timeline-chart-svg',
    role: 'img',
    'aria-hidden': 'true',
  });

  // Lane names and guide lines.
  const laneNames: [keyof typeof LANES, string][] = [
    ['decisions', t('debrief:timeline.laneDecisions')],
    ['events', t('debrief:timeline.laneEvents')],
    ['services', t('debrief:timeline.laneServices')],
  ];
  for (const [lane, name] of laneNames) {
    root.append(
      svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: LANES[lane], y2: LANES[lane], class: 'lane-line' }),
    );
    const label = svg('text', { x: LEFT - 10, y: LANES[lane] + 5, 'text-anchor': 'end', class: 'lane-name' });
    label.textContent = name;
    root.append(label);
  }

  // The critical services' state, one band per run of equal minutes.
  const states = worstMinutes(series);
  let start = 0;
  for (let i = 1; i <= states.length; i++) {
    if (i < states.length && states[i] === states[start]) continue;
    const from = (series.minutes[start]! - 1) * 60;
    const to = series.minutes[i - 1]! * 60;
    root.append(
      svg(
        'rect',
        {
          x: x(Math.max(0, from)),
          y: LANES.services - 9,
          width: Math.max(1, x(to) - x(Math.max(0, from))),
          height: 18,
          class: `band band-${states[start]}`,
          'data-state': states[start]!,
        },
        t(`debrief:timeline.band.${states[start]!}`, {
          from: elapsedClock(Math.max(0, from)),
          to: elapsedClock(to),
        }),
      ),
    );
    start = i;
  }

  // Decisions and events. Marks at the same moment are nudged up so each stays visible.
  const used = new Map<string, number>();
  const nudge = (lane: string, px: number) => {
    const key = `${lane}:${Math.round(px / 6)}`;
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    return ((n % 3) - 1) * 7 * (n > 0 ? 1 : 0);
  };
  for (const e of entries) {
    const px = x(e.tick);
    const title = `${e.clock} ${e.text}${e.by ? ` (${e.by})` : ''}`;
    if (e.kind === 'decision') {
      root.append(
        svg(
          'circle',
          {
            cx: px,
            cy: LANES.decisions + nudge('d', px),
            r: 6,
            class: e.rejected ? 'mark mark-rejected' : 'mark mark-decision',
            'data-lane': 'decisions',
          },
          title,
        ),
      );
    } else if (e.kind === 'inject' || e.kind === 'feed') {
      const cy = LANES.events + nudge('e', px);
      root.append(
        svg(
          'path',
          { d: `M${px} ${cy - 7} l7 7 l-7 7 l-7 -7 z`, class: 'mark mark-event', 'data-lane': 'events' },
          title,
        ),
      );
    }
  }

  // The time scale.
  const totalMinutes = span / 60;
  const step = tickStepMinutes(totalMinutes);
  root.append(svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: AXIS, y2: AXIS, class: 'axis-line' }));
  for (let m = 0; m <= totalMinutes + 1e-9; m += step) {
    const px = x(m * 60);
    root.append(svg('line', { x1: px, x2: px, y1: AXIS, y2: AXIS + 6, class: 'axis-line' }));
    // The last label ends at the scale's end rather than running off the chart.
    const anchor = px > WIDTH - RIGHT - 20 ? 'end' : 'middle';
    const label = svg('text', { x: px, y: AXIS + 22, 'text-anchor': anchor, class: 'axis-label' });
    label.textContent = elapsedClock(m * 60).slice(2);
    root.append(label);
  }

  const decisions = entries.filter((e) => e.kind === 'decision').length;
  const events = entries.filter((e) => e.kind === 'inject' || e.kind === 'feed').length;
  return h(
    'figure',
    { class: 'timeline-chart', id: 'timeline-chart' },
    root,
    h('figcaption', {
      class: 'small muted',
      text: t('debrief:timeline.caption', {
        decisions: t('debrief:timeline.decisions', { count: decisions }),
        events: t('debrief:timeline.events', { count: events }),
        span: elapsedClock(span).slice(2),
      }),
    }),
  );
}
