/**
 * The scenario's own names for everything a report mentions. The engine logs with ids ("inject
 * 'portal-downtime' (trigger)", "attack 'flood': start") because its log is for the engine and its tests; the
 * debrief, the printed report and the exports are for people, so every id is turned into the name the
 * scenario gives it (a service's name, a mitigation's display label, a rumour's words, who speaks in an inject)
 * before it is shown. Pure: the same words on screen, on paper and in the Markdown and JSON exports.
 */
import type { ApplyResult, Command, LoggedCommand, Scenario } from '../engine';
import { describeFacilitatorCommand } from './facilitatorWords';

/** One block of a statement in words ("ETA 30 min", "rebut “Data leaked”"). */
export function blockInWords(
  scenario: Scenario,
  b: Extract<Command, { type: 'statement' }>['blocks'][number],
): string {
  switch (b.kind) {
    case 'eta':
      return `ETA ${b.minutes} min`;
    case 'cause':
      return `cause: ${b.cause}`;
    case 'data-safe':
      return 'data is safe';
    case 'workaround':
      return `workaround “${scenario.people?.workarounds.find((w) => w.id === b.workaround)?.name ?? b.workaround}”`;
    case 'rebuttal':
      // The rumour's first words name it: a whole rumour in every line of the timeline is a paragraph.
      return `rebut “${shortText(scenario.people?.rumours.find((r) => r.id === b.rumour)?.text ?? b.rumour, 50)}” (${b.evidence})`;
    case 'blame':
      return `blame ${b.partner}`;
    default:
      return (b as { kind: string }).kind;
  }
}

/** A player's command in words, with the scenario's names ("Ordered WAF rule … on Operator internet edge"). */
export function commandInWords(
  scenario: Scenario,
  cmd: Command,
  log: readonly LoggedCommand[] = [],
  results: readonly ApplyResult[] = [],
): string {
  switch (cmd.type) {
    case 'mitigate': {
      const def = scenario.mitigations.find((m) => m.id === cmd.mitigation);
      const service = scenario.services.find((x) => x.id === cmd.target);
      let text = `Ordered ${def?.name ?? cmd.mitigation} on ${service?.name ?? cmd.target}`;
      if (cmd.region) text += ` (region: ${cmd.region})`;
      if (cmd.dependsOn) {
        const to = scenario.services.find((x) => x.id === cmd.dependsOn);
        text += ` (cut from ${to?.name ?? cmd.dependsOn})`;
      }
      return text;
    }
    case 'lift': {
      const ordered = log.findIndex(
        (e, i) => e.cmd.type === 'mitigate' && results[i]?.ok === true && results[i].uid === cmd.uid,
      );
      const what =
        ordered >= 0
          ? commandInWords(scenario, log[ordered]!.cmd).replace(/^Ordered /, '')
          : `order #${cmd.uid}`;
      return `Lifted ${what}`;
    }
    case 'answer': {
      const inject = scenario.injects.find((i) => i.id === cmd.inject);
      const prompt = inject?.effects.find((e) => e.type === 'prompt');
      const option = prompt?.type === 'prompt' ? prompt.options.find((o) => o.id === cmd.option) : undefined;
      if (!inject && /^ask-\d+$/.test(cmd.inject))
        return `Answered the facilitator’s question: ${cmd.option}`;
      return `Answered ${prompt?.type === 'prompt' ? prompt.from : cmd.inject}: ${option?.label ?? cmd.option}`;
    }
    case 'statement': {
      const channel = scenario.people?.channels.find((c) => c.id === cmd.channel);
      const blocks = cmd.blocks.map((b) => blockInWords(scenario, b)).join(', ');
      return `Statement on ${channel?.name ?? cmd.channel} (${cmd.languages.join(', ')}): ${blocks || 'empty'}`;
    }
    case 'workaround': {
      const w = scenario.people?.workarounds.find((x) => x.id === cmd.workaround);
      return `${cmd.action === 'announce' ? 'Announced' : 'Withdrew'} the workaround “${w?.name ?? cmd.workaround}”`;
    }
    case 'noop':
      return 'No action';
    default:
      return describeFacilitatorCommand(scenario, cmd) ?? `Command ${(cmd as { type: string }).type}`;
  }
}

/** At most `max` characters, cut at a word, with an ellipsis. */
export function shortText(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`;
}

/**
 * What an inject is, in the words of its first visible effect: who speaks and what they say ("Minister: “Is
 * citizens' data safe?”"), else what it does to the city ("E-visa processing fails", "the attack on … starts").
 */
export function injectInWords(scenario: Scenario, index: number): string {
  const def = scenario.injects[index];
  if (!def) return 'a scripted event';
  const said = def.effects.find((e) => e.type === 'prompt' || e.type === 'feed');
  if (said && (said.type === 'prompt' || said.type === 'feed'))
    return `${said.from}: “${shortText(said.text)}”`;
  for (const e of def.effects) {
    switch (e.type) {
      case 'attack':
        return attackInWords(scenario, e.attack, e.action);
      case 'fail':
        return `${scenario.services[e.service]?.name ?? 'a service'} fails`;
      case 'restore':
        return `${scenario.services[e.service]?.name ?? 'a service'} is restored`;
      case 'capacity':
        return `${scenario.services[e.service]?.name ?? 'a service'} runs at ${Math.round(e.factor * 100)} % capacity`;
      case 'rumour':
        return `the rumour “${shortText(scenario.people.rumours[e.rumour]?.text ?? 'a rumour')}” is planted`;
      case 'statement':
        return `a statement on ${scenario.people.channels[e.channel]?.name ?? 'a channel'}`;
      case 'end':
        return `the end of the drill (${e.outcome})`;
      case 'reveal':
        return 'the truth comes out';
      case 'budget':
        return `the budget changes by ${e.amount.toLocaleString('en')} KES`;
      case 'trust':
        return `${scenario.people.stakeholders[e.stakeholder]?.name ?? 'a stakeholder'}'s trust moves`;
      default:
        break;
    }
  }
  return 'a scripted event';
}

