/**
 * Values an author (or an attacker) might put where a scenario expects something else: numbers at and past
 * every edge, strings that try to become HTML or to reverse the text, strings too long for any screen, and
 * words that are almost ids, statuses or durations.
 */
import type { Rand } from './random';

/** Numbers as YAML writes them (`.nan` and `.inf` are YAML 1.2 for NaN and Infinity). */
export const HOSTILE_NUMBERS: readonly (number | string)[] = [
  0,
  -1,
  -0.5,
  1.5,
  1e308,
  -1e308,
  5e-324,
  1e21,
  2 ** 53 + 1,
  0.1,
  999999999,
  '.nan',
  '.inf',
  '-.inf',
  '',
  '1e999',
  '0x10',
  '1_000',
];

export const HOSTILE_DURATIONS: readonly string[] = [
  '999999h',
  '73h',
  '72h',
  '0m',
  '-5m',
  '1e9s',
  '15',
  'm',
  '1.5h',
  '10000000000000000000000m',
  '',
];

const HTML = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '{{constructor.constructor("alert(1)")()}}',
  '| a | b |\n|---|---|',
];

const BIDI = ['\u202Eevil', 'a\u2066b\u2069c', '\u200F\u202Bright\u202C', '\u2067isolate'];

const ODD = ['', ' ', '\u0000', '\uD800', '\u{1F600}', 'null', '~', '__proto__', 'constructor', 'NaN'];

/** A string of `n` characters (a repeated hostile piece, so it also carries markup and bidi controls). */
export function longText(r: Rand, n: number): string {
  const piece = r.pick([...HTML, ...BIDI, 'x']);
  return piece.repeat(Math.ceil(n / piece.length)).slice(0, n);
}

export function hostileString(r: Rand): string {
  const roll = r.int(10);
  if (roll < 3) return r.pick(HTML);
  if (roll < 5) return r.pick(BIDI);
  if (roll < 7) return r.pick(ODD);
  // Long text: mostly a few thousand characters, now and then a megabyte (the audit's worst case).
  return longText(r, r.chance(0.05) ? 1_000_000 : r.between(200, 20_000));
}

/** Words next to the statuses a condition may compare with (typos, other languages, cases). */
export const NEAR_STATUSES = ['dwn', 'Down', 'offline', 'up', 'healthy ', 'degraded', 'down', 'ok'];
