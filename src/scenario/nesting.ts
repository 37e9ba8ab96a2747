/**
 * How deeply a YAML text nests, measured before the yaml library parses it. The library composes nodes
 * recursively: a list nested 20,000 deep (`[[[[…`), or 1,000 `- - - …` on one line, ran it out of stack
 * ("Maximum call stack size exceeded", reported as a syntax error), and a 0.5 MB file of it took 1.5–3.8 s to
 * get there. This linear scan stops at the first place deeper than the limit, so such a file is refused at once,
 * where the nesting passes the limit, with a message that says what is wrong.
 *
 * The scan is an estimate, not a parser: it follows what decides nesting (flow brackets, block indentation,
 * `- ` and `? ` indicators) and skips what cannot nest (comments, quoted text, block scalars, plain text), and it
 * errs towards counting a level too many. The limit is far above what a scenario needs (the shipped ones nest
 * at most 9 deep) and far below where the library fails (it composes 400 levels of every kind in under 0.1 s).
 */

/** Deepest nesting accepted: lists and mappings inside each other, in flow (`[`, `{`) and block style together. */
export const MAX_NESTING = 100;

export interface DeepNesting {
  /** Character offset of the node that goes past the limit. */
  offset: number;
  depth: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

/** The first place `text` nests deeper than `limit`, or undefined. */
export function findDeepNesting(text: string, limit = MAX_NESTING): DeepNesting | undefined {
  // The open block nodes (innermost last): the column each starts at, and whether it is a list, whose items
  // (`- `) may sit at the same column as the key that holds the list.
  const block: { column: number; list: boolean }[] = [];
  let flow = 0;
  let lineStart = 0;
  // At a place where a node may start (start of line, after `- `, `? `, `: `, or inside flow after `[`, `{`, `,`).
  let nodeStart = true;
  // The column of the last node started in block style: where its mapping starts if a `: ` follows.
  let nodeColumn = 0;
  // Just after a quoted scalar or a closing bracket, where a `:` may touch what follows (JSON).
  let afterJson = false;
  // A block scalar (`|` or `>`) skips the lines indented more than the line that introduced it.
  let scalarIndent = -1;
  const n = text.length;
  let i = 0;

  const depth = () => block.length + flow;
  const top = () => block[block.length - 1];
  /** A line whose first node starts at `column`: it closes every block node at or right of that column. */
  const lineAt = (column: number) => {
    while ((top()?.column ?? -1) >= column) block.pop();
    block.push({ column, list: false });
  };
  /** A `- ` or `? ` at `column`: an item of the list there (a sibling of an item at that column). */
  const itemAt = (column: number) => {
    while (block.length > 0 && (top()!.column > column || (top()!.column === column && top()!.list)))
      block.pop();
    block.push({ column, list: true });
  };
  /** A `: ` after a key that started at `column`: a mapping there, unless the line already opened it. */
  const keyAt = (column: number) => {
    const t = top();
    if (t && t.column === column && !t.list) return;
    while ((top()?.column ?? -1) > column) block.pop();
    block.push({ column, list: false });
  };
  const tooDeep = (at: number): DeepNesting | undefined =>
    depth() > limit ? { offset: at, depth: depth() } : undefined;

  // The text starts a line as if after a line break (`atBreak` without consuming one).
  let atBreak = true;
  while (i < n) {
    const c = text[i]!;
    if (atBreak || isBreak(c)) {
      if (!atBreak) i++;
      atBreak = false;
      lineStart = i;
      nodeStart = true;
      // The first character of the next line that is not a space: its indentation decides the block level.
      let j = i;
      while (j < n && isSpace(text[j])) j++;
      const indent = j - i;
      if (scalarIndent >= 0) {
        if (j >= n || isBreak(text[j]) || indent > scalarIndent) {
          i = j;
          while (i < n && !isBreak(text[i])) i++;
          continue;
        }
        scalarIndent = -1;
      }
      i = j;
      const first = text[i];
      const indicator =
        (first === '-' || first === '?') && (i + 1 >= n || isSpace(text[i + 1]) || isBreak(text[i + 1]));
      if (flow === 0 && i < n && !isBreak(first) && first !== '#' && !indicator) {
        lineAt(indent);
        const deep = tooDeep(i);
        if (deep) return deep;
      }
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#' && (i === lineStart || isSpace(text[i - 1]))) {
      while (i < n && !isBreak(text[i])) i++;
      continue;
    }
    const prevJson = afterJson;
    afterJson = false;
    if (nodeStart && flow === 0) nodeColumn = i - lineStart;
    if (nodeStart && (c === '"' || c === "'")) {
      i = skipQuoted(text, i);
      nodeStart = false;
      afterJson = true;
      continue;
    }
    if ((nodeStart || flow > 0) && (c === '[' || c === '{')) {
      flow++;
      const deep = tooDeep(i);
      if (deep) return deep;
      i++;
      nodeStart = true;
      continue;
    }
    if (flow > 0 && (c === ']' || c === '}')) {
      flow--;
      i++;
      nodeStart = false;
      afterJson = true;
      continue;
    }
    if (flow > 0 && c === ',') {
      i++;
      nodeStart = true;
      continue;
    }
    const next = text[i + 1];
    const indicator = next === undefined || isSpace(next) || isBreak(next);
    if (nodeStart && flow === 0 && (c === '-' || c === '?') && indicator) {
      // `- - - x`: each indicator opens a node one level deeper, on the same line.
      itemAt(i - lineStart);
      const deep = tooDeep(i);
      if (deep) return deep;
      i++;
      continue;
    }
    // In flow style a `:` may touch its value after a quoted key or a closing bracket (JSON's `"k":"v"`).
    const touching = flow > 0 && (next === ',' || next === ']' || next === '}' || prevJson);
    if (c === ':' && (indicator || touching)) {
      if (flow === 0) {
        keyAt(nodeColumn);
        const deep = tooDeep(i);
        if (deep) return deep;
      }
      i++;
      nodeStart = true;
      continue;
    }
    if (nodeStart && flow === 0 && (c === '|' || c === '>')) {
      // Its lines are those indented more than the block node that holds it (`key: |`, `- - |`).
      scalarIndent = top()?.column ?? -1;
      while (i < n && !isBreak(text[i])) i++;
      continue;
    }
    // Plain text: nothing in it nests until the next indicator.
    nodeStart = false;
    i++;
  }
  return undefined;
}

/** The offset just after the quoted scalar starting at `start` (to the end of the text if it is not closed). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (quote === '"' && c === '\\') i += 2;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}
