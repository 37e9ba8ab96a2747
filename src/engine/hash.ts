/**
 * A stable hash of the state (keys sorted, so it does not depend on how objects were built), and a readable
 * report of the first difference between two states — what you want to see when a replay diverges.
 */
import { configure } from 'safe-stable-stringify';
import type { SimState } from './types';

const stableStringify = configure({ deterministic: true, bigint: false, circularValue: Error });

/** cyrb53: a fast, well-distributed 53-bit string hash (public domain, by bryc). */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function canonicalJson(state: SimState): string {
  return stableStringify(state) ?? '';
}

/** 14 hex digits of any text. */
export function hashText(text: string): string {
  return cyrb53(text).toString(16).padStart(14, '0');
}

/** 14 hex digits. */
export function hashState(state: SimState): string {
  return hashText(canonicalJson(state));
}

export interface StateDifference {
  path: string;
  a: unknown;
  b: unknown;
}

/** The first field (in sorted-key order) where two states differ, or undefined if they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): StateDifference | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return { path, a, b };
  if (Array.isArray(a) !== Array.isArray(b)) return { path, a, b };
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return { path: `${path}.length`, a: a.length, b: b.length };
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}
