/**
 * Statements (src/engine/statements.ts): a statement lands after its channel's delay; each block then moves
 * trust by points × reach × credibility × repetition, where
 * - reach = size-weighted mean over segments of (segment's reach for the channel × best language share),
 * - credibility = channel credibility × (0.5 + public trust / 200), taken when it lands,
 * - repetition = 0.5^(number of landed statements with the same block kind in the last hour).
 * Public: × 1 if the channel addresses the public (else 0.5). Media/regulator: points × 0.5 × rep × (1 if the
 * channel addresses them, else 0.3). Segments: points × the segment's own reach × credibility × rep.
 * Blaming a partner: partner −15 at landing, public +1.5 × reach; the partner rebuts 600 ticks later (public −5).
 *
 * Without an outage the lab has no incident, so nothing else moves trust: acknowledging is worth 2 points there
 * (10 during an incident). Social media: credibility 0.6, delay 60 ticks, addresses public and media.
 */
import { describe, expect, it } from 'vitest';
import { apply, type Sim } from '../../src/engine';
import {
  APP_SEG,
  CASH_SEG,
  credibility,
  labSim,
  MEDIA,
  PARTNER,
  publicTrust,
  REGULATOR,
  stepTo,
} from './fixtures';

const SOCIAL = { credibility: 0.6, delay: 60 };
/** Both segments reach 0.5 on social media, so the size-weighted mean reach is 0.5 too. */
const HALF = { appReach: { social: 0.5 }, cashReach: { social: 0.5 } } as const;
const R = 0.5;

function say(sim: Sim, ...blocks: object[]): void {
  const r = apply(sim, { type: 'statement', channel: 'social', languages: ['en', 'sw'], blocks });
  expect(r).toEqual({ ok: true });
}

describe('a statement lands after its channel delay', () => {
  it('moves nothing before landsTick and everything at it (acknowledge, no incident: 2 points)', () => {
    const sim = labSim(HALF);
    const ordered = 5; // lands at 65, between people periods: nothing else happens in that tick
    stepTo(sim, ordered);
    say(sim, { kind: 'acknowledge' });
    const s = sim.state.people.statements[0]!;
    expect(s.landsTick).toBe(ordered + SOCIAL.delay);
    stepTo(sim, s.landsTick); // ticks up to landsTick − 1 processed
    expect(s.landed).toBe(false);
    expect(sim.state.people.trust).toEqual([60, 50, 65, 65]);
    expect(sim.state.segments[APP_SEG]!.trust).toBe(60);
    stepTo(sim, s.landsTick + 1);
    expect(s.landed).toBe(true);
    expect(sim.state.people.lastStatementTick).toBe(s.landsTick);
    const c = credibility(SOCIAL.credibility, 60); // 0.48
    expect(publicTrust(sim)).toBeCloseTo(60 + 2 * R * c, 12);
    expect(sim.state.people.trust[MEDIA]).toBeCloseTo(50 + 2 * 0.5 * 1, 12); // social addresses the media
    expect(sim.state.people.trust[REGULATOR]).toBeCloseTo(65 + 2 * 0.5 * 0.3, 12); // it does not address the regulator
    expect(sim.state.people.trust[PARTNER]).toBe(65); // partners are only moved by blame
    expect(sim.state.segments[APP_SEG]!.trust).toBeCloseTo(60 + 2 * R * c, 12);
    expect(sim.state.segments[CASH_SEG]!.trust).toBeCloseTo(60 + 2 * R * c, 12);
  });

  it('is worth five times more during an incident (10 points instead of 2)', () => {
    const sim = labSim({ ...HALF, outage: { atMinutes: 1, forMinutes: 60 } });
    stepTo(sim, 125);
    say(sim, { kind: 'acknowledge' }); // lands at 185, not a people period: no drift in that tick
    stepTo(sim, 185);
    const before = publicTrust(sim);
    stepTo(sim, 186);
    expect(publicTrust(sim) - before).toBeCloseTo(10 * R * credibility(SOCIAL.credibility, before), 12);
  });

  it('reaches only the segments that use the channel and read the language', () => {
    const sim = labSim({ appReach: { social: 0 }, cashReach: { social: 1 } });
    say(sim, { kind: 'apologise' });
    stepTo(sim, SOCIAL.delay + 1);
    expect(sim.state.segments[APP_SEG]!.trust).toBe(60);
    // Mean reach is size-weighted: cash users are a third of all customers (180k of 540k).
    const c = credibility(SOCIAL.credibility, 60);
    expect(sim.state.segments[CASH_SEG]!.trust).toBeCloseTo(60 + 1 * 1 * c, 12);
    expect(publicTrust(sim)).toBeCloseTo(60 + 1 * (1 / 3) * c, 12);
  });
});

