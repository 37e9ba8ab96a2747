/**
 * Access to the garbage collector for memory figures. `npm run bench` runs under plain tsx (no
 * `--expose-gc`), so when `global.gc` is missing we switch the flag on at run time and fetch `gc` from a
 * fresh context — a documented V8 flag, and it avoids changing the npm script.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let cached: (() => void) | undefined;

export function getGc(): () => void {
  if (cached) return cached;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') {
    cached = existing;
  } else {
    setFlagsFromString('--expose-gc');
    cached = runInNewContext('gc') as () => void;
  }
  return cached;
}

/** Two full collections: the second picks up what finalisers of the first released. */
export function fullGc(): void {
  const gc = getGc();
  gc();
  gc();
}
