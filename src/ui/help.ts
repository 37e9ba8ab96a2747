/** The help overlay: every shortcut, so the whole drill can be run from the keyboard. */
import type { GameStore } from '../store';
import { h, listen, setHidden } from './dom';

export const SHORTCUTS: [string[], string][] = [
  [['Space'], 'Pause or run the clock (also P)'],
  [['1', '2', '3', '4'], 'Speed 1×, 2×, 4×, 8×'],
  [['[', ']'], 'Select the previous / next service'],
  [['S'], 'Go to the selected service (service chooser)'],
  [['M'], 'Go to the mitigations (choose with ↑ ↓, Tab to the order button, Enter)'],
  [['C'], 'Compose a public statement (the Messages tab)'],
  [['W'], 'Go to the customer workarounds'],
  [['F'], 'Go to the open decision (its question; Tab to the answers), else to the feed'],
  [['T'], 'Show or hide the map as a table: each service, its status and why'],
  [['←', '→'], 'On the decision tabs: Mitigations, Messages, Workarounds (Tab moves into the tab)'],
  [['Tab'], 'Move between controls; Enter activates'],
  [['Space'], 'In the message composer, on a checkbox or choice: tick it (P still pauses there)'],
  [['?'], 'Show or hide this help'],
  [['Esc'], 'Close this help'],
];

export function mountHelp(root: HTMLElement, game: GameStore): () => void {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const close = h('button', { type: 'button', class: 'primary', text: 'Close (Esc)' });
  listen(close, signal, 'click', () => game.getState().setHelp(false));
  const list = h('dl');
  for (const [keys, what] of SHORTCUTS) {
    const dt = h('dt');
    keys.forEach((k, i) => {
      if (i > 0) dt.append(' ');
      dt.append(h('kbd', { text: k }));
    });
    list.append(dt, h('dd', { text: what }));
  }
  const box = h(
    'div',
    { class: 'help-box', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title', text: 'Keyboard shortcuts' }),
    h('p', {
      class: 'muted',
      text: 'Shortcuts work whenever the focus is not in a text field or drop-down list. Clicking a service on the map selects it.',
    }),
    list,
    h('p', {
      class: 'muted small',
      text: 'The clock stops by itself while a decision waits for your answer, and in the tutorial until you have done the step it asks for.',
    }),
    close,
  );
  root.replaceChildren(box);
  listen(root, signal, 'click', onBackdrop);
  function onBackdrop(e: MouseEvent) {
    if (e.target === root) game.getState().setHelp(false);
  }
  let returnFocus: HTMLElement | null = null;
  const unsubscribe = game.subscribe(
    (s) => s.help,
    (open) => {
      setHidden(root, !open);
      if (open) {
        returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        close.focus();
      } else {
        returnFocus?.focus();
      }
    },
    { fireImmediately: true },
  );
  return () => {
    lifetime.abort();
    unsubscribe();
    setHidden(root, true);
    root.replaceChildren();
  };
}
