/** The help overlay: every shortcut, so the whole drill can be run from the keyboard. */
import { t } from '../i18n';
import type { GameStore } from '../store';
import { h, listen, setHidden } from './dom';

/** Each shortcut's keys (the same in every language: they are the keys' own names) and its help text's key. */
export const SHORTCUTS = [
  [['Space'], 'pause'],
  [['1', '2', '3', '4'], 'speed'],
  [['[', ']'], 'select'],
  [['S'], 'service'],
  [['M'], 'mitigations'],
  [['C'], 'compose'],
  [['W'], 'workarounds'],
  [['F'], 'feed'],
  [['T'], 'table'],
  [['←', '→'], 'tabs'],
  [['Tab'], 'tab'],
  [['Space'], 'tick'],
  [['?'], 'help'],
  [['Esc'], 'escape'],
] as const;

export function mountHelp(root: HTMLElement, game: GameStore): () => void {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const close = h('button', { type: 'button', class: 'primary', text: t('help:close') });
  listen(close, signal, 'click', () => game.getState().setHelp(false));
  const list = h('dl');
  for (const [keys, what] of SHORTCUTS) {
    const dt = h('dt');
    keys.forEach((k, i) => {
      if (i > 0) dt.append(' ');
      dt.append(h('kbd', { text: k }));
    });
    list.append(dt, h('dd', { text: t(`help:shortcut.${what}`) }));
  }
  const box = h(
    'div',
    { class: 'help-box', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title', text: t('help:title') }),
    h('p', {
      class: 'muted',
      text: t('help:intro'),
    }),
    list,
    h('p', {
      class: 'muted small',
      text: t('help:clockNote'),
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
