/**
 * Workarounds: ways round the outage the commander can announce (USSD instead of the app, station counters…).
 * Each card shows where it moves demand from and to — with the load of the service it moves onto, since a
 * workaround can overload it — its cost, whether it is in place, and how many of the customers it is for have
 * heard of it and use it. Announce (on a chosen channel; the engine says it in English and Kiswahili) or
 * withdraw. The engine decides; its answer is shown on the card.
 */
import {
  languageIds,
  currencyOf,
  segmentReach,
  workaroundApplies,
  type Currency,
  type WorkaroundDef,
} from '../engine';
import { t } from '../i18n';
import type { GameStore } from '../store';
import {
  countdownLabel,
  durationLabel,
  elapsedLabel,
  kesLabel,
  moneyLabel,
  percentLabel,
} from '../store/format';
import { h, listen, setAttr, setHidden, setText, bindPanel } from './dom';
import { rejectionText } from './rejectionText';

/** Above this share of its capacity the service a workaround moves people onto is flagged as at risk. */
const STRAINED_AT = 0.9;

export interface WorkaroundsTab {
  dispose(): void;
  focus(): void;
}

function costWords(def: WorkaroundDef, currency: Currency): string {
  const once = def.costKES > 0 ? kesLabel(def.costKES, currency) : t('workarounds:free');
  return def.costPerHourKES > 0
    ? t('workarounds:costThen', { cost: once, hourly: kesLabel(def.costPerHourKES, currency) })
    : once;
}

