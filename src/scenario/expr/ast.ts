// Syntax tree and error vocabulary shared by the lexer, parser and compiler.
// Offsets (`start`, `end`) are UTF-16 indices into the source string, `end`
// exclusive, so `src.slice(start, end)` is exactly the text of the node; an
// editor can underline it as-is.

export interface Span {
  start: number;
  end: number;
}

/** A name as written in the source, e.g. the `service` in `service("x")`. */
export interface Name extends Span {
  name: string;
}

export interface NumberLiteral extends Span {
  kind: 'number';
  value: number;
}
export interface StringLiteral extends Span {
  kind: 'string';
  value: string;
}
export interface BooleanLiteral extends Span {
  kind: 'boolean';
  value: boolean;
}
/** A bare name: must be a schema variable such as `minutes`. */
export interface Identifier extends Span {
  kind: 'ident';
  name: string;
}
export interface Call extends Span {
  kind: 'call';
  callee: Name;
  args: Expr[];
}
/** `object.field`; only valid after a call to a function that has fields. */
export interface Member extends Span {
  kind: 'member';
  object: Expr;
  field: Name;
}
export type UnaryOp = 'not' | '-';
export interface Unary extends Span {
  kind: 'unary';
  op: UnaryOp;
  operand: Expr;
}
export type LogicalOp = 'and' | 'or';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type ArithOp = '+' | '-' | '*' | '/' | '%';
export type BinaryOp = LogicalOp | CompareOp | ArithOp;
export interface Binary extends Span {
  kind: 'binary';
  op: BinaryOp;
  /** Span of the operator token, for "this operator needs numbers" errors. */
  opSpan: Span;
  left: Expr;
  right: Expr;
}

export type Expr =
  NumberLiteral | StringLiteral | BooleanLiteral | Identifier | Call | Member | Unary | Binary;

export interface ExprError {
  code: string;
  message: string;
  start: number;
  end: number;
}

/** Longest accepted source; keeps every stage linear-time and bounded. */
export const MAX_SOURCE_LENGTH = 2000;
/** Deepest accepted nesting of parentheses, calls, `not` and unary minus. */
export const MAX_NESTING_DEPTH = 64;

/**
 * Every error code the expression language can report, with a one-line
 * description for the documentation. Codes are stable: never renumber, only
 * add. Groups: 00x lexical, 01x syntax, 02x names, 03x types.
 */
export const EXPR_ERROR_CODES = {
  EXP001: `Expression is longer than ${MAX_SOURCE_LENGTH} characters.`,
  EXP002: 'Unexpected character.',
  EXP003: 'String is missing its closing quote.',
  EXP004: 'Unsupported escape in a string (only \\" \\\' and \\\\ are allowed).',
  EXP005: 'Malformed number.',
  EXP006: 'Number is too large.',
  EXP007: 'Operator from another language (&&, ||, !, =, AND…); use and, or, not, ==.',
  EXP010: 'Expected a value (number, string, name, call or parenthesis).',
  EXP011: "Missing closing ')'.",
  EXP012: "Expected a field name after '.'.",
  EXP013: 'Comparisons cannot be chained (a < b < c); join them with and.',
  EXP014: `Expression nests deeper than ${MAX_NESTING_DEPTH} levels.`,
  EXP015: 'Unexpected text after the end of the expression.',
  EXP016: 'Expression is empty.',
  EXP020: 'Unknown variable.',
  EXP021: 'Unknown function.',
  EXP022: 'A function call needs exactly one quoted id, e.g. service("wallet").',
  EXP023: 'Unknown id passed to a function (e.g. unknown service).',
  EXP024: 'Unknown field.',
  EXP025: 'This function needs a field, e.g. service("wallet").availability.',
  EXP026: 'A field (.name) is not allowed here.',
  EXP027: 'A function name was used without calling it.',
  EXP028: 'A variable was called like a function.',
  EXP029: 'Schema error: the function has neither a value nor fields.',
  EXP030: 'Operand must be true/false (and, or, not).',
  EXP031: 'Operand must be a number (arithmetic, <, <=, >, >=, unary -).',
  EXP032: '== and != need both sides of the same type.',
  EXP033: 'The expression has the wrong type for where it is used.',
  EXP034:
    'A text compared with a value that never takes it (a status is "healthy", "degraded", "down" or "recovering").',
  EXP035: 'A number compared with a value outside its range (availability is between 0 and 1): never true.',
  EXP036: 'A time the drill never reaches (minutes > 300 in a two-hour drill): never true.',
} as const satisfies Record<string, string>;

export type ExprErrorCode = keyof typeof EXPR_ERROR_CODES;

export function exprError(code: ExprErrorCode, message: string, span: Span): ExprError {
  return { code, message, start: span.start, end: span.end };
}
