/**
 * The facts of one run that the debrief puts under each learning objective and debrief question.
 *
 * Every fact carries what it is about — the services it names, its topics (the cascade, filtering, messaging,
 * data, rumours, workarounds) and when it happened — so each objective or question gets the few facts that bear
 * on IT: the services it names first, then its topics, and a fact already shown under an earlier item only when
 * nothing fresher fits. (Before, one list of generic facts was repeated under every item.) Every name is the
 * scenario's own (words.ts): no ids.
 */
import { elapsedClock, type LoggedCommand, type Sim } from '../engine';
import type { Series } from './series';
import {
  claimInWords,
  commandInWords,
  ENGLISH_RUN_WORDS,
  humanText,
  shortText,
  type RunWords,
} from './words';

export type Topic =
  | 'technical'
  | 'messaging'
  | 'data'
  | 'rumours'
  | 'workarounds'
  | 'cascade'
  | 'outage'
  | 'decision'
  | 'cause'
  | 'prompt';

export interface Fact {
  text: string;
  topics: Topic[];
  /** Indices of the services the fact is about. */
  services?: number[];
  /** When it happened (the fact's first time). */
  tick?: number;
}

/** A fact is shown under at most this many items (it comes back only when nothing else bears on an item). */
export const MAX_ITEMS_PER_FACT = 2;

/** Facts shown under one objective or question (screen and Markdown; the printed page shows the first). */
export const FACTS_PER_ITEM = 3;

const TOPIC_WORDS: Record<Topic, RegExp> = {
  technical:
    /filter|waf|rate|scrub|capacity|mitigat|block|provider|restart|fail ?over|offline|isolat|off the network|protect/i,
  messaging: /said|say|statement|message|speak|leader|minister|silen|eta|truth|honest|trust|cause|know/i,
  data: /\bdata\b|leak|accessed|privacy/i,
  rumours: /rumou?r|belie|fake|denial|rebut|evidence/i,
  workarounds: /ussd|atm|counter|channel|workaround|switch|cash|visa|queue|branch|moved|people to/i,
  cascade: /shared|spread|cascade|edge|provider|depend|entered|through|nationwide|component/i,
  outage: /outage|fail|down|flood|fault|second|again|later/i,
  decision: /\byou|choose|filter|decid|call\b|order|weigh/i,
  cause: /\bcause/i,
  prompt: /prompt|answer|asked|question/i,
};

/** How much a shared topic counts ("decision" is in most questions: it only breaks ties). */
const TOPIC_WEIGHT: Partial<Record<Topic, number>> = { decision: 1 };

/** Words too common in service names to say which service a sentence is about. */
const STOP_WORDS = new Set(
  'the of and on at to a an for in by with its our your their another other services service network systems system core mobile money payments payment government processing machines and'.split(
    ' ',
  ),
);

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9*#\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w.length >= 3 || /^\*/.test(w))
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

/** The services a sentence names (by a significant word of their name). */
export function servicesNamed(sim: Pick<Sim, 'scenario'>, text: string): number[] {
  const words = new Set(wordsOf(text));
  const named: number[] = [];
  sim.scenario.services.forEach((s, i) => {
    const own = wordsOf(s.name).filter((w) => !STOP_WORDS.has(w));
    if (own.some((w) => words.has(w))) named.push(i);
  });
  return named;
}

export function topicsOf(text: string): Topic[] {
  return (Object.keys(TOPIC_WORDS) as Topic[]).filter((t) => TOPIC_WORDS[t].test(text));
}

/** The value of a per-minute series at (or just before) a tick; undefined before the first sample. */
function at(series: Series, xs: readonly number[] | undefined, tick: number): number | undefined {
  if (!xs) return undefined;
  let value: number | undefined;
  for (let i = 0; i < series.minutes.length && series.minutes[i]! * 60 <= tick; i++) value = xs[i];
  return value;
}

/** When a service first left "healthy" (from the engine's status log), if it ever did. */
function firstTroubleOf(log: Sim['state']['log'], s: number): number | undefined {
  return log.find((e) => e.kind === 'status' && e.service === s && / → (degraded|down)/.test(e.text))?.tick;
}

