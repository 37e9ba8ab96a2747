/**
 * Claims (src/engine/trust.ts): what was said is remembered and judged later.
 * - When the truth comes out, a claim that contradicts it costs the public BROKEN_CLAIM_POINTS × reach + 6 and each
 *   segment BROKEN_CLAIM_POINTS × 0.5; one that held up earns 2 × reach. 'investigating' never contradicts.
 * - An ETA is checked at its deadline: kept (critical services ≥ 90 % available) earns 3 × reach; missed costs
 *   MISSED_ETA_POINTS × reach + 4 — more than the 8 × reach × credibility the promise earned when it landed.
 * BROKEN_CLAIM_POINTS = 14 and MISSED_ETA_POINTS = 10 in trust.ts (not exported; restated here).
 */
import { describe, expect, it } from 'vitest';
import { apply, scoreBreakdown, type Sim } from '../../src/engine';
import { APP_SEG, credibility, labSim, publicTrust, stepTo, type LabOptions } from './fixtures';

const BROKEN_CLAIM_POINTS = 14;
const MISSED_ETA_POINTS = 10;
const HALF = { appReach: { social: 0.5 }, cashReach: { social: 0.5 } } as const;
const R = 0.5;
const REVEAL = 1200; // 20 min, a people period

function say(sim: Sim, ...blocks: object[]): void {
  expect(apply(sim, { type: 'statement', channel: 'social', languages: ['en', 'sw'], blocks })).toEqual({
    ok: true,
  });
}

/** Says `blocks` at tick 5 (lands at 65) and runs to just before the reveal. */
function claimRun(opts: LabOptions, ...blocks: object[]): Sim {
  const sim = labSim({ ...HALF, ...opts });
  stepTo(sim, 5);
  say(sim, ...blocks);
  stepTo(sim, REVEAL);
  return sim;
}

/** Public trust change over the reveal tick. */
function overReveal(sim: Sim): number {
  const before = publicTrust(sim);
  stepTo(sim, REVEAL + 1);
  return publicTrust(sim) - before;
}

describe('a contradicted claim costs trust when the truth comes out', () => {
  const truth = { cause: 'glitch', dataSafe: true, revealAtMinutes: 20 } as const;

  it('"scheduled maintenance" when it was a glitch: −(14 × reach + 6) at the reveal, vs +2 × reach for "investigating"', () => {
    const lied = claimRun({ truth }, { kind: 'cause', cause: 'maintenance' });
    const careful = claimRun({ truth }, { kind: 'cause', cause: 'investigating' });
    // Nothing is judged before the reveal.
    expect(lied.state.people.claims[0]!.status).toBe('open');
    expect(lied.state.people.revealed).toBe(false);
    const segBefore = lied.state.segments[APP_SEG]!.trust;
    const dLied = overReveal(lied);
    const dCareful = overReveal(careful);
    expect(dLied).toBeCloseTo(-(BROKEN_CLAIM_POINTS * R + 6), 12);
    expect(dCareful).toBeCloseTo(2 * R, 12);
    expect(dLied - dCareful).toBeLessThanOrEqual(-(BROKEN_CLAIM_POINTS * R + 6));
    expect(lied.state.people.claims[0]!.status).toBe('broken');
    expect(careful.state.people.claims[0]!.status).toBe('kept');
    expect(lied.state.segments[APP_SEG]!.trust - segBefore).toBeCloseTo(-BROKEN_CLAIM_POINTS * 0.5, 12);
    // The debrief can show why: a headline at the reveal, citing the statement.
    const headline = lied.state.feed.find((f) => f.channel === 'headline' && f.tick === REVEAL);
    expect(headline?.text).toMatch(/proves false/);
    expect(headline?.why.trim().length).toBeGreaterThan(0);
    expect(careful.state.feed.some((f) => f.channel === 'headline')).toBe(false);
    // Scoring: one broken claim costs 30 % of honesty (src/engine/scoring.ts, CLAIM_PENALTY).
    const honesty = (s: Sim): number => scoreBreakdown(s).components.find((c) => c.id === 'honesty')!.value;
    expect(honesty(lied)).toBeCloseTo(honesty(careful) * 0.7, 9);
    expect(honesty(careful)).toBeGreaterThan(0);
  });

  it('a claim that held up ("glitch", and it was) earns a little: +2 × reach', () => {
    const honest = claimRun({ truth }, { kind: 'cause', cause: 'glitch' });
    expect(overReveal(honest)).toBeCloseTo(2 * R, 12);
    expect(honest.state.people.claims[0]!.status).toBe('kept');
  });

  it('"no customer data was affected" when data was taken is broken at the reveal', () => {
    const sim = claimRun({ truth: { ...truth, dataSafe: false } }, { kind: 'data-safe' });
    expect(overReveal(sim)).toBeCloseTo(-(BROKEN_CLAIM_POINTS * R + 6), 12);
    expect(sim.state.people.claims[0]).toMatchObject({ kind: 'data-safe', status: 'broken' });
  });

  it('denying a rumour that proves true is broken too', () => {
    const sim = claimRun(
      { truth, rumour: { isTrue: true } },
      { kind: 'rebuttal', rumour: 'data-leak', evidence: 'law' },
    );
    expect(overReveal(sim)).toBeCloseTo(-(BROKEN_CLAIM_POINTS * R + 6), 12);
    expect(sim.state.people.claims[0]).toMatchObject({ kind: 'denial', status: 'broken' });
  });

  it('a `reveal` inject brings the truth out at its own time', () => {
    const sim = labSim({
      ...HALF,
      truth: { cause: 'glitch', dataSafe: true },
      injects: ['{ id: leak, trigger: { at: 605s }, effects: [{ type: reveal }] }'],
    });
    stepTo(sim, 5);
    say(sim, { kind: 'cause', cause: 'cyber-attack' });
    stepTo(sim, 605); // not a people period: nothing else moves trust in that tick
    const before = publicTrust(sim);
    stepTo(sim, 606);
    expect(sim.state.people.revealed).toBe(true);
    expect(publicTrust(sim) - before).toBeCloseTo(-(BROKEN_CLAIM_POINTS * R + 6), 12);
  });
});

