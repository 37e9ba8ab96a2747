/**
 * Parsing the text with positions: the `yaml` library's parseDocument with a LineCounter, with limits on size
 * and aliases (YAML bombs). JSON files go through the same parser (JSON is YAML), so they get the same
 * positions and messages.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { quoteText, type DiagnosticList } from './diagnostics';
import { findDeepNesting, MAX_NESTING } from './nesting';
import type { Locator, PathSegment, Position } from './locate';

export { formatPath, type PathSegment, type Position } from './locate';

/** Large enough for a generated 10,000-service city (the schema's limit, about 1.7 MB of YAML). */
/**
 * The most characters a scenario file may have (SCN002), checked before anything parses it. The shipped scenarios
 * are 13–25 KB and a 1,000-service city 172 KB; a megabyte is room for about 6,000 services. The yaml library reads
 * about 0.6 MB a second on a busy 2-core machine, so the limit also bounds how long a hostile file can hold the page.
 */
export const MAX_SOURCE_BYTES = 1_000_000;
export const MAX_ALIAS_COUNT = 50;

export interface ParsedSource {
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
  /** The text as written (positions inside scalars are found in it). */
  text: string;
}

export function parseSource(text: string, diags: DiagnosticList): ParsedSource | undefined {
  if (text.length > MAX_SOURCE_BYTES) {
    diags.add({
      code: 'SCN002',
      line: 1,
      column: 1,
      path: '',
      message: `the file has ${text.length} characters; the limit is ${MAX_SOURCE_BYTES}`,
    });
    return undefined;
  }
  const deep = findDeepNesting(text);
  if (deep) {
    diags.add({
      code: 'SCN006',
      ...offsetPosition(text, deep.offset),
      path: '',
      message: nestingMessage(),
    });
    return undefined;
  }
  const lines = new LineCounter();
  // logLevel 'error': the library must not write warnings to the console (e.g. for a `? [a]: b` key, which the
  // schema then reports as an unknown field).
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    logLevel: 'error',
  });
  // Only the first syntax error is reported (plus duplicate keys, which never cascade): the yaml library's later
  // errors are usually consequences of the first (one bad indent gave five errors on three lines).
  const first = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  const reported = doc.errors.filter((e) => e === first || e.code === 'DUPLICATE_KEY');
  for (const e of reported) {
    const pos = offsetPosition(text, e.pos[0]);
    // The library ran out of stack: nesting the scan above did not count as deep (it errs the other way, so
    // this is not expected), still said as what it is rather than as a syntax error.
    const exhausted = e.code === 'RESOURCE_EXHAUSTION';
    diags.add({
      code: exhausted ? 'SCN006' : 'SCN001',
      line: pos.line,
      column: pos.column,
      path: '',
      message: exhausted
        ? nestingMessage()
        : cleanYamlMessage(e.message) + (YAML_HINTS[e.message.split('\n')[0]!.trim()] ?? ''),
    });
  }
  if (doc.errors.length > 0) return undefined;
  if (doc.contents === null || doc.contents === undefined) {
    // Nothing but blank lines, comments or a `---`: say so, rather than "not a scenario".
    diags.add({
      code: 'SCN004',
      line: 1,
      column: 1,
      path: '',
      message:
        'the file is empty: a scenario starts with `format: 1`, then `id`, `meta`, `clock`, `services`, ... (see docs/authoring.md)',
    });
    return undefined;
  }
  if (!checkAliases(doc, lines, diags)) return undefined;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml library throws a ReferenceError when aliases expand too much ("billion laughs").
    diags.add({
      code: 'SCN003',
      line: 1,
      column: 1,
      path: '',
      message: `aliases expand too much (${e instanceof Error ? e.message : String(e)})`,
    });
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    // At the document's content (a list or text after leading comments), not at line 1.
    const start = lines.linePos((doc.contents as Node | null)?.range?.[0] ?? 0);
    diags.add({
      code: 'SCN004',
      line: start.line,
      column: start.col,
      path: '',
      message:
        'the file is not a scenario: expected a mapping with `format: 1`, `id`, `meta`, ... at the top level',
    });
    return undefined;
  }
  return { doc, lines, value, text };
}

function nestingMessage(): string {
  return `lists and mappings are nested more than ${MAX_NESTING} deep here (counting \`[\`, \`{\`, \`- \` and indentation); a scenario needs a few levels: close the brackets or reduce the indentation`;
}

/**
 * Aliases whose anchor is missing, and merge keys, found before the document is expanded: the yaml library
 * reports the first as a ReferenceError with no position (it read as "aliases expand too much" at 1:1), and
 * resolves the second into fields that then look misspelt or missing. Each is reported where it is written.
 */
