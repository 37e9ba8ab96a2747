/** A scenario that posts far more than the feed and the log keep (test/engine/bounded-state.test.ts). */
import type { Sim } from '../../src/engine';
import { fixture } from './fixtures';

/**
 * A quiet city (capacity far above demand, no attack: no status changes) whose script posts a lot: eight
 * injects post a social message every simulated second from tick 1 and four post a headline every other second
 * from tick 2, 100 times each (the most a scenario may repeat an inject). Each firing adds one feed item and one
 * `inject` log entry, so every number below follows from the injects' own firing counts.
 */
const injects = [
  ...Array.from(
    { length: 8 },
    (_, i) =>
      `- { id: chatter-${i}, trigger: { chance: 1, every: 1s }, repeat: { times: 100, cooldown: 0 }, effects: [{ type: feed, channel: social, from: Crowd, text: Still down? }] }`,
  ),
  ...Array.from(
    { length: 4 },
    (_, i) =>
      `- { id: news-${i}, trigger: { chance: 1, every: 2s }, repeat: { times: 100, cooldown: 0 }, effects: [{ type: feed, channel: headline, from: Paper, text: Outage continues. }] }`,
  ),
];
export const chatty = fixture(
  `
  services:
    - { id: portal, name: Portal, kind: portal, capacity: 100000, critical: true, map: { x: 0, y: 0 } }
    - { id: wallet, name: Wallet, kind: mobile-money-core, capacity: 100000, map: { x: 0, y: 0 } }
  injects:
${injects.map((line) => `    ${line}`).join('\n')}
  `,
  { id: 'chatty' },
);

/** How many times the injects whose id starts with `prefix` have fired. */
export function firedOf(sim: Sim, prefix: string): number {
  return chatty.injects.reduce(
    (n, def, i) => (def.id.startsWith(prefix) ? n + sim.state.injects[i]!.fired : n),
    0,
  );
}
