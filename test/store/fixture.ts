/**
 * A small drill for the store tests: cheap to step, with time-triggered injects at known ticks and one
 * decision prompt that pauses the clock. Times in comments are the ticks the engine fires them at
 * (one tick = one simulated second).
 */
import { compile } from '../../src/scenario';
import type { Scenario } from '../../src/engine';

export const FIXTURE_YAML = `
format: 1
id: store-drill
meta:
  title: Store drill
  summary: A small drill for the store tests.
  objectives: [Keep money moving.]
  audience: Testers
  difficulty: intro
  author: Cascade tests
clock:
  start: '2023-07-27T07:00'
  duration: 10m
budget: 1000000
services:
  - { id: edge, name: Internet edge, kind: edge, capacity: 10000, critical: true, map: { x: 100, y: 100 } }
  - { id: wallet, name: Wallet core, kind: mobile-money-core, capacity: 2000, critical: true, map: { x: 300, y: 100 } }
  - { id: app, name: Wallet app, kind: app-gateway, capacity: 1000, sheddable: true, map: { x: 500, y: 100 } }
dependencies:
  - { from: app, to: edge, kind: hard }
  - { from: app, to: wallet, kind: hard }
segments:
  - id: app-users
    name: App users
    size: 100000
    needs:
      - { service: app, perHour: 0.1, value: 1000 }
attacks:
  - id: flood
    vector: layer7
    target: app
    jitter: 0.2
    intensity:
      - { at: 30s, rps: 0 }
      - { at: 3m, rps: 4000 }
injects:
  - id: early
    trigger: { at: 45s }
    effects:
      - { type: feed, channel: headline, from: News desk, text: Something is wrong with the app. }
  - id: middle
    trigger: { at: 2m }
    effects:
      - { type: feed, channel: social, from: '@user', text: Cannot pay. }
  - id: ask
    trigger: { at: 3m }
    effects:
      - type: prompt
        from: Minister's office
        text: What do we tell the public?
        timeout: 2m
        options:
          - { id: calm, label: Stay calm, default: true, effects: [{ type: feed, channel: official, from: Minister, text: Stay calm. }] }
          - { id: alarm, label: Sound the alarm, effects: [{ type: feed, channel: official, from: Minister, text: Alarm! }] }
  - id: late
    trigger: { at: 7m }
    effects:
      - { type: feed, channel: ops, from: NOC, text: Late inject. }
`;

/** Ticks at which the time-triggered injects fire (from the YAML above). */
export const AT_TICKS: Record<string, number> = { early: 45, middle: 120, ask: 180, late: 420 };
export const DURATION_TICKS = 600;

export function fixtureScenario(): Scenario {
  const { scenario, diagnostics } = compile(FIXTURE_YAML, 'store-drill.yaml');
  if (!scenario) throw new Error(`fixture does not compile: ${JSON.stringify(diagnostics, null, 2)}`);
  return scenario;
}
