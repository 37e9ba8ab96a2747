// Type-checks a parsed expression against a schema and turns it into a tree
// of closures. All name lookups (variables, functions, ids, fields) happen
// here, once, at compile time; the closures only call schema getters with
// pre-resolved indices, so evaluation does no string work, no Map lookups and
// no allocation, and can run every simulated second.
//
// Numeric safety: scenario conditions must never see NaN or Infinity, so every
// arithmetic result and every number read from state is passed through
// `finite`, which maps NaN/±Infinity to 0. In particular x / 0 and x % 0 are 0.
import { didYouMean } from '../suggest.js';
import {
  exprError,
  type ArithOp,
  type Binary,
  type Call,
  type CompareOp,
  type Expr,
  type ExprError,
  type ExprErrorCode,
  type Identifier,
  type Member,
  type Span,
  type Unary,
} from './ast.js';
import { parseExpression } from './parser.js';

export type ExprType = 'number' | 'boolean' | 'string';
export type ExprValue = number | boolean | string;

/** What a value can be, so that a comparison that can never be true is an error, not a silent no-op. */
export interface ExprDomain {
  /** The only texts a string value takes (a status compared with "dwn" is a typo). */
  values?: readonly string[];
  /** The least and greatest a number takes, and how to say so ("availability is between 0 and 1"). */
  range?: { min: number; max: number; text: string; clock?: boolean };
}

export interface ExprVariable<S> extends ExprDomain {
  type: ExprType;
  doc: string;
  get: (s: S) => ExprValue;
}

export interface ExprField<S> extends ExprDomain {
  type: ExprType;
  doc: string;
  get: (s: S, index: number) => ExprValue;
}

export interface ExprFunction<S> {
  doc: string;
  /** What the id names, e.g. 'service': used in messages ("unknown service 'x'"). */
  argKind: string;
  /** id -> index, called at COMPILE time only; undefined means unknown id. */
  resolve: (id: string) => number | undefined;
  /** Known ids, for did-you-mean and docs. */
  candidates: () => readonly string[];
  /** Present when the call itself is a value, e.g. trust("public"). */
  value?: { type: ExprType; get: (s: S, index: number) => ExprValue };
  /** Present when the call must be followed by `.field`, e.g. service("x").availability. */
  fields?: Record<string, ExprField<S>>;
}

export interface ExprSchema<S> {
  variables: Record<string, ExprVariable<S>>;
  functions: Record<string, ExprFunction<S>>;
}

/** One resolved function call; the span covers the whole call, name to ')'. */
export interface ExprReference {
  kind: string;
  id: string;
  index: number;
  start: number;
  end: number;
}

export interface CompiledExpr<S> {
  type: ExprType;
  evaluate: (s: S) => ExprValue;
  references: ExprReference[];
}

type Typed<S> =
  | { type: 'number'; fn: (s: S) => number }
  | { type: 'boolean'; fn: (s: S) => boolean }
  | { type: 'string'; fn: (s: S) => string };

const COMPARE_OPS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);

const TYPE_WORDS: Record<ExprType, string> = { number: 'a number', boolean: 'true/false', string: 'text' };

