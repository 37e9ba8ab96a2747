/**
 * The map's text alternative: a table of every service with its status (icon AND word), load, and why it is
 * in that state (the engine's cause chain, as in the service panel). It is always in the page for screen
 * readers (visually hidden) and T shows it over the map for anyone who prefers reading to looking; T again
 * hides it. Rows are keyed by service and only rewritten when the simulated tick changes, so a re-render is
 * cheap and a screen reader's place in the table survives it.
 */
import { t } from '../../i18n';
import { districtKeys, districtName, type GameStore } from '../../store';
import { percentLabel } from '../../store/format';
import { explainCause } from '../../store/selectors';
import { causeChainText } from '../causeWords';
import { bindPanel, h, keyed, setAttr, setStatusIcon, setText } from '../dom';
import { statusWord } from './statusWords';
import './a11y.css';

export interface MapTable {
  dispose(): void;
  /** Show the table over the map and focus it, or hide it again (the T shortcut). */
  toggle(): void;
}

interface RowCells {
  icon: HTMLElement;
  status: HTMLElement;
  load: HTMLElement;
  why: HTMLElement;
}

export function mountMapTable(map: HTMLElement, game: GameStore): MapTable {
  const lifetime = new AbortController();
  const { scenario } = game.getState();
  const body = h('tbody');
  const region = h(
    'section',
    {
      id: 'map-table-region',
      class: 'map-table visually-hidden',
      tabindex: '-1',
      'aria-labelledby': 'map-table-title',
    },
    h('h2', { id: 'map-table-title', text: t('map:table.title') }),
    h(
      'table',
      { id: 'map-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: t('map:table.service') }),
          h('th', { scope: 'col', text: t('city:districtColumn') }),
          h('th', { scope: 'col', text: t('map:table.status') }),
          h('th', { scope: 'col', text: t('map:table.load') }),
          h('th', { scope: 'col', text: t('map:table.why') }),
        ),
      ),
      body,
    ),
  );
  const holder = h('div', { class: 'map-table-holder' }, region);
  (map.querySelector('#map-canvas') ?? map).append(holder);

  const cells = new Map<number, RowCells>();
  const indices = scenario.services.map((_, i) => i);
  const districts = districtKeys(scenario).map(districtName);
  let lastTick = -1;
  const render = () => {
    const state = game.getState().sim.state;
    if (state.tick === lastTick) return;
    lastTick = state.tick;
    keyed(
      body,
      indices,
      (i) => String(i),
      (i) => {
        const def = scenario.services[i]!;
        const row: RowCells = {
          icon: h('span', { class: 'map-table-icon' }),
          status: h('span'),
          load: h('td', { 'data-col': 'load' }),
          why: h('td', { 'data-col': 'why' }),
        };
        cells.set(i, row);
        return h(
          'tr',
          { 'data-index': i, 'data-service': def.id },
          h('th', {
            scope: 'row',
            text: def.critical ? t('map:table.critical', { name: def.name }) : def.name,
          }),
          h('td', { 'data-col': 'district', text: districts[i] }),
          h('td', { 'data-col': 'status' }, row.icon, row.status),
          row.load,
          row.why,
        );
      },
      (tr, i) => {
        const st = state.services[i]!;
        const row = cells.get(i)!;
        setAttr(tr, 'data-status', st.status);
        setStatusIcon(row.icon, st.status);
        setText(row.status, statusWord(st.status));
        setText(row.load, percentLabel(st.utilisation));
        setText(
          row.why,
          st.cause === 'ok'
            ? t('map:table.ok')
            : causeChainText(explainCause(scenario, state, i, 3), (x) => scenario.services[x]!.name),
        );
      },
    );
  };
  const dispose = bindPanel(holder, lifetime, render, (listener) => game.subscribe(listener));

  return {
    dispose() {
      dispose();
      holder.remove();
    },
    toggle() {
      const shown = region.classList.toggle('visually-hidden') === false;
      holder.classList.toggle('shown', shown);
      if (shown) region.focus();
      else document.getElementById('pause')?.focus();
    },
  };
}
