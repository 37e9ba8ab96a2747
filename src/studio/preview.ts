/**
 * What the studio draws beside the text: the city's services at the positions the scenario gives them, the
 * dependencies between them, which services the attacks aim at, and the injects with their times. Plain data,
 * so it can cross from the compile worker to the page (a compiled Scenario holds functions and cannot).
 */
import type { Scenario } from '../engine';

export interface PreviewService {
  id: string;
  name: string;
  kind: string;
  /** Map position, 0–1000 on both axes (as in the scenario file). */
  x: number;
  y: number;
  critical: boolean;
  attacked: boolean;
}

export interface PreviewDependency {
  from: string;
  to: string;
  hard: boolean;
}

export interface PreviewInject {
  id: string;
  /** When it fires by the clock, -1 for a condition, a command or a chance. */
  atTick: number;
  /** How it is triggered, for the list ("at T+00:30", "when …", "after rate-limit"). */
  trigger: string;
  followUpOnly: boolean;
}

export interface PreviewModel {
  id: string;
  title: string;
  durationTicks: number;
  services: PreviewService[];
  dependencies: PreviewDependency[];
  injects: PreviewInject[];
}

export function previewOf(scenario: Scenario): PreviewModel {
  const attacked = new Set(scenario.attacks.map((a) => a.target));
  const ids = scenario.services.map((s) => s.id);
  return {
    id: scenario.id,
    title: scenario.meta.title,
    durationTicks: scenario.durationTicks,
    services: scenario.services.map((s, i) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      x: s.x,
      y: s.y,
      critical: s.critical,
      attacked: attacked.has(i),
    })),
    dependencies: scenario.dependencies.map((d) => ({ from: ids[d.from]!, to: ids[d.to]!, hard: d.hard })),
    injects: scenario.injects.map((inj) => ({
      id: inj.id,
      atTick: inj.atTick,
      trigger:
        inj.atTick >= 0
          ? 'at'
          : inj.conditionSource
            ? `when ${inj.conditionSource}`
            : inj.afterMitigation >= 0
              ? `after ${scenario.mitigations[inj.afterMitigation]?.id ?? 'an order'}`
              : inj.chance >= 0
                ? `chance ${inj.chance}`
                : 'follow-up',
      followUpOnly: inj.followUpOnly,
    })),
  };
}