export function collectFacts(
  sim: Sim,
  commands: readonly LoggedCommand[],
  series: Series,
  roles: Readonly<Record<number, string>> = {},
  w: RunWords = ENGLISH_RUN_WORDS,
): Fact[] {
  const { scenario, state } = sim;
  const facts: Fact[] = [];
  const serviceIndex = (id: string) => scenario.services.findIndex((s) => s.id === id);

  // Where the attacks came in (one fact per target).
  const targets = [...new Set(scenario.attacks.map((a) => a.target))];
  for (const t of targets) {
    const target = scenario.services[t];
    if (!target) continue;
    const vectors = [
      ...new Set(scenario.attacks.filter((a) => a.target === t).map((a) => w.vector(a.vector))),
    ];
    const trouble = firstTroubleOf(state.log, t);
    facts.push({
      text: w.attackAimed({
        vectors,
        target: target.name,
        ...(trouble === undefined ? {} : { trouble: elapsedClock(trouble) }),
      }),
      topics: ['cascade', 'outage', 'technical'],
      services: [t],
      tick: trouble,
    });
  }

  // The cascade: for each service that went into trouble, the services depending on it that followed.
  const firstTrouble = new Map<number, number>();
  scenario.services.forEach((_, s) => {
    const t = firstTroubleOf(state.log, s);
    if (t !== undefined) firstTrouble.set(s, t);
  });
  scenario.services.forEach((up, u) => {
    const upTick = firstTrouble.get(u);
    if (upTick === undefined) return;
    const followers = scenario.dependencies
      .filter((d) => d.to === u && (firstTrouble.get(d.from) ?? -1) >= upTick)
      .map((d) => d.from);
    if (followers.length === 0) return;
    facts.push({
      text: w.cascade({
        service: up.name,
        at: elapsedClock(upTick),
        followers: followers.map((f) => ({
          name: scenario.services[f]!.name,
          at: elapsedClock(firstTrouble.get(f)!),
        })),
      }),
      topics: ['cascade', 'outage'],
      services: [u, ...followers],
      tick: upTick,
    });
  });

  // Load against capacity, per service that went over.
  for (const [id, xs] of Object.entries(series.utilisation)) {
    const first = xs.findIndex((x) => x >= 1);
    if (first < 0) continue;
    const peak = Math.max(...xs);
    const s = serviceIndex(id);
    facts.push({
      text: w.overCapacity({
        service: scenario.services[s]!.name,
        at: elapsedClock(series.minutes[first]! * 60),
        peak,
        peakAt: elapsedClock(series.minutes[xs.indexOf(peak)]! * 60),
      }),
      topics: ['cascade', 'technical'],
      services: [s],
      tick: series.minutes[first]! * 60,
    });
  }

  // How long each critical service was mostly down.
  for (const [id, xs] of Object.entries(series.availability)) {
    const down = xs.filter((x) => x < 0.5).length;
    if (down === 0) continue;
    const s = serviceIndex(id);
    const from = series.minutes[xs.findIndex((x) => x < 0.5)]! * 60;
    facts.push({
      text: w.mostlyDown({ service: scenario.services[s]!.name, minutes: down, from: elapsedClock(from) }),
      topics: ['outage', 'cascade'],
      services: [s],
      tick: from,
    });
  }

  // Failures the script or chance caused (a second outage, an unrelated fault).
  for (const e of state.log)
    if (e.service >= 0 && (/failed \(scenario\)$/.test(e.text) || /unrelated fault/.test(e.text)))
      facts.push({
        text: w.failure({
          at: elapsedClock(e.tick),
          service: scenario.services[e.service]?.name ?? '',
          kind: /failed \(scenario\)$/.test(e.text)
            ? 'script'
            : /unrelated fault was repaired/.test(e.text)
              ? 'repaired'
              : 'fault',
          text: humanText(scenario, e.text),
        }),
        topics: ['outage', 'technical'],
        services: [e.service],
        tick: e.tick,
      });

  // The player's decisions, each with what it was about and (for orders) what the load did next.
  commands.forEach((c, i) => {
    const cmd = c.cmd;
    const by = roles[i];
    const words = commandInWords(scenario, cmd, [], [], w);
    if (cmd.type === 'mitigate' || cmd.type === 'lift') {
      const target = cmd.type === 'mitigate' ? serviceIndex(cmd.target) : -1;
      const services = [
        target,
        ...(cmd.type === 'mitigate' && cmd.dependsOn ? [serviceIndex(cmd.dependsOn)] : []),
      ];
      let effect: { before: number; after: number } | undefined;
      const load = target >= 0 ? series.utilisation[scenario.services[target]!.id] : undefined;
      const before = load && at(series, load, c.tick);
      const after = load && at(series, load, c.tick + 20 * 60);
      if (before !== undefined && after !== undefined && c.tick + 20 * 60 <= state.tick)
        effect = { before, after };
      facts.push({
        text: w.decisionFact({
          at: elapsedClock(c.tick),
          words,
          ...(by ? { by } : {}),
          ...(effect ? { load: effect } : {}),
        }),
        topics: ['technical', 'decision'],
        services: services.filter((s) => s >= 0),
        tick: c.tick,
      });
    } else if (cmd.type === 'statement') {
      const topics: Topic[] = ['messaging', 'decision'];
      if (cmd.blocks.some((b) => b.kind === 'data-safe')) topics.push('data');
      if (cmd.blocks.some((b) => b.kind === 'rebuttal')) topics.push('rumours');
      if (cmd.blocks.some((b) => b.kind === 'workaround')) topics.push('workarounds');
      if (cmd.blocks.some((b) => b.kind === 'cause')) topics.push('cause');
      facts.push({
        text: w.decisionFact({ at: elapsedClock(c.tick), words, ...(by ? { by } : {}) }),
        topics,
        tick: c.tick,
      });
    }
  });

  // Answers to decision prompts (given, or the default when time ran out), about what the prompt asked.
  for (const e of state.log) {
    const m = /^decision '([^']+)': (.*) \((.*)\)$/.exec(e.text);
    if (e.kind !== 'inject' || !m) continue;
    const prompt = scenario.injects.find((x) => x.id === m[1])?.effects.find((x) => x.type === 'prompt');
    if (prompt?.type !== 'prompt') continue;
    const answer = m[2]!.replace(/^["“]|["”]$/g, '');
    facts.push({
      text: w.promptFact({
        at: elapsedClock(e.tick),
        from: prompt.from,
        // The author's words in the reader's language; what the facts are about is found in the engine's.
        question: shortText(w.scene(scenario, prompt.text), 90),
        answer: w.scene(scenario, m[2]!).replace(/^["“]|["”]$/g, ''),
        how: m[3] === 'answered' ? '' : w.defaultTaken(m[3]!),
      }),
      topics: [
        ...new Set<Topic>(['messaging', 'decision', 'prompt', ...topicsOf(`${prompt.text} ${answer}`)]),
      ],
      services: servicesNamed(sim, prompt.text),
      tick: e.tick,
    });
  }

  const p = state.people;
  const firstStatement = p.statements[0];
  facts.push({
    text:
      p.incidentTick < 0
        ? w.noIncident()
        : firstStatement
          ? w.incidentSpoken(elapsedClock(p.incidentTick), elapsedClock(firstStatement.tick))
          : w.incidentSilent(elapsedClock(p.incidentTick)),
    topics: ['messaging'],
    tick: Math.max(0, p.incidentTick),
  });
  for (const c of p.claims) {
    if (c.status === 'open') continue;
    const what = claimInWords(scenario, c, w);
    facts.push({
      text: w.claimFact({ claim: what, at: elapsedClock(c.tick), broken: c.status === 'broken' }),
      topics:
        c.kind === 'data-safe'
          ? ['messaging', 'data']
          : c.kind === 'cause'
            ? ['messaging', 'cause']
            : ['messaging'],
      tick: c.tick,
    });
  }
  const trust = series.trust[scenario.people.stakeholders[0]?.id ?? ''];
  if (trust && trust.length > 0) {
    const low = Math.min(...trust);
    facts.push({
      text: w.trustFact({
        from: scenario.people.stakeholders[0]!.trust,
        to: p.trust[0]!,
        lowest: low,
        at: elapsedClock(series.minutes[trust.indexOf(low)]! * 60),
      }),
      topics: ['messaging'],
      tick: series.minutes[trust.indexOf(low)]! * 60,
    });
  }

  scenario.people.rumours.forEach((r, i) => {
    const rs = p.rumours[i]!;
    const rebuttals = commands.filter(
      (c) =>
        c.cmd.type === 'statement' && c.cmd.blocks.some((b) => b.kind === 'rebuttal' && b.rumour === r.id),
    );
    const belief = series.belief[r.id];
    const afterRebuttal = rebuttals
      .map((c) => {
        const b0 = at(series, belief, c.tick);
        const b1 = at(series, belief, c.tick + 30 * 60);
        return b0 !== undefined && b1 !== undefined && c.tick + 30 * 60 <= state.tick
          ? w.rebuttal({ at: elapsedClock(c.tick), before: b0, after: b1 })
          : w.rebuttal({ at: elapsedClock(c.tick) });
      })
      .join('');
    facts.push({
      text: rs.born
        ? w.rumourFact({
            rumour: shortText(r.text),
            from: elapsedClock(rs.bornTick),
            peak: rs.peak,
            rebuttals: afterRebuttal,
          })
        : w.rumourNever(shortText(r.text)),
      topics: ['rumours', 'messaging', ...(TOPIC_WORDS.data.test(r.text) ? (['data'] as Topic[]) : [])],
      // A rumour that never spread hit nothing: it is not a fact about the services it would have hit.
      services: rs.born ? r.hits.map((h) => h.service) : [],
      tick: rs.born ? rs.bornTick : undefined,
    });
  });

  scenario.people.workarounds.forEach((x, i) => {
    const ws = p.workarounds[i]!;
    if (ws.announcedTick < 0) return;
    const to = scenario.services[x.to]!;
    const load = series.utilisation[to.id] ?? [];
    const peakTo = Math.max(0, ...load.filter((_, k) => series.minutes[k]! * 60 >= ws.announcedTick));
    facts.push({
      text: w.workaroundFact({
        workaround: x.name,
        at: elapsedClock(ws.announcedTick),
        to: to.name,
        peak: peakTo,
      }),
      topics: ['workarounds'],
      services: [x.from, x.to],
      tick: ws.announcedTick,
    });
  });
  facts.push({
    text: w.strandedPeak(state.metrics.strandedPeak),
    topics: ['workarounds', 'outage'],
  });
  return facts;
}

