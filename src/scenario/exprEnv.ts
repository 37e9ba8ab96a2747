/**
 * The names a scenario condition may use: a whitelist of variables and id-taking functions over the running
 * simulation. Ids are resolved to indices when the scenario is compiled; evaluation only reads arrays.
 */
import { keyframeRps } from '../engine/attack';
import { meanBelief, silenceTicks } from '../engine/queries';
import type { Sim } from '../engine/sim';
import { SERVICE_STATUSES } from '../engine/types';
import type { ExprFunction, ExprSchema } from './expr';

export interface ExprIds {
  services: readonly string[];
  attacks: readonly string[];
  segments: readonly string[];
  injects: readonly string[];
  mitigations: readonly string[];
  stakeholders: readonly string[];
  rumours: readonly string[];
  workarounds: readonly string[];
  /** The drill's length: a condition on a time it never reaches is an error. */
  durationTicks?: number;
}

/** `minutes`, `hours` and `seconds` only run to the end of the drill. */
function clockRange(ids: ExprIds, perUnit: number, unit: string) {
  if (ids.durationTicks === undefined) return undefined;
  const max = ids.durationTicks / perUnit;
  return { min: 0, max, text: `the drill lasts ${+max.toFixed(2)} ${unit}`, clock: true };
}

function idFunction(
  kind: string,
  ids: readonly string[],
  doc: string,
  rest: Omit<ExprFunction<Sim>, 'doc' | 'argKind' | 'resolve' | 'candidates'>,
): ExprFunction<Sim> {
  return {
    doc,
    argKind: kind,
    resolve: (id) => {
      const i = ids.indexOf(id);
      return i < 0 ? undefined : i;
    },
    candidates: () => ids,
    ...rest,
  };
}

