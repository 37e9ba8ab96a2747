/**
 * Random command logs for a scenario: orders built from the scenario's own ids (so many take effect), the same
 * orders with made-up ids, lifts, answers, statements, workaround announcements, and garbage a forged log
 * might carry (wrong types, huge numbers, hostile text). The engine must turn down what is wrong and keep
 * every number finite.
 */
import { BLOCK_KINDS, CAUSES, languageIds, type LoggedCommand, type Scenario } from '../../engine';
import { hostileString } from './hostile';
import type { Rand } from './random';

const GARBAGE: readonly unknown[] = [
  null,
  7,
  'mitigate',
  [],
  { type: 'explode' },
  { type: 'lift', uid: 'one' },
  { type: 'lift', uid: 1e308 },
  { type: 'mitigate', mitigation: { nested: [1] }, target: 3 },
  { type: 'statement', channel: 'social', languages: 'en', blocks: {} },
  { type: 'answer', inject: '__proto__', option: 'constructor' },
];

function command(scenario: Scenario, r: Rand): unknown {
  const orBogus = <T>(list: readonly T[], bogus: string): T | string =>
    list.length === 0 || r.chance(0.15) ? bogus : r.pick(list);
  const services = scenario.services.map((s) => s.id);
  const people = scenario.people;
  const prompts = scenario.injects.filter((i) => i.effects.some((e) => e.type === 'prompt'));
  switch (r.int(8)) {
    case 0:
    case 1:
    case 2: {
      const cmd: Record<string, unknown> = {
        type: 'mitigate',
        mitigation: orBogus(
          scenario.mitigations.map((m) => m.id),
          'bogus',
        ),
        target: orBogus(services, 'nowhere'),
      };
      if (r.chance(0.3)) cmd.region = orBogus(scenario.regions, 'mars');
      if (r.chance(0.2)) cmd.dependsOn = orBogus(services, 'nowhere');
      return cmd;
    }
    case 3:
      return { type: 'lift', uid: r.between(-1, 8) };
    case 4: {
      const inject = prompts.length ? r.pick(prompts) : undefined;
      const options = inject?.effects.flatMap((e) => (e.type === 'prompt' ? e.options.map((o) => o.id) : []));
      return { type: 'answer', inject: inject?.id ?? 'nobody', option: orBogus(options ?? [], 'maybe') };
    }
    case 5: {
      const blocks = Array.from({ length: r.int(5) }, () => {
        const kind = r.pick([...BLOCK_KINDS, 'cause', 'eta', 'workaround', 'rebuttal', 'blame']);
        if (kind === 'cause') return { kind, cause: orBogus(CAUSES, 'aliens') };
        if (kind === 'eta') return { kind, minutes: r.pick([0, 30, 2000, -5, 1e308]) };
        if (kind === 'workaround')
          return {
            kind,
            workaround: orBogus(
              people.workarounds.map((w) => w.id),
              'pigeons',
            ),
          };
        if (kind === 'rebuttal')
          return {
            kind,
            rumour: orBogus(
              people.rumours.map((x) => x.id),
              'none',
            ),
            evidence: r.pick(['none', 'law', 'independent']),
          };
        if (kind === 'blame')
          return {
            kind,
            partner: orBogus(
              people.stakeholders.map((k) => k.id),
              'x',
            ),
          };
        return { kind };
      });
      return {
        type: 'statement',
        channel: orBogus(
          people.channels.map((c) => c.id),
          'carrier-pigeon',
        ),
        languages: languageIds(scenario).filter(() => r.chance(0.6)),
        blocks,
      };
    }
    case 6:
      return {
        type: 'workaround',
        workaround: orBogus(
          people.workarounds.map((w) => w.id),
          'pigeons',
        ),
        action: r.pick(['announce', 'withdraw', 'ignore']),
      };
    default:
      return r.chance(0.5)
        ? r.pick(GARBAGE)
        : { type: 'mitigate', mitigation: hostileString(r), target: 'x' };
  }
}

/** Up to `max` commands at ticks before `lastTick`, sorted by tick as the game records them. */
export function randomLog(scenario: Scenario, r: Rand, max = 40): LoggedCommand[] {
  const lastTick = Math.max(0, scenario.durationTicks - 1);
  const log = Array.from({ length: r.int(max + 1) }, () => ({
    tick: r.int(lastTick + 1),
    cmd: command(scenario, r) as LoggedCommand['cmd'],
  }));
  return log.sort((a, b) => a.tick - b.tick);
}
