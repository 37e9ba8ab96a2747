/** Per-scenario channel changes: `people.channels` restricts the built-ins, `people.tuneChannels` adjusts them. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_CHANNELS } from '../../src/engine';
import { compile } from '../../src/scenario';
import { SMALL_YAML } from '../run/fixtures';

function withPeople(people: string): ReturnType<typeof compile> {
  return compile(`${SMALL_YAML}\npeople:\n${people}\n`, 'channels.yaml');
}

describe('channels in a scenario', () => {
  it('offers every built-in channel by default', () => {
    expect(withPeople('  silenceGrace: 10m').scenario!.people.channels.map((c) => c.id)).toEqual(
      BUILTIN_CHANNELS.map((c) => c.id),
    );
  });

  it('tunes a channel: cost, delay, reach, credibility and name', () => {
    const r = withPeople(
      "  tuneChannels:\n    sms: { cost: 900000, delay: 20m, reach: 0.5, credibility: 0.6, name: 'Operator SMS gateway' }",
    );
    expect(r.diagnostics).toEqual([]);
    const sms = r.scenario!.people.channels.find((c) => c.id === 'sms')!;
    expect(sms).toMatchObject({
      costKES: 900_000,
      delayTicks: 1200,
      reach: 0.5,
      credibility: 0.6,
      name: 'Operator SMS gateway',
    });
    // Segments without their own habits take the tuned reach.
    const smsIndex = r.scenario!.people.channels.indexOf(sms);
    expect(r.scenario!.segments[0]!.reach[smsIndex]).toBe(0.5);
  });

  it('reports a tuned channel that is not on offer, with a suggestion', () => {
    const r = withPeople('  channels: [social, sms]\n  tuneChannels:\n    smss: { cost: 1 }');
    expect(r.scenario).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'SCN029')!;
    expect(d.message).toContain("did you mean 'sms'");
    expect(d.path).toBe('people.tuneChannels.smss');
  });
});
