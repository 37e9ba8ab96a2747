/**
 * Completion and hover docs for the studio's editor, as pure functions of the text, the cursor and the JSON
 * Schema (the editor adapter in src/ui/studio only turns them into CodeMirror's shapes):
 *   - keys a mapping may have at the cursor (required ones first), with their type and range;
 *   - values a field may take: enums and constants from the schema, and the ids this file defines where a
 *     reference is expected (a dependency's `from`, an effect's `inject`, `mitigations.use` items, ...);
 *   - inside a condition (`when:`), the names of the condition language and the ids inside `service("…")`.
 */
import { describeType, keysOf, literalValues, schemasAt, type JsonSchema } from './schemaWalk';
import { definedIds, referenceKind, type DefinedIds, type IdKind } from './ids';
import { cursorContext, type PathSegment } from './yamlContext';

export interface Completion {
  label: string;
  /** What is inserted (default: the label). */
  apply?: string;
  type: 'property' | 'enum' | 'variable' | 'function' | 'constant';
  /** Short, shown beside the label. */
  detail?: string;
  /** Longer, shown in the info box. */
  info?: string;
}

export interface CompletionResult {
  /** Offset where the replaced text starts (the cursor is the end). */
  from: number;
  options: Completion[];
}

/** Names of the condition language, with their documentation (src/scenario/exprEnv.ts is the authority). */
export interface ExpressionName {
  name: string;
  kind: 'variable' | 'function';
  doc: string;
  /** For functions whose argument is an id. */
  argKind?: IdKind;
  /** For functions followed by `.field` (`service("x").availability`). */
  fields?: { name: string; doc: string }[];
}

export interface CompletionSources {
  schema: JsonSchema;
  /** The condition language's names; none means no completion inside conditions. */
  expressionNames?: readonly ExpressionName[];
}

const CONDITION_KEYS = new Set(['when']);

function idOptions(ids: DefinedIds, kind: IdKind): Completion[] {
  return ids[kind].map((id) => ({ label: id, type: 'constant', detail: `${kind} id` }));
}

function pathText(path: readonly PathSegment[], key?: string): string {
  const parts = key === undefined ? path : [...path, key];
  return parts.join('.').replace(/\.\[\]/g, '[]') || '(top level)';
}

