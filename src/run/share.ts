/**
 * Shareable runs: scenario id + seed + the command log, compressed into a URL fragment (lz-string) so a link
 * opens the same run in any browser. The fragment is untrusted input (untrusted.ts): its length is bounded
 * before anything else, its decompression stops at MAX_SHARE_JSON_CHARS, its nesting is checked before
 * JSON.parse, and its content is validated (zod) before it is used.
 */
// The default export: lz-string is CommonJS, and plain Node ESM (the CLI, tsx) sees no named exports in it.
import LZString from 'lz-string';
import type { LoggedCommand } from '../engine';
import { decompressLimited, loggedCommand, parseLimited } from './untrusted';
import { refuse, type Refusal } from './refusals';
import { z } from './zod';

export const SHARE_PREFIX = 'run=';
/** Long runs belong in a file export; URLs over ~32 k characters are unreliable across browsers. */
export const MAX_FRAGMENT_LENGTH = 32_000;
/**
 * The most a link may expand to. A link of MAX_FRAGMENT_LENGTH made by `encodeShare` holds at most a few hundred
 * thousand characters of JSON (5,000 commands); a hand-made one can expand to millions.
 */
export const MAX_SHARE_JSON_CHARS = 1_000_000;
/** A link's JSON nests 5 levels (a statement's block inside a command inside the list). */
const MAX_SHARE_DEPTH = 12;

const shared = z.object({
  v: z.literal(1),
  s: z.string().check(z.minLength(1), z.maxLength(60)),
  seed: z.string().check(z.minLength(1), z.maxLength(40)),
  c: z.array(z.tuple([loggedCommand.shape.tick, loggedCommand.shape.cmd])).check(z.maxLength(5000)),
  /** The final hash when the link was made (lets the receiver check the replay). */
  h: z.optional(z.string().check(z.maxLength(20))),
});

export interface SharedRun {
  scenarioId: string;
  seed: string;
  commands: LoggedCommand[];
  finalHash?: string;
}

export function encodeShare(run: SharedRun): string | undefined {
  const payload = {
    v: 1,
    s: run.scenarioId,
    seed: run.seed,
    c: run.commands.map((c) => [c.tick, c.cmd]),
    h: run.finalHash,
  };
  const fragment = SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(payload));
  return fragment.length <= MAX_FRAGMENT_LENGTH ? fragment : undefined;
}

/** Never throws. */
export function decodeShare(
  fragment: string,
): { ok: true; run: SharedRun } | { ok: false; error: string; refusal: Refusal } {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(SHARE_PREFIX)) return { ok: false, ...refuse('notALink') };
  if (body.length > MAX_FRAGMENT_LENGTH)
    return { ok: false, ...refuse('linkTooLong', { length: body.length, max: MAX_FRAGMENT_LENGTH }) };
  const expanded = decompressLimited(body.slice(SHARE_PREFIX.length), MAX_SHARE_JSON_CHARS);
  if (!expanded.ok)
    return {
      ok: false,
      ...(expanded.reason === 'too-large'
        ? refuse('linkTooLarge', { max: MAX_SHARE_JSON_CHARS })
        : refuse('linkNotDecompressed')),
    };
  if (expanded.text === '') return { ok: false, ...refuse('linkNotDecompressed') };
  const parsed = parseLimited(expanded.text, 'link', {
    maxChars: MAX_SHARE_JSON_CHARS,
    maxDepth: MAX_SHARE_DEPTH,
  });
  if (!parsed.ok)
    return {
      ok: false,
      ...(parsed.reason === 'invalid'
        ? refuse('linkNotData')
        : { error: parsed.error, refusal: parsed.refusal }),
    };
  const checked = shared.safeParse(parsed.value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return {
      ok: false,
      ...refuse('linkDamaged', {
        where: issue.path.length ? `${issue.path.join('.')}: ` : '',
        issue: issue.message,
      }),
    };
  }
  const p = checked.data;
  return {
    ok: true,
    run: {
      scenarioId: p.s,
      seed: p.seed,
      commands: p.c.map(([tick, cmd]) => ({ tick, cmd: cmd as unknown as LoggedCommand['cmd'] })),
      finalHash: p.h,
    },
  };
}
