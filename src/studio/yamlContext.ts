/**
 * Where the cursor is in a YAML scenario that is being typed: the path of keys and list items above it, and
 * whether a key or a value is being written there. Line-based on purpose: text in the middle of an edit is
 * rarely valid YAML (a key without its colon yet), and the indentation says where it belongs even then.
 *
 * Handles block mappings and lists (`- ` items, several dashes on one line), and one level of flow collection
 * on the cursor's line (`- { from: portal, to: ed|` and `use: [rate-limit, w|`), which is how the shipped
 * scenarios write short items.
 */

/** A key, or `[]` for "an item of a list". */
export type PathSegment = string;

export interface CursorContext {
  /** The keys and list items enclosing the cursor, outermost first (`['services', '[]']`). */
  path: PathSegment[];
  /**
   * - `key`: a key of the mapping at `path` is being written (`prefix` is what is typed of it);
   * - `value`: the value of `key` (in the mapping at `path`) is being written;
   * - `item`: a plain list item of the list at `path` (`- rate-l`, or inside `[...]`), which may also be the
   *   first key of a mapping item: completion offers both.
   */
  kind: 'key' | 'value' | 'item';
  /** For `value`: the key whose value this is. */
  key?: string;
  /** What is typed of the word at the cursor (quotes left out). */
  prefix: string;
  /** Offset in the text where `prefix` starts (a completion replaces from here to the cursor). */
  from: number;
  /** Keys already present in the same mapping (to leave them out of key completion, and to narrow unions). */
  siblings: Record<string, string>;
}

interface Entry {
  column: number;
  /** A key, or `[]` for a dash. */
  token: PathSegment;
  /** The inline value after `key:`, trimmed ('' when none). */
  value: string;
}

const KEY_RE = /^([A-Za-z0-9_$<][\w$<-]*)\s*:(?:\s+|$)(.*)$/;

/** The dashes and the key on one line, with the column where each starts. */
function entriesOf(line: string): Entry[] {
  const entries: Entry[] = [];
  let i = 0;
  while (line[i] === ' ') i++;
  for (;;) {
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      entries.push({ column: i, token: '[]', value: '' });
      i++;
      while (line[i] === ' ') i++;
      continue;
    }
    break;
  }
  const rest = line.slice(i);
  const m = KEY_RE.exec(rest);
  if (m) entries.push({ column: i, token: m[1]!, value: stripComment(m[2]!).trim() });
  return entries;
}

