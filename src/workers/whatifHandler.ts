/**
 * The what-if worker's message handler, as a pure function (no `self`, no DOM) so a Node test can check that
 * it gives exactly what calling `whatIf` directly gives. The worker entry (whatif.ts) only wires it to
 * postMessage.
 *
 * The scenario travels as its SOURCE TEXT and is compiled again here: a compiled scenario holds functions
 * (conditions), which cannot cross postMessage's structured clone.
 */
import type { LoggedCommand } from '../engine';
import { whatIf, type WhatIfReport } from '../run';
import { compile } from '../scenario';

export interface WhatIfRequest {
  type: 'what-if';
  /** Echoed in every reply, so a page can ignore replies to a request it has abandoned. */
  id: number;
  scenarioText: string;
  fileName: string;
  seed: string;
  log: LoggedCommand[];
  untilTick: number;
  shiftTicks?: number;
  maxDecisions?: number;
}

export type WhatIfReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; report: WhatIfReport }
  | { type: 'error'; id: number; message: string };

export function handleWhatIf(request: WhatIfRequest, post: (reply: WhatIfReply) => void): void {
  const { id } = request;
  if (request?.type !== 'what-if') {
    post({ type: 'error', id, message: 'unknown request' });
    return;
  }
  const { scenario, diagnostics } = compile(request.scenarioText, request.fileName);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!scenario || errors.length > 0) {
    const first = errors[0];
    post({
      type: 'error',
      id,
      message: `the scenario does not compile${first ? ` (${first.line}:${first.column} ${first.code} ${first.message})` : ''}`,
    });
    return;
  }
  try {
    const report = whatIf(scenario, request.seed, request.log, request.untilTick, {
      shiftTicks: request.shiftTicks,
      maxDecisions: request.maxDecisions,
      onProgress: (done, total) => post({ type: 'progress', id, done, total }),
    });
    post({ type: 'result', id, report });
  } catch (error) {
    // The engine does not throw on commands, but a bug must reach the page as a message, not a dead worker.
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}
