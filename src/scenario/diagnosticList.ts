/**
 * Collecting diagnostics, capped and clamped, without the table of every code's title and fix (diagnostics.ts),
 * so that the page can build a precompiled scenario without carrying that table.
 */
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostics';

/** The codes that are warnings (a scenario with only these still runs); the rest are errors. */
export const WARNING_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'SCN044',
  'SCN047',
  'SCN050',
  'SCN060',
  'SCN063',
]);

export const MAX_DIAGNOSTICS = 100;

/** A diagnostic quotes at most this many characters of the author's text (a 1 MB value must not flood a screen). */
export const MAX_QUOTED_CHARS = 120;
/**
 * The last safeguard: no message is longer than this, whatever it quotes (lists of known ids included). The
 * places that quote the author's text clip it to MAX_QUOTED_CHARS first, so this only cuts what was missed.
 */
export const MAX_MESSAGE_CHARS = 400;

/** `text` as a diagnostic quotes it: at most MAX_QUOTED_CHARS characters, then an ellipsis and the length. */
export function quoteText(text: string, max = MAX_QUOTED_CHARS): string {
  return text.length > max
    ? `${text.slice(0, max)}… (${text.length.toLocaleString('en-GB')} characters)`
    : text;
}

function clampMessage(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message;
}

/** Collects diagnostics, capped, never throwing. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  private capped = false;

  constructor(readonly file: string) {}

  add(d: Omit<Diagnostic, 'file' | 'severity'> & { severity?: Severity }): void {
    if (this.items.length >= MAX_DIAGNOSTICS) {
      if (!this.capped) {
        this.capped = true;
        this.items.push({
          ...d,
          code: 'SCN099',
          severity: 'error',
          file: this.file,
          message: `more than ${MAX_DIAGNOSTICS} problems; fix these first`,
        });
      }
      return;
    }
    const severity = d.severity ?? (WARNING_CODES.has(d.code) ? 'warning' : 'error');
    const related = d.related && { ...d.related, message: clampMessage(d.related.message) };
    this.items.push({
      ...d,
      message: clampMessage(d.message),
      ...(related ? { related } : {}),
      severity,
      file: this.file,
    });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}
