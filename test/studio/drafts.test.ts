import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, readDraft, writeDraft } from '../../src/ui/studio/drafts';
import { MemoryStorage } from '../ui/memoryStorage';

describe('studio drafts in the browser’s storage', () => {
  it('reads back what was written', () => {
    const storage = new MemoryStorage();
    const draft = {
      fileName: 'my-drill.yaml',
      text: 'format: 1\nid: x\n',
      savedAt: '2026-12-01T08:00:00.000Z',
    };
    expect(writeDraft(storage, draft)).toEqual({ ok: true });
    expect(readDraft(storage)).toEqual(draft);
  });

  it('says why a draft could not be stored (full, or no storage), so the author downloads it', () => {
    const full = writeDraft(new MemoryStorage(50), {
      fileName: 'a.yaml',
      text: 'x'.repeat(100),
      savedAt: '',
    });
    expect(full).toEqual({ ok: false, error: 'the browser’s storage is full: download the file to keep it' });
    const none = writeDraft(null, { fileName: 'a.yaml', text: 'x', savedAt: '' });
    expect(none.ok).toBe(false);
  });

  it('ignores a damaged or foreign value instead of failing (the studio starts from the template)', () => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, '{not json');
    expect(readDraft(storage)).toBeNull();
    storage.setItem(DRAFT_KEY, JSON.stringify({ text: 42, fileName: 'a' }));
    expect(readDraft(storage)).toBeNull();
    expect(readDraft(new MemoryStorage())).toBeNull();
  });
});
