/**
 * The diagnostics corpus: test/scenario/fixtures/ holds a valid base scenario and broken copies of it, one
 * mistake each, with the diagnostics expected in `<name>.expected.json` ([{code, line, column, messageIncludes?,
 * related?}]). The expected positions were counted by hand from each fixture's text (see fixtures/README.md),
 * so a diagnostic that drifts to another line or column fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compile,
  DIAGNOSTIC_CODES,
  MAX_DIAGNOSTICS,
  MAX_UNREAD_FILE_BYTES,
  refuseUnread,
  type Diagnostic,
} from '../../src/scenario';
import { MAX_SOURCE_BYTES } from '../../src/scenario/document';
import { WARNING_CODES } from '../../src/scenario/diagnosticList';

const DIR = join(import.meta.dirname, 'fixtures');

interface Expected {
  code: string;
  line: number;
  column: number;
  messageIncludes?: string;
  related?: { line: number; column: number };
}

const fixtures = readdirSync(DIR)
  .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.expected.json') && f !== 'base.yaml')
  .sort();

function expectedFor(name: string): Expected[] {
  return JSON.parse(
    readFileSync(join(DIR, name.replace(/\.(ya?ml|json)$/, '.expected.json')), 'utf8'),
  ) as Expected[];
}

const key = (d: { code: string; line: number; column: number }): string =>
  `${d.code} at ${d.line}:${d.column}`;

/** What every diagnostic must carry, whatever the mistake. */
function checkShape(d: Diagnostic, file: string, text: string): void {
  const lines = text.split(/\r?\n/);
  expect(d.file).toBe(file);
  expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
  expect(d.severity).toBe(DIAGNOSTIC_CODES[d.code]!.severity);
  expect(d.message.trim().length).toBeGreaterThan(0);
  expect(d.line).toBeGreaterThanOrEqual(1);
  expect(d.line).toBeLessThanOrEqual(lines.length);
  expect(d.column).toBeGreaterThanOrEqual(1);
  expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
}

describe('diagnostics corpus', () => {
  it('has at least 35 broken fixtures, each with its expected diagnostics', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(35);
    for (const f of fixtures) expect(expectedFor(f).length, f).toBeGreaterThan(0);
  });

  it('the base scenario compiles with no diagnostic at all', () => {
    const result = compile(readFileSync(join(DIR, 'base.yaml'), 'utf8'), 'base.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario?.id).toBe('base-drill');
  });

  it.each(fixtures)('%s', (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const result = compile(text, name);
    const expected = expectedFor(name);
    // Same multiset of code + position.
    expect(result.diagnostics.map(key).sort()).toEqual(expected.map(key).sort());
    for (const e of expected) {
      const d = result.diagnostics.find((x) => key(x) === key(e))!;
      if (e.messageIncludes) expect(d.message).toContain(e.messageIncludes);
      if (e.related)
        expect(d.related && { line: d.related.line, column: d.related.column }).toEqual(e.related);
    }
    for (const d of result.diagnostics) checkShape(d, name, text);
    // Never a half-loaded scenario: any error means none; warnings alone still load.
    const hasError = result.diagnostics.some((d) => d.severity === 'error');
    expect(result.scenario === undefined).toBe(hasError);
  });

  it('every reachable code has a fixture', () => {
    const covered = new Set(fixtures.flatMap((f) => expectedFor(f).map((e) => e.code)));
    // Tested below rather than with a committed file (a 1 MB fixture, a 300-error file).
    covered.add('SCN002');
    covered.add('SCN099');
    // Every code in the table can be emitted by the compiler.
    const unreachable: string[] = [];
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((c) => !covered.has(c) && !unreachable.includes(c));
    expect(missing).toEqual([]);
  });

  it('reports a YAML alias bomb quickly', () => {
    const text = readFileSync(join(DIR, 'scn003-alias-bomb.yaml'), 'utf8');
    const t0 = performance.now();
    const result = compile(text, 'bomb.yaml');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SCN003']);
  });

  it('rejects a file over the size limit before parsing it (SCN002 at 1:1)', () => {
    const base = readFileSync(join(DIR, 'base.yaml'), 'utf8');
    const text = `${base}# ${'x'.repeat(MAX_SOURCE_BYTES)}\n`;
    const result = compile(text, 'huge.yaml');
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics.map(key)).toEqual(['SCN002 at 1:1']);
  });

  it('reads a file of exactly the limit (the limit is characters, not bytes)', () => {
    const base = readFileSync(join(DIR, 'base.yaml'), 'utf8');
    const pad = MAX_SOURCE_BYTES - base.length - 3;
    const text = `${base}# ${'é'.repeat(pad)}\n`;
    expect(text.length).toBe(MAX_SOURCE_BYTES);
    const result = compile(text, 'at-limit.yaml');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.scenario).toBeDefined();
  });

  it('refuses a file far over the limit by its size, unread, as SCN002 at 1:1', () => {
    expect(MAX_UNREAD_FILE_BYTES).toBe(3 * MAX_SOURCE_BYTES);
    const { text, compiled } = refuseUnread('city.yaml', 52_428_800);
    expect(text).toBe('');
    expect(compiled.scenario).toBeUndefined();
    expect(compiled.diagnostics.map(key)).toEqual(['SCN002 at 1:1']);
    expect(compiled.diagnostics[0]!.file).toBe('city.yaml');
    expect(compiled.diagnostics[0]!.message).toContain('52,428,800 bytes');
    expect(compiled.diagnostics[0]!.message).toContain('not read');
  });

  it('caps a file with 300 mistakes at MAX_DIAGNOSTICS and ends with SCN099', () => {
    // 300 unknown top-level fields: each would be its own SCN010.
    const base = readFileSync(join(DIR, 'base.yaml'), 'utf8');
    const extra = Array.from({ length: 300 }, (_, i) => `unknown-field-${i}: ${i}`).join('\n');
    const text = `${base}${extra}\n`;
    const result = compile(text, 'many.yaml');
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(result.diagnostics.slice(0, MAX_DIAGNOSTICS).every((d) => d.code === 'SCN010')).toBe(true);
    expect(result.diagnostics[MAX_DIAGNOSTICS]!.code).toBe('SCN099');
    for (const d of result.diagnostics) checkShape(d, 'many.yaml', text);
    // The first unknown field is on the line after the base's last line.
    expect(result.diagnostics[0]!.line).toBe(base.split('\n').length);
  });

  it('WARNING_CODES (the page builds scenarios without the table) are exactly the warnings of the table', () => {
    const warnings = Object.entries(DIAGNOSTIC_CODES)
      .filter(([, info]) => info.severity === 'warning')
      .map(([code]) => code)
      .sort();
    expect([...WARNING_CODES].sort()).toEqual(warnings);
    expect(warnings.length).toBeGreaterThan(0);
  });
});
