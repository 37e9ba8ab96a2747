/**
 * Exports of a finished drill: Markdown (the report as text: pastable into an after-action document) and JSON
 * (the full record — run record with minute checkpoints, roles, report model and chart series — which "Open a
 * run file" in the menu reads back and replays).
 */
import {
  ENGLISH_RUN_WORDS,
  reportToMarkdown,
  type ReportModel,
  type RunWords,
  type WhatIfReport,
} from '../../run';
import type { GameStore } from '../../store';
import { h } from '../dom';
import { makeExport, type RunExport } from '../saves/runFile';
import { endingText, outcomeText } from './endingText';
import { markdownWords } from './markdownWords';
import { runWords } from './runWords';
import { reportTimeline, type ReportTimelineEntry } from './timeline';
import { withPlainWords } from './whatIfWords';
import { reportOf } from '../../store/report';

/**
 * The report model with the timeline and what-if results in the same plain words as the page; `timeline` keeps
 * which decisions the engine turned down (the page marks them). Its sentences are in `words` (the interface
 * language unless given).
 */
export function reportView(
  game: GameStore,
  whatIf?: WhatIfReport,
  words: RunWords = runWords(),
): { report: ReportModel; timeline: ReportTimelineEntry[] } {
  const g = game.getState();
  const model = reportOf(g, undefined, words);
  const timeline = reportTimeline(g.scenario, g.sim.state, g.log, g.results, g.roles, model, words);
  const report: ReportModel = {
    ...model,
    timeline: timeline.map(({ rejected: _rejected, ...entry }) => entry),
    ...(whatIf ? { whatIf: withPlainWords(g.scenario, g.log, g.results, whatIf, words) } : {}),
  };
  return { report, timeline };
}

export function fullReport(game: GameStore, whatIf?: WhatIfReport, words?: RunWords): ReportModel {
  return reportView(game, whatIf, words).report;
}

/** The report as Markdown in the interface language (the JSON export keeps the report model's English). */
export function markdownOf(game: GameStore, whatIf?: WhatIfReport): string {
  const report = fullReport(game, whatIf);
  const { scenario, sim } = game.getState();
  const ending = { ...report.ending, text: endingText(report.ending, scenario.durationTicks) };
  const outcome = outcomeText(sim.state.outcome, scenario);
  return reportToMarkdown({ ...report, ending, outcome }, markdownWords());
}

export function exportOf(game: GameStore, whatIf?: WhatIfReport): RunExport {
  const g = game.getState();
  return makeExport({
    record: g.record(),
    roles: { ...g.roles },
    // The JSON export keeps the report model's English (src/run's own words).
    report: fullReport(game, whatIf, ENGLISH_RUN_WORDS),
    series: structuredClone(g.series()),
  });
}

/** "cascade-tutorial-seed-42" */
export function fileStem(game: GameStore): string {
  const g = game.getState();
  return `cascade-${g.scenario.id}-seed-${g.seed}`.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** Hands `text` to the browser as a file download. */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled (some browsers read the URL asynchronously).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