describe('repeating the same block within an hour has diminishing returns', () => {
  it('halves each repeat, counts per block kind, and forgets statements that landed an hour ago', () => {
    const sim = labSim(HALF);
    const gains: number[] = [];
    const expected: number[] = [];
    // Acknowledgements land at 65, 665 and 1265 (factors 1, 1/2, 1/4); one landing at 4865 finds the latest of
    // them exactly an hour old, which no longer counts ("within an hour" is strict), so its factor is 1 again.
    const plan: [number, number][] = [
      [5, 1],
      [605, 0.5],
      [1205, 0.25],
      [4805, 1],
    ];
    for (const [ordered, rep] of plan) {
      stepTo(sim, ordered);
      say(sim, { kind: 'acknowledge' });
      stepTo(sim, ordered + SOCIAL.delay);
      const before = publicTrust(sim);
      stepTo(sim, ordered + SOCIAL.delay + 1);
      gains.push(publicTrust(sim) - before);
      expected.push(2 * R * credibility(SOCIAL.credibility, before) * rep);
    }
    gains.forEach((g, i) => expect(g).toBeCloseTo(expected[i]!, 12));
    // "About half": the second gain is half the first, give or take the slightly higher credibility.
    expect(gains[1]! / gains[0]!).toBeGreaterThan(0.49);
    expect(gains[1]! / gains[0]!).toBeLessThan(0.51);

    // A different block is not a repeat.
    stepTo(sim, 4905);
    say(sim, { kind: 'apologise' });
    stepTo(sim, 4965);
    const before = publicTrust(sim);
    stepTo(sim, 4966);
    expect(publicTrust(sim) - before).toBeCloseTo(1 * R * credibility(SOCIAL.credibility, before), 12);
  });
});

describe('a goodwill gesture', () => {
  it('costs KES 2 m on top of the channel, and is refused when the budget cannot cover it', () => {
    const sim = labSim({ budget: 2_100_000 });
    const r = apply(sim, {
      type: 'statement',
      channel: 'press',
      languages: ['en'],
      blocks: [{ kind: 'goodwill' }],
    });
    expect(r).toMatchObject({ ok: false, code: 'cmd/insufficient-budget' }); // 150 000 + 2 000 000 > 2 100 000
    say(sim, { kind: 'goodwill' }); // social is free: 2 000 000
    expect(sim.state.metrics.budgetSpentKES).toBe(2_000_000);
  });
});

describe('blaming a partner', () => {
  it('costs the partner 15 at landing, and its rebuttal 10 min later posts to the feed and costs the public 5', () => {
    const sim = labSim(HALF);
    stepTo(sim, 5);
    say(sim, { kind: 'blame', partner: 'kcb' });
    stepTo(sim, 65);
    expect(sim.state.people.trust[PARTNER]).toBe(65);
    stepTo(sim, 66);
    expect(sim.state.people.trust[PARTNER]).toBe(50);
    // Blame plays well with the public at first: +1.5 × reach.
    expect(publicTrust(sim)).toBeCloseTo(60 + 1.5 * R, 12);
    expect(sim.state.people.drivers.blame).toBeCloseTo(1.5 * R, 12);

    // The rebuttal is due at 65 + 600 = 665 and runs at the next people period, tick 670.
    const rebuttals = (): number => sim.state.feed.filter((f) => f.from === 'Partner Bank').length;
    stepTo(sim, 670);
    expect(rebuttals()).toBe(0);
    const before = publicTrust(sim);
    stepTo(sim, 671);
    expect(rebuttals()).toBe(1);
    const post = sim.state.feed.find((f) => f.from === 'Partner Bank')!;
    expect(post.tick).toBe(670);
    expect(post.channel).toBe('stakeholder');
    expect(post.why.trim().length).toBeGreaterThan(0);
    expect(post.why).toMatch(/blamed/);
    expect(publicTrust(sim) - before).toBeCloseTo(-5, 12);
    expect(sim.state.people.drivers.blame).toBeCloseTo(1.5 * R - 5, 12);
    stepTo(sim, 3600);
    expect(rebuttals()).toBe(1); // once
  });

  it('refuses to blame a stakeholder that is not a partner', () => {
    const sim = labSim();
    const r = apply(sim, {
      type: 'statement',
      channel: 'social',
      languages: ['en'],
      blocks: [{ kind: 'blame', partner: 'media' }],
    });
    expect(r).toMatchObject({ ok: false, code: 'cmd/unknown-partner' });
  });
});
