/**
 * The debrief: the after-action report of the finished drill, for the room (large type, charts readable on a
 * projector) and for people who never opened the game (Print / Save as PDF on one A4 page, Markdown, JSON).
 *
 *   - outcome, and where the run came from (a save, a link, a file, a fork) with its hash check;
 *   - the score breakdown, each component with the decisions and events that moved it;
 *   - charts over simulated time (report/chartsSection.ts);
 *   - who ended the drill and when (time ran out, the script, the trainee's End drill, the facilitator);
 *   - learning objectives and debrief questions, each with the facts of this run that bear on it (next to
 *     the score);
 *   - the timeline across the full width: a strip chart (decisions, scenario events, the critical services'
 *     state) over a list in hour-long parts, status changes behind a checkbox;
 *   - "what if", worked out in a Web Worker on request;
 *   - Replay (time travel, fork), Play again, exports, a share link, and the run's identity (scenario, seed,
 *     final state hash) so anyone can reproduce it: `npm run sim -- <scenario> --seed <seed> --commands <log>`.
 */
import { t } from '../i18n';
import type { WhatIfReport } from '../run/whatif';
import type { GameStore, SessionStore } from '../store';
import { countLabel, moneyLabel } from '../store/format';
import { h, listen, setHidden, setText } from './dom';
import { mountChartsSection } from './report/chartsSection';
import { endingText } from './report/endingText';
import { download, exportOf, fileStem, markdownOf, reportView } from './report/exports';
import { factsSection } from './report/factsSection';
import { scoreTable } from './report/scoreSection';
import { shareFragment, shareUrl } from './report/shareLink';
import { timelineChart } from './report/timelineChart';
import { printedDecisions, timelineList } from './report/timelineList';
import { mountWhatIf } from './report/whatIfPanel';
import { sceneText } from './sceneText';
import './report/report.css';

const OUTCOMES = ['success', 'partial', 'failure', 'timeout'] as const;

/** The script's verdict in the interface language (an unknown one is shown as the script wrote it). */
function outcomeWord(outcome: string): string {
  const known = OUTCOMES.find((o) => o === outcome);
  return known ? t(`debrief:outcome.${known}`) : outcome;
}

/** One line on where the run came from, and whether it reproduced the hash it was recorded with. */
function originLine(game: GameStore, hash: string): { text: string; ok: boolean } | null {
  const { origin } = game.getState();
  if (!origin) return null;
  const parts = [origin.label];
  let ok = true;
  if (origin.expectedHash !== undefined) {
    ok = origin.expectedHash === hash;
    parts.push(
      ok
        ? t('debrief:hashMatch', { hash })
        : t('debrief:hashMismatch', { hash, expected: origin.expectedHash }),
    );
  }
  if (origin.historyMatched === false) {
    ok = false;
    parts.push(t('debrief:historyMismatch'));
  }
  return { text: parts.join(' '), ok };
}

