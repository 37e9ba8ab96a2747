/**
 * Opening what comes from outside the running page — a saved drill, a run file, a share link — without ever
 * breaking the page: a save is checked against the scenario it will resume with BEFORE it resumes
 * (src/run/fit.ts: another version of the scenario, or a forged state, is refused with the reason), and
 * whatever still goes wrong while the drill is rebuilt is caught and said on the menu's notice line, which
 * always shows the outcome of the LAST thing opened (never a stale notice from an earlier file). DOM-free, so
 * the tests call it in Node.
 */
import { t } from '../../i18n';
import { checkSaveFits } from '../../run/fit';
import type { Save } from '../../run/save';
import { displayText } from '../../run/text';
import { refusalText } from '../refusalText';
import type { Scenario } from '../../engine';
import { findScenario, type GameStore, type RunToOpen, type SessionStore } from '../../store';

/** Answers for the menu's list, per compiled scenario and save (the list is read again each time it shows). */
const listed = new WeakMap<Scenario, Map<string, string | null>>();

/**
 * Why a save cannot be resumed with the scenarios on offer, or null if it can (or its scenario is not loaded:
 * the session says so itself). `remember`: reuse the answer for the same save text (for the list; Resume
 * always checks afresh).
 */
export function resumeProblem(session: SessionStore, save: Save, remember = false): string | null {
  const entry = findScenario(session.getState().scenarios, save.scenarioId, save.scenarioHash);
  if (!entry) return null;
  const key = `${save.checksum}:${save.hash}:${save.commands.length}`;
  let known = listed.get(entry.scenario);
  if (remember && known?.has(key)) return known.get(key)!;
  const fit = checkSaveFits(save, entry.scenario);
  const problem = fit.ok ? null : refusalText(fit);
  if (!known) listed.set(entry.scenario, (known = new Map()));
  if (known.size > 64) known.clear();
  known.set(key, problem);
  return problem;
}

export function resumeSave(
  session: SessionStore,
  save: Save,
  drillId: string,
  roles: Record<number, string>,
): GameStore | null {
  const refuse = (why: string) => {
    session.getState().setNotice({
      kind: 'error',
      text: t('saves:cannotResume', { name: displayText(save.name), reason: why }),
    });
    return null;
  };
  const problem = resumeProblem(session, save);
  if (problem) return refuse(problem);
  try {
    return session.getState().resume(save, drillId, roles);
  } catch (error) {
    return refuse(t('saves:rebuildFailed', { error: String(error).slice(0, 160) }));
  }
}

/** `openRun`, with anything it throws said on the notice line. `what`: "This share link", "run.json". */
export function openRunSafely(session: SessionStore, run: RunToOpen, what: string): GameStore | null {
  try {
    return session.getState().openRun(run);
  } catch (error) {
    session.getState().setNotice({
      kind: 'error',
      text: t('saves:replayFailed', { what, error: String(error).slice(0, 160) }),
    });
    return null;
  }
}
