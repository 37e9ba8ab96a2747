/**
 * The score breakdown: each component's value, weight and points, the engine's explanation (in the interface
 * language: ./scoreWhyText.ts), and what moved
 * it — the decisions and events from this run (report.movers), newest last, the first few shown and the rest
 * behind "more".
 */
import { t } from '../../i18n';
import type { ReportModel } from '../../run';
import { h } from '../dom';
import { scoreLabelText, scoreWhyText } from './scoreWhyText';

/** Movers shown before "more" (a four-hour drill can list dozens of trust events). */
export const MOVERS_SHOWN = 5;

function moversCell(explanation: string, movers: readonly string[]): HTMLElement {
  const cell = h('td', { class: 'small' }, h('span', { text: explanation }));
  if (movers.length === 0) return cell;
  const first = movers.slice(0, MOVERS_SHOWN);
  const rest = movers.slice(MOVERS_SHOWN);
  cell.append(
    h(
      'ul',
      { class: 'movers', 'aria-label': t('debrief:movedBy') },
      ...first.map((m) => h('li', { text: m })),
    ),
  );
  if (rest.length > 0)
    cell.append(
      h(
        'details',
        { class: 'movers-more' },
        h('summary', { text: t('debrief:moreMovers', { count: rest.length }) }),
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
      h('th', { scope: 'row', text: scoreLabelText(c.id) }),
      h('td', { class: 'num', text: c.value.toFixed(0) }),
      h('td', { class: 'num', text: `×${c.weight}` }),
      h('td', { class: 'num', text: c.points.toFixed(1) }),
      moversCell(scoreWhyText(c.why, report.score.currency), report.movers[c.id] ?? []),
    ),
  );
  return h(
    'table',
    { class: 'score-table', id: 'score-breakdown' },
    h('caption', {
      class: 'score-caption',
      text: t('debrief:scoreCaption'),
    }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { text: t('debrief:scoreColumns.component') }),
        h('th', { class: 'num', text: t('debrief:scoreColumns.value') }),
        h('th', { class: 'num', text: t('debrief:scoreColumns.weight') }),
        h('th', { class: 'num', text: t('debrief:scoreColumns.points') }),
        h('th', { text: t('debrief:scoreColumns.movedBy') }),
      ),
    ),
    h('tbody', {}, ...rows),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: t('debrief:scoreColumns.total') }),
        h('td'),
        h('td'),
        h('td', { class: 'num', id: 'score-total-cell', text: report.score.total.toFixed(1) }),
        h('td'),
      ),
    ),
  );
}
