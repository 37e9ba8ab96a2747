/**
 * Share links for a finished drill: src/run/share.ts compresses scenario id + seed + command log + final hash
 * into the URL fragment `#run=...`. One addition here: a drill the facilitator STOPPED early ends before the
 * scenario does, and the link format has no field for that tick, so it travels as a last entry
 * `[tick, { type: 'stop' }]` in the command list — never an engine command: it is taken out before the run is
 * replayed (and an older page that did not know it would see a command the engine turns down, without
 * changing the state). A field for it in the link format would be cleaner; the format is src/run's.
 *
 * A link is untrusted: src/run/share.ts bounds and validates it, and `openSharedLink` never lets anything it
 * does throw into the page (a share link is opened from a store subscription while the page loads: an
 * exception there left the page on "Loading scenarios… 100 %").
 */
import { t } from '../../i18n';
import { countLabel } from '../../store/format';
import type { Command, LoggedCommand } from '../../engine';
import type { Refusal } from '../../run/refusals';
import { decodeShare, encodeShare, MAX_FRAGMENT_LENGTH, SHARE_PREFIX } from '../../run/share';
import type { GameStore, RunToOpen, SessionStore } from '../../store';
import { refusalText } from '../refusalText';
import { openRunSafely } from '../saves/resume';

export const STOP_MARKER = 'stop';

export type ShareResult = { ok: true; fragment: string } | { ok: false; reason: string };

export function shareFragment(game: GameStore): ShareResult {
  const g = game.getState();
  const commands: LoggedCommand[] = g.log.map((c) => ({ tick: c.tick, cmd: c.cmd }));
  if (g.stopped && !g.ended)
    commands.push({ tick: g.sim.state.tick, cmd: { type: STOP_MARKER } as unknown as Command });
  const fragment = encodeShare({ scenarioId: g.scenario.id, seed: g.seed, commands, finalHash: g.hash() });
  if (fragment === undefined)
    return {
      ok: false,
      reason: t('debrief:share.tooLong', { max: countLabel(MAX_FRAGMENT_LENGTH) }),
    };
  return { ok: true, fragment };
}

/** The page address with the run in its fragment (and without test flags: a link is for other people). */
export function shareUrl(location: { origin: string; pathname: string }, fragment: string): string {
  return `${location.origin}${location.pathname}#${fragment}`;
}

export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

export function runFromFragment(
  hash: string,
): { ok: true; run: RunToOpen } | { ok: false; error: string; refusal?: Refusal } {
  const decoded = decodeShare(hash);
  if (!decoded.ok) return decoded;
  const { run } = decoded;
  const stop = run.commands.find((c) => (c.cmd as { type: string }).type === STOP_MARKER);
  return {
    ok: true,
    run: {
      from: 'link',
      scenarioId: run.scenarioId,
      seed: run.seed,
      commands: run.commands.filter((c) => (c.cmd as { type: string }).type !== STOP_MARKER),
      untilTick: stop?.tick,
      expectedHash: run.finalHash,
    },
  };
}

/** Opens the run in a `#run=...` fragment, or says on the menu's notice line why not. Never throws. */
export function openSharedLink(session: SessionStore, hash: string): GameStore | null {
  let decoded: ReturnType<typeof runFromFragment>;
  try {
    decoded = runFromFragment(hash);
  } catch (error) {
    decoded = { ok: false, error: t('debrief:share.unreadable', { error: String(error).slice(0, 160) }) };
  }
  if (!decoded.ok) {
    session
      .getState()
      .setNotice({ kind: 'error', text: t('debrief:share.cannotOpen', { reason: refusalText(decoded) }) });
    return null;
  }
  return openRunSafely(session, decoded.run, t('debrief:share.thisLink'));
}
