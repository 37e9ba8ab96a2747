import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  compileExpression,
  parseExpression,
  type ExprError,
  type ExprSchema,
  type ExprType,
} from '../../src/scenario/expr/index.js';

interface State {
  minutes: number;
  services: { availability: number; status: string }[];
  trust: number[];
}
const SERVICES = ['wallet', 'mpesa'];

const schema: ExprSchema<State> = {
  variables: { minutes: { type: 'number', doc: 'minutes', get: (s) => s.minutes } },
  functions: {
    service: {
      doc: 'service',
      argKind: 'service',
      resolve: (id) => (SERVICES.includes(id) ? SERVICES.indexOf(id) : undefined),
      candidates: () => SERVICES,
      fields: {
        availability: { type: 'number', doc: '', get: (s, i) => s.services[i]?.availability ?? 0 },
        status: { type: 'string', doc: '', get: (s, i) => s.services[i]?.status ?? '' },
      },
    },
    trust: {
      doc: 'trust',
      argKind: 'audience',
      resolve: (id) => (id === 'public' ? 0 : undefined),
      candidates: () => ['public'],
      value: { type: 'number', get: (s, i) => s.trust[i] ?? 0 },
    },
  },
};

const state: State = {
  minutes: 12,
  services: [
    { availability: 0.5, status: 'up' },
    { availability: 0, status: 'down' },
  ],
  trust: [50],
};

function expectSpansInside(errors: ExprError[], src: string): void {
  for (const e of errors) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    expect(e.end).toBeLessThanOrEqual(src.length);
    expect(e.code).toMatch(/^EXP0\d\d$/);
  }
}

/** Parse and compile must not throw, spans must be in range, and anything that compiles must evaluate to its declared type. */
function checkRobust(src: string, expected: ExprType | undefined): void {
  const parsed = parseExpression(src);
  expectSpansInside(parsed.errors, src);
  const { compiled, errors } = compileExpression(src, schema, expected);
  expectSpansInside(errors, src);
  if (compiled === undefined) {
    expect(errors.length).toBeGreaterThan(0);
    return;
  }
  expect(errors).toEqual([]);
  const value = compiled.evaluate(state);
  expect(typeof value).toBe(compiled.type);
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
}

const expectedType = fc.constantFrom<ExprType | undefined>(undefined, 'boolean', 'number', 'string');

// Pieces of the grammar plus near-misses, so random sequences reach deep into the parser and compiler.
const TOKENS = [
  'and',
  'or',
  'not',
  'true',
  'false',
  'AND',
  '&&',
  '||',
  '!',
  '=',
  '(',
  ')',
  ',',
  '.',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '0',
  '1',
  '2.5',
  '1e3',
  '50%',
  '1e999',
  '.5',
  '1e',
  '12abc',
  '"wallet"',
  "'mpesa'",
  '"mpessa"',
  '"public"',
  '"up"',
  '"a\\"b"',
  '"\\n"',
  '"open',
  "'",
  'minutes',
  'minuts',
  'service',
  'trust',
  'availability',
  'status',
  'constructor',
  '__proto__',
  'x',
  'service("wallet")',
  'service("wallet").availability',
  'service("mpesa").status',
  'trust("public")',
  '#',
  '🔥',
  '\u00a0',
  '\n',
];
const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('', ' ', ' ', '  ')), { maxLength: 60 })
  .map((parts) => parts.map(([tok, sep]) => tok + sep).join(''));

// Long runs of one nesting token reach the depth and length limits.
const deepNesting = fc
  .tuple(
    fc.constantFrom('(', 'not ', '-', 'service(', '(-'),
    fc.integer({ min: 0, max: 1200 }),
    fc.constantFrom('1', 'true', '"wallet"', ''),
    fc.integer({ min: 0, max: 700 }),
  )
  .map(([open, n, middle, closers]) => open.repeat(n) + middle + ')'.repeat(closers));