/** Inside `service("wal|` or at a name in a condition: what to offer there. */
function completeCondition(
  lineBefore: string,
  offset: number,
  ids: () => DefinedIds,
  names: readonly ExpressionName[],
): CompletionResult | null {
  const arg = /\b([a-z]+)\(\s*["']([\w-]*)$/.exec(lineBefore);
  if (arg) {
    const fn = names.find((n) => n.kind === 'function' && n.name === arg[1]);
    if (!fn?.argKind) return null;
    return { from: offset - arg[2]!.length, options: idOptions(ids(), fn.argKind) };
  }
  const field = /\b([a-z]+)\(\s*["'][\w-]*["']\s*\)\.(\w*)$/.exec(lineBefore);
  if (field) {
    const fn = names.find((n) => n.kind === 'function' && n.name === field[1]);
    if (!fn?.fields?.length) return null;
    return {
      from: offset - field[2]!.length,
      options: fn.fields.map((f) => ({
        label: f.name,
        type: 'property',
        detail: `${fn.name}(…).${f.name}`,
        info: f.doc,
      })),
    };
  }
  const word = /[A-Za-z_]\w*$/.exec(lineBefore)?.[0] ?? '';
  const options: Completion[] = names.map((n) => ({
    label: n.name,
    apply: n.kind === 'function' ? `${n.name}("` : n.name,
    type: n.kind,
    detail: n.kind === 'function' ? `${n.name}("…")` : 'number',
    info: n.doc,
  }));
  return { from: offset - word.length, options };
}

export function completeAt(
  text: string,
  offset: number,
  sources: CompletionSources,
): CompletionResult | null {
  const ctx = cursorContext(text, offset);
  let cachedIds: DefinedIds | undefined;
  const ids = () => (cachedIds ??= definedIds(text));
  const lineBefore = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);

  if (ctx.kind === 'value' && ctx.key !== undefined && CONDITION_KEYS.has(ctx.key)) {
    return sources.expressionNames
      ? completeCondition(lineBefore, offset, ids, sources.expressionNames)
      : null;
  }

  if (ctx.kind === 'value' && ctx.key !== undefined) {
    const ref = referenceKind(ctx.path, ctx.key);
    if (ref) return { from: ctx.from, options: idOptions(ids(), ref) };
    const schemas = schemasAt(sources.schema, [...ctx.path, ctx.key]);
    const values = literalValues(schemas);
    if (values.length === 0) return null;
    return {
      from: ctx.from,
      options: values.map((v) => ({ label: v, type: 'enum', detail: pathText(ctx.path, ctx.key) })),
    };
  }

  const options: Completion[] = [];
  if (ctx.kind === 'item') {
    const ref = referenceKind(ctx.path.slice(0, -1), undefined);
    if (ref) options.push(...idOptions(ids(), ref));
    options.push(
      ...literalValues(schemasAt(sources.schema, ctx.path)).map((v): Completion => ({
        label: v,
        type: 'enum',
        detail: pathText(ctx.path),
      })),
    );
  }
  // A key of the mapping at the cursor (for a fresh list item, of the item's mapping).
  const schemas = schemasAt(sources.schema, ctx.path, ctx.siblings);
  const keys = keysOf(schemas)
    .filter((k) => !(k.key in ctx.siblings))
    .sort((a, b) => Number(b.required) - Number(a.required));
  for (const k of keys) {
    options.push({
      label: k.key,
      apply: `${k.key}: `,
      type: 'property',
      detail: `${k.required ? 'required · ' : ''}${describeType(k.schema)}`,
      info: hoverText(pathText(ctx.path, k.key), k.schema, k.required),
    });
  }
  return options.length > 0 ? { from: ctx.from, options } : null;
}

function hoverText(where: string, schema: JsonSchema, required: boolean): string {
  const lines = [`${where}${required ? ' (required)' : ''}`, describeType(schema)];
  if (schema.description) lines.push(schema.description);
  if (schema.default !== undefined) lines.push(`Default: ${JSON.stringify(schema.default)}`);
  return lines.join('\n');
}

export interface Hover {
  from: number;
  to: number;
  text: string;
}

/** Documentation for the key under `offset` (its path, type, range, description), or what a reference names. */
export function hoverAt(text: string, offset: number, sources: CompletionSources): Hover | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEndRaw < 0 ? text.length : lineEndRaw);
  const at = offset - lineStart;
  const wordRe = /[A-Za-z0-9_$][\w$-]*/g;
  for (let m = wordRe.exec(line); m; m = wordRe.exec(line)) {
    const start = m.index;
    const end = start + m[0].length;
    if (at < start || at > end) continue;
    const from = lineStart + start;
    const to = lineStart + end;
    const isKey = /^\s*:(\s|$)/.test(line.slice(end));
    if (isKey) {
      const ctx = cursorContext(text, to);
      const schemas = schemasAt(sources.schema, [...ctx.path, m[0]]);
      if (schemas.length === 0) return null;
      const parent = keysOf(schemasAt(sources.schema, ctx.path, ctx.siblings)).find((k) => k.key === m[0]);
      return { from, to, text: hoverText(pathText(ctx.path, m[0]), schemas[0]!, parent?.required ?? false) };
    }
    const fn = sources.expressionNames?.find((n) => n.name === m[0]);
    if (fn && /^\s*\(/.test(line.slice(end)) === (fn.kind === 'function')) {
      return { from, to, text: `${fn.name}${fn.kind === 'function' ? '("…")' : ''}\n${fn.doc}` };
    }
    const ctx = cursorContext(text, to);
    if (ctx.kind === 'value' || ctx.kind === 'item') {
      const ref = referenceKind(ctx.kind === 'item' ? ctx.path.slice(0, -1) : ctx.path, ctx.key);
      if (ref) {
        const known = definedIds(text)[ref].includes(m[0]);
        return {
          from,
          to,
          text: known ? `The ${ref} “${m[0]}”.` : `No ${ref} “${m[0]}” is defined in this file.`,
        };
      }
    }
    return null;
  }
  return null;
}
