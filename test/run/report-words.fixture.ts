/**
 * Played runs of the shipped scenarios for the report tests: the expert play (src/balance, the same policy the
 * balance checks use) to the end, and the same play stopped halfway by the facilitator. Each is rebuilt in a
 * GameStore so the report is the one the debrief shows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { play } from '../../src/balance/play';
import { EXPERT, POLICIES } from '../../src/balance/policies';
import type { Scenario } from '../../src/engine';
import { compile } from '../../src/scenario';
import { createGameStore, type GameStore } from '../../src/store';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function shippedScenarios(): Scenario[] {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => compile(readFileSync(join(ROOT, 'scenarios', f), 'utf8'), f).scenario!);
}

export function playedGame(scenario: Scenario, seed: string, stopAt?: number): GameStore {
  const { log } = play(scenario, seed, POLICIES[EXPERT]!);
  const untilTick = stopAt ?? scenario.durationTicks;
  const roles: Record<number, string> = {};
  log.forEach((_, i) => (roles[i] = i % 2 === 0 ? 'Commander' : 'Network lead'));
  return createGameStore({
    scenario,
    seed,
    history: {
      log: log.filter((c) => c.tick <= untilTick),
      untilTick,
      roles,
      ...(stopAt !== undefined ? { stopped: true, stoppedBy: 'facilitator' as const } : {}),
    },
  });
}
