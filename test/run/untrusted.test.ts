import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { boundedJson, decompressLimited, nestedDeeperThan, parseLimited } from '../../src/run';
import { runOfA } from './lzBomb';

describe('untrusted JSON: size and depth before parsing', () => {
  it('measures nesting without recursion, ignoring brackets inside strings', () => {
    expect(nestedDeeperThan('[[1]]', 2)).toBe(false);
    expect(nestedDeeperThan('[[[1]]]', 2)).toBe(true);
    expect(nestedDeeperThan('{"a":"[[[[[[\\"[[["}', 1)).toBe(false);
    expect(nestedDeeperThan('['.repeat(1_000_000), 32)).toBe(true);
  });

  it('refuses a value nested 10,000 deep with a reason, without throwing', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(parseLimited(deep, 'link', { maxChars: 1e6 })).toMatchObject({
      ok: false,
      reason: 'too-deep',
      error: 'the link is nested too deeply (more than 32 levels of brackets)',
    });
  });

  it('refuses text over its limit before parsing it', () => {
    const r = parseLimited(`"${'x'.repeat(100)}"`, 'save', { maxChars: 50 });
    expect(r).toMatchObject({
      ok: false,
      reason: 'too-large',
      error: 'the save is too large (102 characters; at most 50)',
    });
  });

  it('bounds the values a command may carry', () => {
    expect(
      boundedJson({ type: 'statement', blocks: [{ kind: 'eta', minutes: 10 }], languages: ['en'] }),
    ).toBe(true);
    expect(boundedJson({ type: 'x', a: 'y'.repeat(5000) })).toBe(false);
    expect(boundedJson({ type: 'x', a: [[[[[[[1]]]]]]] })).toBe(false);
    expect(boundedJson({ type: 'x', a: Array.from({ length: 100 }, () => 1) })).toBe(false);
  });
});

describe('bounded lz-string decompression', () => {
  it('gives what lz-string gives for any compressed text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.json({ maxDepth: 3 }),
        ),
        (text) => {
          const compressed = LZString.compressToEncodedURIComponent(text);
          const mine = decompressLimited(compressed, 1e6);
          expect(mine).toEqual(
            text === ''
              ? { ok: true, text: '' }
              : { ok: true, text: LZString.decompressFromEncodedURIComponent(compressed) },
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on damaged input, says so or agrees with lz-string (never throws)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$ %!';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 200 }), (input) => {
        const mine = decompressLimited(input, 1e6);
        let theirs: string | null;
        try {
          theirs = LZString.decompressFromEncodedURIComponent(input);
        } catch {
          theirs = null;
        }
        if (mine.ok) expect(mine.text).toBe(theirs);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops as soon as the output passes the limit (a short link can expand to millions of characters)', () => {
    const bomb = runOfA(10_000); // 50 million characters of "a" in a 20 k link
    expect(bomb.length).toBeLessThan(25_000);
    const started = performance.now();
    expect(decompressLimited(bomb, 1_000_000)).toEqual({ ok: false, reason: 'too-large' });
    expect(performance.now() - started).toBeLessThan(1000);
    // The same construction, small: lz-string and the bounded decompressor agree on it.
    const small = runOfA(100);
    const expected = 'a'.repeat(1 + (100 * 103) / 2);
    expect(LZString.decompressFromEncodedURIComponent(small)).toBe(expected);
    expect(decompressLimited(small, 1e6)).toEqual({ ok: true, text: expected });
  });
});
