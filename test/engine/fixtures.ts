/**
 * Tiny scenarios for the engine tests, written as YAML and compiled through the real `compile`, so every
 * fixture also exercises the loader the game uses. Each keeps to 2–4 services: the expected numbers in the
 * tests are derived by hand from the documented model, which is only practical on a small graph.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, formatDiagnostic } from '../../src/scenario';
import { step, type Scenario, type ServiceState, type Sim } from '../../src/engine';

/** Removes the indentation common to all non-blank lines, so YAML can be indented like the code around it. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Compiles YAML text; any error fails the test with the compiler's own located messages. */
export function compileYaml(text: string, fileName = 'fixture.yaml'): Scenario {
  const { scenario, diagnostics } = compile(text, fileName);
  if (!scenario)
    throw new Error(`fixture does not compile:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return scenario;
}

export interface HeaderOptions {
  id?: string;
  /** A duration as authors write it. */
  duration?: string;
  budget?: number;
}

/** A flat demand curve: demand does not depend on the time of day, so expectations need no interpolation. */
const FLAT_CURVE = `[${Array.from({ length: 24 }, () => 1).join(', ')}]`;

/** The boilerplate every scenario needs, followed by `body` (services, dependencies, ...). */
export function scenarioYaml(body: string, options: HeaderOptions = {}): string {
  const header = dedent(`
    format: 1
    id: ${options.id ?? 'fixture'}
    meta:
      title: Fixture
      summary: A tiny scenario for the engine tests.
      objectives: [Check one rule of the model]
      audience: Tests
      difficulty: intro
      author: Engine tests
    clock: { start: '2023-07-27T09:00', duration: ${options.duration ?? '1h'} }
    budget: ${options.budget ?? 10_000_000}
    regions: [domestic, foreign]
    demandCurve: ${FLAT_CURVE}
    # Rule tests check exact figures: the seed must not move the incident here.
    variation: { start: 0s, intensity: 0, faults: 0, vectorChange: 0 }
  `);
  return `${header}\n${dedent(body)}\n`;
}

export function fixture(body: string, options: HeaderOptions = {}): Scenario {
  return compileYaml(scenarioYaml(body, options), `${options.id ?? 'fixture'}.yaml`);
}

const DEFAULT_PATH = fileURLToPath(new URL('../../scenarios/nairobi-ddos-2023.yaml', import.meta.url));
let defaultScenario: Scenario | undefined;

/** The shipped default scenario, compiled once per test file. */
export function nairobi(): Scenario {
  defaultScenario ??= compileYaml(readFileSync(DEFAULT_PATH, 'utf8'), 'scenarios/nairobi-ddos-2023.yaml');
  return defaultScenario;
}

/**
 * The "mitigation city": a portal behind a shared edge, paying through a wallet, plus a payment gateway.
 * Loads are far below capacity (portal: ~100 legit + 400 attack of 1000), so no queue forms and every
 * mitigation's effect shows up undiluted. Citizens are 80 % domestic; the flood is 75 % foreign; no jitter.
 *   portal → edge   hard (infrastructure: carries everything arriving at the portal)
 *   portal → wallet soft, weight 0.3, share 0.5
 * Direct demand on the portal: 3.6 M × 0.1/h ÷ 3600 = 100 req/s × the minute's noise.
 */
export function mitigationCity(options: HeaderOptions = {}, extra = ''): Scenario {
  return compileYaml(mitigationCityYaml(options, extra), 'mitigation-city.yaml');
}

/** The mitigation city's YAML, with `extra` (more top-level sections, e.g. `mitigations:`) appended. */
export function mitigationCityYaml(options: HeaderOptions = {}, extra = ''): string {
  return (
    scenarioYaml(
      `
    services:
      - { id: edge, name: Edge, kind: edge, capacity: 10000, latency: 20, critical: true, sheddable: false, map: { x: 0, y: 0 } }
      - id: portal
        name: Portal
        kind: portal
        capacity: 1000
        latency: 100
        restart: 200s
        warmup: 100s
        clientRetry: 0
        critical: true
        sheddable: true
        backup: true
        map: { x: 0, y: 0 }
      - { id: wallet, name: Wallet, kind: mobile-money-core, capacity: 5000, latency: 50, critical: true, sheddable: false, map: { x: 0, y: 0 } }
      - { id: gateway, name: Gateway, kind: payment-gateway, capacity: 500, latency: 30, map: { x: 0, y: 0 } }
    dependencies:
      - { from: portal, to: edge, kind: hard }
      - { from: portal, to: wallet, kind: soft, weight: 0.3, share: 0.5 }
    segments:
      - id: citizens
        name: Citizens
        size: 3600000
        patience: 1h
        retryEvery: 60s
        churn: 0
        regions: { domestic: 0.8, foreign: 0.2 }
        needs: [{ service: portal, perHour: 0.1, value: 1000 }]
    attacks:
      - id: flood
        vector: layer7
        target: portal
        jitter: 0
        sources: { foreign: 0.75, domestic: 0.25 }
        intensity: [{ at: 0, rps: 400 }, { at: 5h, rps: 400 }]
    `,
      { id: 'mitigation-city', duration: '5h', ...options },
    ) + (extra ? `${dedent(extra)}\n` : '')
  );
}

export function serviceIndex(scenario: Scenario, id: string): number {
  const i = scenario.services.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`no service '${id}' in the fixture`);
  return i;
}

export function svc(sim: Sim, id: string): ServiceState {
  return sim.state.services[serviceIndex(sim.scenario, id)]!;
}

export function injectIndex(scenario: Scenario, id: string): number {
  const i = scenario.injects.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no inject '${id}' in the fixture`);
  return i;
}