const ATTACK_ACTIONS: Record<string, string> = {
  start: 'starts',
  stop: 'stops',
  escalate: 'escalates',
  shift: 'shifts to a new target',
};

function attackInWords(scenario: Scenario, index: number, action: string): string {
  const def = scenario.attacks[index];
  const target = def ? scenario.services[def.target]?.name : undefined;
  return `the attack${target ? ` on ${target}` : ''} ${ATTACK_ACTIONS[action] ?? action}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An inject whose first words are already on the report's timeline as a feed item (a headline, an official
 * line, a stakeholder's message or prompt): the timeline shows those words once, as the feed item.
 */
export function injectShownAsFeed(scenario: Scenario, logText: string): boolean {
  const id = /^inject '([^']+)' \(/.exec(logText)?.[1];
  const def = id === undefined ? undefined : scenario.injects.find((i) => i.id === id);
  const said = def?.effects.find((e) => e.type === 'prompt' || e.type === 'feed');
  if (!said) return false;
  return (
    said.type === 'prompt' ||
    (said.type === 'feed' && ['headline', 'official', 'stakeholder'].includes(said.channel))
  );
}

/** Why an inject fired, when it is worth saying (a timer or a condition is not: the time says it). */
function whyInWords(scenario: Scenario, why: string): string {
  if (why === 'trigger' || why.startsWith('follow-up of')) return '';
  return ` (${humanText(scenario, why)})`;
}

/**
 * A line of the engine's log (or a "why" it recorded) with every id replaced by the scenario's name for it.
 * Lines without ids come back as they are.
 */
export function humanText(scenario: Scenario, text: string): string {
  const injectIndex = (id: string) => scenario.injects.findIndex((i) => i.id === id);
  let m = /^inject '([^']+)' \((.*)\)$/.exec(text);
  if (m) {
    const i = injectIndex(m[1]!);
    if (i >= 0) return `${capitalised(injectInWords(scenario, i))}${whyInWords(scenario, m[2]!)}`;
  }
  m = /^decision '([^']+)': (.*) \((.*)\)$/.exec(text);
  if (m) {
    const def = scenario.injects[injectIndex(m[1]!)];
    const prompt = def?.effects.find((e) => e.type === 'prompt');
    const from = prompt?.type === 'prompt' ? prompt.from : 'A decision';
    return `${from}: answer “${m[2]}”${m[3] === 'answered' ? '' : ` (${m[3]})`}`;
  }
  m = /^attack '([^']+)': (\w+)$/.exec(text);
  if (m) {
    const a = scenario.attacks.findIndex((x) => x.id === m![1]);
    if (a >= 0) return capitalised(attackInWords(scenario, a, m[2]!));
  }
  m = /^statement by the script \(inject '([^']+)'\): (.*)$/.exec(text);
  if (m) {
    const def = scenario.injects[injectIndex(m[1]!)];
    const said = def?.effects.find((e) => e.type === 'prompt' || e.type === 'feed');
    const from = said && (said.type === 'prompt' || said.type === 'feed') ? ` (${said.from})` : '';
    return `Scripted statement on ${m[2]}${from}`;
  }
  m = /^rumour '([^']+)' is spreading$/.exec(text);
  if (m) {
    const r = scenario.people.rumours.find((x) => x.id === m![1]);
    if (r) return `The rumour “${shortText(r.text)}” is spreading`;
  }
  // Ids inside a longer line: "the truth came out (inject 'truth-out')", "planted by inject 'rumour-planted'".
  return text
    .replace(/\binject '([^']+)'/g, (whole, id: string) => {
      const i = injectIndex(id);
      return i >= 0 ? `“${injectInWords(scenario, i)}”` : whole;
    })
    .replace(/\brumour '([^']+)'/g, (whole, id: string) => {
      const r = scenario.people.rumours.find((x) => x.id === id);
      return r ? `the rumour “${shortText(r.text)}”` : whole;
    });
}

/** A public claim in words: "that data was safe", "an ETA of 30 min", "the cause was a glitch", "a denial of …". */
export function claimInWords(scenario: Scenario, c: { kind: string; value: string }): string {
  switch (c.kind) {
    case 'data-safe':
      return 'that data was safe';
    case 'eta':
      return `an ETA of ${c.value} min`;
    case 'cause':
      return `that the cause was “${c.value}”`;
    case 'denial': {
      const r = scenario.people.rumours.find((x) => x.id === c.value);
      return `a denial of the rumour “${shortText(r?.text ?? 'a rumour', 50)}”`;
    }
    default:
      return `“${c.kind}”`;
  }
}

/**
 * A feed item's "why" for the room: the engine names injects by their ids ("inject 'cert-warning'"), which
 * are the author's, not the trainees'. On screen they read as the scenario script.
 */
export function feedWhyInWords(why: string): string {
  return why
    .replace(/decision prompt of inject '[^']*'/g, 'a decision in the scenario script')
    .replace(/follow-up of '[^']*'/g, 'a follow-up in the scenario script')
    .replace(/inject '[^']*'/g, 'the scenario script');
}
