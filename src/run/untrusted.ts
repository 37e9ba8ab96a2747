/**
 * Untrusted input (share links, run files, saves, anything read back from localStorage) is bounded BEFORE it
 * is expanded or parsed, then validated before use:
 *
 *   - SIZE: the text's length is checked first; a share link's compressed body is bounded by its caller, and
 *     its decompression stops as soon as the output passes a limit (`decompressLimited`: lz-string itself has
 *     no limit, and 20 k characters of link can expand to 50 M).
 *   - DEPTH: `parseLimited` scans the text for nesting (`[` and `{` outside strings) before JSON.parse, so a
 *     value nested 10,000 deep never reaches structuredClone or a recursive walk (they throw RangeError).
 *   - SHAPE: `loggedCommand` is the zod schema of a command-log entry from outside: a bounded tick, an object
 *     with a short string `type`, and small, shallow values (the engine turns down whatever else is wrong).
 *
 * Nothing here throws: every refusal is a reason in words.
 */
import { z } from './zod';
import { refuse, type Refusal } from './refusals';

/** Deeper than any value Cascade writes (a save's state nests 6 levels; a command 4). */
export const MAX_JSON_DEPTH = 32;
/** Ticks are simulated seconds; no drill runs for 100 days. */
export const MAX_TICK = 8_640_000;

export type ParseFailure = {
  ok: false;
  reason: 'too-large' | 'too-deep' | 'invalid';
  error: string;
  refusal: Refusal;
};
export type ParseResult = { ok: true; value: unknown } | ParseFailure;

/** True when `text` nests `[`/`{` (outside strings) deeper than `maxDepth`. Linear, never recursive. */
export function nestedDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON.parse with the length and the nesting checked first. */
export function parseLimited(
  text: string,
  what: string,
  limits: { maxChars: number; maxDepth?: number },
): ParseResult {
  if (text.length > limits.maxChars)
    return {
      ok: false,
      reason: 'too-large',
      ...refuse('tooLarge', { what, length: text.length, max: limits.maxChars }),
    };
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  if (nestedDeeperThan(text, maxDepth))
    return {
      ok: false,
      reason: 'too-deep',
      ...refuse('tooDeep', { what, max: maxDepth }),
    };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'invalid', ...refuse('notJson', { what }) };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Bounded lz-string decompression (the "EncodedURIComponent" flavour share links use).
//
// A port of lz-string 1.5.0's `_decompress` (MIT, © 2013 pieroxy, https://github.com/pieroxy/lz-string) with
// one change: it stops, and says so, as soon as the output grows past `maxChars`. Dictionary entries are built
// by concatenation, so the work done is bounded by the output length, which is now bounded too.
// test/run/untrusted.test.ts checks it against lz-string on valid and random input.
// ---------------------------------------------------------------------------------------------------------

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const URI_SAFE_VALUE = new Map([...URI_SAFE].map((ch, i) => [ch, i]));

export type Decompressed = { ok: true; text: string } | { ok: false; reason: 'damaged' | 'too-large' };

export function decompressLimited(input: string, maxChars: number): Decompressed {
  if (input === '') return { ok: false, reason: 'damaged' };
  const body = input.replace(/ /g, '+');
  const length = body.length;
  // lz-string maps a character outside the alphabet to undefined, which reads as 0 bits.
  const valueAt = (index: number) => URI_SAFE_VALUE.get(body.charAt(index)) ?? 0;
  const resetValue = 32;
  let val = valueAt(0);
  let position = resetValue;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    const maxpower = 2 ** n;
    let power = 1;
    while (power !== maxpower) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = valueAt(index++);
      }
      bits |= (resb > 0 ? 1 : 0) * power;
      power <<= 1;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const result: string[] = [];
  let total = 0;

  let c: string;
  switch (readBits(2)) {
    case 0:
      c = String.fromCharCode(readBits(8));
      break;
    case 1:
      c = String.fromCharCode(readBits(16));
      break;
    case 2:
      return { ok: true, text: '' };
    default:
      return { ok: false, reason: 'damaged' };
  }
  dictionary[3] = c;
  let w = c;
  result.push(c);
  total = 1;
  for (;;) {
    if (index > length) return { ok: false, reason: 'damaged' };
    let code = readBits(numBits);
    switch (code) {
      case 0:
        dictionary[dictSize++] = String.fromCharCode(readBits(8));
        code = dictSize - 1;
        enlargeIn--;
        break;
      case 1:
        dictionary[dictSize++] = String.fromCharCode(readBits(16));
        code = dictSize - 1;
        enlargeIn--;
        break;
      case 2:
        return { ok: true, text: result.join('') };
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[code];
    if (known) entry = known;
    else if (code === dictSize) entry = w + w.charAt(0);
    else return { ok: false, reason: 'damaged' };
    total += entry.length;
    if (total > maxChars) return { ok: false, reason: 'too-large' };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Commands from outside
// ---------------------------------------------------------------------------------------------------------

/** What a command's fields may hold: a statement (the largest command) nests 3 levels and has ≤ 9 blocks. */
const COMMAND_LIMITS = { depth: 6, stringChars: 2000, arrayItems: 64, objectKeys: 32 };

/** JSON data within the limits (strings, arrays and objects small; nesting shallow). */
export function boundedJson(value: unknown, limits = COMMAND_LIMITS, depth = 0): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= limits.stringChars;
  if (depth >= limits.depth || typeof value !== 'object') return false;
  if (Array.isArray(value))
    return value.length <= limits.arrayItems && value.every((v) => boundedJson(v, limits, depth + 1));
  const entries = Object.entries(value);
  return (
    entries.length <= limits.objectKeys &&
    entries.every(([k, v]) => k.length <= 100 && boundedJson(v, limits, depth + 1))
  );
}

export const commandTick = z.number().check(z.int(), z.minimum(0), z.maximum(MAX_TICK));

export const commandObject = z
  .looseObject({ type: z.string().check(z.minLength(1), z.maxLength(40)) })
  .check(z.refine((cmd) => boundedJson(cmd), 'a command holds values too large or nested too deeply'));

export const loggedCommand = z.object({ tick: commandTick, cmd: commandObject });
