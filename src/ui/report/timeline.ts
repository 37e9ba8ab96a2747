/**
 * The report's timeline: every command of the log in words (with the engine's verdict and who issued it),
 * what came of them (orders taking effect, attacks), and the report model's injects, statements landing,
 * feed highlights and service status changes. Pure: the same list goes on screen, on paper and into the
 * Markdown export.
 */
import {
  elapsedClock,
  type ApplyResult,
  type LogEntry,
  type LoggedCommand,
  type Scenario,
} from '../../engine';
import { t } from '../../i18n';
import { ENGLISH_RUN_WORDS, type ReportModel, type RunWords, type TimelineEntry } from '../../run';
import { commandInWords, humanText } from '../../run/words';
import { rejectionText } from '../rejectionText';

export interface ReportTimelineEntry extends TimelineEntry {
  /** A decision the engine turned down. */
  rejected?: boolean;
}

export function reportTimeline(
  scenario: Scenario,
  state: { readonly log: readonly Readonly<LogEntry>[] },
  log: readonly LoggedCommand[],
  results: readonly ApplyResult[],
  roles: Readonly<Record<number, string>>,
  report: Pick<ReportModel, 'timeline'>,
  words: RunWords = ENGLISH_RUN_WORDS,
): ReportTimelineEntry[] {
  const items: (ReportTimelineEntry & { order: number })[] = [];
  log.forEach((entry, i) => {
    if (entry.cmd.type === 'annotate') return; // the facilitator's notes come with the report model's timeline
    const result = results[i];
    const said = commandInWords(scenario, entry.cmd, log, results, words);
    const rejected = result !== undefined && !result.ok;
    items.push({
      tick: entry.tick,
      clock: elapsedClock(entry.tick),
      kind: 'decision',
      text: rejected
        ? t('debrief:timeline.turnedDown', { words: said, reason: rejectionText(result) })
        : said,
      ...(roles[i] ? { by: roles[i] } : {}),
      ...(rejected ? { rejected: true } : {}),
      order: 0,
    });
  });
  // What the report model leaves out: orders taking effect or ending, attacks, the people side's events.
  for (const e of state.log) {
    const statementLanded = e.kind === 'people' && e.text.startsWith('statement landed'); // the model has it, with its blocks
    if ((e.kind === 'mitigation' || e.kind === 'attack' || e.kind === 'people') && !statementLanded)
      items.push({
        tick: e.tick,
        clock: elapsedClock(e.tick),
        kind: 'note',
        text: humanText(scenario, e.text, words),
        order: 1,
      });
  }
  for (const t of report.timeline) if (t.kind !== 'decision') items.push({ ...t, order: 1 });
  // Stable: at the same tick the player's command comes first, then what the engine logged at that tick.
  return items.sort((a, b) => a.tick - b.tick || a.order - b.order).map(({ order: _order, ...item }) => item);
}
