/**
 * The shipped scenarios as the session offers them (CompiledFile), from what the Preloader fetched: each built
 * from its precompiled document when that matches the text (src/scenario/precompiled.ts), which needs no
 * compiler; otherwise (a stale or missing document) the text is compiled, loading the compiler on demand.
 */
import type { CompiledFile } from '../scenario';
import { loadTexts } from '../i18n';
import { fromPrecompiled } from '../scenario/precompiled';

export interface FetchedShippedFile {
  fileName: string;
  text: string;
  /** The precompiled document as fetched (JSON), or undefined. */
  precompiled: unknown;
}

export async function shippedFiles(fetched: readonly FetchedShippedFile[]): Promise<CompiledFile[]> {
  const files = await buildOrCompile(fetched);
  // The menu lists a file's warnings or errors in words from the `diagnostics` texts, which load on demand.
  if (files.some((f) => f.compiled.diagnostics.length > 0)) await loadTexts(['diagnostics']);
  return files;
}

async function buildOrCompile(fetched: readonly FetchedShippedFile[]): Promise<CompiledFile[]> {
  const built = fetched.map((f) => ({ ...f, compiled: fromPrecompiled(f.precompiled, f.text, f.fileName) }));
  if (built.every((f) => f.compiled))
    return built.map(({ fileName, text, compiled }) => ({ fileName, text, compiled: compiled! }));
  const { compileFile } = await import('../scenario');
  return built.map(({ fileName, text, compiled }) =>
    compiled ? { fileName, text, compiled } : compileFile(fileName, text),
  );
}