export function mountDebrief(
  root: HTMLElement,
  session: SessionStore,
  game: GameStore,
): { dispose(): void; focus(): void } {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const g = game.getState();
  const { scenario } = g;
  const money = (amount: number) => moneyLabel(amount, scenario);
  const st = g.sim.state;
  const hash = g.hash();
  const m = st.metrics;
  const { report, timeline } = reportView(game);
  let whatIf: WhatIfReport | undefined;

  // ---- actions -----------------------------------------------------------------------------------
  const again = h('button', {
    type: 'button',
    class: 'primary',
    id: 'replay-button',
    text: t('debrief:playAgain', { seed: g.seed }),
  });
  listen(again, signal, 'click', () => {
    session.getState().setSeed(g.seed);
    session.getState().start();
  });
  const replay = h('button', { type: 'button', id: 'replay-run', text: t('debrief:replay') });
  listen(replay, signal, 'click', () => session.getState().openReplay());
  const print = h('button', { type: 'button', id: 'print-report', text: t('debrief:print') });
  listen(print, signal, 'click', () => window.print());
  const markdown = h('button', {
    type: 'button',
    id: 'export-markdown',
    text: t('debrief:downloadMarkdown'),
  });
  listen(markdown, signal, 'click', () =>
    download(`${fileStem(game)}-report.md`, markdownOf(game, whatIf), 'text/markdown'),
  );
  const json = h('button', { type: 'button', id: 'export-json', text: t('debrief:downloadJson') });
  listen(json, signal, 'click', () =>
    download(
      `${fileStem(game)}-run.json`,
      JSON.stringify(exportOf(game, whatIf), null, 1),
      'application/json',
    ),
  );
  const share = h('button', { type: 'button', id: 'share-button', text: t('debrief:copyShare') });
  const shareInput = h('input', {
    type: 'text',
    id: 'share-link',
    readonly: true,
    'aria-label': t('debrief:shareLink'),
    spellcheck: 'false',
  });
  const shareStatus = h('p', { id: 'share-status', class: 'small', role: 'status', 'aria-live': 'polite' });
  const shareRow = h('div', { class: 'share-row' }, shareInput);
  setHidden(shareRow, true);
  listen(share, signal, 'click', () => {
    const result = shareFragment(game);
    if (!result.ok) {
      setHidden(shareRow, true);
      setText(shareStatus, result.reason);
      json.focus();
      return;
    }
    const url = shareUrl(window.location, result.fragment);
    shareInput.value = url;
    setHidden(shareRow, false);
    shareInput.select();
    // The link is always shown (selected, to copy by hand); the clipboard may be refused (no permission, http).
    setText(shareStatus, t('debrief:copyByHand'));
    void navigator.clipboard?.writeText(url).then(
      () => setText(shareStatus, t('debrief:copied')),
      () => setText(shareStatus, t('debrief:copyRefused')),
    );
  });
  const menu = h('button', { type: 'button', id: 'menu-button', text: t('debrief:backToMenu') });
  listen(menu, signal, 'click', () => session.getState().leave());

  // ---- sections ----------------------------------------------------------------------------------
  const origin = originLine(game, hash);
  const decisions = timeline.filter((t) => t.kind === 'decision').length;
  const charts = mountChartsSection(scenario, g.series());
  const whatIfRoot = h('section', { class: 'report-whatif', 'aria-labelledby': 'whatif-title' });
  const entry = session.getState().scenarios.find((e) => e.scenario === scenario);
  const whatIfPanel = mountWhatIf(
    whatIfRoot,
    game,
    entry ? { text: entry.text, fileName: entry.fileName } : null,
    (r) => {
      whatIf = r;
    },
  );

  root.replaceChildren(
    h(
      'div',
      { class: 'overlay-inner report' },
      h('h1', { id: 'debrief-title', text: t('debrief:title', { title: scenario.meta.title }) }),
      // The outcome (the script's verdict, or an early end), then who ended the drill and when. When time ran
      // out the second line says it all.
      st.outcome?.outcome !== 'timeout' &&
        h('p', {
          id: 'outcome',
          text: st.outcome
            ? t('debrief:outcomeLine', {
                outcome: outcomeWord(st.outcome.outcome),
                text: sceneText(scenario, st.outcome.text),
              })
            : t('debrief:endedEarly'),
        }),
      // Who ended the drill and when: time, the script, the trainee (End drill) or the facilitator.
      h('p', {
        id: 'ending',
        class: 'ending',
        'data-by': report.ending.by,
        text: endingText(report.ending, scenario.durationTicks),
      }),
      origin &&
        h('p', { id: 'origin-line', class: 'origin-line', 'data-ok': String(origin.ok), text: origin.text }),
      h('div', { class: 'debrief-actions' }, again, replay, print, markdown, json, share, menu),
      shareRow,
      shareStatus,
      h(
        'div',
        { class: 'debrief-grid' },
        h(
          'section',
          { class: 'report-score', 'aria-labelledby': 'score-title' },
          h(
            'h2',
            { id: 'score-title' },
            `${t('debrief:score')} `,
            h('span', { class: 'score-total', id: 'score-total', text: report.score.total.toFixed(1) }),
            ' / 100',
          ),
          scoreTable(report),
          h(
            'p',
            { class: 'small muted' },
            t('debrief:totals', {
              moved: money(m.valueMovedKES),
              lost: money(m.valueLostKES),
              stuck: money(m.valuePendingKES),
              stranded: countLabel(m.strandedPeak),
              churned: countLabel(m.churned),
              budget: money(m.budgetSpentKES),
            }),
            report.score.projected ? ` ${t('debrief:projected')}` : '',
          ),
          h('h3', { text: t('debrief:run') }),
          h(
            'p',
            { class: 'run-id' },
            `${t('debrief:runScenario')} `,
            h('span', { id: 'run-scenario', text: scenario.id }),
            ` · ${t('debrief:runSeed')} `,
            h('span', { id: 'run-seed', text: g.seed }),
            ' · ',
            h('span', { text: t('debrief:commands', { count: g.log.length }) }),
            ` · ${t('debrief:runEnded')} `,
            h('span', { text: report.endedAt }),
            h('br'),
            `${t('debrief:finalHash')} `,
            h('span', { id: 'state-hash', text: hash }),
          ),
        ),
        factsSection(report),
        h(
          'section',
          { class: 'report-timeline', 'aria-labelledby': 'timeline-title' },
          h('h2', {
            id: 'timeline-title',
            text: t('debrief:timelineTitle', { count: decisions }),
          }),
          timelineChart(timeline, g.series(), st.tick),
          timelineList(timeline, st.tick),
          printedDecisions(timeline),
        ),
        charts.element,
        whatIfRoot,
      ),
    ),
  );
  return {
    dispose() {
      lifetime.abort();
      whatIfPanel.dispose();
      charts.dispose();
      root.replaceChildren();
    },
    focus() {
      again.focus();
    },
  };
}
