/**
 * The debrief: the outcome, the engine's score breakdown (each component explained), the timeline of decisions
 * (the command log with the engine's verdicts, interleaved with what followed), the scenario's discussion
 * questions, and the run's identity — seed and final state hash — so a run can be checked and replayed
 * (`npm run sim -- <scenario> --seed <seed> --commands <downloaded log>`).
 */
import type { GameStore, SessionStore } from '../store';
import { elapsedLabel, kesLabel, countLabel } from '../store/format';
import { decisionTimeline } from '../store/selectors';
import { h, listen } from './dom';

const OUTCOME_WORDS: Record<string, string> = {
  success: 'Success',
  partial: 'Partial success',
  failure: 'Failure',
  timeout: 'Time is up',
};

export function mountDebrief(
  root: HTMLElement,
  session: SessionStore,
  game: GameStore,
): { dispose(): void; focus(): void } {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const g = game.getState();
  const { scenario } = g;
  const st = g.sim.state;
  const breakdown = g.scoreBreakdown();
  const hash = g.hash();
  const m = st.metrics;

  const scoreRows = breakdown.components.map((c) =>
    h(
      'tr',
      { 'data-component': c.id },
      h('th', { scope: 'row', text: c.label }),
      h('td', { class: 'num', text: c.value.toFixed(0) }),
      h('td', { class: 'num', text: `×${c.weight}` }),
      h('td', { class: 'num', text: c.points.toFixed(1) }),
      h('td', { class: 'small', text: c.explanation }),
    ),
  );
  const scoreTable = h(
    'table',
    { class: 'score-table', id: 'score-breakdown' },
    h('caption', { class: 'visually-hidden', text: 'Score breakdown' }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { text: 'Component' }),
        h('th', { class: 'num', text: 'Value' }),
        h('th', { class: 'num', text: 'Weight' }),
        h('th', { class: 'num', text: 'Points' }),
        h('th', { text: 'What moved it' }),
      ),
    ),
    h('tbody', {}, ...scoreRows),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: 'Total' }),
        h('td'),
        h('td'),
        h('td', { class: 'num', id: 'score-total-cell', text: breakdown.total.toFixed(1) }),
        h('td'),
      ),
    ),
  );

  const timeline = decisionTimeline(scenario, st, g.log, g.results);
  const timelineList = h(
    'ol',
    { class: 'timeline', id: 'timeline', 'aria-label': 'Timeline of decisions' },
    ...timeline.map((t) =>
      h(
        'li',
        { 'data-kind': t.kind },
        h('span', { class: 'time', text: t.time }),
        h('span', { class: 'text', text: t.text }),
      ),
    ),
  );
  const decisions = timeline.filter((t) => t.kind === 'decision' || t.kind === 'rejected').length;

  const replay = h('button', {
    type: 'button',
    class: 'primary',
    id: 'replay-button',
    text: `Play again with seed ${g.seed}`,
  });
  listen(replay, signal, 'click', () => {
    session.getState().setSeed(g.seed);
    session.getState().start();
  });
  const download = h('button', {
    type: 'button',
    id: 'download-log',
    text: 'Download the command log (JSON)',
  });
  listen(download, signal, 'click', () => {
    const json = JSON.stringify({ scenario: scenario.id, seed: g.seed, hash, commands: g.log }, null, 2);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = h('a', { href: url, download: `cascade-${scenario.id}-seed-${g.seed}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  });
  const menu = h('button', { type: 'button', id: 'menu-button', text: 'Back to the menu' });
  listen(menu, signal, 'click', () => session.getState().leave());

  root.replaceChildren(
    h(
      'div',
      { class: 'overlay-inner' },
      h('h1', { id: 'debrief-title', text: `Debrief: ${scenario.meta.title}` }),
      h('p', {
        id: 'outcome',
        text: st.outcome
          ? `${OUTCOME_WORDS[st.outcome.outcome] ?? st.outcome.outcome}: ${st.outcome.text}`
          : `Ended early by the facilitator at ${elapsedLabel(st.tick)}.`,
      }),
      h('div', { class: 'debrief-actions' }, replay, download, menu),
      h(
        'div',
        { class: 'debrief-grid' },
        h(
          'section',
          { 'aria-labelledby': 'score-title' },
          h(
            'h2',
            { id: 'score-title' },
            'Score ',
            h('span', { class: 'score-total', id: 'score-total', text: breakdown.total.toFixed(1) }),
            ' / 100',
          ),
          scoreTable,
          h(
            'p',
            { class: 'small muted' },
            `Value moved ${kesLabel(m.valueMovedKES)}, lost ${kesLabel(m.valueLostKES)}, stuck ${kesLabel(m.valuePendingKES)}; `,
            `${countLabel(m.strandedPeak)} customers stranded at the peak, ${countLabel(m.churned)} moved to competitors; budget spent ${kesLabel(m.budgetSpentKES)}.`,
          ),
          h('h3', { text: 'Run' }),
          h(
            'p',
            { class: 'run-id' },
            'Scenario ',
            h('span', { id: 'run-scenario', text: scenario.id }),
            ' · seed ',
            h('span', { id: 'run-seed', text: g.seed }),
            ' · ',
            h('span', { text: `${g.log.length} commands` }),
            h('br'),
            'Final state hash ',
            h('span', { id: 'state-hash', text: hash }),
          ),
        ),
        h(
          'section',
          { 'aria-labelledby': 'timeline-title' },
          h('h2', {
            id: 'timeline-title',
            text: `Timeline (${decisions} decision${decisions === 1 ? '' : 's'})`,
          }),
          timelineList,
          h('h2', { text: 'Questions for the team' }),
          h('ol', {}, ...scenario.debriefQuestions.map((q) => h('li', { text: q }))),
        ),
      ),
    ),
  );
  return {
    dispose() {
      lifetime.abort();
      root.replaceChildren();
    },
    focus() {
      replay.focus();
    },
  };
}
