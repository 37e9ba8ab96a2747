/**
 * The feed: injects, stakeholder messages, headlines, social posts and the answers given to decisions, oldest
 * first like a chat, each with its channel, time and why it appeared. Decisions waiting for an answer are not
 * here: they have their own area over the map (promptDialog.ts), so they cannot scroll away.
 *
 * New items are seen: a reader at the bottom follows the newest; one who scrolled up to read keeps their place
 * and gets a "N new ↓" button to jump down (followScroll.ts). Before the first item, a line says what is
 * happening and how to start.
 *
 * Only the newest FEED_SHOWN items are in the page, with a line counting the older ones above them: a scenario
 * whose inject posts every second would otherwise keep hundreds of items in the DOM and re-key them on every
 * tick. The state keeps what it keeps (the engine's own limit), so the report and the record lose nothing by this;
 * what the engine itself dropped is summarised on the same line (its count, channels and time span).
 */
import type { FeedItem } from '../engine';
import { t } from '../i18n';
import type { DeepReadonly, GameStore } from '../store';
import { droppedFeedText } from '../run/dropped';
import { droppedWords } from './droppedWords';
import { feedItemInWords } from './feedWords';
import { elapsedLabel } from '../store/format';
import { h, keyed, setHidden, setText, bindPanel } from './dom';
import { followScroll } from './followScroll';
import { sceneText } from './sceneText';
import './feedScroll.css';

/** Items kept in the page; a projector shows about ten at a time, so this is several minutes of reading. */
export const FEED_SHOWN = 60;

export interface Feed {
  dispose(): void;
  focus(): void;
}

export interface FeedOptions {
  /** Where F goes first: the open decision, if any (true when it took the focus). */
  focusDecision?: () => boolean;
}

/** The line shown before anything has happened: what this is and how to start. */
export function emptyFeedText(tick: number, paused: boolean): string {
  if (tick === 0 && paused) return t('feed:emptyReady');
  return t('feed:emptyRunning');
}

export function mountFeed(root: HTMLElement, game: GameStore, options: FeedOptions = {}): Feed {
  const lifetime = new AbortController();
  const count = h('span', { class: 'muted small' });
  const list = h('ol', {
    class: 'feed-list',
    // A polite live region (not role="log", which would hide that the items are a list): new items are read
    // out when the screen reader is idle. Decisions are announced assertively (a11y/promptAnnouncer.ts).
    'aria-live': 'polite',
    'aria-relevant': 'additions',
    'aria-label': t('feed:listLabel'),
    tabindex: '-1',
  });
  const empty = h('p', { class: 'muted feed-empty' });
  const older = h('p', { class: 'muted small feed-older' });
  const body = h('div', { class: 'feed-body' }, older, list, empty);
  const jump = h('button', { type: 'button', class: 'feed-new', id: 'feed-new' });
  root.replaceChildren(
    h('div', { class: 'feed-head' }, h('h2', { text: t('feed:title') }), count),
    body,
    jump,
  );
  const follow = followScroll(body, jump, lifetime.signal);

  // The engine's own items (a missed ETA, the budget stop, an answer…) and every item's why, in the interface
  // language; what the scenario's author wrote, in the reader's language where they gave one.
  const createItemBody = (item: DeepReadonly<FeedItem>): [HTMLElement, HTMLElement] => {
    const scenario = game.getState().scenario;
    const { from, text, why } = feedItemInWords(scenario, item);
    return [
      h(
        'span',
        { class: 'text' },
        h('strong', { text: t('feed:from', { from }) }),
        sceneText(scenario, text),
      ),
      h('p', { class: 'why', text: t('feed:why', { why }) }),
    ];
  };

  const createItem = (item: DeepReadonly<FeedItem>) =>
    h(
      'li',
      { class: 'feed-item', 'data-channel': item.channel },
      h('span', { class: 'time', text: elapsedLabel(item.tick) }),
      h('span', { class: `channel channel-${item.channel}`, text: t(`feed:channel.${item.channel}`) }),
      ...createItemBody(item),
    );

  let lastFeedKey = '';
  // Keys on screen: what is new is counted by key, since the engine trims the oldest items as it adds.
  let shownKeys = new Set<string>();
  const render = () => {
    const s = game.getState();
    const feed = s.sim.state.feed;
    setText(empty, emptyFeedText(s.sim.state.tick, s.paused));
    setHidden(empty, feed.length > 0);
    const dropped = s.sim.state.feedDropped;
    const feedKey = `${feed.length}:${feed[feed.length - 1]?.tick ?? -1}:${feed[0]?.tick ?? -1}:${dropped?.count ?? 0}`;
    if (feedKey === lastFeedKey) return;
    lastFeedKey = feedKey;
    // Feed items have no id: key them by content (tick, sender, text), numbering exact repeats, so keys stay
    // stable while the engine appends at the end and trims the head. Only the newest FEED_SHOWN are keyed.
    const hiddenCount = Math.max(0, feed.length - FEED_SHOWN);
    const seen = new Map<string, number>();
    const keyedItems = feed.slice(hiddenCount).map((item) => {
      const base = `${item.tick}|${item.from}|${item.text}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { item, key: `${base}#${n}` };
    });
    const added = keyedItems.filter((x) => !shownKeys.has(x.key)).length;
    shownKeys = new Set(keyedItems.map((x) => x.key));
    const atBottom = follow.atBottom();
    keyed(
      list,
      keyedItems,
      (x) => x.key,
      (x) => createItem(x.item),
      () => {},
    );
    setText(count, t('feed:items', { count: feed.length }));
    // Older than those: what the engine dropped to keep the state bounded, summarised (run/dropped.ts).
    const notKept = dropped ? ` ${droppedFeedText(dropped, droppedWords())}` : '';
    const notShown = hiddenCount ? t('feed:older', { count: hiddenCount }) : '';
    setText(older, `${notShown}${notKept}`.trim());
    setHidden(older, hiddenCount === 0 && !dropped);
    follow.added(added, atBottom);
  };

  const dispose = bindPanel(root, lifetime, render, (listener) => game.subscribe(listener));
  return {
    dispose,
    focus() {
      if (options.focusDecision?.()) return;
      list.focus();
    },
  };
}
