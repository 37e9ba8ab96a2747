/**
 * The ids a scenario defines, read from its text even while it is half-written (the YAML parser keeps what it
 * could read of a broken document), and which fields refer to which kind of id. Completion offers the ids of
 * the file itself where a reference is expected (`from: ` in a dependency, `target: `, `inject: `, ...).
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { BUILTIN_CHANNELS, BUILTIN_MITIGATIONS, DEFAULT_STAKEHOLDERS } from '../engine';
import type { PathSegment } from './yamlContext';

export type IdKind =
  | 'service'
  | 'inject'
  | 'attack'
  | 'segment'
  | 'workaround'
  | 'rumour'
  | 'mitigation'
  | 'stakeholder'
  | 'region'
  | 'channel';

export type DefinedIds = Record<IdKind, string[]>;

/** Where each kind of id is defined: a top-level list of mappings with an `id` (or a list of plain ids). */
const DEFINITIONS: { kind: IdKind; path: string[] }[] = [
  { kind: 'service', path: ['services'] },
  { kind: 'inject', path: ['injects'] },
  { kind: 'attack', path: ['attacks'] },
  { kind: 'segment', path: ['segments'] },
  { kind: 'workaround', path: ['workarounds'] },
  { kind: 'rumour', path: ['rumours'] },
  { kind: 'mitigation', path: ['mitigations', 'add'] },
  { kind: 'stakeholder', path: ['people', 'stakeholders'] },
  { kind: 'region', path: ['regions'] },
];

function idsIn(node: unknown): string[] {
  if (!isSeq(node)) return [];
  const out: string[] = [];
  for (const item of node.items) {
    if (isScalar(item) && typeof item.value === 'string') out.push(item.value);
    else if (isMap(item)) {
      const id = item.get('id', true) as Node | undefined;
      if (isScalar(id) && (typeof id.value === 'string' || typeof id.value === 'number'))
        out.push(String(id.value));
    }
  }
  return out;
}

export function definedIds(text: string): DefinedIds {
  const ids: DefinedIds = {
    service: [],
    inject: [],
    attack: [],
    segment: [],
    workaround: [],
    rumour: [],
    mitigation: [],
    stakeholder: [],
    region: [],
    channel: BUILTIN_CHANNELS.map((c) => c.id),
  };
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch {
    return ids; // nothing readable: completion falls back to the schema alone
  }
  for (const { kind, path } of DEFINITIONS) ids[kind] = [...new Set(idsIn(doc.getIn(path, true)))];
  const builtins = BUILTIN_MITIGATIONS.map((m) => m.id);
  ids.mitigation = [...new Set([...builtins, ...ids.mitigation])];
  if (ids.stakeholder.length === 0) ids.stakeholder = DEFAULT_STAKEHOLDERS.map((s) => s.id);
  if (ids.region.length === 0) ids.region = ['domestic', 'foreign'];
  return ids;
}

/** The kind of id the value of `key` (in the mapping at `path`) refers to, if it is a reference. */
export function referenceKind(path: readonly PathSegment[], key: string | undefined): IdKind | undefined {
  const top = path[0];
  const parent = path.at(-1);
  if (key === undefined) {
    // A plain list item: `mitigations.use` and a workaround's `segments` are lists of ids.
    if (parent === 'use' && top === 'mitigations') return 'mitigation';
    if (parent === 'segments' && top === 'workarounds') return 'segment';
    if (parent === 'languages') return undefined;
    return undefined;
  }
  switch (key) {
    case 'service':
    case 'target':
    case 'callCentre':
      return 'service';
    case 'from':
    case 'to':
      // `from` of a feed post or a prompt is a name, not a service.
      return top === 'dependencies' || top === 'workarounds' ? 'service' : undefined;
    case 'inject':
      return 'inject';
    case 'attack':
      return 'attack';
    case 'mitigation':
      return 'mitigation';
    case 'rumour':
      return 'rumour';
    case 'stakeholder':
    case 'partner':
      return 'stakeholder';
    case 'workaround':
      return 'workaround';
    case 'segment':
      return 'segment';
    case 'region':
      return 'region';
    case 'channel':
      // Statements and workarounds name a channel; a feed post's `channel` is a feed lane (an enum).
      return top === 'workarounds' || path.includes('statement') ? 'channel' : undefined;
    default:
      return undefined;
  }
}

/** Functions of the condition language whose argument is an id (`service("wallet")`). */
export const EXPRESSION_FUNCTIONS: Record<string, IdKind> = {
  service: 'service',
  workaround: 'workaround',
  mitigation: 'mitigation',
  attack: 'attack',
  rumour: 'rumour',
  segment: 'segment',
  inject: 'inject',
  stakeholder: 'stakeholder',
};
