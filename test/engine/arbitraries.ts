/**
 * Random command logs for the property tests, built from a scenario's own ids plus invalid ones, so that a
 * log mixes orders that take effect, orders that are rejected for every reason, lifts of real and made-up
 * orders, answers to prompts, public statements and workaround announcements (valid and not), and garbage.
 */
import fc from 'fast-check';
import { BLOCK_KINDS, CAUSES, LANGUAGES, type LoggedCommand, type Scenario } from '../../src/engine';

export function commandArb(scenario: Scenario): fc.Arbitrary<unknown> {
  const mitigations = scenario.mitigations.map((m) => m.id);
  const services = scenario.services.map((s) => s.id);
  const prompts = scenario.injects.filter((i) => i.effects.some((e) => e.type === 'prompt'));
  const options = prompts.flatMap((i) =>
    i.effects.flatMap((e) => (e.type === 'prompt' ? e.options.map((o) => o.id) : [])),
  );
  const mitigate = fc.record(
    {
      type: fc.constant('mitigate'),
      mitigation: fc.constantFrom(...mitigations, 'bogus'),
      target: fc.constantFrom(...services, 'nowhere'),
      region: fc.constantFrom(...scenario.regions, 'mars'),
      dependsOn: fc.constantFrom(...services),
    },
    { requiredKeys: ['type', 'mitigation', 'target'] },
  );
  const people = scenario.people;
  const block = fc.oneof(
    fc.constantFrom(...BLOCK_KINDS).map((kind) => ({ kind })),
    fc.record({ kind: fc.constant('cause'), cause: fc.constantFrom(...CAUSES, 'aliens') }),
    fc.record({ kind: fc.constant('eta'), minutes: fc.integer({ min: 0, max: 2000 }) }),
    fc.record({
      kind: fc.constant('workaround'),
      workaround: fc.constantFrom(...people.workarounds.map((w) => w.id), 'pigeons'),
    }),
    fc.record({
      kind: fc.constant('rebuttal'),
      rumour: fc.constantFrom(...people.rumours.map((r) => r.id), 'none'),
      evidence: fc.constantFrom('none', 'law', 'independent'),
    }),
    fc.record({
      kind: fc.constant('blame'),
      partner: fc.constantFrom(...people.stakeholders.map((k) => k.id), 'nobody'),
    }),
  );
  const statement = fc.record({
    type: fc.constant('statement'),
    channel: fc.constantFrom(...people.channels.map((c) => c.id), 'carrier-pigeon'),
    languages: fc.subarray([...LANGUAGES, 'fr']),
    blocks: fc.array(block, { maxLength: 4 }),
  });
  const workaround = fc.record({
    type: fc.constant('workaround'),
    workaround: fc.constantFrom(...people.workarounds.map((w) => w.id), 'pigeons'),
    action: fc.constantFrom('announce', 'withdraw', 'ignore'),
  });
  return fc.oneof(
    { arbitrary: mitigate, weight: 6 },
    { arbitrary: statement, weight: 2 },
    { arbitrary: workaround, weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('lift'), uid: fc.integer({ min: 0, max: 5 }) }), weight: 2 },
    {
      arbitrary: fc.record({
        type: fc.constant('answer'),
        inject: fc.constantFrom(...prompts.map((i) => i.id), 'nobody'),
        option: fc.constantFrom(...options, 'maybe'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom<unknown>(
        { type: 'noop' },
        null,
        7,
        'mitigate',
        [],
        { type: 'explode' },
        { type: 'lift', uid: 'one' },
      ),
      weight: 1,
    },
  );
}

/** Up to `maxLength` commands at random ticks before `lastTick`. */
export function commandLogArb(
  scenario: Scenario,
  lastTick: number,
  maxLength = 12,
): fc.Arbitrary<LoggedCommand[]> {
  return fc.array(
    fc
      .record({ tick: fc.integer({ min: 0, max: lastTick }), cmd: commandArb(scenario) })
      .map((e) => e as LoggedCommand),
    { maxLength },
  );
}

export const seedArb = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc.string({ maxLength: 8 }),
);
