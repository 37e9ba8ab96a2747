/**
 * "Try it" in the studio: start the drill from the text being edited, at any T+ or just before a chosen inject,
 * after a fast-forward with the engine and the commands chosen for the time before (nobody acting, the balance
 * runner's expert play, or a command log file). The drill is rebuilt by the game store's own history, so it is
 * exactly what players would have reached; it opens paused.
 */
import { play } from '../../balance/play';
import { EXPERT } from '../../balance/policies';
import { policyByName } from '../../balance/policySet';
import { elapsedClock, type LoggedCommand } from '../../engine';
import { loggedCommand, parseLimited } from '../../run';
import { createGameStore, type SessionStore } from '../../store';
import { fireTickOf, parseJumpTime, type JumpCheck } from '../../studio/jump';
import type { PreviewModel } from '../../studio/preview';
import { t } from '../../i18n';
import { h, setText } from '../dom';
import { refusalText } from '../refusalText';
import { randomSeed } from '../flags';
import { compileFile } from '../../scenario';

const MAX_LOG_CHARS = 2_000_000;

export interface TryItHost {
  rateScale: number;
  text(): string;
  fileName(): string;
  /** Before the drill is built (the studio saves its draft). */
  beforeStart(): void;
  /** The drill is in the session (the studio closes). */
  started(): void;
}

export interface TryIt {
  element: HTMLElement;
  /** The injects of the text as it last compiled, for "just before". */
  showInjects(model: PreviewModel): void;
}

export function parseCommandLog(
  text: string,
): { ok: true; log: LoggedCommand[] } | { ok: false; error: string } {
  const parsed = parseLimited(text, 'command log', { maxChars: MAX_LOG_CHARS });
  if (!parsed.ok) return { ok: false, error: refusalText(parsed) };
  const value = parsed.value;
  const list = Array.isArray(value) ? value : (value as { commands?: unknown })?.commands;
  if (!Array.isArray(list)) return { ok: false, error: t('studio:try.notALog') };
  const log: LoggedCommand[] = [];
  for (const [i, entry] of list.entries()) {
    const r = loggedCommand.safeParse(entry);
    if (!r.success) return { ok: false, error: t('studio:try.badEntry', { n: i + 1 }) };
    log.push(r.data as LoggedCommand);
  }
  return { ok: true, log };
}

/** Why a jump cannot be made (src/studio/jump.ts), in the interface language. */
export function jumpText(check: JumpCheck): string {
  // The values differ per code, so the typed keys cannot check them: test/i18n/studio-jump.test.ts does.
  const translate = t as unknown as (key: string, values: Readonly<Record<string, string>>) => string;
  return translate(`studio:jump.${check.code}`, check.params);
}

