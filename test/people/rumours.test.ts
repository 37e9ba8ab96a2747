/**
 * Silence and rumours (src/engine/trust.ts, rumours.ts, statements.ts).
 * - Silence: once an incident has run `silenceGrace` without a statement landing, the public loses
 *   0.12 × (0.5 + media/100) points a minute, and an `auto` rumour can be born once the silence reaches its
 *   `silence` (chance per minute ≥ 0.3, growing with outage × silence × grievance).
 * - A rebuttal multiplies belief in each segment by 1 − min(0.95, 0.9 × reach × credibility × evidence × timing ×
 *   repetition × 1.6), evidence: independent 1, law 0.8, none 0.35; timing = exp(−age in minutes / 90).
 *   A bare denial ('none') while public trust < 40 instead adds 0.15 × reach × (1 − belief).
 * - Belief changes behaviour: each `hits` entry multiplies the segment's demand on that service by
 *   1 + (factor − 1) × belief; and it costs trust: trustHit × mean belief per minute.
 * The lab's rumour has spread 0 and decay 0 unless a test says otherwise, so a planted belief stays put.
 */
import { describe, expect, it } from 'vitest';
import { apply, PEOPLE_PERIOD, type Sim } from '../../src/engine';
import { APP, ATM, CASH_SEG, credibility, labSim, publicTrust, stepTo, type LabOptions } from './fixtures';

const PLANT = 600; // the `plant` inject fires at 10 min
const plant = (belief: number): string =>
  `{ id: plant, trigger: { at: 10m }, effects: [{ type: rumour, rumour: data-leak, belief: ${belief} }] }`;
const REACH = 0.8;
const EVERYONE_ON_SOCIAL = { appReach: { social: REACH }, cashReach: { social: REACH } } as const;

function belief(sim: Sim): number[] {
  return sim.state.people.rumours[0]!.belief;
}

function rebut(sim: Sim, evidence: 'none' | 'law' | 'independent'): void {
  const r = apply(sim, {
    type: 'statement',
    channel: 'social',
    languages: ['en', 'sw'],
    blocks: [{ kind: 'rebuttal', rumour: 'data-leak', evidence }],
  });
  expect(r).toEqual({ ok: true });
}

/**
 * Orders a rebuttal at `ordered` (it lands 60 ticks later, off the people period so nothing else moves belief in
 * that tick) and returns [belief before, belief after, public trust at landing, age of the rumour in minutes].
 */
function rebuttalAt(
  opts: LabOptions,
  ordered: number,
  evidence: 'none' | 'law' | 'independent',
): [number, number, number, number] {
  const sim = labSim({ ...EVERYONE_ON_SOCIAL, ...opts, injects: [plant(0.4)] });
  stepTo(sim, ordered);
  rebut(sim, evidence);
  const lands = ordered + 60;
  stepTo(sim, lands);
  const before = belief(sim)[0]!;
  const trust = publicTrust(sim);
  stepTo(sim, lands + 1);
  const rs = sim.state.people.rumours[0]!;
  return [before, belief(sim)[0]!, trust, (lands - rs.bornTick) / 60];
}

describe('silence beyond the grace period', () => {
  // The app fails at 1m for the whole drill; the incident is noticed at the people period of tick 60.
  const opts: LabOptions = {
    outage: { atMinutes: 1, forMinutes: 170 },
    minutes: 120,
    rumour: { auto: true, silenceMinutes: 30, spread: 0.05, decay: 0.01 },
  };
  const INCIDENT = 60;
  const GRACE = 900;
  const SILENCE = 1800;

  it('costs 0.12 × (0.5 + media/100) a minute once the grace is over, and nothing before', () => {
    const sim = labSim(opts);
    stepTo(sim, INCIDENT + GRACE + 1); // the first period with silence > grace is tick 970
    expect(sim.state.people.incidentTick).toBe(INCIDENT);
    expect(sim.state.people.drivers.silence).toBe(0);
    // While silent, media attention rises by exactly what its decay takes away: it stays where it was.
    const media = sim.state.people.media;
    const periods = 30;
    stepTo(sim, INCIDENT + GRACE + 10 * periods + 1);
    expect(sim.state.people.media).toBeCloseTo(media, 12);
    expect(sim.state.people.drivers.silence).toBeCloseTo(
      -0.12 * (0.5 + media / 100) * (PEOPLE_PERIOD / 60) * periods,
      9,
    ); // ticks 970 … 1260
  });

  it('feeds an automatic rumour, born only after `silence` of silence (several seeds)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = labSim(opts, seed);
      stepTo(sim, INCIDENT + SILENCE);
      expect(sim.state.people.rumours[0]!.born).toBe(false);
      stepTo(sim, INCIDENT + SILENCE + 3600);
      const rs = sim.state.people.rumours[0]!;
      expect(rs.born).toBe(true);
      expect(rs.bornTick).toBeGreaterThanOrEqual(INCIDENT + SILENCE);
      const post = sim.state.feed.find((f) => f.tick === rs.bornTick && f.from === 'Trending');
      expect(post?.text).toBe("Hackers stole everyone's data.");
      expect(post?.why).toMatch(/silence/);
    }
  });

  it('does neither when a statement lands every 10 minutes', () => {
    const sim = labSim(opts);
    for (let t = 65; t < sim.scenario.durationTicks - 60; t += 600) {
      stepTo(sim, t);
      apply(sim, {
        type: 'statement',
        channel: 'social',
        languages: ['en', 'sw'],
        blocks: [{ kind: 'acknowledge' }],
      });
    }
    stepTo(sim, sim.scenario.durationTicks);
    expect(sim.state.people.drivers.silence).toBe(0);
    expect(sim.state.people.rumours[0]!.born).toBe(false);
  });
});

