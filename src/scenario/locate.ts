/**
 * Where a place in the scenario document is written, for diagnostics. Building the scenario
 * (build.ts) asks a Locator; the compiler's comes from the parsed YAML (document.ts), and a document
 * precompiled at build time (precompiled.ts) has no text to point into, so its positions are 1:1 (it compiled
 * without an error when it was precompiled, and its warnings were kept with their real positions then).
 * This module has no dependency on the yaml library, so the page can build shipped scenarios without it.
 */
export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

export interface Locator {
  /** The value at `path`, or its deepest existing ancestor. */
  at(path: readonly PathSegment[]): Position;
  /** The key `key` of the mapping at `path` (the mapping if there is no such key). */
  key(path: readonly PathSegment[], key: string): Position;
  /** A character offset inside the string at `path` (an error inside an expression). */
  inScalar(path: readonly PathSegment[], offset: number): Position;
}

/** For a document with no text: every place is 1:1. */
export const NO_POSITIONS: Locator = {
  at: () => ({ line: 1, column: 1 }),
  key: () => ({ line: 1, column: 1 }),
  inScalar: () => ({ line: 1, column: 1 }),
};

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}
