/**
 * Diagnostics quote at most MAX_QUOTED_CHARS of the author's text (issue 11: a 1 MB `timeout` came back whole in
 * its message, and the validate CLI printed a megabyte). Whatever a message quotes, it stays short.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS, quoteText } from '../../src/scenario';

const BASE = readFileSync(join(import.meta.dirname, 'fixtures', 'base.yaml'), 'utf8');
// 840,000 characters: under the file limit (MAX_SOURCE_BYTES), so the compiler reads the file and quotes the value.
const HUGE = '<img src=x onerror=alert(1)>'.repeat(30_000);

describe('diagnostics quote little of the author’s text', () => {
  it('quoteText keeps short text and clips long text with an ellipsis and the length', () => {
    expect(quoteText('15 minutes')).toBe('15 minutes');
    const q = quoteText('x'.repeat(5000));
    expect(q).toBe(`${'x'.repeat(MAX_QUOTED_CHARS)}… (5,000 characters)`);
  });

  it.each([
    ['a duration', BASE.replace('  duration: 2h', `  duration: "${HUGE}"`)],
    ['an id', BASE.replace('  - id: edge', `  - id: "${HUGE}"`)],
    ['a field name', BASE.replace('    kind: edge', `    kind: edge\n    "${HUGE}": 1`)],
    ['an enum value', BASE.replace('    kind: edge', `    kind: "${HUGE}"`)],
  ])('a megabyte in %s gives a short message', (_what, text) => {
    const { diagnostics } = compile(text, 'huge.yaml');
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(d.message).not.toContain(HUGE.slice(0, 1000));
    }
  });
});
