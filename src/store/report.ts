/**
 * The after-action report of a drill as it stands (a replay's is its finished drill's). Not part of the store
 * itself: the report's code (src/run/report.ts, facts, words) is loaded with the debrief that shows it, so the
 * game starts without it.
 */
import { buildReport, type ReportModel, type RunWords, type WhatIfReport } from '../run';
import type { GameState } from './gameStore';

/** Its sentences in `words` (English when not given: the JSON export keeps English). */
export function reportOf(
  game: Pick<GameState, 'reportInputs'>,
  whatIf?: WhatIfReport,
  words?: RunWords,
): ReportModel {
  const { sim, log, series, ...options } = game.reportInputs();
  return buildReport(sim, log, series, { ...options, whatIf, ...(words ? { words } : {}) });
}
