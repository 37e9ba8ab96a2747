/**
 * `balance.expert` and `balance.panic`: an author's own rules for the scripted plays that balance a drill
 * (src/balance/policies.ts). Conditions are compiled with the same safe expression language as inject triggers
 * and errors are reported at the author's text; commands are kept as written, and the engine refuses a bad one
 * when the rule fires (the balance report counts refusals per policy).
 */
import type { Command, PlayRule } from '../engine';
import { compileExpression } from './expr';
import type { DiagnosticList } from './diagnostics';
import { formatPath, type Locator, type PathSegment } from './locate';
import { parseDuration } from './duration';
import type { ExprSchema } from './expr/compile';
import type { ScenarioDocument } from './schema';
import type { Sim } from '../engine';

type RuleDocument = NonNullable<NonNullable<ScenarioDocument['balance']>['expert']>[number];

export function buildPlayRules(
  locate: Locator,
  diags: DiagnosticList,
  rules: readonly RuleDocument[],
  path: PathSegment[],
  schema: ExprSchema<Sim>,
): PlayRule[] {
  const out: PlayRule[] = [];
  rules.forEach((rule, i) => {
    const at = [...path, i, 'when'];
    const { compiled, errors } = compileExpression(rule.when, schema, 'boolean');
    for (const e of errors)
      diags.add({
        code: 'SCN066',
        severity: 'error',
        ...locate.inScalar(at, e.start),
        path: formatPath(at),
        message: `${e.message} [${e.code}]`,
      });
    if (!compiled) return;
    const evaluate = compiled.evaluate;
    out.push({
      when: (sim) => evaluate(sim) === true,
      whenSource: rule.when,
      command: rule.do as unknown as Command,
      everyTicks: rule.every === undefined ? 0 : Math.round(parseDuration(rule.every)),
    });
  });
  return out;
}
