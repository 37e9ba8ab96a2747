/**
 * The actions that change only what the UI shows or how the clock runs — never the simulation — shared by a
 * live drill (gameStore.ts) and a replay (replayStore.ts), so both answer the HUD, the keyboard and the panels
 * the same way.
 */
import type { Scenario } from '../engine';
import { isSpeed } from './clock';
import type { GameState } from './gameStore';

type UiActionNames =
  | 'setPaused'
  | 'togglePause'
  | 'setSpeed'
  | 'select'
  | 'selectNext'
  | 'setDecisionTab'
  | 'setPlan'
  | 'setHelp'
  | 'setRole';

export function uiActions(
  scenario: Scenario,
  set: (partial: Partial<GameState>) => void,
  get: () => GameState,
): Pick<GameState, UiActionNames> {
  return {
    setPaused(paused) {
      if (get().paused !== paused) set({ paused });
    },
    togglePause() {
      set({ paused: !get().paused });
    },
    setSpeed(speed) {
      if (isSpeed(speed) && get().speed !== speed) set({ speed });
    },
    select(serviceId) {
      const known = serviceId === null || scenario.services.some((x) => x.id === serviceId);
      if (known && get().selected !== serviceId) set({ selected: serviceId });
    },
    selectNext(delta) {
      const services = scenario.services;
      if (services.length === 0) return;
      const current = services.findIndex((x) => x.id === get().selected);
      const next =
        current < 0
          ? delta > 0
            ? 0
            : services.length - 1
          : (current + delta + services.length) % services.length;
      set({ selected: services[next]!.id });
    },
    setDecisionTab(tab) {
      if (get().decisionTab !== tab) set({ decisionTab: tab });
    },
    setPlan(plan) {
      set({ plan: { ...get().plan, ...plan } });
    },
    setHelp(open) {
      if (get().help !== open) set({ help: open });
    },
    setRole(role) {
      const trimmed = role.trim().slice(0, 40);
      if (trimmed !== '' && get().role !== trimmed) set({ role: trimmed });
    },
  };
}
