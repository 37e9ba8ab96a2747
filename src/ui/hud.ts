/**
 * The HUD: simulated clock, pause, speeds, budget, score, trust and rumour level, help. Reads the store through
 * selectors; writes only through its actions.
 */
import { t } from '../i18n';
import { SPEEDS, type GameStore } from '../store';
import { elapsedLabel, moneyLabel, percentLabel, wallClockLabel } from '../store/format';
import { publicTrust, rumourLevel } from '../store/selectors';
import { h, listen, setAttr, setPlayIcon, setText } from './dom';
import './hudLanguage.css';

export function mountHud(root: HTMLElement, game: GameStore, rateScale: number): () => void {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const { scenario } = game.getState();
  const wall = h('span', { class: 'wall', 'aria-label': t('hud:simulatedTime') });
  const elapsed = h('span', { class: 'elapsed' });
  // Icons are drawn (SVG), not font glyphs: ⏸ is missing from many system fonts.
  const pauseIcon = h('span', { class: 'icon' });
  const pauseLabel = h('span');
  const pause = h(
    'button',
    { type: 'button', id: 'pause', class: 'icon-button', 'aria-keyshortcuts': 'Space' },
    pauseIcon,
    pauseLabel,
  );
  listen(pause, signal, 'click', () => game.getState().togglePause());
  const speedButtons = SPEEDS.map((speed, i) => {
    const b = h('button', {
      type: 'button',
      'data-speed': speed,
      'aria-keyshortcuts': String(i + 1),
      text: t('hud:speedButton', { speed }),
    });
    listen(b, signal, 'click', () => game.getState().setSpeed(speed));
    return b;
  });
  const stat = (label: string, id: string, title?: string) => {
    const out = h('output', { id, 'aria-live': 'off' });
    const attrs = title ? { class: 'hud-stat', title } : { class: 'hud-stat' };
    return { box: h('div', attrs, h('span', { class: 'label', text: label }), out), out };
  };
  const budget = stat(t('hud:budget'), 'hud-budget');
  const score = stat(t('hud:score'), 'hud-score');
  // Not the trust the feed quotes: a post's "their trust is 9" is that customer group's own trust (the engine's
  // segments), which can sit far below the public's as a whole (stakeholder 0, what the score counts).
  const trust = stat(t('hud:publicTrust'), 'hud-trust', t('hud:publicTrustHelp'));
  const rumours = stat(t('hud:rumours'), 'hud-rumours');
  const state = h('div', { class: 'hud-state', role: 'status', id: 'hud-state' });
  const help = h('button', {
    type: 'button',
    id: 'help-button',
    'aria-label': t('hud:helpLabel'),
    title: t('hud:helpTitle'),
    'aria-keyshortcuts': 'Shift+?',
    text: '?',
  });
  listen(help, signal, 'click', () => game.getState().setHelp(true));
  // Ending early takes two clicks (no browser dialog): the first arms it for a few seconds.
  const end = h('button', { type: 'button', id: 'end-drill', text: t('hud:endDrill') });
  let armed: ReturnType<typeof setTimeout> | undefined;
  const disarm = () => {
    clearTimeout(armed);
    armed = undefined;
    setText(end, t('hud:endDrill'));
  };
  listen(end, signal, 'click', () => {
    if (armed === undefined) {
      setText(end, t('hud:endConfirm'));
      armed = setTimeout(disarm, 4000);
      return;
    }
    disarm();
    game.getState().stop();
  });

  root.replaceChildren(
    h('div', { class: 'hud-title', title: scenario.meta.title, text: scenario.meta.title }),
    h('div', { class: 'hud-clock' }, wall, elapsed),
    pause,
    h('div', { class: 'hud-speeds', role: 'group', 'aria-label': t('hud:speed') }, ...speedButtons),
    budget.box,
    score.box,
    trust.box,
    rumours.box,
    state,
    end,
    help,
  );

  const render = () => {
    const s = game.getState();
    const st = s.sim.state;
    setText(wall, wallClockLabel(scenario.startLabel, st.tick));
    setText(
      elapsed,
      t('hud:elapsedOf', {
        elapsed: elapsedLabel(st.tick),
        total: elapsedLabel(scenario.durationTicks).slice(2),
      }),
    );
    setText(pauseLabel, s.paused ? t('hud:run') : t('hud:pause'));
    setPlayIcon(pauseIcon, s.paused ? 'run' : 'pause');
    setAttr(pause, 'aria-pressed', s.paused ? 'true' : 'false');
    setAttr(pause, 'aria-label', s.paused ? t('hud:runClock') : t('hud:pauseClock'));
    speedButtons.forEach((b, i) => setAttr(b, 'aria-pressed', SPEEDS[i] === s.speed ? 'true' : 'false'));
    setText(budget.out, moneyLabel(st.budgetKES, scenario));
    setText(score.out, st.metrics.score.toFixed(1));
    const trustNow = publicTrust(st);
    setText(trust.out, trustNow === undefined ? '—' : t('hud:trustValue', { trust: Math.round(trustNow) }));
    const r = rumourLevel(scenario, st);
    setText(rumours.out, r === undefined ? '—' : percentLabel(r));
    let text: string;
    let key: string;
    if (s.ended) [text, key] = [t('hud:state.ended'), 'ended'];
    else if (s.waitingForAnswer) [text, key] = [t('hud:state.decision'), 'waiting'];
    else if (s.step) [text, key] = [t('hud:state.step'), 'waiting'];
    else if (s.paused) [text, key] = [t('hud:state.paused'), 'paused'];
    else if (rateScale !== 1)
      [text, key] = [t('hud:state.runningTest', { speed: s.speed, scale: rateScale }), 'running'];
    else [text, key] = [t('hud:state.running', { speed: s.speed }), 'running'];
    setText(state, text);
    setAttr(state, 'data-state', key);
  };
  render();
  const unsubscribe = game.subscribe(render);
  return () => {
    lifetime.abort();
    clearTimeout(armed);
    unsubscribe();
    root.replaceChildren();
  };
}
