import { describe, it, expect } from 'vitest';
import {
  EXPR_ERROR_CODES,
  compileExpression,
  describeSchema,
  parseExpression,
  type ExprSchema,
  type ExprType,
} from '../../src/scenario/expr/index.js';
import { didYouMean } from '../../src/scenario/suggest.js';

// A small fake of the simulation state and schema, independent of the engine.
interface State {
  minutes: number;
  services: { availability: number; status: string }[];
  trust: number[];
}
const SERVICES = ['wallet', 'mpesa', 'portal'];
const AUDIENCES = ['public', 'press'];

function indexIn(list: readonly string[]) {
  return (id: string): number | undefined => {
    const i = list.indexOf(id);
    return i < 0 ? undefined : i;
  };
}

const schema: ExprSchema<State> = {
  variables: {
    minutes: {
      type: 'number',
      doc: 'Simulated minutes since the drill started.',
      get: (s) => s.minutes,
      range: { min: 0, max: 120, text: 'the drill lasts 120 minutes', clock: true },
    },
  },
  functions: {
    service: {
      doc: 'A digital service.',
      argKind: 'service',
      resolve: indexIn(SERVICES),
      candidates: () => SERVICES,
      fields: {
        availability: {
          type: 'number',
          doc: 'Share of requests served, 0..1.',
          get: (s, i) => s.services[i]?.availability ?? 0,
          range: { min: 0, max: 1, text: 'availability is between 0 and 1' },
        },
        status: {
          type: 'string',
          doc: 'up, degraded or down.',
          get: (s, i) => s.services[i]?.status ?? '',
          values: ['up', 'degraded', 'down'],
        },
      },
    },
    trust: {
      doc: 'Trust of an audience, 0..100.',
      argKind: 'audience',
      resolve: indexIn(AUDIENCES),
      candidates: () => AUDIENCES,
      value: { type: 'number', get: (s, i) => s.trust[i] ?? 0 },
    },
  },
};

function makeState(): State {
  return {
    minutes: 40,
    services: [
      { availability: 0.3, status: 'down' },
      { availability: 1, status: 'up' },
      { availability: 0.9, status: 'degraded' },
    ],
    trust: [35, 80],
  };
}

function evaluate(src: string, state: State = makeState()): number | boolean | string {
  const { compiled, errors } = compileExpression(src, schema);
  expect(errors).toEqual([]);
  if (compiled === undefined) throw new Error(`did not compile: ${src}`);
  return compiled.evaluate(state);
}

function errorsOf(src: string, expected?: ExprType) {
  const result = compileExpression(src, schema, expected);
  expect(result.compiled).toBeUndefined();
  return result.errors;
}

/** Span of the `occurrence`-th (0-based) appearance of `text` in `src`. */
function spanOf(src: string, text: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = src.indexOf(text, start + 1);
  if (start < 0) throw new Error(`'${text}' not in '${src}'`);
  return { start, end: start + text.length };
}

describe('precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3], // left-assoc: (10 - 4) - 3
    ['100 / 10 / 5', 2], // left-assoc: (100 / 10) / 5
    ['2 * 3 % 4', 2], // (2 * 3) % 4, not 2 * (3 % 4) = 6
    ['7 % 4', 3],
    ['-2 * 3', -6],
    ['2 - -3', 5],
    ['- - 2', 2],
    ['-(2 + 3) * 2', -10],
    ['2 + 3 * 4 - 6 / 2', 11],
  ])('%s = %d', (src, value) => {
    expect(evaluate(src)).toBe(value);
  });

  it.each([
    ['1 + 2 * 3 == 7', true],
    ['not true or true', true], // (not true) or true
    ['not (true or true)', false],
    ['not true and false', false], // (not true) and false
    ['true or false and false', true], // and binds tighter than or
    ['(true or false) and false', false],
    ['false and true or true', true],
    ['not 1 == 2', true], // not binds looser than comparison
    ['not not true', true],
    ['(1 < 2) == true', true],
    ['"up" != "down"', true],
    ['-minutes < 0', true],
  ])('%s is %s', (src, value) => {
    expect(evaluate(src)).toBe(value);
  });

  it('reads the brief examples against state', () => {
    expect(evaluate('service("wallet").availability < 0.5 and minutes > 30')).toBe(true);
    expect(evaluate('trust("public") < 40')).toBe(true);
    expect(evaluate('not (service(\'portal\').status == "down")')).toBe(true);
    expect(evaluate('service("mpesa").status == "up" and trust("press") >= 80')).toBe(true);
  });

  it('gives every node a span covering its text; parentheses are included', () => {
    const src = ' (minutes + 1) * 2 ';
    const { ast, errors } = parseExpression(src);
    expect(errors).toEqual([]);
    expect(ast).toMatchObject({ kind: 'binary', op: '*', start: 1, end: 18, opSpan: { start: 15, end: 16 } });
    expect(ast?.kind === 'binary' && ast.left).toMatchObject({ kind: 'binary', op: '+', start: 1, end: 14 });
  });
});

