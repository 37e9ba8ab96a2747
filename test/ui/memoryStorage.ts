/** An in-memory localStorage with a quota (in characters of keys and values), as browsers count it. */
import type { KeyValueStore } from '../../src/ui/saves/storage';

export class MemoryStorage implements KeyValueStore {
  readonly map = new Map<string, string>();
  constructor(private readonly capacity = Infinity) {}
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce(
      (n, [key, value]) => n + (key === k ? 0 : key.length + value.length),
      0,
    );
    if (used + k.length + v.length > this.capacity) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}
