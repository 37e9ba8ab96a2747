/**
 * Golden transcript of the default scenario at seed 1 with no commands: one summary line per simulated
 * minute (src/cli/summary.ts `minuteLine`, the same as `npm run sim -- … --seed 1`) and the final state hash.
 * Any change to the engine's numbers shows up here as a readable diff.
 *
 * A missing file, or UPDATE_GOLDEN=1, (re)writes it and FAILS, so a fresh golden is never passed silently:
 * read the new transcript, check the story it tells, then run the test again.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashState, run } from '../../src/engine';
import { minuteLine } from '../../src/cli/summary';
import { nairobi } from './fixtures';

const GOLDEN = fileURLToPath(new URL('./golden/nairobi-ddos-2023.seed1.txt', import.meta.url));

function transcript(): string {
  const lines: string[] = [];
  const sim = run(nairobi(), 1, [], {
    onTick: (s) => {
      if (s.state.tick % 60 === 0) lines.push(minuteLine(s));
    },
  });
  lines.push(`final hash ${hashState(sim.state)}`);
  return `${lines.join('\n')}\n`;
}

describe('golden transcript', () => {
  it('nairobi-ddos-2023, seed 1, no commands', () => {
    const actual = transcript();
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, actual);
      expect.fail(
        `golden transcript (re)generated at ${GOLDEN}: read it, then run the test again without UPDATE_GOLDEN`,
      );
    }
    // Line by line, so a failure shows which minutes changed.
    expect(actual.split('\n')).toEqual(readFileSync(GOLDEN, 'utf8').split('\n'));
  });

  it('is reproducible within one process (the golden is not a fluke of the first run)', () => {
    expect(transcript()).toBe(transcript());
  });
});
