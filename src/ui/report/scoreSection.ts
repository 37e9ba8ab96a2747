/**
 * The score breakdown: each component's value, weight and points, the engine's explanation, and what moved
 * it — the decisions and events from this run (report.movers), newest last, the first few shown and the rest
 * behind "more".
 */
import type { ReportModel } from '../../run';
import { h } from '../dom';

/** Movers shown before "more" (a four-hour drill can list dozens of trust events). */
export const MOVERS_SHOWN = 5;

function moversCell(explanation: string, movers: readonly string[]): HTMLElement {
  const cell = h('td', { class: 'small' }, h('span', { text: explanation }));
  if (movers.length === 0) return cell;
  const first = movers.slice(0, MOVERS_SHOWN);
  const rest = movers.slice(MOVERS_SHOWN);
  cell.append(
    h('ul', { class: 'movers', 'aria-label': 'Moved by' }, ...first.map((m) => h('li', { text: m }))),
  );
  if (rest.length > 0)
    cell.append(
      h(
        'details',
        { class: 'movers-more' },
        h('summary', { text: `${rest.length} more` }),
        h('ul', { class: 'movers' }, ...rest.map((m) => h('li', { text: m }))),
      ),
    );
  return cell;
}

export function scoreTable(report: ReportModel): HTMLTableElement {
  const rows = report.score.components.map((c) =>
    h(
      'tr',
      { 'data-component': c.id },
      h('th', { scope: 'row', text: c.label }),
      h('td', { class: 'num', text: c.value.toFixed(0) }),
      h('td', { class: 'num', text: `×${c.weight}` }),
      h('td', { class: 'num', text: c.points.toFixed(1) }),
      moversCell(c.explanation, report.movers[c.id] ?? []),
    ),
  );
  return h(
    'table',
    { class: 'score-table', id: 'score-breakdown' },
    h('caption', {
      class: 'score-caption',
      text: 'Each part is the share of the harm you avoided, against the same incident left unattended (same seed, nobody acting).',
    }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { text: 'Component' }),
        h('th', { class: 'num', text: 'Value' }),
        h('th', { class: 'num', text: 'Weight' }),
        h('th', { class: 'num', text: 'Points' }),
        h('th', { text: 'What moved it' }),
      ),
    ),
    h('tbody', {}, ...rows),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: 'Total' }),
        h('td'),
        h('td'),
        h('td', { class: 'num', id: 'score-total-cell', text: report.score.total.toFixed(1) }),
        h('td'),
      ),
    ),
  );
}
