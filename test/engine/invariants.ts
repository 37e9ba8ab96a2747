/**
 * Invariants every SimState must keep, whatever the commands: finite numbers, no negative quantities (except
 * the documented −1 "none" markers and the few fields that are signed by design), statuses from the allowed
 * set, shares within [0, 1], trust within [0, 100], a bounded score, and customers conserved per segment.
 * Returns the violations as readable strings (empty = fine).
 */
import { SERVICE_STATUSES, type Scenario, type SimState } from '../../src/engine';

/** Fields where −1 documents "none" (no restart scheduled, no region, no service, no statement yet, ...). */
const NONE_MARKERS = new Set([
  'restartAtTick',
  'warmupUntilTick',
  'causeService',
  'lastTick',
  'region',
  'endTick',
  'service',
  'lastStatementTick',
  'incidentTick',
  'bornTick',
  'announcedTick',
  'goodwillUntilTick',
  'deadlineTick',
]);

/**
 * Signed by design: trust changes and their sums by driver; `who` is −1 − segment for a segment; the budget left,
 * which running (hourly) costs may overdraw — new orders are refused then, but standing ones keep costing; an
 * attack's offset, which the seed may make negative (the flood starts earlier than written: engine/variation.ts).
 */
const SIGNED = [
  /^\$\.people\.drivers\./,
  /^\$\.people\.trustEvents\[\d+\]\.(delta|who)$/,
  /^\$\.budgetKES$/,
  /^\$\.attacks\[\d+\]\.offsetTicks$/,
];

function walk(value: unknown, path: string, key: string, out: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} is ${value}`);
    else if (value < 0 && !(NONE_MARKERS.has(key) && value === -1) && !SIGNED.some((re) => re.test(path))) {
      out.push(`${path} is negative (${value})`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, key, out));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, k, out);
    return;
  }
  if (value === undefined) out.push(`${path} is undefined (not JSON)`);
}

function within(out: string[], what: string, x: number, lo: number, hi: number): void {
  if (!(x >= lo && x <= hi)) out.push(`${what} is ${x}, outside [${lo}, ${hi}]`);
}

export function stateViolations(scenario: Scenario, state: SimState): string[] {
  const out: string[] = [];
  walk(state, '$', '', out);
  state.services.forEach((s, i) => {
    const id = scenario.services[i]!.id;
    if (!SERVICE_STATUSES.includes(s.status)) out.push(`${id}: status '${s.status}'`);
    within(out, `${id}.availability`, s.availability, 0, 1);
    within(out, `${id}.errorRate`, s.errorRate, 0, 1 + 1e-12);
  });
  within(out, 'score', state.metrics.score, 0, 100);
  scenario.segments.forEach((g, i) => {
    const seg = state.segments[i]!;
    const total = seg.active + seg.stranded.reduce((a, b) => a + b, 0) + seg.churned;
    if (Math.abs(total - g.size) > 1e-6 * g.size)
      out.push(`segment ${g.id}: active + stranded + churned = ${total}, size ${g.size}`);
    within(out, `segment ${g.id} trust`, seg.trust, 0, 100);
  });
  const people = state.people;
  people.trust.forEach((t, i) => within(out, `stakeholder ${i} trust`, t, 0, 100));
  people.rumours.forEach((r, i) =>
    r.belief.forEach((b, g) => within(out, `rumour ${i} belief[${g}]`, b, 0, 1)),
  );
  people.workarounds.forEach((w, i) => {
    w.awareness.forEach((a, g) => within(out, `workaround ${i} awareness[${g}]`, a, 0, 1));
    w.uptake.forEach((u, g) => within(out, `workaround ${i} uptake[${g}]`, u, 0, 1));
  });
  return out;
}
