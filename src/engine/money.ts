/**
 * How a scenario writes money. Amounts in the engine are plain numbers (the fields still end in `KES`, the
 * currency of the first scenarios); only the text around them changes with the scenario's `currency:`.
 */
import type { Currency, Scenario } from './types';

export type { Currency };

/** The currency of a scenario that does not name one. */
export const DEFAULT_CURRENCY: Currency = { code: 'KES', symbol: 'KES', after: false };

/** The scenario's currency (KES when it names none). */
export function currencyOf(scenario: Pick<Scenario, 'currency'>): Currency {
  return scenario.currency ?? DEFAULT_CURRENCY;
}

/**
 * Puts the symbol next to an amount already written ("12.0m", "−150k", "1,200"): a word-like symbol ("KES",
 * "kr") is set apart by a space, a sign ("$", "€") is not: "KES 12.0m", "$12.0m", "12.0m kr", "12.0m€".
 */
export function withCurrency(amountText: string, currency: Currency): string {
  const s = currency.symbol;
  if (currency.after) return /^\p{L}/u.test(s) ? `${amountText} ${s}` : `${amountText}${s}`;
  return /\p{L}$/u.test(s) ? `${s} ${amountText}` : `${s}${amountText}`;
}
