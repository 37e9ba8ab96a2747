import { describe, expect, it } from 'vitest';
import { parseCommandLog } from '../../src/ui/studio/tryIt';

const entry = { tick: 120, cmd: { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' } };

describe('the command log for "until then"', () => {
  it('reads a plain list and a run file’s `commands`', () => {
    expect(parseCommandLog(JSON.stringify([entry]))).toEqual({ ok: true, log: [entry] });
    expect(parseCommandLog(JSON.stringify({ seed: '1', commands: [entry] }))).toEqual({
      ok: true,
      log: [entry],
    });
  });

  it('says which entry is wrong, and refuses what is not a log', () => {
    expect(parseCommandLog(JSON.stringify([entry, { tick: -5, cmd: {} }]))).toEqual({
      ok: false,
      error: 'entry 2 is not a {"tick", "cmd"} command',
    });
    expect(parseCommandLog('{"seed": 1}')).toEqual({
      ok: false,
      error: 'a command log is a JSON list of {"tick", "cmd"} entries',
    });
    expect(parseCommandLog('not json').ok).toBe(false);
  });
});
