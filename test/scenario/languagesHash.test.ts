/**
 * Scenario languages and texts by language must not change a shipped drill: the hashes below were recorded with
 * the code of main at 18530a0, before either existed (and before the tutorial and the July flood got their
 * Kiswahili texts), by the same runs: every shipped scenario left alone (seed 1), and with statements in English
 * and Kiswahili, in Kiswahili only, and in English with an unknown language id (seed 7).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashState, run, type LoggedCommand } from '../../src/engine';
import { compile } from '../../src/scenario';

const RECORDED: Record<string, { idle: string; talk: string }> = {
  'county-health-ransomware': { idle: '0fc58df9a340e5', talk: '1d860dead7d2ba' },
  'mpesa-rumour-2024': { idle: '01ddd56acef6a6', talk: '139c1146d571a2' },
  'nairobi-ddos-2023': { idle: '1c482011bd12f3', talk: '04e42022921372' },
  tutorial: { idle: '08a968555dbde8', talk: '0a707b91394d57' },
};

const TALK = [
  {
    tick: 600,
    cmd: { type: 'statement', channel: 'social', languages: ['en', 'sw'], blocks: [{ kind: 'acknowledge' }] },
  },
  {
    tick: 900,
    cmd: { type: 'statement', channel: 'sms', languages: ['sw'], blocks: [{ kind: 'apologise' }] },
  },
  {
    tick: 1200,
    cmd: { type: 'statement', channel: 'social', languages: ['en', 'xx'], blocks: [{ kind: 'acknowledge' }] },
  },
] as LoggedCommand[];

describe('shipped scenarios play exactly as before scenario languages', () => {
  it.each(Object.keys(RECORDED))('%s', (name) => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', `${name}.yaml`), 'utf8');
    const { scenario } = compile(text, `${name}.yaml`);
    expect(scenario).toBeDefined();
    // No scenario of these declares languages: they speak the default two.
    expect(scenario!.languages).toBeUndefined();
    expect(hashState(run(scenario!, 1).state)).toBe(RECORDED[name]!.idle);
    expect(hashState(run(scenario!, 7, TALK).state)).toBe(RECORDED[name]!.talk);
  });

  it('the tutorial and the July flood carry Kiswahili versions of their step texts and prompts', () => {
    const read = (name: string) =>
      compile(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', `${name}.yaml`), 'utf8'), name)
        .scenario!;
    const tutorial = read('tutorial');
    const steps = tutorial.injects.filter((i) => i.step);
    expect(steps.length).toBeGreaterThan(0);
    for (const i of steps) expect(tutorial.texts?.[i.step!.text]?.sw, i.id).toBeTruthy();
    const flood = read('nairobi-ddos-2023');
    const prompts = flood.injects.flatMap((i) => i.effects.filter((e) => e.type === 'prompt'));
    expect(prompts.length).toBeGreaterThan(0);
    for (const p of prompts) {
      expect(flood.texts?.[p.text]?.sw, p.text).toBeTruthy();
      for (const o of p.options) expect(flood.texts?.[o.label]?.sw, o.label).toBeTruthy();
    }
  });
});