describe('an ETA that is missed costs more than giving none', () => {
  // The app is down from 1m to 41m (back at tick 2460). Each run acknowledges at 2m05s (lands at 185): one says
  // nothing about time, one promises 15 min (deadline 1085: still down, missed), one 45 min (deadline 2885: back,
  // kept). Once service is back, trust drifts up by 0.15/min towards its starting value (60) and stops there; the
  // comparison is made right after the kept ETA is checked (tick 2890), before any run reaches 60, so the three
  // runs differ by exactly what the promises earned and cost.
  const opts: LabOptions = { ...HALF, outage: { atMinutes: 1, forMinutes: 40 }, minutes: 120 };
  const CHECKED = 2891;
  const run = (eta?: number): Sim => {
    const sim = labSim(opts);
    stepTo(sim, 125);
    say(sim, { kind: 'acknowledge' }, ...(eta ? [{ kind: 'eta', minutes: eta }] : []));
    stepTo(sim, 185);
    return sim;
  };

  it('orders public trust missed < none < kept, by exactly what each promise earned and cost', () => {
    const none = run();
    const missed = run(15);
    const kept = run(45);
    // Trust is the same in all three until the statement lands, so its credibility is too.
    const c = credibility(0.6, publicTrust(none));
    expect(publicTrust(missed)).toBe(publicTrust(none));
    for (const s of [none, missed, kept]) stepTo(s, CHECKED);
    expect(missed.state.people.claims.find((x) => x.kind === 'eta')!.status).toBe('broken');
    expect(kept.state.people.claims.find((x) => x.kind === 'eta')!.status).toBe('kept');
    const tNone = publicTrust(none);
    const tMissed = publicTrust(missed);
    const tKept = publicTrust(kept);
    expect(tNone).toBeLessThan(60);
    // The promise's gain at landing, 8 × reach × credibility, is less than the 10 × reach + 4 a miss costs.
    expect(tMissed - tNone).toBeCloseTo(8 * R * c - (MISSED_ETA_POINTS * R + 4), 9);
    expect(tKept - tNone).toBeCloseTo(8 * R * c + 3 * R, 9);
    expect(tMissed).toBeLessThan(tNone);
    expect(tNone).toBeLessThan(tKept);
    // The miss is visible in the feed, with its reason.
    const post = missed.state.feed.find((f) => /You said 15 minutes/.test(f.text));
    expect(post?.tick).toBe(1090); // deadline 1085, checked at the next people period
    expect(post?.why).toMatch(/missed/);
  });

  it('still shows in the trust score at the end, after recovery has brought public trust back to its start', () => {
    const runs = [run(), run(15), run(45)];
    for (const s of runs) stepTo(s, s.scenario.durationTicks);
    const [none, missed, kept] = runs as [Sim, Sim, Sim];
    // Recovery restores both to the starting 60 by the end: the final value alone no longer tells them apart...
    expect(publicTrust(none)).toBe(60);
    expect(publicTrust(missed)).toBe(60);
    // ...but the lowest point does, and the score's trust component averages the end and the lowest point.
    expect(missed.state.people.trustLow[0]).toBeLessThan(none.state.people.trustLow[0]!);
    const trustScore = (s: Sim): number => scoreBreakdown(s).components.find((x) => x.id === 'trust')!.value;
    expect(trustScore(missed)).toBeLessThan(trustScore(none));
    expect(trustScore(none)).toBeLessThan(trustScore(kept));
  });
});
