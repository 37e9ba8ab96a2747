/**
 * The Preloader's step from fetched files to what the session offers (src/ui/shippedFiles.ts): built from the
 * precompiled document when it matches the text, compiled from the text otherwise (a stale document, none,
 * or a text with errors, whose diagnostics must still reach the menu).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/run/record';
import { compile } from '../../src/scenario';
import { precompile } from '../../src/scenario/precompile';
import { shippedFiles } from '../../src/ui/shippedFiles';

const fileName = 'tutorial.yaml';
const text = readFileSync(new URL(`../../scenarios/${fileName}`, import.meta.url), 'utf8');
const precompiled = JSON.parse(JSON.stringify(precompile(text, fileName))) as unknown;

describe('shipped files for the session', () => {
  it('uses the precompiled document when it matches, and compiles the text when it does not', async () => {
    const edited = text.replace('Tutorial: your first ten minutes', 'Tutorial, edited');
    expect(edited).not.toBe(text);
    const [fresh, stale, none] = await shippedFiles([
      { fileName, text, precompiled },
      { fileName: 'edited.yaml', text: edited, precompiled },
      { fileName: 'none.yaml', text, precompiled: undefined },
    ]);
    expect(scenarioHash(fresh!.compiled.scenario!)).toBe(scenarioHash(compile(text, fileName).scenario!));
    // The stale document would have given the old title: the text won.
    expect(stale!.compiled.scenario!.meta.title).toBe('Tutorial, edited');
    expect(scenarioHash(none!.compiled.scenario!)).toBe(scenarioHash(fresh!.compiled.scenario!));
  });

  it("passes on a broken text's located errors", async () => {
    const broken = text.replace('duration: 10m', 'duration: ten minutes');
    const [file] = await shippedFiles([
      { fileName, text: broken, precompiled: precompile(broken, fileName) },
    ]);
    expect(file!.compiled.scenario).toBeUndefined();
    const error = file!.compiled.diagnostics.find((d) => d.severity === 'error');
    expect(error?.line).toBe(broken.split('\n').findIndex((l) => l.includes('duration: ten minutes')) + 1);
  });
});
