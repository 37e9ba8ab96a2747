/**
 * The scenario's learning objectives and debrief questions, each with the facts from this run that bear on it
 * (report.objectives / report.questions: matched by topic in src/run/report.ts).
 */
import { t } from '../../i18n';
import type { ReportModel } from '../../run';
import { h } from '../dom';

function withFacts(tag: 'ul' | 'ol', id: string, items: { text: string; facts: string[] }[]): HTMLElement {
  return h(
    tag,
    { id, class: 'with-facts' },
    ...items.map((item) =>
      h(
        'li',
        {},
        h('strong', { text: item.text }),
        item.facts.length > 0 && h('ul', { class: 'facts' }, ...item.facts.map((f) => h('li', { text: f }))),
      ),
    ),
  );
}

export function factsSection(report: ReportModel): HTMLElement {
  return h(
    'section',
    { class: 'report-facts', 'aria-labelledby': 'objectives-title' },
    h('h2', { id: 'objectives-title', text: t('debrief:objectivesTitle') }),
    withFacts('ul', 'objectives', report.objectives),
    h('h2', { text: t('debrief:questionsTitle') }),
    withFacts('ol', 'questions', report.questions),
  );
}
