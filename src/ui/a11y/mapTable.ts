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
import type { ServiceStatus } from '../../engine';
import './a11y.css';

/**
 * A city with more services than this re-words its table at most every HIDDEN_EVERY_MS of real time while the
 * table is hidden (read by screen readers only): rewriting a thousand rows every frame at 8× took half of each
 * frame (measured: 17 fps with it, 33 fps without, on the 1,000-service benchmark city). Shown (T), and on
 * every shipped scenario, it follows every tick. The last tick is always written (a timer catches up).
 */
const THROTTLE_ABOVE = 200;
const HIDDEN_EVERY_MS = 250;

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
  const throttled = scenario.services.length > THROTTLE_ABOVE;
  let lastAt = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const render = () => {
    const state = game.getState().sim.state;
    if (state.tick === lastTick) return;
    if (throttled && region.classList.contains('visually-hidden')) {
      const wait = lastAt + HIDDEN_EVERY_MS - performance.now();
      if (wait > 0) {
        pending ??= setTimeout(() => {
          pending = undefined;
          if (!lifetime.signal.aborted) render();
        }, wait);
        return;
      }
    }
    lastAt = performance.now();
    lastTick = state.tick;
    // Worded once a render, not once a row: a thousand-service city re-renders its table every frame at 8×.
    const words = new Map<ServiceStatus, string>();
    const wordOf = (status: ServiceStatus): string => {
      let word = words.get(status);
      if (word === undefined) words.set(status, (word = statusWord(status)));
      return word;
    };
    const ok = t('map:table.ok');
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
        setText(row.status, wordOf(st.status));
        setText(row.load, percentLabel(st.utilisation));
        setText(
          row.why,
          st.cause === 'ok'
            ? ok
            : causeChainText(explainCause(scenario, state, i, 3), (x) => scenario.services[x]!.name),
        );
      },
    );
  };
  const dispose = bindPanel(holder, lifetime, render, (listener) => game.subscribe(listener));

  return {
    dispose() {
      clearTimeout(pending);
      dispose();
      holder.remove();
    },
    toggle() {
      const shown = region.classList.toggle('visually-hidden') === false;
      holder.classList.toggle('shown', shown);
      if (shown) render();
      if (shown) region.focus();
      else document.getElementById('pause')?.focus();
    },
  };
}
