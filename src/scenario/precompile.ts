/**
 * Build time (vite.config.ts) and tests: a scenario file through the whole compiler, kept as the
 * schema-valid document plus every diagnostic, for the page to build from without the compiler
 * (precompiled.ts).
 */
import { buildScenario } from './build';
import { DiagnosticList } from './diagnostics';
import { parseSource, yamlLocator } from './document';
import { PRECOMPILED_FORMAT, precompiledTextHash, type PrecompiledScenario } from './precompiled';
import { validateSchema } from './validate';

export function precompile(text: string, fileName: string): PrecompiledScenario {
  const diags = new DiagnosticList(fileName);
  const base = { format: PRECOMPILED_FORMAT, textHash: precompiledTextHash(text) };
  const source = parseSource(text, diags);
  const document = source && validateSchema(source, diags);
  if (!source || !document) return { ...base, diagnostics: diags.items };
  const scenario = buildScenario(yamlLocator(source), document, diags);
  if (!scenario || diags.hasErrors) return { ...base, diagnostics: diags.items };
  return { ...base, document, diagnostics: diags.items };
}
