/**
 * The compiled scenario is not Object.freeze'd (that made the tick loop ~20× slower in V8), so this test holds
 * the engine to never writing to it: a long run with many kinds of commands leaves it exactly as compiled.
 */
import { readFileSync } from 'node:fs';
import { configure } from 'safe-stable-stringify';
import { describe, expect, it } from 'vitest';
import { run, type LoggedCommand } from '../../src/engine';
import { compile } from '../../src/scenario';

const stable = configure({ deterministic: true });

describe('the compiled scenario', () => {
  it('is not changed by running it', () => {
    const text = readFileSync(new URL('../../scenarios/nairobi-ddos-2023.yaml', import.meta.url), 'utf8');
    const scenario = compile(text, 'nairobi-ddos-2023.yaml').scenario!;
    const before = stable(scenario);
    const log: LoggedCommand[] = [
      { tick: 600, cmd: { type: 'mitigate', mitigation: 'waf-rule', target: 'operator-edge' } },
      {
        tick: 700,
        cmd: { type: 'mitigate', mitigation: 'geo-block', target: 'gov-portal', region: 'foreign' },
      },
      { tick: 800, cmd: { type: 'mitigate', mitigation: 'failover', target: 'gov-portal' } },
      { tick: 900, cmd: { type: 'workaround', workaround: 'use-ussd', action: 'announce' } },
      {
        tick: 1000,
        cmd: {
          type: 'statement',
          channel: 'press',
          languages: ['en', 'sw'],
          blocks: [{ kind: 'acknowledge' }, { kind: 'blame', partner: 'utility' }],
        },
      },
      { tick: 6400, cmd: { type: 'answer', inject: 'minister-asks', option: 'no-data-lost' } },
      { tick: 7000, cmd: { type: 'lift', uid: 1 } },
    ];
    const sim = run(scenario, 3, log);
    expect(sim.state.ended).toBe(true);
    expect(stable(scenario)).toBe(before);
  });
});
