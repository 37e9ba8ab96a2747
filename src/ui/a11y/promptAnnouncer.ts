/**
 * Announces each new decision prompt assertively (a visually hidden aria-live region), so a screen-reader user
 * hears it at once wherever the focus is. A prompt that took the focus (one that stops the clock: see feed.ts)
 * is not announced here as well: moving the focus into its alertdialog already makes the reader say it.
 */
import type { GameStore } from '../../store';
import { openPrompts } from '../../store/selectors';
import { h, setText } from '../dom';

export function mountPromptAnnouncer(host: HTMLElement, game: GameStore): () => void {
  const { scenario } = game.getState();
  const region = h('div', {
    class: 'visually-hidden',
    id: 'prompt-announcer',
    'aria-live': 'assertive',
    'aria-atomic': 'true',
  });
  host.append(region);
  const seen = new Set<string>();
  const check = () => {
    const open = openPrompts(scenario, game.getState().sim.state);
    const fresh = open.filter((p) => !seen.has(`${p.injectId}@${p.issuedTick}`));
    if (fresh.length === 0) return;
    for (const p of fresh) seen.add(`${p.injectId}@${p.issuedTick}`);
    // Wait for the feed to draw the card (and maybe focus it) before deciding whether to speak.
    queueMicrotask(() => {
      const focused = document.activeElement?.closest<HTMLElement>('.prompt')?.dataset.prompt;
      const words = fresh
        .filter((p) => p.injectId !== focused)
        .map((p) => `Decision from ${p.from}: ${p.text}`);
      if (words.length > 0) setText(region, words.join(' '));
    });
  };
  check();
  const unsubscribe = game.subscribe(check);
  return () => {
    unsubscribe();
    region.remove();
  };
}