export function mountWorkaroundsTab(root: HTMLElement, game: GameStore): WorkaroundsTab {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const { scenario } = game.getState();
  const money = (amount: number) => moneyLabel(amount, scenario);
  const people = scenario.people;
  // Who each workaround is for never changes during a drill: the engine's own rule, computed once.
  const appliesTo = people.workarounds.map((_, w) =>
    scenario.segments.map((_, g) => g).filter((g) => workaroundApplies(scenario, w, g)),
  );

  const list = h('ul', { class: 'workaround-list', 'aria-label': t('workarounds:list') });
  const intro = h('p', {
    class: 'muted small',
    text: t('workarounds:intro'),
  });
  const none = h('p', { class: 'muted', text: t('workarounds:none') });
  root.replaceChildren(intro, list, none);
  setHidden(none, people.workarounds.length > 0);

  const cards = people.workarounds.map((def, w) => {
    const titleId = `wk-title-${def.id}`;
    const dd = (key: string) => h('dd', { 'data-fact': key });
    const facts = {
      moves: dd('moves'),
      cost: dd('cost'),
      state: dd('state'),
      heard: dd('heard'),
      using: dd('using'),
    };
    const channel = h('select', { id: `wk-channel-${def.id}` });
    for (const c of people.channels) channel.append(h('option', { value: c.id, text: c.name }));
    channel.value = people.channels[def.channel]?.id ?? people.channels[0]?.id ?? '';
    const announce = h('button', {
      type: 'button',
      class: 'primary',
      'data-action': 'announce',
      text: t('workarounds:announce'),
    });
    const withdraw = h('button', {
      type: 'button',
      'data-action': 'withdraw',
      text: t('workarounds:withdraw'),
    });
    setAttr(announce, 'aria-describedby', `wk-plan-${def.id}`);
    const plan = h('p', { class: 'small', id: `wk-plan-${def.id}` });
    const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
    const segments = appliesTo[w]!.map((g) => scenario.segments[g]!.name);
    const card = h(
      'li',
      { class: 'workaround', 'data-workaround': def.id, 'aria-labelledby': titleId },
      h('h3', { id: titleId, text: def.name }),
      h('p', { class: 'small muted', text: def.description }),
      h(
        'dl',
        {},
        h('dt', { text: t('workarounds:moves') }),
        facts.moves,
        h('dt', { text: t('workarounds:for') }),
        h('dd', {
          text: segments.length > 0 ? segments.join(', ') : t('workarounds:forNobody'),
        }),
        h('dt', { text: t('workarounds:cost') }),
        facts.cost,
        h('dt', { text: t('workarounds:state') }),
        facts.state,
        h('dt', { text: t('workarounds:heard') }),
        facts.heard,
        h('dt', { text: t('workarounds:using') }),
        facts.using,
      ),
      h(
        'div',
        { class: 'actions' },
        h('label', { class: 'field' }, h('span', { text: t('workarounds:announceOn') }), channel),
        announce,
        withdraw,
      ),
      plan,
      result,
    );
    setText(facts.cost, costWords(def, currencyOf(scenario)));
    list.append(card);

    const say = (ok: boolean, text: string) => {
      setAttr(result, 'data-ok', ok ? 'true' : 'false');
      setText(result, text);
    };
    listen(announce, signal, 'click', () => {
      const answer = game.getState().issue({
        type: 'workaround',
        workaround: def.id,
        action: 'announce',
        channel: channel.value,
      });
      const c = people.channels.find((x) => x.id === channel.value);
      if (answer.ok)
        say(
          true,
          t('workarounds:announced', {
            channel: c?.name ?? channel.value,
            time: durationLabel(c?.delayTicks ?? 0),
          }),
        );
      else say(false, t('workarounds:turnedDown', { message: rejectionText(answer) }));
    });
    listen(withdraw, signal, 'click', () => {
      const answer = game.getState().issue({ type: 'workaround', workaround: def.id, action: 'withdraw' });
      if (answer.ok) {
        say(true, t('workarounds:withdrawn', { name: def.name }));
        // The Withdraw button is about to be disabled: keep the keyboard focus on this card.
        announce.focus();
      } else say(false, t('workarounds:turnedDown', { message: rejectionText(answer) }));
    });
    listen(channel, signal, 'change', () => render());
    return { def, w, facts, channel, announce, withdraw, plan };
  });

  function render(): void {
    const st = game.getState().sim.state;
    for (const c of cards) {
      const { def, w, facts } = c;
      const ws = st.people.workarounds[w]!;
      const to = scenario.services[def.to]!;
      const load = st.services[def.to]!.utilisation;
      const strained = load >= STRAINED_AT;
      setText(
        facts.moves,
        t(strained ? 'workarounds:movesToStrained' : 'workarounds:movesTo', {
          from: scenario.services[def.from]!.name,
          to: to.name,
          load: percentLabel(load),
        }),
      );
      setAttr(facts.moves, 'data-warn', strained ? 'true' : 'false');

      // Mean over the customers it is for (weighted by segment size).
      let size = 0;
      let heard = 0;
      let using = 0;
      for (const g of appliesTo[w]!) {
        const n = scenario.segments[g]!.size;
        size += n;
        heard += ws.awareness[g]! * n;
        using += ws.uptake[g]! * n;
      }
      setText(facts.heard, percentLabel(size > 0 ? heard / size : 0));
      setText(facts.using, percentLabel(size > 0 ? using / size : 0));

      // Statements carrying it that have not reached people yet.
      let landsTick = -1;
      for (const s of st.people.statements) {
        if (!s.landed && s.blocks.some((b) => b.kind === 'workaround' && b.workaround === def.id))
          landsTick = landsTick < 0 ? s.landsTick : Math.min(landsTick, s.landsTick);
      }
      const phase = ws.enabled ? 'announced' : ws.announcedTick >= 0 ? 'withdrawn' : 'not-announced';
      const words =
        phase === 'announced'
          ? landsTick >= 0
            ? t('workarounds:phase.announcedLanding', {
                time: elapsedLabel(ws.announcedTick),
                countdown: countdownLabel(landsTick - st.tick),
              })
            : t('workarounds:phase.announced', { time: elapsedLabel(ws.announcedTick) })
          : phase === 'withdrawn'
            ? t('workarounds:phase.withdrawn')
            : t('workarounds:phase.notAnnounced');
      setText(facts.state, words);
      setAttr(c.announce.closest('li')!, 'data-state', phase);
      setText(c.announce, ws.enabled ? t('workarounds:announceAgain') : t('workarounds:announce'));
      if (c.withdraw.disabled === ws.enabled) c.withdraw.disabled = !ws.enabled;

      // Before you commit: what announcing on the chosen channel costs and whom it reaches.
      const ch = people.channels.findIndex((x) => x.id === c.channel.value);
      if (ch >= 0) {
        const channel = people.channels[ch]!;
        let reached = 0;
        for (const g of appliesTo[w]!)
          reached += segmentReach(scenario, ch, languageIds(scenario), g) * scenario.segments[g]!.size;
        const price = channel.costKES + (ws.enabled ? 0 : def.costKES);
        setText(
          c.plan,
          t(price > 0 ? 'workarounds:plan' : 'workarounds:planFree', {
            channel: channel.name,
            cost: money(price),
            reach: percentLabel(size > 0 ? reached / size : 0),
            time: durationLabel(channel.delayTicks),
          }),
        );
      }
    }
  }

  const dispose = bindPanel(root, lifetime, render, (listener) => game.subscribe((s) => s.sim, listener));
  return {
    dispose,
    focus() {
      cards[0]?.channel.focus();
    },
  };
}