describe('percent literals', () => {
  it.each([
    ['50%', 0.5],
    ['12.5%', 0.125],
    ['100%', 1],
    ['1e2%', 1],
    ['50% * 2', 1],
    ['50 % 7', 1], // spaced: remainder, not percent
    ['50% % 0.3', 0.2], // 0.5 % 0.3
    ['-50%', -0.5],
  ])('%s = %d', (src, value) => {
    expect(evaluate(src)).toBeCloseTo(value, 12);
  });

  it('hints at spacing when 10%3 was meant as remainder', () => {
    const src = '10%3 > 0';
    const [e] = errorsOf(src);
    expect(e).toMatchObject({ code: 'EXP015', ...spanOf(src, '3') });
    expect(e?.message).toContain('percent');
  });
});

describe('arithmetic safety', () => {
  it.each([
    ['1 / 0', 0],
    ['0 / 0', 0],
    ['5 % 0', 0],
    ['minutes / (minutes - 40)', 0],
    ['1e308 * 10', 0], // Infinity is guarded to 0
    ['1e308 + 1e308 - 1', -1],
  ])('%s = %d', (src, value) => {
    expect(evaluate(src)).toBe(value);
  });

  it('reads NaN and Infinity from state as 0', () => {
    const state = makeState();
    state.minutes = Number.NaN;
    expect(evaluate('minutes', state)).toBe(0);
    state.minutes = Number.POSITIVE_INFINITY;
    expect(evaluate('minutes + 1', state)).toBe(1);
  });

  it('accepts a flat chain as long as the length limit allows', () => {
    const src = `${'1+'.repeat(999)}1 `; // exactly 2000 characters
    expect(src.length).toBe(2000);
    expect(evaluate(src)).toBe(1000);
  });
});

describe('evaluation reads live state', () => {
  it('sees mutations between evaluations', () => {
    const state = makeState();
    const { compiled } = compileExpression(
      'service("wallet").availability < 0.5 and minutes > 30',
      schema,
      'boolean',
    );
    expect(compiled?.type).toBe('boolean');
    expect(compiled?.evaluate(state)).toBe(true);
    state.services[0]!.availability = 0.9;
    expect(compiled?.evaluate(state)).toBe(false);
    state.services[0]!.availability = 0.1;
    state.minutes = 10;
    expect(compiled?.evaluate(state)).toBe(false);
    state.minutes = 31;
    expect(compiled?.evaluate(state)).toBe(true);
  });

  it('reports resolved references with the call span', () => {
    const src = 'service("portal").status == "down" or trust("press") < 10';
    const { compiled } = compileExpression(src, schema, 'boolean');
    expect(compiled?.references).toEqual([
      { kind: 'service', id: 'portal', index: 2, ...spanOf(src, 'service("portal")') },
      { kind: 'audience', id: 'press', index: 1, ...spanOf(src, 'trust("press")') },
    ]);
  });

  it('types the result', () => {
    expect(compileExpression('minutes * 2', schema).compiled?.type).toBe('number');
    expect(compileExpression('service("wallet").status', schema).compiled?.type).toBe('string');
    expect(compileExpression('service("wallet").status', schema, 'string').errors).toEqual([]);
  });
});

