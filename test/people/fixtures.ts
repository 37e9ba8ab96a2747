/**
 * Tiny scenarios for the people-side tests (issue 4), written as YAML text and compiled with `compile`, so the
 * tests go through the same defaults (src/scenario/build.ts) a scenario author gets.
 *
 * One template with a few knobs. Its shape is chosen so that expected values can be worked out by hand:
 * - the demand curve is flat (all 1s), there are no dependencies and every capacity is huge unless a test
 *   shrinks it, so a service's legitRps is exactly size × perHour / 3600 × noise × (share routed to it);
 * - nothing fails unless the test asks for an outage (`fail` on the critical `app` service), so without one there
 *   is no incident: no silence cost, no pain, no recovery drift, and trust moves only by what the test does;
 * - segment "App users" uses only `app`; "Cash users" uses only `atm` (the rumour hits `atm`);
 * - the workaround `use-ussd` moves App users' demand from `app` to `ussd`.
 */
import { createSim, step, type Scenario, type Sim } from '../../src/engine';
import { compile } from '../../src/scenario';

export interface LabOptions {
  /** Drill length in minutes (default 180). */
  minutes?: number;
  /** Starting trust of the public stakeholder (default 60). */
  publicTrust?: number;
  /** Starting trust of both customer segments (default 60). */
  segmentTrust?: number;
  /** App users' channel habits, e.g. `{ press: 1 }` (default: the channels' own reach). */
  appReach?: Record<string, number>;
  /** App users' languages (default en 1, sw 1: language never limits reach). */
  appLanguages?: { en: number; sw: number };
  /** Cash users' channel habits. */
  cashReach?: Record<string, number>;
  ussdCapacity?: number;
  maxShare?: number;
  /** Workaround ramp, seconds (default 60). */
  rampSeconds?: number;
  workaroundCost?: number;
  workaroundCostPerHour?: number;
  /** The rumour `data-leak`. */
  rumour?: {
    auto?: boolean;
    silenceMinutes?: number;
    spread?: number;
    decay?: number;
    trustHit?: number;
    atmFactor?: number;
    isTrue?: boolean;
  };
  /** Outage of the critical `app` service: it fails at `atMinutes` for `forMinutes` (omit: no incident). */
  outage?: { atMinutes: number; forMinutes: number };
  truth?: {
    cause: 'glitch' | 'cyber-attack' | 'investigating' | 'maintenance';
    dataSafe: boolean;
    revealAtMinutes?: number;
  };
  silenceGraceMinutes?: number;
  weights?: Record<string, number>;
  /** Extra inject entries, as YAML flow mappings (one per string). */
  injects?: string[];
  budget?: number;
}

export const APP_USERS = { size: 360_000, perHour: 1 } as const;
export const CASH_USERS = { size: 180_000, perHour: 2 } as const;
/** Stakeholder indices in the lab (the order of `people.stakeholders` below). */
export const PUBLIC = 0;
export const MEDIA = 1;
export const REGULATOR = 2;
export const PARTNER = 3;
/** Service indices. */
export const APP = 0;
export const USSD = 1;
export const ATM = 2;
/** Segment indices. */
export const APP_SEG = 0;
export const CASH_SEG = 1;

function flow(map: Record<string, number> | undefined): string {
  if (!map) return '';
  return `{ ${Object.entries(map)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }`;
}