export function createTryIt(session: SessionStore, host: TryItHost): TryIt {
  const seedInput = h('input', {
    type: 'text',
    id: 'studio-seed',
    value: session.getState().seed,
    maxlength: 40,
    spellcheck: 'false',
    inputmode: 'numeric',
  });
  const timeInput = h('input', {
    type: 'text',
    id: 'studio-jump',
    value: 'T+0:00',
    spellcheck: 'false',
    'aria-describedby': 'studio-jump-help',
  });
  const injectSelect = h(
    'select',
    { id: 'studio-inject' },
    h('option', { value: '', text: t('studio:try.timeAbove') }),
  );
  const modeSelect = h(
    'select',
    { id: 'studio-commands' },
    h('option', { value: 'none', text: t('studio:try.modes.none') }),
    h('option', { value: 'expert', text: t('studio:try.modes.expert') }),
    h('option', { value: 'file', text: t('studio:try.modes.file') }),
  );
  const logInput = h('input', {
    type: 'file',
    id: 'studio-log',
    accept: '.json,application/json',
    hidden: true,
    'aria-label': t('studio:try.logFile'),
  });
  const start = h('button', {
    type: 'button',
    class: 'primary',
    id: 'studio-start',
    text: t('studio:try.start'),
  });
  const tryMessage = h('p', { id: 'studio-try-message', class: 'small', role: 'alert' });

  const element = h(
    'section',
    { id: 'studio-try', 'aria-labelledby': 'studio-try-title' },
    h('h2', { id: 'studio-try-title', text: t('studio:try.title') }),
    h(
      'div',
      { class: 'studio-grid' },
      h('label', { for: 'studio-seed', text: t('studio:try.seed') }),
      seedInput,
      h('label', { for: 'studio-jump', text: t('studio:try.startAt') }),
      timeInput,
      h('label', { for: 'studio-inject', text: t('studio:try.justBefore') }),
      injectSelect,
      h('label', { for: 'studio-commands', text: t('studio:try.untilThen') }),
      modeSelect,
    ),
    logInput,
    h('p', {
      id: 'studio-jump-help',
      class: 'small muted',
      text: t('studio:try.help'),
    }),
    start,
    tryMessage,
  );

  const showInjects = (model: PreviewModel) => {
    const chosen = injectSelect.value;
    injectSelect.replaceChildren(
      h('option', { value: '', text: t('studio:try.timeAbove') }),
      ...model.injects.map((i) =>
        h('option', {
          value: i.id,
          text: `${i.id} (${i.atTick >= 0 ? elapsedClock(i.atTick) : i.trigger.slice(0, 50)})`,
        }),
      ),
    );
    if (model.injects.some((i) => i.id === chosen)) injectSelect.value = chosen;
  };

  let uploadedLog: LoggedCommand[] | null = null;
  modeSelect.addEventListener('change', () => {
    logInput.hidden = modeSelect.value !== 'file';
    if (modeSelect.value === 'file') logInput.click();
  });
  logInput.addEventListener('change', async () => {
    const file = logInput.files?.[0];
    if (!file) return;
    const parsed = parseCommandLog(await file.text());
    uploadedLog = parsed.ok ? parsed.log : null;
    setText(
      tryMessage,
      parsed.ok
        ? t('studio:try.logRead', { count: parsed.log.length, file: file.name })
        : `${file.name}: ${parsed.error}`,
    );
  });

  const fail = (message: string) => {
    setText(tryMessage, message);
    tryMessage.dataset.kind = 'error';
  };

  start.addEventListener('click', () => {
    tryMessage.dataset.kind = '';
    const seed = seedInput.value.trim() || randomSeed();
    seedInput.value = seed;
    host.beforeStart();
    const s = session.getState();
    const report = s.openFile(compileFile(host.fileName(), host.text()));
    if (!report.ok) {
      const errors = report.diagnostics.filter((d) => d.severity === 'error');
      fail(t('studio:try.hasErrors', { count: errors.length }));
      return;
    }
    const entry = session.getState().scenarios.find((e) => e.key === session.getState().selectedKey)!;
    const scenario = entry.scenario;
    let log: LoggedCommand[] = [];
    let who = t('studio:try.who.none');
    if (modeSelect.value === 'expert') {
      log = play(scenario, seed, policyByName(scenario, EXPERT)!).log;
      who = t('studio:try.who.expert');
    } else if (modeSelect.value === 'file') {
      if (!uploadedLog) return fail(t('studio:try.chooseLog'));
      log = uploadedLog;
      who = t('studio:try.who.log');
    }
    let untilTick: number;
    if (injectSelect.value) {
      const found = fireTickOf(scenario, seed, log, injectSelect.value);
      if (!found.fires) return fail(t('studio:try.cannotStartBefore', { reason: jumpText(found.check) }));
      untilTick = found.tick;
    } else {
      const time = parseJumpTime(timeInput.value || 'T+0:00', scenario.durationTicks);
      if (!time.ok) return fail(jumpText(time.check));
      untilTick = time.tick;
    }
    const at = injectSelect.value
      ? t('studio:try.justBeforeInject', { inject: injectSelect.value, at: elapsedClock(untilTick) })
      : elapsedClock(untilTick);
    const game = createGameStore({
      scenario,
      seed,
      rateScale: host.rateScale,
      history: { log, untilTick },
      origin: untilTick > 0 ? { kind: 'studio', label: t('studio:try.origin', { at, who }) } : undefined,
    });
    session.getState().setSeed(seed);
    session.setState({ game, notice: null });
    host.started();
  });

  return { element, showInjects };
}