function checkAliases(doc: Document.Parsed, lines: LineCounter, diags: DiagnosticList): boolean {
  let ok = true;
  const at = (node: Node) => {
    const p = lines.linePos(node.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  visit(doc, {
    Alias(_key, alias, path) {
      const target = alias.resolve(doc);
      if (target !== undefined && path.includes(target)) {
        // `&a [*a]`: the library builds a value that contains itself, which no scenario field can hold and
        // which overflowed the stack of whatever walked it next (found by the fuzz sample, seed 1c9nb8w).
        ok = false;
        diags.add({
          code: 'SCN003',
          ...at(alias),
          path: '',
          message: `the alias '*${quoteText(alias.source, 60)}' is inside the value its anchor names, so the value would contain itself: write the content out, or put the anchor on a value that ends before this alias`,
        });
      } else if (target === undefined) {
        ok = false;
        diags.add({
          code: 'SCN001',
          ...at(alias),
          path: '',
          message: `the alias '*${quoteText(alias.source, 60)}' refers to no anchor: write '&${quoteText(alias.source, 60)}' on a value before it, or write the value out here`,
        });
      }
    },
    Pair(_key, pair) {
      if (
        isScalar(pair.key) &&
        pair.key.value === '<<' &&
        (isAlias(pair.value) || isMap(pair.value) || isSeq(pair.value))
      ) {
        ok = false;
        diags.add({
          code: 'SCN010',
          ...at(pair.key),
          path: '',
          message:
            'merge keys (`<<: *name`) are not supported: write the fields out in each item (an anchor and alias can still stand for a whole value, e.g. `map: *corner`)',
        });
      }
    },
  });
  return ok;
}

/**
 * Line and column of a character offset, counted in the text itself: the LineCounter only knows the lines the
 * parser reached, and a syntax error after a premature end was placed past the end of its line (1:53 on a
 * 22-character line, found by test/scenario/fuzz.test.ts).
 */
function offsetPosition(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

/** The yaml library's wording for the commonest authoring slips, with what the author most likely did. */
const YAML_HINTS: Record<string, string> = {
  'Nested mappings are not allowed in compact mappings': ' (a text containing ": " must be put in quotes)',
  'Sequence item without - indicator':
    ' (check the indentation: the keys of one mapping must start in the same column)',
  'All mapping items must start at the same column': ' (check the indentation of this line)',
};

function cleanYamlMessage(message: string): string {
  // The library appends a code frame on some messages; the first line is the sentence.
  return message.split('\n')[0]!.trim();
}

/** The node at `path`, or the deepest existing ancestor (a missing field is reported at its parent). */
export function nodeAt(doc: Document.Parsed, path: readonly PathSegment[]): Node | undefined {
  let node: unknown = doc.contents;
  let last: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (const segment of path) {
    let next: unknown;
    if (isMap(node)) next = node.get(segment, true);
    else if (isSeq(node) && typeof segment === 'number') next = node.get(segment, true);
    else break;
    if (next === undefined || next === null) break;
    node = next;
    last = next as Node;
  }
  return last;
}

/** The key node of `key` in the mapping at `path` (for unknown fields and duplicate ids). */
export function keyNodeAt(doc: Document.Parsed, path: readonly PathSegment[], key: string): Node | undefined {
  const map = nodeAt(doc, path);
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) return item.key;
  }
  return undefined;
}

export function positionOf(source: ParsedSource, node: Node | undefined): Position {
  const offset = node?.range?.[0] ?? 0;
  const p = source.lines.linePos(offset);
  return { line: p.line, column: p.col };
}

export function positionAt(source: ParsedSource, path: readonly PathSegment[]): Position {
  return positionOf(source, nodeAt(source.doc, path));
}

/** Position of a character offset inside a scalar string at `path` (for errors inside expressions). */
export function positionInScalar(
  source: ParsedSource,
  path: readonly PathSegment[],
  offset: number,
): Position {
  const node = nodeAt(source.doc, path);
  if (!isScalar(node) || !node.range || typeof node.value !== 'string') return positionOf(source, node);
  // The value is not the text as written: quotes, escapes (\" in "…", '' in '…') and folding (a line break plus
  // the next line's indentation reads as one space) shift every later character. Counting `offset` characters
  // from the node's start pointed at the wrong column, or the wrong line for a condition written over two lines.
  // So walk the written text and the value together; a written character that is not the value's next
  // character is markup and is skipped. The walk stays inside the node, so the position is always in the file.
  const { text } = source;
  const value = node.value;
  const end = node.range[1];
  let j = node.range[0];
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') j += 1;
  else if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')
    j = Math.min(end, text.indexOf('\n', j) + 1 || end);
  for (let i = 0; i <= Math.min(offset, value.length - 1) && j < end; i++) {
    while (j < end && text[j] !== value[i]) j++;
    if (i < offset) j++;
  }
  const p = source.lines.linePos(Math.min(j, Math.max(node.range[0], end - 1)));
  return { line: p.line, column: p.col };
}

/** Positions in the parsed text, for building the scenario (build.ts). */
export function yamlLocator(source: ParsedSource): Locator {
  return {
    at: (path) => positionAt(source, path),
    key: (path, key) => positionOf(source, keyNodeAt(source.doc, path, key)),
    inScalar: (path, offset) => positionInScalar(source, path, offset),
  };
}
