/**
 * Saved drills in browser storage (localStorage, or anything with the same five members — the tests use a
 * small in-memory one). One key per drill, `cascade.save.<drillId>`; the value is the save (src/run/save.ts:
 * versioned, migrated, checksummed over everything in it, roles included since save format 3).
 *
 * Never throws, and never lets one entry spoil the list: a save that does not load is listed as damaged, with
 * the reason, and the others load as usual. What is read is untrusted (anyone can edit localStorage): loadSave
 * bounds its size and nesting before parsing it.
 *
 * ROOM. Every save is an autosave. At most MAX_AUTOSAVES good drills are kept (a new drill's first save drops
 * the oldest good one beyond that), and when the browser says the storage is full (QuotaExceededError) the
 * oldest other good save is dropped and the write tried again. Every drop is returned in `dropped`, and the
 * autosave status names it: nothing goes without the player being told. Rules that keep a player's work:
 *   - damaged entries are never dropped automatically (they do not even count towards MAX_AUTOSAVES): the
 *     player sees them, with the reason, and may delete them;
 *   - a write that fails in the end deletes nothing: the saves dropped to make room are put back;
 *   - a save larger than MAX_SAVE_CHARS is refused before anything is touched.
 */
import { t } from '../../i18n';
import { loadSave, MAX_SAVE_CHARS, saveToText, withRoles, type Save } from '../../run/save';
import { countLabel } from '../../store/format';
import { refusalText } from '../refusalText';

export const SAVE_PREFIX = 'cascade.save.';
export const MAX_AUTOSAVES = 12;

export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SavedEntry =
  | {
      key: string;
      drillId: string;
      ok: true;
      save: Save;
      roles: Record<number, string>;
      /** The simulated tick the save was made at. */
      tick: number;
      /** The drill had reached its end (the menu opens its report instead of resuming it). */
      ended: boolean;
      /** It was ended early with End drill: like an ended drill, it has a debrief and a replay, not a resume. */
      stopped: boolean;
      migratedFrom?: number;
    }
  | { key: string; drillId: string; ok: false; error: string };

export type WriteResult = { ok: true; dropped: string[] } | { ok: false; dropped: string[]; error: string };

export function saveKey(drillId: string): string {
  return `${SAVE_PREFIX}${drillId}`;
}

/** Keys of every saved drill (whatever their content). */
export function saveKeys(storage: KeyValueStore): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(SAVE_PREFIX)) keys.push(key);
  }
  return keys;
}

function rolesOf(saved: Readonly<Record<string, string>>): Record<number, string> {
  const roles: Record<number, string> = {};
  for (const [k, v] of Object.entries(saved)) roles[Number(k)] = v;
  return roles;
}

export function readSave(key: string, text: string | null): SavedEntry {
  const drillId = key.slice(SAVE_PREFIX.length);
  if (text === null) return { key, drillId, ok: false, error: t('refusals:storage.empty') };
  const loaded = loadSave(text);
  if (!loaded.ok) return { key, drillId, ok: false, error: refusalText(loaded) };
  const snapshot = loaded.save.snapshot as { tick?: unknown; ended?: unknown };
  if (typeof snapshot.tick !== 'number' || !Number.isInteger(snapshot.tick) || snapshot.tick < 0)
    return { key, drillId, ok: false, error: t('refusals:storage.noTick') };
  const roles = rolesOf(loaded.save.roles);
  return {
    key,
    drillId,
    ok: true,
    save: loaded.save,
    roles,
    tick: snapshot.tick,
    ended: snapshot.ended === true,
    stopped: loaded.save.stopped === true && snapshot.ended !== true,
    ...(loaded.migratedFrom !== undefined ? { migratedFrom: loaded.migratedFrom } : {}),
  };
}

/** Every saved drill, newest first; damaged entries after the good ones. */
export function listSaves(storage: KeyValueStore): SavedEntry[] {
  const entries: SavedEntry[] = [];
  for (const key of saveKeys(storage)) {
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch {
      text = null;
    }
    entries.push(readSave(key, text));
  }
  const rank = (e: SavedEntry) => (e.ok ? e.save.savedAt : '');
  return entries.sort((a, b) => Number(b.ok) - Number(a.ok) || rank(b).localeCompare(rank(a)));
}

/** Other drills' saves that load (damaged ones are never candidates to drop), oldest first. */
function goodOthersOldestFirst(
  storage: KeyValueStore,
  except: string,
): { key: string; savedAt: string; name: string; text: string }[] {
  return saveKeys(storage)
    .filter((k) => k !== except)
    .flatMap((key) => {
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch {
        return [];
      }
      const entry = readSave(key, text);
      return entry.ok && text !== null
        ? [{ key, savedAt: entry.save.savedAt, name: entry.save.name, text }]
        : [];
    })
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown };
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22;
}

export function writeSave(
  storage: KeyValueStore,
  drillId: string,
  save: Save,
  roles: Record<number, string>,
): WriteResult {
  const key = saveKey(drillId);
  const text = saveToText(withRoles(save, roles));
  if (text.length > MAX_SAVE_CHARS)
    return {
      ok: false,
      dropped: [],
      error: t('refusals:storage.tooLarge', {
        length: countLabel(text.length),
        max: countLabel(MAX_SAVE_CHARS),
      }),
    };
  let isNew: boolean;
  try {
    isNew = storage.getItem(key) === null;
  } catch {
    isNew = true;
  }
  // Saves taken out to make room, with their text: put back if the write fails in the end.
  const removed: { key: string; name: string; text: string }[] = [];
  let candidates: ReturnType<typeof goodOthersOldestFirst> | null = null;
  for (;;) {
    try {
      storage.setItem(key, text);
      break;
    } catch (error) {
      const quota = isQuotaError(error);
      candidates ??= quota ? goodOthersOldestFirst(storage, key) : [];
      const victim = candidates.shift();
      if (!quota || !victim) {
        const unrestored = putBack(storage, removed);
        const reason = !quota
          ? t('refusals:storage.refused', { error: String(error).slice(0, 200) })
          : removed.length === 0
            ? t('refusals:storage.full')
            : t('refusals:storage.fullEvenWithout');
        return {
          ok: false,
          dropped: unrestored,
          error: unrestored.length
            ? t('refusals:storage.notPutBack', { reason, count: unrestored.length })
            : reason,
        };
      }
      try {
        storage.removeItem(victim.key);
      } catch {
        continue; // could not remove it: try the next one
      }
      removed.push(victim);
    }
  }
  const dropped = removed.map((r) => r.name);
  if (isNew) {
    const others = goodOthersOldestFirst(storage, key);
    for (const old of others.slice(0, Math.max(0, others.length - (MAX_AUTOSAVES - 1)))) {
      try {
        storage.removeItem(old.key);
        dropped.push(old.name);
      } catch {
        // It stays: one more save than the limit is better than a silent failure.
      }
    }
  }
  return { ok: true, dropped };
}

/** Writes the removed saves back; returns the names of those that could not be. */
function putBack(
  storage: KeyValueStore,
  removed: readonly { key: string; name: string; text: string }[],
): string[] {
  const lost: string[] = [];
  for (const r of removed) {
    try {
      storage.setItem(r.key, r.text);
    } catch {
      lost.push(r.name);
    }
  }
  return lost;
}

export function deleteSave(storage: KeyValueStore, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: the entry stays listed and the player can try again.
  }
}