// Syntactically valid but randomly typed expressions: they get past the
// parser, so they exercise name resolution and type checking.
const LEAVES = [
  '1',
  '0',
  '50%',
  'true',
  'false',
  '"up"',
  "'down'",
  'minutes',
  'minuts',
  'service',
  'nope',
  'service("wallet").availability',
  'service("mpesa").status',
  'service("wallet")',
  'service("mpessa").status',
  'service("wallet").nope',
  'service(1).status',
  'service().status',
  'trust("public")',
  'trust("public").x',
  'trust("pub")',
  'minutes()',
  'minutes.x',
  'service("wallet").status.x',
];
const BINARY_OPS = ['and', 'or', '<', '<=', '>', '>=', '==', '!=', '+', '-', '*', '/', '%'];
const { expr: wellFormed } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...LEAVES),
    tie('expr').map((e) => `not (${e})`),
    tie('expr').map((e) => `-(${e})`),
    fc
      .tuple(tie('expr'), fc.constantFrom(...BINARY_OPS), tie('expr'))
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
  ),
}));

describe('robustness properties', () => {
  it('never throws on well-formed expressions; their only errors are name/type errors', () => {
    fc.assert(
      fc.property(wellFormed, expectedType, (src, expected) => {
        checkRobust(src, expected);
        for (const e of compileExpression(src, schema, expected).errors) {
          // EXP001/EXP014: a big random tree may still hit the length or depth limit.
          if (e.code !== 'EXP001' && e.code !== 'EXP014') expect(e.code >= 'EXP020').toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings and keeps spans inside the source', () => {
    const anyString = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 2100 }),
    );
    fc.assert(fc.property(anyString, expectedType, checkRobust), { numRuns: 2000 });
  });

  it('never throws on sequences of grammar tokens', () => {
    fc.assert(fc.property(tokenSoup, expectedType, checkRobust), { numRuns: 3000 });
  });

  it('never throws on deep nesting and over-long input', () => {
    fc.assert(fc.property(deepNesting, expectedType, checkRobust), { numRuns: 2000 });
  });
});

// ---- Random arithmetic/boolean trees, printed with minimal parentheses ----
type Num =
  | { k: 'lit'; v: number }
  | { k: 'pct'; v: number }
  | { k: 'minutes' }
  | { k: 'neg'; a: Num }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '%'; a: Num; b: Num };
type Bool =
  | { k: 'bool'; v: boolean }
  | { k: 'not'; a: Bool }
  | { k: 'logic'; op: 'and' | 'or'; a: Bool; b: Bool }
  | { k: 'cmp'; op: '<' | '<=' | '>' | '>=' | '==' | '!='; a: Num; b: Num };

const { num: numArb, bool: boolArb } = fc.letrec<{ num: Num; bool: Bool }>((tie) => ({
  num: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('lit' as const), v: fc.integer({ min: 0, max: 4000 }).map((n) => n / 8) }),
    fc.record({ k: fc.constant('pct' as const), v: fc.integer({ min: 0, max: 300 }) }),
    fc.constant({ k: 'minutes' as const }),
    fc.record({ k: fc.constant('neg' as const), a: tie('num') }),
    fc.record({
      k: fc.constant('bin' as const),
      op: fc.constantFrom('+', '-', '*', '/', '%'),
      a: tie('num'),
      b: tie('num'),
    }),
  ),
  bool: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('bool' as const), v: fc.boolean() }),
    fc.record({ k: fc.constant('not' as const), a: tie('bool') }),
    fc.record({
      k: fc.constant('logic' as const),
      op: fc.constantFrom('and', 'or'),
      a: tie('bool'),
      b: tie('bool'),
    }),
    fc.record({
      k: fc.constant('cmp' as const),
      op: fc.constantFrom('<', '<=', '>', '>=', '==', '!='),
      a: tie('num'),
      b: tie('num'),
    }),
  ),
}));

