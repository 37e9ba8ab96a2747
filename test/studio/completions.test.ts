import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeAt, hoverAt, type CompletionSources } from '../../src/studio/completions';
import { expressionNames } from '../../src/studio/expressionNames';
import { definedIds } from '../../src/studio/ids';
import type { JsonSchema } from '../../src/studio/schemaWalk';
import { cursorContext } from '../../src/studio/yamlContext';

const schema = JSON.parse(
  readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8'),
) as JsonSchema;
const sources: CompletionSources = { schema, expressionNames: expressionNames() };

const CITY = `format: 1
id: demo
services:
  - id: edge
    name: Edge
    kind: edge
  - id: wallet
    name: Wallet
    kind: mobile-money-core
injects:
  - id: hello
    trigger: { at: 0s }
`;

/** Completes at the `|` in `text` (which is removed). */
function at(text: string) {
  const offset = text.indexOf('|');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  return { result: completeAt(clean, offset, sources), offset, clean };
}

const labels = (r: ReturnType<typeof at>['result']) => r?.options.map((o) => o.label) ?? [];

describe('cursorContext: where the cursor is in half-written YAML', () => {
  it('finds the path of a key being typed in a list item', () => {
    const text = `${CITY.split('injects:')[0]}    capa`;
    const ctx = cursorContext(text, text.length);
    expect(ctx).toMatchObject({ path: ['services', '[]'], kind: 'key', prefix: 'capa' });
    expect(ctx.siblings).toMatchObject({ id: 'wallet', kind: 'mobile-money-core' });
    expect(ctx.siblings).not.toHaveProperty('name', 'Edge');
  });

  it('reads keys and values inside a flow mapping on a list item', () => {
    const text = 'dependencies:\n  - { from: wallet, to: ed';
    expect(cursorContext(text, text.length)).toMatchObject({
      path: ['dependencies', '[]'],
      kind: 'value',
      key: 'to',
      prefix: 'ed',
      siblings: { from: 'wallet' },
    });
  });

  it('follows nested flow mappings', () => {
    const text = 'injects:\n  - id: x\n    trigger: { after: { mitigation: rate-limit, tar';
    expect(cursorContext(text, text.length)).toMatchObject({
      path: ['injects', '[]', 'trigger', 'after'],
      kind: 'key',
      prefix: 'tar',
    });
  });
});

describe('completion from the JSON Schema', () => {
  it('offers the top-level keys, required ones first', () => {
    const { result } = at('format: 1\n|');
    const names = labels(result);
    expect(names).toEqual(expect.arrayContaining(['id', 'meta', 'clock', 'services', 'injects']));
    expect(names).not.toContain('format'); // already written
    expect(names.indexOf('meta')).toBeLessThan(names.indexOf('injects'));
    expect(result!.options.find((o) => o.label === 'clock')!.apply).toBe('clock: ');
  });

  it('offers a service’s keys with their type and range, without the keys it already has', () => {
    const { result } = at(`${CITY.split('injects:')[0]}    |`);
    const capacity = result!.options.find((o) => o.label === 'capacity');
    expect(capacity?.detail).toMatch(/number/);
    expect(labels(result)).not.toContain('kind');
    expect(labels(result)).toContain('latency');
  });

  it('offers enum values (difficulty) and booleans', () => {
    expect(labels(at('meta:\n  difficulty: |').result)).toEqual(['intro', 'intermediate', 'advanced']);
    expect(labels(at(`${CITY.split('injects:')[0]}    critical: |`).result)).toEqual(['true', 'false']);
  });

  it('narrows an effect’s keys by its type', () => {
    const text = 'injects:\n  - id: a\n    effects:\n      - type: fail\n        |';
    const names = labels(at(text).result);
    expect(names).toContain('service');
    expect(names).not.toContain('text'); // a feed post's field, not a failure's
  });
});

describe('completion from the ids the file defines', () => {
  it('collects the ids of each kind, with the built-in mitigations', () => {
    const ids = definedIds(CITY);
    expect(ids.service).toEqual(['edge', 'wallet']);
    expect(ids.inject).toEqual(['hello']);
    expect(ids.mitigation).toContain('rate-limit');
  });

  it('offers service ids in a dependency, inject ids in a fire effect, mitigations in use: [...]', () => {
    expect(labels(at(`${CITY}dependencies:\n  - { from: wallet, to: | }`).result)).toEqual([
      'edge',
      'wallet',
    ]);
    expect(labels(at(`${CITY}  - id: b\n    effects:\n      - { type: fire, inject: | }`).result)).toEqual([
      'hello',
      'b',
    ]);
    expect(labels(at(`${CITY}mitigations:\n  use: [rate-limit, |]`).result)).toContain('waf-rule');
  });

  it('does not offer services for a feed post’s `from` (a name, not a reference)', () => {
    const r = at(`${CITY}    effects:\n      - { type: feed, channel: ops, from: | }`).result;
    expect(labels(r)).not.toContain('edge');
  });

  it('completes names, ids and fields inside a condition', () => {
    const names = labels(at(`${CITY}  - id: w\n    trigger: { when: 'minu| }`).result);
    expect(names).toEqual(expect.arrayContaining(['minutes', 'service']));
    expect(labels(at(`${CITY}  - id: w\n    trigger:\n      when: service("wa|`).result)).toEqual([
      'edge',
      'wallet',
    ]);
    expect(labels(at(`${CITY}  - id: w\n    trigger:\n      when: service("edge").|`).result)).toContain(
      'availability',
    );
  });
});

describe('hover docs', () => {
  it('describes a key by its path and type', () => {
    const text = `${CITY}clock:\n  duration: 4h\n`;
    const hover = hoverAt(text, text.indexOf('duration') + 2, sources);
    expect(hover?.text).toMatch(/^clock\.duration \(required\)/);
    expect(hover?.text).toMatch(/duration/);
  });

  it('says when a reference names nothing defined', () => {
    const text = `${CITY}dependencies:\n  - { from: walet, to: edge }\n`;
    expect(hoverAt(text, text.indexOf('walet') + 1, sources)?.text).toBe(
      'No service “walet” is defined in this file.',
    );
    expect(hoverAt(text, text.lastIndexOf('edge') + 1, sources)?.text).toBe('The service “edge”.');
  });
});
