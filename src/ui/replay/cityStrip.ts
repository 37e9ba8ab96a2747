/**
 * The strip above the map during a drill.
 *
 * LIVE: who is at the keyboard (a Role select: every command issued is stamped with it, for the report's
 * timeline) and the autosave status line (a full storage is said here; play goes on).
 *
 * REPLAY: a persistent banner "REPLAY — you are in the past (T+01:23 of 04:00)", play/pause, a speed from
 * 1× to 64×, a scrubber (a range input: arrows, Page Up/Down, Home/End) to jump to any simulated minute, the
 * determinism check made on opening ("Replay verified: hashes match" or where it diverged), "Take over from
 * here" (fork: a new live drill from this moment) and "Back to the report". Orders are disabled: the decision
 * panel is made inert and the store refuses commands anyway.
 */
import { t } from '../../i18n';
import { ROLES, type GameStore, type SessionStore } from '../../store';
import { replayPosition } from '../../store/replayStore';
import { h, listen, setAttr, setPlayIcon, setText } from '../dom';
import type { Autosaver } from '../saves/autosave';
import { consoleButton } from '../console/openButton';
import './replay.css';

export const REPLAY_SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;

/** A role's name in the interface language; the value stamped on commands stays the English name. */
const ROLE_KEYS = {
  Commander: 'commander',
  'Network lead': 'network',
  'Comms lead': 'comms',
  'Customer lead': 'customer',
} as const satisfies Record<(typeof ROLES)[number], string>;

function liveStrip(
  game: GameStore,
  autosaver: Autosaver | null,
  signal: AbortSignal,
): { element: HTMLElement; dispose(): void } {
  const select = h(
    'select',
    { id: 'role-select', 'aria-describedby': 'role-help' },
    ...ROLES.map((r) => h('option', { value: r, text: t(`replay:roles.${ROLE_KEYS[r]}`) })),
  );
  select.value = game.getState().role;
  listen(select, signal, 'change', () => game.getState().setRole(select.value));
  const status = h('span', {
    id: 'save-status',
    class: 'save-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const showStatus = () => {
    const s = autosaver?.status() ?? null;
    setText(status, s?.text ?? '');
    setAttr(status, 'data-kind', s?.kind ?? null);
  };
  showStatus();
  const unsubscribe = autosaver?.subscribe(showStatus) ?? (() => undefined);
  const element = h(
    'div',
    { class: 'city-strip', id: 'city-strip' },
    h('label', { for: 'role-select', text: t('replay:role') }),
    select,
    // Read to screen readers with the select; not shown, so the strip keeps room for why the score moved.
    h('span', { id: 'role-help', class: 'visually-hidden', text: t('replay:roleHelp') }),
    status,
    consoleButton(signal),
  );
  return { element, dispose: unsubscribe };
}

function replayStrip(
  session: SessionStore,
  game: GameStore,
  signal: AbortSignal,
): { element: HTMLElement; dispose(): void } {
  const r = game.getState().replay!;
  const endMinute = Math.floor(r.endTick / 60);
  const banner = h('strong', { id: 'replay-banner', class: 'replay-banner' });
  const playIcon = h('span', { class: 'icon' });
  const playLabel = h('span');
  const play = h('button', { type: 'button', id: 'replay-play', class: 'icon-button' }, playIcon, playLabel);
  listen(play, signal, 'click', () => {
    const s = game.getState();
    if (s.replay?.atEnd) s.seek(0);
    s.togglePause();
  });
  const speed = h(
    'select',
    { id: 'replay-speed', 'aria-label': t('replay:speed') },
    ...REPLAY_SPEEDS.map((v) => h('option', { value: v, text: `${v}×` })),
  );
  listen(speed, signal, 'change', () => {
    const v = Number(speed.value);
    const s = game.getState();
    s.setSpeed(Math.min(v, 8) as 1 | 2 | 4 | 8);
    s.setReplayBoost(v > 8 ? v / 8 : 1);
  });
  const scrubber = h('input', {
    type: 'range',
    id: 'replay-scrubber',
    min: 0,
    max: endMinute,
    step: 1,
    value: 0,
    'aria-label': t('replay:minute'),
  });
  listen(scrubber, signal, 'input', () => game.getState().seek(Number(scrubber.value) * 60));
  const takeOver = h('button', {
    type: 'button',
    id: 'take-over',
    class: 'primary',
    text: t('replay:takeOver'),
  });
  listen(takeOver, signal, 'click', () => session.getState().takeOver());
  const leave = h('button', { type: 'button', id: 'leave-replay', text: t('replay:backToReport') });
  listen(leave, signal, 'click', () => session.getState().leaveReplay());
  const verify = h('p', {
    id: 'replay-verify',
    class: 'replay-verify',
    'data-ok': String(r.verification.ok),
    text: r.verification.text,
  });

  const render = () => {
    const s = game.getState();
    const tick = s.sim.state.tick;
    setText(
      banner,
      s.replay?.atEnd
        ? t('replay:bannerAtEnd', { position: replayPosition(tick, r.endTick) })
        : t('replay:banner', { position: replayPosition(tick, r.endTick) }),
    );
    const minute = String(Math.floor(tick / 60));
    if (scrubber.value !== minute) scrubber.value = minute;
    setAttr(scrubber, 'aria-valuetext', replayPosition(tick, r.endTick));
    setText(playLabel, s.paused ? t('replay:play') : t('replay:pause'));
    setPlayIcon(playIcon, s.paused ? 'run' : 'pause');
    const v = String(s.speed * (s.replay?.boost ?? 1));
    if (speed.value !== v) speed.value = v;
  };
  render();
  const unsubscribe = game.subscribe(render);
  const element = h(
    'div',
    { class: 'replay-bar', id: 'replay-bar', role: 'region', 'aria-label': t('replay:controls') },
    h(
      'div',
      { class: 'replay-row' },
      banner,
      play,
      speed,
      h('label', { class: 'visually-hidden', for: 'replay-scrubber', text: t('replay:minute') }),
      scrubber,
      takeOver,
      leave,
    ),
    h(
      'div',
      { class: 'replay-row small' },
      verify,
      h('span', {
        class: 'muted',
        text: t('replay:ordersDisabled'),
      }),
    ),
  );
  return { element, dispose: unsubscribe };
}

export function mountCityStrip(
  map: HTMLElement,
  app: HTMLElement,
  session: SessionStore,
  game: GameStore,
  autosaver: Autosaver | null,
): () => void {
  const lifetime = new AbortController();
  const replaying = game.getState().replay !== null;
  const strip = replaying
    ? replayStrip(session, game, lifetime.signal)
    : liveStrip(game, autosaver, lifetime.signal);
  map.prepend(strip.element);
  app.dataset.mode = replaying ? 'replay' : 'live';
  const decisions = document.getElementById('decision-panel');
  if (replaying && decisions) decisions.inert = true;
  return () => {
    lifetime.abort();
    strip.dispose();
    strip.element.remove();
    delete app.dataset.mode;
    if (decisions) decisions.inert = false;
  };
}
