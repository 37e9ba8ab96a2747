/**
 * Numbers in scenarios are finite and within documented ranges (issue 11): an empty string is not a duration,
 * no duration exceeds 72 hours, capacities and segment sizes are bounded, and no amount (money, weights,
 * rates) is over MAX_AMOUNT. Each mistake is refused with a located
 * diagnostic instead of compiling into NaN or Infinity (which once showed "Score NaN / 100").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/scenario';

const base = readFileSync('scenarios/tutorial.yaml', 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('numbers in scenarios are bounded', () => {
  const cases: [string, string, string, RegExp][] = [
    ['duration: 10m', "duration: ''", 'SCN015', /a duration is like/],
    ['duration: 10m', 'duration: 999999h', 'SCN013', /at most 72h/],
    ['duration: 10m', 'duration: 300000', 'SCN013', /at most 259200/],
    ['ramp: 2m', "ramp: ''", 'SCN015', /a duration is like/],
    ['capacity: 5000', 'capacity: 5e-324', 'SCN013', /capacity/],
    ['size: 500000', 'size: 1e308', 'SCN013', /size/],
    // Each made the engine's score or value moved Infinity mid-drill (fuzz seed wave2a, cases 678, 1706, 2253).
    [
      'customers: 0.2',
      'customers: 1e308',
      'SCN013',
      /customers is 1e\+308; it must be at most 1000000000000/,
    ],
    ['rumours: 0,', 'rumours: 1e+308,', 'SCN013', /rumours/],
    ['value: 1500', 'value: 1e308', 'SCN013', /value is 1e\+308/],
    ['budget: 3000000', 'budget: 2e12', 'SCN013', /budget/],
  ];
  for (const [from, to, code, message] of cases) {
    it(`${to} is refused with ${code} at its line`, () => {
      expect(base.includes(from), `the tutorial has "${from}"`).toBe(true);
      const text = base.replace(from, to);
      const { scenario, diagnostics } = compile(text, 'tutorial.yaml');
      expect(scenario).toBeUndefined();
      const d = diagnostics.find((x) => x.code === code);
      expect(d, JSON.stringify(diagnostics)).toBeDefined();
      expect(d!.line).toBe(lineOf(text, to));
      expect(d!.message).toMatch(message);
    });
  }
});
