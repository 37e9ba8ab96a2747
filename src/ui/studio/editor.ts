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
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../scenario';
import { completeAt, hoverAt, type CompletionSources } from '../../studio/completions';

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

/** Offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
  return l.from + Math.max(0, Math.min(column - 1, l.length));
}

/** The span a squiggle covers: the word or scalar starting at the diagnostic, at least one character. */
function spanAt(doc: Text, line: number, column: number): { from: number; to: number } {
  const from = offsetOf(doc, line, column);
  const l = doc.lineAt(from);
  const rest = doc.sliceString(from, l.to);
  const word = /^[^\s,{}[\]]+/.exec(rest)?.[0].length ?? 0;
  if (word > 0) return { from, to: from + word };
  if (from < l.to) return { from, to: l.to };
  // At the end of a line (or an empty file): mark the character before, or nothing past the end.
  return { from: Math.max(l.from, from - 1), to: from };
}

function messageNode(d: Diagnostic): Node {
  const box = document.createElement('div');
  box.className = 'studio-lint-message';
  const head = document.createElement('div');
  head.textContent = `${d.code} ${d.message}`;
  const fix = document.createElement('div');
  fix.className = 'studio-lint-fix';
  fix.textContent = `Fix: ${DIAGNOSTIC_CODES[d.code]?.fix ?? ''}`;
  box.append(head, fix);
  return box;
}

export function toCmDiagnostics(doc: Text, diagnostics: readonly Diagnostic[]): CmDiagnostic[] {
  return diagnostics.map((d) => {
    const { from, to } = spanAt(doc, d.line, d.column);
    return {
      from,
      to,
      severity: d.severity,
      source: d.code,
      message: `${d.code} ${d.message} — Fix: ${DIAGNOSTIC_CODES[d.code]?.fix ?? ''}`,
      renderMessage: () => messageNode(d),
    };
  });
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
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario file (YAML)', spellcheck: 'false' }),
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
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
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
