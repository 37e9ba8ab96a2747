/**
 * The service panel: what the selected service is doing, WHY (the engine's cause chain in words), its metrics,
 * what it depends on and what depends on it, orders in force on it, and the mitigations that can target it.
 */
import { t } from '../i18n';
import type { GameStore } from '../store';
import { countLabel, latencyLabel, percentLabel, rpsLabel } from '../store/format';
import {
  dependantsOf,
  dependenciesOf,
  explainCause,
  ordersInProgress,
  serviceIndex,
  targetAllowed,
} from '../store/selectors';
import { causeStepText } from './causeWords';
import { h, keyed, listen, setAttr, setHidden, setStatusIcon, setText, bindPanel } from './dom';
import { orderPhase } from './orderPhase';
import { statusWord } from './a11y/statusWords';

export interface ServicePanel {
  dispose(): void;
  focus(): void;
}

export function mountServicePanel(root: HTMLElement, game: GameStore, onPlan: () => void): ServicePanel {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const { scenario } = game.getState();

  const chooser = h('select', { id: 'service-select', 'aria-label': t('service:selected') });
  chooser.append(h('option', { value: '', text: t('service:choose') }));
  for (const s of scenario.services) chooser.append(h('option', { value: s.id, text: s.name }));
  listen(chooser, signal, 'change', () => game.getState().select(chooser.value || null));

  const title = h('h2', { id: 'service-title', text: t('service:title') });
  const empty = h('p', {
    class: 'muted',
    text: t('service:empty'),
  });
  const statusIcon = h('span');
  const statusText = h('span');
  const kind = h('span', { class: 'muted small' });
  const description = h('p', { class: 'small muted' });
  const why = h('ol', { class: 'why', 'aria-label': t('service:whyLabel') });
  const metrics = h('dl', { class: 'metrics' });
  const metricCells = new Map<string, HTMLElement>();
  for (const key of [
    'availability',
    'load',
    'capacity',
    'legit',
    'attack',
    'retry',
    'queue',
    'latency',
    'errors',
  ] as const) {
    const dd = h('dd', { 'data-metric': key });
    metricCells.set(key, dd);
    metrics.append(h('div', {}, h('dt', { text: t(`service:metric.${key}`) }), dd));
  }
  const depsList = h('ul', { class: 'link-list', 'aria-label': t('service:dependsOn') });
  const usersList = h('ul', { class: 'link-list', 'aria-label': t('service:usedBy') });
  const orders = h('ul', { class: 'orders', 'aria-label': t('service:ordersLabel') });
  const ordersNone = h('p', { class: 'muted small', text: t('service:none') });
  const options = h('ul', { class: 'link-list', 'aria-label': t('service:mitigations') });

  const body = h(
    'div',
    {},
    h('div', { class: 'service-status' }, statusIcon, statusText, kind),
    description,
    h('h3', { text: t('service:why') }),
    why,
    metrics,
    h('h3', { text: t('service:dependsOn') }),
    depsList,
    h('h3', { text: t('service:usedBy') }),
    usersList,
    h('h3', { text: t('service:ordersHere') }),
    orders,
    ordersNone,
    h('h3', { text: t('service:mitigations') }),
    options,
  );
  root.replaceChildren(h('div', { class: 'panel-head' }, title, chooser), empty, body);
  setAttr(root, 'aria-labelledby', 'service-title');

  const serviceButton = (index: number, extra: string) => {
    const b = h('button', { type: 'button', 'data-service': scenario.services[index]!.id });
    const icon = h('span');
    const label = h('span');
    b.append(icon, label);
    listen(b, signal, 'click', () => game.getState().select(scenario.services[index]!.id));
    return Object.assign(b, { _icon: icon, _label: label, _extra: extra });
  };

  // Mitigation buttons depend only on the selected service: rebuilt when the selection changes.
  const renderOptions = (s: number) => {
    const service = scenario.services[s]!;
    const items = scenario.mitigations.filter((m) => targetAllowed(m, service));
    options.replaceChildren(
      ...items.map((m) => {
        const b = h('button', {
          type: 'button',
          'data-mitigation': m.id,
          text: t('service:plan', { name: m.name }),
        });
        listen(b, signal, 'click', () => {
          game.getState().setPlan({ mitigation: m.id });
          game.getState().setDecisionTab('mitigations');
          onPlan();
        });
        return h('li', {}, b);
      }),
    );
  };

  let lastSelected: string | null | undefined;
  const render = () => {
    const g = game.getState();
    const s = serviceIndex(scenario, g.selected);
    if (chooser.value !== (g.selected ?? '')) chooser.value = g.selected ?? '';
    setHidden(empty, s >= 0);
    setHidden(body, s < 0);
    if (s < 0) {
      setText(title, t('service:title'));
      lastSelected = g.selected;
      return;
    }
    if (lastSelected !== g.selected) {
      renderOptions(s);
      lastSelected = g.selected;
    }
    const def = scenario.services[s]!;
    const st = g.sim.state.services[s]!;
    setText(title, def.name);
    setStatusIcon(statusIcon, st.status);
    setText(statusText, t(`service:status.${st.status}`));
    // The kind in words: the author's name for a kind of their own, else the built-in kind's (it showed the id).
    const kindName = def.kindName ?? t(`service:kindName.${def.kind}`);
    setText(kind, def.critical ? t('service:kindCritical', { kind: kindName }) : kindName);
    setText(description, def.description);

    const chain = explainCause(scenario, g.sim.state, s);
    keyed(
      why,
      chain,
      (c, i) => `${i}:${c.service}`,
      (c) => {
        const li = h('li');
        if (c.service !== s) {
          const b = h('button', { type: 'button', 'data-service': scenario.services[c.service]!.id });
          listen(b, signal, 'click', () => game.getState().select(scenario.services[c.service]!.id));
          li.append(b);
        }
        return li;
      },
      (li, c) =>
        setText(
          li.firstElementChild instanceof HTMLButtonElement ? li.firstElementChild : li,
          causeStepText(c, c.service === s ? undefined : scenario.services[c.service]!.name),
        ),
    );

    const cell = (k: string, v: string) => setText(metricCells.get(k)!, v);
    cell('availability', percentLabel(st.availability));
    cell('load', t('service:loadValue', { percent: percentLabel(st.utilisation) }));
    cell('capacity', rpsLabel(st.capacityRps));
    cell('legit', rpsLabel(st.legitRps));
    cell('attack', rpsLabel(st.attackRps));
    cell('retry', rpsLabel(st.retryRps));
    cell('queue', t('service:queueValue', { count: countLabel(st.queue) }));
    cell('latency', latencyLabel(st.latencyMs));
    cell('errors', percentLabel(st.errorRate));

    const linkRows = (list: HTMLElement, edges: { index: number; hard: boolean }[]) =>
      keyed(
        list,
        edges,
        (e) => String(e.index),
        (e) => h('li', {}, serviceButton(e.index, e.hard ? 'hard' : 'soft')),
        (li, e) => {
          const b = li.firstElementChild as ReturnType<typeof serviceButton>;
          const other = g.sim.state.services[e.index]!;
          setStatusIcon(b._icon, other.status);
          setText(
            b._label,
            t(e.hard ? 'service:linkHard' : 'service:linkSoft', {
              name: scenario.services[e.index]!.name,
              status: statusWord(other.status),
            }),
          );
        },
      );
    linkRows(
      depsList,
      dependenciesOf(scenario, s).map((d) => ({ index: d.to, hard: d.hard })),
    );
    linkRows(
      usersList,
      dependantsOf(scenario, s).map((d) => ({ index: d.from, hard: d.hard })),
    );

    const mine = ordersInProgress(scenario, g.sim.state).filter((o) => o.service === s);
    keyed(
      orders,
      mine,
      (o) => String(o.uid),
      () => h('li', {}, h('span', { class: 'what' }), h('span', { class: 'phase' })),
      (li, o) => {
        setText(
          li.children[0]!,
          o.target !== def.name ? t('service:orderOn', { name: o.name, target: o.target }) : o.name,
        );
        setText(li.children[1]!, orderPhase(g.sim.state, o.uid));
      },
    );
    setHidden(ordersNone, mine.length > 0);
  };

  const dispose = bindPanel(root, lifetime, render, (listener) => game.subscribe(listener));
  return {
    dispose,
    focus() {
      chooser.focus();
    },
  };
}
