/**
 * The second line of a service's map label: its status in a word and its load, only when something is wrong
 * (the marker's shape, colour and glyph say "healthy" on their own). Short, because every label's place on
 * the map is reserved for its longest possible text. Pure.
 */
import type { ServiceStatus } from '../../src/engine';
import { t } from '../../src/i18n';
import { percentLabel } from '../../src/store/format';

export function statusDetail(status: ServiceStatus, utilisation: number, offline: boolean): string {
  if (offline) return t('map:offline');
  if (status === 'healthy' && utilisation < 0.8) return '';
  return t('map:statusLoad', { status: t(`map:status.${status}`), load: percentLabel(utilisation) });
}

/**
 * The widest status lines a label can show (loads up to 9999 %), measured to reserve the label's place. Worded
 * when this module loads, which is in English (before the chosen language is loaded): the Kiswahili lines are no
 * longer (test/i18n/game-texts.test.ts), so the place reserved fits them too.
 */
export const WIDEST_DETAILS: readonly string[] = [
  statusDetail('recovering', 99.99, false),
  statusDetail('degraded', 99.99, false),
  statusDetail('healthy', 99.99, false),
  statusDetail('down', 0, true),
];
