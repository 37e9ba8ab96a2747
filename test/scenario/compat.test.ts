/**
 * Compatibility (issue 13): every `format: 1` file that validated before keeps validating and playing. The
 * fixtures are the shipped scenarios as first committed (test/scenario/compat/README.md), written before the
 * format gained languages, added channels, author-defined kinds, presets and the tighter limits of issue 11.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstNonFinite } from '../../src/cli/fuzz/check';
import { hashState, run } from '../../src/engine';
import { compile, formatDiagnostic } from '../../src/scenario';

const DIR = join(import.meta.dirname, 'compat');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('format 1 files written before the format grew', () => {
  it('are the four shipped scenarios as first committed', () => {
    expect(FILES.sort()).toEqual([
      'county-health-ransomware.yaml',
      'mpesa-rumour-2024.yaml',
      'nairobi-ddos-2023.yaml',
      'tutorial.yaml',
    ]);
  });

  it.each(FILES)(
    '%s still compiles with no error and plays its first hour (or all of it), deterministically',
    (file) => {
      const text = readFileSync(join(DIR, file), 'utf8');
      expect(text).toMatch(/^format: 1$/m);
      const { scenario, diagnostics } = compile(text, file);
      const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
      expect(errors).toEqual([]);
      expect(scenario).toBeDefined();
      // An hour, or the whole drill when it is shorter (the tutorial was 10 minutes).
      const until = Math.min(3600, scenario!.durationTicks);
      const first = run(scenario!, 'compat', [], { untilTick: until });
      // The drill ran to `until`, unless its own script ended it first (the tutorial's end inject can).
      if (first.state.ended) expect(first.state.tick).toBeLessThanOrEqual(until);
      else expect(first.state.tick).toBe(until);
      expect(first.state.tick).toBeGreaterThan(until / 2);
      expect(firstNonFinite(first.state)).toBeUndefined();
      // Something happens in that hour: the script's injects or the attack move at least one service.
      expect(first.state.services.some((s) => s.status !== 'healthy')).toBe(true);
      expect(hashState(run(scenario!, 'compat', [], { untilTick: until }).state)).toBe(
        hashState(first.state),
      );
    },
  );
});
