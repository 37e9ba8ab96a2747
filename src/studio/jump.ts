/**
 * "Try it fast" in the studio, as pure functions over the engine: read the moment an author wants to jump to
 * ("T+1:00", "1:30", "90m"), and find the tick at which an inject first fires for a seed and a command log,
 * so the drill can open just before it. The drill itself is then rebuilt by the game store's history
 * (fast-forward with the same engine and commands), so what the author sees is exactly what players would.
 */
import { applyDue, createSim, elapsedClock, step, type LoggedCommand, type Scenario } from '../engine';
import { parseDuration } from '../scenario';

/**
 * Why a jump cannot be made, in English (`error`/`reason`, for the tests and logs) and as a code with values
 * (`check`), which the studio words in its language (the `studio` namespace's `jump` keys; English there must
 * say exactly this: test/i18n/studio-jump.test.ts). This module stays free of i18next, like src/run.
 */
export const JUMP_TEXTS = {
  notATime:
    '“{{text}}” is not a time of the drill: write T+h:mm (T+1:00 is one hour in) or a duration like 90m.',
  pastEnd: '{{at}} is past the end of the drill (it lasts until {{end}}).',
  noInject: 'there is no inject “{{inject}}”',
  neverFires: '“{{inject}}” never fires with seed {{seed}} and these commands',
  neverFiresBeforeEnd: '“{{inject}}” never fires with seed {{seed}} and these commands before the drill ends',
} as const;

export interface JumpCheck {
  code: keyof typeof JUMP_TEXTS;
  params: Readonly<Record<string, string>>;
}

function check(code: JumpCheck['code'], params: Record<string, string>): { text: string; check: JumpCheck } {
  const text = JUMP_TEXTS[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
  return { text, check: { code, params } };
}

export type JumpTime = { ok: true; tick: number } | { ok: false; error: string; check: JumpCheck };

const CLOCK_RE = /^(?:T\s*\+\s*)?(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/i;

/**
 * A moment of the drill as a tick (seconds since the start): "T+1:00" / "1:00" (hours:minutes, as the game
 * writes times), "1:00:30" (with seconds), or a duration as in scenario files ("90m", "1h30m", "45s").
 * Past the drill's end, or unreadable, is an error that says what to write.
 */
export function parseJumpTime(text: string, durationTicks: number): JumpTime {
  const t = text.trim();
  let tick: number | undefined;
  const clock = CLOCK_RE.exec(t);
  if (clock) tick = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  else {
    // A bare number is refused: minutes or seconds? The author writes the unit.
    const duration = t.replace(/^T\s*\+\s*/i, '');
    const seconds = /^\d/.test(duration) && !/^\d+(\.\d+)?$/.test(duration) ? parseDuration(duration) : NaN;
    if (Number.isFinite(seconds)) tick = Math.round(seconds);
  }
  if (tick === undefined) {
    const refused = check('notATime', { text: t });
    return { ok: false, error: refused.text, check: refused.check };
  }
  if (tick > durationTicks) {
    const refused = check('pastEnd', { at: elapsedClock(tick), end: elapsedClock(durationTicks) });
    return { ok: false, error: refused.text, check: refused.check };
  }
  return { ok: true, tick };
}

export type FireTick = { fires: true; tick: number } | { fires: false; reason: string; check: JumpCheck };

function never(code: JumpCheck['code'], params: Record<string, string>): FireTick {
  const refused = check(code, params);
  return { fires: false, reason: refused.text, check: refused.check };
}

/**
 * The tick at whose step inject `injectId` first fires, with this seed and these commands. A drill rebuilt up
 * to that tick (untilTick = tick) opens on the moment just before it: the first step fires it.
 */
export function fireTickOf(
  scenario: Scenario,
  seed: string,
  log: readonly LoggedCommand[],
  injectId: string,
): FireTick {
  const index = scenario.injects.findIndex((i) => i.id === injectId);
  if (index < 0) return never('noInject', { inject: injectId });
  const sorted = [...log].sort((a, b) => a.tick - b.tick);
  const sim = createSim(scenario, seed);
  let cursor = 0;
  while (sim.state.tick < scenario.durationTicks && !sim.state.ended) {
    cursor = applyDue(sim, sorted, cursor);
    const tick = sim.state.tick;
    step(sim);
    if (sim.state.injects[index]!.fired > 0) return { fires: true, tick };
  }
  return never(sim.state.ended ? 'neverFiresBeforeEnd' : 'neverFires', { inject: injectId, seed });
}
