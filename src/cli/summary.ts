/** Text summaries of a run, shared by the CLI and the golden-transcript tests. */
import type { Sim } from '../engine';
import { currencyOf, hashState, withCurrency } from '../engine';

const STATUS_MARK = { healthy: 'ok', degraded: 'DEG', down: 'DOWN', recovering: 'rec' } as const;

export function clockLabel(sim: Sim, tick = sim.state.tick): string {
  const minutes = Math.floor(tick / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatKES(value: number): string {
  if (Math.abs(value) >= 1e9) return `${(value / 1e9).toFixed(2)}bn`;
  if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(1)}m`;
  if (Math.abs(value) >= 1e3) return `${(value / 1e3).toFixed(0)}k`;
  return value.toFixed(0);
}

/** One line per minute: clock, services not healthy (status, load %), failed transactions, stranded customers. */
export function minuteLine(sim: Sim): string {
  const { scenario, state } = sim;
  const notes: string[] = [];
  scenario.services.forEach((def, i) => {
    const st = state.services[i]!;
    if (st.status === 'healthy') return;
    notes.push(`${def.id}:${STATUS_MARK[st.status]}(${Math.round(st.utilisation * 100)}%)`);
  });
  const up = state.services.filter((s) => s.status === 'healthy').length;
  const m = state.metrics;
  return [
    `T+${clockLabel(sim)}`,
    `up ${up}/${scenario.services.length}`,
    `failed ${Math.round(m.failed)}`,
    `stranded ${Math.round(m.stranded)}`,
    `lost ${withCurrency(formatKES(m.valueLostKES), currencyOf(scenario))}`,
    notes.length ? notes.join(' ') : 'all healthy',
  ].join('  ');
}

export interface FinalSummary {
  scenario: string;
  seed: string;
  tick: number;
  outcome: string;
  score: number;
  succeeded: number;
  failed: number;
  valueMovedKES: number;
  valueLostKES: number;
  valuePendingKES: number;
  stranded: number;
  strandedPeak: number;
  churned: number;
  budgetSpentKES: number;
  criticalAvailability: number;
  hash: string;
}

export function finalSummary(sim: Sim): FinalSummary {
  const { state } = sim;
  const m = state.metrics;
  return {
    scenario: state.scenarioId,
    seed: state.seed,
    tick: state.tick,
    outcome: state.outcome?.outcome ?? 'running',
    score: round(m.score, 2),
    succeeded: Math.round(m.succeeded),
    failed: Math.round(m.failed),
    valueMovedKES: Math.round(m.valueMovedKES),
    valueLostKES: Math.round(m.valueLostKES),
    valuePendingKES: Math.round(m.valuePendingKES),
    stranded: Math.round(m.stranded),
    strandedPeak: Math.round(m.strandedPeak),
    churned: Math.round(m.churned),
    budgetSpentKES: Math.round(m.budgetSpentKES),
    criticalAvailability: round(m.ticks > 0 ? m.criticalAvailabilitySum / m.ticks : 1, 4),
    hash: hashState(state),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
