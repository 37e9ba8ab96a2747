/**
 * Untrusted text made safe to show: scenario files, save names and run files are written by anyone.
 *
 * - `displayText` removes the Unicode bidirectional embedding, override and isolate controls (U+202A–U+202E,
 *   U+2066–U+2069): a save named "\u202Eevil" would otherwise be shown as "live", and a scenario line could
 *   reverse the words around it. The DOM helpers (src/ui/dom.ts) pass every text they set through it.
 * - `escapeHtml` is for exports read by other programs (the Markdown report): `<img src=x onerror=…>` must
 *   stay text when the Markdown is rendered.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function displayText(text: string): string {
  // The test first: most text has none, and the panels call this every frame.
  BIDI_CONTROLS.lastIndex = 0;
  return BIDI_CONTROLS.test(text) ? text.replace(BIDI_CONTROLS, '') : text;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** `&`, `<` and `>` as entities: enough for text outside attributes (what a Markdown renderer makes of it). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!);
}
