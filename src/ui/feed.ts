/**
 * The feed: decisions waiting for an answer (with their options as buttons), then injects, stakeholder
 * messages, headlines and social posts, newest first, each with its channel, time and why it appeared.
 *
 * Only the newest FEED_SHOWN items are in the page, with a line counting the older ones: a scenario whose
 * inject posts every second would otherwise keep hundreds of items in the DOM and re-key them on every tick.
 * The state keeps what it keeps (the engine's own limit), so the report and the record lose nothing by this.
 */
import type { FeedItem } from '../engine';
import type { DeepReadonly, GameStore } from '../store';
import { durationLabel, elapsedLabel } from '../store/format';
import { openPrompts, type PromptView } from '../store/selectors';
import { h, keyed, listen, setHidden, setText, bindPanel } from './dom';

/** Items kept in the page; a projector shows about ten at a time, so this is several minutes of reading. */
export const FEED_SHOWN = 60;

export interface Feed {
  dispose(): void;
  focus(): void;
}

export function mountFeed(root: HTMLElement, game: GameStore): Feed {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const { scenario } = game.getState();
  const count = h('span', { class: 'muted small' });
  const prompts = h('div', { class: 'prompts', 'aria-label': 'Decisions waiting for you' });
  const list = h('ol', {
    class: 'feed-list',
    role: 'log',
    'aria-label': 'Feed, newest first',
    tabindex: '-1',
  });
  const empty = h('p', {
    class: 'muted',
    text: 'Nothing yet. News, messages and decisions will appear here.',
  });
  const older = h('p', { class: 'muted small feed-older' });
  const body = h('div', { class: 'feed-body' }, prompts, list, older, empty);
  root.replaceChildren(h('div', { class: 'feed-head' }, h('h2', { text: 'Feed' }), count), body);

  const createPrompt = (p: PromptView) => {
    const titleId = `prompt-${p.injectId}-${p.issuedTick}`;
    const status = h('p', { class: 'small muted' });
    const options = h('div', { class: 'options' });
    for (const o of p.options) {
      const b = h('button', { type: 'button', class: 'primary', 'data-option': o.id, text: o.label });
      listen(b, signal, 'click', () =>
        game.getState().issue({ type: 'answer', inject: p.injectId, option: o.id }),
      );
      options.append(b);
    }
    const card = h(
      'section',
      { class: 'prompt', role: 'group', 'aria-labelledby': titleId, 'data-prompt': p.injectId },
      h('h3', { id: titleId, text: `Decision: ${p.from}` }),
      h('p', { text: p.text }),
      status,
      options,
    );
    return Object.assign(card, { _status: status });
  };

  const createItem = (item: DeepReadonly<FeedItem>) =>
    h(
      'li',
      { class: 'feed-item', 'data-channel': item.channel },
      h('span', { class: 'time', text: elapsedLabel(item.tick) }),
      h('span', { class: `channel channel-${item.channel}`, text: item.channel }),
      h('span', { class: 'text' }, h('strong', { text: `${item.from}: ` }), item.text),
      h('p', { class: 'why', text: `why: ${item.why}` }),
    );

  let lastFeedKey = '';
  let lastPromptKey = '';
  const render = () => {
    const st = game.getState().sim.state;
    const open = openPrompts(scenario, st);
    const promptKey = open.map((p) => `${p.injectId}@${p.issuedTick}`).join('|');
    const hadPrompts = lastPromptKey !== '';
    keyed(
      prompts,
      open,
      (p) => `${p.injectId}@${p.issuedTick}`,
      createPrompt,
      (card, p) =>
        setText(
          (card as ReturnType<typeof createPrompt>)._status,
          p.pause
            ? 'The clock is stopped until you answer.'
            : `Without an answer, the default is taken in ${durationLabel(p.deadlineTick - st.tick)}.`,
        ),
    );
    // A new decision that stops the clock takes the focus: the drill cannot go on without it.
    if (promptKey !== lastPromptKey && open.some((p) => p.pause) && !hadPrompts) {
      prompts.querySelector<HTMLButtonElement>('button')?.focus();
    }
    lastPromptKey = promptKey;

    const feed = st.feed;
    const feedKey = `${feed.length}:${feed[feed.length - 1]?.tick ?? -1}:${feed[0]?.tick ?? -1}`;
    if (feedKey !== lastFeedKey) {
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
      const newestFirst = keyedItems.reverse();
      keyed(
        list,
        newestFirst,
        (x) => x.key,
        (x) => createItem(x.item),
        () => {},
      );
      setText(count, `${feed.length} item${feed.length === 1 ? '' : 's'}`);
      setText(older, `${hiddenCount} older item${hiddenCount === 1 ? ' is' : 's are'} not shown here.`);
      setHidden(older, hiddenCount === 0);
      setHidden(empty, feed.length > 0);
    }
  };

  const dispose = bindPanel(root, lifetime, render, (listener) => game.subscribe(listener));
  return {
    dispose,
    focus() {
      const option = prompts.querySelector<HTMLButtonElement>('button');
      (option ?? list).focus();
    },
  };
}
