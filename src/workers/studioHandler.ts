/**
 * The studio worker's message handler, as a pure function (no `self`, no DOM) so Node tests can call it:
 *   - `compile`: the project's own compiler on the text being edited → its diagnostics, and the preview of
 *     the city when it compiles (debounced by the page; a stale reply is recognised by its `id`);
 *   - `balance`: the balance runner's plays (src/balance: the same policies and `play` as `npm run balance`)
 *     over many seeds, with progress, and the score summaries and paired win rates of the expert play.
 * The scenario travels as text and is compiled here: a compiled scenario holds functions.
 */
import { play } from '../balance/play';
import { EXPERT } from '../balance/policies';
import { policyByName } from '../balance/policySet';
import { summarise, winRate, type Summary } from '../balance/stats';
import { compile, type Diagnostic } from '../scenario';
import { previewOf, type PreviewModel } from '../studio/preview';

/** The plays of the quick balance: nobody at the controls, the expert play, and the panicking one. */
export const QUICK_BALANCE_POLICIES = ['do-nothing', EXPERT, 'panic'] as const;

export type StudioRequest =
  | { type: 'compile'; id: number; text: string; fileName: string }
  | { type: 'balance'; id: number; text: string; fileName: string; seeds: number };

export interface BalanceOutcome {
  seeds: string[];
  /** Per policy, its score on each seed (same order as `seeds`). */
  scores: Record<string, number[]>;
  summaries: Record<string, Summary>;
  /** Share of seeds where the expert play scored more than each other play. */
  expertWins: Record<string, number>;
}

export type StudioReply =
  | { type: 'compiled'; id: number; diagnostics: Diagnostic[]; preview: PreviewModel | null }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'balanced'; id: number; outcome: BalanceOutcome }
  | { type: 'error'; id: number; message: string };

function balance(request: Extract<StudioRequest, { type: 'balance' }>, post: (r: StudioReply) => void): void {
  const { id } = request;
  const { scenario, diagnostics } = compile(request.text, request.fileName);
  const first = diagnostics.find((d) => d.severity === 'error');
  if (!scenario || first) {
    post({
      type: 'error',
      id,
      message: `the scenario does not compile${first ? ` (${first.line}:${first.column} ${first.code} ${first.message})` : ''}`,
    });
    return;
  }
  const seeds = Array.from({ length: Math.max(1, Math.min(1000, request.seeds)) }, (_, i) => String(i + 1));
  const scores: Record<string, number[]> = {};
  const total = seeds.length * QUICK_BALANCE_POLICIES.length;
  let done = 0;
  for (const name of QUICK_BALANCE_POLICIES) {
    const policy = policyByName(scenario, name)!;
    scores[name] = [];
    for (const seed of seeds) {
      scores[name].push(play(scenario, seed, policy).total);
      done++;
      if (done % 5 === 0 || done === total) post({ type: 'progress', id, done, total });
    }
  }
  const summaries: Record<string, Summary> = {};
  const expertWins: Record<string, number> = {};
  for (const name of QUICK_BALANCE_POLICIES) {
    summaries[name] = summarise(scores[name]!);
    if (name !== EXPERT) expertWins[name] = winRate(scores[EXPERT]!, scores[name]!);
  }
  post({ type: 'balanced', id, outcome: { seeds, scores, summaries, expertWins } });
}

export function handleStudio(request: StudioRequest, post: (reply: StudioReply) => void): void {
  try {
    if (request?.type === 'compile') {
      const { scenario, diagnostics } = compile(request.text, request.fileName);
      const ok = scenario !== undefined && !diagnostics.some((d) => d.severity === 'error');
      post({ type: 'compiled', id: request.id, diagnostics, preview: ok ? previewOf(scenario) : null });
    } else if (request?.type === 'balance') {
      balance(request, post);
    } else {
      post({ type: 'error', id: (request as { id?: number })?.id ?? -1, message: 'unknown request' });
    }
  } catch (error) {
    // A bug of ours must reach the page as a message, not as a silent dead worker.
    post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
}
