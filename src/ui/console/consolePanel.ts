/**
 * The facilitator's console (the second window, `/#facilitator`): the room's clock, the script's injects
 * (fire now, hold/release, skip, reword before they fire), a feed item or a question for the room, the hidden
 * truth, the score's live components, and "note this moment". Every button sends one engine command to the
 * game window (./protocol.ts); the engine's answer is read out in the status line.
 *
 * Keyboard: everything is a native button, input or select in reading order. Shortcuts when no text field has
 * the focus: Space pauses or resumes the room, N goes to the note field, F to the first inject's Fire button.
 */
import { ROOM_SPEEDS, type ApplyResult, type Command, type FeedChannel } from '../../engine';
import { t } from '../../i18n';
import type { FacilitatorView } from '../../store/facilitatorView';
import { h, keyed, listen, setAttr, setHidden, setText } from '../dom';
import { truthText } from './consoleWords';
import { injectRows } from './injectRows';
import { asToConsole, type Channel, type ToGame } from './protocol';
import './console.css';
import { rejectionText } from '../rejectionText';

/** The channels a post can go out on (their names: console:postChannel.<id>). */
const POST_CHANNELS: readonly FeedChannel[] = ['headline', 'social', 'stakeholder', 'official', 'ops'];

/** Real milliseconds to wait for the game's answer before saying it is not there. */
const NO_ANSWER_MS = 4000;

export interface ConsolePanel {
  dispose(): void;
}

