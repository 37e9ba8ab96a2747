// Turns expression source into tokens. The lexer never gives up: it reports
// a problem and carries on so authors see every lexical mistake at once.
// Mistakes with an obvious intent (`&&`, `=`, `AND`, `.5`) are reported AND
// replaced by the intended token so later stages can still find name/type
// errors. Hopeless characters become an 'error' token, at which the parser
// stops quietly (the lexer has already explained the problem).
import { exprError, type ExprError } from './ast.js';

export type TokenKind = 'number' | 'string' | 'ident' | 'keyword' | 'punct' | 'eof' | 'error';

export interface Token {
  kind: TokenKind;
  /** Keyword/punctuation as canonically spelled (`and`, `==`); raw text otherwise. */
  text: string;
  start: number;
  end: number;
  /** Value of a number token (already divided by 100 for `50%`). */
  num: number;
  /** Decoded value of a string token. */
  str: string;
  /** True for a number written with a trailing `%`, so the parser can hint about `10%3`. */
  percent: boolean;
}

export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'true', 'false']);

const TWO_CHAR_PUNCT: ReadonlySet<string> = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR_PUNCT: ReadonlySet<string> = new Set(['<', '>', '+', '-', '*', '/', '%', '(', ')', ',', '.']);
/** Spellings borrowed from other languages, mapped to what the author meant. */
const FOREIGN_OPERATORS: Readonly<Record<string, { kind: TokenKind; text: string; hint: string }>> = {
  '&&': { kind: 'keyword', text: 'and', hint: "write 'and' instead of '&&'" },
  '||': { kind: 'keyword', text: 'or', hint: "write 'or' instead of '||'" },
  '&': { kind: 'keyword', text: 'and', hint: "write 'and' instead of '&'" },
  '|': { kind: 'keyword', text: 'or', hint: "write 'or' instead of '|'" },
  '!': { kind: 'keyword', text: 'not', hint: "write 'not' instead of '!'" },
  '=': { kind: 'punct', text: '==', hint: "to compare, write '==' instead of '='" },
};

// Sticky regexes: matched at an exact offset, no slicing of the source.
const NUMBER_RE = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LEADING_DOT_NUMBER_RE = /\.\d+(?:[eE][+-]?\d+)?/y;
const IDENT_RE = /[A-Za-z_][A-Za-z0-9_]*/y;
const WORD_TAIL_RE = /[A-Za-z0-9_.]*/y;
const SPACE_RE = /\s/;

function token(kind: TokenKind, text: string, start: number, end: number): Token {
  return { kind, text, start, end, num: 0, str: '', percent: false };
}

function matchAt(re: RegExp, src: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(src);
  return m ? m[0] : undefined;
}

export function lex(src: string): { tokens: Token[]; errors: ExprError[] } {
  const tokens: Token[] = [];
  const errors: ExprError[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (SPACE_RE.test(c)) {
      i++;
    } else if (c >= '0' && c <= '9') {
      i = lexNumber(src, i, tokens, errors);
    } else if (c === '.' && matchAt(LEADING_DOT_NUMBER_RE, src, i) !== undefined) {
      // `.5`: a dot before a digit is a number missing its 0, not a field access.
      const text = matchAt(LEADING_DOT_NUMBER_RE, src, i) ?? '';
      const end = i + text.length;
      errors.push(
        exprError('EXP005', `write '0${text}' instead of '${text}': numbers start with a digit`, {
          start: i,
          end,
        }),
      );
      tokens.push(token('error', text, i, end));
      i = end;
    } else if (c === '"' || c === "'") {
      i = lexString(src, i, tokens, errors);
    } else if (matchAt(IDENT_RE, src, i) !== undefined) {
      const text = matchAt(IDENT_RE, src, i) ?? '';
      const end = i + text.length;
      const lower = text.toLowerCase();
      if (KEYWORDS.has(text)) {
        tokens.push(token('keyword', text, i, end));
      } else if (KEYWORDS.has(lower)) {
        errors.push(
          exprError('EXP007', `keywords are lowercase: write '${lower}' instead of '${text}'`, {
            start: i,
            end,
          }),
        );
        tokens.push(token('keyword', lower, i, end));
      } else {
        tokens.push(token('ident', text, i, end));
      }
      i = end;
    } else {
      i = lexPunct(src, i, tokens, errors);
    }
  }
  tokens.push(token('eof', '', src.length, src.length));
  return { tokens, errors };
}

