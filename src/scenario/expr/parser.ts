/*
 * Parser for scenario condition expressions, e.g.
 *   service("wallet").availability < 0.5 and minutes > 30
 *
 * Grammar (keywords are lowercase words; lowest precedence first):
 *
 *   expr    := or
 *   or      := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | cmp
 *   cmp     := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)?     non-associative
 *   sum     := prod (('+'|'-') prod)*                         left-associative
 *   prod    := unary (('*'|'/'|'%') unary)*                   left-associative
 *   unary   := '-' unary | postfix
 *   postfix := primary ('.' IDENT)*
 *   primary := NUMBER | STRING | 'true' | 'false' | IDENT
 *            | IDENT '(' [expr (',' expr)*] ')' | '(' expr ')'
 *
 * Tokens:
 *   NUMBER  12, 0.5, 1e3, 2.5e-1. A '%' written directly after a number (no
 *           space) means percent: `50%` is 0.5. Because of that, remainder
 *           after a number literal needs a space: `10 % 3`, not `10%3`.
 *   STRING  "…" or '…'. Only \" \' and \\ are escapes; anything else is kept
 *           verbatim and reported, so ids like "tax-data" are never mangled.
 *   IDENT   [A-Za-z_][A-Za-z0-9_]* that is not a keyword (and or not true false).
 *
 * Consequences worth knowing: `not a == b` is `not (a == b)`; `a < b < c` is an
 * error (write `a < b and b < c`); `-x.y` is `-(x.y)`.
 *
 * Limits, so no input can hang or overflow the stack: at most
 * MAX_SOURCE_LENGTH characters, and at most MAX_NESTING_DEPTH nested
 * parentheses/calls/`not`/unary minus. Flat chains (`a + b + c …`) are not
 * nesting; the length limit bounds them to a few hundred operators.
 *
 * Syntax errors stop the parse at the first one (guessing past a syntax error
 * mostly produces noise); lexical errors are all reported.
 */
import {
  MAX_NESTING_DEPTH,
  MAX_SOURCE_LENGTH,
  exprError,
  type ArithOp,
  type BinaryOp,
  type CompareOp,
  type Expr,
  type ExprError,
  type ExprErrorCode,
  type Name,
} from './ast.js';
import { lex, type Token } from './lexer.js';

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>(['<', '<=', '>', '>=', '==', '!=']);
const SUM_OPS: ReadonlySet<string> = new Set<ArithOp>(['+', '-']);
const PROD_OPS: ReadonlySet<string> = new Set<ArithOp>(['*', '/', '%']);

/** Thrown to unwind the recursive descent after the error has been recorded. */
class ParseAbort {}
const ABORT = new ParseAbort();

/** Parses `src`. Never throws; `ast` may be present alongside recovered lexical errors, so check `errors.length`. */
export function parseExpression(src: string): { ast?: Expr; errors: ExprError[] } {
  if (src.length > MAX_SOURCE_LENGTH) {
    const message = `expression is ${src.length} characters long; the limit is ${MAX_SOURCE_LENGTH}. Split it or move logic into the scenario`;
    return { errors: [exprError('EXP001', message, { start: 0, end: src.length })] };
  }
  const { tokens, errors } = lex(src);
  const first = tokens[0];
  if (first === undefined || first.kind === 'eof') {
    errors.push(
      exprError('EXP016', 'the expression is empty; write a condition such as minutes > 30', {
        start: 0,
        end: src.length,
      }),
    );
    return { errors };
  }
  const parser = new Parser(tokens, errors);
  try {
    return { ast: parser.parseAll(), errors };
  } catch (e) {
    if (e === ABORT) return { errors };
    throw e;
  }
}

