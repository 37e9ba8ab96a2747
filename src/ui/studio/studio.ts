/**
 * The instructor's studio (loaded on demand by ../studioRoute.ts, so the game's start-up bundle does not carry
 * CodeMirror): the scenario text in an editor, the project's own diagnostics as the author types (compiled in
 * a worker, debounced), a live picture of the city, and "try it fast" — start the drill from the text, at any
 * T+ or just before a chosen inject, and a quick balance over 50 seeds.
 *
 * Nothing typed is lost: the draft is written to the browser's storage after every pause in typing and when
 * the page is hidden; templates and uploads replace the text as one undoable change.
 */
import { currentLocale, t } from '../../i18n';
import type { SessionStore } from '../../store';
import type { Diagnostic } from '../../scenario';
import { expressionNames } from '../../studio/expressionNames';
import type { PreviewModel } from '../../studio/preview';
import type { JsonSchema } from '../../studio/schemaWalk';
import { BLANK_FILE_NAME, BLANK_TEMPLATE } from '../../studio/template';
import schemaJson from '../../../scenarios/scenario.schema.json';
import { h, setText } from '../dom';
import { diagnosticLine } from '../menu';
import { browserStorage } from '../saves/browserStorage';
import { SHIPPED_SCENARIOS } from '../scenarioFiles';
import { createBalancePanel } from './balancePanel';
import { readDraft, writeDraft } from './drafts';
import { createEditor } from './editor';
import { createPreviewView } from './previewView';
import { startWorker } from './studioWorker';
import { createTryIt } from './tryIt';
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
/**
 * A file over this many bytes has more than the 1,000,000 characters a scenario may have (SCN002: UTF-8 spends at
 * most 3 bytes per UTF-16 unit), so it is refused unread; a smaller one over the limit opens and shows SCN002.
 */
const MAX_UPLOAD_BYTES = 3_000_000;

export function mountStudio(root: HTMLElement, session: SessionStore, options: StudioOptions): Studio {
  const storage = browserStorage();
  const draft = readDraft(storage);
  let fileName = draft?.fileName ?? BLANK_FILE_NAME;

  // ---- header: templates, file name, upload, download, close ----
  const templateSelect = h(
    'select',
    { id: 'studio-template', 'aria-label': t('studio:startFrom') },
    h('option', { value: '', text: t('studio:blankTemplate') }),
    ...SHIPPED_SCENARIOS.map((f) => h('option', { value: f.fileName, text: f.fileName })),
  );
  const loadTemplate = h('button', { type: 'button', id: 'studio-load-template', text: t('studio:load') });
  const nameInput = h('input', {
    type: 'text',
    id: 'studio-file-name',
    value: fileName,
    maxlength: 120,
    spellcheck: 'false',
    'aria-label': t('studio:fileName'),
  });
  const upload = h('input', {
    type: 'file',
    id: 'studio-upload',
    accept: '.yaml,.yml,text/yaml',
    class: 'visually-hidden',
  });
  const uploadLabel = h('label', { for: 'studio-upload', class: 'button', text: t('studio:upload') });
  const download = h('button', { type: 'button', id: 'studio-download', text: t('studio:download') });
  const saveStatus = h('span', { id: 'studio-save-status', class: 'small muted', 'aria-live': 'polite' });
  const close = h('button', { type: 'button', id: 'studio-close', text: t('studio:backToMenu') });

  // ---- side: problems, preview, try it, balance ----
  const status = h('p', {
    id: 'studio-status',
    class: 'studio-status',
    'aria-live': 'polite',
    text: t('studio:checking'),
  });
  const diagList = h('ol', {
    id: 'studio-diagnostics',
    class: 'studio-diagnostics',
    'aria-label': t('studio:problems'),
  });
  const preview = createPreviewView();
  // The text and file name are read when used (the editor is created below, once the page is built).
  const tryIt = createTryIt(session, {
    rateScale: options.rateScale,
    text: () => editor.text(),
    fileName: () => fileName,
    beforeStart: () => saveNow(),
    started: () => {
      dispose();
      options.onClose();
    },
  });
  const balance = createBalancePanel({ text: () => editor.text(), fileName: () => fileName });

  const editorHost = h('div', { class: 'studio-editor', id: 'studio-editor' });
  const element = h(
    'div',
    { id: 'studio', class: 'studio', role: 'region', 'aria-label': t('studio:region') },
    h(
      'header',
      { class: 'studio-bar' },
      h('h1', { text: t('studio:title') }),
      h('label', { class: 'studio-field' }, `${t('studio:startFrom')} `, templateSelect),
      loadTemplate,
      h('label', { class: 'studio-field' }, `${t('studio:file')} `, nameInput),
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
          h('h2', { id: 'studio-problems-title', text: t('studio:problems') }),
          status,
          diagList,
        ),
        h(
          'section',
          { 'aria-labelledby': 'studio-city-title' },
          h('h2', { id: 'studio-city-title', text: t('studio:city') }),
          preview.element,
        ),
        tryIt.element,
        balance.element,
      ),
    ),
  );
  root.replaceChildren(element);

  // ---- compile as the author types ----
  let latestCompile = 0;
  let compiledText = '';
  let lastPreview: PreviewModel | null = null;
  let compileTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const renderDiagnostics = (diagnostics: readonly Diagnostic[]) => {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    setText(
      status,
      errors === 0 && warnings === 0
        ? t('studio:noProblems')
        : t(errors > 0 ? 'studio:problemsBlocking' : 'studio:problemsCount', {
            errors: t('studio:errors', { count: errors }),
            warnings: t('studio:warnings', { count: warnings }),
          }),
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

  const compileWorker = startWorker((reply) => {
    if (reply.type !== 'compiled' || reply.id !== latestCompile) return; // a newer text is on its way
    if (compiledText !== editor.text()) return;
    editor.showDiagnostics(reply.diagnostics);
    renderDiagnostics(reply.diagnostics);
    if (reply.preview) {
      lastPreview = reply.preview;
      preview.show(reply.preview);
      tryIt.showInjects(reply.preview);
    } else if (lastPreview) {
      preview.stale(t('studio:stalePreview'));
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
        ? t('studio:draftSaved', { time: new Date().toLocaleTimeString(currentLocale()) })
        : t('studio:notSaved', { reason: written.error }),
    );
    saveStatus.dataset.saved = String(written.ok);
  };

  const onChange = () => {
    clearTimeout(compileTimer);
    compileTimer = setTimeout(requestCompile, COMPILE_DELAY_MS);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
    setText(saveStatus, t('studio:editing'));
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
      draft.savedAt
        ? t('studio:draftRestoredAt', { time: new Date(draft.savedAt).toLocaleString(currentLocale()) })
        : t('studio:draftRestored'),
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
        setText(saveStatus, t('studio:couldNotLoad', { file: chosen }));
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
      // Certainly over the scenario limit (SCN002); reading it would only freeze the editor.
      setText(saveStatus, t('studio:tooLarge', { file: file.name, size: (file.size / 1e6).toFixed(1) }));
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
    balance.dispose();
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
