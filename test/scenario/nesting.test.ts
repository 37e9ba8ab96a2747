/**
 * The nesting scan (src/scenario/nesting.ts) against the yaml library's own output: for random values written
 * in block and flow style, the scan's depth must never be below the value's true depth (so nothing deeper than
 * the limit reaches the library's recursive composer), and never far above it (so no real scenario is refused).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compile } from '../../src/scenario';
import { findDeepNesting, MAX_NESTING } from '../../src/scenario/nesting';

/** Lists and mappings inside each other: a scalar is 0, a collection one more than its deepest child. */
function trueDepth(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(trueDepth));
  if (value !== null && typeof value === 'object')
    return 1 + Math.max(0, ...Object.values(value).map(trueDepth));
  return 0;
}

/** The smallest limit the scan accepts `text` under: its estimate of the depth. */
function scannedDepth(text: string): number {
  const deep = findDeepNesting(text, 0);
  if (!deep) return 0;
  let lo = 1;
  let hi = 1_000;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findDeepNesting(text, mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Text that looks like structure but is not: brackets, quotes, `#`, `- `, `: ` and line breaks inside strings.
const trickyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '[',
    '{[',
    "don't [",
    '"[[',
    "'{{'",
    '# [[',
    '- - [',
    'a: [b',
    '|',
    '>\n [[',
    '\n  - [',
    '#',
    ':',
  ),
);

/** A chain `depth` deep, with tricky strings and siblings along the way. */
const nested = (depth: number) =>
  fc
    .array(fc.tuple(fc.boolean(), trickyText, fc.integer()), { minLength: depth, maxLength: depth })
    .map((levels) => {
      let value: unknown = 'leaf';
      for (const [asList, text, n] of levels)
        value = asList ? [text, value, n] : { [text || 'k']: value, n, text };
      return value;
    });

const styles = [
  { name: 'block', write: (v: unknown) => stringify({ v }) },
  { name: 'flow', write: (v: unknown) => stringify({ v }, { collectionStyle: 'flow' }) },
  { name: 'JSON', write: (v: unknown) => JSON.stringify({ v }) },
];

describe('findDeepNesting', () => {
  for (const style of styles)
    it(`is never below the true depth, and at most 2 above it, in ${style.name} style`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 60 }).chain(nested), (value) => {
          const text = style.write(value);
          const depth = trueDepth({ v: value });
          const scanned = scannedDepth(text);
          expect(scanned).toBeGreaterThanOrEqual(depth);
          expect(scanned).toBeLessThanOrEqual(depth + 2);
        }),
        { numRuns: 150 },
      );
    });

  it('accepts every shipped scenario with room to spare (they nest at most 11 deep)', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files)
      expect(scannedDepth(readFileSync(new URL(f, dir), 'utf8')), f).toBeLessThanOrEqual(12);
  });

  it.each([
    ['20,000 flow brackets', `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 1, 4 + MAX_NESTING - 1],
    [
      '190,000 flow mappings (just under the 1,000,000-character file limit)',
      `a: ${'{a: '.repeat(190_000)}1${'}'.repeat(190_000)}\n`,
      1,
      4 + 4 * (MAX_NESTING - 1),
    ],
    ['1,000 compact `- `', `a:\n${'- '.repeat(1_000)}x\n`, 2, 1 + 2 * (MAX_NESTING - 1)],
  ])('refuses %s at once, as SCN006 where the limit is passed', (_name, text, line, column) => {
    const result = compile(text, 'deep.yaml');
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.code} at ${d.line}:${d.column}`)).toEqual([
      `SCN006 at ${line}:${column}`,
    ]);
    expect(result.diagnostics[0]!.message).toContain(`more than ${MAX_NESTING} deep`);
  });

  it('refuses block nesting 1,000 deep at line 101, where the 101st level starts', () => {
    let text = '';
    for (let i = 0; i < 1_000; i++) text += `${' '.repeat(i)}k:\n`;
    const result = compile(`${text}${' '.repeat(1_000)}v\n`, 'deep.yaml');
    expect(result.diagnostics.map((d) => `${d.code} at ${d.line}:${d.column}`)).toEqual([
      'SCN006 at 101:101',
    ]);
  });
});
