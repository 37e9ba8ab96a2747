/**
 * Workarounds (src/engine/workarounds.ts, demand.ts): announced on a channel, heard by a share of each segment
 * (channel reach × language × credibility), taken up by maxShare × awareness × (0.4 + 0.6 × trust/100), ramping
 * by PEOPLE_PERIOD / ramp of the gap every people period (10 ticks). The moved share of a need's demand goes to
 * the workaround's `to` service instead of `from`.
 *
 * Demand by hand (fixtures.ts): App users are 360 000 customers doing 1 transaction an hour on a flat demand
 * curve, so 100 requests/s × this minute's noise (±8 %), all on `app` until a workaround moves some of it.
 * The noise comes from its own random stream, so two runs of the same seed see the same noise: comparing them
 * in the same tick cancels it exactly.
 */
import { describe, expect, it } from 'vitest';
import { apply, HEALTHY_AT, type Sim } from '../../src/engine';
import { APP, APP_SEG, APP_USERS, labSim, stepTo, USSD } from './fixtures';

const PRESS_DELAY = 1800; // channels.ts: press conference lands 30 min after it is called
const PERIOD = 10;
const BASE_RPS = (APP_USERS.size * APP_USERS.perHour) / 3600; // 100 requests/s before noise

function announce(sim: Sim, channel = 'press'): void {
  const r = apply(sim, { type: 'workaround', workaround: 'use-ussd', action: 'announce', channel });
  expect(r).toEqual({ ok: true });
}

function uptake(sim: Sim): number {
  return sim.state.people.workarounds[0]!.uptake[APP_SEG]!;
}

/**
 * Awareness forced to 1: press reaches every App user (reach 1, both languages understood), and with public trust
 * 100 its credibility is 0.85 × (0.5 + 100/200) = 0.85, ×1.2 > 1, so everyone who is reached believes it.
 * Segment trust 100 makes the trust factor 0.4 + 0.6 × 1 = 1.
 */
const FULL = {
  appReach: { press: 1 },
  publicTrust: 100,
  segmentTrust: 100,
  maxShare: 0.6,
  rampSeconds: 60,
} as const;

describe('a workaround moves the stated share of demand', () => {
  it('ramps by a sixth of the gap per period (ramp 60 s) and converges to maxShare', () => {
    const sim = labSim(FULL);
    announce(sim);
    stepTo(sim, PRESS_DELAY);
    // Enabled since the announcement, but nobody has heard of it before the press conference.
    expect(sim.state.people.workarounds[0]!.enabled).toBe(true);
    expect(uptake(sim)).toBe(0);
    stepTo(sim, PRESS_DELAY + 1); // tick 1800: lands, then the first update
    expect(sim.state.people.workarounds[0]!.awareness[APP_SEG]).toBe(1);
    expect(uptake(sim)).toBeCloseTo(0.6 / 6, 12);
    // After n updates: 0.6 × (1 − (5/6)^n).
    stepTo(sim, PRESS_DELAY + 4 * PERIOD + 1);
    expect(uptake(sim)).toBeCloseTo(0.6 * (1 - (5 / 6) ** 5), 12);
    stepTo(sim, PRESS_DELAY + 3600);
    expect(uptake(sim)).toBeCloseTo(0.6, 12);
  });

  it('takes maxShare off `from` and puts it on `to` (hand-computed rps, and against a run without it)', () => {
    const sim = labSim(FULL);
    const control = labSim(FULL);
    announce(sim);
    const t = PRESS_DELAY + 3600 + 7; // well after convergence, mid-minute
    stepTo(sim, t);
    stepTo(control, t);
    const noise = sim.state.segments[APP_SEG]!.noise[0]!;
    expect(noise).toBe(control.state.segments[APP_SEG]!.noise[0]);
    const app = sim.state.services[APP]!.legitRps;
    const ussd = sim.state.services[USSD]!.legitRps;
    // Hand-computed: 100 rps × noise, 40 % left on the app, 60 % on USSD.
    expect(app).toBeCloseTo(BASE_RPS * noise * 0.4, 9);
    expect(ussd).toBeCloseTo(BASE_RPS * noise * 0.6, 9);
    // The same without reading the noise: it is within ±8 %, and cancels in ratios.
    expect(ussd).toBeGreaterThan(BASE_RPS * 0.92 * 0.6);
    expect(ussd).toBeLessThan(BASE_RPS * 1.08 * 0.6);
    expect(ussd / app).toBeCloseTo(0.6 / 0.4, 9);
    expect(app / control.state.services[APP]!.legitRps).toBeCloseTo(0.4, 9);
    expect(control.state.services[USSD]!.legitRps).toBe(0);
    // Nothing is lost or invented: the total is what the control run sends to the app alone.
    expect(app + ussd).toBeCloseTo(control.state.services[APP]!.legitRps, 9);
  });

  it('is taken up less by people who trust us less (trust 0 → 40 % of the rate at full trust)', () => {
    const sim = labSim({ ...FULL, segmentTrust: 0, rampSeconds: 10 });
    announce(sim);
    stepTo(sim, PRESS_DELAY + 1);
    // The landing statement's workaround block raised App users' trust by 3 × reach 1 × credibility 0.85.
    const trust = 3 * 0.85;
    expect(sim.state.segments[APP_SEG]!.trust).toBeCloseTo(trust, 12);
    expect(uptake(sim)).toBeCloseTo(0.6 * (0.4 + (0.6 * trust) / 100), 12);
  });
});

