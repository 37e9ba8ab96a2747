/**
 * Districts of the city map: derived from the kind (counters from what they depend on, or their neighbour on
 * the author's map), or written by the author; named in the interface's language; and a map concern only —
 * a scenario with districts written in runs to exactly the same states as without.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashState, run } from '../../src/engine';
import { compile } from '../../src/scenario';
import { districtKeys, districtName, districtsOf } from '../../src/store';
import { FIXTURE_YAML } from './fixture';

const nairobiYaml = readFileSync('scenarios/nairobi-ddos-2023.yaml', 'utf8');
const nairobi = compile(nairobiYaml, 'nairobi-ddos-2023.yaml').scenario!;

function keyOf(id: string): string {
  const keys = districtKeys(nairobi);
  return keys[nairobi.services.findIndex((s) => s.id === id)]!;
}

describe('districts', () => {
  it('come from the kind when the author wrote none', () => {
    expect(keyOf('gov-portal')).toBe('government');
    expect(keyOf('evisa')).toBe('government');
    expect(keyOf('bank-core')).toBe('banking');
    expect(keyOf('atm')).toBe('banking');
    expect(keyOf('operator-edge')).toBe('telecom');
    expect(keyOf('merchant-pay')).toBe('market');
    expect(keyOf('power-tokens')).toBe('power');
    expect(keyOf('rail')).toBe('transport');
  });

  it('put a counter with what it depends on, else beside its nearest neighbour on the map', () => {
    // banking-halls hard-depends on bank-core.
    expect(keyOf('banking-halls')).toBe('banking');
    // station-counters depends on nothing; the railway (500, 800) is nearest to (430, 940).
    expect(keyOf('station-counters')).toBe('transport');
    // border-desks (60, 180): the e-visa desks (90, 300) are nearest.
    expect(keyOf('border-desks')).toBe('government');
  });

  it('group the services in the order their first service appears', () => {
    const districts = districtsOf(nairobi);
    expect(districts.map((d) => d.key)).toEqual([
      'telecom',
      'government',
      'market',
      'banking',
      'power',
      'transport',
    ]);
    expect(districts.flatMap((d) => d.members).sort((a, b) => a - b)).toEqual(
      nairobi.services.map((_, i) => i),
    );
  });

  it('take the author’s district: a built-in id is named in the interface language, an own name as written', () => {
    const yaml = FIXTURE_YAML.replace(
      '{ id: edge, name: Internet edge, kind: edge,',
      '{ id: edge, name: Internet edge, kind: edge, district: banking,',
    ).replace(
      '{ id: app, name: Wallet app, kind: app-gateway,',
      '{ id: app, name: Wallet app, kind: app-gateway, district: Hospital hill,',
    );
    const result = compile(yaml, 'districts.yaml');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(districtKeys(result.scenario!)).toEqual(['banking', 'telecom', 'Hospital hill']);
    expect(districtName('banking')).toBe('Banking street');
    expect(districtName('transport')).toBe('Transport hub');
    expect(districtName('Hospital hill')).toBe('Hospital hill');
  });

  it('a scenario without `district:` compiles with no district field (its scenario hash is unchanged)', () => {
    expect(nairobi.services.some((s) => 'district' in s)).toBe(false);
  });

  it('change no state: the same drill with districts written in reaches the same hash', () => {
    // Every service gets an author's district (some built-in, some not), nothing else changes.
    const names = ['banking', 'Hospital hill', 'power', 'Old town'];
    let k = 0;
    const withDistricts = nairobiYaml.replace(/^(\s+)map: \{/gm, (_m, indent: string) => {
      const line = `${indent}district: ${names[k++ % names.length]}\n${indent}map: {`;
      return line;
    });
    expect(k).toBe(nairobi.services.length);
    const other = compile(withDistricts, 'nairobi-ddos-2023.yaml').scenario!;
    expect(other.services.every((s) => s.district !== undefined)).toBe(true);
    const a = run(nairobi, 7, [], { untilTick: 1800 });
    const b = run(other, 7, [], { untilTick: 1800 });
    expect(b.state.tick).toBe(1800);
    expect(hashState(b.state)).toBe(hashState(a.state));
  });
});
