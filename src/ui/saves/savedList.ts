/**
 * The menu's saved drills and run files.
 *
 * SAVED DRILLS: every autosave (storage.ts), newest first — name, scenario, seed, simulated time, score, when
 * it was saved — with Resume for a drill still under way, Debrief and Replay for one that is over (it reached its
 * end, or was ended with End drill), and Delete. A save that
 * does not load is listed as "damaged: <reason>" with Delete only; so is one that loads but does not fit the
 * scenario it would resume with (another version of it, or edited: resume.ts), as "cannot be resumed:
 * <reason>". The others work as usual. The list is read again each time the menu shows. Names are shown as
 * text, without bidirectional overrides (dom.ts).
 *
 * RUN FILES: "Open a run file" reads a JSON exported from a debrief (runFile.ts) and opens it as a finished
 * drill (replayed to where it was recorded). Problems are said in the menu's notice line, which always says
 * what happened to the file just chosen.
 */
import { t } from '../../i18n';
import type { SessionStore } from '../../store';
import { h, listen, setHidden, setText } from '../dom';
import { MAX_RUN_FILE_CHARS, readRunFile } from './runFile';
import { openRunSafely, resumeProblem, resumeSave } from './resume';
import { deleteSave, listSaves, type KeyValueStore, type SavedEntry } from './storage';
// From the engine, not src/run's re-export: that one lives with the report's code (src/run/report.ts), which
// then came along with the saves list into the game's start-up code.
import { elapsedClock as clock } from '../../engine';
import './saves.css';

export function mountSavedList(
  session: SessionStore,
  storage: KeyValueStore | null,
): { element: HTMLElement; dispose(): void } {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const list = h('ul', { class: 'saved-list', id: 'saved-list' });
  const empty = h('p', { class: 'small muted', id: 'saves-empty' });
  const file = h('input', { type: 'file', id: 'run-file', accept: '.json,application/json' });
  listen(file, signal, 'change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    file.value = '';
    // Bounded before it is even read into a string (readRunFile checks the length again).
    const read =
      chosen.size > MAX_RUN_FILE_CHARS * 4
        ? ({ ok: false, error: t('saves:fileTooLarge') } as const)
        : readRunFile(await chosen.text());
    if (!read.ok) {
      session
        .getState()
        .setNotice({ kind: 'error', text: t('saves:cannotOpen', { what: chosen.name, reason: read.error }) });
      return;
    }
    const { record, roles } = read;
    openRunSafely(
      session,
      {
        from: 'file',
        scenarioId: record.scenarioId,
        scenarioHash: record.scenarioHash,
        seed: record.seed,
        commands: record.commands,
        untilTick: record.finalTick,
        expectedHash: record.finalHash,
        roles,
        record,
      },
      chosen.name,
    );
  });

  const titleOf = (id: string) =>
    session.getState().scenarios.find((e) => e.scenario.id === id)?.scenario.meta.title ?? id;

  const item = (entry: SavedEntry): HTMLElement => {
    const remove = h('button', { type: 'button', class: 'delete-save', text: t('saves:delete') });
    listen(remove, signal, 'click', () => {
      deleteSave(storage!, entry.key);
      refresh();
    });
    if (!entry.ok) {
      return h(
        'li',
        { 'data-key': entry.key, 'data-ok': 'false' },
        h(
          'div',
          { class: 'what' },
          h('strong', { text: t('saves:unreadable') }),
          h('span', { class: 'small damaged', text: t('saves:damaged', { reason: entry.error }) }),
        ),
        remove,
      );
    }
    const { save } = entry;
    const problem = resumeProblem(session, save, true);
    if (problem) {
      return h(
        'li',
        { 'data-key': entry.key, 'data-ok': 'false' },
        h(
          'div',
          { class: 'what' },
          h('strong', { text: save.name }),
          h('span', { class: 'small damaged', text: t('saves:cannotBeResumed', { reason: problem }) }),
        ),
        remove,
      );
    }
    // A drill that is over (its end, or End drill) has a debrief and a replay; only a live one resumes.
    const over = entry.ended || entry.stopped;
    const actions: HTMLElement[] = [];
    if (over) {
      const debrief = h('button', {
        type: 'button',
        class: 'open-debrief primary',
        text: t('saves:debrief'),
      });
      listen(debrief, signal, 'click', () => resumeSave(session, save, entry.drillId, entry.roles));
      const replay = h('button', { type: 'button', class: 'open-replay', text: t('saves:replay') });
      listen(replay, signal, 'click', () => {
        if (resumeSave(session, save, entry.drillId, entry.roles)) session.getState().openReplay();
      });
      actions.push(debrief, replay);
    } else {
      const resume = h('button', { type: 'button', class: 'resume-save primary', text: t('saves:resume') });
      listen(resume, signal, 'click', () => resumeSave(session, save, entry.drillId, entry.roles));
      actions.push(resume);
    }
    const state = entry.ended ? 'ended' : entry.stopped ? 'stopped' : 'live';
    const scenarioTitle = titleOf(save.scenarioId);
    return h(
      'li',
      { 'data-key': entry.key, 'data-ok': 'true' },
      h(
        'div',
        { class: 'what' },
        h('strong', { text: save.name }),
        h('span', {
          class: 'small muted',
          text: `${save.name.startsWith(scenarioTitle) ? '' : `${scenarioTitle} · `}${t(
            `saves:facts.${state}`,
            {
              seed: save.seed,
              at: clock(entry.tick),
              score: save.score.toFixed(1),
              savedAt: save.savedAt,
            },
          )}`,
        }),
      ),
      ...actions,
      remove,
    );
  };

  const refresh = () => {
    const entries = storage ? listSaves(storage) : [];
    list.replaceChildren(...entries.map(item));
    setHidden(empty, entries.length > 0);
    setText(empty, storage ? t('saves:empty') : t('saves:noStorage'));
  };
  refresh();
  const unsubscribe = session.subscribe(
    (s) => s.screen,
    (screen) => {
      if (screen === 'menu') refresh();
    },
  );

  const element = h(
    'section',
    { class: 'saved-drills', id: 'saved-drills', 'aria-labelledby': 'saved-title' },
    h('h2', { id: 'saved-title', text: t('saves:title') }),
    empty,
    list,
    h('div', { class: 'field' }, h('label', { for: 'run-file', text: t('saves:openRunFile') }), file),
  );
  return {
    element,
    dispose() {
      unsubscribe();
      lifetime.abort();
    },
  };
}
