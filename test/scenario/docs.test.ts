/**
 * docs/authoring.md must not rot: every YAML block marked `<!-- complete -->` compiles with no diagnostic at all,
 * every block marked `<!-- fragment -->` is valid YAML and is copied word for word (line by line, ignoring
 * indentation) from one of the complete ones, and the reference names every field of the schema, every
 * expression name, every catalogue entry and channel (with their numbers), every diagnostic code, and the
 * mitigation parameters table exactly as the engine declares it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/cli/schema';
import {
  ATTACK_VECTORS,
  BLOCK_KINDS,
  BUILTIN_CHANNELS,
  BUILTIN_MITIGATIONS,
  CAUSES,
  MITIGATION_KINDS,
  SERVICE_KINDS,
} from '../../src/engine';
import { paramsTable } from '../../src/engine/mitigationParams';
import { compile, DIAGNOSTIC_CODES, formatDiagnostic } from '../../src/scenario';
import { EXPR_ERROR_CODES } from '../../src/scenario/expr';
import { scenarioExprSchema } from '../../src/scenario/exprEnv';
import { effectSchema, feedChannels } from '../../src/scenario/schema';

const DOC_PATH = join(import.meta.dirname, '..', '..', 'docs', 'authoring.md');
const DOC = readFileSync(DOC_PATH, 'utf8');
const SCHEMA_COMMENT = '# yaml-language-server: $schema=./scenario.schema.json';

interface Block {
  lang: string;
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
  marker: 'complete' | 'fragment' | undefined;
}

/** Fenced code blocks, each with the `<!-- complete -->` / `<!-- fragment -->` marker on the nearest line above. */
function fencedBlocks(md: string): Block[] {
  const lines = md.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    let above = i - 1;
    while (above >= 0 && lines[above]!.trim() === '') above--;
    const m = /^<!-- (complete|fragment) -->$/.exec(lines[above]?.trim() ?? '');
    out.push({
      lang: open[1]!,
      body: lines.slice(i + 1, end).join('\n'),
      line: i + 1,
      marker: m ? (m[1] as Block['marker']) : undefined,
    });
    i = end;
  }
  return out;
}

const BLOCKS = fencedBlocks(DOC);
const YAML_BLOCKS = BLOCKS.filter((b) => b.lang === 'yaml');
const COMPLETE = YAML_BLOCKS.filter((b) => b.marker === 'complete');
const FRAGMENTS = YAML_BLOCKS.filter((b) => b.marker === 'fragment');

/** Non-empty lines, trimmed: indentation may differ between an example and the file it comes from. */
const trimmedLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Every word written inside inline `code` in the prose and tables (fenced blocks excluded). */
function inlineCodeWords(md: string): Set<string> {
  const prose = md.replace(/^```[\s\S]*?^```\s*$/gm, '');
  const words = new Set<string>();
  for (const m of prose.matchAll(/`([^`\n]+)`/g)) {
    for (const w of m[1]!.matchAll(/[A-Za-z$_][\w$-]*/g)) words.add(w[0]);
  }
  return words;
}
const CODE_WORDS = inlineCodeWords(DOC);

/** The row of a markdown table whose first cell is `id` (the first one after `heading`), split into trimmed cells. */
function tableRow(id: string, heading = ''): string[] | undefined {
  const lines = DOC.split('\n');
  const from = heading ? lines.findIndex((l) => l === heading) : 0;
  if (from < 0) return undefined;
  const line = lines.slice(from).find((l) => l.startsWith(`| \`${id}\` |`));
  return line
    ?.split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

/** "2m", "30s", "4h" as the catalogue tables write them. */
function formatTicks(ticks: number): string {
  if (ticks % 3600 === 0) return `${ticks / 3600}h`;
  if (ticks % 60 === 0) return `${ticks / 60}m`;
  return `${ticks}s`;
}
const kes = (n: number): string => n.toLocaleString('en');