function describe(tok: Token): string {
  switch (tok.kind) {
    case 'eof':
      return 'the end of the expression';
    case 'string':
      return `the text ${tok.text}`;
    default:
      return `'${tok.text}'`;
  }
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly errors: ExprError[],
  ) {}

  parseAll(): Expr {
    const e = this.parseOr();
    const tok = this.peek();
    if (tok.kind !== 'eof') {
      const prev = this.tokens[this.pos - 1];
      let message = `unexpected ${describe(tok)} after the end of the expression; is an operator or 'and'/'or' missing?`;
      if (tok.kind === 'punct' && tok.text === ')') {
        message = "this ')' has no matching '('";
      } else if (
        prev?.percent === true &&
        (tok.kind === 'number' || tok.kind === 'ident' || tok.text === '(')
      ) {
        message = `'${prev.text}' means ${prev.num} ('%' right after a number is percent); for remainder put spaces around it: a % b`;
      }
      this.fail(tok, 'EXP015', message);
    }
    return e;
  }

  private peek(): Token {
    // The token list always ends with 'eof' and we never advance past it.
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const tok = this.peek();
    if (tok.kind !== 'eof') this.pos++;
    return tok;
  }

  private isKeyword(word: string): boolean {
    const tok = this.peek();
    return tok.kind === 'keyword' && tok.text === word;
  }

  private isPunct(set: ReadonlySet<string>): boolean {
    const tok = this.peek();
    return tok.kind === 'punct' && set.has(tok.text);
  }

  private isPunctText(text: string): boolean {
    const tok = this.peek();
    return tok.kind === 'punct' && tok.text === text;
  }

  /** Records an error at `tok` and aborts; an 'error' token was already reported by the lexer. */
  private fail(tok: Token, code: ExprErrorCode, message: string): never {
    if (tok.kind !== 'error') this.errors.push(exprError(code, message, tok));
    throw ABORT;
  }

  private enter(tok: Token): void {
    this.depth++;
    if (this.depth > MAX_NESTING_DEPTH) {
      this.fail(tok, 'EXP014', `nested more than ${MAX_NESTING_DEPTH} levels deep; simplify the expression`);
    }
  }

  private leave(): void {
    this.depth--;
  }

  private binary(op: BinaryOp, opTok: Token, left: Expr, right: Expr): Expr {
    return {
      kind: 'binary',
      op,
      opSpan: { start: opTok.start, end: opTok.end },
      left,
      right,
      start: left.start,
      end: right.end,
    };
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      const op = this.next();
      left = this.binary('or', op, left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      const op = this.next();
      left = this.binary('and', op, left, this.parseNot());
    }
    return left;
  }

  private parseNot(): Expr {
    if (!this.isKeyword('not')) return this.parseCmp();
    const tok = this.next();
    this.enter(tok);
    const operand = this.parseNot();
    this.leave();
    return { kind: 'unary', op: 'not', operand, start: tok.start, end: operand.end };
  }

  private parseCmp(): Expr {
    const left = this.parseSum();
    if (!this.isPunct(COMPARE_OPS)) return left;
    const op = this.next();
    const node = this.binary(op.text as CompareOp, op, left, this.parseSum());
    if (this.isPunct(COMPARE_OPS)) {
      const second = this.peek();
      this.fail(
        second,
        'EXP013',
        `comparisons cannot be chained; write 'a ${op.text} b and b ${second.text} c' instead of 'a ${op.text} b ${second.text} c'`,
      );
    }
    return node;
  }

  private parseSum(): Expr {
    let left = this.parseProd();
    while (this.isPunct(SUM_OPS)) {
      const op = this.next();
      left = this.binary(op.text as ArithOp, op, left, this.parseProd());
    }
    return left;
  }

  private parseProd(): Expr {
    let left = this.parseUnary();
    while (this.isPunct(PROD_OPS)) {
      const op = this.next();
      left = this.binary(op.text as ArithOp, op, left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): Expr {
    if (!this.isPunctText('-')) return this.parsePostfix();
    const tok = this.next();
    this.enter(tok);
    const operand = this.parseUnary();
    this.leave();
    return { kind: 'unary', op: '-', operand, start: tok.start, end: operand.end };
  }

  private parsePostfix(): Expr {
    let object = this.parsePrimary();
    while (this.isPunctText('.')) {
      this.next();
      const tok = this.peek();
      if (tok.kind !== 'ident') {
        this.fail(
          tok,
          'EXP012',
          `expected a field name after '.', found ${describe(tok)}; e.g. service("wallet").availability`,
        );
      }
      this.next();
      const field: Name = { name: tok.text, start: tok.start, end: tok.end };
      object = { kind: 'member', object, field, start: object.start, end: tok.end };
    }
    return object;
  }

  private parsePrimary(): Expr {
    const tok = this.peek();
    switch (tok.kind) {
      case 'number':
        this.next();
        return { kind: 'number', value: tok.num, start: tok.start, end: tok.end };
      case 'string':
        this.next();
        return { kind: 'string', value: tok.str, start: tok.start, end: tok.end };
      case 'keyword':
        if (tok.text === 'true' || tok.text === 'false') {
          this.next();
          return { kind: 'boolean', value: tok.text === 'true', start: tok.start, end: tok.end };
        }
        break;
      case 'ident':
        this.next();
        if (this.isPunctText('(')) return this.parseCall(tok);
        return { kind: 'ident', name: tok.text, start: tok.start, end: tok.end };
      case 'punct':
        if (tok.text === '(') return this.parseParenthesized();
        break;
      default:
        break;
    }
    const prev = this.tokens[this.pos - 1];
    const after = prev === undefined ? '' : ` after '${prev.text}'`;
    this.fail(
      tok,
      'EXP010',
      `expected a value${after} (a number, "text", a name or a call), found ${describe(tok)}`,
    );
  }

  private parseParenthesized(): Expr {
    const open = this.next();
    this.enter(open);
    const inner = this.parseOr();
    const close = this.peek();
    if (!this.isPunctText(')')) {
      this.fail(
        close,
        'EXP011',
        `expected ')' to close the '(' at offset ${open.start}, found ${describe(close)}`,
      );
    }
    this.next();
    this.leave();
    // Widen the node to cover its parentheses: its span is then exactly the text an author would select.
    return { ...inner, start: open.start, end: close.end };
  }

  private parseCall(nameTok: Token): Expr {
    const open = this.next();
    this.enter(open);
    const args: Expr[] = [];
    if (!this.isPunctText(')')) {
      args.push(this.parseOr());
      while (this.isPunctText(',')) {
        this.next();
        args.push(this.parseOr());
      }
    }
    const close = this.peek();
    if (!this.isPunctText(')')) {
      this.fail(
        close,
        'EXP011',
        `expected ',' or ')' to finish the call ${nameTok.text}(…), found ${describe(close)}`,
      );
    }
    this.next();
    this.leave();
    const callee: Name = { name: nameTok.text, start: nameTok.start, end: nameTok.end };
    return { kind: 'call', callee, args, start: nameTok.start, end: close.end };
  }
}
