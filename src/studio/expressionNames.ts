/**
 * The condition language's names (variables, id-taking functions and their fields) with their documentation,
 * read from the same table the compiler checks conditions against (src/scenario/exprEnv.ts), so completion
 * never offers a name the compiler would reject.
 */
import type { IdKind } from './ids';
import type { ExpressionName } from './completions';
import { scenarioExprSchema } from '../scenario/exprEnv';

const ARG_KINDS: Record<string, IdKind> = {
  service: 'service',
  attack: 'attack',
  segment: 'segment',
  inject: 'inject',
  stakeholder: 'stakeholder',
  rumour: 'rumour',
  workaround: 'workaround',
  mitigation: 'mitigation',
};

export function expressionNames(): ExpressionName[] {
  const none: string[] = [];
  const schema = scenarioExprSchema({
    services: none,
    attacks: none,
    segments: none,
    injects: none,
    mitigations: none,
    stakeholders: none,
    rumours: none,
    workarounds: none,
  });
  const out: ExpressionName[] = [];
  for (const [name, v] of Object.entries(schema.variables))
    out.push({ name, kind: 'variable', doc: v.doc ?? '' });
  for (const [name, f] of Object.entries(schema.functions)) {
    const fields = Object.entries(f.fields ?? {}).map(([field, spec]) => ({
      name: field,
      doc: spec.doc ?? '',
    }));
    out.push({ name, kind: 'function', doc: f.doc ?? '', argKind: ARG_KINDS[f.argKind ?? ''], fields });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