/**
 * The facts for each item (objective or question), in order: those naming the item's services score highest,
 * then those on its topics; a fact already given to an earlier item counts less, so each item shows what bears
 * on it rather than the same few lines again. At most FACTS_PER_ITEM per item, the most relevant first.
 */
export function factsForItems(
  sim: Pick<Sim, 'scenario'>,
  items: readonly string[],
  facts: readonly Fact[],
): string[][] {
  const used = new Map<Fact, number>();
  return items.map((text) => {
    const services = new Set(servicesNamed(sim, text));
    const topics = new Set(topicsOf(text));
    const scored = facts
      .filter((f) => (used.get(f) ?? 0) < MAX_ITEMS_PER_FACT)
      .map((f, order) => {
        const serviceHits = (f.services ?? []).filter((s) => services.has(s)).length;
        const topicScore = f.topics
          .filter((t) => topics.has(t))
          .reduce((sum, t) => sum + (TOPIC_WEIGHT[t] ?? 2), 0);
        // An item that names services wants facts about them: others count half.
        const relevance =
          services.size > 0 && serviceHits === 0 ? topicScore / 2 : 4 * Math.min(serviceHits, 2) + topicScore;
        return { f, order, relevance, score: relevance - 1.5 * (used.get(f) ?? 0) };
      })
      .filter((x) => x.relevance > 0)
      .sort((a, b) => b.score - a.score || a.order - b.order);
    let chosen = scored.slice(0, FACTS_PER_ITEM);
    // Nothing on this item's services or topics: the least-shown facts, so the item is not left bare.
    if (chosen.length === 0)
      chosen = facts
        .map((f, order) => ({ f, order, relevance: 0, score: -(used.get(f) ?? 0) }))
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .slice(0, 2);
    for (const c of chosen) used.set(c.f, (used.get(c.f) ?? 0) + 1);
    // Most relevant first: the printed page has room for one fact per item.
    return chosen.map((c) => c.f.text);
  });
}
