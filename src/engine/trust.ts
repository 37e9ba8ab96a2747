/**
 * Trust per stakeholder and per customer segment (0–100), and what moves it over time: the pain of stranded
 * customers, silence while the incident runs, rumours people believe, claims that prove false, missed ETAs,
 * and a slow recovery once service is back. Every change is attributed to a driver for the debrief.
 */
import { etaKept, etaServices } from './claims';
import { postFeed } from './injects';
import { pushLog } from './log';
import { incidentOngoing, meanBelief, silenceTicks } from './queries';
import type { Sim } from './sim';
import { elapsedClock } from './clock';
import type { Claim, TrustDriver } from './types';
import { PEOPLE_PERIOD } from './workarounds';

export const TRUST_EVENT_LIMIT = 300;
/** Trust points per minute lost to silence beyond the grace period (public). */
const SILENCE_PER_MINUTE = 0.12;
/** Trust points per minute lost by a segment in full pain (≥ 1 % of it stranded). */
const PAIN_PER_MINUTE = 0.3;
const RECOVERY_PER_MINUTE = 0.15;
const BROKEN_CLAIM_POINTS = 14;
const MISSED_ETA_POINTS = 10;

/**
 * Changes trust. `who`: 'public' (stakeholder 0), a stakeholder index, or -1 - segment index.
 * Discrete events (not the per-period drifts) are recorded for the timeline.
 */
export function addTrust(
  sim: Sim,
  who: 'public' | number,
  delta: number,
  driver: TrustDriver,
  why: string,
): void {
  if (delta === 0 || !Number.isFinite(delta)) return;
  const p = sim.state.people;
  const index = who === 'public' ? 0 : who;
  if (index >= 0) {
    const before = p.trust[index]!;
    const after = clamp(before + delta);
    p.trust[index] = after;
    if (after < p.trustLow[index]!) p.trustLow[index] = after;
    if (index === 0) p.drivers[driver] += after - before;
  } else {
    const seg = sim.state.segments[-1 - index]!;
    seg.trust = clamp(seg.trust + delta);
    return;
  }
  const discrete =
    driver === 'statements' || driver === 'blame' || driver === 'claims' || driver === 'injects';
  if (discrete && Math.abs(delta) >= 0.05) {
    p.trustEvents.push({ tick: sim.state.tick, who: index, delta, why });
    if (p.trustEvents.length > TRUST_EVENT_LIMIT)
      p.trustEvents.splice(0, p.trustEvents.length - TRUST_EVENT_LIMIT);
  }
}

function clamp(x: number): number {
  return x < 0 ? 0 : x > 100 ? 100 : x;
}

export function updateTrust(sim: Sim): void {
  const { scenario, state } = sim;
  const p = state.people;
  const minutes = PEOPLE_PERIOD / 60;
  const ongoing = incidentOngoing(sim.scenario, sim.state);
  if (ongoing && p.incidentTick < 0) p.incidentTick = state.tick;

  // Silence while the incident runs.
  if (ongoing && silenceTicks(sim.state) > scenario.people.silenceGraceTicks) {
    const media = 0.5 + p.media / 100;
    addTrust(sim, 'public', -SILENCE_PER_MINUTE * media * minutes, 'silence', 'silence');
    // Plain loops in this function, not forEach: it runs every 10 simulated seconds, and closures add up.
    for (let g = 0; g < scenario.segments.length; g++)
      addTrust(sim, -1 - g, -SILENCE_PER_MINUTE * 0.8 * minutes, 'silence', 'silence');
    p.media = Math.min(100, p.media + 0.5 * minutes);
  }

  // The pain of stranded customers.
  let painSum = 0;
  let sizeSum = 0;
  for (let g = 0; g < scenario.segments.length; g++) {
    const def = scenario.segments[g]!;
    const seg = state.segments[g]!;
    let stranded = 0;
    for (let k = 0; k < seg.stranded.length; k++) stranded += seg.stranded[k]!;
    const pain = Math.min(1, stranded / (0.01 * def.size));
    if (pain > 0) addTrust(sim, -1 - g, -PAIN_PER_MINUTE * pain * minutes, 'pain', 'stranded customers');
    painSum += pain * def.size;
    sizeSum += def.size;
  }
  const meanPain = sizeSum > 0 ? painSum / sizeSum : 0;
  if (meanPain > 0)
    addTrust(sim, 'public', -PAIN_PER_MINUTE * 0.6 * meanPain * minutes, 'pain', 'stranded customers');

  // Rumours people believe.
  for (let r = 0; r < scenario.people.rumours.length; r++) {
    const def = scenario.people.rumours[r]!;
    if (!p.rumours[r]!.born) continue;
    const b = meanBelief(sim.scenario, sim.state, r);
    const why = `rumour '${def.id}'`;
    addTrust(sim, 'public', -def.trustHit * b * minutes, 'rumours', why);
    for (let g = 0; g < scenario.segments.length; g++)
      addTrust(sim, -1 - g, -def.trustHit * p.rumours[r]!.belief[g]! * minutes, 'rumours', why);
  }

  // A slow recovery once everything is back.
  if (!ongoing) {
    for (let ki = 0; ki < scenario.people.stakeholders.length; ki++) {
      const gap = scenario.people.stakeholders[ki]!.trust - p.trust[ki]!;
      if (gap > 0)
        addTrust(sim, ki, Math.min(gap, RECOVERY_PER_MINUTE * minutes), 'recovery', 'service restored');
    }
    for (let g = 0; g < scenario.segments.length; g++) {
      const gap = scenario.segments[g]!.trust - state.segments[g]!.trust;
      if (gap > 0)
        addTrust(sim, -1 - g, Math.min(gap, RECOVERY_PER_MINUTE * minutes), 'recovery', 'service restored');
    }
  }
  p.media = Math.max(10, p.media - 0.5 * minutes);

  checkEtas(sim);
  if (!p.revealed && scenario.people.truth.revealTick >= 0 && state.tick >= scenario.people.truth.revealTick)
    revealTruth(sim, 'the investigation reported');
  runScheduled(sim);
}

