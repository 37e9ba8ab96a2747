/**
 * Why a service is in its state (the service panel's "why" chain, the map's table of services) in the interface
 * language: English is the selector's own text; Kiswahili words the same facts, keeping the service names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ServiceStatus } from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { causeInEnglish, type CauseReason, type CauseStep } from '../../src/store/selectors';
import { causeChainText, causeStepText } from '../../src/ui/causeWords';

afterAll(async () => {
  await loadLanguage('en');
});

const REASONS: CauseReason[] = [
  { kind: 'overloaded', offered: 1.4 },
  { kind: 'attack', share: 0.96, rps: 36_000 },
  { kind: 'retry-storm', factor: 2.5 },
  { kind: 'filtered' },
  { kind: 'upstream', service: 'Operator internet edge', capacity: 1.26 },
  { kind: 'upstreamUnknown' },
  { kind: 'failed' },
  { kind: 'restartsIn', ticks: 300 },
  { kind: 'restarting' },
  { kind: 'maintenance' },
  { kind: 'shed' },
  { kind: 'warming-up', ticks: 90 },
  { kind: 'serving', availability: 1 },
  { kind: 'status', status: 'degraded' },
];

const step = (reason: CauseReason, service = 0, status: ServiceStatus = 'degraded'): CauseStep => ({
  service,
  status,
  reason,
  text: `${service === 0 ? '' : `'Edge' is `}${status}: ${causeInEnglish(reason)}`,
});

/** Spaces as plain spaces (numbers are formatted with narrow no-break spaces). */
const flat = (text: string) => text.replace(/\s/g, ' ');

const ENGLISH =
  /\b(overloaded|offered|under attack|traffic|retry storm|filters|upstream|depends|failed|restart|crashed|offline|maintenance|circuit breaker|warming|serving|requests|degraded|is)\b/;

describe('why a service is in its state', () => {
  it('in English is the selector’s own text', async () => {
    await loadLanguage('en');
    for (const r of REASONS) {
      expect(causeStepText(step(r), undefined)).toBe(step(r).text);
      expect(causeStepText(step(r, 1), 'Edge')).toBe(step(r, 1).text);
    }
    expect(flat(causeChainText([step(REASONS[4]!), step(REASONS[1]!, 1)], () => 'Edge'))).toBe(
      "degraded: upstream 'Operator internet edge' at 126 % capacity; 'Edge' is degraded: under attack: 96 % of its traffic is attack traffic (36k rps)",
    );
  });

  it('in Kiswahili every reason is worded in Kiswahili, with the service’s name', async () => {
    await loadLanguage('sw');
    for (const r of REASONS) {
      const text = causeStepText(step(r), undefined);
      expect(text, causeInEnglish(r)).not.toMatch(ENGLISH);
      expect(text).toMatch(/^imedorora: /);
    }
    expect(flat(causeStepText(step(REASONS[4]!, 1), 'Edge'))).toBe(
      "'Edge' imedorora: inategemea 'Operator internet edge', iliyo kwenye 126 % ya uwezo wake",
    );
    expect(missingKeys()).toEqual([]);
  });
});
