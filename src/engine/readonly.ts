/**
 * A read-only view of engine data. The store publishes the simulation state as `DeepReadonly<SimState>`, and
 * the engine's read-only queries (queries.ts, availability.ts) accept it, so panels can ask the engine
 * questions about the published state without a cast and without being able to change it.
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