export function scenarioExprSchema(ids: ExprIds): ExprSchema<Sim> {
  return {
    variables: {
      minutes: {
        type: 'number',
        doc: 'Simulated minutes since the start.',
        get: (s) => s.state.tick / 60,
        range: clockRange(ids, 60, 'minutes'),
      },
      hours: {
        type: 'number',
        doc: 'Simulated hours since the start.',
        get: (s) => s.state.tick / 3600,
        range: clockRange(ids, 3600, 'hours'),
      },
      seconds: {
        type: 'number',
        doc: 'Simulated seconds (ticks) since the start.',
        get: (s) => s.state.tick,
        range: clockRange(ids, 1, 'seconds'),
      },
      budget: { type: 'number', doc: 'Budget left, KES.', get: (s) => s.state.budgetKES },
      spent: { type: 'number', doc: 'Budget spent so far, KES.', get: (s) => s.state.metrics.budgetSpentKES },
      stranded: {
        type: 'number',
        doc: 'Customers currently stranded (all segments).',
        get: (s) => s.state.metrics.stranded,
      },
      churned: {
        type: 'number',
        doc: 'Customers lost to competitors so far.',
        get: (s) => s.state.metrics.churned,
      },
      moved: {
        type: 'number',
        doc: 'Value of completed transactions so far, KES.',
        get: (s) => s.state.metrics.valueMovedKES,
      },
      lost: {
        type: 'number',
        doc: 'Value of transactions customers gave up on, KES.',
        get: (s) => s.state.metrics.valueLostKES,
      },
      pending: {
        type: 'number',
        doc: 'Value stuck with stranded customers now, KES.',
        get: (s) => s.state.metrics.valuePendingKES,
      },
      score: { type: 'number', doc: 'The running score, 0–100.', get: (s) => s.state.metrics.score },
      silence: {
        type: 'number',
        doc: 'Minutes since the last public statement landed (0 before the incident starts).',
        get: (s) => silenceTicks(s.state) / 60,
      },
      media: { type: 'number', doc: 'Media attention, 0–100.', get: (s) => s.state.people.media },
      statements: {
        type: 'number',
        doc: 'Public statements that have reached people so far (by the player or the script).',
        get: (s) => countLanded(s),
      },
    },
    functions: {
      service: idFunction('service', ids.services, 'A service of the city, by id.', {
        fields: {
          availability: {
            type: 'number',
            doc: 'Share of requests succeeding end to end, 0–1.',
            get: (s, i) => s.state.services[i]!.availability,
            range: { min: 0, max: 1, text: 'availability is between 0 and 1' },
          },
          load: {
            type: 'number',
            doc: 'Requests per second arriving (legitimate + attack).',
            get: (s, i) => s.state.services[i]!.legitRps + s.state.services[i]!.attackRps,
          },
          attack: {
            type: 'number',
            doc: 'Attack requests per second arriving.',
            get: (s, i) => s.state.services[i]!.attackRps,
          },
          capacity: {
            type: 'number',
            doc: 'Effective capacity, requests per second.',
            get: (s, i) => s.state.services[i]!.capacityRps,
          },
          utilisation: {
            type: 'number',
            doc: 'Load ÷ capacity (1 = full).',
            get: (s, i) => s.state.services[i]!.utilisation,
          },
          latency: {
            type: 'number',
            doc: 'Latency in milliseconds.',
            get: (s, i) => s.state.services[i]!.latencyMs,
          },
          queue: { type: 'number', doc: 'Requests waiting.', get: (s, i) => s.state.services[i]!.queue },
          status: {
            type: 'string',
            doc: '"healthy", "degraded", "down" or "recovering".',
            get: (s, i) => s.state.services[i]!.status,
            values: SERVICE_STATUSES,
          },
          down: {
            type: 'boolean',
            doc: 'True while the service is down.',
            get: (s, i) => s.state.services[i]!.status === 'down',
          },
        },
      }),
      attack: idFunction('attack', ids.attacks, 'An attack of the scenario, by id.', {
        fields: {
          active: {
            type: 'boolean',
            doc: 'True while the attack is sending traffic.',
            get: (s, i) => attackRps(s, i) > 0,
          },
          rps: {
            type: 'number',
            doc: 'Requests per second it sends now (before any filter).',
            get: (s, i) => attackRps(s, i),
          },
        },
      }),
      segment: idFunction('segment', ids.segments, 'A customer segment, by id.', {
        fields: {
          stranded: {
            type: 'number',
            doc: 'Customers of the segment currently stranded.',
            get: (s, i) => sum(s.state.segments[i]!.stranded),
          },
          churned: {
            type: 'number',
            doc: 'Customers of the segment lost to competitors.',
            get: (s, i) => s.state.segments[i]!.churned,
          },
          active: {
            type: 'number',
            doc: 'Customers of the segment going about their business.',
            get: (s, i) => s.state.segments[i]!.active,
          },
        },
      }),
      inject: idFunction('inject', ids.injects, 'An inject of this scenario, by id.', {
        fields: {
          fired: {
            type: 'number',
            doc: 'How many times it has fired.',
            get: (s, i) => s.state.injects[i]!.fired,
          },
        },
      }),
      trust: idFunction(
        'stakeholder',
        ids.stakeholders,
        'Trust of a stakeholder (public, media, regulator, partners…), 0–100.',
        {
          value: { type: 'number', get: (s, i) => s.state.people.trust[i]! },
        },
      ),
      rumour: idFunction('rumour', ids.rumours, 'A rumour of this scenario, by id.', {
        fields: {
          belief: {
            type: 'number',
            doc: 'Share of customers who believe it, 0–1 (weighted by segment size).',
            get: (s, i) => meanBelief(s.scenario, s.state, i),
          },
          born: {
            type: 'boolean',
            doc: 'True once it is spreading.',
            get: (s, i) => s.state.people.rumours[i]!.born,
          },
          peak: {
            type: 'number',
            doc: 'Highest belief in any segment so far, 0–1.',
            get: (s, i) => s.state.people.rumours[i]!.peak,
          },
        },
      }),
      workaround: idFunction(
        'workaround',
        ids.workarounds,
        'A customer workaround of this scenario, by id.',
        {
          fields: {
            enabled: {
              type: 'boolean',
              doc: 'True while it is announced and not withdrawn.',
              get: (s, i) => s.state.people.workarounds[i]!.enabled,
            },
            uptake: {
              type: 'number',
              doc: 'Mean share of demand it has moved, 0–1.',
              get: (s, i) => mean(s.state.people.workarounds[i]!.uptake),
            },
            awareness: {
              type: 'number',
              doc: 'Mean share of customers who have heard of it, 0–1.',
              get: (s, i) => mean(s.state.people.workarounds[i]!.awareness),
            },
          },
        },
      ),
      mitigation: idFunction('mitigation', ids.mitigations, 'A mitigation on offer, by id.', {
        fields: {
          active: {
            type: 'number',
            doc: 'How many orders of it are in effect now.',
            get: (s, i) => countEffective(s, i),
          },
          ordered: {
            type: 'number',
            doc: 'How many orders of it are in place (waiting or in effect).',
            get: (s, i) => countOrdered(s, i),
          },
        },
      }),
    },
  };
}

function attackRps(s: Sim, i: number): number {
  const at = s.state.attacks[i]!;
  return at.on ? keyframeRps(s.scenario.attacks[i]!.keyframes, s.state.tick - at.offsetTicks) * at.factor : 0;
}

function countLanded(s: Sim): number {
  let n = 0;
  for (const st of s.state.people.statements) if (st.landed) n++;
  return n;
}

function mean(xs: readonly number[]): number {
  return xs.length > 0 ? sum(xs) / xs.length : 0;
}

function sum(xs: readonly number[]): number {
  let t = 0;
  for (let i = 0; i < xs.length; i++) t += xs[i]!;
  return t;
}

function countEffective(s: Sim, i: number): number {
  let n = 0;
  for (const m of s.state.mitigations) if (m.mitigation === i && m.effective) n++;
  return n;
}

function countOrdered(s: Sim, i: number): number {
  let n = 0;
  for (const m of s.state.mitigations) if (m.mitigation === i) n++;
  return n;
}