function stripComment(value: string): string {
  const hash = value.search(/(^|\s)#/);
  return hash < 0 ? value : value.slice(0, hash);
}

function isSkippable(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

function unquote(value: string): string {
  return value.replace(/^['"]/, '').replace(/['"]$/, '');
}

/** The enclosing keys of a line whose content starts at `column`, by walking back to less indented lines. */
function parentsOf(lines: readonly string[], lineIndex: number, column: number): PathSegment[] {
  const parents: PathSegment[] = [];
  let need = column;
  for (let i = lineIndex - 1; i >= 0 && need > 0; i--) {
    const line = lines[i]!;
    if (isSkippable(line)) continue;
    const entries = entriesOf(line);
    if (entries.length === 0) {
      // A continuation line (block scalar text, a wrapped flow item): it encloses nothing, unless it is less
      // indented, which means we left a block scalar: keep walking.
      continue;
    }
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k]!;
      if (e.column < need) {
        parents.push(e.token);
        need = e.column;
      }
    }
  }
  return parents.reverse();
}

/**
 * Keys at exactly `column` in the same mapping as line `lineIndex`, above it (unless the line starts a list
 * item: keys above belong to the previous item) and below it.
 */
function siblingsAt(
  lines: readonly string[],
  lineIndex: number,
  column: number,
  startsItem: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  const take = (entries: Entry[]) => {
    const key = entries.find((e) => e.column === column && e.token !== '[]');
    if (key) out[key.token] = unquote(key.value);
  };
  take(entriesOf(lines[lineIndex] ?? ''));
  if (!startsItem) {
    for (let i = lineIndex - 1; i >= 0; i--) {
      if (isSkippable(lines[i]!)) continue;
      const entries = entriesOf(lines[i]!);
      if (entries.length === 0) continue;
      take(entries);
      if (entries[0]!.column < column) break;
    }
  }
  for (let i = lineIndex + 1; i < lines.length; i++) {
    if (isSkippable(lines[i]!)) continue;
    const entries = entriesOf(lines[i]!);
    if (entries.length === 0) continue;
    if (entries[0]!.column < column) break;
    take(entries);
  }
  return out;
}

/** The `{` and `[` opened on the cursor's line and not closed before the cursor, outermost first. */
function openFlows(lineBefore: string): { at: number; kind: '{' | '[' }[] {
  const stack: { at: number; kind: '{' | '[' }[] = [];
  let quote: string | null = null;
  for (let i = 0; i < lineBefore.length; i++) {
    const ch = lineBefore[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if ((ch === "'" || ch === '"') && /[\s,{[:]/.test(lineBefore[i - 1] ?? ' ')) quote = ch;
    else if (ch === '{' || ch === '[') stack.push({ at: i, kind: ch });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === '#' && (lineBefore[i - 1] ?? ' ') === ' ') break;
  }
  return stack;
}

export function cursorContext(text: string, offset: number): CursorContext {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lines = text.split('\n');
  const lineIndex = before.split('\n').length - 1;
  const lineBefore = before.slice(lineStart);

  const entries = entriesOf(lineBefore);
  const first = entries[0];
  const contentColumn = first ? first.column : lineBefore.length - lineBefore.trimStart().length;
  const path = parentsOf(lines, lineIndex, contentColumn);
  for (const e of entries) if (e.token === '[]') path.push('[]');
  const key = entries.find((e) => e.token !== '[]');
  const lastDash = entries.filter((e) => e.token === '[]').at(-1);
  // Where the mapping (or the item) written on this line starts: after the last dash.
  let itemColumn = lastDash ? lastDash.column + 1 : contentColumn;
  while (lastDash && lineBefore[itemColumn] === ' ') itemColumn++;
  if (key) itemColumn = key.column;
  const startsItem = lastDash !== undefined;

  const flows = openFlows(lineBefore);
  if (flows.length > 0) {
    let previousEnd = 0;
    let previousKind: '{' | '[' | null = null;
    for (const flow of flows) {
      if (previousKind === '[') path.push('[]');
      else {
        const owner = /([\w$-]+)\s*:\s*$/.exec(lineBefore.slice(previousEnd, flow.at));
        if (owner) path.push(owner[1]!);
      }
      previousEnd = flow.at + 1;
      previousKind = flow.kind;
    }
    const inner = lineBefore.slice(previousEnd);
    const parts = inner.split(',');
    const last = parts.at(-1)!;
    if (previousKind === '[') {
      path.push('[]');
      const prefix = unquote(last.trimStart());
      return { path, kind: 'item', prefix, from: offset - prefix.length, siblings: {} };
    }
    const siblings: Record<string, string> = {};
    for (const p of parts.slice(0, -1)) {
      const m = /^\s*([\w$-]+)\s*:\s*(.*?)\s*$/.exec(p);
      if (m) siblings[m[1]!] = unquote(m[2]!);
    }
    // Keys after the cursor in the same braces (`{ from: |, to: edge }`) are siblings too.
    const after = text.slice(
      offset,
      text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset),
    );
    const close = after.indexOf('}');
    for (const p of (close < 0 ? after : after.slice(0, close)).split(',').slice(1)) {
      const m = /^\s*([\w$-]+)\s*:\s*(.*?)\s*$/.exec(p);
      if (m) siblings[m[1]!] = unquote(m[2]!);
    }
    const kv = /^\s*([\w$-]+)\s*:\s*(.*)$/.exec(last);
    if (kv) {
      const prefix = unquote(kv[2]!);
      return { path, kind: 'value', key: kv[1]!, prefix, from: offset - prefix.length, siblings };
    }
    const prefix = last.trimStart();
    return { path, kind: 'key', prefix, from: offset - prefix.length, siblings };
  }

  if (key && /:(\s|$)/.test(lineBefore.slice(key.column))) {
    // After `key:` on this line: its value.
    const afterColon = lineBefore.slice(key.column + key.token.length).replace(/^\s*:\s*/, '');
    const prefix = unquote(afterColon);
    const siblings = siblingsAt(lines, lineIndex, key.column, startsItem);
    delete siblings[key.token];
    return { path, kind: 'value', key: key.token, prefix, from: offset - prefix.length, siblings };
  }

  const typed = lineBefore.slice(itemColumn).trimStart();
  const prefix = unquote(typed);
  const siblings = siblingsAt(lines, lineIndex, itemColumn, startsItem);
  const endsWithDash = entries.length > 0 && entries.at(-1)!.token === '[]';
  return {
    path,
    kind: endsWithDash ? 'item' : 'key',
    prefix,
    from: offset - prefix.length,
    siblings,
  };
}
