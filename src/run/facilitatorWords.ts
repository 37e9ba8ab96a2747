/**
 * The facilitator's commands in words (for the debrief timeline and the console's own history). Injects have
 * ids, not names: they are named by who speaks in them and what they say, as the room saw them.
 */
import {
  editedText,
  type Command,
  type DeepReadonly,
  type FacilitatorCommand,
  type Scenario,
  type SimState,
} from '../engine';

const SNIPPET = 60;

function snippet(text: string): string {
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1).trimEnd()}…` : text;
}

/** "Minister: “We are investigating…”", or the id when the inject says nothing (an attack, a failure). */
export function injectName(
  scenario: Scenario,
  injectId: string,
  state?: DeepReadonly<SimState>,
  /** The author's text in the reader's language (RunWords.scene); as it is by default. */
  local: (text: string) => string = (text) => text,
): string {
  const index = scenario.injects.findIndex((d) => d.id === injectId);
  const def = scenario.injects[index];
  if (!def) return injectId;
  for (let e = 0; e < def.effects.length; e++) {
    const effect = def.effects[e]!;
    if (effect.type === 'feed' || effect.type === 'prompt') {
      const text = (state && editedText(state, index, e)) ?? local(effect.text);
      return `${effect.from}: “${snippet(text)}”`;
    }
  }
  return injectId.replace(/-/g, ' ');
}

const nameOfInject = injectName;

function isFacilitatorCommand(cmd: Command): cmd is FacilitatorCommand {
  return [
    'fire-inject',
    'hold-inject',
    'release-inject',
    'skip-inject',
    'edit-inject',
    'post',
    'ask',
    'annotate',
    'room',
  ].includes(cmd.type);
}

/**
 * The facilitator's command as facts, for its words in the interface language (RunWords.facilitator): the
 * inject named as the room saw it (`injectName`), snippets of what the facilitator wrote (their own words).
 */
export type FacilitatorAction =
  | { kind: 'fire' | 'hold' | 'release' | 'skip'; inject: string }
  | { kind: 'edit'; inject: string; text: string }
  | { kind: 'post'; from: string; text: string }
  | { kind: 'ask'; from: string; text: string; answers: readonly string[] }
  | { kind: 'annotate'; text: string }
  | { kind: 'speed'; speed: number | undefined }
  | { kind: 'pause' | 'resume' };

/** The facilitator's command as facts; undefined for a player's command. */
export function facilitatorAction(
  scenario: Scenario,
  cmd: Command,
  /** The author's text in the reader's language (RunWords.scene); as it is by default. */
  local?: (text: string) => string,
): FacilitatorAction | undefined {
  if (!isFacilitatorCommand(cmd)) return undefined;
  const injectName = (id: string) => nameOfInject(scenario, id, undefined, local);
  switch (cmd.type) {
    case 'fire-inject':
      return { kind: 'fire', inject: injectName(cmd.inject) };
    case 'hold-inject':
      return { kind: 'hold', inject: injectName(cmd.inject) };
    case 'release-inject':
      return { kind: 'release', inject: injectName(cmd.inject) };
    case 'skip-inject':
      return { kind: 'skip', inject: injectName(cmd.inject) };
    case 'edit-inject':
      return { kind: 'edit', inject: injectName(cmd.inject), text: snippet(cmd.text) };
    case 'post':
      return { kind: 'post', from: cmd.from, text: snippet(cmd.text) };
    case 'ask':
      return { kind: 'ask', from: cmd.from, text: snippet(cmd.text), answers: cmd.answers };
    case 'annotate':
      return { kind: 'annotate', text: cmd.text };
    case 'room':
      return cmd.action === 'speed' ? { kind: 'speed', speed: cmd.speed } : { kind: cmd.action };
  }
}

/** The facilitator's command in English (src/run's own words: the JSON export, the console's history). */
export function facilitatorInEnglish(a: FacilitatorAction): string {
  switch (a.kind) {
    case 'fire':
      return `Facilitator fired ${a.inject}`;
    case 'hold':
      return `Facilitator held ${a.inject}`;
    case 'release':
      return `Facilitator released ${a.inject}`;
    case 'skip':
      return `Facilitator skipped ${a.inject}`;
    case 'edit':
      return `Facilitator reworded ${a.inject} to “${a.text}”`;
    case 'post':
      return `Facilitator posted as ${a.from}: “${a.text}”`;
    case 'ask':
      return `Facilitator asked the team, as ${a.from}: “${a.text}” (${a.answers.join(' / ')})`;
    case 'annotate':
      return `Facilitator’s note: ${a.text}`;
    case 'speed':
      return `Facilitator set the speed to ${a.speed}×`;
    default:
      return `Facilitator ${a.kind === 'pause' ? 'paused' : 'resumed'} the room`;
  }
}

/** The facilitator's command in English; undefined for a player's command. */
export function describeFacilitatorCommand(scenario: Scenario, cmd: Command): string | undefined {
  const action = facilitatorAction(scenario, cmd);
  return action && facilitatorInEnglish(action);
}
