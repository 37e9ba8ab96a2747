/**
 * A shipped scenario built from its precompiled document (what the page does, src/scenario/precompiled.ts) is
 * the scenario compiling its text gives: same hash, same fingerprint, same warnings, and the same drill when
 * run (conditions are functions, which no hash sees, so the run checks them). A document that does not match
 * the text, or is not one, is refused, so the page compiles the text instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashState, run } from '../../src/engine';
import { scenarioFingerprint } from '../../src/run/fit';
import { scenarioHash } from '../../src/run/record';
import { compile } from '../../src/scenario';
import { precompile } from '../../src/scenario/precompile';
import { fromPrecompiled } from '../../src/scenario/precompiled';

const dir = new URL('../../scenarios/', import.meta.url);
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((fileName) => ({ fileName, text: readFileSync(new URL(fileName, dir), 'utf8') }));
/** As the page receives it: JSON over the network. */
const overTheWire = (text: string, fileName: string): unknown =>
  JSON.parse(JSON.stringify(precompile(text, fileName))) as unknown;

describe('precompiled shipped scenarios', () => {
  it('covers every shipped scenario', () => {
    expect(shipped.map((s) => s.fileName)).toEqual(
      expect.arrayContaining(['nairobi-ddos-2023.yaml', 'tutorial.yaml', 'mpesa-rumour-2024.yaml']),
    );
  });

  for (const { fileName, text } of shipped)
    it(`${fileName}: the same scenario, warnings and first two simulated hours as compiling the text`, () => {
      const compiled = compile(text, fileName);
      const built = fromPrecompiled(overTheWire(text, fileName), text, fileName);
      expect(compiled.scenario).toBeDefined();
      expect(built).toBeDefined();
      expect(scenarioHash(built!.scenario)).toBe(scenarioHash(compiled.scenario!));
      expect(scenarioFingerprint(built!.scenario)).toBe(scenarioFingerprint(compiled.scenario!));
      expect(built!.diagnostics).toEqual(compiled.diagnostics);
      const until = { untilTick: Math.min(7200, compiled.scenario!.durationTicks) };
      for (const seed of ['1', 'precompiled'])
        expect(hashState(run(built!.scenario, seed, [], until).state)).toBe(
          hashState(run(compiled.scenario!, seed, [], until).state),
        );
    });

  it('is refused for another text, another format, a file with errors, or something else entirely', () => {
    const { fileName, text } = shipped.find((s) => s.fileName === 'tutorial.yaml')!;
    const pre = overTheWire(text, fileName) as Record<string, unknown>;
    expect(fromPrecompiled(pre, text, fileName)).toBeDefined();
    expect(fromPrecompiled(pre, `${text}\n# edited`, fileName)).toBeUndefined();
    expect(fromPrecompiled({ ...pre, format: 0 }, text, fileName)).toBeUndefined();
    expect(fromPrecompiled({ ...pre, document: undefined }, text, fileName)).toBeUndefined();
    expect(fromPrecompiled({ ...pre, diagnostics: 'none' }, text, fileName)).toBeUndefined();
    for (const junk of [null, 'tutorial', 42, []])
      expect(fromPrecompiled(junk, text, fileName)).toBeUndefined();
    const broken = text.replace('duration: 10m', 'duration: ten minutes');
    expect(broken).not.toBe(text);
    const brokenPre = precompile(broken, fileName);
    expect(brokenPre.document).toBeUndefined();
    expect(brokenPre.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(fromPrecompiled(brokenPre, broken, fileName)).toBeUndefined();
  });
});
