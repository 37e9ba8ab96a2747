import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_FRAGMENT_LENGTH, MAX_SHARE_JSON_CHARS } from '../../src/run';
import { compressToEncodedURIComponent } from 'lz-string';
import { logFrom } from './fixtures';
import { runOfA } from './lzBomb';

describe('share links', () => {
  it('round-trip scenario id, seed, commands and final hash', () => {
    const run = {
      scenarioId: 'nairobi-ddos-2023',
      seed: '42',
      commands: logFrom([
        [10, 0],
        [99, 11],
      ]),
      finalHash: 'abc',
    };
    const fragment = encodeShare(run)!;
    expect(fragment.startsWith('run=')).toBe(true);
    const back = decodeShare(`#${fragment}`);
    expect(back).toEqual({ ok: true, run });
  });

  it('refuse links that are too long for a URL (use a file export instead)', () => {
    const many = logFrom(Array.from({ length: 5000 }, (_, i) => [i, i] as [number, number]));
    expect(encodeShare({ scenarioId: 'x', seed: '1', commands: many })).toBeUndefined();
    expect(MAX_FRAGMENT_LENGTH).toBeGreaterThan(1000);
  });

  it('reject damaged and hostile links with a reason', () => {
    expect(decodeShare('#not-a-run')).toMatchObject({ ok: false, error: 'not a Cascade run link' });
    expect(decodeShare('#run=%%%').ok).toBe(false);
    const hostile =
      'run=' +
      compressToEncodedURIComponent(JSON.stringify({ v: 1, s: 'x', seed: '1', c: [[-5, { type: 'noop' }]] }));
    expect(decodeShare(hostile).ok).toBe(false);
    const wrongShape =
      'run=' + compressToEncodedURIComponent(JSON.stringify({ v: 1, s: 'x', seed: '1', c: 'oops' }));
    expect(decodeShare(wrongShape).ok).toBe(false);
  });

  it('never throw on arbitrary fragments', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = decodeShare(`run=${s}`);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  // Issue 11: hostile links found by the audit.
  const link = (payload: unknown) => `run=${compressToEncodedURIComponent(JSON.stringify(payload))}`;

  it('refuse a short link with a command nested 10,000 deep, naming why (it threw in structuredClone)', () => {
    const deep = `{"v":1,"s":"tutorial","seed":"1","c":[[0,{"type":"noop","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}]]}`;
    const fragment = `run=${compressToEncodedURIComponent(deep)}`;
    expect(fragment.length).toBeLessThan(1000);
    expect(decodeShare(fragment)).toMatchObject({
      ok: false,
      error: 'the link is nested too deeply (more than 12 levels of brackets)',
    });
  });

  it('refuse a link that expands past the limit, before parsing it (20 k characters expand to 50 M)', () => {
    const fragment = `run=${runOfA(10_000)}`;
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_LENGTH);
    const started = performance.now();
    expect(decodeShare(fragment)).toMatchObject({
      ok: false,
      error: `the link is too large: it expands to more than ${MAX_SHARE_JSON_CHARS.toLocaleString('en-GB')} characters`,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuse commands that carry large or deep values', () => {
    const huge = link({
      v: 1,
      s: 'tutorial',
      seed: '1',
      c: [[0, { type: 'mitigate', mitigation: 'x'.repeat(100_000) }]],
    });
    expect(decodeShare(huge)).toMatchObject({
      ok: false,
      error: 'the link is damaged: c.0.1: a command holds values too large or nested too deeply',
    });
    const far = link({ v: 1, s: 'tutorial', seed: '1', c: [[1e12, { type: 'noop' }]] });
    expect(decodeShare(far).ok).toBe(false);
  });
});