export function mountConsole(root: HTMLElement, channel: Channel): ConsolePanel {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  let view: FacilitatorView | null = null;
  let counter = 0;
  // Results are broadcast to every console: ids carry this console's own prefix, so each keeps its own answers.
  // (getRandomValues, not randomUUID: the console may be served over plain http on a LAN, not a secure context.)
  const prefix = crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36);
  // Command id → what it does in words, and what to do once the engine accepted it (clear the field it came from:
  // a refused text stays where it was typed, so nothing is lost).
  const pending = new Map<string, { doing: string; onOk?: () => void }>();

  const status = h('p', {
    id: 'console-status',
    class: 'console-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const send = (cmd: Command, doing: string, onOk?: () => void) => {
    const id = `${prefix}-${++counter}`;
    pending.set(id, { doing, onOk });
    const message: ToGame = { kind: 'command', id, cmd };
    channel.postMessage(message);
    setText(status, t('console:sending', { doing }));
    setAttr(status, 'data-kind', null);
    // The game answers at once when it is there; silence means its window was closed or is another browser.
    setTimeout(() => {
      if (!pending.delete(id) || signal.aborted) return;
      setText(status, t('console:noAnswer', { doing }));
      setAttr(status, 'data-kind', 'refused');
    }, NO_ANSWER_MS);
  };
  const showResult = (id: string, result: ApplyResult) => {
    const entry = pending.get(id);
    if (entry === undefined) return; // another console's command
    pending.delete(id);
    const { doing } = entry;
    if (result.ok) entry.onOk?.();
    setText(
      status,
      result.ok
        ? t('console:done', { doing })
        : t('console:refused', { code: result.code, message: rejectionText(result) }),
    );
    setAttr(status, 'data-kind', result.ok ? 'ok' : 'refused');
  };

  // ---- header: the room's clock -------------------------------------------------------------
  const title = h('h1', { id: 'console-title', text: t('console:title') });
  const clock = h('span', { id: 'console-clock', class: 'console-clock' });
  const roomState = h('span', { id: 'console-room', class: 'muted' });
  const pause = h('button', {
    type: 'button',
    id: 'console-pause',
    class: 'primary',
    'aria-keyshortcuts': 'Space',
  });
  listen(pause, signal, 'click', () => {
    if (!view) return;
    send(
      { type: 'room', action: view.paused ? 'resume' : 'pause' },
      view.paused ? t('console:doing.resume') : t('console:doing.pause'),
    );
  });
  const speeds = ROOM_SPEEDS.map((speed) => {
    const b = h('button', {
      type: 'button',
      'data-speed': speed,
      text: t('console:speedButton', { speed }),
      'aria-pressed': 'false',
    });
    listen(b, signal, 'click', () =>
      send({ type: 'room', action: 'speed', speed }, t('console:doing.speed', { speed })),
    );
    return b;
  });
  const header = h(
    'header',
    { class: 'console-head' },
    title,
    clock,
    pause,
    h('div', { class: 'console-speeds', role: 'group', 'aria-label': t('console:roomSpeed') }, ...speeds),
    roomState,
  );

  // ---- the script ---------------------------------------------------------------------------
  const injectList = h('ol', {
    id: 'console-injects',
    class: 'console-injects',
    'aria-label': t('console:injects'),
  });
  const spentList = h('ol', {
    id: 'console-spent',
    class: 'console-injects spent',
    'aria-label': t('console:spent'),
  });
  const spentSummary = h('summary');
  const scriptSection = h(
    'section',
    { class: 'console-script', 'aria-labelledby': 'console-script-title' },
    h('h2', { id: 'console-script-title', text: t('console:comingUp') }),
    injectList,
    h('details', { class: 'console-spent' }, spentSummary, spentList),
  );

  const rows = injectRows(signal, send);

  // ---- the side: truth, score, post, notes --------------------------------------------------
  const truth = h('p', { id: 'console-truth', class: 'console-truth' });
  const truthState = h('p', { class: 'muted small' });
  const scoreTotal = h('output', { id: 'console-score', class: 'console-score-total' });
  const scoreList = h('ul', { id: 'console-score-parts', class: 'console-score-parts' });

  const postChannel = h(
    'select',
    { id: 'post-channel' },
    ...POST_CHANNELS.map((c) => h('option', { value: c, text: t(`console:postChannel.${c}`) })),
  );
  postChannel.value = 'headline';
  const postFrom = h('input', {
    type: 'text',
    id: 'post-from',
    value: 'Daily Nation', // a Kenyan newspaper's name: the same in every language
    maxlength: 60,
  });
  const postText = h('textarea', { id: 'post-text', rows: 2, maxlength: 500 });
  const postButton = h('button', {
    type: 'button',
    id: 'post-feed',
    class: 'primary',
    text: t('console:postButton'),
  });
  const askAnswers = h('input', {
    type: 'text',
    id: 'ask-answers',
    value: t('console:askAnswersDefault'),
    maxlength: 250,
    'aria-describedby': 'ask-help',
  });
  const askButton = h('button', { type: 'button', id: 'ask-question', text: t('console:askButton') });
  listen(postButton, signal, 'click', () => {
    send(
      { type: 'post', channel: postChannel.value as FeedChannel, from: postFrom.value, text: postText.value },
      t('console:doing.post'),
      () => (postText.value = ''),
    );
  });
  listen(askButton, signal, 'click', () => {
    const answers = askAnswers.value.split('/').map((a) => a.trim());
    send({ type: 'ask', from: postFrom.value, text: postText.value, answers }, t('console:doing.ask'), () => {
      postText.value = '';
    });
  });
  const questions = h('ol', {
    id: 'console-questions',
    class: 'console-notes',
    'aria-label': t('console:questions'),
  });

  const noteField = h('input', {
    type: 'text',
    id: 'note-text',
    maxlength: 500,
    placeholder: t('console:notePlaceholder'),
    'aria-keyshortcuts': 'N',
  });
  const noteButton = h('button', {
    type: 'button',
    id: 'note-button',
    class: 'primary',
    text: t('console:noteButton'),
  });
  const note = () => {
    send({ type: 'annotate', text: noteField.value }, t('console:doing.note'), () => (noteField.value = ''));
  };
  listen(noteButton, signal, 'click', note);
  listen(noteField, signal, 'keydown', (e) => {
    if (e.key === 'Enter') note();
  });
  const notes = h('ol', { id: 'console-notes', class: 'console-notes', 'aria-label': t('console:notes') });

  const side = h(
    'div',
    { class: 'console-side' },
    h(
      'section',
      { 'aria-labelledby': 'console-note-title' },
      h('h2', { id: 'console-note-title', text: t('console:noteTitle') }),
      h(
        'div',
        { class: 'console-row' },
        h('label', { for: 'note-text', class: 'visually-hidden', text: t('console:noteLabel') }),
        noteField,
        noteButton,
      ),
      notes,
    ),
    h(
      'section',
      { class: 'console-secret', 'aria-labelledby': 'console-truth-title' },
      h('h2', { id: 'console-truth-title', text: t('console:truthTitle') }),
      truth,
      truthState,
    ),
    h(
      'section',
      { 'aria-labelledby': 'console-score-title' },
      h('h2', { id: 'console-score-title' }, `${t('console:scoreNow')} `, scoreTotal),
      scoreList,
    ),
    h(
      'section',
      { 'aria-labelledby': 'console-post-title' },
      h('h2', { id: 'console-post-title', text: t('console:postTitle') }),
      h(
        'div',
        { class: 'console-row' },
        h('label', { for: 'post-channel', text: t('console:channel') }),
        postChannel,
        h('label', { for: 'post-from', text: t('console:from') }),
        postFrom,
      ),
      h('label', { for: 'post-text', class: 'visually-hidden', text: t('console:text') }),
      postText,
      h('div', { class: 'console-row' }, postButton),
      h(
        'div',
        { class: 'console-row' },
        h('label', { for: 'ask-answers', text: t('console:answers') }),
        askAnswers,
        askButton,
      ),
      h('p', {
        id: 'ask-help',
        class: 'muted small',
        text: t('console:askHelp'),
      }),
      questions,
    ),
  );

  const waiting = h('p', {
    id: 'console-waiting',
    class: 'console-waiting',
    text: t('console:waiting'),
  });
  const body = h('div', { class: 'console-body' }, scriptSection, side);
  root.replaceChildren(header, status, waiting, body);
  root.classList.add('console');

  const render = () => {
    setHidden(waiting, view !== null);
    setHidden(body, view === null);
    pause.disabled = view === null || view.ended;
    for (const b of speeds) b.disabled = view === null || view.ended;
    if (!view) {
      setText(clock, '');
      setText(roomState, '');
      setText(pause, t('console:pauseRoom'));
      return;
    }
    setText(title, t('console:titleFor', { title: view.scenarioTitle }));
    document.title = t('console:documentTitle', { title: view.scenarioTitle });
    setText(clock, view.clock);
    setText(pause, view.paused ? t('console:resumeRoom') : t('console:pauseRoom'));
    for (const b of speeds) setAttr(b, 'aria-pressed', String(Number(b.dataset.speed) === view.speed));
    setText(
      roomState,
      view.ended
        ? t('console:room.ended')
        : view.waitingForAnswer
          ? t('console:room.waiting')
          : view.paused
            ? t('console:room.paused')
            : t('console:room.running'),
    );
    const open = view.injects.filter((v) => v.status !== 'fired' && v.status !== 'skipped');
    const spent = view.injects.filter((v) => v.status === 'fired' || v.status === 'skipped');
    // A row that fires or is skipped leaves this list: keep the keyboard where it was (the next row's Fire now).
    const focusedRow = [...injectList.children].findIndex((row) => row.contains(document.activeElement));
    keyed(injectList, open, (v) => v.id, rows.create, rows.update);
    if (focusedRow >= 0 && !injectList.contains(document.activeElement)) {
      const next = injectList.children[Math.min(focusedRow, injectList.children.length - 1)];
      (next?.querySelector('button[data-action="fire"]') as HTMLButtonElement | null)?.focus();
    }
    keyed(spentList, spent, (v) => v.id, rows.create, rows.update);
    setText(spentSummary, t('console:spentCount', { count: spent.length }));

    setText(truth, truthText(view.truth));
    setText(truthState, view.truth.revealed ? t('console:truthOut') : t('console:truthHidden'));
    setText(scoreTotal, view.score.total.toFixed(1));
    keyed(
      scoreList,
      view.score.components,
      (c) => c.id,
      (c) => {
        // The part's name in the interface language (the view carries the engine's English label).
        const label = t(`debrief:scorePart.${c.id}`);
        const bar = h('meter', { min: 0, max: c.max, 'aria-label': label });
        const value = h('span', { class: 'score-points' });
        return Object.assign(h('li', { 'data-component': c.id }, h('span', { text: label }), bar, value), {
          _parts: { bar, value },
        });
      },
      (el, c) => {
        const p = (el as HTMLElement & { _parts: { bar: HTMLMeterElement; value: HTMLElement } })._parts;
        p.bar.value = c.points;
        setText(p.value, t('console:points', { points: c.points.toFixed(1), max: c.max.toFixed(0) }));
      },
    );
    keyed(
      questions,
      view.questions,
      (q) => q.id,
      (q) => {
        const answer = h('strong');
        return Object.assign(
          h(
            'li',
            { 'data-question': q.id },
            h('span', { class: 'time', text: q.time }),
            ` ${t('console:question', { text: q.text })}`,
            answer,
          ),
          { _answer: answer },
        );
      },
      (el, q) =>
        setText(
          (el as HTMLElement & { _answer: HTMLElement })._answer,
          q.answer ?? t('console:waitingForTeam'),
        ),
    );
    keyed(
      notes,
      view.annotations,
      (a, i) => `${i}`,
      (a) => h('li', {}, h('span', { class: 'time', text: a.time }), ' ', a.text),
      () => {},
    );
  };

  const hello: ToGame = { kind: 'hello' };
  const onMessage = (event: MessageEvent) => {
    const message = asToConsole(event.data);
    if (!message) return;
    if (message.kind === 'result') showResult(message.id, message.result);
    else if (message.kind === 'ready') channel.postMessage(hello);
    else {
      view = message.view;
      render();
    }
  };
  channel.addEventListener('message', onMessage);

  const typing = (target: EventTarget | null) =>
    target instanceof HTMLElement &&
    (target.closest('input, textarea, select') !== null || target.isContentEditable);
  listen(document.body, signal, 'keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
      pause.click();
      e.preventDefault();
    } else if (e.key === 'n' || e.key === 'N') {
      noteField.focus();
      e.preventDefault();
    } else if (e.key === 'f' || e.key === 'F') {
      injectList.querySelector<HTMLButtonElement>('button[data-action="fire"]')?.focus();
      e.preventDefault();
    }
  });

  render();
  channel.postMessage(hello);

  return {
    dispose() {
      lifetime.abort();
      channel.removeEventListener('message', onMessage);
      root.replaceChildren();
    },
  };
}