// [source, expected type or undefined, code, text the span must cover, occurrence of that text]
type ErrorCase = [string, ExprType | undefined, string, string, number?];
const LONG = `minutes > ${'1'.repeat(1995)}`;
const ERROR_CASES: ErrorCase[] = [
  [LONG, undefined, 'EXP001', LONG],
  ['minutes > 3 # note', 'boolean', 'EXP002', '#'],
  ['minutes > 3 🔥', 'boolean', 'EXP002', '🔥'],
  ['service("wallet").status == "down', 'boolean', 'EXP003', '"down'],
  ['service("wal\\let").status == "down"', 'boolean', 'EXP004', '\\l'],
  ['minutes > 1e', 'boolean', 'EXP005', '1e'],
  ['minutes > .5', 'boolean', 'EXP005', '.5'],
  ['minutes > 12abc', 'boolean', 'EXP005', '12abc'],
  ['minutes > 1e400', 'boolean', 'EXP006', '1e400'],
  ['minutes > 1 && true', 'boolean', 'EXP007', '&&'],
  ['minutes > 1 || true', 'boolean', 'EXP007', '||'],
  ['minutes = 3', 'boolean', 'EXP007', '='],
  ['!(minutes > 3)', 'boolean', 'EXP007', '!'],
  ['minutes > 1 AND true', 'boolean', 'EXP007', 'AND'],
  ['minutes >', 'boolean', 'EXP010', ''],
  ['minutes > )', 'boolean', 'EXP010', ')'],
  ['minutes > 1 and and true', 'boolean', 'EXP010', 'and', 1],
  ['(minutes > 1', 'boolean', 'EXP011', ''],
  ['service("wallet" "mpesa").status', undefined, 'EXP011', '"mpesa"'],
  ['service("wallet").', undefined, 'EXP012', ''],
  ['service("wallet").(status)', undefined, 'EXP012', '(', 1],
  ['1 < 2 < 3', 'boolean', 'EXP013', '<', 1],
  ['1 < 2 == true', 'boolean', 'EXP013', '=='],
  ['minutes > 1 2', 'boolean', 'EXP015', '2'],
  ['minutes > 1)', 'boolean', 'EXP015', ')'],
  ['', 'boolean', 'EXP016', ''],
  ['   ', 'boolean', 'EXP016', '   '],
  ['minuts > 1', 'boolean', 'EXP020', 'minuts'],
  ['servce("wallet").status == "up"', 'boolean', 'EXP021', 'servce'],
  ['service().status == "up"', 'boolean', 'EXP022', 'service()'],
  ['service(wallet).status == "up"', 'boolean', 'EXP022', 'wallet'],
  ['service("wallet", "mpesa").status == "up"', 'boolean', 'EXP022', 'service("wallet", "mpesa")'],
  ['service("mpessa").availability > 0', 'boolean', 'EXP023', '"mpessa"'],
  ['trust("publik") > 0', 'boolean', 'EXP023', '"publik"'],
  ['service("wallet").availabilty > 0', 'boolean', 'EXP024', 'availabilty'],
  ['service("wallet") > 0', 'boolean', 'EXP025', 'service("wallet")'],
  ['minutes.value > 0', 'boolean', 'EXP026', 'value'],
  ['trust("public").level > 0', 'boolean', 'EXP026', 'level'],
  ['service("wallet").status.length > 0', 'boolean', 'EXP026', 'length'],
  ['service > 0', 'boolean', 'EXP027', 'service'],
  ['minutes() > 0', 'boolean', 'EXP028', 'minutes()'],
  ['minutes and true', 'boolean', 'EXP030', 'minutes'],
  ['true or service("wallet").status', 'boolean', 'EXP030', 'service("wallet").status'],
  ['not minutes', 'boolean', 'EXP030', 'minutes'],
  ['"a" < 1', 'boolean', 'EXP031', '"a"'],
  ['-true == 1', 'boolean', 'EXP031', 'true'],
  ['minutes + "a" > 1', 'boolean', 'EXP031', '"a"'],
  ['(true) * 2 > 1', 'boolean', 'EXP031', '(true)'],
  ['minutes == "40"', 'boolean', 'EXP032', 'minutes == "40"'],
  ['service("wallet").status != 0', 'boolean', 'EXP032', 'service("wallet").status != 0'],
  ['minutes + 1', 'boolean', 'EXP033', 'minutes + 1'],
  [' service("wallet").status ', 'boolean', 'EXP033', 'service("wallet").status'],
  ['minutes > 1', 'number', 'EXP033', 'minutes > 1'],
  ['service("wallet").status == "dwn"', 'boolean', 'EXP034', '"dwn"'],
  ['"Down" != service("wallet").status', 'boolean', 'EXP034', '"Down"'],
  ['service("wallet").availability > 1.5', 'boolean', 'EXP035', 'service("wallet").availability > 1.5'],
  ['-0.5 >= service("wallet").availability', 'boolean', 'EXP035', '-0.5 >= service("wallet").availability'],
  ['minutes > 600 and true', 'boolean', 'EXP036', 'minutes > 600'],
  ['120 < minutes', 'boolean', 'EXP036', '120 < minutes'],
];

