/**
 * Why a service is in its state (src/store/selectors.ts `explainCause`), in the interface language: the service
 * panel's "why" chain and the map's table of services. English is the selector's own text, unchanged; another
 * language words the same facts, with shares, rates and times for its locale. Service names stay the author's.
 */
import { currentLanguage, t } from '../i18n';
import { durationLabel, percentLabel, rpsLabel } from '../store/format';
import type { CauseReason, CauseStep } from '../store/selectors';

const STATUSES = ['healthy', 'degraded', 'down', 'recovering'] as const;

function statusWord(status: string): string {
  return (STATUSES as readonly string[]).includes(status)
    ? t(`map:status.${status as (typeof STATUSES)[number]}`)
    : status;
}

function reasonText(c: CauseReason): string {
  switch (c.kind) {
    case 'overloaded':
      return t('engineWords:cause.overloaded', { offered: percentLabel(c.offered) });
    case 'attack':
      return t('engineWords:cause.attack', { share: percentLabel(c.share), rps: rpsLabel(c.rps) });
    case 'retry-storm':
      return t('engineWords:cause.retryStorm', { factor: c.factor.toFixed(1) });
    case 'upstream':
      return t('engineWords:cause.upstream', { service: c.service, capacity: percentLabel(c.capacity) });
    case 'restartsIn':
      return t('engineWords:cause.restartsIn', { time: durationLabel(c.ticks) });
    case 'warming-up':
      return t('engineWords:cause.warmingUp', { time: durationLabel(c.ticks) });
    case 'serving':
      return t('engineWords:cause.serving', { availability: percentLabel(c.availability) });
    case 'status':
      return statusWord(c.status);
    default:
      return t(`engineWords:cause.${c.kind}`);
  }
}

/** One step of the chain: the service itself first, then "'Edge' is degraded: …" for each it blames. */
export function causeStepText(step: CauseStep, name: string | undefined): string {
  if (currentLanguage() === 'en') return step.text;
  const reason = reasonText(step.reason);
  const status = statusWord(step.status);
  return name === undefined
    ? t('engineWords:cause.first', { status, reason })
    : t('engineWords:cause.upstreamStep', { service: name, status, reason });
}

/** The whole chain on one line ("degraded: …; 'Edge' is degraded: …"), as the map's table shows it. */
export function causeChainText(chain: readonly CauseStep[], names: (service: number) => string): string {
  return chain.map((c, i) => causeStepText(c, i === 0 ? undefined : names(c.service))).join('; ');
}
