/**
 * A rejected command quotes at most 60 characters of what it was sent: the rejection goes into the state's log,
 * and the fuzzer found that an order naming a 20,000-character mitigation made every later save too large to load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apply, createSim } from '../../src/engine';
import { compile } from '../../src/scenario';

const TUTORIAL = compile(
  readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'tutorial.yaml'), 'utf8'),
  'tutorial.yaml',
).scenario!;

describe('long input in a command', () => {
  it.each([
    ['mitigation', { type: 'mitigate', mitigation: 'm'.repeat(20_000), target: 'portal' }],
    ['target', { type: 'mitigate', mitigation: 'rate-limit', target: 't'.repeat(20_000) }],
    ['type', { type: 'y'.repeat(20_000) }],
    ['answer', { type: 'answer', inject: 'i'.repeat(20_000), option: 'x' }],
    [
      'channel',
      {
        type: 'statement',
        channel: 'c'.repeat(20_000),
        languages: ['en'],
        blocks: [{ kind: 'acknowledge' }],
      },
    ],
  ])('a 20,000-character %s is rejected with a short message and a short log line', (_what, cmd) => {
    const sim = createSim(TUTORIAL, 1);
    const result = apply(sim, cmd);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(200);
    const logged = sim.state.log.at(-1)!;
    expect(logged.text.length).toBeLessThan(300);
    expect(logged.text).toContain('…');
  });
});