describe('error codes and spans', () => {
  it.each(ERROR_CASES)('%j (expect %s) -> %s', (src, expected, code, text, occurrence) => {
    const errors = errorsOf(src, expected);
    // An empty `text` means "the empty span at the end of the source".
    const span = text === '' ? { start: src.length, end: src.length } : spanOf(src, text, occurrence);
    expect(errors).toContainEqual(expect.objectContaining({ code, ...span }));
    for (const e of errors) {
      expect(e.message.length).toBeGreaterThan(10);
      expect(Object.keys(EXPR_ERROR_CODES)).toContain(e.code);
    }
  });

  it('reports nesting deeper than 64 at the 65th level', () => {
    const ok = `${'('.repeat(64)}1${')'.repeat(64)} == 1`;
    expect(evaluate(ok)).toBe(true);
    expect(evaluate(`${'not '.repeat(64)}true`)).toBe(true);
    const parens = `${'('.repeat(65)}1${')'.repeat(65)}`;
    expect(errorsOf(parens)).toEqual([expect.objectContaining({ code: 'EXP014', start: 64, end: 65 })]);
    const nots = `${'not '.repeat(65)}true`;
    expect(errorsOf(nots)).toEqual([expect.objectContaining({ code: 'EXP014', start: 256, end: 259 })]);
    const minus = `${'-'.repeat(500)}1`;
    expect(errorsOf(minus)).toEqual([expect.objectContaining({ code: 'EXP014', start: 64, end: 65 })]);
    const calls = `${'service('.repeat(100)}"x"${')'.repeat(100)}`;
    expect(errorsOf(calls)).toEqual([expect.objectContaining({ code: 'EXP014' })]);
  });

  it('limits source length to 2000 characters', () => {
    expect(errorsOf(`${' '.repeat(1990)}minutes > 1`)).toEqual([
      expect.objectContaining({ code: 'EXP001', start: 0, end: 2001 }),
    ]);
  });

  it('reports EXP029 for a function with neither value nor fields', () => {
    const broken: ExprSchema<State> = {
      variables: {},
      functions: { broken: { doc: '', argKind: 'thing', resolve: () => 0, candidates: () => ['x'] } },
    };
    const { errors } = compileExpression('broken("x")', broken);
    expect(errors).toEqual([expect.objectContaining({ code: 'EXP029', start: 0, end: 6 })]);
  });

  it('exercises every documented code', () => {
    const covered = new Set([...ERROR_CASES.map((c) => c[2]), 'EXP014', 'EXP029']);
    expect([...covered].sort()).toEqual(Object.keys(EXPR_ERROR_CODES).sort());
  });

  it('collects several independent errors in one pass, sorted by position', () => {
    const src = 'minuts > 1 && service("mpessa").availability > trust("publik")';
    const errors = errorsOf(src, 'boolean');
    expect(errors.map((e) => e.code)).toEqual(['EXP020', 'EXP007', 'EXP023', 'EXP023']);
  });

  it('reports both sides of a bad operator', () => {
    const errors = errorsOf('minutes and "x"', 'boolean');
    expect(errors.map((e) => [e.code, e.start, e.end])).toEqual([
      ['EXP030', 0, 7],
      ['EXP030', 12, 15],
    ]);
  });

  it('never reaches Object.prototype through names', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(errorsOf(`${name} > 0`, 'boolean')[0]?.code).toBe('EXP020');
      expect(errorsOf(`${name}("x") > 0`, 'boolean')[0]?.code).toBe('EXP021');
      expect(errorsOf(`service("wallet").${name} > 0`, 'boolean')[0]?.code).toBe('EXP024');
    }
  });
});