describe('docs/authoring.md: the examples', () => {
  it('has the seven tutorial steps and the appendix as complete scenarios', () => {
    expect(COMPLETE.length).toBeGreaterThanOrEqual(8);
  });

  it('marks every YAML block as complete or fragment', () => {
    expect(YAML_BLOCKS.filter((b) => b.marker === undefined).map((b) => `line ${b.line}`)).toEqual([]);
  });

  it.each(COMPLETE.map((b) => [b.line, b] as const))(
    'the complete scenario at line %i compiles with no diagnostic',
    (line, block) => {
      const { scenario, diagnostics } = compile(block.body, `docs/authoring.md@${line}`);
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(scenario).toBeDefined();
      expect(block.body.split('\n')[0]).toBe(SCHEMA_COMMENT);
    },
  );

  it.each(FRAGMENTS.map((b) => [b.line, b] as const))(
    'the fragment at line %i is valid YAML taken from a complete scenario',
    (_, block) => {
      const parsed = parseDocument(block.body);
      expect(parsed.errors.map((e) => e.message)).toEqual([]);
      const needle = trimmedLines(block.body);
      expect(needle.length).toBeGreaterThan(0);
      expect(COMPLETE.some((c) => containsRun(trimmedLines(c.body), needle))).toBe(true);
    },
  );

  it('the tutorial ends in the scenario the validate example breaks (its positions are real)', () => {
    // The "two typos" example: the finished tutorial with `walet-app` and `availabilty`.
    const finished = COMPLETE[6]!.body;
    const broken = finished
      .replace(
        '{ service: wallet-app, perHour: 0.1, value: 1500 }',
        '{ service: walet-app, perHour: 0.1, value: 1500 }',
      )
      .replace('service("wallet-app").availability < 0.5', 'service("wallet-app").availabilty < 0.5');
    const printed = compile(broken, 'scenarios/lunch-rush.yaml').diagnostics.map(formatDiagnostic);
    expect(printed).toHaveLength(2);
    for (const line of printed) expect(DOC).toContain(line);
  });
});

describe('docs/authoring.md: the reference is complete', () => {
  it('explains `npm run validate` and the schema comment', () => {
    expect(DOC).toContain('npm run validate -- ');
    expect(DOC).toContain(SCHEMA_COMMENT);
  });

  it('names every field of the scenario schema', () => {
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [k, v] of Object.entries(n.properties)) {
          names.add(k);
          walk(v);
        }
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties', 'definitions', '$defs'])
        walk(n[key]);
    };
    walk(scenarioJsonSchema());
    expect(names.size).toBeGreaterThan(100);
    expect([...names].filter((n) => !CODE_WORDS.has(n)).sort()).toEqual([]);
  });

  it('names every expression variable, function and field', () => {
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
    const missing: string[] = [];
    for (const name of Object.keys(schema.variables))
      if (!DOC.includes(`| \`${name}\` |`)) missing.push(name);
    for (const [name, fn] of Object.entries(schema.functions)) {
      if (!DOC.includes(`\`${name}("id")\``)) missing.push(`${name}()`);
      for (const field of Object.keys(fn.fields ?? {}))
        if (!DOC.includes(`\`.${field}\``)) missing.push(`${name}().${field}`);
    }
    expect(missing).toEqual([]);
  });

  it('names every kind, vector, block, cause, feed channel and effect type', () => {
    const effectTypes = effectSchema.options.map((o) => o.shape.type.value);
    const all = [
      ...SERVICE_KINDS,
      ...ATTACK_VECTORS,
      ...MITIGATION_KINDS,
      ...BLOCK_KINDS,
      ...CAUSES,
      ...feedChannels,
      ...effectTypes,
      'public',
      'media',
      'regulator',
      'partner',
      'other',
    ];
    expect(all.filter((w) => !CODE_WORDS.has(w))).toEqual([]);
  });

  it('has the parameters table the engine declares (src/engine/mitigationParams.ts), word for word', () => {
    expect(DOC).toContain(paramsTable());
  });

  it.each(BUILTIN_MITIGATIONS.map((m) => [m.id, m] as const))(
    'the catalogue row of %s has its name, delay and costs',
    (id, m) => {
      const row = tableRow(id, '### The mitigation catalogue');
      expect(row, `no table row for ${id}`).toBeDefined();
      const [, name, delay, cost, perHour, lasts] = row!;
      expect(name).toBe(m.name);
      expect(delay).toBe(formatTicks(m.delayTicks));
      expect(cost).toBe(kes(m.costKES));
      expect(perHour).toBe(kes(m.costPerHourKES));
      expect(lasts).toBe(m.instant ? 'once' : m.durationTicks > 0 ? formatTicks(m.durationTicks) : '');
    },
  );

  it.each(BUILTIN_CHANNELS.map((c) => [c.id, c] as const))(
    'the channel row of %s has its numbers',
    (id, c) => {
      const row = tableRow(id, '### Channels');
      expect(row, `no table row for ${id}`).toBeDefined();
      const [, name, reach, credibility, delay, cost] = row!;
      expect([name, Number(reach), Number(credibility), delay, cost]).toEqual([
        c.name,
        c.reach,
        c.credibility,
        formatTicks(c.delayTicks),
        kes(c.costKES),
      ]);
    },
  );

  it('lists every diagnostic code with its severity', () => {
    const wrong: string[] = [];
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      const row = tableRow(code, '# Part 4: diagnostic codes');
      if (!row || row[1] !== info.severity) wrong.push(`${code}: ${row ? row[1] : 'missing'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists every expression error code', () => {
    expect(
      Object.keys(EXPR_ERROR_CODES).filter(
        (code) => tableRow(code, '### Codes inside conditions') === undefined,
      ),
    ).toEqual([]);
  });
});
