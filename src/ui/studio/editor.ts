/**
 * The studio's text editor: CodeMirror 6 with YAML highlighting, undo history, search, the project's own
 * diagnostics as squiggles (set from the compile worker's replies, never computed here), and completion and
 * hover docs from src/studio (the JSON Schema and the ids of the file). Text the author wrote is only ever
 * shown as text: completion info and tooltips are built with textContent.
 */
import {
  autocompletion,
  completionKeymap,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { t } from '../../i18n';
import type { Diagnostic } from '../../scenario';
import { completeAt, hoverAt, type CompletionSources } from '../../studio/completions';
import { offsetOf, toCmDiagnostics } from './diagnosticSpans';

export interface StudioEditor {
  view: EditorView;
  text(): string;
  /** Replace the whole text as one undoable change (a template or an uploaded file). */
  replace(text: string): void;
  /** Show the compiler's diagnostics for the text as it is now. */
  showDiagnostics(diagnostics: readonly Diagnostic[]): void;
  /** Put the cursor at a 1-based line and column and focus the editor. */
  goTo(line: number, column: number): void;
  destroy(): void;
}

export function createEditor(
  parent: HTMLElement,
  initial: string,
  sources: CompletionSources,
  onChange: (text: string) => void,
): StudioEditor {
  const complete = (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const result = completeAt(text, context.pos, sources);
    if (!result) return null;
    // Only when asked (Ctrl+Space) or once a word is being typed: not on every space and new line.
    if (!context.explicit && result.from === context.pos) return null;
    return {
      from: result.from,
      options: result.options.map((o) => ({
        label: o.label,
        apply: o.apply,
        type: o.type,
        detail: o.detail,
        info: o.info,
      })),
      validFor: /^[\w$-]*$/,
    };
  };
  const hover = hoverTooltip((view, pos) => {
    const found = hoverAt(view.state.doc.toString(), pos, sources);
    if (!found) return null;
    return {
      pos: found.from,
      end: found.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'studio-hover';
        dom.textContent = found.text;
        return { dom };
      },
    };
  });

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        bracketMatching(),
        indentUnit.of('  '),
        EditorState.tabSize.of(2),
        yaml(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        lintGutter(),
        autocompletion({ override: [complete], icons: false }),
        hover,
        keymap.of([
          ...completionKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          ...searchKeymap,
          ...lintKeymap,
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': t('studio:editorLabel'), spellcheck: 'false' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    replace(text) {
      // Its own undo step, never merged with typing or another load just before or after it.
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: isolateHistory.of('full'),
      });
    },
    showDiagnostics(diagnostics) {
      view.dispatch(setDiagnostics(view.state, toCmDiagnostics(view.state.doc, diagnostics)));
    },
    goTo(line, column) {
      const pos = offsetOf(view.state.doc, line, column);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
