/**
 * The scenario script: injects fire on the simulated clock (never on wall time), so pausing, speeding up or
 * replaying a drill never skips or duplicates one. Checked once per tick, before the systems run, on the
 * state the previous tick left.
 */
import { dropOldest } from './bounded';
import { asEdited, expireAsked, heldBack } from './facilitator';
import { pushLog } from './log';
import { faultLengthFactor, seededShare } from './variation';
import { withRng } from './rng';
import type { Sim } from './sim';
import { spawnRumour } from './rumours';
import { addTrust, revealTruth } from './trust';
import type { Effect, FeedChannel, StatementBlock } from './types';

export const FEED_LIMIT = 300;
export const DEFAULT_PROMPT_TIMEOUT_TICKS = 10 * 60;
const NO_ANSWER = 'no answer in time: the default';

export function runInjects(sim: Sim): void {
  const { scenario, state } = sim;
  const tick = state.tick;
  const defs = scenario.injects;
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i]!;
    const st = state.injects[i]!;
    if (def.followUpOnly || st.fired >= def.times) {
      st.armed = false;
      continue;
    }
    if (tick < def.notBeforeTick) {
      st.armed = false;
      continue;
    }
    if (st.lastTick >= 0 && tick - st.lastTick < def.cooldownTicks) {
      st.armed = false;
      continue;
    }
    let due = false;
    if (def.atTick >= 0) due = st.fired === 0 ? tick === def.atTick : tick >= def.atTick;
    else if (def.afterMitigation >= 0) due = st.armed;
    else if (def.condition) due = def.condition(sim);
    else if (def.chance >= 0) {
      if (tick > 0 && tick % def.everyTicks === 0)
        due = withRng(state.rng.ops, (next) => next() < def.chance);
    }
    st.armed = false;
    if (due) fireInject(sim, i, 'trigger');
    if (state.ended) return; // an `end` effect ends the drill: nothing after it happens in that tick
  }
  expirePrompts(sim);
  expireAsked(sim); // the facilitator's questions to the team (./facilitator.ts)
}

export function fireInject(sim: Sim, index: number, why: string): void {
  const { scenario, state } = sim;
  const def = scenario.injects[index]!;
  const st = state.injects[index]!;
  if (heldBack(sim, index)) return; // the facilitator holds or skipped it (./facilitator.ts)
  st.fired++;
  st.lastTick = state.tick;
  pushLog(state, 'inject', `inject '${def.id}' (${why})`, -1);
  for (let e = 0; e < def.effects.length && !state.ended; e++)
    applyEffect(sim, asEdited(state, index, e, def.effects[e]!), index, e);
}

/** Called by `apply` when the player orders a mitigation: arms the injects waiting for it. */
export function armAfterTriggers(sim: Sim, mitigation: number, target: number): void {
  const defs = sim.scenario.injects;
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i]!;
    if (def.afterMitigation === mitigation && (def.afterTarget < 0 || def.afterTarget === target)) {
      sim.state.injects[i]!.armed = true;
    }
  }
}

export function applyEffect(sim: Sim, effect: Effect, inject: number, effectIndex: number): void {
  const { scenario, state } = sim;
  const source = scenario.injects[inject]!.id;
  switch (effect.type) {
    case 'feed':
      postFeed(sim, effect.channel, effect.from, effect.text, `inject '${source}'`);
      break;
    case 'attack': {
      const at = state.attacks[effect.attack]!;
      const def = scenario.attacks[effect.attack]!;
      if (effect.action === 'start') {
        at.on = true;
        at.offsetTicks = state.tick - (def.keyframes[0]?.tick ?? 0);
      } else if (effect.action === 'stop') at.on = false;
      else if (effect.action === 'escalate') at.factor *= effect.factor;
      else {
        at.target = effect.target;
        sim.rt.dirty = true; // geo-blocks are per target
      }
      pushLog(state, 'attack', `attack '${def.id}': ${effect.action}`, at.target);
      break;
    }
    case 'capacity':
      state.capacityFactor[effect.service] = effect.factor;
      break;
    case 'fail': {
      const st = state.services[effect.service]!;
      // How long a scripted failure lasts is not something the commander can know: the seed varies it.
      const forTicks = effect.forTicks > 0 ? Math.round(effect.forTicks * faultLengthFactor(sim, inject)) : 0;
      st.restartAtTick = state.tick + (forTicks > 0 ? forTicks : scenario.durationTicks + 1);
      st.queue = 0;
      const lock = faultLock(sim, effect, inject, effectIndex);
      if (lock) st.faultEndedBy = lock;
      else delete st.faultEndedBy;
      pushLog(
        state,
        'status',
        `${scenario.services[effect.service]!.name} failed (scenario)`,
        effect.service,
      );
      break;
    }
    case 'restore': {
      const st = state.services[effect.service]!;
      if (st.restartAtTick >= 0) st.restartAtTick = state.tick;
      delete st.faultEndedBy;
      break;
    }
    case 'budget':
      state.budgetKES += effect.amount;
      // Money the script takes (a ransom, a fine) is money spent, like the players' own orders.
      if (effect.amount < 0) state.metrics.budgetSpentKES -= effect.amount;
      break;
    case 'end':
      state.outcome = { outcome: effect.outcome, text: effect.text };
      state.ended = true;
      pushLog(state, 'note', `The drill ended: ${effect.outcome}`, -1);
      break;
    case 'fire':
      fireInject(sim, effect.inject, `follow-up of '${source}'`);
      break;
    case 'rumour':
      spawnRumour(sim, effect.rumour, effect.belief, `planted by inject '${source}'`);
      sim.rt.peopleDirty = true;
      break;
    case 'trust':
      addTrust(sim, effect.stakeholder, effect.delta, 'injects', `inject '${source}'`);
      break;
    case 'reveal':
      revealTruth(sim, `inject '${source}'`);
      break;
    case 'data-taken':
      // Set once and never cleared: data that left cannot come back. Absent until then (older saves).
      state.people.dataTaken = true;
      pushLog(state, 'people', `data was taken (inject '${source}')`, -1);
      break;
    case 'statement': {
      // Said on the commander's side by the script (a minister, a spokesperson): a real statement with real
      // claims, at no cost to the budget.
      const channel = scenario.people.channels[effect.channel]!;
      // A workaround the script announces (a ministry's "visas on arrival") is put in place by whoever
      // speaks, at no cost to the commander's budget; people hear of it when the statement lands.
      enableScriptedWorkarounds(sim, effect.blocks, source);
      state.people.statements.push({
        tick: state.tick,
        channel: effect.channel,
        languages: effect.languages,
        blocks: effect.blocks,
        landsTick: state.tick + channel.delayTicks,
        landed: false,
      });
      pushLog(state, 'people', `statement by the script (inject '${source}'): ${channel.name}`, -1);
      break;
    }
    case 'prompt':
      state.prompts.push({
        inject,
        effect: effectIndex,
        issuedTick: state.tick,
        deadlineTick:
          state.tick + (effect.timeoutTicks > 0 ? effect.timeoutTicks : DEFAULT_PROMPT_TIMEOUT_TICKS),
        pause: effect.pause,
      });
      postFeed(sim, 'stakeholder', effect.from, effect.text, `decision prompt of inject '${source}'`);
      break;
  }
}

