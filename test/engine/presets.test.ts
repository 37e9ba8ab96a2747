/**
 * Attack presets (src/scenario/presets.ts): an insider's bad change and a vendor's broken update are not crashes.
 * A restart does not end them, nor does failing over to a standby that runs the same change; a rollback does.
 */
import { describe, expect, it } from 'vitest';
import { apply, createSim, step, type Sim } from '../../src/engine';
import { compile, formatDiagnostic } from '../../src/scenario';

const SCENARIO = `
format: 1
id: presets
meta:
  title: Presets
  summary: An insider change and a supply-chain update.
  objectives: [Roll back.]
  audience: Tests
  difficulty: intro
  author: Cascade tests
clock: { start: '2024-03-04T09:00', duration: 3h }
budget: 10000000
services:
  - { id: wallet, name: Wallet, kind: mobile-money-core, capacity: 500, critical: true, backup: true, uses: [ledger-sdk], map: { x: 300, y: 300 } }
  - { id: app, name: Wallet app, kind: app-gateway, capacity: 400, uses: [ledger-sdk, ui-kit], map: { x: 600, y: 300 } }
  - { id: portal, name: Portal, kind: portal, capacity: 400, map: { x: 800, y: 300 } }
injects:
  - id: bad-change
    trigger: { at: 5m }
    effects:
      - { type: insider-change, service: wallet }
  - id: vendor-update
    trigger: { at: 10m }
    effects:
      - { type: supply-chain-update, component: ui-kit }
`;

function sim(text = SCENARIO): Sim {
  const { scenario, diagnostics } = compile(text, 'presets.yaml');
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return createSim(scenario!, '1');
}

function until(s: Sim, minutes: number): void {
  while (s.state.tick < minutes * 60) step(s);
}

const index = (s: Sim, id: string): number => s.scenario.services.findIndex((x) => x.id === id);
const isDown = (s: Sim, id: string): boolean => s.state.services[index(s, id)]!.status === 'down';

describe('insider change', () => {
  it('compiles to a failure that only the rollback ends, and adds the standard rollback', () => {
    const s = sim();
    const rollback = s.scenario.mitigations.findIndex((m) => m.id === 'rollback');
    expect(rollback).toBeGreaterThanOrEqual(0);
    expect(s.scenario.mitigations[rollback]!.kind).toBe('restart');
    expect(s.scenario.injects[0]!.effects).toEqual([
      { type: 'fail', service: index(s, 'wallet'), forTicks: 0, endedBy: [rollback], standbyHit: 0 },
    ]);
  });

  it('is not ended by restart or failover, nor by time; a rollback ends it', () => {
    const s = sim();
    until(s, 6);
    expect(isDown(s, 'wallet')).toBe(true);
    expect(apply(s, { type: 'mitigate', mitigation: 'restart', target: 'wallet' }).ok).toBe(true);
    expect(apply(s, { type: 'mitigate', mitigation: 'failover', target: 'wallet' }).ok).toBe(true);
    // Restart takes 1 minute, failover 10 (the catalogue's delays); an hour later the wallet is still down.
    until(s, 70);
    expect(isDown(s, 'wallet')).toBe(true);
    expect(s.state.log.some((e) => e.text.includes('the restart did not help'))).toBe(true);
    expect(s.state.log.some((e) => e.text.includes('the failure followed it there'))).toBe(true);
    expect(apply(s, { type: 'mitigate', mitigation: 'rollback', target: 'wallet' }).ok).toBe(true);
    // The rollback lands after its 15 minutes, then the wallet restarts (half its 5-minute restart time).
    until(s, 70 + 15 + 3);
    expect(isDown(s, 'wallet')).toBe(false);
  });
});

describe('supply-chain update', () => {
  it('brings down every service that uses the component, and each comes back only with its own rollback', () => {
    const text = SCENARIO.replace('component: ui-kit', 'component: ledger-sdk');
    const s = sim(text);
    until(s, 11);
    expect([isDown(s, 'wallet'), isDown(s, 'app'), isDown(s, 'portal')]).toEqual([true, true, false]);
    expect(apply(s, { type: 'mitigate', mitigation: 'restart', target: 'app' }).ok).toBe(true);
    until(s, 20);
    expect(isDown(s, 'app')).toBe(true);
    expect(apply(s, { type: 'mitigate', mitigation: 'rollback', target: 'app' }).ok).toBe(true);
    until(s, 20 + 15 + 3);
    expect(isDown(s, 'app')).toBe(false);
    expect(isDown(s, 'wallet')).toBe(true);
  });

  it('takes the cures named in endedBy instead of the rollback', () => {
    const text = SCENARIO.replace(
      '{ type: insider-change, service: wallet }',
      '{ type: insider-change, service: wallet, endedBy: [restart] }',
    ).replace('component: ui-kit }', 'component: ui-kit, endedBy: [restart] }');
    const s = sim(text);
    // No preset relies on the rollback any more, so none is added.
    expect(s.scenario.mitigations.some((m) => m.id === 'rollback')).toBe(false);
    until(s, 6);
    expect(apply(s, { type: 'mitigate', mitigation: 'restart', target: 'wallet' }).ok).toBe(true);
    until(s, 12);
    expect(isDown(s, 'wallet')).toBe(false);
  });
});
