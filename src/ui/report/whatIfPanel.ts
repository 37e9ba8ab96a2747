/**
 * "What if" in the debrief: for each key decision (orders, statements, workarounds), the same seed re-run with
 * that decision 15 simulated minutes earlier, later, or not at all. The re-runs happen in a Web Worker
 * (src/workers/whatif.ts) with a progress bar, so the page stays responsive; the results are listed in plain
 * words (whatIfWords.ts) and join the Markdown and JSON exports once computed.
 */
import { t } from '../../i18n';
import type { WhatIfReport } from '../../run';
import type { GameStore } from '../../store';
import type { WhatIfReply, WhatIfRequest } from '../../workers/whatifHandler';
import { h, listen, setHidden, setText } from '../dom';
import { shownVariants, variantPieces } from './whatIfWords';

export interface ScenarioSource {
  text: string;
  fileName: string;
}

/** Variants on the printed page: those that moved the score most. */
export const PRINTED_VARIANTS = 4;

export function mountWhatIf(
  root: HTMLElement,
  game: GameStore,
  source: ScenarioSource | null,
  onResult: (report: WhatIfReport) => void,
): { dispose(): void } {
  const lifetime = new AbortController();
  const g = game.getState();
  const run = h('button', { type: 'button', id: 'whatif-run', text: t('debrief:whatIf.run') });
  const progress = h('progress', {
    id: 'whatif-progress',
    max: 1,
    value: 0,
    'aria-label': t('debrief:whatIf.progress'),
  });
  const status = h('p', { id: 'whatif-status', class: 'small', role: 'status', 'aria-live': 'polite' });
  const results = h('ul', { id: 'whatif-results', class: 'whatif-results' });
  setHidden(progress, true);
  let worker: Worker | null = null;
  let requestId = 0;

  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  const show = (report: WhatIfReport) => {
    const variants = shownVariants(g.log, report);
    // The one-page printout keeps the variants that changed the score most (report.css hides the others).
    const telling = new Set(
      [...variants]
        .sort(
          (a, b) =>
            Math.abs(b.outcome.score - report.actual.score) - Math.abs(a.outcome.score - report.actual.score),
        )
        .slice(0, PRINTED_VARIANTS),
    );
    results.replaceChildren(
      ...variants.map((v) => {
        // In parts, so print can leave out the stranded words and the why (report.css): together, the same
        // text as variantWords.
        const { what, stranded, score, why } = variantPieces(g.scenario, g.log, g.results, report.actual, v);
        return h(
          'li',
          { 'data-kind': v.kind, 'data-print': telling.has(v) ? 'true' : null },
          h('span', { class: 'whatif-what', text: what }),
          h('span', { class: 'whatif-stranded', text: stranded }),
          h('span', { class: 'whatif-score', text: score }),
          h('span', { class: 'whatif-why', text: why }),
        );
      }),
    );
    setText(
      status,
      variants.length === 0
        ? t('debrief:whatIf.nothing')
        : t('debrief:whatIf.eachLine', { score: report.actual.score.toFixed(1) }),
    );
    onResult(report);
  };

  listen(run, lifetime.signal, 'click', () => {
    if (!source) return;
    stop();
    const id = ++requestId;
    run.disabled = true;
    setHidden(progress, false);
    progress.value = 0;
    setText(status, t('debrief:whatIf.running'));
    results.replaceChildren();
    worker = new Worker(new URL('../../workers/whatif.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WhatIfReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') {
        progress.max = reply.total;
        progress.value = reply.done;
        setText(status, t('debrief:whatIf.progressText', { done: reply.done, count: reply.total }));
        return;
      }
      stop();
      run.disabled = false;
      setHidden(progress, true);
      if (reply.type === 'error') setText(status, t('debrief:whatIf.failed', { reason: reply.message }));
      else show(reply.report);
    };
    worker.onerror = (event) => {
      stop();
      run.disabled = false;
      setHidden(progress, true);
      setText(
        status,
        t('debrief:whatIf.failed', { reason: event.message || t('debrief:whatIf.workerFailed') }),
      );
    };
    const request: WhatIfRequest = {
      type: 'what-if',
      id,
      scenarioText: source.text,
      fileName: source.fileName,
      seed: g.seed,
      log: g.log.map((c) => ({ tick: c.tick, cmd: c.cmd })),
      // An ended drill's variants run to their own end; a stopped one's stop where it was stopped.
      untilTick: g.ended ? g.scenario.durationTicks : g.sim.state.tick,
    };
    worker.postMessage(request);
  });

  if (!source) {
    run.disabled = true;
    setText(status, t('debrief:whatIf.noSource'));
  }

  root.replaceChildren(
    h('h2', { id: 'whatif-title', text: t('debrief:whatIf.title') }),
    h('p', {
      class: 'small muted',
      text: t('debrief:whatIf.intro'),
    }),
    h('div', { class: 'whatif-actions' }, run, progress),
    status,
    results,
  );
  return {
    dispose() {
      stop();
      lifetime.abort();
    },
  };
}
