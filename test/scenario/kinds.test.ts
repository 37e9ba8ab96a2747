/**
 * A scenario's own service kinds (`kinds:`): each is `like` a built-in kind, which decides the mitigations that
 * may target it and how the map draws it; mistakes are reported where they are written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, createSim } from '../../src/engine';
import { compile } from '../../src/scenario';

const tutorial = readFileSync('scenarios/tutorial.yaml', 'utf8');

/** The tutorial with `kinds:` declared before `services:` and the first service of the given kind. */
function withKinds(kinds: string, firstKind?: string): ReturnType<typeof compile> {
  let text = tutorial.replace(/^services:/m, `kinds:\n${kinds}\nservices:`);
  if (firstKind) text = text.replace(/^(\s+kind:) [a-z-]+$/m, `$1 ${firstKind}`);
  return compile(text, 'kinds.yaml');
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe("a scenario's own service kinds", () => {
  it('compiles a custom kind to the built-in kind it is like, keeping its name', () => {
    const r = withKinds('  - { id: pharmacy, name: Pharmacy, like: counter }', 'pharmacy');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const first = r.scenario!.services[0]!;
    expect(first.kind).toBe('counter');
    expect(first.kindName).toBe('Pharmacy');
    expect(r.scenario!.services[1]!.kindName).toBeUndefined();
  });

  it('lets only the mitigations that may target its `like` kind target it', () => {
    // Nairobi offers the whole catalogue; only call-provider is limited (network, edge, payment-gateway).
    const nairobi = readFileSync('scenarios/nairobi-ddos-2023.yaml', 'utf8');
    const city = (like: string) =>
      compile(
        nairobi
          .replace(/^services:/m, `kinds:\n  - { id: carrier, name: Carrier, like: ${like} }\nservices:`)
          .replace(/^(\s+kind:) edge$/m, '$1 carrier'),
        'nairobi-kinds.yaml',
      ).scenario!;
    const asEdge = city('edge');
    const asPortal = city('portal');
    const target = asEdge.services.find((s) => s.kindName === 'Carrier')!.id;
    const order = { type: 'mitigate', mitigation: 'call-provider', target } as const;
    expect(apply(createSim(asEdge, '1'), order)).toMatchObject({ ok: true });
    expect(apply(createSim(asPortal, '1'), order)).toMatchObject({
      ok: false,
      code: 'cmd/wrong-target-kind',
    });
  });

  it('reports an unknown `like` where it is written, naming the built-in kinds', () => {
    const kinds = '  - { id: pharmacy, name: Pharmacy, like: countre }';
    const r = withKinds(kinds);
    const text = tutorial.replace(/^services:/m, `kinds:\n${kinds}\nservices:`);
    const like = r.diagnostics.find((d) => d.path === 'kinds[0].like');
    expect(like, JSON.stringify(r.diagnostics)).toMatchObject({ line: lineOf(text, 'like: countre') });
    expect(like!.message).toContain('counter');
  });

  it('reports a duplicate id and an id that shadows a built-in kind, each at its line', () => {
    const kinds = [
      '  - { id: pharmacy, name: Pharmacy, like: counter }',
      '  - { id: lab, name: Lab, like: portal }',
      '  - { id: lab, name: Lab again, like: portal }',
      '  - { id: portal, name: My portal, like: portal }',
    ].join('\n');
    const r = withKinds(kinds);
    const text = tutorial.replace(/^services:/m, `kinds:\n${kinds}\nservices:`);
    const dup = r.diagnostics.find((d) => d.path === 'kinds[2].id');
    expect(dup).toMatchObject({ code: 'SCN020', line: lineOf(text, 'Lab again') });
    expect(dup!.message).toMatch(/duplicate kind id 'lab' \(first defined at line \d+\)/);
    const shadow = r.diagnostics.find((d) => d.path === 'kinds[3].id');
    expect(shadow).toMatchObject({ code: 'SCN020', line: lineOf(text, 'My portal') });
    expect(shadow!.message).toContain('built-in kind');
  });

  it('reports a service kind that is neither built in nor declared, with a suggestion', () => {
    const r = withKinds('  - { id: pharmacy, name: Pharmacy, like: counter }', 'pharmacyy');
    expect(r.scenario).toBeUndefined();
    const d = r.diagnostics.find((x) => x.path === 'services[0].kind');
    expect(d, JSON.stringify(r.diagnostics)).toMatchObject({ code: 'SCN014' });
    expect(d!.message).toContain("did you mean 'pharmacy'");
  });
});
