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
export function injectName(scenario: Scenario, injectId: string, state?: DeepReadonly<SimState>): string {
  const index = scenario.injects.findIndex((d) => d.id === injectId);
  const def = scenario.injects[index];
  if (!def) return injectId;
  for (let e = 0; e < def.effects.length; e++) {
    const effect = def.effects[e]!;
    if (effect.type === 'feed' || effect.type === 'prompt') {
      const text = (state && editedText(state, index, e)) ?? effect.text;
      return `${effect.from}: “${snippet(text)}”`;
    }
  }
  return injectId.replace(/-/g, ' ');
}

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

/** The facilitator's command in words; undefined for a player's command. */
export function describeFacilitatorCommand(scenario: Scenario, cmd: Command): string | undefined {
  if (!isFacilitatorCommand(cmd)) return undefined;
  switch (cmd.type) {
    case 'fire-inject':
      return `Facilitator fired ${injectName(scenario, cmd.inject)}`;
    case 'hold-inject':
      return `Facilitator held ${injectName(scenario, cmd.inject)}`;
    case 'release-inject':
      return `Facilitator released ${injectName(scenario, cmd.inject)}`;
    case 'skip-inject':
      return `Facilitator skipped ${injectName(scenario, cmd.inject)}`;
    case 'edit-inject':
      return `Facilitator reworded ${injectName(scenario, cmd.inject)} to “${snippet(cmd.text)}”`;
    case 'post':
      return `Facilitator posted as ${cmd.from}: “${snippet(cmd.text)}”`;
    case 'ask':
      return `Facilitator asked the team, as ${cmd.from}: “${snippet(cmd.text)}” (${cmd.answers.join(' / ')})`;
    case 'annotate':
      return `Facilitator’s note: ${cmd.text}`;
    case 'room':
      return cmd.action === 'speed'
        ? `Facilitator set the speed to ${cmd.speed}×`
        : `Facilitator ${cmd.action === 'pause' ? 'paused' : 'resumed'} the room`;
  }
}
