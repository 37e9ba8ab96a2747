/**
 * The published JSON Schema (scenarios/scenario.schema.json) that editors use: it must be what `npm run schema`
 * generates from the zod schema today, and it must accept real scenarios and reject the mistakes it can see.
 * Checked with ajv 6 (a draft-07 validator already installed with ESLint) and by its structure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderScenarioJsonSchema, scenarioJsonSchema, SCHEMA_PATH } from '../../src/cli/schema';

const ROOT = join(import.meta.dirname, '..', '..');
const committed = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
const readYaml = (path: string): Record<string, unknown> =>
  parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const defaultScenario = readYaml('scenarios/nairobi-ddos-2023.yaml');

const validate = new Ajv({ allErrors: true }).compile(committed);

describe('scenario.schema.json', () => {
  it('is up to date with src/scenario/schema.ts (run `npm run schema` if this fails)', () => {
    expect(SCHEMA_PATH).toBe(join(ROOT, 'scenarios', 'scenario.schema.json'));
    expect(committed).toEqual(scenarioJsonSchema());
    expect(JSON.parse(renderScenarioJsonSchema())).toEqual(committed);
  });

  it('is a draft-07 schema for a closed mapping with the required top-level fields', () => {
    expect(committed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(committed.title).toEqual(expect.any(String));
    expect(committed.type).toBe('object');
    expect(committed.additionalProperties).toBe(false);
    // Required = no `.optional()` and no `.default()` in scenarioSchema.
    expect([...(committed.required as string[])].sort()).toEqual([
      'budget',
      'clock',
      'format',
      'id',
      'meta',
      'services',
    ]);
  });

  it('accepts the default scenario and the valid base fixture', () => {
    expect(validate(defaultScenario), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(readYaml('test/scenario/fixtures/base.yaml')), JSON.stringify(validate.errors)).toBe(
      true,
    );
  });

  it('rejects an unknown top-level field', () => {
    expect(validate({ ...defaultScenario, colour: 'red' })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'colour' } }),
    );
  });

  // A misspelt service kind (scn014-bad-enum) is no longer a shape mistake: a scenario may declare its own kinds
  // (`kinds:`), so the editor schema accepts any id there and the compiler reports SCN014 with "did you mean"
  // (test/scenario/diagnostics.test.ts). A misspelt channel is still an enum the schema knows.
  it('rejects the shape mistakes of the corpus: a misspelt channel, a wrong type, a missing field, format 2', () => {
    for (const fixture of [
      'scn014-bad-channel',
      'scn012-wrong-type',
      'scn011-missing-field',
      'scn005-format-2',
      'scn018-unknown-effect-type',
    ]) {
      expect(validate(readYaml(`test/scenario/fixtures/${fixture}.yaml`)), fixture).toBe(false);
    }
  });

  it('`npm run schema -- --check` agrees (exit 0 when up to date)', () => {
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const check = spawnSync(process.execPath, [tsx, 'src/cli/schema.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 30_000);
});
