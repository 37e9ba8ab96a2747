/**
 * The studio worker's message handler, as a pure function (no `self`, no DOM) so Node tests can call it:
 *   - `compile`: the project's own compiler on the text being edited → its diagnostics, and the preview of
 *     the city when it compiles (debounced by the page; a stale reply is recognised by its `id`);
 *   - `balance`: the balance runner's plays (src/balance: the same policies and `play` as `npm run balance`)
 *     over many seeds, with progress, and the score summaries and paired win rates of the expert play.
 * The scenario travels as text and is compiled here: a compiled scenario holds functions.
 */
import { play } from '../balance/play';
import { policyByName } from '../balance/policySet';
import { compile, type Diagnostic } from '../scenario';
import { previewOf, type PreviewModel } from '../studio/preview';
import { QUICK_BALANCE_POLICIES, type BalancePart } from '../studio/quickBalance';

export type StudioRequest =
  | { type: 'compile'; id: number; text: string; fileName: string }
  /** The page splits the seeds between several workers (one per spare core). */
  | { type: 'balance'; id: number; text: string; fileName: string; seeds: string[] };

export type StudioReply =
  | { type: 'compiled'; id: number; diagnostics: Diagnostic[]; preview: PreviewModel | null }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'balanced'; id: number; part: BalancePart }
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
  const seeds = request.seeds.slice(0, 1000);
  const scores: Record<string, number[]> = {};
  const total = seeds.length * QUICK_BALANCE_POLICIES.length;
  let done = 0;
  for (const name of QUICK_BALANCE_POLICIES) scores[name] = [];
  // Seed by seed, every play: the unattended baseline of a seed is computed once for all three.
  for (const seed of seeds) {
    for (const name of QUICK_BALANCE_POLICIES) {
      scores[name]!.push(play(scenario, seed, policyByName(scenario, name)!).total);
      done++;
    }
    post({ type: 'progress', id, done, total });
  }
  post({ type: 'balanced', id, part: { seeds, scores } });
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