describe('rebuttals', () => {
  it('an early credible rebuttal shrinks belief more than the same one two hours later', () => {
    const [b0, early, trustEarly, ageEarly] = rebuttalAt({}, PLANT + 5, 'independent');
    const [b1, late, trustLate, ageLate] = rebuttalAt({}, PLANT + 5 + 7200, 'independent');
    expect(b0).toBe(0.4);
    expect(b1).toBe(0.4);
    const factor = (trust: number, age: number): number =>
      1 - Math.min(0.95, 0.9 * REACH * credibility(0.6, trust) * 1 * Math.exp(-age / 90) * 1 * 1.6);
    expect(early).toBeCloseTo(0.4 * factor(trustEarly, ageEarly), 12);
    expect(late).toBeCloseTo(0.4 * factor(trustLate, ageLate), 12);
    expect(early).toBeLessThan(late);
    expect(late).toBeLessThan(0.4); // late still helps a little
  });

  it('independent evidence works better than the law, and the law better than a bare denial', () => {
    const after = (evidence: 'none' | 'law' | 'independent'): number =>
      rebuttalAt({}, PLANT + 5, evidence)[1];
    expect(after('independent')).toBeLessThan(after('law'));
    expect(after('law')).toBeLessThan(after('none'));
    expect(after('none')).toBeLessThan(0.4); // public trust is 60: a bare denial still helps a bit
  });

  it('a bare denial while public trust is below 40 spreads the rumour (Streisand effect)', () => {
    const [before, after] = rebuttalAt({ publicTrust: 30 }, PLANT + 5, 'none');
    expect(after).toBeCloseTo(before + 0.15 * REACH * (1 - before), 12);
    expect(after).toBeGreaterThan(before);
    // With evidence, the same low trust does not backfire.
    const [, withLaw] = rebuttalAt({ publicTrust: 30 }, PLANT + 5, 'law');
    expect(withLaw).toBeLessThan(before);
  });

  it('the Streisand post says why it appeared', () => {
    const sim = labSim({ ...EVERYONE_ON_SOCIAL, publicTrust: 30, injects: [plant(0.4)] });
    stepTo(sim, PLANT + 5);
    rebut(sim, 'none');
    stepTo(sim, PLANT + 70);
    const post = sim.state.feed.find((f) => /denial is spreading/.test(f.text));
    expect(post?.tick).toBe(PLANT + 65);
    expect(post?.why).toMatch(/bare denial/);
  });
});

describe('rumour belief changes behaviour and costs trust', () => {
  it('a rumour with hits factor 2 at belief 0.5 raises cash users’ ATM load by 1.5×', () => {
    const rumour = { atmFactor: 2, trustHit: 1 };
    const sim = labSim({ rumour, injects: [plant(0.5)] });
    const control = labSim({ rumour });
    const t = PLANT + 1800 + 3; // mid-minute, well after the plant
    stepTo(sim, t);
    stepTo(control, t);
    expect(belief(sim)[CASH_SEG]).toBe(0.5);
    // Same seed, same tick: same demand noise, so the ratio is exactly the rumour's multiplier.
    expect(sim.state.services[ATM]!.legitRps / control.state.services[ATM]!.legitRps).toBeCloseTo(
      1 + (2 - 1) * 0.5,
      9,
    );
    // App users' need is not hit.
    expect(sim.state.services[APP]!.legitRps).toBe(control.state.services[APP]!.legitRps);
  });

  it('takes effect in the tick it is planted', () => {
    const sim = labSim({ injects: [plant(0.5)] });
    const control = labSim();
    stepTo(sim, PLANT + 1);
    stepTo(control, PLANT + 1);
    expect(sim.state.services[ATM]!.legitRps / control.state.services[ATM]!.legitRps).toBeCloseTo(1.5, 9);
  });

  it('costs the public trustHit × mean belief a minute', () => {
    const sim = labSim({ rumour: { trustHit: 1.2 }, injects: [plant(0.5)] });
    stepTo(sim, PLANT + 1);
    const start = sim.state.people.drivers.rumours;
    const periods = 12;
    stepTo(sim, PLANT + 1 + periods * PEOPLE_PERIOD);
    // Read through its driver: with no incident, the slow recovery pulls public trust back up at the same time.
    expect(sim.state.people.drivers.rumours - start).toBeCloseTo(
      -1.2 * 0.5 * (PEOPLE_PERIOD / 60) * periods,
      9,
    );
    const d = sim.state.people.drivers;
    expect(d.rumours + d.recovery).toBeCloseTo(publicTrust(sim) - 60, 9);
  });
});
