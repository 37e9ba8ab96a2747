/**
 * The page's localStorage, or null where the browser refuses it (some private modes, storage disabled):
 * reading `window.localStorage` itself can throw there.
 */
import type { KeyValueStore } from './storage';

let cached: KeyValueStore | null | undefined;

export function browserStorage(): KeyValueStore | null {
  if (cached !== undefined) return cached;
  try {
    cached = window.localStorage;
  } catch {
    cached = null;
  }
  return cached;
}
