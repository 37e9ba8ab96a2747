/**
 * The feed's "why" line on the projector names the scenario script, not the author's inject ids (issue 12:
 * "internal ids leak"). The engine's own words stay as they are in the state, the record and the log.
 */
import { describe, expect, it } from 'vitest';
import { feedWhyInWords } from '../../src/run/words';

describe('feed why in words', () => {
  it('replaces inject ids, decisions and follow-ups with the scenario script', () => {
    expect(feedWhyInWords("inject 'cert-warning'")).toBe('the scenario script');
    expect(feedWhyInWords("decision prompt of inject 'visa-on-arrival'")).toBe(
      'a decision in the scenario script',
    );
    expect(feedWhyInWords("planted by inject 'rumour-planted'")).toBe('planted by the scenario script');
    expect(feedWhyInWords("inject 'maintenance-line' (follow-up of 'which-line')")).toBe(
      'the scenario script (a follow-up in the scenario script)',
    );
  });

  it('leaves a why without ids alone', () => {
    const why = '15347 citizens using e-services stranded; their trust is 58 (worried)';
    expect(feedWhyInWords(why)).toBe(why);
  });
});
