/** A status in words, for every place that must not rely on colour or shape alone. */
import type { ServiceStatus } from '../../engine';

export const STATUS_WORDS: Record<ServiceStatus, string> = {
  healthy: 'healthy',
  degraded: 'degraded',
  down: 'down',
  recovering: 'recovering',
};
