/**
 * The Markdown export's headings and column names in the interface language (src/run/report.ts writes the
 * export; it takes its own words from here so src/run stays free of the i18n instance).
 */
import { t } from '../../i18n';
import type { MarkdownWords } from '../../run';
import { scoreLabelText, scoreWhyText } from './scoreWhyText';

export function markdownWords(): MarkdownWords {
  return {
    title: (title) => t('debrief:markdown.title', { title }),
    runLine: (v) => t('debrief:markdown.runLine', v),
    score: (total) => t('debrief:markdown.score', { total }),
    scoreColumns: [
      t('debrief:markdown.columns.component'),
      t('debrief:markdown.columns.value'),
      t('debrief:markdown.columns.weight'),
      t('debrief:markdown.columns.points'),
      t('debrief:markdown.columns.movedBy'),
    ],
    movedBy: (label) => t('debrief:markdown.movedBy', { label }),
    objectives: t('debrief:markdown.objectives'),
    questions: t('debrief:markdown.questions'),
    whatIf: t('debrief:markdown.whatIf'),
    timeline: t('debrief:markdown.timeline'),
    timelineColumns: [t('debrief:markdown.columns.time'), t('debrief:markdown.columns.what')],
    kind: (kind) => t(`debrief:markdown.kinds.${kind}`),
    component: (c, currency) => ({ label: scoreLabelText(c.id), explanation: scoreWhyText(c.why, currency) }),
  };
}
