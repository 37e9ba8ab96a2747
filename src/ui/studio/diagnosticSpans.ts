/**
 * The project's diagnostics (1-based line and column, no end) as CodeMirror lint ranges: each squiggle covers
 * the word or scalar the diagnostic points at (a key without its colon), at least one character, and its
 * message carries the code and the fix text from the diagnostics table.
 */
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { t } from '../../i18n';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../scenario';

/** Offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
  return l.from + Math.max(0, Math.min(column - 1, l.length));
}

/** The span a squiggle covers: the word or scalar starting at the diagnostic, at least one character. */
export function spanAt(doc: Text, line: number, column: number): { from: number; to: number } {
  const from = offsetOf(doc, line, column);
  const l = doc.lineAt(from);
  const rest = doc.sliceString(from, l.to);
  // A key's colon is not part of the mistake: `capacty:` underlines `capacty`.
  const word = /^[^\s,{}[\]]+?(?=:?(?:[\s,{}[\]]|$))/.exec(rest)?.[0].length ?? 0;
  if (word > 0) return { from, to: from + word };
  if (from < l.to) return { from, to: l.to };
  // At the end of a line (or an empty file): mark the character before, or nothing past the end.
  return { from: Math.max(l.from, from - 1), to: from };
}

/** The code's fix in the interface language (the same text as the code table in English). */
function fixOf(d: Diagnostic): string {
  return DIAGNOSTIC_CODES[d.code] ? t(`diagnostics:${d.code}.fix`) : '';
}

function messageNode(d: Diagnostic): Node {
  const box = document.createElement('div');
  box.className = 'studio-lint-message';
  const head = document.createElement('div');
  head.textContent = `${d.code} ${d.message}`;
  const fix = document.createElement('div');
  fix.className = 'studio-lint-fix';
  fix.textContent = t('studio:fix', { fix: fixOf(d) });
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
      message: `${d.code} ${d.message} — ${t('studio:fix', { fix: fixOf(d) })}`,
      renderMessage: () => messageNode(d),
    };
  });
}