/** An ETA is kept if the services it was about (./claims.ts) are back (≥ 90 % available) by its deadline. */
function checkEtas(sim: Sim): void {
  const { state } = sim;
  for (const claim of state.people.claims) {
    if (claim.kind !== 'eta' || claim.status !== 'open' || state.tick < claim.deadlineTick) continue;
    const restored = etaKept(sim, claim.services ?? etaServices(sim));
    claim.status = restored ? 'kept' : 'broken';
    if (restored) {
      addTrust(sim, 'public', 3 * claim.reach, 'claims', `kept the ETA given at ${elapsedClock(claim.tick)}`);
    } else {
      // A missed ETA costs more than giving none: the promise's gain was smaller than this.
      addTrust(
        sim,
        'public',
        -(MISSED_ETA_POINTS * claim.reach + 4),
        'claims',
        `missed the ETA of ${claim.value} min given at ${elapsedClock(claim.tick)}`,
      );
      postFeed(
        sim,
        'social',
        'Customers',
        `You said ${claim.value} minutes. It has been ${claim.value} minutes. Still nothing.`,
        `ETA given at ${elapsedClock(claim.tick)} was missed`,
      );
    }
  }
}

function contradicts(sim: Sim, claim: Claim): boolean {
  const truth = sim.scenario.people.truth;
  if (claim.kind === 'cause') return claim.value !== 'investigating' && claim.value !== truth.cause;
  if (claim.kind === 'data-safe') return !truth.dataSafe || sim.state.people.dataTaken === true;
  if (claim.kind === 'denial') {
    const rumour = sim.scenario.people.rumours.find((r) => r.id === claim.value);
    return rumour?.isTrue ?? false;
  }
  return false;
}

/** The truth comes out: claims that contradict it cost heavily; the ones that held earn a little. */
export function revealTruth(sim: Sim, why: string): void {
  const { state } = sim;
  const p = state.people;
  if (p.revealed) return;
  p.revealed = true;
  pushLog(state, 'people', `the truth came out (${why})`, -1);
  const headline = sim.scenario.people.truth.revealText;
  if (headline) postFeed(sim, 'headline', 'Investigation', headline, `the truth came out (${why})`);
  for (const claim of p.claims) {
    if (claim.kind === 'eta' || claim.status !== 'open') continue;
    if (contradicts(sim, claim)) {
      claim.status = 'broken';
      const what =
        claim.kind === 'cause'
          ? `"${claim.value}" as the cause`
          : claim.kind === 'data-safe'
            ? `"${sim.scenario.people.truth.dataClaim}"`
            : `the denial of '${claim.value}'`;
      addTrust(
        sim,
        'public',
        -(BROKEN_CLAIM_POINTS * claim.reach + 6),
        'claims',
        `claim proved false: ${what} (said at ${elapsedClock(claim.tick)})`,
      );
      sim.scenario.segments.forEach((_, g) =>
        addTrust(sim, -1 - g, -BROKEN_CLAIM_POINTS * 0.5, 'claims', 'claim proved false'),
      );
      p.media = Math.min(100, p.media + 15);
      postFeed(
        sim,
        'headline',
        'Investigative desk',
        `Statement at ${elapsedClock(claim.tick)} proves false: ${what}.`,
        `${why}; it contradicts what was said at ${elapsedClock(claim.tick)}`,
      );
    } else {
      claim.status = 'kept';
      // A gamble that came off earns nothing: it could not be known when it was said.
      if (!claim.gamble)
        addTrust(
          sim,
          'public',
          2 * claim.reach,
          'claims',
          `claim held up (said at ${elapsedClock(claim.tick)})`,
        );
    }
  }
}

function runScheduled(sim: Sim): void {
  const { scenario, state } = sim;
  const p = state.people;
  for (let i = 0; i < p.scheduled.length; i++) {
    const ev = p.scheduled[i]!;
    if (state.tick < ev.tick) continue;
    p.scheduled.splice(i--, 1);
    const partner = scenario.people.stakeholders[ev.ref];
    const name = partner?.name ?? 'A partner';
    postFeed(
      sim,
      'stakeholder',
      name,
      `${name}: the outage is not ours. Our systems are running; the failure lies with the operator.`,
      'rebuttal after being blamed publicly',
    );
    addTrust(sim, 'public', -5, 'blame', `${name} rebutted the blame`);
  }
}
