/**
 * Refusals of commands come from the engine in English, with a code and (where the message carries them) the
 * values; the page words them in its language (src/ui/rejectionText.ts, the `engine` namespace). English stays
 * the engine's own message, byte for byte; Kiswahili has a sentence for every code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apply, createSim, type ApplyResult, type RejectionCode } from '../../src/engine';
import { REJECTION_DOCS } from '../../src/engine/commandReference';
import { loadLanguage, missingKeys, t } from '../../src/i18n';
import { enAll as en } from '../../src/i18n/locales/en/all';
import { sw } from '../../src/i18n/locales/sw';
import { rejectionKey, rejectionText } from '../../src/ui/rejectionText';
import { mitigationCity, steps } from '../engine/fixtures';

afterAll(async () => {
  await loadLanguage('en');
});

const CODES = Object.keys(REJECTION_DOCS) as RejectionCode[];

/** Real refusals from the engine: the mitigation city has KES 100,000; the WAF rule costs 150,000. */
function refusals(): { ok: false; code: RejectionCode; message: string; params?: Record<string, unknown> }[] {
  const sim = createSim(mitigationCity({ budget: 100_000 }), 1);
  steps(sim, 5);
  const commands: unknown[] = [
    { type: 'mitigate', mitigation: 'rate-limit', target: 'nope' },
    { type: 'mitigate', mitigation: 'prayer', target: 'portal' },
    { type: 'mitigate', mitigation: 'waf-rule', target: 'portal' },
    { type: 'mitigate', mitigation: 'shed', target: 'edge' },
    { type: 'mitigate', mitigation: 'restart', target: 'wallet' },
    { type: 'lift', uid: 999 },
    { type: 'workaround', workaround: 'nope', action: 'announce' },
    { type: 'explode' },
    { type: 'answer', inject: 'nothing', option: 'x' },
  ];
  return commands.map((cmd) => {
    const result: ApplyResult = apply(sim, cmd);
    if (result.ok) throw new Error(`${JSON.stringify(cmd)} was accepted`);
    return result;
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('command refusals in the interface language', () => {
  it('every rejection code has a sentence in English and in Kiswahili', () => {
    expect(CODES.length).toBeGreaterThan(30);
    for (const code of CODES) {
      const key = rejectionKey(code);
      expect(en.engine.refusal[key], code).toMatch(/\S/);
      expect(sw.engine.refusal[key], code).toMatch(/\S/);
      expect(sw.engine.refusal[key], code).not.toBe(en.engine.refusal[key]);
    }
    // and no text for a code the engine does not have
    expect(Object.keys(en.engine.refusal).sort()).toEqual(CODES.map(rejectionKey).sort());
    for (const key of Object.keys(en.engine.refusalWith)) expect(CODES.map(rejectionKey)).toContain(key);
  });

  it('each worded-with-values text asks only for values the engine gives with that code', () => {
    const seen = new Set<string>();
    for (const r of refusals()) {
      const key = rejectionKey(r.code);
      if (!r.params) continue;
      const withValues = en.engine.refusalWith as Record<string, string>;
      expect(withValues[key], `${r.code} gives values but has no text for them`).toBeDefined();
      for (const name of placeholders(withValues[key]!)) expect(Object.keys(r.params)).toContain(name);
      seen.add(key);
    }
    // The refusals above exercise these codes' values (the others are checked by the typecheck's shape only).
    expect([...seen].sort()).toEqual(
      [
        'insufficient-budget',
        'not-active',
        'not-down',
        'not-sheddable',
        'unknown-mitigation',
        'unknown-service',
        'unknown-workaround',
      ].sort(),
    );
  });

  it('in English the page shows the engine’s own message', async () => {
    await loadLanguage('en');
    for (const r of refusals()) expect(rejectionText(r as never)).toBe(r.message);
    const budget = refusals()[2]!;
    expect(rejectionText(budget as never)).toBe(
      'WAF rule against odd queries costs KES 150000, the budget left is KES 100000',
    );
  });

  it('in Kiswahili every refusal is in Kiswahili, with its values', async () => {
    await loadLanguage('sw');
    const all = refusals();
    for (const r of all) {
      const text = rejectionText(r as never);
      expect(text).not.toBe(r.message);
      expect(text).not.toMatch(/\{\{|\}\}/);
    }
    expect(rejectionText(all[0] as never)).toBe("hakuna huduma 'nope'");
    expect(rejectionText(all[2] as never)).toBe(
      'WAF rule against odd queries inagharimu KES 150000, bajeti iliyobaki ni KES 100000',
    );
    expect(rejectionText(all[3] as never)).toBe('Edge ni muhimu mno, haiwezi kuzimwa');
    // a code without values: its general sentence
    expect(rejectionText(all[7] as never)).toBe(t('engine:refusal.unknown-type'));
    expect(rejectionText(all[7] as never)).toBe('hakuna agizo la aina hiyo');
    expect(missingKeys()).toEqual([]);
  });
});
