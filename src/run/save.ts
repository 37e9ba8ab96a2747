/**
 * Saved drills: versioned, validated, migrated through a chain of small steps, and checked against their hash.
 * A corrupt save, or one from an unknown version, is reported and skipped; it never blocks the game or other
 * saves.
 */
import { z } from 'zod';
import { hashState, type LoggedCommand, type SimState } from '../engine';

export const SAVE_VERSION = 2;

const loggedCommand = z.object({
  tick: z.number().int().min(0),
  cmd: z.object({ type: z.string() }).passthrough(),
});

/** v1 (the first format): no name, no score. */
const saveV1 = z.object({
  saveVersion: z.literal(1),
  engineVersion: z.string(),
  scenarioId: z.string(),
  scenarioHash: z.string(),
  seed: z.string(),
  commands: z.array(loggedCommand),
  snapshot: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

const saveV2 = saveV1.extend({
  saveVersion: z.literal(2),
  /** Shown in the menu's resume list. */
  name: z.string().max(120),
  /** Wall-clock label given by the caller (the engine never reads a clock). */
  savedAt: z.string().max(40),
  score: z.number(),
});

export type Save = z.output<typeof saveV2>;

/** One step per version: v(n) → v(n+1). */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => ({
    ...old,
    saveVersion: 2,
    name: `${String(old.scenarioId)} (seed ${String(old.seed)})`,
    savedAt: '',
    score: 0,
  }),
};

export type LoadResult = { ok: true; save: Save; migratedFrom?: number } | { ok: false; error: string };

export function makeSave(args: {
  engineVersion: string;
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  commands: readonly LoggedCommand[];
  state: SimState;
  name: string;
  savedAt: string;
}): Save {
  return {
    saveVersion: SAVE_VERSION,
    engineVersion: args.engineVersion,
    scenarioId: args.scenarioId,
    scenarioHash: args.scenarioHash,
    seed: args.seed,
    commands: args.commands.map((c) => ({ tick: c.tick, cmd: structuredClone(c.cmd) })) as Save['commands'],
    snapshot: structuredClone(args.state) as unknown as Save['snapshot'],
    hash: hashState(args.state),
    name: args.name.slice(0, 120),
    savedAt: args.savedAt.slice(0, 40),
    score: args.state.metrics.score,
  };
}

/** Parses a save from text; never throws. */
export function loadSave(text: string): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the save is not valid JSON (it may have been cut off)' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'the save is not an object' };
  let doc = value as Record<string, unknown>;
  const from = doc.saveVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    return { ok: false, error: 'the save has no valid saveVersion' };
  if (from > SAVE_VERSION)
    return {
      ok: false,
      error: `the save is from a newer version of Cascade (save format ${from}; this one reads up to ${SAVE_VERSION})`,
    };
  for (let v = from; v < SAVE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, error: `no migration from save format ${v}` };
    doc = step(doc);
  }
  const parsed = saveV2.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      error: `the save is damaged: ${issue.path.join('.') || 'top level'}: ${issue.message}`,
    };
  }
  const save = parsed.data;
  if (hashState(save.snapshot as unknown as SimState) !== save.hash)
    return { ok: false, error: 'the save is damaged: its state does not match its checksum' };
  return from < SAVE_VERSION ? { ok: true, save, migratedFrom: from } : { ok: true, save };
}

export function saveToText(save: Save): string {
  return JSON.stringify(save);
}