// Reference semantics, written from the language description: each
// arithmetic result that is not finite becomes 0; x / 0 and x % 0 are 0.
const fin = (x: number): number => (Number.isFinite(x) ? x : 0);
function refNum(n: Num, minutes: number): number {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'pct':
      return n.v / 100;
    case 'minutes':
      return minutes;
    case 'neg':
      return -refNum(n.a, minutes);
    case 'bin': {
      const a = refNum(n.a, minutes);
      const b = refNum(n.b, minutes);
      if (n.op === '+') return fin(a + b);
      if (n.op === '-') return fin(a - b);
      if (n.op === '*') return fin(a * b);
      if (b === 0) return 0;
      return fin(n.op === '/' ? a / b : a % b);
    }
  }
}
function refBool(b: Bool, minutes: number): boolean {
  switch (b.k) {
    case 'bool':
      return b.v;
    case 'not':
      return !refBool(b.a, minutes);
    case 'logic':
      return b.op === 'and'
        ? refBool(b.a, minutes) && refBool(b.b, minutes)
        : refBool(b.a, minutes) || refBool(b.b, minutes);
    case 'cmp': {
      const x = refNum(b.a, minutes);
      const y = refNum(b.b, minutes);
      return { '<': x < y, '<=': x <= y, '>': x > y, '>=': x >= y, '==': x === y, '!=': x !== y }[b.op];
    }
  }
}

// Precedence levels, loosest first; a child is parenthesised only when its
// level is looser than its position requires, so printing exercises the parser's precedence rules.
const OR = 1;
const AND = 2;
const NOT = 3;
const CMP = 4;
const SUM = 5;
const PROD = 6;
const UNARY = 7;
function wrap(text: string, level: number, needed: number): string {
  return level < needed ? `(${text})` : text;
}
function printNum(n: Num, needed: number): string {
  switch (n.k) {
    case 'lit':
      return String(n.v);
    case 'pct':
      return `${n.v}%`;
    case 'minutes':
      return 'minutes';
    case 'neg':
      return wrap(`-${printNum(n.a, UNARY)}`, UNARY, needed);
    case 'bin': {
      const level = n.op === '+' || n.op === '-' ? SUM : PROD;
      return wrap(`${printNum(n.a, level)} ${n.op} ${printNum(n.b, level + 1)}`, level, needed);
    }
  }
}
function printBool(b: Bool, needed: number): string {
  switch (b.k) {
    case 'bool':
      return String(b.v);
    case 'not':
      return wrap(`not ${printBool(b.a, NOT)}`, NOT, needed);
    case 'logic': {
      const level = b.op === 'or' ? OR : AND;
      return wrap(`${printBool(b.a, level)} ${b.op} ${printBool(b.b, level + 1)}`, level, needed);
    }
    case 'cmp':
      return wrap(`${printNum(b.a, SUM)} ${b.op} ${printNum(b.b, SUM)}`, CMP, needed);
  }
}
describe('printed random trees evaluate like the reference', () => {
  const minutesArb = fc.integer({ min: -50, max: 500 });

  it('arithmetic', () => {
    fc.assert(
      fc.property(numArb, minutesArb, (n, minutes) => {
        const src = printNum(n, OR);
        const { compiled, errors } = compileExpression(src, schema, 'number');
        expect(errors).toEqual([]);
        expect(compiled?.evaluate({ ...state, minutes })).toBe(refNum(n, minutes));
      }),
      { numRuns: 1500 },
    );
  });

  it('boolean logic over comparisons', () => {
    fc.assert(
      fc.property(boolArb, minutesArb, (b, minutes) => {
        const src = printBool(b, OR);
        const { compiled, errors } = compileExpression(src, schema, 'boolean');
        expect(errors).toEqual([]);
        expect(compiled?.evaluate({ ...state, minutes })).toBe(refBool(b, minutes));
      }),
      { numRuns: 1500 },
    );
  });

  it('the root span is the trimmed source', () => {
    fc.assert(
      fc.property(boolArb, fc.constantFrom('', ' ', '\t '), (b, pad) => {
        const src = `${pad}${printBool(b, OR)}${pad}`;
        const { ast } = parseExpression(src);
        expect(ast && src.slice(ast.start, ast.end)).toBe(src.trim());
      }),
      { numRuns: 500 },
    );
  });
});