/**
 * Which mitigations may end a scripted failure (null: the default, any restart or failover). When the seed
 * says the failure also hit the standby (`standbyHit`), failover is taken off the list: the commander finds
 * out when the failover does not help.
 */
function faultLock(
  sim: Sim,
  effect: Extract<Effect, { type: 'fail' }>,
  inject: number,
  effectIndex: number,
): number[] | null {
  const mitigations = sim.scenario.mitigations;
  const hitsStandby =
    effect.standbyHit > 0 &&
    seededShare(sim, `standby\u0000${inject}\u0000${effectIndex}`) < effect.standbyHit;
  if (!hitsStandby) return effect.endedBy ? [...effect.endedBy] : null;
  const list =
    effect.endedBy ??
    mitigations.flatMap((m, i) => (m.kind === 'restart' || m.kind === 'failover' ? [i] : []));
  return list.filter((i) => mitigations[i]!.kind !== 'failover');
}

function enableScriptedWorkarounds(sim: Sim, blocks: readonly StatementBlock[], source: string): void {
  const { scenario, state } = sim;
  for (const b of blocks) {
    if (b.kind !== 'workaround') continue;
    const w = scenario.people.workarounds.findIndex((x) => x.id === b.workaround);
    const ws = state.people.workarounds[w];
    if (!ws || ws.enabled) continue;
    ws.enabled = true;
    ws.announcedTick = state.tick;
    pushLog(
      state,
      'people',
      `workaround put in place by the script (inject '${source}'): ${scenario.people.workarounds[w]!.name}`,
      scenario.people.workarounds[w]!.from,
    );
  }
}

export function postFeed(sim: Sim, channel: FeedChannel, from: string, text: string, why: string): void {
  const state = sim.state;
  state.feed.push({ tick: state.tick, channel, from, text, why });
  const dropped = dropOldest(state.feed, FEED_LIMIT, (f) => f.channel, state.feedDropped);
  if (dropped) state.feedDropped = dropped;
}

/** The answer to a prompt: its option's effects happen now. */
export function answerPrompt(sim: Sim, promptIndex: number, optionIndex: number, why: string): void {
  const { scenario, state } = sim;
  const pending = state.prompts[promptIndex]!;
  const effect = scenario.injects[pending.inject]!.effects[pending.effect]!;
  state.prompts.splice(promptIndex, 1);
  if (effect.type !== 'prompt') return;
  const option = effect.options[optionIndex]!;
  pushLog(
    state,
    'inject',
    `decision '${scenario.injects[pending.inject]!.id}': ${option.label} (${why})`,
    -1,
  );
  echoAnswer(sim, effect.from, option.label, why, scenario.injects[pending.inject]!.id);
  for (let k = 0; k < option.effects.length && !state.ended; k++)
    applyEffect(sim, option.effects[k]!, pending.inject, k);
}

/**
 * The feed says which answer was given (or taken by default), before the option's own effects: a room that
 * answered in a hurry sees what it chose, and the record and the debrief keep it in order.
 */
function echoAnswer(sim: Sim, asker: string, label: string, why: string, injectId: string): void {
  const byDefault = why === NO_ANSWER;
  const text = byDefault
    ? `No answer in time to ${asker}: “${label}” was taken (the default).`
    : `You answered ${asker}: “${label}”.`;
  postFeed(sim, 'ops', 'Decision', text, `the answer to inject '${injectId}'`);
}

function expirePrompts(sim: Sim): void {
  const { scenario, state } = sim;
  for (let p = state.prompts.length - 1; p >= 0; p--) {
    const pending = state.prompts[p]!;
    if (state.tick < pending.deadlineTick) continue;
    const effect = scenario.injects[pending.inject]!.effects[pending.effect]!;
    if (effect.type !== 'prompt') continue;
    const fallback = Math.max(
      0,
      effect.options.findIndex((o) => o.isDefault),
    );
    answerPrompt(sim, p, fallback, NO_ANSWER);
  }
}
