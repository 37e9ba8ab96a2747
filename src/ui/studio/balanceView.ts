/**
 * The quick balance's result: one histogram per play (do-nothing, expert, panic) on a shared score axis, the
 * median and p10–p90 of each, and how often the expert play beat the others on the same seed. The numbers come
 * from the studio worker, which runs the balance runner's own plays (src/balance).
 */
import { histogram } from '../../studio/histogram';
import type { BalanceOutcome } from '../../studio/quickBalance';

const SVG = 'http://www.w3.org/2000/svg';
const BINS = 20;
const LABELS: Record<string, string> = {
  'do-nothing': 'Nobody acts',
  textbook: 'Expert play',
  panic: 'Panic',
};

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
    'aria-label': 'Score histograms of the three plays',
    class: 'studio-histogram',
  });
  names.forEach((name, row) => {
    const y0 = row * rowHeight;
    const label = svg('text', { x: 0, y: y0 + rowHeight / 2 + 4, class: 'studio-hist-label' });
    label.textContent = LABELS[name] ?? name;
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
      title.textContent = `${count} of ${outcome.seeds.length} seeds scored ${(h.min + i * h.width).toFixed(1)}–${(h.min + (i + 1) * h.width).toFixed(1)}`;
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
        `${LABELS[name] ?? name}: median ${s.median.toFixed(1)}, p10–p90 ${s.p10.toFixed(1)}–${s.p90.toFixed(1)}`,
      ),
    );
  }
  for (const [other, rate] of Object.entries(outcome.expertWins)) {
    list.append(
      text(
        'li',
        `The expert play beat “${LABELS[other] ?? other}” on ${Math.round(rate * 100)} % of the seeds.`,
      ),
    );
  }
  box.append(
    chart,
    list,
    text(
      'p',
      `${outcome.seeds.length} seeds (1–${outcome.seeds.length}). For the full checks: npm run balance -- FILE --check.`,
      'small muted',
    ),
  );
  return box;
}