describe('uptake ramps with reach', () => {
  // Ramp 10 s: the uptake reaches its target in one update, so the target itself can be read.
  const run = (reach: number): Sim => {
    const sim = labSim({ ...FULL, appReach: { press: reach }, rampSeconds: 10 });
    announce(sim);
    stepTo(sim, PRESS_DELAY + 1);
    return sim;
  };

  it('hears in proportion to reach, then word of mouth adds 0.03/min × a(1 − a)', () => {
    for (const reach of [0.3, 0.9]) {
      const sim = run(reach);
      const a = reach + 0.03 * (PERIOD / 60) * reach * (1 - reach);
      expect(sim.state.people.workarounds[0]!.awareness[APP_SEG]).toBeCloseTo(a, 12);
      expect(uptake(sim)).toBeCloseTo(0.6 * a, 12);
    }
  });

  it('gives a lower uptake and less load on `to` with reach 0.3 than with 0.9, an hour on as well', () => {
    const low = run(0.3);
    const high = run(0.9);
    expect(uptake(low)).toBeLessThan(uptake(high));
    stepTo(low, PRESS_DELAY + 3600);
    stepTo(high, PRESS_DELAY + 3600);
    expect(uptake(low)).toBeLessThan(uptake(high));
    // Same seed, same tick, same noise: the USSD load ranks like the uptake.
    expect(low.state.services[USSD]!.legitRps).toBeLessThan(high.state.services[USSD]!.legitRps);
    expect(low.state.services[APP]!.legitRps).toBeGreaterThan(high.state.services[APP]!.legitRps);
  });
});

describe('a workaround nobody heard of does nothing', () => {
  it('enabled on a channel that reaches no App user: no awareness, no uptake, no shift', () => {
    const opts = { ...FULL, appReach: { banner: 0 } };
    const sim = labSim(opts);
    const control = labSim(opts);
    announce(sim, 'banner');
    stepTo(sim, 3600);
    stepTo(control, 3600);
    const ws = sim.state.people.workarounds[0]!;
    expect(ws.enabled).toBe(true);
    // Word of mouth needs someone who heard it: a × (1 − a) = 0.
    expect(ws.awareness[APP_SEG]).toBe(0);
    expect(ws.uptake[APP_SEG]).toBe(0);
    expect(sim.state.services[USSD]!.legitRps).toBe(0);
    expect(sim.state.services[APP]!.legitRps).toBe(control.state.services[APP]!.legitRps);
  });

  it('in a language the segment does not read: no awareness', () => {
    const sim = labSim({ ...FULL, appLanguages: { en: 0, sw: 1 } });
    const r = apply(sim, {
      type: 'statement',
      channel: 'press',
      languages: ['en'],
      blocks: [{ kind: 'workaround', workaround: 'use-ussd' }],
    });
    expect(r.ok).toBe(true);
    stepTo(sim, PRESS_DELAY + 600);
    expect(sim.state.people.workarounds[0]!.awareness[APP_SEG]).toBe(0);
    expect(uptake(sim)).toBe(0);
  });
});

