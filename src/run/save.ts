/**
 * Saved drills: versioned, validated, migrated through a chain of small steps, and checked against their
 * checksums. A corrupt save, or one from an unknown version, is reported and skipped; it never blocks the game
 * or other saves. A save is untrusted input (it comes back from localStorage, where anyone can edit it): its
 * size and nesting are bounded before it is parsed (untrusted.ts).
 *
 * FORMATS. v1: the first. v2: + name, savedAt, score. v3: + roles (who issued each command; v2 kept them
 * outside the format, as an extra top-level field the browser storage added), + scenarioFingerprint (the
 * shape of the scenario it was made with: fit.ts), + checksum.
 *
 * TWO CHECKSUMS. `hash` is the state hash of the snapshot (as in every version; a resumed drill shows it).
 * `checksum` (v3) covers EVERYTHING in the save — the command log, the names, the roles, the snapshot, even
 * fields this version does not know — so a changed character anywhere is refused, not resumed. Older saves
 * are checked as well as their format allows (the snapshot only) and sealed with a checksum as they migrate.
 *
 * Neither checksum is a signature: anyone can recompute them. A save that is consistent but was made for
 * another version of its scenario, or forged, is caught before it resumes by `checkSaveFits` (fit.ts).
 */
import { configure } from 'safe-stable-stringify';
import { hashState, hashText, type LoggedCommand, type SimState } from '../engine';
import { refuse, type Refusal } from './refusals';
import { loggedCommand, parseLimited } from './untrusted';
import { z } from './zod';

export const SAVE_VERSION = 3;
/** A four-hour drill's save is ~100 k characters; a save larger than this is refused before it is parsed. */
export const MAX_SAVE_CHARS = 2_000_000;
/** Commands in one save (a four-hour drill has a few hundred). */
export const MAX_SAVE_COMMANDS = 50_000;

const stable = configure({ deterministic: true, bigint: false });

/** A string of at most `max` characters. */
const upTo = (max: number) => z.string().check(z.maxLength(max));

/** v1 (the first format): no name, no score. */
const saveV1 = z.object({
  saveVersion: z.literal(1),
  engineVersion: upTo(40),
  scenarioId: upTo(60),
  scenarioHash: upTo(40),
  seed: upTo(40),
  commands: z.array(loggedCommand).check(z.maxLength(MAX_SAVE_COMMANDS)),
  snapshot: z.record(z.string(), z.unknown()),
  hash: upTo(40),
});

const saveV2 = z.extend(saveV1, {
  saveVersion: z.literal(2),
  /** Shown in the menu's resume list. */
  name: upTo(120),
  /** Wall-clock label given by the caller (the engine never reads a clock). */
  savedAt: upTo(40),
  score: z.number(),
});

const roles = z.record(z.string().check(z.regex(/^\d{1,6}$/)), upTo(40));

const saveV3 = z.extend(saveV2, {
  saveVersion: z.literal(3),
  /** Index in `commands` → the role that issued it. */
  roles,
  /** `scenarioFingerprint(scenario)` when it was saved ('' when migrated from a format without it). */
  scenarioFingerprint: upTo(40),
  /** Covers everything else in the save (see TWO CHECKSUMS). */
  checksum: upTo(40),
  // Optional (absent in saves made before them, so those load and check as they were):
  /** The drill was ended early with End drill: it opens as a debrief, never resumes. */
  stopped: z.optional(z.boolean()),
  /** Who ended it early. */
  stoppedBy: z.optional(z.enum(['trainee', 'facilitator'])),
  /** The speed it was playing at, restored on resume. */
  speed: z.optional(z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)])),
});

export type Save = z.output<typeof saveV3>;

/** Only well-formed roles survive a migration (v2 kept them outside the format, unchecked). */
function cleanRoles(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value))
    if (/^\d{1,6}$/.test(k) && typeof v === 'string') out[k] = v.slice(0, 40);
  return out;
}

