/**
 * Saved drills in browser storage (localStorage, or anything with the same five members — the tests use a
 * small in-memory one). One key per drill, `cascade.save.<drillId>`; the value is the save (src/run/save.ts:
 * versioned, migrated, checksummed) plus one extra top-level field, `roles` (who issued each command), which
 * the save schema ignores and this module reads on its own. (A save format v3 with roles would be cleaner;
 * the format is src/run's to change.)
 *
 * Never throws, and never lets one entry spoil the list: a save that does not load is listed as damaged, with
 * the reason, and the others load as usual.
 *
 * ROOM. Every save is an autosave. At most MAX_AUTOSAVES drills are kept (a new drill's first save drops the
 * oldest beyond that), and when the browser says the storage is full (QuotaExceededError) the oldest other
 * save is dropped and the write tried again. Damaged entries are never dropped automatically: the player sees
 * them and may delete them.
 */
import { loadSave, saveToText, type Save } from '../../run';

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

function rolesOf(value: unknown): Record<number, string> {
  const roles: Record<number, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return roles;
  for (const [k, v] of Object.entries(value)) {
    if (/^\d+$/.test(k) && typeof v === 'string') roles[Number(k)] = v.slice(0, 40);
  }
  return roles;
}

export function readSave(key: string, text: string | null): SavedEntry {
  const drillId = key.slice(SAVE_PREFIX.length);
  if (text === null) return { key, drillId, ok: false, error: 'the save is empty' };
  const loaded = loadSave(text);
  if (!loaded.ok) return { key, drillId, ok: false, error: loaded.error };
  const snapshot = loaded.save.snapshot as { tick?: unknown; ended?: unknown };
  if (typeof snapshot.tick !== 'number' || !Number.isInteger(snapshot.tick) || snapshot.tick < 0)
    return { key, drillId, ok: false, error: 'the save is damaged: its state has no valid tick' };
  // loadSave parsed the same text successfully, so this parse cannot fail.
  const roles = rolesOf((JSON.parse(text) as { roles?: unknown }).roles);
  return {
    key,
    drillId,
    ok: true,
    save: loaded.save,
    roles,
    tick: snapshot.tick,
    ended: snapshot.ended === true,
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

/** savedAt and name without validating the whole save (cheap: used to pick what to drop). */
function peek(text: string | null): { savedAt: string; name: string } | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as { savedAt?: unknown; name?: unknown; saveVersion?: unknown };
    if (typeof v.saveVersion !== 'number') return null;
    return {
      savedAt: typeof v.savedAt === 'string' ? v.savedAt : '',
      name: typeof v.name === 'string' ? v.name : '?',
    };
  } catch {
    return null;
  }
}

/** Other drills' saves that are not damaged, oldest first. */
function othersOldestFirst(
  storage: KeyValueStore,
  except: string,
): { key: string; savedAt: string; name: string }[] {
  return saveKeys(storage)
    .filter((k) => k !== except)
    .flatMap((key) => {
      const p = peek(storage.getItem(key));
      return p ? [{ key, ...p }] : [];
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
  // saveToText is JSON.stringify(save): the same text, with `roles` appended.
  const text = saveToText({ ...save, roles } as Save);
  const dropped: string[] = [];
  let isNew: boolean;
  try {
    isNew = storage.getItem(key) === null;
  } catch {
    isNew = true;
  }
  for (;;) {
    try {
      storage.setItem(key, text);
      break;
    } catch (error) {
      if (!isQuotaError(error))
        return { ok: false, dropped, error: `the browser refused to save (${String(error)})` };
      const victim = othersOldestFirst(storage, key)[0];
      if (!victim)
        return {
          ok: false,
          dropped,
          error: 'the browser storage is full, and there is no older save to make room',
        };
      storage.removeItem(victim.key);
      dropped.push(victim.name);
    }
  }
  if (isNew) {
    const others = othersOldestFirst(storage, key);
    for (const old of others.slice(0, Math.max(0, others.length - (MAX_AUTOSAVES - 1)))) {
      storage.removeItem(old.key);
      dropped.push(old.name);
    }
  }
  return { ok: true, dropped };
}

export function deleteSave(storage: KeyValueStore, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: the entry stays listed and the player can try again.
  }
}