function finite(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

/** Own-property lookup: a name like "constructor" must not reach Object.prototype. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Wraps an untyped schema getter so the closure's result always has the declared type. */
function typedGetter<S>(type: ExprType, get: (s: S) => ExprValue): Typed<S> {
  switch (type) {
    case 'number':
      return {
        type,
        fn: (s) => {
          const v = get(s);
          return typeof v === 'number' ? finite(v) : 0;
        },
      };
    case 'boolean':
      return { type, fn: (s) => get(s) === true };
    case 'string':
      return {
        type,
        fn: (s) => {
          const v = get(s);
          return typeof v === 'string' ? v : '';
        },
      };
  }
}

function quoteList(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((n) => `'${n}'`);
  return names.length > 12 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** " — did you mean 'x'?" or " (known services: …)"; never empty-handed when there is something to offer. */
function hint(word: string, candidates: readonly string[], plural: string): string {
  const guess = didYouMean(word, candidates);
  if (guess !== undefined) return ` — did you mean '${guess}'?`;
  return candidates.length > 0 ? ` (known ${plural}: ${quoteList(candidates)})` : '';
}

/** An example call for messages, e.g. `service("wallet").availability`. */
function example<S>(name: string, fn: ExprFunction<S>): string {
  const id = fn.candidates()[0] ?? 'id';
  const field = fn.fields === undefined ? undefined : Object.keys(fn.fields)[0];
  return `${name}(${JSON.stringify(id)})${field === undefined || fn.value !== undefined ? '' : `.${field}`}`;
}

class Compiler<S> {
  readonly errors: ExprError[] = [];
  readonly references: ExprReference[] = [];
  /** The variable or field each name node reads, with what its values can be (for `neverTrue`). */
  private readonly domains = new Map<Expr, { name: string; domain: ExprDomain }>();

  constructor(
    private readonly schema: ExprSchema<S>,
    private readonly src: string,
  ) {}

  private error(code: ExprErrorCode, message: string, span: Span): undefined {
    this.errors.push(exprError(code, message, span));
    return undefined;
  }

  compile(e: Expr): Typed<S> | undefined {
    switch (e.kind) {
      case 'number': {
        const v = e.value;
        return { type: 'number', fn: () => v };
      }
      case 'string': {
        const v = e.value;
        return { type: 'string', fn: () => v };
      }
      case 'boolean': {
        const v = e.value;
        return { type: 'boolean', fn: () => v };
      }
      case 'ident':
        return this.variable(e);
      case 'call':
        return this.bareCall(e);
      case 'member':
        return this.member(e);
      case 'unary':
        return this.unary(e);
      case 'binary':
        return this.binary(e);
    }
  }

  private variable(e: Identifier): Typed<S> | undefined {
    const v = own(this.schema.variables, e.name);
    if (v !== undefined) {
      this.domains.set(e, { name: e.name, domain: v });
      return typedGetter(v.type, v.get);
    }
    const fn = own(this.schema.functions, e.name);
    if (fn !== undefined) {
      return this.error(
        'EXP027',
        `'${e.name}' is a function; call it with a quoted ${fn.argKind} id, e.g. ${example(e.name, fn)}`,
        e,
      );
    }
    return this.error(
      'EXP020',
      `unknown variable '${e.name}'${hint(e.name, Object.keys(this.schema.variables), 'variables')}`,
      e,
    );
  }

  /** Checks the function name and its single quoted id; records the reference. */
  private resolveCall(e: Call): { fn: ExprFunction<S>; index: number } | undefined {
    const name = e.callee.name;
    const fn = own(this.schema.functions, name);
    if (fn === undefined) {
      if (own(this.schema.variables, name) !== undefined) {
        return this.error('EXP028', `'${name}' is a variable, not a function; remove the parentheses`, e);
      }
      return this.error(
        'EXP021',
        `unknown function '${name}'${hint(name, Object.keys(this.schema.functions), 'functions')}`,
        e.callee,
      );
    }
    const arg = e.args[0];
    if (e.args.length !== 1 || arg === undefined) {
      return this.error(
        'EXP022',
        `${name}(…) takes exactly one quoted ${fn.argKind} id, e.g. ${example(name, fn)}`,
        e,
      );
    }
    if (arg.kind !== 'string') {
      return this.error('EXP022', `the ${fn.argKind} id must be quoted text, e.g. ${example(name, fn)}`, arg);
    }
    const index = fn.resolve(arg.value);
    if (index === undefined) {
      return this.error(
        'EXP023',
        `unknown ${fn.argKind} '${arg.value}'${hint(arg.value, fn.candidates(), `${fn.argKind} ids`)}`,
        arg,
      );
    }
    this.references.push({ kind: fn.argKind, id: arg.value, index, start: e.start, end: e.end });
    return { fn, index };
  }

  /** A call not followed by `.field`: only valid for functions with a value. */
  private bareCall(e: Call): Typed<S> | undefined {
    const r = this.resolveCall(e);
    if (r === undefined) return undefined;
    const value = r.fn.value;
    if (value !== undefined) {
      const { get } = value;
      const index = r.index;
      return typedGetter(value.type, (s) => get(s, index));
    }
    if (r.fn.fields !== undefined) {
      const fields = quoteList(Object.keys(r.fn.fields));
      return this.error(
        'EXP025',
        `${e.callee.name}(…) needs a field, e.g. ${example(e.callee.name, r.fn)} (fields: ${fields})`,
        e,
      );
    }
    return this.error(
      'EXP029',
      `schema error: function '${e.callee.name}' has neither a value nor fields`,
      e.callee,
    );
  }

  private member(e: Member): Typed<S> | undefined {
    const object = e.object;
    if (object.kind !== 'call') {
      // Still compile the left side so its own mistakes are reported too.
      const inner = this.compile(object);
      if (inner === undefined) return undefined;
      const what = object.kind === 'member' ? 'a field value' : TYPE_WORDS[inner.type];
      return this.error(
        'EXP026',
        `'.${e.field.name}' is not allowed here: only a call such as service("id") has fields, and this is ${what}`,
        e.field,
      );
    }
    const r = this.resolveCall(object);
    if (r === undefined) return undefined;
    const fields = r.fn.fields;
    if (fields === undefined) {
      return this.error(
        'EXP026',
        `${object.callee.name}(…) has no fields; use it directly, e.g. ${example(object.callee.name, r.fn)}`,
        e.field,
      );
    }
    const field = own(fields, e.field.name);
    if (field === undefined) {
      const names = Object.keys(fields);
      const guess = didYouMean(e.field.name, names);
      const guessText = guess === undefined ? '' : ` — did you mean '${guess}'?`;
      return this.error(
        'EXP024',
        `unknown ${r.fn.argKind} field '${e.field.name}'${guessText} (fields: ${quoteList(names)})`,
        e.field,
      );
    }
    const { get } = field;
    const index = r.index;
    this.domains.set(e, { name: e.field.name, domain: field });
    return typedGetter(field.type, (s) => get(s, index));
  }

  private unary(e: Unary): Typed<S> | undefined {
    const operand = this.compile(e.operand);
    if (operand === undefined) return undefined;
    if (e.op === 'not') {
      if (operand.type !== 'boolean') {
        return this.error(
          'EXP030',
          `'not' needs true/false, but this is ${TYPE_WORDS[operand.type]}`,
          e.operand,
        );
      }
      const f = operand.fn;
      return { type: 'boolean', fn: (s) => !f(s) };
    }
    if (operand.type !== 'number') {
      return this.error('EXP031', `'-' needs a number, but this is ${TYPE_WORDS[operand.type]}`, e.operand);
    }
    const f = operand.fn;
    return { type: 'number', fn: (s) => -f(s) };
  }

  /** A comparison of a value with a literal it can never equal or reach; undefined when it can be true. */
  private neverTrue(e: Binary): Typed<S> | undefined | 'fine' {
    const flipped: Partial<Record<string, CompareOp>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
    const onLeft = this.domains.get(e.left);
    const known = onLeft ?? this.domains.get(e.right);
    const literal = onLeft ? e.right : e.left;
    if (!known) return 'fine';
    const op = (onLeft ? e.op : (flipped[e.op] ?? e.op)) as CompareOp;
    const { values, range } = known.domain;
    if (
      values &&
      literal.kind === 'string' &&
      (op === '==' || op === '!=') &&
      !values.includes(literal.value)
    ) {
      const guess = didYouMean(literal.value, values);
      return this.error(
        'EXP034',
        `"${literal.value}" is never a ${known.name}: it is one of ${values.map((v) => `"${v}"`).join(', ')}${guess === undefined ? '' : ` — did you mean "${guess}"?`}`,
        literal,
      );
    }
    const n =
      literal.kind === 'number'
        ? literal.value
        : literal.kind === 'unary' && literal.op === '-' && literal.operand.kind === 'number'
          ? -literal.operand.value
          : undefined;
    if (range && n !== undefined) {
      const never =
        (op === '>' && n >= range.max) ||
        (op === '>=' && n > range.max) ||
        (op === '<' && n <= range.min) ||
        (op === '<=' && n < range.min) ||
        (op === '==' && (n < range.min || n > range.max));
      if (never)
        return range.clock
          ? this.error('EXP036', `${range.text}, so this is never true and the inject could never fire`, e)
          : this.error('EXP035', `${range.text}, so this comparison with ${n} is never true`, e);
    }
    return 'fine';
  }

  private binary(e: Binary): Typed<S> | undefined {
    // Compile both sides before giving up so mistakes on both are reported.
    const left = this.compile(e.left);
    const right = this.compile(e.right);
    if (left === undefined || right === undefined) return undefined;
    if (e.op !== 'and' && e.op !== 'or' && COMPARE_OPS.has(e.op) && this.neverTrue(e) !== 'fine')
      return undefined;
    switch (e.op) {
      case 'and':
      case 'or': {
        const l = this.expectBoolean(left, e.left, e.op);
        const r = this.expectBoolean(right, e.right, e.op);
        if (l === undefined || r === undefined) return undefined;
        return { type: 'boolean', fn: e.op === 'and' ? (s) => l(s) && r(s) : (s) => l(s) || r(s) };
      }
      case '==':
      case '!=': {
        if (left.type !== right.type) {
          const message = `'${e.op}' compares ${TYPE_WORDS[left.type]} with ${TYPE_WORDS[right.type]}; both sides must be the same type`;
          return this.error('EXP032', message, e);
        }
        const l: (s: S) => ExprValue = left.fn;
        const r: (s: S) => ExprValue = right.fn;
        return { type: 'boolean', fn: e.op === '==' ? (s) => l(s) === r(s) : (s) => l(s) !== r(s) };
      }
      default: {
        const l = this.expectNumber(left, e.left, e.op);
        const r = this.expectNumber(right, e.right, e.op);
        if (l === undefined || r === undefined) return undefined;
        return numericOp(e.op, l, r);
      }
    }
  }

  private expectBoolean(t: Typed<S>, span: Span, op: string): ((s: S) => boolean) | undefined {
    if (t.type === 'boolean') return t.fn;
    const fix = t.type === 'number' ? ' (compare it, e.g. … > 0)' : ' (compare it, e.g. … == "down")';
    return this.error(
      'EXP030',
      `'${op}' needs true/false on both sides, but this is ${TYPE_WORDS[t.type]}${fix}`,
      span,
    );
  }

  private expectNumber(t: Typed<S>, span: Span, op: string): ((s: S) => number) | undefined {
    if (t.type === 'number') return t.fn;
    const fix = t.type === 'string' && isCompare(op) ? "; text can only be compared with '==' or '!='" : '';
    return this.error('EXP031', `'${op}' needs numbers, but this is ${TYPE_WORDS[t.type]}${fix}`, span);
  }

  /** Final check against the type the caller needs (e.g. a trigger condition must be boolean). */
  checkExpected(ast: Expr, actual: ExprType, expected: ExprType): void {
    if (actual === expected) return;
    const text = this.src.slice(ast.start, ast.end);
    let message = `this must be ${TYPE_WORDS[expected]}, but it is ${TYPE_WORDS[actual]}`;
    if (expected === 'boolean') {
      const fix = actual === 'number' ? `${text} > 0` : `${text} == "…"`;
      message = `this condition must be true or false, but it is ${TYPE_WORDS[actual]}; did you mean \`${fix}\`?`;
    }
    this.error('EXP033', message, ast);
  }
}

function isCompare(op: string): boolean {
  return op === '<' || op === '<=' || op === '>' || op === '>=';
}

/** One specialised closure per operator, chosen now so evaluation never switches on strings. */
type NumericOp = ArithOp | '<' | '<=' | '>' | '>=';

function numericOp<S>(op: NumericOp, l: (s: S) => number, r: (s: S) => number): Typed<S> {
  switch (op) {
    case '<':
      return { type: 'boolean', fn: (s) => l(s) < r(s) };
    case '<=':
      return { type: 'boolean', fn: (s) => l(s) <= r(s) };
    case '>':
      return { type: 'boolean', fn: (s) => l(s) > r(s) };
    case '>=':
      return { type: 'boolean', fn: (s) => l(s) >= r(s) };
    case '+':
      return { type: 'number', fn: (s) => finite(l(s) + r(s)) };
    case '-':
      return { type: 'number', fn: (s) => finite(l(s) - r(s)) };
    case '*':
      return { type: 'number', fn: (s) => finite(l(s) * r(s)) };
    case '/':
      return {
        type: 'number',
        fn: (s) => {
          const d = r(s);
          return d === 0 ? 0 : finite(l(s) / d);
        },
      };
    case '%':
      return {
        type: 'number',
        fn: (s) => {
          const d = r(s);
          return d === 0 ? 0 : finite(l(s) % d);
        },
      };
  }
}

/**
 * Parses, type-checks and compiles `src`. Never throws for any source text
 * (schema callbacks are trusted). `compiled` is present only when there are
 * no errors at all.
 */
export function compileExpression<S>(
  src: string,
  schema: ExprSchema<S>,
  expected?: ExprType,
): { compiled?: CompiledExpr<S>; errors: ExprError[] } {
  const parsed = parseExpression(src);
  if (parsed.ast === undefined) return { errors: parsed.errors };
  const compiler = new Compiler(schema, src);
  const result = compiler.compile(parsed.ast);
  if (result !== undefined && expected !== undefined)
    compiler.checkExpected(parsed.ast, result.type, expected);
  const errors = [...parsed.errors, ...compiler.errors].sort((a, b) => a.start - b.start || a.end - b.end);
  if (result === undefined || errors.length > 0) return { errors };
  return { compiled: { type: result.type, evaluate: result.fn, references: compiler.references }, errors };
}

/**
 * Markdown list of everything an author can use with `schema`, for generated
 * docs: variables with type and doc, functions with their ids, value type and
 * fields. Order follows the schema's own key order.
 */
export function describeSchema<S>(schema: ExprSchema<S>): string {
  const lines: string[] = ['### Variables', ''];
  for (const [name, v] of Object.entries(schema.variables)) {
    lines.push(`- \`${name}\` (${v.type}): ${v.doc}`);
  }
  lines.push('', '### Functions', '');
  for (const [name, fn] of Object.entries(schema.functions)) {
    const valueType = fn.value === undefined ? '' : ` (${fn.value.type})`;
    lines.push(`- \`${name}("<${fn.argKind}>")\`${valueType}: ${fn.doc}`);
    const ids = fn.candidates();
    if (ids.length > 0) lines.push(`  - ${fn.argKind} ids: ${ids.map((id) => `\`${id}\``).join(', ')}`);
    for (const [field, f] of Object.entries(fn.fields ?? {})) {
      lines.push(`  - \`.${field}\` (${f.type}): ${f.doc}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
