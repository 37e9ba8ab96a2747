/**
 * Issue 11, "accepted when it should be refused": the items of the list that had no test of their own. An
 * alias whose anchor is missing is reported at the alias, in words (it was "aliases expand too much" at 1:1); a
 * merge key says it is not supported; an empty service timeout is not a number (the score was NaN).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/scenario';

const base = readFileSync('scenarios/tutorial.yaml', 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function refused(text: string) {
  const { scenario, diagnostics } = compile(text, 'tutorial.yaml');
  expect(scenario).toBeUndefined();
  return diagnostics;
}

describe('hostile YAML is refused in words, where it is', () => {
  it('an alias with no anchor is reported at the alias, naming it', () => {
    expect(base).toContain('budget: 3000000');
    const text = base.replace('budget: 3000000', 'budget: *missing');
    const [d] = refused(text);
    expect(d!.line).toBe(lineOf(text, '*missing'));
    expect(d!.column).toBe('budget: '.length + 1);
    expect(d!.message).toContain("the alias '*missing' refers to no anchor");
    expect(d!.message).not.toMatch(/expand too much/);
  });

  it('a merge key says merge keys are not supported, at its line', () => {
    const text = base
      .replace('    name: Government portal\n', '    <<: *defaults\n    name: Government portal\n')
      .replace('regions:', 'defaults: &defaults { latency: 1 }\nregions:');
    const diagnostics = refused(text);
    const d = diagnostics.find((x) => x.message.includes('merge keys'));
    expect(d, JSON.stringify(diagnostics)).toBeDefined();
    expect(d!.message).toMatch(/merge keys \(`<<: \*name`\) are not supported/);
    expect(d!.line).toBe(lineOf(text, '<<: *defaults'));
  });

  it('an empty service timeout is refused as not a duration (the score was NaN)', () => {
    expect(base).toContain('    timeout: 20s\n');
    const text = base.replace('    timeout: 20s\n', "    timeout: ''\n");
    const diagnostics = refused(text);
    const d = diagnostics.find((x) => x.line === lineOf(text, "timeout: ''"));
    expect(d, JSON.stringify(diagnostics)).toBeDefined();
    expect(d!.message).toMatch(/a duration is like/);
  });
});
