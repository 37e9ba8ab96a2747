/**
 * The instructor's studio (loaded on demand by ../studioRoute.ts, so the game's start-up bundle does not carry
 * CodeMirror): the scenario text in an editor, the project's own diagnostics as the author types (compiled in
 * a worker, debounced), a live picture of the city, and "try it fast" — start the drill from the text, at any
 * T+ or just before a chosen inject, and a quick balance over 50 seeds.
 *
 * Nothing typed is lost: the draft is written to the browser's storage after every pause in typing and when
 * the page is hidden; templates and uploads replace the text as one undoable change.
 */
import { createGameStore, type SessionStore } from '../../store';
import { elapsedClock, type LoggedCommand } from '../../engine';
import { play } from '../../balance/play';
import { EXPERT } from '../../balance/policies';
import { policyByName } from '../../balance/policySet';
import { loggedCommand, parseLimited } from '../../run';
import type { Diagnostic } from '../../scenario';
import { expressionNames } from '../../studio/expressionNames';
import { fireTickOf, parseJumpTime } from '../../studio/jump';
import type { PreviewModel } from '../../studio/preview';
import type { JsonSchema } from '../../studio/schemaWalk';
import { BLANK_FILE_NAME, BLANK_TEMPLATE } from '../../studio/template';
import {
  combineBalance,
  QUICK_BALANCE_POLICIES,
  splitSeeds,
  type BalancePart,
} from '../../studio/quickBalance';
import type { StudioReply, StudioRequest } from '../../workers/studioHandler';
import { handleStudio } from '../../workers/studioHandler';
import schemaJson from '../../../scenarios/scenario.schema.json';
import { h, setText } from '../dom';
import { randomSeed } from '../flags';
import { diagnosticLine } from '../menu';
import { browserStorage } from '../saves/browserStorage';
import { SHIPPED_SCENARIOS } from '../scenarioFiles';
import { renderBalance } from './balanceView';
import { readDraft, writeDraft } from './drafts';
import { createEditor } from './editor';
import { createPreviewView } from './previewView';
import './studio.css';

export interface StudioOptions {
  rateScale: number;
  /** Called when the studio closes (back to the menu, or a drill started from it). */
  onClose: () => void;
}

export interface Studio {
  element: HTMLElement;
  dispose(): void;
}

const COMPILE_DELAY_MS = 250;
const SAVE_DELAY_MS = 400;
const QUICK_BALANCE_SEEDS = 50;
const MAX_LOG_CHARS = 2_000_000;
const MAX_UPLOAD_BYTES = 4_500_000;

type Post = (request: StudioRequest) => void;

/**
 * A studio worker, or — where workers cannot start (a build opened from a file share: browsers refuse module
 * workers on file://) — the same handler on the page: slower, but never silent. A worker that fails to load
 * reports it only later, as an error event: the request it was given is then answered on the page.
 */
