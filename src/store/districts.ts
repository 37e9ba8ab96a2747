/**
 * Districts of the city map: services grouped into named quarters ("Banking street", "Telecom exchange"...).
 * A map concern only: the engine never reads them, so a district changes no state and no replay hash.
 *
 * A service's district is the scenario's `district:` when the author wrote one, else one derived from its
 * kind. A counter (a desk where people queue) belongs where the service it hands work to is (banking halls
 * go with the bank core), or, depending on nothing, with its nearest neighbour on the author's map (station
 * counters beside the railway); a city of counters alone is a Government quarter. An authored value that names a built-in district ("banking") is that district, in the
 * interface's language; any other value is the author's own name, shown as written. Pure.
 */
import type { DeepReadonly, Scenario, ServiceKind } from '../engine';
import { t } from '../i18n';

export const BUILT_IN_DISTRICTS = [
  'government',
  'banking',
  'telecom',
  'market',
  'power',
  'transport',
] as const;
export type BuiltInDistrict = (typeof BUILT_IN_DISTRICTS)[number];

const BY_KIND: Record<ServiceKind, BuiltInDistrict | null> = {
  portal: 'government',
  visa: 'government',
  'bank-core': 'banking',
  'bank-app': 'banking',
  'bank-wallet-link': 'banking',
  'savings-loans': 'banking',
  'atm-network': 'banking',
  edge: 'telecom',
  network: 'telecom',
  'ussd-gateway': 'telecom',
  'mobile-money-core': 'telecom',
  'app-gateway': 'telecom',
  'call-centre': 'telecom',
  'merchant-payments': 'market',
  'payment-gateway': 'market',
  'token-vending': 'power',
  'rail-ticketing': 'transport',
  // Decided by what the counter depends on (see above).
  counter: null,
};

export function isBuiltInDistrict(key: string): key is BuiltInDistrict {
  return (BUILT_IN_DISTRICTS as readonly string[]).includes(key);
}

/** Each service's district key (a built-in id or the author's own name), in service order. */
export function districtKeys(scenario: DeepReadonly<Scenario>): string[] {
  const out: (string | null)[] = scenario.services.map((s) => s.district ?? BY_KIND[s.kind] ?? null);
  const fixed = [...out];
  scenario.services.forEach((s, i) => {
    if (fixed[i] !== null) return;
    // A counter: the district of the first service it hard-depends on, else of its nearest neighbour on the
    // author's map (counters themselves excluded, so the answer never depends on the order of the services).
    const to =
      scenario.dependencies.find((d) => d.from === i && d.hard && fixed[d.to] !== null)?.to ??
      nearest(scenario, i, (j) => fixed[j] !== null);
    out[i] = to === undefined ? 'government' : fixed[to]!;
  });
  return out as string[];
}

function nearest(
  scenario: DeepReadonly<Scenario>,
  i: number,
  eligible: (j: number) => boolean,
): number | undefined {
  const a = scenario.services[i]!;
  let best: number | undefined;
  let bestD = Infinity;
  scenario.services.forEach((b, j) => {
    const d = Math.hypot(a.x - b.x, a.y - b.y);
    if (j !== i && eligible(j) && d < bestD) {
      bestD = d;
      best = j;
    }
  });
  return best;
}

export interface District {
  key: string;
  /** Service indices, in service order. */
  members: number[];
}

/** The scenario's districts, in the order their first service appears. */
export function districtsOf(scenario: DeepReadonly<Scenario>): District[] {
  const byKey = new Map<string, District>();
  districtKeys(scenario).forEach((key, i) => {
    const d = byKey.get(key);
    if (d) d.members.push(i);
    else byKey.set(key, { key, members: [i] });
  });
  return [...byKey.values()];
}

/** The district's name to show: a built-in one in the interface's language, an author's one as written. */
export function districtName(key: string): string {
  return isBuiltInDistrict(key) ? t(`city:district.${key}`) : key;
}

/** The map's node for where attack traffic comes from, in the interface's language. */
export function internetLabel(): string {
  return t('city:internet');
}
