/**
 * Loader fuzz: random text, YAML-ish token soups and small mutations of the shipped scenarios must only ever
 * produce diagnostics. For every case: `compile` does not throw (nor hide a crash behind its "internal error"
 * diagnostic), returns within a hang guard, puts every position inside the file, uses known codes, and returns
 * a scenario exactly when there is no error.
 * 2,000 cases per run (500 random strings, 700 token soups, 800 mutations). The seed is random each run;
 * fast-check prints it with any counterexample, so a failure can be replayed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, DIAGNOSTIC_CODES, MAX_DIAGNOSTICS } from '../../src/scenario';

/** A hang guard, not a benchmark: a compile of these small files takes milliseconds. */
const MAX_MS_PER_CASE = 2000;

function checkCompile(text: string): void {
  const t0 = performance.now();
  const result = compile(text, 'fuzz.yaml');
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(MAX_MS_PER_CASE);
  const lines = text.split('\n');
  const inside = (p: { line: number; column: number }): boolean =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.column) &&
    p.line >= 1 &&
    p.line <= lines.length &&
    p.column >= 1 &&
    p.column <= lines[p.line - 1]!.length + 1;
  expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 1);
  for (const d of result.diagnostics) {
    expect(DIAGNOSTIC_CODES[d.code], d.code).toBeDefined();
    expect(d.message, 'compile caught an exception of its own').not.toContain('internal error');
    expect(d.message.length).toBeGreaterThan(0);
    expect(inside(d), `${d.code} at ${d.line}:${d.column} is outside the file`).toBe(true);
    const related = d.related ?? { line: 1, column: 1 };
    expect(inside(related), `related ${related.line}:${related.column} is outside the file`).toBe(true);
  }
  const hasError = result.diagnostics.some((d) => d.severity === 'error');
  expect(result.scenario !== undefined).toBe(!hasError);
}

const SCENARIO_DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const shipped = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(SCENARIO_DIR, f), 'utf8'));

// --- (a) random input ------------------------------------------------------------------------------------------

// prettier-ignore
const TOKENS = [
  'format: 1\n', 'id: x\n', 'services:\n', 'injects:\n', '  - ', '- ', ': ', ':', '\n', '  ', '    ', '\t', '{', '}', '[', ']', ', ',
  '&a ', '*a', '&b ', '*b', '"', "'", '# c', '|', '>-', '---\n', '...\n', '? ', '!!str ', '!!map ', '%YAML 1.2\n', '\r\n',
  'null', '~', 'true', '1e999', '-1', '0.5', '15m', 'when: ', 'service("', '").availability < 0.5', 'trigger: ', 'at: 3h',
  'type: fire', 'inject: ', 'from: ', 'to: ', 'kind: hard', 'capacity: ', 'map: { x: 1, y: 2 }', '\u0000', '\u00e9', '\u{1f600}',
];

describe('loader fuzz: random input', () => {
  it('random strings only ever give diagnostics', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
    );
    fc.assert(fc.property(text, checkCompile), { numRuns: 500 });
  }, 60_000);

  it('YAML-ish token soups only ever give diagnostics', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join(''));
    fc.assert(fc.property(soup, checkCompile), { numRuns: 700 });
  }, 60_000);
});

// --- (b) mutations of the shipped scenarios -------------------------------------------------------------------

type Mutation = (text: string, r: number[]) => string;

/**
 * `r` is a few unbiased random integers so that each mutation picks its own places. (fast-check's doubles and
 * integers lean towards 0 and the bounds: with them every mutation kept picking the first line or number.)
 */
const pick = (n: number, r: number): number => r % n;
const choose = <T>(list: readonly T[], r: number): T => list[pick(list.length, r)]!;

const byLines =
  (f: (lines: string[], r: number[]) => void): Mutation =>
  (text, r) => {
    const lines = text.split('\n');
    f(lines, r);
    return lines.join('\n');
  };

/** One-character typo: drop, double, or swap with the next letter. */
function typo(word: string, r: number): string {
  const i = pick(word.length, r);
  const kind = pick(3, Math.floor(r / word.length));
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i]! + word.slice(i);
  return i + 1 < word.length ? word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2) : `${word}s`;
}

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: byLines((l, r) => void l.splice(pick(l.length, r[0]!), 1)),
  duplicateLine: byLines((l, r) => {
    const i = pick(l.length, r[0]!);
    l.splice(i, 0, l[i]!);
  }),
  swapLines: byLines((l, r) => {
    const i = pick(l.length, r[0]!);
    const j = pick(l.length, r[1]!);
    [l[i], l[j]] = [l[j]!, l[i]!];
  }),
  reindent: byLines((l, r) => {
    const i = pick(l.length, r[0]!);
    const change = choose(['', ' ', '  ', '   ', '\t'], r[1]!);
    l[i] = r[2]! < 0.5 ? change + l[i]! : l[i]!.replace(/^ {1,3}/, change);
  }),
  typoInId: (text, r) => {
    // Any id defined in the file, at one of the places it is written (definition or reference).
    const ids = [...new Set([...text.matchAll(/\bid: ([a-z0-9-]+)/g)].map((m) => m[1]!))];
    if (ids.length === 0) return text;
    const id = choose(ids, r[0]!);
    const at = [...text.matchAll(new RegExp(`(?<![a-z0-9-])${id}(?![a-z0-9-])`, 'g'))].map((m) => m.index);
    const start = choose(at, r[1]!);
    return text.slice(0, start) + typo(id, r[2]!) + text.slice(start + id.length);
  },
  numberToText: (text, r) => {
    const numbers = [...text.matchAll(/(?<=: )-?\d+(\.\d+)?(?=[\s,}])/g)];
    if (numbers.length === 0) return text;
    const m = choose(numbers, r[0]!);
    const replacement = choose([`'${m[0]}'`, 'many', '"12 %"', '[]', '{}'], r[1]!);
    return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
  },
  breakCondition: (text, r) => {
    // Inside a `when` expression, so the column mapping into quoted and folded scalars is exercised too.
    const conditions = [...text.matchAll(/when: '([^']*)'/g)];
    if (conditions.length === 0) return text;
    const m = choose(conditions, r[0]!);
    const at = m.index + "when: '".length + pick(m[1]!.length + 1, r[1]!);
    const piece = choose(
      ['<', ' ', '(', ')', '"', 'x', '.', '\\', "''", '\n        ', 'and', '"nope"'],
      r[2]!,
    );
    return text.slice(0, at) + piece + text.slice(at);
  },
  insertChar: (text, r) => {
    const i = pick(text.length + 1, r[0]!);
    const c = choose([...':-{}[],#&*!|>\'"%@`\t\n x0'], r[1]!);
    return text.slice(0, i) + c + text.slice(i);
  },
};

const mutation = fc.record({
  name: fc.constantFrom(...Object.keys(MUTATIONS)),
  r: fc.array(fc.noBias(fc.nat()), { minLength: 3, maxLength: 3 }),
});

describe('loader fuzz: mutated shipped scenarios', () => {
  it('there is a shipped scenario to mutate, and it compiles cleanly', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const text of shipped)
      expect(compile(text, 'shipped.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('one to three mutations only ever give diagnostics', () => {
    const arb = fc.record({
      file: fc.nat({ max: shipped.length - 1 }),
      steps: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ file, steps }) => {
        let text = shipped[file]!;
        for (const s of steps) text = MUTATIONS[s.name]!(text, s.r);
        checkCompile(text);
      }),
      { numRuns: 800 },
    );
  }, 120_000);
});
