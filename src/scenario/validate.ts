/**
 * Schema validation: runs the zod schema and turns each issue into a located diagnostic with a fix.
 * zod paths are mapped back to YAML nodes, so every message points at the exact line and column.
 */
import type { z } from 'zod';
import { didYouMean } from './suggest';
import { quoteText, type DiagnosticCode, type DiagnosticList } from './diagnostics';
import {
  formatPath,
  keyNodeAt,
  nodeAt,
  positionAt,
  positionOf,
  type ParsedSource,
  type PathSegment,
} from './document';
import { LOCALIZED_FIELDS, scenarioSchema, TEXT_LIMITS, type ScenarioDocument } from './schema';

type Issue = z.core.$ZodIssue;

export function validateSchema(source: ParsedSource, diags: DiagnosticList): ScenarioDocument | undefined {
  const result = scenarioSchema.safeParse(source.value);
  if (result.success) return result.data;
  // zod 4 still runs length checks on a value of the wrong type (a text where a list belongs also gave
  // "18 characters; at most 8 fit on screen"): report only the wrong type at such a path.
  const key = (i: Issue): string => i.path.map(String).join('\u0000');
  const wrongType = new Set(result.error.issues.filter((i) => i.code === 'invalid_type').map(key));
  for (const issue of result.error.issues) {
    if (issue.code !== 'invalid_type' && wrongType.has(key(issue))) continue;
    report(source, diags, issue);
  }
  return undefined;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const s of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function report(source: ParsedSource, diags: DiagnosticList, issue: Issue): void {
  const path = issue.path.filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
  const where = formatPath(path);
  const at = positionAt(source, path);
  const value = valueAt(source.value, path);
  const field = describePath(source.value, path) || 'the document';
  const add = (code: DiagnosticCode, message: string, pos = at): void =>
    diags.add({ code, line: pos.line, column: pos.column, path: where, message });

  // A required field that is not there, whatever zod calls it (a missing enum read as "undefined undefined").
  const parent = path.length > 0 ? valueAt(source.value, path.slice(0, -1)) : undefined;
  const last = path[path.length - 1];
  if (
    issue.code !== 'unrecognized_keys' &&
    value === undefined &&
    last !== undefined &&
    typeof parent === 'object' &&
    parent !== null &&
    !Object.hasOwn(parent, String(last))
  ) {
    const what =
      issue.code === 'invalid_type'
        ? `: ${issue.expected} required`
        : issue.code === 'invalid_value'
          ? `; write one of: ${issue.values.map(String).join(', ')}`
          : '';
    add(
      'SCN011',
      `missing field '${String(last)}' in ${describePath(source.value, path.slice(0, -1)) || 'the document'}${what}`,
    );
    return;
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(source.value, path);
      for (const key of issue.keys) {
        const keyNode = keyNodeAt(source.doc, path, key);
        const pos = keyNode ? positionOf(source, keyNode) : at;
        const hint = didYouMean(key, known);
        const suffix = hint
          ? ` — did you mean '${hint}'?`
          : known.length > 0
            ? ` (known fields: ${known.join(', ')})`
            : '';
        diags.add({
          code: 'SCN010',
          line: pos.line,
          column: pos.column,
          path: formatPath([...path, key]),
          message: `unknown field '${quoteText(key)}' in ${field}${suffix}`,
        });
      }
      return;
    }
    case 'invalid_type': {
      if (value === undefined) {
        add(
          'SCN011',
          `missing field '${String(last ?? '')}' in ${describePath(source.value, path.slice(0, -1)) || 'the document'}: ${issue.expected} required`,
        );
      } else {
        // The commonest YAML trap: a text containing ": " becomes a mapping.
        const hint =
          issue.expected === 'string' && typeof value === 'object' && value !== null && !Array.isArray(value)
            ? ' (a text containing ": " must be put in quotes)'
            : '';
        add('SCN012', `${field} must be ${article(issue.expected)}, not ${describe(value)}${hint}`);
      }
      return;
    }
    case 'too_small':
    case 'too_big': {
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'string') {
        if (issue.code === 'too_big')
          add(
            'SCN016',
            `${field} is ${String(value).length} characters; at most ${String(limit)} fit on screen`,
          );
        else add('SCN011', `${field} must not be empty`);
      } else if (issue.origin === 'array') {
        add(
          'SCN017',
          `${field} has ${Array.isArray(value) ? value.length : 0} items; it needs ${word} ${String(limit)}`,
        );
      } else {
        const exclusive = 'inclusive' in issue && issue.inclusive === false;
        add(
          'SCN013',
          `${field} is ${String(value)}; it must be ${exclusive ? (issue.code === 'too_small' ? 'more than' : 'less than') : word} ${String(limit)}`,
        );
      }
      return;
    }
    case 'invalid_format':
      add(
        'SCN015',
        `${field}: ${issue.message}${typeof value === 'string' ? ` (got "${quoteText(value)}")` : ''}`,
      );
      return;
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (path.length === 1 && path[0] === 'format') {
        add('SCN005', `format ${describe(value)} is not supported; write \`format: 1\``);
        return;
      }
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      add(
        'SCN014',
        `${field} is ${describe(value)}; use one of: ${allowed.join(', ')}${hint ? ` — did you mean '${hint}'?` : ''}`,
      );
      return;
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = ('options' in issue ? (issue.options as unknown[]) : []).map(String);
        const hint = typeof value === 'string' ? didYouMean(value, options) : undefined;
        add(
          'SCN018',
          `${field} is ${describe(value)}; use one of: ${options.join(', ')}${hint ? ` — did you mean '${hint}'?` : ''}`,
        );
        return;
      }
      // A text or a map of texts by language (schema.ts `localized`): a map is judged as a map, anything else
      // as a text should be written.
      if (last !== undefined && LOCALIZED_FIELDS.includes(String(last))) {
        const asMap =
          'errors' in issue
            ? issue.errors.find((branch) => branch.some((i) => i.path.length > 0))
            : undefined;
        if (typeof value === 'object' && value !== null && !Array.isArray(value) && asMap) {
          for (const inner of asMap)
            report(source, diags, { ...inner, path: [...issue.path, ...inner.path] });
        } else
          add(
            'SCN012',
            `${field} must be a text, or texts by language like \`{ en: "...", sw: "..." }\`, not ${describe(value)}`,
          );
        return;
      }
      // The only plain unions are durations (a number of seconds or a text like "15m").
      if (typeof value === 'string')
        add(
          'SCN015',
          `${field}: a duration is like "90s", "15m", "4h" or "1h30m" (got "${quoteText(value)}")`,
        );
      else
        add('SCN012', `${field} must be a duration ("15m", or a number of seconds), not ${describe(value)}`);
      return;
    }
    default:
      // The duration refinement (schema.ts): a range problem, not a type problem.
      if (issue.code === 'custom' && issue.message.startsWith('a duration is at most'))
        add('SCN013', `${field}: ${issue.message} (got ${describe(value)})`);
      else add('SCN012', `${field}: ${issue.message}`);
  }
}

