/**
 * The studio's draft in the browser's storage: the text being edited and its file name, written on every
 * pause in typing and when the page is hidden, read back when the studio opens. One draft (the studio edits
 * one file at a time); loading a template or a file replaces the text through the editor, so undo brings the
 * previous text back, and the draft follows.
 */
import type { KeyValueStore } from '../saves/storage';

export const DRAFT_KEY = 'cascade.studio.draft';

export interface Draft {
  fileName: string;
  text: string;
  /** ISO time of the write (shown as "saved in this browser at 09:12"). */
  savedAt: string;
}

/**
 * The limit a draft may reach. A scenario may have 1,000,000 characters (SCN002); a draft may hold more, so text
 * pasted over the limit is kept while the author cuts it down.
 */
const MAX_DRAFT_CHARS = 4_500_000;

export function readDraft(storage: KeyValueStore | null): Draft | null {
  if (!storage) return null;
  let raw: string | null = null;
  try {
    raw = storage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
  if (!raw || raw.length > MAX_DRAFT_CHARS) return null;
  try {
    const value = JSON.parse(raw) as Partial<Draft>;
    if (typeof value.text !== 'string' || typeof value.fileName !== 'string') return null;
    return {
      text: value.text,
      fileName: value.fileName.slice(0, 200),
      savedAt: typeof value.savedAt === 'string' ? value.savedAt : '',
    };
  } catch {
    return null; // damaged: the studio starts from the template, and the next keystroke overwrites it
  }
}

export type DraftWrite = { ok: true } | { ok: false; error: string };

export function writeDraft(storage: KeyValueStore | null, draft: Draft): DraftWrite {
  if (!storage)
    return { ok: false, error: 'this browser does not allow storage here: download the file to keep it' };
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return { ok: true };
  } catch (error) {
    const full = error instanceof DOMException && /quota/i.test(`${error.name} ${error.message}`);
    return {
      ok: false,
      error: full
        ? 'the browser’s storage is full: download the file to keep it'
        : 'the browser refused to store the draft: download the file to keep it',
    };
  }
}
