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

/** Every word people see in the scenario's own text (names, labels, feed and prompt lines, objectives). */
export function displayWords(s: Scenario): Set<string> {
  const texts: string[] = [
    s.meta.title,
    s.meta.summary,
    ...s.meta.objectives,
    ...s.debriefQuestions,
    ...s.services.map((x) => x.name),
    ...s.mitigations.flatMap((m) => [m.name, m.description, m.sideEffect]),
    ...s.people.workarounds.flatMap((w) => [w.name, w.description]),
    ...s.people.rumours.map((r) => r.text),
    ...s.people.channels.map((c) => c.name),
    ...s.people.stakeholders.map((k) => k.name),
    ...s.injects.flatMap((i) =>
      i.effects.flatMap((e) =>
        e.type === 'feed'
          ? [e.from, e.text]
          : e.type === 'prompt'
            ? [e.from, e.text, ...e.options.map((o) => o.label)]
            : [],
      ),
    ),
  ];
  return new Set(texts.flatMap((t) => t.toLowerCase().split(/[^a-z0-9*#-]+/)));
}

/** The ids a report must not show: those that are not also a word people see. */
export function internalIds(s: Scenario): string[] {
  const words = displayWords(s);
  const ids = [
    ...s.services.map((x) => x.id),
    ...s.injects.map((x) => x.id),
    ...s.mitigations.map((x) => x.id),
    ...s.people.rumours.map((x) => x.id),
    ...s.people.workarounds.map((x) => x.id),
    ...s.attacks.map((x) => x.id),
  ];
  return [...new Set(ids)].filter((id) => !words.has(id.toLowerCase()));
}

export function leakedIds(s: Scenario, text: string): string[] {
  return internalIds(s).filter((id) =>
    new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text),
  );
}
