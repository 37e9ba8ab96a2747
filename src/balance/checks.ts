/**
 * What balance must show for a scenario to teach the right lessons (issue: "Scores that teach"). Each check
 * reads the per-seed totals of the policies and says whether it holds, with the figure and the seed that
 * breaks it worst (a reproducer). Checks whose policies were not run are skipped, not passed.
 */
import type { Scenario } from '../engine';
import { EXPERT } from './policies';
import { quantile, summarise, winRate } from './stats';

export interface Check {
  id: string;
  ok: boolean;
  text: string;
  /** The policy and seed that break it worst, for `npm run sim -- --commands`. */
  worst?: { policy: string; seed: string };
}

type Totals = Map<string, { seeds: string[]; totals: number[] }>;

function worstSeed(
  totals: Totals,
  policy: string,
  pick: (value: number, index: number) => number,
): { policy: string; seed: string } | undefined {
  const t = totals.get(policy);
  if (!t || t.totals.length === 0) return undefined;
  let best = 0;
  t.totals.forEach((v, i) => {
    if (pick(v, i) > pick(t.totals[best]!, best)) best = i;
  });
  return { policy, seed: t.seeds[best]! };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function runChecks(scenario: Scenario, totals: Totals): Check[] {
  const checks: Check[] = [];
  const expert = totals.get(EXPERT);
  if (!expert) return checks;
  const e = summarise(expert.totals);
  const { passMark, expertBand } = scenario.balance;
  const n = expert.totals.length;

  const doNothing = totals.get('do-nothing');
  if (doNothing) {
    const d = summarise(doNothing.totals);
    checks.push({
      id: 'do-nothing-median',
      ok: d.median <= 35,
      text: `do-nothing median ${d.median.toFixed(1)} (target ≤ 35)`,
      worst: worstSeed(totals, 'do-nothing', (v) => v),
    });
    checks.push({
      id: 'do-nothing-never-passes',
      ok: d.max < passMark,
      text: `do-nothing best seed ${d.max.toFixed(1)} (pass mark ${passMark})`,
      worst: worstSeed(totals, 'do-nothing', (v) => v),
    });
    const w = winRate(expert.totals, doNothing.totals);
    checks.push({
      id: 'expert-beats-do-nothing',
      ok: w >= 0.99,
      text: `${EXPERT} beats do-nothing on ${pct(w)} of seeds (target ≥ 99 %)`,
      worst: worstSeed(totals, EXPERT, (v, i) => doNothing.totals[i]! - v),
    });
  }
  // The expert must beat these on most seeds; the worst seed is the one where the rival leads most.
  const rivals: [policy: string, id: string, target: number, says: string][] = [
    ['panic', 'panic-loses', 0.95, `${EXPERT} beats panic`],
    [
      'dishonest',
      'honesty-pays',
      0.95,
      `the honest ${EXPERT} play beats the same play with unknowable claims`,
    ],
  ];
  for (const [policy, id, target, says] of rivals) {
    const rival = totals.get(policy);
    if (!rival) continue;
    const w = winRate(expert.totals, rival.totals);
    checks.push({
      id,
      ok: w >= target,
      text: `${says} on ${pct(w)} of seeds (target ≥ ${100 * target} %)`,
      worst: worstSeed(totals, policy, (v, i) => v - expert.totals[i]!),
    });
  }
  for (const talk of ['statements', 'acknowledge-spam']) {
    const t = totals.get(talk);
    if (!t) continue;
    const gap = e.median - summarise(t.totals).median;
    checks.push({
      id: `${talk}-far-below`,
      ok: gap >= 25,
      text: `${talk} is ${gap.toFixed(1)} points below ${EXPERT} at the median (target ≥ 25)`,
      worst: worstSeed(totals, talk, (v) => v),
    });
  }
  let closest: { name: string; gap: number } | undefined;
  for (const [name, t] of totals) {
    if (!name.startsWith('single:')) continue;
    // Paired: single actions play only the first few seeds, so the expert is judged on those same seeds (an
    // incident that varies by seed can make those few easier or harder than the drill's median).
    const bySeed = new Map(expert.seeds.map((seed, i) => [seed, expert.totals[i]!]));
    const paired = t.seeds.map((seed) => bySeed.get(seed)).filter((x): x is number => x !== undefined);
    const gap = (paired.length > 0 ? summarise(paired).median : e.median) - summarise(t.totals).median;
    if (!closest || gap < closest.gap) closest = { name, gap };
  }
  if (closest)
    checks.push({
      id: 'no-single-action',
      ok: closest.gap > 15,
      text: `the best single action (${closest.name.slice(7)}) is ${closest.gap.toFixed(1)} points below ${EXPERT} (target > 15)`,
      worst: worstSeed(totals, closest.name, (v) => v),
    });
  const iqr =
    quantile(
      [...expert.totals].sort((a, b) => a - b),
      0.75,
    ) -
    quantile(
      [...expert.totals].sort((a, b) => a - b),
      0.25,
    );
  if (n < 50) {
    checks.push({
      id: 'seeds-matter',
      ok: true,
      text: `seeds matter: not judged on ${n} seeds (needs ≥ 50)`,
    });
  } else
    checks.push({
      id: 'seeds-matter',
      ok: iqr >= 5 && e.distinct >= Math.min(200, Math.ceil(0.2 * n)),
      text: `${EXPERT}: ${e.distinct} distinct totals over ${n} seeds, interquartile range ${iqr.toFixed(1)} (targets ≥ ${Math.min(200, Math.ceil(0.2 * n))} and ≥ 5)`,
    });
  checks.push({
    id: 'expert-band',
    ok: e.median >= expertBand[0] && e.median <= expertBand[1],
    text: `${EXPERT} median ${e.median.toFixed(1)} (the scenario expects ${expertBand[0]}–${expertBand[1]})`,
  });
  return checks;
}