/** Steps `n` ticks. */
export function steps(sim: Sim, n: number): void {
  for (let i = 0; i < n; i++) step(sim);
}

/** Steps until the state's tick is `tick` (the next step will process tick `tick`). */
export function stepTo(sim: Sim, tick: number): void {
  while (sim.state.tick < tick && !sim.state.ended) step(sim);
}

/**
 * New transactions a segment's need sends this tick, from the documented demand rule (demand.ts):
 * active customers (as the previous tick left them) × perHour / 3600 × demand curve × this minute's noise.
 * Call it right after a step, passing the active count from before that step.
 */
export function newDemand(sim: Sim, segment: number, need: number, activeBefore: number): number {
  const def = sim.scenario.segments[segment]!;
  const curveIsFlat = sim.scenario.demandCurve.every((v) => v === 1);
  if (!curveIsFlat) throw new Error('newDemand assumes a flat demand curve');
  return ((activeBefore * def.needs[need]!.perHour) / 3600) * sim.state.segments[segment]!.noise[need]!;
}

/**
 * The "property city": small enough to run a thousand drills in seconds, busy enough that random orders meet
 * every mechanism — a flood that ramps past the portal's crash point, a second attack started by an inject,
 * seeded chance escalations, a decision prompt, two segments on three services, crashes, restarts, costs,
 * and the people side: a rumour that can be born of the outage and a workaround that moves demand.
 */
export function propertyCity(options: HeaderOptions = {}): Scenario {
  return fixture(
    `
    services:
      - { id: edge, name: Edge, kind: edge, capacity: 3000, latency: 20, critical: true, sheddable: false, map: { x: 0, y: 0 } }
      - id: portal
        name: Portal
        kind: portal
        capacity: 1000
        crashAt: 1.8
        crashAfter: 30s
        restart: 120s
        warmup: 60s
        clientRetry: 0.4
        critical: true
        sheddable: true
        backup: true
        map: { x: 0, y: 0 }
      - id: wallet
        name: Wallet
        kind: mobile-money-core
        capacity: 800
        crashAt: 2.5
        crashAfter: 60s
        restart: 180s
        warmup: 120s
        clientRetry: 0.5
        critical: true
        sheddable: false
        backup: true
        map: { x: 0, y: 0 }
      - { id: gateway, name: Gateway, kind: payment-gateway, capacity: 300, sheddable: true, map: { x: 0, y: 0 } }
    dependencies:
      - { from: portal, to: edge, kind: hard }
      - { from: gateway, to: edge, kind: hard }
      - { from: portal, to: wallet, kind: soft, weight: 0.3, share: 0.5 }
      - { from: gateway, to: wallet, kind: hard }
    segments:
      - { id: citizens, name: Citizens, size: 3600000, patience: 20m, retryEvery: 60s, churn: 0.05, regions: { domestic: 0.8, foreign: 0.2 }, needs: [{ service: portal, perHour: 0.1, value: 1000 }] }
      - id: payers
        name: Payers
        size: 1000000
        patience: 10m
        retryEvery: 30s
        churn: 0.1
        needs: [{ service: gateway, perHour: 0.5, value: 500 }, { service: wallet, perHour: 1, value: 2000 }]
    attacks:
      - { id: flood, vector: layer7, target: portal, jitter: 0.2, sources: { foreign: 0.75, domestic: 0.25 }, intensity: [{ at: 0, rps: 0 }, { at: 10m, rps: 2500 }, { at: 25m, rps: 4000 }] }
      - { id: bypass, vector: cache-bypass, target: gateway, startsOff: true, intensity: [{ at: 0, rps: 0 }, { at: 5m, rps: 300 }] }
    injects:
      - id: lottery
        trigger: { chance: 0.3, every: 2m }
        repeat: { times: 5, cooldown: 2m }
        effects: [{ type: attack, attack: flood, action: escalate, factor: 1.2 }]
      - id: bypass-start
        trigger: { when: 'service("portal").down' }
        effects: [{ type: attack, attack: bypass, action: start }]
      - id: ask
        trigger: { at: 5m }
        effects:
          - type: prompt
            from: Minister
            text: Spend or save?
            timeout: 3m
            options:
              - { id: spend, label: Spend, effects: [{ type: budget, amount: 100000 }] }
              - { id: save, label: Save, default: true, effects: [{ type: feed, channel: official, from: Minister, text: Saving. }] }
    people:
      silenceGrace: 2m
    rumours:
      - id: leak
        text: The wallet has been hacked; take your money out.
        auto: true
        silence: 3m
        spread: 0.3
        decay: 0.02
        true: false
        hits: [{ service: wallet, factor: 1.5 }]
        trustHit: 0.5
    workarounds:
      - { id: pay-direct, name: Pay in the wallet, description: Pay from the wallet instead of the gateway., from: gateway, to: wallet, maxShare: 0.6, ramp: 5m, costPerHour: 20000 }
    `,
    { id: 'property-city', duration: '30m', budget: 5_000_000, ...options },
  );
}
