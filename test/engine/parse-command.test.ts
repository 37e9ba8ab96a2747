/**
 * parseCommand (src/engine/parseCommand.ts): anything in, a typed Command or a rejection out. Shape only — what
 * a command names is checked by `apply` — and a well-formed command comes back rebuilt from its known fields,
 * so nothing the caller holds ends up in the state.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, createSim, MAX_BLOCKS, parseCommand, type Command } from '../../src/engine';
import { nairobi } from './fixtures';

describe('parseCommand', () => {
  it.each<[string, Command]>([
    ['noop', { type: 'noop' }],
    ['mitigate', { type: 'mitigate', mitigation: 'geo-block', target: 'gov-portal', region: 'foreign' }],
    ['lift', { type: 'lift', uid: 3 }],
    ['answer', { type: 'answer', inject: 'minister', option: 'speak' }],
    [
      'statement',
      {
        type: 'statement',
        channel: 'social',
        languages: ['en', 'sw'],
        blocks: [
          { kind: 'acknowledge' },
          { kind: 'cause', cause: 'cyber-attack' },
          { kind: 'eta', minutes: 45 },
          { kind: 'rebuttal', rumour: 'kra-data', evidence: 'law' },
        ],
      },
    ],
    ['workaround', { type: 'workaround', workaround: 'ussd', action: 'announce', channel: 'sms' }],
  ])('gives a well-formed %s command back as it is', (_, cmd) => {
    expect(parseCommand(structuredClone(cmd))).toEqual({ ok: true, cmd });
  });

  it('drops unknown fields, optional fields of the wrong type and languages that are not ids', () => {
    expect(
      parseCommand({
        type: 'mitigate',
        mitigation: 'waf-rule',
        target: 'x',
        region: 5,
        dependsOn: null,
        extra: 1,
      }),
    ).toEqual({ ok: true, cmd: { type: 'mitigate', mitigation: 'waf-rule', target: 'x' } });
    expect(
      parseCommand({
        type: 'statement',
        channel: 'social',
        // Which languages the scenario speaks is checked when the statement is applied (test/scenario/languages.test.ts).
        languages: ['fr', 5, 'Not An Id', 'sw'],
        blocks: [
          { kind: 'eta', minutes: 44.6, note: 'x' },
          { kind: 'rebuttal', rumour: 'r', evidence: 'faith' },
        ],
      }),
    ).toEqual({
      ok: true,
      cmd: {
        type: 'statement',
        channel: 'social',
        languages: ['fr', 'sw'],
        blocks: [
          { kind: 'eta', minutes: 45 },
          { kind: 'rebuttal', rumour: 'r', evidence: 'none' },
        ],
      },
    });
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'noop', 'cmd/malformed'],
    ['no type', {}, 'cmd/malformed'],
    ['an unknown type', { type: 'explode' }, 'cmd/unknown-type'],
    [
      'a mitigation id that is not a string',
      { type: 'mitigate', mitigation: 1, target: 'a' },
      'cmd/unknown-mitigation',
    ],
    [
      'a target that is not a string',
      { type: 'mitigate', mitigation: 'a', target: [] },
      'cmd/unknown-service',
    ],
    ['a uid that is not a number', { type: 'lift', uid: '3' }, 'cmd/not-active'],
    ['an inject that is not a string', { type: 'answer', option: 'a' }, 'cmd/no-such-prompt'],
    ['an option that is not a string', { type: 'answer', inject: 'a' }, 'cmd/unknown-option'],
    [
      'a channel that is not a string',
      { type: 'statement', languages: ['en'], blocks: [{ kind: 'apologise' }] },
      'cmd/unknown-channel',
    ],
    [
      'no language id',
      { type: 'statement', channel: 'c', languages: [7, 'EN'], blocks: [{ kind: 'apologise' }] },
      'cmd/malformed',
    ],
    ['no block', { type: 'statement', channel: 'c', languages: ['en'], blocks: [] }, 'cmd/empty-statement'],
    [
      'too many blocks',
      {
        type: 'statement',
        channel: 'c',
        languages: ['en'],
        blocks: Array(MAX_BLOCKS + 1).fill({ kind: 'apologise' }),
      },
      'cmd/malformed',
    ],
    [
      'an unknown block',
      { type: 'statement', channel: 'c', languages: ['en'], blocks: [{ kind: 'sing' }] },
      'cmd/malformed',
    ],
    [
      'an unknown cause',
      { type: 'statement', channel: 'c', languages: ['en'], blocks: [{ kind: 'cause', cause: 'aliens' }] },
      'cmd/malformed',
    ],
    [
      'an ETA out of range',
      { type: 'statement', channel: 'c', languages: ['en'], blocks: [{ kind: 'eta', minutes: 2 }] },
      'cmd/malformed',
    ],
    [
      'a workaround action that is neither',
      { type: 'workaround', workaround: 'w', action: 'shout' },
      'cmd/malformed',
    ],
  ])('rejects %s', (_, input, code) => {
    expect(parseCommand(input)).toMatchObject({ ok: false, code });
  });

  it('answers anything with a result, never an exception; what it accepts it accepts again unchanged', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const parsed = parseCommand(input);
        if (parsed.ok) expect(parseCommand(parsed.cmd)).toEqual(parsed);
        else expect(parsed.code).toMatch(/^cmd\/[a-z-]+$/);
      }),
      { numRuns: 500 },
    );
  });

  it('apply keeps nothing of the caller’s objects: changing them afterwards does not change the drill', () => {
    const sim = createSim(nairobi(), 1);
    const blocks = [{ kind: 'acknowledge' }, { kind: 'eta', minutes: 60 }];
    const languages = ['en'];
    expect(apply(sim, { type: 'statement', channel: 'social', languages, blocks }).ok).toBe(true);
    blocks[1]!.minutes = 5;
    blocks.push({ kind: 'apologise' });
    languages.push('sw');
    expect(sim.state.people.statements[0]).toMatchObject({
      languages: ['en'],
      blocks: [{ kind: 'acknowledge' }, { kind: 'eta', minutes: 60 }],
    });
  });
});
