/** A small but complete city for the after-the-drill tests: fast to run, with an attack, a rumour and a workaround. */
import { compile } from '../../src/scenario';
import type { Command, LoggedCommand, Scenario } from '../../src/engine';

export const SMALL_YAML = `
format: 1
id: small-city
meta:
  title: Small city
  summary: A portal behind a shared edge, a wallet and USSD.
  objectives: [Test the after-action tools]
  audience: tests
  difficulty: intro
  author: tests
clock: { start: '2024-01-09T10:00', duration: 30m }
budget: 5000000
demandCurve: [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]
services:
  - { id: edge, name: Edge, kind: edge, capacity: 3000, critical: true, sheddable: false, map: { x: 500, y: 100 } }
  - { id: portal, name: Portal, kind: portal, capacity: 300, crashAt: 2, crashAfter: 30s, restart: 2m, warmup: 2m, critical: true, backup: true, map: { x: 200, y: 100 } }
  - { id: wallet, name: Wallet, kind: mobile-money-core, capacity: 400, critical: true, sheddable: false, map: { x: 500, y: 400 } }
  - { id: app, name: App, kind: app-gateway, capacity: 200, clientRetry: 0.6, critical: true, sheddable: false, map: { x: 700, y: 200 } }
  - { id: ussd, name: USSD, kind: ussd-gateway, capacity: 120, critical: true, sheddable: false, map: { x: 300, y: 400 } }
dependencies:
  - { from: portal, to: edge, kind: hard }
  - { from: app, to: edge, kind: hard }
  - { from: app, to: wallet, kind: hard }
  - { from: ussd, to: wallet, kind: hard }
segments:
  - { id: app-users, name: App users, size: 200000, needs: [{ service: app, perHour: 1, value: 1000 }] }
  - { id: ussd-users, name: USSD users, size: 300000, needs: [{ service: ussd, perHour: 0.5, value: 800 }] }
  - { id: citizens, name: Citizens, size: 100000, needs: [{ service: portal, perHour: 1, value: 500 }] }
attacks:
  - id: flood
    vector: layer7
    target: portal
    intensity: [{ at: 2m, rps: 0 }, { at: 6m, rps: 4000 }, { at: 30m, rps: 5000 }]
rumours:
  - { id: leak, text: Data leaked, auto: true, silence: 5m, spread: 0.3 }
workarounds:
  - { id: use-ussd, name: Use USSD, description: Dial the USSD code, from: app, to: ussd, maxShare: 0.6, ramp: 3m }
`;

export function smallScenario(): Scenario {
  const r = compile(SMALL_YAML, 'small.yaml');
  if (!r.scenario)
    throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return r.scenario;
}

/** Commands a player might issue here, valid and invalid, for property tests. */
export const COMMAND_POOL: Command[] = [
  { type: 'mitigate', mitigation: 'waf-rule', target: 'edge' },
  { type: 'mitigate', mitigation: 'rate-limit', target: 'portal' },
  { type: 'mitigate', mitigation: 'maintenance', target: 'portal' },
  { type: 'mitigate', mitigation: 'restart', target: 'portal' },
  { type: 'mitigate', mitigation: 'geo-block', target: 'edge', region: 'foreign' },
  { type: 'mitigate', mitigation: 'add-capacity', target: 'app' },
  { type: 'mitigate', mitigation: 'nonsense', target: 'edge' },
  { type: 'lift', uid: 1 },
  { type: 'lift', uid: 2 },
  { type: 'workaround', workaround: 'use-ussd', action: 'announce' },
  { type: 'workaround', workaround: 'use-ussd', action: 'withdraw' },
  {
    type: 'statement',
    channel: 'social',
    languages: ['en'],
    blocks: [{ kind: 'acknowledge' }, { kind: 'eta', minutes: 10 }],
  },
  {
    type: 'statement',
    channel: 'sms',
    languages: ['sw'],
    blocks: [{ kind: 'rebuttal', rumour: 'leak', evidence: 'law' }],
  },
  { type: 'noop' },
];

export function logFrom(entries: [number, number][]): LoggedCommand[] {
  return entries
    .map(([tick, i]) => ({ tick, cmd: structuredClone(COMMAND_POOL[i % COMMAND_POOL.length]!) }))
    .sort((a, b) => a.tick - b.tick);
}