export function labYaml(o: LabOptions = {}): string {
  const r = o.rumour ?? {};
  const injects = [...(o.injects ?? [])];
  if (o.outage)
    injects.unshift(
      `{ id: outage, trigger: { at: ${o.outage.atMinutes}m }, effects: [{ type: fail, service: app, for: ${o.outage.forMinutes}m }] }`,
    );
  const truth = o.truth ?? { cause: 'cyber-attack', dataSafe: true };
  return `
format: 1
id: people-lab
meta:
  title: People lab
  summary: A tiny drill for the people-side tests.
  objectives: [Keep people informed.]
  audience: Testers
  difficulty: intro
  author: Cascade tests
clock:
  start: '2023-07-27T09:00'
  duration: ${o.minutes ?? 180}m
budget: ${o.budget ?? 50_000_000}
variation: { start: 0s, intensity: 0, faults: 0, vectorChange: 0 }
demandCurve: [${Array.from({ length: 24 }, () => 1).join(', ')}]
services:
  - { id: app, name: Wallet app, kind: app-gateway, capacity: 1000000, critical: true, warmup: 0s, clientRetry: 0, map: { x: 100, y: 100 } }
  - { id: ussd, name: USSD, kind: ussd-gateway, capacity: ${o.ussdCapacity ?? 1_000_000}, clientRetry: 0, map: { x: 300, y: 100 } }
  - { id: atm, name: ATMs, kind: atm-network, capacity: 1000000, clientRetry: 0, map: { x: 500, y: 100 } }
segments:
  - id: app-users
    name: App users
    size: ${APP_USERS.size}
    trust: ${o.segmentTrust ?? 60}
    languages: ${flow(o.appLanguages ?? { en: 1, sw: 1 })}
${o.appReach ? `    reach: ${flow(o.appReach)}\n` : ''}    needs:
      - { service: app, perHour: ${APP_USERS.perHour}, value: 1000 }
  - id: cash-users
    name: Cash users
    size: ${CASH_USERS.size}
    trust: ${o.segmentTrust ?? 60}
    languages: { en: 1, sw: 1 }
${o.cashReach ? `    reach: ${flow(o.cashReach)}\n` : ''}    needs:
      - { service: atm, perHour: ${CASH_USERS.perHour}, value: 500 }
people:
  stakeholders:
    - { id: public, name: The public, kind: public, trust: ${o.publicTrust ?? 60} }
    - { id: media, name: The media, kind: media, trust: 50 }
    - { id: regulator, name: The regulator, kind: regulator, trust: 65 }
    - { id: kcb, name: Partner Bank, kind: partner, trust: 65 }
  silenceGrace: ${o.silenceGraceMinutes ?? 15}m
  truth: { cause: ${truth.cause}, dataSafe: ${truth.dataSafe}${truth.revealAtMinutes !== undefined ? `, revealAt: ${truth.revealAtMinutes}m` : ''} }
  templates:
    angry: ['ANGRY {segment} on {service}']
    worried: ['WORRIED {segment} on {service}']
    calm: ['CALM {segment} on {service}']
rumours:
  - id: data-leak
    text: Hackers stole everyone's data.
    auto: ${r.auto ?? false}
    silence: ${r.silenceMinutes ?? 30}m
    spread: ${r.spread ?? 0}
    decay: ${r.decay ?? 0}
    true: ${r.isTrue ?? false}
    trustHit: ${r.trustHit ?? 0}
    hits: [{ service: atm, factor: ${r.atmFactor ?? 2} }]
workarounds:
  - id: use-ussd
    name: Use USSD instead of the app
    description: Dial the USSD code instead of opening the app.
    from: app
    to: ussd
    maxShare: ${o.maxShare ?? 0.6}
    ramp: ${o.rampSeconds ?? 60}s
    cost: ${o.workaroundCost ?? 0}
    costPerHour: ${o.workaroundCostPerHour ?? 0}
    channel: press
${injects.length > 0 ? `injects:\n${injects.map((i) => `  - ${i}`).join('\n')}\n` : ''}${o.weights ? `scoring:\n  weights: ${flow(o.weights)}\n` : ''}`;
}

export function lab(o: LabOptions = {}): Scenario {
  const { scenario, diagnostics } = compile(labYaml(o), 'people-lab.yaml');
  if (!scenario)
    throw new Error(
      `the people lab does not compile:\n${diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join('\n')}`,
    );
  return scenario;
}

export function labSim(o: LabOptions = {}, seed: string | number = 1): Sim {
  return createSim(lab(o), seed);
}

/** Steps until `state.tick === tick` (i.e. tick - 1 is the last tick processed). */
export function stepTo(sim: Sim, tick: number): void {
  while (sim.state.tick < tick && !sim.state.ended) step(sim);
}

/** Public trust right now. */
export function publicTrust(sim: Sim): number {
  return sim.state.people.trust[PUBLIC]!;
}

/** Credibility of a channel as statements.ts computes it when a statement lands: channel credibility × (0.5 + public trust / 200). */
export function credibility(channelCredibility: number, publicTrustAtLanding: number): number {
  return channelCredibility * (0.5 + publicTrustAtLanding / 200);
}
