/**
 * Where an order stands ("takes effect in 2m", "in effect, ends in 10m", "in effect"), in the interface's
 * language. The store's OrderView has the same words in English only (src/store/selectors.ts, also read by the
 * record and the tests); the panels read the ticks from the state and say it here.
 */
import { t } from '../i18n';
import type { DeepReadonly } from '../store';
import type { SimState } from '../engine';
import { durationLabel } from '../store/format';

export function orderPhase(state: DeepReadonly<SimState>, uid: number): string {
  const m = state.mitigations.find((x) => x.uid === uid);
  if (!m) return '';
  if (!m.effective) return t('service:phase.pending', { time: durationLabel(m.effectiveTick - state.tick) });
  if (m.endTick >= 0) return t('service:phase.ending', { time: durationLabel(m.endTick - state.tick) });
  return t('service:phase.active');
}
