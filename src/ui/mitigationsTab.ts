/**
 * Mitigations: pick a target (the selected service) and a mitigation; see its delay, cost, duration and side
 * effect before committing; choose a region (geo-block) or a dependency (isolate); order it; follow what is in
 * progress, with time remaining, and lift it. The engine decides whether an order is accepted; its answer
 * (and any rejection) is shown in words.
 */
import type { Currency, MitigationDef } from '../engine';
import { currencyOf } from '../engine';
import { t } from '../i18n';
import type { GameStore } from '../store';
import { durationLabel, kesLabel, moneyLabel } from '../store/format';
import { dependenciesOf, ordersInProgress, serviceIndex, targetAllowed } from '../store/selectors';
import { h, keyed, listen, setAttr, setHidden, setText, bindPanel } from './dom';
import { orderPhase } from './orderPhase';
import { rejectionText } from './rejectionText';

export interface MitigationsTab {
  dispose(): void;
  focus(): void;
  /** The commit bar (region or link to cut, the Order button, the engine's answer): the decision panel keeps it
   * in sight below the scrolling choices, so ordering never needs a scroll. */
  actions: HTMLElement;
}

function costLabel(def: MitigationDef, currency: Currency): string {
  const cost = def.costKES > 0 ? kesLabel(def.costKES, currency) : t('mitigations:free');
  if (def.costPerHourKES <= 0) return cost;
  return t('mitigations:costHourly', { cost, hourly: kesLabel(def.costPerHourKES, currency) });
}

function facts(def: MitigationDef, currency: Currency): string {
  return t('mitigations:facts', { delay: durationLabel(def.delayTicks), cost: costLabel(def, currency) });
}

