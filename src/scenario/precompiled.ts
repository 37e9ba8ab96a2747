/**
 * Shipped scenarios precompiled at build time (issue 14: the page's start-up JavaScript). The build reads each
 * file in `scenarios/` through the whole compiler (precompile.ts) and ships the schema-valid document as JSON
 * beside the YAML; the page builds its Scenario from that document here, with neither the yaml parser nor the
 * zod schema in its start-up code. The compiler is loaded only for a file the user opens, and for a shipped
 * file whose precompiled document does not match its text (then `fromPrecompiled` says so and the caller
 * compiles the text instead): the text is what counts.
 *
 * Building from the document gives the same Scenario as compiling the text (test/scenario/precompiled.test.ts
 * compares hashes and fingerprints): build.ts only asks the text for positions, which a document that
 * compiled without errors never needs; its warnings were kept, positioned, when it was precompiled.
 */
import type { Scenario } from '../engine/types';
import { cyrb53 } from '../engine/hash';
import { buildScenario } from './build';
import { DiagnosticList } from './diagnosticList';
import type { Diagnostic } from './diagnostics';
import { NO_POSITIONS } from './locate';
import type { ScenarioDocument } from './schema';

/** Bumped whenever the document's shape or its meaning to build.ts changes, so an old file is not trusted. */
export const PRECOMPILED_FORMAT = 1;

export interface PrecompiledScenario {
  format: number;
  /** cyrb53 of the YAML text it was made from. */
  textHash: string;
  /** The schema-valid document; absent when the text has errors (they are in `diagnostics`). */
  document?: ScenarioDocument;
  /** Everything the compiler said about the text, warnings included, with positions. */
  diagnostics: Diagnostic[];
}

export const precompiledTextHash = (text: string): string => cyrb53(text).toString(36);

/**
 * The scenario built from a precompiled document, or undefined when the document cannot stand for `text`
 * (another format, another text, no document, or it no longer builds cleanly): compile the text then.
 */
export function fromPrecompiled(
  pre: unknown,
  text: string,
  fileName: string,
): { scenario: Scenario; diagnostics: Diagnostic[] } | undefined {
  if (typeof pre !== 'object' || pre === null) return undefined;
  const p = pre as Partial<PrecompiledScenario>;
  if (p.format !== PRECOMPILED_FORMAT || p.textHash !== precompiledTextHash(text) || !p.document)
    return undefined;
  if (!Array.isArray(p.diagnostics)) return undefined;
  const diags = new DiagnosticList(fileName);
  const scenario = buildScenario(NO_POSITIONS, p.document, diags);
  if (!scenario || diags.hasErrors) return undefined;
  return { scenario, diagnostics: p.diagnostics.map((d) => ({ ...d, file: fileName })) };
}
