/**
 * The parameters each kind of mitigation reads, declared once: name, the value the engine uses when an entry
 * leaves it out, and what it means. Everything else is derived from this table:
 * - the engine reads parameters only through `param`, whose type admits only the names declared for the
 *   kind (reading `capacityShare` on a rate limit does not compile);
 * - the scenario validator warns about any other name an author writes (SCN050, src/scenario/build.ts);
 * - the parameters table in docs/authoring.md is `paramsTable()` word for word (test/scenario/docs.test.ts).
 *
 * Why: the rule used to be written three times (engine, validator, docs) and had drifted — rate limits, WAF
 * rules and scrubbing added capacity from `capacityShare` while the validator and the docs said they ignore it.
 * Authors get their defaults from the catalogue entry of the same kind (catalogue.ts); the defaults here only
 * matter for a parameter the catalogue entry does not set.
 */
import {
  ATTACK_VECTORS,
  MITIGATION_KINDS,
  type AttackVector,
  type MitigationDef,
  type MitigationKind,
} from './types';

export interface ParamSpec {
  /** The value read when the mitigation's entry does not set the parameter. */
  readonly default: number;
  /** One sentence for the authoring guide's table. Parameters that share a meaning share a row. */
  readonly meaning: string;
}

const PASS: ParamSpec = {
  default: 1,
  meaning: 'Share of that kind of attack traffic that still gets through (0 = all stopped).',
};

/** What every filter reads: how much of each attack vector and of real traffic passes, and the detour's cost. */
const FILTER = {
  ...(Object.fromEntries(ATTACK_VECTORS.map((v) => [`pass_${v}`, PASS])) as Record<
    `pass_${AttackVector}`,
    ParamSpec
  >),
  legitPass: {
    default: 1,
    meaning: "Share of real customers' requests that get through (below 1 = false positives).",
  },
  latencyMs: { default: 0, meaning: 'Milliseconds added to every request (traffic takes a detour).' },
} as const;

const EXTRA_CAPACITY = "Extra capacity, as a share of the service's own.";

export const MITIGATION_PARAMS = {
  'rate-limit': FILTER,
  'waf-rule': FILTER,
  'geo-block': {},
  scrubbing: FILTER,
  // The provider filters upstream and adds headroom.
  'call-provider': { ...FILTER, capacityShare: { default: 0, meaning: EXTRA_CAPACITY } },
  'add-capacity': { capacityShare: { default: 0.5, meaning: EXTRA_CAPACITY } },
  failover: {
    capacityShare: { default: 0.7, meaning: "Capacity of the backup site, as a share of the primary's." },
    staleRisk: { default: 0, meaning: "Chance that the backup's data turns out to be stale." },
    staleErrorRate: {
      default: 0.05,
      meaning: 'Share of transactions rejected for reconciliation while a stale backup runs.',
    },
  },
  shed: {},
  isolate: {},
  maintenance: {},
  restart: {
    restartShare: {
      default: 0.5,
      meaning: "A manual restart takes this share of the service's `restart` time.",
    },
  },
} as const satisfies Record<MitigationKind, Readonly<Record<string, ParamSpec>>>;

/** The parameter names a kind reads (for a union of kinds: the names all of them read). */
export type ParamName<K extends MitigationKind> = keyof (typeof MITIGATION_PARAMS)[K] & string;

/** The names `kind` reads, in declaration order. */
export function paramNames(kind: MitigationKind): readonly string[] {
  return Object.keys(MITIGATION_PARAMS[kind]);
}

/**
 * The value of parameter `name` for a mitigation of `kind` (pass `def.kind`, narrowed by the caller's switch):
 * the entry's own value, else the declared default.
 */
export function param<K extends MitigationKind>(kind: K, def: MitigationDef, name: ParamName<K>): number {
  const own = def.params[name];
  if (own !== undefined) return own;
  const spec = (MITIGATION_PARAMS[kind] as Readonly<Record<string, ParamSpec>>)[name];
  if (!spec) throw new Error(`mitigation kind '${kind}' declares no parameter '${name}'`);
  return spec.default;
}

/**
 * The authoring guide's parameters table (markdown): one row per meaning, naming the kinds that read it;
 * "the same" when a row's kinds (more than one) are the previous row's.
 */
export function paramsTable(): string {
  const rows: { kinds: MitigationKind[]; names: string[]; meaning: string }[] = [];
  for (const kind of MITIGATION_KINDS) {
    const specs = MITIGATION_PARAMS[kind] as Readonly<Record<string, ParamSpec>>;
    for (const [name, spec] of Object.entries(specs)) {
      // A row is a meaning; parameters sharing it in the same kind share the row too (the pass_ shares).
      let row = rows.find((r) => r.meaning === spec.meaning);
      if (!row) rows.push((row = { kinds: [], names: [], meaning: spec.meaning }));
      if (!row.kinds.includes(kind)) row.kinds.push(kind);
      if (!row.names.includes(name)) row.names.push(name);
    }
  }
  const code = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');
  const lines = ['| kinds | parameter | meaning |', '|---|---|---|'];
  rows.forEach((r, i) => {
    const same = i > 0 && r.kinds.length > 1 && r.kinds.join() === rows[i - 1]!.kinds.join();
    lines.push(`| ${same ? 'the same' : code(r.kinds)} | ${code(r.names)} | ${r.meaning} |`);
  });
  const none = MITIGATION_KINDS.filter((k) => paramNames(k).length === 0);
  const list = none.length > 1 ? `${code(none.slice(0, -1))} and ${code(none.slice(-1))}` : code(none);
  return `${lines.join('\n')}\n\n${list} take no parameters.`;
}
