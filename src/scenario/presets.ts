/**
 * Attack presets: incidents that are not floods, written as one effect and compiled to the `fail` machinery
 * (build.ts). `insider-change` — a bad configuration change takes a service down until it is rolled back;
 * `supply-chain-update` — a vendor's update breaks every service that `uses` the component, until rolled back.
 * Neither is a crash, so `restart` does not end them, and the standby runs the same configuration or
 * update, so `failover` does not either: only the mitigations in `endedBy` do (default: `rollback`).
 */
import { BUILTIN_MITIGATIONS } from '../engine/catalogue';
import type { MitigationDef } from '../engine/types';
import type { ScenarioDocument } from './schema';

const MIN = 60;
const restart = BUILTIN_MITIGATIONS.find((m) => m.id === 'restart')!;

/** The cure a preset without `endedBy` names; added to a scenario that uses a preset and has no `rollback`. */
export const PRESET_ROLLBACK: MitigationDef = {
  ...restart,
  id: 'rollback',
  name: 'Roll back the last change',
  description:
    'Puts back the configuration or software version from before the change, then restarts the service on it.',
  sideEffect:
    'Takes about 15 minutes to find the change and undo it; whatever the change was for is lost until it is redone properly.',
  delayTicks: 15 * MIN,
  costKES: 100_000,
  params: { ...restart.params },
};

export const PRESET_TYPES = ['insider-change', 'supply-chain-update'] as const;

/** Does the file use a preset that relies on the default cure (no `endedBy`)? */
export function presetNeedsRollback(doc: ScenarioDocument): boolean {
  return doc.injects.some((inject) =>
    inject.effects.some((e) =>
      e.type === 'prompt' ? e.options.some((o) => o.effects.some(usesDefaultCure)) : usesDefaultCure(e),
    ),
  );
}

function usesDefaultCure(e: { type: string; endedBy?: unknown }): boolean {
  return (PRESET_TYPES as readonly string[]).includes(e.type) && e.endedBy === undefined;
}
