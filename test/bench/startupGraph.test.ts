/**
 * What the page loads before its menu shows, read from the source: every module src/entry.ts and src/main.ts
 * reach through static (value) imports. The scenario compiler (the yaml parser, the zod schema and what
 * uses them) must not be among them: shipped scenarios come precompiled (src/scenario/precompiled.ts) and the
 * compiler is imported on demand when a file is opened (issue 14, start-up JavaScript). A bundler could only
 * drop more than this walk keeps (it treats any named import as used), so the walk cannot miss a path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Value imports of one file: [specifier, ...]; `import type`, all-`type` specifiers and `import()` are not. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause !== undefined &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  return undefined;
}

/** Every local module and package reached from `entries`, with one import path to each. */
function staticGraph(entries: string[]): { modules: Map<string, string[]>; packages: Map<string, string[]> } {
  const modules = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const queue = entries.map((e) => ({ file: join(ROOT, e), path: [e] }));
  while (queue.length > 0) {
    const { file, path } = queue.shift()!;
    if (modules.has(file)) continue;
    modules.set(file, path);
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('.')) {
        const next = resolveLocal(file, specifier);
        if (next) queue.push({ file: next, path: [...path, relative(ROOT, next)] });
      } else if (!specifier.startsWith('virtual:')) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier;
        if (!packages.has(specifier)) packages.set(specifier, [...path, name]);
      }
    }
  }
  return { modules, packages };
}

describe('the start-up import graph', () => {
  const { modules, packages } = staticGraph(['src/entry.ts', 'src/main.ts']);
  const local = new Map([...modules].map(([file, path]) => [relative(ROOT, file), path]));

  it('reaches the game, the engine and the builder of precompiled scenarios', () => {
    // The walk itself works: these must be there, or the page could not start.
    for (const needed of [
      'src/engine/step.ts',
      'src/store/session.ts',
      'src/scenario/build.ts',
      'src/scenario/precompiled.ts',
    ])
      expect(local.has(needed), needed).toBe(true);
    expect(packages.has('phaser')).toBe(true);
  });

  it('does not reach the scenario compiler, the yaml parser or the scenario schema', () => {
    for (const compilerPart of [
      'src/scenario/compile.ts',
      'src/scenario/document.ts',
      'src/scenario/validate.ts',
      'src/scenario/schema.ts',
      'src/scenario/index.ts',
      'src/scenario/diagnostics.ts', // the table of every code's title and fix
    ])
      expect(
        local.get(compilerPart),
        `${compilerPart} is reached by: ${local.get(compilerPart)?.join(' → ')}`,
      ).toBeUndefined();
    expect(packages.get('yaml'), `yaml is reached by: ${packages.get('yaml')?.join(' → ')}`).toBeUndefined();
    // Saves, links and run files are checked with zod/mini; zod's classic API (about 26 KB gzip with its JSON
    // schema code) comes only with the compiler.
    expect(packages.get('zod'), `zod is reached by: ${packages.get('zod')?.join(' → ')}`).toBeUndefined();
    expect(packages.has('zod/mini')).toBe(true);
  });

  it("does not reach the debrief's report code, nor src/run's index (which would bring all of src/run)", () => {
    // A module is bundled whole into one chunk: one small export of report.ts used at start-up (its `clock`)
    // put buildReport, the facts and their words into the start-up code.
    for (const reportPart of ['src/run/index.ts', 'src/run/report.ts', 'src/run/facts.ts'])
      expect(
        local.get(reportPart),
        `${reportPart} is reached by: ${local.get(reportPart)?.join(' → ')}`,
      ).toBeUndefined();
  });

  it("does not reach the City's DOM panels or the strip above the map (they load while the menu shows)", () => {
    for (const cityPart of ['src/ui/cityPanels.ts', 'src/ui/messagesTab.ts', 'src/ui/replay/cityStrip.ts'])
      expect(
        local.get(cityPart),
        `${cityPart} is reached by: ${local.get(cityPart)?.join(' → ')}`,
      ).toBeUndefined();
  });
});