/** NUMBER: digits, optional fraction, optional exponent, optional `%` (= divide by 100). */
function lexNumber(src: string, start: number, tokens: Token[], errors: ExprError[]): number {
  const text = matchAt(NUMBER_RE, src, start) ?? '';
  let end = start + text.length;
  // `1e`, `12abc`, `1.2.3`: the author meant something, but not a number we can read.
  const tail = matchAt(WORD_TAIL_RE, src, end) ?? '';
  if (tail.length > 0 && !/^\.[A-Za-z_]/.test(tail)) {
    end += tail.length;
    errors.push(
      exprError('EXP005', `'${src.slice(start, end)}' is not a number (examples: 12, 0.5, 1e3, 50%)`, {
        start,
        end,
      }),
    );
    tokens.push(token('error', src.slice(start, end), start, end));
    return end;
  }
  let value = Number(text);
  const percent = src.charAt(end) === '%';
  if (percent) {
    end++;
    value /= 100;
  }
  const tok = token('number', src.slice(start, end), start, end);
  tok.percent = percent;
  if (Number.isFinite(value)) {
    tok.num = value;
  } else {
    errors.push(exprError('EXP006', `'${tok.text}' is too large to be a number`, { start, end }));
  }
  tokens.push(tok);
  return end;
}

/** STRING: '…' or "…"; only \" \' and \\ are escapes, so ids are never mangled. */
function lexString(src: string, start: number, tokens: Token[], errors: ExprError[]): number {
  const quote = src.charAt(start);
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= src.length) {
      errors.push(
        exprError('EXP003', `this text is missing its closing ${quote}`, { start, end: src.length }),
      );
      break;
    }
    const c = src.charAt(i);
    if (c === quote) {
      i++;
      break;
    }
    if (c === '\\' && i + 1 < src.length) {
      const next = src.charAt(i + 1);
      if (next !== '"' && next !== "'" && next !== '\\') {
        errors.push(
          exprError('EXP004', `'\\${next}' is not allowed in text; only \\" \\' and \\\\ are escapes`, {
            start: i,
            end: i + 2,
          }),
        );
      }
      value += next;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  const tok = token('string', src.slice(start, i), start, i);
  tok.str = value;
  tokens.push(tok);
  return i;
}

function lexPunct(src: string, start: number, tokens: Token[], errors: ExprError[]): number {
  const two = src.slice(start, start + 2);
  const one = src.charAt(start);
  if (TWO_CHAR_PUNCT.has(two)) {
    tokens.push(token('punct', two, start, start + 2));
    return start + 2;
  }
  const foreignText = Object.hasOwn(FOREIGN_OPERATORS, two)
    ? two
    : Object.hasOwn(FOREIGN_OPERATORS, one)
      ? one
      : undefined;
  const foreign = foreignText === undefined ? undefined : FOREIGN_OPERATORS[foreignText];
  if (foreignText !== undefined && foreign !== undefined) {
    const end = start + foreignText.length;
    errors.push(exprError('EXP007', foreign.hint, { start, end }));
    tokens.push(token(foreign.kind, foreign.text, start, end));
    return end;
  }
  if (ONE_CHAR_PUNCT.has(one)) {
    tokens.push(token('punct', one, start, start + 1));
    return start + 1;
  }
  // Whole code point, so an emoji is reported (and skipped) as one character.
  const cp = src.codePointAt(start) ?? 0;
  const end = start + (cp > 0xffff ? 2 : 1);
  const shown = src.slice(start, end);
  errors.push(
    exprError(
      'EXP002',
      `unexpected character '${shown}': use numbers, "quoted text", names, and/or/not and + - * / % < <= > >= == !=`,
      {
        start,
        end,
      },
    ),
  );
  tokens.push(token('error', shown, start, end));
  return end;
}
