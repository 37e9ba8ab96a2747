/**
 * A scenario's own currency (`currency:`): amounts stay numbers, only how they are written follows the scenario —
 * refusals, score explanations, the report and every UI money label. Scenarios without one stay in KES.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, createSim, scoreBreakdown, step, withCurrency } from '../../src/engine';
import { buildReport, emptySeries, reportToMarkdown } from '../../src/run';

import { compile } from '../../src/scenario';
import { kesLabel, moneyLabel } from '../../src/store/format';

const nairobi = readFileSync('scenarios/nairobi-ddos-2023.yaml', 'utf8');
/** Nairobi with USD 1.5 m: scrubbing (1 m up front) fits once, not twice. */
const inDollars = nairobi.replace(
  'budget: 12000000',
  'budget: 1500000\ncurrency: { code: USD, symbol: "$" }',
);
const usd = compile(inDollars, 'nairobi-usd.yaml').scenario!;

describe('a scenario in its own currency', () => {
  it('compiles the currency, with the symbol defaulting to the code', () => {
    expect(usd.currency).toEqual({ code: 'USD', symbol: '$', after: false });
    const chf = compile(
      nairobi.replace('budget: 12000000', 'budget: 12000000\ncurrency: { code: CHF }'),
      'chf.yaml',
    );
    expect(chf.scenario!.currency).toEqual({ code: 'CHF', symbol: 'CHF', after: false });
  });

  it('writes the budget, refusals and the report in dollars, never in KES', () => {
    expect(moneyLabel(usd.budgetKES, usd)).toBe('$1.5m');
    const sim = createSim(usd, '1');
    expect(apply(sim, { type: 'mitigate', mitigation: 'scrubbing', target: 'gov-portal' }).ok).toBe(true);
    const refused = apply(sim, { type: 'mitigate', mitigation: 'scrubbing', target: 'evisa' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.code).toBe('cmd/insufficient-budget');
    expect(refused.message).toMatch(/costs \$1000000, the budget left is \$500000/);
    for (let t = 0; t < 600; t++) step(sim);
    const breakdown = scoreBreakdown(sim)
      .components.map((c) => c.explanation)
      .join(' ');
    expect(breakdown).toContain('$');
    expect(breakdown).not.toContain('KES');
    const markdown = reportToMarkdown(buildReport(sim, [], emptySeries(sim), { hash: 'x' }));
    expect(markdown).toMatch(/\$\d/);
    expect(markdown).not.toContain('KES');
  });

  it('puts a word-like symbol apart and a sign against the amount, before or after', () => {
    expect(withCurrency('12.0m', { code: 'SEK', symbol: 'kr', after: true })).toBe('12.0m kr');
    expect(withCurrency('12.0m', { code: 'EUR', symbol: '€', after: true })).toBe('12.0m€');
    expect(withCurrency('−150k', { code: 'KES', symbol: 'KSh', after: false })).toBe('KSh −150k');
    expect(kesLabel(1_600_000_000)).toBe('KES 1.60bn');
  });

  it('reports a code that is not three capital letters where it is written', () => {
    const bad = compile(
      nairobi.replace('budget: 12000000', 'budget: 12000000\ncurrency: { code: usd }'),
      'bad.yaml',
    );
    expect(bad.scenario).toBeUndefined();
    const d = bad.diagnostics.find((x) => x.path?.includes('currency'));
    expect(d, JSON.stringify(bad.diagnostics)).toBeDefined();
    expect(d!.line).toBe(40);
    expect(d!.message).toMatch(/three capital letters/);
  });

  it('leaves every shipped scenario in KES, compiled exactly as before (no currency key)', () => {
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      const scenario = compile(readFileSync(`scenarios/${file}`, 'utf8'), file).scenario!;
      expect(Object.keys(scenario), file).not.toContain('currency');
      expect(moneyLabel(150_000, scenario)).toBe('KES 150k');
    }
  });
});
