/**
 * Decisions waiting for an answer, in their own area over the map — never inside the scrolling feed, where a
 * question could scroll away or an answer fall below the window. The area shows the question, who asks, every
 * answer, and what happens without one (the timeout and the default), and nothing is pre-selected: a room that
 * presses Enter by reflex must not pick an answer (the first one was once the risky "No data has been
 * accessed or lost").
 *
 * Focus: when a decision opens, the focus moves to the question (not to an answer), so Tab reaches the answers
 * and a screen reader reads the question; after the answer it goes back to where it was before.
 * Several open decisions are shown one at a time, those that stop the clock first, with how many more wait.
 */
import { t } from '../i18n';
import type { GameStore } from '../store';
import { durationLabel } from '../store/format';
import { openPrompts, type PromptView } from '../store/selectors';
import { h, listen, setHidden, setText } from './dom';
import { sceneText } from './sceneText';
import './prompts.css';

export interface PromptDialog {
  dispose(): void;
  /** Focus the open decision's question (Tab then reaches its answers); false if none is open. */
  focus(): boolean;
}

const keyOf = (p: PromptView) => `${p.injectId}@${p.issuedTick}`;

/** What happens if nobody answers, in words. */
export function timeoutText(
  p: PromptView,
  nowTick: number,
  label: (text: string) => string = (text) => text,
): string {
  const fallback = p.options.find((o) => o.isDefault) ?? p.options[0];
  const taken = fallback
    ? t('prompt:takenOption', { option: label(fallback.label) })
    : t('prompt:takenDefault');
  if (p.pause) return t('prompt:stopped', { taken });
  return t('prompt:within', { time: durationLabel(Math.max(0, p.deadlineTick - nowTick)), taken });
}

export function mountPromptDialog(map: HTMLElement, game: GameStore): PromptDialog {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const { scenario } = game.getState();
  // A replay shows its decisions (the recorded answers are in the feed) but takes none, nor the focus.
  const replaying = game.getState().replay !== null;
  const from = h('h2', { id: 'prompt-from', class: 'prompt-from' });
  const question = h('p', { id: 'prompt-question', class: 'prompt-question' });
  const status = h('p', { class: 'prompt-status', id: 'prompt-status' });
  const options = h('div', { class: 'options', role: 'group', 'aria-label': t('prompt:answers') });
  const more = h('p', { class: 'prompt-more small' });
  const box = h(
    'section',
    {
      class: 'prompt prompt-dialog',
      id: 'prompt-dialog',
      role: 'alertdialog',
      'aria-labelledby': 'prompt-from prompt-question',
      'aria-describedby': 'prompt-status',
      tabindex: '-1',
    },
    from,
    question,
    options,
    status,
    more,
  );
  setHidden(box, true);
  (map.querySelector('#map-canvas') ?? map).append(box);

  let shownKey = '';
  let returnFocus: HTMLElement | null = null;

  const render = () => {
    const st = game.getState().sim.state;
    const open = openPrompts(scenario, st);
    // Those that stop the clock first: the drill cannot go on without them.
    const ordered = [...open.filter((p) => p.pause), ...open.filter((p) => !p.pause)];
    const current = ordered[0];
    if (!current) {
      if (shownKey !== '') {
        shownKey = '';
        const hadFocus = box.contains(document.activeElement);
        setHidden(box, true);
        options.replaceChildren();
        if (hadFocus) restoreFocus();
      }
      return;
    }
    const key = keyOf(current);
    if (key !== shownKey) {
      const first = shownKey === '';
      shownKey = key;
      box.dataset.prompt = current.injectId;
      setText(from, t('prompt:from', { from: current.from }));
      setText(question, sceneText(scenario, current.text));
      options.replaceChildren(
        ...current.options.map((o) => {
          const b = h(
            'button',
            { type: 'button', class: 'primary', 'data-option': o.id, disabled: replaying },
            h('span', { class: 'option-label', text: sceneText(scenario, o.label) }),
            o.isDefault ? h('span', { class: 'option-default small', text: t('prompt:default') }) : null,
          );
          listen(b, signal, 'click', () =>
            game.getState().issue({ type: 'answer', inject: current.injectId, option: o.id }),
          );
          return b;
        }),
      );
      setHidden(box, false);
      // Remember where the room was only for the first of a run of decisions: the next one replaces it in place.
      if (first) {
        const active = document.activeElement;
        returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      // A decision that stops the clock takes the focus (on its question, not on an answer); one that does not
      // stop it leaves the focus alone, so nobody typing a statement loses their place.
      const idle =
        !(document.activeElement instanceof HTMLElement) || document.activeElement === document.body;
      if (!replaying && (current.pause || idle)) box.focus({ preventScroll: true });
    }
    setText(
      status,
      timeoutText(current, st.tick, (text) => sceneText(scenario, text)),
    );
    const others = ordered.length - 1;
    setText(more, others > 0 ? t('prompt:more', { count: others }) : '');
    setHidden(more, others === 0);
  };

  function restoreFocus(): void {
    const target = returnFocus && returnFocus.isConnected ? returnFocus : document.getElementById('pause');
    returnFocus = null;
    target?.focus({ preventScroll: true });
  }

  render();
  const unsubscribe = game.subscribe(render);
  return {
    dispose() {
      lifetime.abort();
      unsubscribe();
      box.remove();
    },
    focus() {
      if (box.hidden) return false;
      box.focus();
      return true;
    },
  };
}