describe('withdrawing a workaround', () => {
  it('lets the uptake decay by 5/6 per period to 0, and the load returns to `from`', () => {
    const sim = labSim(FULL);
    const control = labSim(FULL);
    announce(sim);
    const t = PRESS_DELAY + 3600 + 1; // just after a period tick: uptake ≈ 0.6
    stepTo(sim, t);
    const before = uptake(sim);
    expect(before).toBeCloseTo(0.6, 12);
    expect(apply(sim, { type: 'workaround', workaround: 'use-ussd', action: 'withdraw' })).toEqual({
      ok: true,
    });
    expect(sim.state.people.workarounds[0]!.enabled).toBe(false);
    stepTo(sim, t + 3 * PERIOD); // three updates
    expect(uptake(sim)).toBeCloseTo(before * (5 / 6) ** 3, 12);
    stepTo(sim, t + 3600);
    stepTo(control, t + 3600);
    expect(uptake(sim)).toBeLessThan(1e-12);
    expect(sim.state.services[USSD]!.legitRps).toBeLessThan(1e-9);
    expect(sim.state.services[APP]!.legitRps).toBeCloseTo(control.state.services[APP]!.legitRps, 6);
    // Withdrawing twice is refused with a code.
    const again = apply(sim, { type: 'workaround', workaround: 'use-ussd', action: 'withdraw' });
    expect(again).toMatchObject({ ok: false, code: 'cmd/not-enabled' });
  });
});

describe('a workaround can overload its target', () => {
  it('USSD at 10 rps receiving ~60 rps: utilisation > 1, availability drops, App users get stranded', () => {
    const opts = { ...FULL, ussdCapacity: 10 };
    const sim = labSim(opts);
    const quiet = labSim(opts); // the same USSD without the announcement
    const roomy = labSim({ ...FULL, ussdCapacity: 1_000_000 });
    announce(sim);
    announce(roomy);
    const t = PRESS_DELAY + 1800;
    for (const s of [sim, quiet, roomy]) stepTo(s, t);
    const ussd = sim.state.services[USSD]!;
    // Even at the trust floor (0.4) the uptake sends ≥ 0.24 × 92 rps ≈ 22 rps to a 10 rps gateway.
    expect(ussd.utilisation).toBeGreaterThan(1);
    expect(ussd.availability).toBeLessThan(HEALTHY_AT);
    expect(ussd.status).not.toBe('healthy');
    expect(sim.state.segments[APP_SEG]!.stranded[0]).toBeGreaterThan(0);
    expect(quiet.state.services[USSD]!.utilisation).toBe(0);
    expect(roomy.state.services[USSD]!.availability).toBe(1);
    expect(roomy.state.segments[APP_SEG]!.stranded[0]).toBe(0);
  });
});

describe('a workaround costs money', () => {
  const COST = 500_000;
  const PER_HOUR = 36_000; // 10 KES a tick

  it('charges its cost when announced and its hourly cost every tick while it stands', () => {
    const sim = labSim({ workaroundCost: COST, workaroundCostPerHour: PER_HOUR });
    const budget = sim.state.budgetKES;
    announce(sim, 'banner'); // the banner itself is free
    expect(sim.state.metrics.budgetSpentKES).toBe(COST);
    expect(sim.state.budgetKES).toBe(budget - COST);
    stepTo(sim, 600);
    expect(sim.state.metrics.budgetSpentKES).toBeCloseTo(COST + 600 * 10, 6);
    // Announcing again while it stands costs only the channel (press: 150 000).
    announce(sim, 'press');
    expect(sim.state.metrics.budgetSpentKES).toBeCloseTo(COST + 6000 + 150_000, 6);
    apply(sim, { type: 'workaround', workaround: 'use-ussd', action: 'withdraw' });
    const spent = sim.state.metrics.budgetSpentKES;
    stepTo(sim, 1200);
    expect(sim.state.metrics.budgetSpentKES).toBe(spent);
    // Putting it back in place pays the set-up cost again.
    announce(sim, 'banner');
    expect(sim.state.metrics.budgetSpentKES).toBeCloseTo(spent + COST, 6);
    expect(sim.state.budgetKES + sim.state.metrics.budgetSpentKES).toBeCloseTo(budget, 6);
  });

  it('is refused, and nothing is charged, when the budget cannot cover it', () => {
    const sim = labSim({ workaroundCost: COST, budget: COST - 1 });
    const r = apply(sim, {
      type: 'workaround',
      workaround: 'use-ussd',
      action: 'announce',
      channel: 'banner',
    });
    expect(r).toMatchObject({ ok: false, code: 'cmd/insufficient-budget' });
    expect(sim.state.metrics.budgetSpentKES).toBe(0);
    expect(sim.state.people.workarounds[0]!.enabled).toBe(false);
    expect(sim.state.people.statements).toHaveLength(0);
  });
});
