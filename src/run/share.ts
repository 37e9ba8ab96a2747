/**
 * Shareable runs: scenario id + seed + the command log, compressed into a URL fragment (lz-string) so a link
 * opens the same run in any browser. The fragment is validated like any other untrusted input.
 */
// The default export: lz-string is CommonJS, and plain Node ESM (the CLI, tsx) sees no named exports in it.
import LZString from 'lz-string';
import { z } from 'zod';
import type { LoggedCommand } from '../engine';

export const SHARE_PREFIX = 'run=';
/** Long runs belong in a file export; URLs over ~32 k characters are unreliable across browsers. */
export const MAX_FRAGMENT_LENGTH = 32_000;

const shared = z.object({
  v: z.literal(1),
  s: z.string().min(1).max(60),
  seed: z.string().min(1).max(40),
  c: z.array(z.tuple([z.number().int().min(0), z.object({ type: z.string() }).passthrough()])).max(5000),
  /** The final hash when the link was made (lets the receiver check the replay). */
  h: z.string().max(20).optional(),
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

export function decodeShare(fragment: string): { ok: true; run: SharedRun } | { ok: false; error: string } {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(SHARE_PREFIX)) return { ok: false, error: 'not a Cascade run link' };
  if (body.length > MAX_FRAGMENT_LENGTH) return { ok: false, error: 'the link is too long' };
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(body.slice(SHARE_PREFIX.length));
  } catch {
    // lz-string throws on some malformed inputs instead of returning null.
    json = null;
  }
  if (!json) return { ok: false, error: 'the link is damaged (it could not be decompressed)' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'the link is damaged (not valid data)' };
  }
  const parsed = shared.safeParse(value);
  if (!parsed.success) return { ok: false, error: `the link is damaged: ${parsed.error.issues[0]!.message}` };
  const p = parsed.data;
  return {
    ok: true,
    run: {
      scenarioId: p.s,
      seed: p.seed,
      commands: p.c.map(([tick, cmd]) => ({ tick, cmd: cmd as LoggedCommand['cmd'] })),
      finalHash: p.h,
    },
  };
}
