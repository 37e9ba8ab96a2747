/**
 * Generated feed posts: customers' voices, deterministic from the state and the scenario's templates. The tone
 * follows the segment's trust; who speaks follows where people are stranded. Each post records why.
 */
import { postFeed } from './injects';
import { incidentOngoing } from './queries';
import { withRng } from './rng';
import type { Sim } from './sim';

export const FEED_EVERY_TICKS = 300;

export function generateFeed(sim: Sim): void {
  const { scenario, state } = sim;
  if (state.tick === 0 || state.tick % FEED_EVERY_TICKS !== 0 || !incidentOngoing(scenario, state)) return;
  const stranded = scenario.segments.map((_, g) => state.segments[g]!.stranded.reduce((a, b) => a + b, 0));
  const total = stranded.reduce((a, b) => a + b, 0);
  if (total < 1) return;
  withRng(state.rng.people, (next) => {
    let pick = next() * total;
    let g = 0;
    while (g < stranded.length - 1 && pick >= stranded[g]!) pick -= stranded[g++]!;
    const seg = scenario.segments[g]!;
    const trust = state.segments[g]!.trust;
    const tone = trust < 35 ? 'angry' : trust < 60 ? 'worried' : 'calm';
    const templates = scenario.people.templates[tone];
    if (templates.length === 0) return;
    const template = templates[Math.floor(next() * templates.length)]!;
    const service = scenario.services[seg.needs[0]!.service]!.name;
    const text = template.replaceAll('{segment}', seg.name).replaceAll('{service}', service);
    postFeed(
      sim,
      'social',
      seg.name,
      text,
      `${Math.round(stranded[g]!)} ${seg.name.toLowerCase()} stranded; their trust is ${Math.round(trust)} (${tone})`,
    );
  });
}
