/**
 * The generated feed (src/engine/feedgen.ts): every FEED_EVERY_TICKS while the incident runs and someone is
 * stranded, a customer of a stranded segment posts; the tone follows that segment's trust (< 35 angry, < 60
 * worried, else calm) and uses the scenario's templates. Every post says why it appeared. Deterministic per seed.
 *
 * The lab's templates are one line per tone ("ANGRY {segment} on {service}", ...), so the tone can be read off the
 * text. In the lab only App users are stranded by an app outage, so they are the ones who post.
 * Low trust is set through the segments' starting trust: a `trust` inject effect can only move stakeholders
 * (public, media, ...), and the tone reads the posting segment's trust, not the public's.
 */
import { describe, expect, it } from 'vitest';
import { FEED_EVERY_TICKS } from '../../src/engine/feedgen';
import { apply, hashState, type FeedItem, type Sim } from '../../src/engine';
import { labSim, stepTo, type LabOptions } from './fixtures';

// The app fails at tick 60 and comes back at 60 + 3600 = 3660.
const OUTAGE: LabOptions = { outage: { atMinutes: 1, forMinutes: 60 }, minutes: 90 };

function generated(sim: Sim): FeedItem[] {
  // Generated customer posts come from a segment (name) on the social channel; injects and rules use other senders.
  return sim.state.feed.filter(
    (f) => f.channel === 'social' && (f.from === 'App users' || f.from === 'Cash users'),
  );
}

describe('the generated feed', () => {
  it('posts every FEED_EVERY_TICKS while the incident runs, and stops when it is over', () => {
    const sim = labSim({ ...OUTAGE, segmentTrust: 20 });
    stepTo(sim, sim.scenario.durationTicks);
    const ticks = generated(sim).map((f) => f.tick);
    // 300, 600, ..., 3600: the multiples of 300 after the failure at 60 and before the restart at 3660.
    const expected = Array.from({ length: 3600 / FEED_EVERY_TICKS }, (_, i) => (i + 1) * FEED_EVERY_TICKS);
    expect(FEED_EVERY_TICKS).toBe(300);
    expect(ticks).toEqual(expected);
  });

  it('posts nothing without an incident', () => {
    const sim = labSim({ minutes: 30 });
    stepTo(sim, sim.scenario.durationTicks);
    expect(generated(sim)).toHaveLength(0);
  });

  it('sounds angry when the segment’s trust is low and calm when it is high', () => {
    const angry = labSim({ ...OUTAGE, segmentTrust: 20 });
    const calm = labSim({ ...OUTAGE, segmentTrust: 95 }); // pain and silence cost < 35 points in an hour
    stepTo(angry, angry.scenario.durationTicks);
    stepTo(calm, calm.scenario.durationTicks);
    expect(generated(angry).map((f) => f.text)).toEqual(Array(12).fill('ANGRY App users on Wallet app'));
    expect(generated(calm).map((f) => f.text)).toEqual(Array(12).fill('CALM App users on Wallet app'));
  });

  it('changes tone as trust falls, each post matching the trust its `why` reports', () => {
    const sim = labSim({ ...OUTAGE, segmentTrust: 50 });
    stepTo(sim, sim.scenario.durationTicks);
    const posts = generated(sim);
    const tones = new Set<string>();
    for (const p of posts) {
      expect(p.why.trim().length).toBeGreaterThan(0);
      const trust = Number(/their trust is (\d+)/.exec(p.why)?.[1]);
      const tone = p.text.split(' ')[0]!;
      tones.add(tone);
      // The why rounds trust; 35 itself could be 34.6 (angry) or 35.2 (worried), so skip exact boundaries.
      if (trust !== 35 && trust !== 60)
        expect(tone).toBe(trust < 35 ? 'ANGRY' : trust < 60 ? 'WORRIED' : 'CALM');
    }
    // It starts worried (50) and an hour of pain (0.3/min) and silence takes it below 35.
    expect(posts[0]!.text.startsWith('WORRIED')).toBe(true);
    expect(tones).toEqual(new Set(['WORRIED', 'ANGRY']));
  });

  it('gives every item, generated or not, a non-empty why', () => {
    const sim = labSim({
      ...OUTAGE,
      rumour: { auto: true, silenceMinutes: 20, spread: 0.1 },
      publicTrust: 30,
      segmentTrust: 40,
    });
    stepTo(sim, 200);
    apply(sim, {
      type: 'statement',
      channel: 'social',
      languages: ['en'],
      blocks: [
        { kind: 'blame', partner: 'kcb' },
        { kind: 'eta', minutes: 10 },
      ],
    });
    stepTo(sim, sim.scenario.durationTicks);
    expect(sim.state.feed.length).toBeGreaterThan(12);
    for (const f of sim.state.feed) expect(f.why.trim().length, f.text).toBeGreaterThan(0);
  });

  it('is identical for the same seed', () => {
    const opts: LabOptions = {
      ...OUTAGE,
      rumour: { auto: true, silenceMinutes: 20, spread: 0.3, decay: 0.02, trustHit: 0.5 },
    };
    const a = labSim(opts, 'same');
    const b = labSim(opts, 'same');
    stepTo(a, a.scenario.durationTicks);
    stepTo(b, b.scenario.durationTicks);
    expect(a.state.feed.length).toBeGreaterThan(12);
    expect(b.state.feed).toEqual(a.state.feed);
    expect(hashState(b.state)).toBe(hashState(a.state));
  });
});
