import { describe, expect, it } from 'vitest';
import { displayText, escapeHtml } from '../../src/run';

describe('untrusted text made safe to show', () => {
  it('removes bidirectional embedding, override and isolate controls (a save named "\\u202Eevil" showed as "live")', () => {
    expect(displayText('\u202Eevil')).toBe('evil');
    expect(displayText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i')).toBe('abcdefghi');
    // Right-to-left letters themselves, and ordinary text, are left as they are.
    expect(displayText('مرحبا — Morning drill')).toBe('مرحبا — Morning drill');
    const plain = 'Tutorial: your first ten minutes';
    expect(displayText(plain)).toBe(plain);
    // Called twice in a row (the regular expression is global): the same answer.
    expect(displayText('\u202Ex')).toBe('x');
    expect(displayText('\u202Ex')).toBe('x');
  });

  it('escapes the characters that make HTML', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)> & "q"')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; "q"',
    );
  });
});
