/**
 * A scroll area that follows its newest content (at the bottom) while the reader is there, and otherwise keeps
 * their place and counts what arrived below, on a button that jumps down ("3 new ↓"). Used by the feed.
 */
import { t } from '../i18n';
import { listen, setHidden, setText } from './dom';

/** How close to the bottom (CSS px) still counts as "at the bottom": a rounding error must not stop following. */
const BOTTOM_SLACK_PX = 24;

export interface FollowScroll {
  /** Measure BEFORE adding content: is the reader at the bottom? */
  atBottom(): boolean;
  /** `count` items were added; `wasAtBottom` is what atBottom() said before they were. */
  added(count: number, wasAtBottom: boolean): void;
  /** How many arrived since the reader last saw the bottom. */
  unseen(): number;
}

export function followScroll(area: HTMLElement, jump: HTMLButtonElement, signal: AbortSignal): FollowScroll {
  let unseen = 0;
  const atBottom = () => area.scrollHeight - area.scrollTop - area.clientHeight <= BOTTOM_SLACK_PX;
  const show = () => {
    setText(jump, t('feed:newItems', { n: unseen }));
    jump.setAttribute('aria-label', t('feed:newItemsLabel', { count: unseen }));
    setHidden(jump, unseen === 0);
  };
  const toBottom = () => {
    area.scrollTop = area.scrollHeight;
    unseen = 0;
    show();
  };
  listen(jump, signal, 'click', toBottom);
  listen(area, signal, 'scroll', () => {
    if (unseen > 0 && atBottom()) {
      unseen = 0;
      show();
    }
  });
  show();
  return {
    atBottom,
    added(count, wasAtBottom) {
      if (count <= 0) return;
      if (wasAtBottom) toBottom();
      else {
        unseen += count;
        show();
      }
    },
    unseen: () => unseen,
  };
}
