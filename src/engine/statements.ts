/**
 * Public statements: what the commander says, on which channel, in which languages. A statement lands after
 * its channel's delay; then each content block has its effect on trust, rumours and workaround awareness,
 * scaled by the channel's reach among each segment and its credibility. Claims (cause, "no data lost", ETA,
 * denials) are remembered: if they later prove false, trust pays for it.
 */
import { postFeed } from './injects';
import { pushLog } from './log';
import { causeIsGamble, dataSafeIsGamble, etaServices } from './claims';
import { incidentOngoing, meanReach, segmentReach } from './queries';
import type { Sim } from './sim';
import { elapsedClock } from './clock';
import { addTrust } from './trust';
import type { StatementBlock, StatementRecord } from './types';

/** Repeating the same block within an hour halves its effect each time. */
const REPEAT_WINDOW_TICKS = 3600;
const PARTNER_REBUTTAL_DELAY_TICKS = 600;

type PendingStatement = StatementRecord;

/** What counts as "the same message": the block kind, and what it is about (which rumour, which workaround). */
function sameMessage(a: StatementBlock, b: StatementBlock): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'rebuttal' && b.kind === 'rebuttal') return a.rumour === b.rumour;
  if (a.kind === 'workaround' && b.kind === 'workaround') return a.workaround === b.workaround;
  if (a.kind === 'blame' && b.kind === 'blame') return a.partner === b.partner;
  return true;
}

function repetitions(sim: Sim, block: StatementBlock, now: number): number {
  let n = 0;
  for (const s of sim.state.people.statements) {
    if (s.landed && now - s.landsTick < REPEAT_WINDOW_TICKS && s.blocks.some((b) => sameMessage(b, block)))
      n++;
  }
  return n;
}

/** Delivers statements whose channel delay has passed. */
export function deliverStatements(sim: Sim): void {
  const list = sim.state.people.statements;
  for (const s of list) {
    if (!s.landed && sim.state.tick >= s.landsTick) land(sim, s);
  }
}

function land(sim: Sim, s: PendingStatement): void {
  const { scenario, state } = sim;
  const p = state.people;
  const channel = scenario.people.channels[s.channel]!;
  const credibility = channel.credibility * (0.5 + p.trust[0]! / 200);
  const reach = meanReach(sim.scenario, s.channel, s.languages);
  const ongoing = incidentOngoing(sim.scenario, sim.state);
  const label = `${channel.name} at ${elapsedClock(s.tick)}`;
  // Repetition is counted before this statement is marked landed.
  const reps = s.blocks.map((b) => Math.pow(0.5, repetitions(sim, b, state.tick)));
  s.landed = true;
  // Only speaking to the public breaks the silence: a private briefing to the regulator does not.
  if (channel.addresses.includes('public')) p.lastStatementTick = state.tick;
  s.blocks.forEach((block, i) => {
    const rep = reps[i]!;
    const gain = (points: number, why: string): void => {
      addTrust(
        sim,
        'public',
        points * reach * credibility * rep * (channel.addresses.includes('public') ? 1 : 0.5),
        'statements',
        why,
      );
      scenario.people.stakeholders.forEach((k, ki) => {
        if (k.kind === 'public' || k.kind === 'partner') return;
        addTrust(
          sim,
          ki,
          points * 0.5 * rep * (channel.addresses.includes(k.kind) ? 1 : 0.3),
          'statements',
          why,
        );
      });
      scenario.segments.forEach((_, g) => {
        addTrust(
          sim,
          -1 - g,
          points * segmentReach(sim.scenario, s.channel, s.languages, g) * credibility * rep,
          'statements',
          why,
        );
      });
    };
    switch (block.kind) {
      case 'acknowledge':
        gain(ongoing ? 10 : 2, `acknowledged the problem (${label})`);
        p.media = Math.max(0, p.media - 3);
        break;
      case 'apologise':
        gain(ongoing ? 6 : 1, `apologised (${label})`);
        break;
      case 'cause':
        gain(block.cause === 'investigating' ? 5 : 8, `explained the cause as "${block.cause}" (${label})`);
        p.claims.push({
          tick: state.tick,
          kind: 'cause',
          value: block.cause,
          deadlineTick: -1,
          channel: s.channel,
          reach,
          status: 'open',
          gamble: causeIsGamble(sim, block.cause),
        });
        break;
      case 'data-safe':
        gain(8, `said customer data is safe (${label})`);
        p.claims.push({
          tick: state.tick,
          kind: 'data-safe',
          value: '',
          deadlineTick: -1,
          channel: s.channel,
          reach,
          status: 'open',
          gamble: dataSafeIsGamble(sim),
        });
        break;
      case 'eta': {
        gain(8, `gave an ETA of ${block.minutes} min (${label})`);
        p.claims.push({
          tick: state.tick,
          kind: 'eta',
          value: String(block.minutes),
          deadlineTick: state.tick + block.minutes * 60,
          channel: s.channel,
          reach,
          status: 'open',
          services: etaServices(sim),
        });
        break;
      }
      case 'workaround':
        announce(sim, block.workaround, s, credibility);
        gain(3, `told people about a workaround (${label})`);
        break;
      case 'rebuttal':
        rebut(sim, block, s, credibility, rep);
        break;
      case 'goodwill':
        gain(ongoing ? 12 : 5, `goodwill gesture: free transfers for a day (${label})`);
        p.goodwillUntilTick = state.tick + 24 * 3600;
        break;
      case 'blame': {
        const k = scenario.people.stakeholders.findIndex((x) => x.id === block.partner);
        addTrust(
          sim,
          'public',
          1.5 * reach,
          'blame',
          `blamed ${scenario.people.stakeholders[k]?.name ?? block.partner} (${label})`,
        );
        if (k >= 0) addTrust(sim, k, -15, 'blame', `was blamed publicly (${label})`);
        p.media = Math.min(100, p.media + 10);
        p.scheduled.push({
          tick: state.tick + PARTNER_REBUTTAL_DELAY_TICKS,
          kind: 'partner-rebuttal',
          ref: k,
        });
        break;
      }
    }
  });
  pushLog(state, 'people', `statement landed: ${channel.name}`, -1);
}