const ORDINAL_SUFFIX = ['th', 'st', 'nd', 'rd'];

/** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : (ORDINAL_SUFFIX[n % 10] ?? 'th')}`;
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/**
 * Where a problem is, for a person: list items one-based and named by their id when they have one —
 * `services[3].capacity` reads "the 4th service 'pharmacy', capacity"; `people.channels[0]` reads
 * "people, the 1st channel". (The diagnostic's `path` field keeps the zero-based form for tools.)
 */
export function describePath(root: unknown, path: readonly PathSegment[]): string {
  const parts: string[] = [];
  let node: unknown = root;
  for (const segment of path) {
    const next =
      typeof node === 'object' && node !== null
        ? (node as Record<string | number, unknown>)[segment]
        : undefined;
    if (typeof segment === 'number') {
      const list = parts.pop() ?? 'item';
      const id = typeof next === 'object' && next !== null ? (next as { id?: unknown }).id : undefined;
      const name = typeof id === 'string' && id !== '' ? ` '${quoteText(id, 40)}'` : '';
      parts.push(`the ${ordinal(segment + 1)} ${singular(list)}${name}`);
    } else parts.push(quoteText(segment, 60));
    node = next;
  }
  return parts.join(', ');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * The fields the schema knows at `path`, for "did you mean". Walks the zod schema alongside the data
 * (discriminated unions are resolved with the data's `type`).
 */
function knownKeys(root: unknown, path: readonly PathSegment[]): string[] {
  let schema: unknown = scenarioSchema;
  let data: unknown = root;
  for (const segment of path) {
    schema = childSchema(unwrap(schema), segment, data);
    data =
      typeof data === 'object' && data !== null
        ? (data as Record<string | number, unknown>)[segment]
        : undefined;
    if (!schema) return [];
  }
  const s = unwrap(schema, data) as { shape?: Record<string, unknown> } | undefined;
  return s?.shape ? Object.keys(s.shape) : [];
}

interface ZodLike {
  def: { type: string; innerType?: unknown; element?: unknown; valueType?: unknown; options?: unknown[] };
  shape?: Record<string, unknown>;
}

function unwrap(schema: unknown, data?: unknown): unknown {
  let s = schema as ZodLike | undefined;
  for (let i = 0; i < 10 && s; i++) {
    const t = s.def.type;
    if ((t === 'optional' || t === 'default' || t === 'nullable') && s.def.innerType)
      s = s.def.innerType as ZodLike;
    else if (t === 'union' && s.def.options) {
      const type =
        typeof data === 'object' && data !== null ? (data as Record<string, unknown>).type : undefined;
      const match = s.def.options.find((o) => {
        const lit = (o as ZodLike).shape?.type as { def?: { values?: unknown[] } } | undefined;
        return lit?.def?.values?.includes(type);
      });
      const objectOption = s.def.options.find((o) => (o as ZodLike).shape);
      s = (match ?? objectOption) as ZodLike | undefined;
      if (!s || s.shape) break;
    } else break;
  }
  return s;
}

function childSchema(schema: unknown, segment: PathSegment, data: unknown): unknown {
  const s = unwrap(schema, data) as ZodLike | undefined;
  if (!s) return undefined;
  if (s.def.type === 'array') return s.def.element;
  if (s.def.type === 'record') return s.def.valueType;
  if (s.shape && typeof segment === 'string') {
    const child = s.shape[segment];
    const childData =
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[segment] : undefined;
    return unwrap(child, childData);
  }
  return undefined;
}

export { nodeAt, TEXT_LIMITS };