export function mountMitigationsTab(root: HTMLElement, game: GameStore): MitigationsTab {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const { scenario } = game.getState();
  const money = (amount: number) => moneyLabel(amount, scenario);

  const target = h('select', { id: 'target-select' });
  target.append(h('option', { value: '', text: t('mitigations:choose') }));
  for (const s of scenario.services) target.append(h('option', { value: s.id, text: s.name }));
  listen(target, signal, 'change', () => game.getState().select(target.value || null));

  const list = h('fieldset', { class: 'mitigation-list' }, h('legend', { text: t('mitigations:legend') }));
  const radios = scenario.mitigations.map((def) => {
    const input = h('input', { type: 'radio', name: 'mitigation', value: def.id, id: `mit-${def.id}` });
    listen(input, signal, 'change', () => {
      if (input.checked) game.getState().setPlan({ mitigation: def.id });
    });
    const why = h('span', { class: 'visually-hidden' });
    const label = h(
      'label',
      { class: 'mitigation-option', for: `mit-${def.id}`, 'data-mitigation': def.id },
      input,
      h(
        'span',
        { class: 'name' },
        def.name,
        h('span', { class: 'facts', text: facts(def, currencyOf(scenario)) }),
        why,
      ),
    );
    list.append(label);
    return { def, input, label, why };
  });

  // What the chosen mitigation will do, shown before committing.
  const planTitle = h('h3', { text: '' });
  const planDescription = h('p', { class: 'small' });
  const dd = (key: string) => h('dd', { 'data-fact': key });
  const planFacts = { delay: dd('delay'), cost: dd('cost'), lasts: dd('lasts'), side: dd('side') };
  planFacts.side.classList.add('side-effect');
  const region = h('select', { id: 'region-select' });
  for (const r of scenario.regions) region.append(h('option', { value: r, text: r }));
  listen(region, signal, 'change', () => game.getState().setPlan({ region: region.value }));
  const regionField = h(
    'label',
    { class: 'field' },
    h('span', { text: t('mitigations:regionToBlock') }),
    region,
  );
  const dependsOn = h('select', { id: 'depends-select' });
  listen(dependsOn, signal, 'change', () => game.getState().setPlan({ dependsOn: dependsOn.value }));
  const dependsField = h(
    'label',
    { class: 'field' },
    h('span', { text: t('mitigations:cutLinkTo') }),
    dependsOn,
  );
  const order = h('button', {
    type: 'button',
    class: 'primary',
    id: 'order-button',
    text: t('mitigations:order'),
  });
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const plan = h(
    'div',
    { class: 'plan', 'aria-label': t('mitigations:beforeCommit') },
    planTitle,
    planDescription,
    h(
      'dl',
      {},
      h('dt', { text: t('mitigations:takesEffect') }),
      planFacts.delay,
      h('dt', { text: t('mitigations:cost') }),
      planFacts.cost,
      h('dt', { text: t('mitigations:lasts') }),
      planFacts.lasts,
      h('dt', { text: t('mitigations:sideEffect') }),
      planFacts.side,
    ),
  );
  const commitFacts = h('p', { class: 'commit-facts small', id: 'commit-facts' });
  const actions = h(
    'div',
    { class: 'commit-bar', id: 'mitigation-commit', 'aria-label': t('mitigations:order') },
    commitFacts,
    regionField,
    dependsField,
    order,
    result,
  );

  const progress = h('ul', { class: 'orders', 'aria-label': t('mitigations:inProgress') });
  const progressNone = h('p', { class: 'muted small', text: t('mitigations:nothingOrdered') });

  // What is already ordered comes before the choices, so from the chosen mitigation Tab goes straight to the
  // Order button (in the commit bar below the panel).
  root.replaceChildren(
    h('label', { class: 'field' }, h('span', { text: t('mitigations:target') }), target),
    h('h3', { text: t('mitigations:inProgress') }),
    progress,
    progressNone,
    list,
    plan,
  );

  listen(order, signal, 'click', () => {
    const s = game.getState();
    const def = scenario.mitigations.find((m) => m.id === s.plan.mitigation);
    if (!def || !s.selected) return;
    const cmd = {
      type: 'mitigate' as const,
      mitigation: def.id,
      target: s.selected,
      ...(def.kind === 'geo-block' ? { region: region.value } : {}),
      ...(def.kind === 'isolate' ? { dependsOn: dependsOn.value } : {}),
    };
    const answer = s.issue(cmd);
    // The order in words, as the debrief words it (src/run/words.ts `commandInWords`; English the same).
    const cutFrom = cmd.dependsOn ? scenario.services.find((x) => x.id === cmd.dependsOn) : undefined;
    const words = t('mitigations:ordered', {
      mitigation: def.name,
      service: scenario.services.find((x) => x.id === cmd.target)?.name ?? cmd.target,
      region: cmd.region ? t('mitigations:orderedRegion', { region: cmd.region }) : '',
      cutFrom: cmd.dependsOn
        ? t('mitigations:orderedCutFrom', { service: cutFrom?.name ?? cmd.dependsOn })
        : '',
    });
    setAttr(result, 'data-ok', answer.ok ? 'true' : 'false');
    setText(
      result,
      answer.ok
        ? t('mitigations:accepted', { words, time: durationLabel(def.delayTicks) })
        : t('mitigations:turnedDown', { message: rejectionText(answer) }),
    );
  });

  let lastTarget: string | null | undefined;
  const render = () => {
    const g = game.getState();
    const s = serviceIndex(scenario, g.selected);
    const service = s >= 0 ? scenario.services[s]! : null;
    if (target.value !== (g.selected ?? '')) target.value = g.selected ?? '';

    for (const r of radios) {
      const allowed = !service || targetAllowed(r.def, service);
      if (r.input.disabled === allowed) r.input.disabled = !allowed;
      r.label.classList.toggle('disabled', !allowed);
      setText(r.why, allowed ? '' : t('mitigations:onlyFor', { kinds: r.def.targetKinds.join(', ') }));
      const checked = g.plan.mitigation === r.def.id;
      if (r.input.checked !== checked) r.input.checked = checked;
    }

    const def = scenario.mitigations.find((m) => m.id === g.plan.mitigation) ?? null;
    setHidden(plan, def === null);
    if (def) {
      setText(planTitle, def.name);
      setText(planDescription, def.description);
      setText(planFacts.delay, t('mitigations:after', { time: durationLabel(def.delayTicks) }));
      const once = def.costKES > 0 ? money(def.costKES) : t('mitigations:free');
      setText(
        planFacts.cost,
        def.costPerHourKES > 0
          ? t('mitigations:costThen', { cost: once, hourly: money(def.costPerHourKES) })
          : once,
      );
      setText(
        planFacts.lasts,
        def.instant
          ? t('mitigations:once')
          : def.durationTicks > 0
            ? durationLabel(def.durationTicks)
            : t('mitigations:untilLifted'),
      );
      setText(planFacts.side, def.sideEffect);
    }
    // In the commit bar, which stays visible: only the fields the chosen mitigation needs, and its key facts.
    setHidden(regionField, def?.kind !== 'geo-block');
    setHidden(dependsField, def?.kind !== 'isolate');
    setText(
      commitFacts,
      def
        ? t('mitigations:commitFacts', {
            time: durationLabel(def.delayTicks),
            cost: costLabel(def, currencyOf(scenario)),
          })
        : '',
    );
    setHidden(commitFacts, def === null);
    if (lastTarget !== g.selected) {
      lastTarget = g.selected;
      const deps = s >= 0 ? dependenciesOf(scenario, s) : [];
      dependsOn.replaceChildren(
        ...deps.map((d) =>
          h('option', { value: scenario.services[d.to]!.id, text: scenario.services[d.to]!.name }),
        ),
      );
    }
    const allowed = def !== null && service !== null && targetAllowed(def, service);
    order.disabled = !allowed;
    setText(
      order,
      def && service
        ? t('mitigations:orderOn', { mitigation: def.name, service: service.name })
        : t('mitigations:orderChoose'),
    );

    const items = ordersInProgress(scenario, g.sim.state);
    keyed(
      progress,
      items,
      (o) => String(o.uid),
      (o) => {
        const lift = h('button', { type: 'button', 'data-lift': o.uid, text: t('mitigations:lift') });
        listen(lift, signal, 'click', () => {
          const answer = game.getState().issue({ type: 'lift', uid: o.uid });
          setAttr(result, 'data-ok', answer.ok ? 'true' : 'false');
          setText(
            result,
            answer.ok
              ? t('mitigations:lifted', { name: o.name, target: o.target })
              : t('mitigations:turnedDown', { message: rejectionText(answer) }),
          );
        });
        return h('li', {}, h('span', { class: 'what' }), h('span', { class: 'phase' }), lift);
      },
      (li, o) => {
        const names = { name: o.name, target: o.target };
        setText(li.children[0]!, t(o.stale ? 'mitigations:orderRowStale' : 'mitigations:orderRow', names));
        setText(li.children[1]!, orderPhase(game.getState().sim.state, o.uid));
        setAttr(li.children[2]!, 'aria-label', t('mitigations:liftLabel', names));
      },
    );
    setHidden(progressNone, items.length > 0);
  };

  const dispose = bindPanel(root, lifetime, render, (listener) => game.subscribe(listener));
  return {
    dispose,
    actions,
    focus() {
      // Arrow keys move the choice within a radio group; focusing it checks the first choice so the keys have
      // something to move from (Space, which would check it, pauses the clock).
      let chosen = radios.find((r) => r.input.checked && !r.input.disabled);
      if (!chosen) {
        chosen = radios.find((r) => !r.input.disabled);
        if (chosen) game.getState().setPlan({ mitigation: chosen.def.id });
      }
      (chosen?.input ?? target).focus();
    },
  };
}
