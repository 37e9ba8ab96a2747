/** A status in words, for every place that must not rely on colour or shape alone. */
import type { ServiceStatus } from '../../engine';
import { t } from '../../i18n';

export function statusWord(status: ServiceStatus): string {
  return t(`map:status.${status}`);
}