describe('did-you-mean messages', () => {
  it.each([
    ['service("mpessa").availability > 0', "unknown service 'mpessa' — did you mean 'mpesa'?"],
    ['service("Wallet").availability > 0', "did you mean 'wallet'?"],
    ['service("wallet").availabilty > 0', "did you mean 'availability'?"],
    ['service("wallet").avail > 0', "(fields: 'availability', 'status')"],
    ['servce("wallet").status == "up"', "unknown function 'servce' — did you mean 'service'?"],
    ['minuts > 1', "unknown variable 'minuts' — did you mean 'minutes'?"],
    ['trust("zzzzzz") > 1', "unknown audience 'zzzzzz' (known audience ids: 'public', 'press')"],
    ['minutes', 'did you mean `minutes > 0`?'],
    ['service("wallet").status', 'did you mean `service("wallet").status == "…"`?'],
    ['service > 1', 'service("wallet").availability'],
  ])('%s', (src, fragment) => {
    const messages = errorsOf(src, 'boolean').map((e) => e.message);
    expect(messages.join('\n')).toContain(fragment);
  });
});

describe('didYouMean', () => {
  const names = ['availability', 'status', 'wallet', 'Wallet2'];
  it.each([
    ['staus', 'status'],
    ['STATUS', 'status'],
    ['wallet2', 'Wallet2'],
    ['availabilty', 'availability'],
    ['avail', undefined], // 7 edits away: too far to be a typo
    ['xyz', undefined],
    ['', undefined],
  ])('%s -> %s', (word, expected) => {
    expect(didYouMean(word, names)).toBe(expected);
  });

  it('prefers an exact match, then a case-insensitive one, over closer-looking names', () => {
    expect(didYouMean('ab', ['AB', 'ab'])).toBe('ab');
    expect(didYouMean('Ab', ['ab', 'Ac'])).toBe('ab');
  });

  it('scales the allowed distance with word length: max(2, floor(len / 3))', () => {
    expect(didYouMean('abcdefghijkl', ['abcdefghXXXX'])).toBe('abcdefghXXXX'); // 4 edits, len 12
    expect(didYouMean('abcdefghijkl', ['abcdefgXXXXX'])).toBeUndefined(); // 5 edits
    expect(didYouMean('ab', ['xy'])).toBe('xy'); // short words still get 2
    expect(didYouMean('ab', [])).toBeUndefined();
  });
});

describe('describeSchema', () => {
  it('lists variables, functions, ids and fields with docs', () => {
    const text = describeSchema(schema);
    expect(text).toContain('- `minutes` (number): Simulated minutes since the drill started.');
    expect(text).toContain('- `service("<service>")`: A digital service.');
    expect(text).toContain('  - service ids: `wallet`, `mpesa`, `portal`');
    expect(text).toContain('  - `.availability` (number): Share of requests served, 0..1.');
    expect(text).toContain('  - `.status` (string): up, degraded or down.');
    expect(text).toContain('- `trust("<audience>")` (number): Trust of an audience, 0..100.');
  });
});

describe('parseExpression', () => {
  it('returns an AST with offsets for calls and fields', () => {
    const { ast, errors } = parseExpression('service("x").status');
    expect(errors).toEqual([]);
    expect(ast).toEqual({
      kind: 'member',
      start: 0,
      end: 19,
      field: { name: 'status', start: 13, end: 19 },
      object: {
        kind: 'call',
        start: 0,
        end: 12,
        callee: { name: 'service', start: 0, end: 7 },
        args: [{ kind: 'string', value: 'x', start: 8, end: 11 }],
      },
    });
  });

  it('decodes string escapes and both quote styles', () => {
    const { ast } = parseExpression(String.raw`'it\'s "ok" \\'`);
    expect(ast).toMatchObject({ kind: 'string', value: `it's "ok" \\` });
  });

  it('keeps an AST after recoverable lexical errors so names can still be checked', () => {
    const { ast, errors } = parseExpression('a && b');
    expect(errors.map((e) => e.code)).toEqual(['EXP007']);
    expect(ast).toMatchObject({ kind: 'binary', op: 'and' });
  });
});
