import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_FRAGMENT_LENGTH } from '../../src/run';
import { compressToEncodedURIComponent } from 'lz-string';
import { logFrom } from './fixtures';

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
    expect(decodeShare('#not-a-run')).toEqual({ ok: false, error: 'not a Cascade run link' });
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
});
