/**
 * The quick balance's result: one histogram per play (do-nothing, expert, panic) on a shared score axis, the
 * median and p10–p90 of each, and how often the expert play beat the others on the same seed. The numbers come
 * from the studio worker, which runs the balance runner's own plays (src/balance).
 */
import { t } from '../../i18n';
import { histogram } from '../../studio/histogram';
import type { BalanceOutcome } from '../../studio/quickBalance';

const SVG = 'http://www.w3.org/2000/svg';
const BINS = 20;
const PLAYS = ['do-nothing', 'textbook', 'panic'] as const;

/** A play's name in the interface language (an unknown one as the balance runner calls it). */
function playName(name: string): string {
  const known = PLAYS.find((p) => p === name);
  return known ? t(`studio:balance.plays.${known}`) : name;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function text(tag: 'p' | 'span' | 'li', content: string, className = ''): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

export function renderBalance(outcome: BalanceOutcome): HTMLElement {
  const box = document.createElement('div');
  box.className = 'studio-balance-result';
  const h = histogram(outcome.scores, BINS);
  const width = 300;
  const rowHeight = 46;
  const names = Object.keys(outcome.scores);
  const chart = svg('svg', {
    viewBox: `0 0 ${width + 110} ${names.length * rowHeight + 24}`,
    role: 'img',
    'aria-label': t('studio:balance.histograms'),
    class: 'studio-histogram',
  });
  names.forEach((name, row) => {
    const y0 = row * rowHeight;
    const label = svg('text', { x: 0, y: y0 + rowHeight / 2 + 4, class: 'studio-hist-label' });
    label.textContent = playName(name);
    chart.append(label);
    const counts = h.counts[name]!;
    counts.forEach((count, i) => {
      if (count === 0) return;
      const barHeight = ((rowHeight - 8) * count) / h.peak;
      const bar = svg('rect', {
        x: 110 + (i * width) / BINS,
        y: y0 + rowHeight - 4 - barHeight,
        width: width / BINS - 1,
        height: barHeight,
        class: `studio-hist-bar ${name}`,
      });
      const title = svg('title', {});
      title.textContent = t('studio:balance.bar', {
        n: count,
        count: outcome.seeds.length,
        from: (h.min + i * h.width).toFixed(1),
        to: (h.min + (i + 1) * h.width).toFixed(1),
      });
      bar.append(title);
      chart.append(bar);
    });
  });
  const axisY = names.length * rowHeight + 16;
  for (const [x, value] of [
    [110, h.min],
    [110 + width, h.min + h.width * BINS],
  ] as const) {
    const tick = svg('text', {
      x,
      y: axisY,
      'text-anchor': x === 110 ? 'start' : 'end',
      class: 'studio-hist-axis',
    });
    tick.textContent = value.toFixed(1);
    chart.append(tick);
  }
  const list = document.createElement('ul');
  list.className = 'studio-balance-stats small';
  for (const name of names) {
    const s = outcome.summaries[name]!;
    list.append(
      text(
        'li',
        t('studio:balance.stats', {
          play: playName(name),
          median: s.median.toFixed(1),
          p10: s.p10.toFixed(1),
          p90: s.p90.toFixed(1),
        }),
      ),
    );
  }
  for (const [other, rate] of Object.entries(outcome.expertWins)) {
    list.append(
      text('li', t('studio:balance.expertWins', { play: playName(other), percent: Math.round(rate * 100) })),
    );
  }
  box.append(
    chart,
    list,
    // i18n-ignore: 'small muted' is the paragraph's class names, not text
    text('p', t('studio:balance.seeds', { count: outcome.seeds.length }), 'small muted'),
  );
  return box;
}
