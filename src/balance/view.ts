/**
 * What a player can see on screen, and nothing else: the policies that balance a scenario are functions of this
 * view, never of the engine's hidden state (the truth about data, whether a rumour is true, future injects, the
 * RNG). That is what makes a policy a fair stand-in for a trainee.
 */
import { meanBelief, type Sim } from '../engine';
import type { AttackVector, ServiceStatus } from '../engine';

export interface ServiceView {
  index: number;
  id: string;
  kind: string;
  critical: boolean;
  sheddable: boolean;
  hasBackup: boolean;
  status: ServiceStatus;
  availability: number;
  utilisation: number;
  /** Attack requests per second reaching it (drawn on the map as purple dashes). */
  attackRps: number;
  capacity: number;
  /** The attack vectors hitting it directly (the service panel names them). */
  vectors: AttackVector[];
  /** Indices of the services it depends on. */
  dependsOn: number[];
}

export interface PlayerView {
  tick: number;
  durationTicks: number;
  budgetKES: number;
  services: ServiceView[];
  /** Pending decision prompts: inject id and option ids (the default first when there is one). */
  prompts: { inject: string; options: string[]; defaultOption: string | null }[];
  /** Rumours that have appeared in the feed, with the mean belief the HUD shows. */
  rumours: { id: string; belief: number }[];
  workarounds: { id: string; from: number; to: number; enabled: boolean; costKES: number }[];
  /** Active or pending orders: mitigation id and target service index. */
  orders: { mitigation: string; kind: string; target: number; uid: number }[];
  mitigations: { id: string; kind: string; costKES: number; params: Record<string, number> }[];
  /** Ticks since the last public statement (-1: none yet). */
  sinceStatement: number;
  /** Regions of the scenario (geo-blocking needs one). */
  regions: string[];
  partners: string[];
}

export function playerView(sim: Sim): PlayerView {
  const { scenario, state } = sim;
  const vectors = scenario.services.map((): AttackVector[] => []);
  scenario.attacks.forEach((a, i) => {
    const at = state.attacks[i]!;
    if (at.on && state.services[at.target]!.attackRps > 0) vectors[at.target]!.push(at.vector ?? a.vector);
  });
  const services = scenario.services.map((def, index) => {
    const sv = state.services[index]!;
    return {
      index,
      id: def.id,
      kind: def.kind,
      critical: def.critical,
      sheddable: def.sheddable,
      hasBackup: def.hasBackup,
      status: sv.status,
      availability: sv.availability,
      utilisation: sv.utilisation,
      attackRps: sv.attackRps,
      capacity: def.capacity,
      vectors: vectors[index]!,
      dependsOn: scenario.depsOf[index]!.map((d) => scenario.dependencies[d]!.to),
    };
  });
  const prompts = state.prompts.map((p) => {
    const inject = scenario.injects[p.inject]!;
    const effect = inject.effects[p.effect]!;
    const options = effect.type === 'prompt' ? effect.options : [];
    const def = options.find((o) => o.isDefault);
    return {
      inject: inject.id,
      options: options.map((o) => o.id),
      defaultOption: def?.id ?? null,
    };
  });
  const rumours = scenario.people.rumours
    .map((r, i) => ({
      id: r.id,
      born: state.people.rumours[i]!.born,
      belief: meanBelief(scenario, state, i),
    }))
    .filter((r) => r.born)
    .map(({ id, belief }) => ({ id, belief }));
  const workarounds = scenario.people.workarounds.map((w, i) => ({
    id: w.id,
    from: w.from,
    to: w.to,
    enabled: state.people.workarounds[i]!.enabled,
    costKES: w.costKES,
  }));
  const orders = state.mitigations
    .filter((m) => m.endTick < 0 || m.endTick > state.tick)
    .map((m) => ({
      mitigation: scenario.mitigations[m.mitigation]!.id,
      kind: scenario.mitigations[m.mitigation]!.kind,
      target: m.target,
      uid: m.uid,
    }));
  return {
    tick: state.tick,
    durationTicks: scenario.durationTicks,
    budgetKES: state.budgetKES,
    services,
    prompts,
    rumours,
    workarounds,
    orders,
    mitigations: scenario.mitigations.map((m) => ({
      id: m.id,
      kind: m.kind,
      costKES: m.costKES,
      params: m.params,
    })),
    sinceStatement: state.people.lastStatementTick < 0 ? -1 : state.tick - state.people.lastStatementTick,
    regions: scenario.regions,
    partners: scenario.people.stakeholders.filter((k) => k.kind === 'partner').map((k) => k.id),
  };
}