function announce(sim: Sim, id: string, s: PendingStatement, credibility: number): void {
  const { scenario, state } = sim;
  const w = scenario.people.workarounds.findIndex((x) => x.id === id);
  if (w < 0) return;
  const ws = state.people.workarounds[w]!;
  if (!ws.enabled) return; // withdrawn between ordering and landing
  for (let g = 0; g < scenario.segments.length; g++) {
    const heard = segmentReach(sim.scenario, s.channel, s.languages, g) * Math.min(1, credibility * 1.2);
    ws.awareness[g] = 1 - (1 - ws.awareness[g]!) * (1 - heard);
  }
}

/**
 * A rebuttal works by reach, credibility, evidence and timing: early and credible, it kills a rumour; late, or a
 * bare denial from someone people do not trust, it can feed it.
 */
function rebut(
  sim: Sim,
  block: Extract<StatementBlock, { kind: 'rebuttal' }>,
  s: PendingStatement,
  credibility: number,
  rep: number,
): void {
  const { scenario, state } = sim;
  const p = state.people;
  const r = scenario.people.rumours.findIndex((x) => x.id === block.rumour);
  if (r < 0) return;
  const def = scenario.people.rumours[r]!;
  const rs = p.rumours[r]!;
  const evidence = block.evidence === 'independent' ? 1 : block.evidence === 'law' ? 0.8 : 0.35;
  const ageMinutes = rs.born ? (state.tick - rs.bornTick) / 60 : 0;
  const timing = Math.exp(-ageMinutes / 90);
  const defensive = block.evidence === 'none' && p.trust[0]! < 40;
  const label = `${scenario.people.channels[s.channel]!.name} at ${elapsedClock(s.tick)}`;
  for (let g = 0; g < rs.belief.length; g++) {
    const reach = segmentReach(sim.scenario, s.channel, s.languages, g);
    const b = rs.belief[g]!;
    rs.belief[g] = defensive
      ? Math.min(1, b + 0.15 * reach * (1 - b)) // a defensive denial draws attention to the rumour
      : b * (1 - Math.min(0.95, 0.9 * reach * credibility * evidence * timing * rep * 1.6));
  }
  p.claims.push({
    tick: state.tick,
    kind: 'denial',
    value: def.id,
    deadlineTick: -1,
    channel: s.channel,
    reach: meanReach(sim.scenario, s.channel, s.languages),
    status: 'open',
    gamble: block.evidence === 'none',
  });
  if (defensive)
    postFeed(
      sim,
      'social',
      'Trending',
      `"They would say that." The denial is spreading the rumour further: ${def.text}`,
      `a bare denial of '${def.id}' while public trust was ${Math.round(p.trust[0]!)} (${label})`,
    );
}
