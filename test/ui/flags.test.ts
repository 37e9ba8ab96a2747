/** URL flags (src/ui/flags.ts): `?play` opens the drill straight into the City. */
import { describe, expect, it } from 'vitest';
import { readFlags } from '../../src/ui/flags';

describe('readFlags', () => {
  it('reads ?play with or without a value, and is off without it', () => {
    expect(readFlags('?play').play).toBe(true);
    expect(readFlags('?seed=1&play=1&scenario=tutorial')).toMatchObject({
      play: true,
      seed: '1',
      scenario: 'tutorial',
    });
    expect(readFlags('?seed=1').play).toBe(false);
    expect(readFlags('').play).toBe(false);
  });
});
