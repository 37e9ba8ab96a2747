/**
 * The tutorial coach: while the clock holds for a tutorial step (store: `step`, src/store/tutorialSteps.ts), a
 * card over the bottom of the map says what to do, and the control to use is highlighted (the step's `point`).
 * "Skip this step" is the facilitator's way out when a room is stuck; it issues no command (holding is not part
 * of the simulation, so neither is skipping it).
 */
import type { StepPoint } from '../engine';
import { t } from '../i18n';
import type { GameStore } from '../store';
import { h, listen, setHidden, setText } from './dom';
import { sceneText } from './sceneText';
import './tutorialCoach.css';

/** Where each point is on the page (ids and classes of the panels). */
export const POINT_SELECTORS: Record<StepPoint, string> = {
  map: '#map-canvas',
  'service-list': '#service-select',
  mitigations: '#tab-mitigations',
  'order-button': '#order-button',
  messages: '#tab-messages',
  'send-button': '#msg-send',
  workarounds: '#tab-workarounds',
  pause: '#pause',
  speed: '.hud-speeds',
  feed: '#feed',
};

const HIGHLIGHT = 'coach-target';

export function mountTutorialCoach(map: HTMLElement, game: GameStore): () => void {
  const lifetime = new AbortController();
  const title = h('h2', { class: 'coach-title', id: 'coach-title' });
  const text = h('p', { class: 'coach-text', id: 'coach-text' });
  const skip = h('button', { type: 'button', id: 'coach-skip', class: 'coach-skip', text: t('coach:skip') });
  listen(skip, lifetime.signal, 'click', () => game.getState().skipStep?.());
  const card = h(
    'section',
    {
      class: 'coach',
      id: 'coach',
      role: 'status',
      'aria-live': 'polite',
      'aria-labelledby': 'coach-title',
      'aria-describedby': 'coach-text',
    },
    title,
    text,
    h('div', { class: 'coach-row' }, h('span', { class: 'small', text: t('coach:waits') }), skip),
  );
  setHidden(card, true);
  (map.querySelector('#map-canvas') ?? map).append(card);

  let highlighted: Element | null = null;
  const highlight = (el: Element | null) => {
    if (highlighted === el) return;
    highlighted?.classList.remove(HIGHLIGHT);
    highlighted = el;
    el?.classList.add(HIGHLIGHT);
  };

  const render = () => {
    const step = game.getState().step ?? null;
    setHidden(card, step === null);
    if (!step) return highlight(null);
    card.dataset.step = step.injectId;
    setText(title, t('coach:title', { number: step.number, of: step.of }));
    setText(text, sceneText(game.getState().scenario, step.text));
    // Looked up each time: a panel may have been re-rendered since. Brought into view: a ring nobody sees
    // points at nothing (the tabs may be scrolled away in the side column).
    const target = step.point ? document.querySelector(POINT_SELECTORS[step.point]) : null;
    highlight(target);
    target?.scrollIntoView({ block: 'nearest' });
  };
  render();
  const unsubscribe = game.subscribe((s) => s.step, render);
  return () => {
    lifetime.abort();
    unsubscribe();
    highlight(null);
    card.remove();
  };
}
