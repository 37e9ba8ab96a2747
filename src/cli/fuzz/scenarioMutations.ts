/**
 * Mutations of a scenario file. A mutant is a shipped scenario plus a list of steps; each step has a name and
 * its own seed, so the minimizer can drop steps without changing what the others do. Tree steps edit the
 * parsed document (delete, duplicate, retype fields; hostile numbers, durations, ids and strings; cycles);
 * text steps edit the YAML as written (aliases, merge keys, deep nesting, broken lines), where positions and
 * syntax are what is being tested.
 */
import { parse, stringify } from 'yaml';
import { HOSTILE_DURATIONS, HOSTILE_NUMBERS, hostileString, longText, NEAR_STATUSES } from './hostile';
import { Rand } from './random';

export interface Step {
  name: string;
  seed: string;
}

type Json = unknown;
type Container = Record<string, Json> | Json[];

interface Slot {
  parent: Container;
  key: string | number;
  value: Json;
}

function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (node: Json): void => {
    if (Array.isArray(node))
      node.forEach((v, i) => {
        out.push({ parent: node, key: i, value: v });
        walk(v);
      });
    else if (typeof node === 'object' && node !== null)
      for (const [k, v] of Object.entries(node)) {
        out.push({ parent: node as Record<string, Json>, key: k, value: v });
        walk(v);
      }
  };
  walk(root);
  return out;
}

const set = (s: Slot, value: Json): void => {
  (s.parent as Record<string | number, Json>)[s.key] = value;
};

function pickSlot(r: Rand, root: Json, test: (s: Slot) => boolean): Slot | undefined {
  const found = slots(root).filter(test);
  return found.length ? r.pick(found) : undefined;
}

const isString = (s: Slot) => typeof s.value === 'string';
const isNumber = (s: Slot) => typeof s.value === 'number';
const isList = (s: Slot) => Array.isArray(s.value);
const isMap = (s: Slot) => typeof s.value === 'object' && s.value !== null && !Array.isArray(s.value);

function ids(root: Json): string[] {
  return [
    ...new Set(
      slots(root)
        .filter((s) => s.key === 'id' && typeof s.value === 'string')
        .map((s) => s.value as string),
    ),
  ];
}