/** One step per version: v(n) → v(n+1). */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => ({
    ...old,
    saveVersion: 2,
    name: `${String(old.scenarioId)} (seed ${String(old.seed)})`,
    savedAt: '',
    score: 0,
  }),
  2: (old) => ({ ...old, saveVersion: 3, roles: cleanRoles(old.roles), scenarioFingerprint: '' }),
};

export type LoadResult =
  { ok: true; save: Save; migratedFrom?: number } | { ok: false; error: string; refusal: Refusal };

/** The checksum of a save: everything in it but the checksum itself. */
export function saveChecksum(doc: Readonly<Record<string, unknown>>): string {
  const { checksum: _checksum, ...rest } = doc;
  return hashText(stable(rest) ?? '');
}

/** The same save with its checksum recomputed (after changing a field, e.g. the roles). */
export function sealSave(save: Omit<Save, 'checksum'> & { checksum?: string }): Save {
  return { ...save, checksum: saveChecksum(save) };
}

/** The same save with these roles (index in `commands` → role), sealed again. */
export function withRoles(save: Save, roles: Readonly<Record<number, string>>): Save {
  return sealSave({ ...save, roles: cleanRoles(roles) });
}

export function makeSave(args: {
  engineVersion: string;
  scenarioId: string;
  scenarioHash: string;
  /** `scenarioFingerprint(scenario)` (fit.ts); '' if unknown. */
  scenarioFingerprint?: string;
  seed: string;
  commands: readonly LoggedCommand[];
  state: SimState;
  name: string;
  savedAt: string;
  roles?: Readonly<Record<number, string>>;
  stopped?: boolean;
  stoppedBy?: 'trainee' | 'facilitator' | null;
  speed?: 1 | 2 | 4 | 8;
}): Save {
  return sealSave({
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
    roles: cleanRoles(args.roles ?? {}),
    scenarioFingerprint: args.scenarioFingerprint ?? '',
    ...(args.stopped ? { stopped: true } : {}),
    ...(args.stopped && args.stoppedBy ? { stoppedBy: args.stoppedBy } : {}),
    ...(args.speed !== undefined ? { speed: args.speed } : {}),
  });
}

/** Parses a save from text; never throws. */
export function loadSave(text: string): LoadResult {
  const parsed = parseLimited(text, 'save', { maxChars: MAX_SAVE_CHARS });
  if (!parsed.ok)
    return {
      ok: false,
      ...(parsed.reason === 'invalid'
        ? refuse('saveCutOff')
        : { error: parsed.error, refusal: parsed.refusal }),
    };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, ...refuse('saveNotObject') };
  let doc = value as Record<string, unknown>;
  const from = doc.saveVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    return { ok: false, ...refuse('saveNoVersion') };
  // Versions as text: a format number is a name, never written "1,000".
  if (from > SAVE_VERSION)
    return { ok: false, ...refuse('saveNewer', { version: String(from), max: String(SAVE_VERSION) }) };
  // The checksum covers the save as it was written, before any migration (and any field this version ignores).
  if (from >= 3 && saveChecksum(doc) !== doc.checksum) return { ok: false, ...refuse('saveChecksum') };
  for (let v = from; v < SAVE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, ...refuse('saveNoMigration', { version: String(v) }) };
    doc = step(doc);
  }
  if (from < SAVE_VERSION) doc = { ...doc, checksum: saveChecksum(doc) };
  const checked = saveV3.safeParse(doc);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.join('.');
    return {
      ok: false,
      ...(where
        ? refuse('saveDamaged', { where, issue: issue.message })
        : refuse('saveDamagedTop', { issue: issue.message })),
    };
  }
  const save = checked.data;
  if (hashState(save.snapshot as unknown as SimState) !== save.hash)
    return { ok: false, ...refuse('saveStateHash') };
  return from < SAVE_VERSION ? { ok: true, save, migratedFrom: from } : { ok: true, save };
}

export function saveToText(save: Save): string {
  return JSON.stringify(save);
}
