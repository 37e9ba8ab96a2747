/**
 * Global shortcuts during a drill (listed in help.ts). They are ignored while typing in a text field or using a
 * drop-down, so those keep their normal behaviour. Space pauses everywhere else — including on a focused
 * button, where Enter still activates it — because pausing is the one action a facilitator needs instantly.
 */
import { SPEEDS, type GameStore } from '../store';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return target.isContentEditable;
}

export interface KeyboardTargets {
  focusService(): void;
  focusMitigations(): void;
  focusMessages(): void;
  focusWorkarounds(): void;
  focusFeed(): void;
  /** Show or hide the map as a table of services (its text alternative). */
  toggleMapTable(): void;
}

export function installKeyboard(game: GameStore, targets: KeyboardTargets): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const s = game.getState();
    if (e.key === 'Escape') {
      if (s.help) {
        s.setHelp(false);
        e.preventDefault();
      }
      return;
    }
    if (typingInto(e.target)) return;
    if (e.key === '?') {
      s.setHelp(!s.help);
      e.preventDefault();
      return;
    }
    if (s.help) return; // the help dialog is modal
    const speedIndex = ['1', '2', '3', '4'].indexOf(e.key);
    let handled = true;
    if (e.key === ' ' || e.key === 'p' || e.key === 'P') s.togglePause();
    else if (speedIndex >= 0) s.setSpeed(SPEEDS[speedIndex]!);
    else if (e.key === ']') s.selectNext(1);
    else if (e.key === '[') s.selectNext(-1);
    else if (e.key === 's' || e.key === 'S') targets.focusService();
    else if (e.key === 'm' || e.key === 'M') targets.focusMitigations();
    else if (e.key === 'f' || e.key === 'F') targets.focusFeed();
    else if (e.key === 'c' || e.key === 'C') targets.focusMessages();
    else if (e.key === 'w' || e.key === 'W') targets.focusWorkarounds();
    else if (e.key === 't' || e.key === 'T') targets.toggleMapTable();
    else handled = false;
    if (handled) e.preventDefault();
  };
  // Space "clicks" a focused button on key-up: swallow that too, since Space meant "pause" here.
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ' && !typingInto(e.target) && !game.getState().help) e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('keyup', onKeyUp);
  return () => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('keyup', onKeyUp);
  };
}