function typo(word: string, r: Rand): string {
  const i = r.int(Math.max(1, word.length));
  const kind = r.int(3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + (word[i] ?? 'x') + word.slice(i);
  return `${word}-x`;
}

const hostileNumber = (r: Rand): Json => {
  const v = r.pick(HOSTILE_NUMBERS);
  if (v === '.nan') return NaN;
  if (v === '.inf') return Infinity;
  if (v === '-.inf') return -Infinity;
  return v;
};

const OTHER_TYPES: readonly Json[] = ['', 'text', 0, true, null, [], {}, [1, 2], { a: 1 }, '12 %'];

/** Tree steps: (document, rand) → nothing; they edit the document in place. */
const TREE: Record<string, (root: Json, r: Rand) => void> = {
  deleteField(root, r) {
    const s = pickSlot(r, root, () => true);
    if (!s) return;
    if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
    else delete s.parent[s.key as string];
  },
  duplicateItem(root, r) {
    const s = pickSlot(r, root, (x) => Array.isArray(x.parent));
    if (s) (s.parent as Json[]).splice((s.key as number) + 1, 0, structuredClone(s.value));
  },
  retype(root, r) {
    const s = pickSlot(r, root, () => true);
    if (s) set(s, structuredClone(r.pick(OTHER_TYPES)));
  },
  tweakNumber(root, r) {
    // Within reach of the schema's ranges, so the mutant usually compiles and its drill runs.
    const s = pickSlot(r, root, isNumber);
    if (s) set(s, (s.value as number) * r.pick([0, 0.001, 0.1, 0.5, 2, 10, 1000]));
  },
  hostileNumber(root, r) {
    const s = pickSlot(r, root, isNumber);
    if (s) set(s, hostileNumber(r));
  },
  hostileDuration(root, r) {
    const s = pickSlot(r, root, (x) => isString(x) && /^\d+(\.\d+)?[smh]$/.test(x.value as string));
    if (s) set(s, r.pick(HOSTILE_DURATIONS));
  },
  unknownId(root, r) {
    const known = new Set(ids(root));
    const s = pickSlot(r, root, (x) => isString(x) && known.has(x.value as string));
    if (s) set(s, r.chance(0.5) ? typo(s.value as string, r) : 'no-such-thing');
  },
  swapId(root, r) {
    const known = ids(root);
    const s = pickSlot(r, root, (x) => isString(x) && known.includes(x.value as string));
    if (s) set(s, r.pick(known));
  },
  cycle(root, r) {
    // A dependency back the other way (or onto itself).
    const s = pickSlot(
      r,
      root,
      (x) => isMap(x) && 'from' in (x.value as object) && 'to' in (x.value as object),
    );
    if (!s || !Array.isArray(s.parent)) return;
    const d = s.value as Record<string, Json>;
    s.parent.push(r.chance(0.8) ? { ...d, from: d.to, to: d.from } : { ...d, to: d.from });
  },
  hostileString(root, r) {
    const s = pickSlot(r, root, isString);
    if (s) set(s, hostileString(r));
  },
  unknownField(root, r) {
    const s = pickSlot(r, root, isMap);
    if (s) (s.value as Record<string, Json>)[r.pick(['colour', 'kind ', 'Id', 'x-note', 'constructor'])] = 1;
  },
  conditionWords(root, r) {
    const s = pickSlot(r, root, (x) => x.key === 'when' && isString(x));
    if (!s) return;
    const text = s.value as string;
    const roll = r.int(4);
    if (roll === 0) set(s, text.replace(/\b(down|degraded|healthy)\b/, r.pick(NEAR_STATUSES)));
    else if (roll === 1) set(s, `service("${r.pick(ids(root))}").status == "${r.pick(NEAR_STATUSES)}"`);
    else if (roll === 2) set(s, `minutes > ${r.pick([30, 600, 5000, 99999])}`);
    else set(s, `service("${r.pick(ids(root))}").availability > ${r.pick([0.5, 1, 1.5, -1])}`);
  },
  emptyList(root, r) {
    const s = pickSlot(r, root, isList);
    if (s) set(s, []);
  },
  bigList(root, r) {
    const s = pickSlot(r, root, (x) => isList(x) && (x.value as Json[]).length > 0);
    if (!s) return;
    const list = s.value as Json[];
    const copies = r.pick([50, 500, 3000]);
    for (let i = 0; i < copies; i++) list.push(structuredClone(list[i % list.length]));
  },
};

// ---------------------------------------------------------------------------------------------------------

const lineOf = (lines: string[], r: Rand, test: (l: string) => boolean): number | undefined => {
  const at = lines.flatMap((l, i) => (test(l) ? [i] : []));
  return at.length ? r.pick(at) : undefined;
};

/** A `key: value` line's value replaced by `replacement`. */
function replaceValue(text: string, r: Rand, replacement: string): string {
  const lines = text.split('\n');
  const i = lineOf(lines, r, (l) => /^\s*(- )?[A-Za-z][\w-]*: \S/.test(l));
  if (i === undefined) return text;
  lines[i] = lines[i]!.replace(/^(\s*(- )?[A-Za-z][\w-]*: ).*$/, `$1${replacement}`);
  return lines.join('\n');
}

/** Text steps: (YAML text, rand) → YAML text. */
const TEXT: Record<string, (text: string, r: Rand) => string> = {
  missingAnchor: (text, r) => replaceValue(text, r, `*${r.pick(['nowhere', 'defaults', 'a'])}`),
  mergeKey(text, r) {
    const lines = text.split('\n');
    const i = lineOf(lines, r, (l) => /^\s*- id: /.test(l));
    if (i === undefined) return text;
    const indent = ' '.repeat(lines[i]!.indexOf('-') + 2);
    lines.splice(i + 1, 0, `${indent}<<: *defaults`);
    if (r.chance(0.7)) lines.push('x-defaults: &defaults', '  kind: edge', '  capacity: 100');
    return lines.join('\n');
  },
  aliasBomb(text, r) {
    const levels = r.between(3, 12);
    const out = ['bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < levels; i++)
      out.push(
        `bomb${i}: &b${i} [${Array(9)
          .fill(`*b${i - 1}`)
          .join(', ')}]`,
      );
    return `${text}\n${out.join('\n')}\n`;
  },
  selfAlias: (text, r) => replaceValue(text, r, '&self [*self]'),
  deepFlow(text, r) {
    const n = r.pick([50, 500, 5000, 20000]);
    return replaceValue(text, r, '['.repeat(n) + ']'.repeat(n));
  },
  deepBlock(text, r) {
    const n = r.pick([50, 300, 1000]);
    const lines = Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}k${i}:`);
    return `${text}\nnest:\n${lines.map((l) => `  ${l}`).join('\n')} 1\n`;
  },
  deleteLine(text, r) {
    const lines = text.split('\n');
    lines.splice(r.int(lines.length), 1);
    return lines.join('\n');
  },
  duplicateLine(text, r) {
    const lines = text.split('\n');
    const i = r.int(lines.length);
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  },
  reindent(text, r) {
    const lines = text.split('\n');
    const i = r.int(lines.length);
    lines[i] = r.pick(['', ' ', '   ', '\t']) + lines[i]!.replace(/^ {1,3}/, '');
    return lines.join('\n');
  },
  insertChar(text, r) {
    const i = r.int(text.length + 1);
    return text.slice(0, i) + r.pick([...':-{}[],#&*!|>\'"%@`\t\n x0\u202E\u0000']) + text.slice(i);
  },
  truncate: (text, r) => text.slice(0, r.int(text.length + 1)),
  empty: (_text, r) => r.pick(['', '\n', '# only a comment\n', '---\n', '   \n\n']),
  crlfAndBom: (text, r) => (r.chance(0.5) ? '\uFEFF' : '') + text.replace(/\n/g, '\r\n'),
  longLine: (text, r) =>
    replaceValue(text, r, JSON.stringify(longText(r, r.pick([1000, 100_000, 1_000_000])))),
};

export const TREE_STEPS = Object.keys(TREE);
export const TEXT_STEPS = Object.keys(TEXT);

/** Tree steps are more common: they reach past the parser into the schema, the builder and the engine. */
export function randomSteps(r: Rand): Step[] {
  const count = r.between(1, 3);
  return Array.from({ length: count }, () => {
    const roll = r.float();
    // Numbers nudged within range, ids swapped and conditions reworded often compile: those reach the engine.
    const name =
      roll < 0.3
        ? r.pick(['tweakNumber', 'tweakNumber', 'swapId', 'conditionWords', 'duplicateItem'])
        : roll < 0.75
          ? r.pick(TREE_STEPS)
          : r.pick(TEXT_STEPS);
    return { name, seed: r.seed() };
  });
}

/** The mutant's text: tree steps in order on the parsed base, then text steps in order on its YAML. */
export function applySteps(base: string, steps: readonly Step[]): string {
  const treeSteps = steps.filter((s) => s.name in TREE);
  const textSteps = steps.filter((s) => s.name in TEXT);
  let text = base;
  if (treeSteps.length > 0) {
    const root = parse(base) as Json;
    for (const s of treeSteps) TREE[s.name]!(root, new Rand(s.seed));
    // No anchors for repeated objects (duplicated items are copies), and no line folding: one value, one line.
    text = stringify(root, { aliasDuplicateObjects: false, lineWidth: 0 });
  }
  for (const s of textSteps) text = TEXT[s.name]!(text, new Rand(s.seed));
  return text;
}