function startWorker(onReply: (reply: StudioReply) => void): { post: Post; stop(): void } {
  const inPage: Post = (r) => handleStudio(r, onReply);
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('../../workers/studio.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (!worker) return { post: inPage, stop: () => {} };
  let post: Post = (r) => {
    pending = r;
    worker.postMessage(r);
  };
  let pending: StudioRequest | null = null;
  worker.onmessage = (e: MessageEvent<StudioReply>) => onReply(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    post = inPage;
    if (pending) inPage(pending);
  };
  return { post: (r) => post(r), stop: () => worker.terminate() };
}

function parseCommandLog(text: string): { ok: true; log: LoggedCommand[] } | { ok: false; error: string } {
  const parsed = parseLimited(text, 'command log', { maxChars: MAX_LOG_CHARS });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const value = parsed.value;
  const list = Array.isArray(value) ? value : (value as { commands?: unknown })?.commands;
  if (!Array.isArray(list))
    return { ok: false, error: 'a command log is a JSON list of {"tick", "cmd"} entries' };
  const log: LoggedCommand[] = [];
  for (const [i, entry] of list.entries()) {
    const r = loggedCommand.safeParse(entry);
    if (!r.success) return { ok: false, error: `entry ${i + 1} is not a {"tick", "cmd"} command` };
    log.push(r.data as LoggedCommand);
  }
  return { ok: true, log };
}

export function mountStudio(root: HTMLElement, session: SessionStore, options: StudioOptions): Studio {
  const storage = browserStorage();
  const draft = readDraft(storage);
  let fileName = draft?.fileName ?? BLANK_FILE_NAME;

  // ---- header: templates, file name, upload, download, close ----
  const templateSelect = h(
    'select',
    { id: 'studio-template', 'aria-label': 'Start from' },
    h('option', { value: '', text: 'Blank template' }),
    ...SHIPPED_SCENARIOS.map((f) => h('option', { value: f.fileName, text: f.fileName })),
  );
  const loadTemplate = h('button', { type: 'button', id: 'studio-load-template', text: 'Load' });
  const nameInput = h('input', {
    type: 'text',
    id: 'studio-file-name',
    value: fileName,
    maxlength: 120,
    spellcheck: 'false',
    'aria-label': 'File name',
  });
  const upload = h('input', {
    type: 'file',
    id: 'studio-upload',
    accept: '.yaml,.yml,text/yaml',
    class: 'visually-hidden',
  });
  const uploadLabel = h('label', { for: 'studio-upload', class: 'button', text: 'Upload…' });
  const download = h('button', { type: 'button', id: 'studio-download', text: 'Download' });
  const saveStatus = h('span', { id: 'studio-save-status', class: 'small muted', 'aria-live': 'polite' });
  const close = h('button', { type: 'button', id: 'studio-close', text: 'Back to the menu' });

  // ---- side: problems, preview, try it, balance ----
  const status = h('p', {
    id: 'studio-status',
    class: 'studio-status',
    'aria-live': 'polite',
    text: 'Checking…',
  });
  const diagList = h('ol', {
    id: 'studio-diagnostics',
    class: 'studio-diagnostics',
    'aria-label': 'Problems',
  });
  const preview = createPreviewView();

  const seedInput = h('input', {
    type: 'text',
    id: 'studio-seed',
    value: session.getState().seed,
    maxlength: 40,
    spellcheck: 'false',
    inputmode: 'numeric',
  });
  const timeInput = h('input', {
    type: 'text',
    id: 'studio-jump',
    value: 'T+0:00',
    spellcheck: 'false',
    'aria-describedby': 'studio-jump-help',
  });
  const injectSelect = h(
    'select',
    { id: 'studio-inject' },
    h('option', { value: '', text: '— the time above —' }),
  );
  const modeSelect = h(
    'select',
    { id: 'studio-commands' },
    h('option', { value: 'none', text: 'nobody acts' }),
    h('option', { value: 'expert', text: 'the expert play (balance runner)' }),
    h('option', { value: 'file', text: 'a command log file…' }),
  );
  const logInput = h('input', {
    type: 'file',
    id: 'studio-log',
    accept: '.json,application/json',
    hidden: true,
    'aria-label': 'Command log file',
  });
  const start = h('button', {
    type: 'button',
    class: 'primary',
    id: 'studio-start',
    text: 'Start the drill ▶',
  });
  const tryMessage = h('p', { id: 'studio-try-message', class: 'small', role: 'alert' });

  const balanceButton = h('button', {
    type: 'button',
    id: 'studio-balance-run',
    text: `Quick balance (${QUICK_BALANCE_SEEDS} seeds)`,
  });
  const balanceProgress = h('progress', { id: 'studio-balance-progress', max: 1, value: 0, hidden: true });
  const balanceOut = h('div', { id: 'studio-balance-out', 'aria-live': 'polite' });

  const editorHost = h('div', { class: 'studio-editor', id: 'studio-editor' });
  const element = h(
    'div',
    { id: 'studio', class: 'studio', role: 'region', 'aria-label': 'Scenario studio' },
    h(
      'header',
      { class: 'studio-bar' },
      h('h1', { text: 'Studio' }),
      h('label', { class: 'studio-field' }, 'Start from ', templateSelect),
      loadTemplate,
      h('label', { class: 'studio-field' }, 'File ', nameInput),
      uploadLabel,
      upload,
      download,
      saveStatus,
      close,
    ),
    h(
      'div',
      { class: 'studio-main' },
      editorHost,
      h(
        'aside',
        { class: 'studio-side' },
        h(
          'section',
          { 'aria-labelledby': 'studio-problems-title' },
          h('h2', { id: 'studio-problems-title', text: 'Problems' }),
          status,
          diagList,
        ),
        h(
          'section',
          { 'aria-labelledby': 'studio-city-title' },
          h('h2', { id: 'studio-city-title', text: 'City' }),
          preview.element,
        ),
        h(
          'section',
          { id: 'studio-try', 'aria-labelledby': 'studio-try-title' },
          h('h2', { id: 'studio-try-title', text: 'Try it' }),
          h(
            'div',
            { class: 'studio-grid' },
            h('label', { for: 'studio-seed', text: 'Seed' }),
            seedInput,
            h('label', { for: 'studio-jump', text: 'Start at' }),
            timeInput,
            h('label', { for: 'studio-inject', text: 'or just before' }),
            injectSelect,
            h('label', { for: 'studio-commands', text: 'Until then' }),
            modeSelect,
          ),
          logInput,
          h('p', {
            id: 'studio-jump-help',
            class: 'small muted',
            text: 'T+1:00 is one hour into the drill. The engine fast-forwards to there with the commands chosen, then the drill opens paused.',
          }),
          start,
          tryMessage,
        ),
        h(
          'section',
          { id: 'studio-balance', 'aria-labelledby': 'studio-balance-title' },
          h('h2', { id: 'studio-balance-title', text: 'Quick balance' }),
          h('p', {
            class: 'small muted',
            text: 'Nobody acts, the expert play and panic, each over the same seeds, with the balance runner’s plays.',
          }),
          balanceButton,
          balanceProgress,
          balanceOut,
        ),
      ),
    ),
  );
  root.replaceChildren(element);

  // ---- compile as the author types ----
  let latestCompile = 0;
  let compiledText = '';
  let lastPreview: PreviewModel | null = null;
  let latestBalance = 0;
  let compileTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const renderDiagnostics = (diagnostics: readonly Diagnostic[]) => {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    setText(
      status,
      errors === 0 && warnings === 0
        ? 'No problems: ready to play.'
        : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${errors > 0 ? ': the drill cannot start until the errors are fixed.' : '.'}`,
    );
    status.dataset.errors = String(errors);
    diagList.replaceChildren(
      ...diagnostics.map((d) => {
        const go = h('button', {
          type: 'button',
          class: `studio-diag ${d.severity}`,
          text: diagnosticLine(d),
        });
        go.addEventListener('click', () => editor.goTo(d.line, d.column));
        return h('li', { 'data-line': d.line, 'data-code': d.code }, go);
      }),
    );
  };

  const renderInjects = (model: PreviewModel) => {
    const chosen = injectSelect.value;
    injectSelect.replaceChildren(
      h('option', { value: '', text: '— the time above —' }),
      ...model.injects.map((i) =>
        h('option', {
          value: i.id,
          text: `${i.id} (${i.atTick >= 0 ? elapsedClock(i.atTick) : i.trigger.slice(0, 50)})`,
        }),
      ),
    );
    if (model.injects.some((i) => i.id === chosen)) injectSelect.value = chosen;
  };

  const compileWorker = startWorker((reply) => {
    if (reply.type !== 'compiled' || reply.id !== latestCompile) return; // a newer text is on its way
    if (compiledText !== editor.text()) return;
    editor.showDiagnostics(reply.diagnostics);
    renderDiagnostics(reply.diagnostics);
    if (reply.preview) {
      lastPreview = reply.preview;
      preview.show(reply.preview);
      renderInjects(reply.preview);
    } else if (lastPreview) {
      preview.stale('The text does not compile: this is the city as it last compiled.');
    }
  });
  const requestCompile = () => {
    compiledText = editor.text();
    compileWorker.post({ type: 'compile', id: ++latestCompile, text: compiledText, fileName });
  };

  const saveNow = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    const written = writeDraft(storage, { fileName, text: editor.text(), savedAt: new Date().toISOString() });
    setText(
      saveStatus,
      written.ok
        ? `Draft saved in this browser ${new Date().toLocaleTimeString()}`
        : `Not saved: ${written.error}`,
    );
    saveStatus.dataset.saved = String(written.ok);
  };

  const onChange = () => {
    clearTimeout(compileTimer);
    compileTimer = setTimeout(requestCompile, COMPILE_DELAY_MS);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
    setText(saveStatus, 'Editing…');
  };

  const names = expressionNames();
  const editor = createEditor(
    editorHost,
    draft?.text ?? BLANK_TEMPLATE,
    { schema: schemaJson as unknown as JsonSchema, expressionNames: names },
    onChange,
  );
  requestCompile();
  if (draft)
    setText(
      saveStatus,
      `Draft restored from this browser${draft.savedAt ? ` (${new Date(draft.savedAt).toLocaleString()})` : ''}`,
    );

  // ---- header actions ----
  const setFileName = (name: string) => {
    fileName = name.trim() || BLANK_FILE_NAME;
    if (nameInput.value !== fileName) nameInput.value = fileName;
  };
  nameInput.addEventListener('change', () => {
    setFileName(nameInput.value);
    saveNow();
  });
  loadTemplate.addEventListener('click', async () => {
    const chosen = templateSelect.value;
    if (!chosen) {
      editor.replace(BLANK_TEMPLATE);
      setFileName(BLANK_FILE_NAME);
      return;
    }
    const shipped = session.getState().scenarios.find((e) => e.origin === 'shipped' && e.fileName === chosen);
    let text = shipped?.text;
    if (text === undefined) {
      const url = SHIPPED_SCENARIOS.find((f) => f.fileName === chosen)?.url;
      if (!url) return;
      try {
        text = await (await fetch(url)).text();
      } catch {
        setText(saveStatus, `Could not load ${chosen}.`);
        return;
      }
    }
    editor.replace(text);
    setFileName(chosen.replace(/\.ya?ml$/, '-copy.yaml'));
  });
  upload.addEventListener('change', async () => {
    const file = upload.files?.[0];
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      // A scenario is at most 4 MB (SCN002); anything bigger is not one, and would only freeze the editor.
      setText(
        saveStatus,
        `${file.name} is ${(file.size / 1e6).toFixed(1)} MB: a scenario is at most 4 MB. Nothing was changed.`,
      );
      upload.value = '';
      return;
    }
    editor.replace(await file.text());
    setFileName(file.name);
    upload.value = '';
  });
  download.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([editor.text()], { type: 'text/yaml' }));
    const a = h('a', { href: url, download: fileName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  // ---- try it: start the drill from the text ----
  let uploadedLog: LoggedCommand[] | null = null;
  modeSelect.addEventListener('change', () => {
    logInput.hidden = modeSelect.value !== 'file';
    if (modeSelect.value === 'file') logInput.click();
  });
  logInput.addEventListener('change', async () => {
    const file = logInput.files?.[0];
    if (!file) return;
    const parsed = parseCommandLog(await file.text());
    uploadedLog = parsed.ok ? parsed.log : null;
    setText(
      tryMessage,
      parsed.ok ? `${parsed.log.length} commands read from ${file.name}.` : `${file.name}: ${parsed.error}`,
    );
  });

  const fail = (message: string) => {
    setText(tryMessage, message);
    tryMessage.dataset.kind = 'error';
  };

  start.addEventListener('click', () => {
    tryMessage.dataset.kind = '';
    const seed = seedInput.value.trim() || randomSeed();
    seedInput.value = seed;
    saveNow();
    const s = session.getState();
    const report = s.openFile(fileName, editor.text());
    if (!report.ok) {
      const errors = report.diagnostics.filter((d) => d.severity === 'error');
      fail(
        `The scenario has ${errors.length} error${errors.length === 1 ? '' : 's'}: fix ${errors.length === 1 ? 'it' : 'them'} first (see Problems).`,
      );
      return;
    }
    const entry = session.getState().scenarios.find((e) => e.key === session.getState().selectedKey)!;
    const scenario = entry.scenario;
    let log: LoggedCommand[] = [];
    let who = 'nobody acting';
    if (modeSelect.value === 'expert') {
      log = play(scenario, seed, policyByName(scenario, EXPERT)!).log;
      who = 'the expert play';
    } else if (modeSelect.value === 'file') {
      if (!uploadedLog) return fail('Choose a command log file first (a JSON list of {"tick", "cmd"}).');
      log = uploadedLog;
      who = 'the command log';
    }
    let untilTick: number;
    if (injectSelect.value) {
      const found = fireTickOf(scenario, seed, log, injectSelect.value);
      if (!found.fires) return fail(`Cannot start before it: ${found.reason}.`);
      untilTick = found.tick;
    } else {
      const time = parseJumpTime(timeInput.value || 'T+0:00', scenario.durationTicks);
      if (!time.ok) return fail(time.error);
      untilTick = time.tick;
    }
    const at = injectSelect.value
      ? `just before “${injectSelect.value}” (${elapsedClock(untilTick)})`
      : elapsedClock(untilTick);
    const game = createGameStore({
      scenario,
      seed,
      rateScale: options.rateScale,
      history: { log, untilTick },
      origin:
        untilTick > 0
          ? { kind: 'studio', label: `Started from the studio at ${at}, with ${who} until then.` }
          : undefined,
    });
    session.getState().setSeed(seed);
    session.setState({ game, notice: null });
    dispose();
    options.onClose();
  });

  // ---- quick balance: the seeds split between workers, one per spare core (up to 4) ----
  let balanceWorkers: { post: Post; stop(): void }[] = [];
  const stopBalance = () => {
    for (const w of balanceWorkers) w.stop();
    balanceWorkers = [];
  };
  const finishBalance = (content: HTMLElement) => {
    stopBalance();
    balanceProgress.hidden = true;
    balanceButton.disabled = false;
    balanceOut.replaceChildren(content);
  };
  balanceButton.addEventListener('click', () => {
    stopBalance();
    const id = ++latestBalance;
    const cores = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
    const slices = splitSeeds(QUICK_BALANCE_SEEDS, cores);
    const parts: (BalancePart | null)[] = slices.map(() => null);
    const done = slices.map(() => 0);
    const total = QUICK_BALANCE_SEEDS * QUICK_BALANCE_POLICIES.length;
    const text = editor.text();
    balanceButton.disabled = true;
    balanceProgress.hidden = false;
    balanceProgress.max = total;
    balanceProgress.value = 0;
    balanceOut.replaceChildren(
      h('p', {
        class: 'small muted',
        text: `Playing on ${slices.length} worker${slices.length === 1 ? '' : 's'}…`,
      }),
    );
    balanceWorkers = slices.map((seeds, k) => {
      const worker = startWorker((reply) => {
        if (reply.id !== id || id !== latestBalance) return;
        if (reply.type === 'progress') {
          done[k] = reply.done;
          balanceProgress.value = done.reduce((a, b) => a + b, 0);
        } else if (reply.type === 'balanced') {
          parts[k] = reply.part;
          if (parts.every((p) => p !== null))
            finishBalance(renderBalance(combineBalance(parts as BalancePart[])));
        } else if (reply.type === 'error') {
          finishBalance(h('p', { class: 'small', role: 'alert', text: `Quick balance: ${reply.message}.` }));
        }
      });
      return worker;
    });
    // Posted after every worker exists: the in-page fallback answers synchronously.
    slices.forEach((seeds, k) => balanceWorkers[k]?.post({ type: 'balance', id, text, fileName, seeds }));
  });

  close.addEventListener('click', () => {
    saveNow();
    dispose();
    options.onClose();
  });

  // Written at once when the tab is hidden or closed: the debounce must never be what loses text.
  const onHide = () => {
    if (saveTimer !== undefined || document.visibilityState === 'hidden') saveNow();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onHide);

  let disposed = false;
  function dispose(): void {
    if (disposed) return;
    disposed = true;
    if (saveTimer !== undefined) saveNow();
    clearTimeout(compileTimer);
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', onHide);
    unsubscribeScreen();
    compileWorker.stop();
    stopBalance();
    editor.destroy();
    element.remove();
  }

  // The menu takes the focus when it first appears (the page opened at #studio while loading): give it back.
  const unsubscribeScreen = session.subscribe(
    (st) => st.screen,
    () => {
      if (!element.contains(document.activeElement)) editor.view.focus();
    },
  );

  editor.view.focus();
  return { element, dispose };
}
