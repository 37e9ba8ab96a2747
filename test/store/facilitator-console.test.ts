/**
 * The facilitator's console without a browser: the view it shows (src/store/facilitatorView.ts), the game
 * window's end of the link (src/ui/console/bridge.ts, over a pair of linked fake channels), and where the
 * facilitator's notes end up (the report's timeline, once).
 */
import { describe, expect, it, vi } from 'vitest';
import type { ApplyResult } from '../../src/engine';
import {
  createGameStore,
  createSession,
  describeCommand,
  openPrompts,
  type SessionStore,
} from '../../src/store';
import { facilitatorView, truthSentence } from '../../src/store/facilitatorView';
import { installConsoleBridge } from '../../src/ui/console/bridge';
import type { Channel, ToConsole } from '../../src/ui/console/protocol';
import { reportTimeline } from '../../src/ui/report/timeline';
import { fixtureScenario, FIXTURE_YAML } from './fixture';
import { compileFile } from '../../src/scenario';
import { reportOf } from '../../src/store/report';

const scenario = fixtureScenario();
const room = { paused: true, speed: 1, waitingForAnswer: false, ended: false, commands: 0 };

/** Two ends of one BroadcastChannel: what one posts, the other hears (asynchronously, as the real one). */
function channelPair(): [Channel & { sent: unknown[] }, Channel & { sent: unknown[] }] {
  const make = () => {
    const listeners = new Set<(e: MessageEvent) => void>();
    return {
      sent: [] as unknown[],
      listeners,
      other: undefined as unknown as { listeners: Set<(e: MessageEvent) => void> },
      postMessage(message: unknown) {
        this.sent.push(message);
        const data = structuredClone(message);
        for (const l of this.other.listeners) queueMicrotask(() => l({ data } as MessageEvent));
      },
      addEventListener(_: 'message', l: (e: MessageEvent) => void) {
        listeners.add(l);
      },
      removeEventListener(_: 'message', l: (e: MessageEvent) => void) {
        listeners.delete(l);
      },
      close() {
        listeners.clear();
      },
    };
  };
  const a = make();
  const b = make();
  a.other = b;
  b.other = a;
  return [a, b];
}

function sessionInCity(): SessionStore {
  const session = createSession({ seed: '5' });
  session.getState().loadShipped([compileFile('store-drill.yaml', FIXTURE_YAML)], 'store-drill');
  session.getState().start();
  session.getState().setScreen('city');
  return session;
}

/** Waits until the console end has heard a message matching `match` (the bridge answers asynchronously). */
async function heard<T extends ToConsole>(
  end: { listeners?: unknown } & Channel,
  match: (m: ToConsole) => m is T,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (e: MessageEvent) => {
      if (match(e.data as ToConsole)) {
        end.removeEventListener('message', listener);
        resolve(e.data as T);
      }
    };
    end.addEventListener('message', listener);
  });
}

describe('the facilitator view', () => {
  it('lists the injects in time order with their triggers, the truth, and score parts that add up', () => {
    const game = createGameStore({ scenario, seed: 1 });
    const view = facilitatorView(scenario, game.getState().sim.state, room);
    expect(view.injects.map((v) => [v.id, v.trigger, v.status])).toEqual([
      ['early', 'at T+0:00:45', 'upcoming'],
      ['middle', 'at T+0:02:00', 'upcoming'],
      ['ask', 'at T+0:03:00', 'upcoming'],
      ['late', 'at T+0:07:00', 'upcoming'],
    ]);
    expect(view.injects[2]!.texts).toEqual([
      {
        effect: 0,
        kind: 'prompt',
        from: "Minister's office",
        text: 'What do we tell the public?',
        edited: false,
      },
    ]);
    expect(view.truth.sentence).toBe(truthSentence(scenario));
    const sum = view.score.components.reduce((s, c) => s + c.points, 0);
    expect(sum).toBeCloseTo(view.score.total, 1);
    expect(view.score.components.reduce((s, c) => s + c.max, 0)).toBeCloseTo(100, 6);
  });

  it('shows what the facilitator did: held, skipped, reworded, fired, and the notes', () => {
    const game = createGameStore({ scenario, seed: 1 });
    const g = game.getState();
    g.issue({ type: 'hold-inject', inject: 'middle' });
    g.issue({ type: 'skip-inject', inject: 'late' });
    g.issue({ type: 'edit-inject', inject: 'ask', effect: 0, text: 'Shall we speak now?' });
    g.issue({ type: 'fire-inject', inject: 'early' });
    g.issue({ type: 'annotate', text: 'Quiet start' });
    const view = facilitatorView(scenario, game.getState().sim.state, room);
    const byId = Object.fromEntries(view.injects.map((v) => [v.id, v]));
    expect(byId.early!.status).toBe('fired');
    expect(byId.middle!.status).toBe('held');
    expect(byId.late!.status).toBe('skipped');
    expect(byId.ask!.texts[0]).toMatchObject({ text: 'Shall we speak now?', edited: true });
    expect(view.annotations).toEqual([{ tick: 0, time: 'T+0:00:00', text: 'Quiet start' }]);
  });

  it('says when the truth is unknown to the room and when it will come out', () => {
    expect(truthSentence(scenario)).toMatch(/^The real cause is .+; customer data is (safe|NOT safe)\. /);
  });
});

describe('the facilitator’s questions in the game', () => {
  it('open as decisions next to the script’s, the last answer the default, and close once answered', () => {
    const game = createGameStore({ scenario, seed: 1 });
    const g = game.getState();
    expect(
      g.issue({ type: 'ask', from: 'Regulator', text: 'Do you report now?', answers: ['Now', 'Later'] }).ok,
    ).toBe(true);
    expect(openPrompts(scenario, game.getState().sim.state)).toEqual([
      {
        injectId: 'ask-1',
        from: 'Regulator',
        text: 'Do you report now?',
        pause: false,
        issuedTick: 0,
        deadlineTick: 600,
        options: [
          { id: 'Now', label: 'Now', isDefault: false },
          { id: 'Later', label: 'Later', isDefault: true },
        ],
      },
    ]);
    expect(g.issue({ type: 'answer', inject: 'ask-1', option: 'Now' }).ok).toBe(true);
    const s = game.getState();
    expect(openPrompts(scenario, s.sim.state)).toEqual([]);
    expect(describeCommand(scenario, s.log[1]!.cmd)).toBe('Answered the facilitator’s question: Now');
    expect(facilitatorView(scenario, s.sim.state, room).questions).toEqual([
      {
        id: 'ask-1',
        time: 'T+0:00:00',
        text: 'Do you report now?',
        answers: ['Now', 'Later'],
        answer: 'Now',
      },
    ]);
  });
});

describe('the game window’s end of the link', () => {
  it('answers hello with the view, issues commands into the log, and moves the room clock on room commands', async () => {
    const session = sessionInCity();
    const game = session.getState().game!;
    const [gameEnd, consoleEnd] = channelPair();
    const dispose = installConsoleBridge(session, gameEnd);

    consoleEnd.postMessage({ kind: 'hello' });
    const first = await heard(
      consoleEnd,
      (m): m is Extract<ToConsole, { kind: 'view' }> => m.kind === 'view',
    );
    expect(first.view?.scenarioTitle).toBe('Store drill');
    expect(first.view?.paused).toBe(true);

    const result = (id: string) =>
      heard(
        consoleEnd,
        (m): m is Extract<ToConsole, { kind: 'result' }> => m.kind === 'result' && m.id === id,
      );
    const answers: Record<string, Promise<{ result: ApplyResult }>> = {
      resume: result('resume'),
      speed: result('speed'),
      fire: result('fire'),
      again: result('again'),
      junk: result('junk'),
    };
    consoleEnd.postMessage({ kind: 'command', id: 'resume', cmd: { type: 'room', action: 'resume' } });
    consoleEnd.postMessage({
      kind: 'command',
      id: 'speed',
      cmd: { type: 'room', action: 'speed', speed: 4 },
    });
    consoleEnd.postMessage({ kind: 'command', id: 'fire', cmd: { type: 'fire-inject', inject: 'late' } });
    consoleEnd.postMessage({ kind: 'command', id: 'again', cmd: { type: 'fire-inject', inject: 'late' } });
    consoleEnd.postMessage({ kind: 'command', id: 'junk', cmd: { type: 'fire-inject' } });
    consoleEnd.postMessage({ kind: 'nonsense' });
    consoleEnd.postMessage('not even an object');

    expect((await answers.resume!).result).toEqual({ ok: true });
    expect((await answers.speed!).result).toEqual({ ok: true });
    expect((await answers.fire!).result).toEqual({ ok: true });
    expect((await answers.again!).result).toMatchObject({ ok: false, code: 'cmd/inject-spent' });
    expect((await answers.junk!).result).toMatchObject({ ok: false, code: 'cmd/unknown-inject' });
    const g = game.getState();
    expect(g.paused).toBe(false);
    expect(g.speed).toBe(4);
    expect(g.sim.state.feed.map((f) => f.text)).toEqual(['Late inject.']);
    expect(g.log.map((c) => c.cmd.type)).toEqual([
      'room',
      'room',
      'fire-inject',
      'fire-inject',
      'fire-inject',
    ]);
    // The report says the facilitator did it, not the role at the team's keyboard.
    expect(Object.values(g.roles)).toEqual(Array(5).fill('Facilitator'));
    expect(g.role).toBe('Commander');
    dispose();
  });

  it('does no work without a console: it announces itself once and sends no view until a console says hello', async () => {
    // Timers are faked: "nothing was sent" is proved by running every timer the bridge set, not by waiting.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const session = sessionInCity();
    const [gameEnd, consoleEnd] = channelPair();
    const dispose = installConsoleBridge(session, gameEnd);
    const g = session.getState().game!.getState();
    g.setPaused(false);
    for (let i = 0; i < 30; i++) g.frame(250);
    vi.runAllTimers();
    vi.useRealTimers();
    expect(gameEnd.sent).toEqual([{ kind: 'ready' }]);
    const view = heard(consoleEnd, (m): m is Extract<ToConsole, { kind: 'view' }> => m.kind === 'view');
    consoleEnd.postMessage({ kind: 'hello' });
    expect((await view).view?.tick).toBe(g.sim.state.tick);
    dispose();
  });

  it('sends no view (null) while no drill is on screen, and refuses commands then', async () => {
    const session = createSession({ seed: '5' });
    const [gameEnd, consoleEnd] = channelPair();
    const dispose = installConsoleBridge(session, gameEnd);
    const view = heard(consoleEnd, (m): m is Extract<ToConsole, { kind: 'view' }> => m.kind === 'view');
    consoleEnd.postMessage({ kind: 'hello' });
    expect((await view).view).toBeNull();
    const answer = heard(consoleEnd, (m): m is Extract<ToConsole, { kind: 'result' }> => m.kind === 'result');
    consoleEnd.postMessage({ kind: 'command', id: 'x', cmd: { type: 'annotate', text: 'hello?' } });
    expect((await answer).result).toMatchObject({ ok: false, code: 'cmd/scenario-ended' });
    dispose();
  });
});

describe('notes in the report', () => {
  it('a note appears once on the report timeline, as a note; a post appears as the facilitator’s', () => {
    const game = createGameStore({ scenario, seed: 2 });
    for (let i = 0; i < 100; i++) game.getState().frame(1000 / 60);
    game.getState().setPaused(false);
    while (game.getState().sim.state.tick < 50) game.getState().frame(250);
    game.getState().setPaused(true);
    const g = game.getState();
    g.issue({ type: 'annotate', text: 'They argued about the minister' });
    g.issue({ type: 'post', channel: 'headline', from: 'Radio', text: 'Queues at the ATMs' });
    const s = game.getState();
    const tick = s.sim.state.tick;
    const report = reportOf(s);
    const timeline = reportTimeline(scenario, s.sim.state, s.log, s.results, s.roles, report);
    const notes = timeline.filter((t) => t.text.includes('They argued about the minister'));
    expect(notes).toEqual([
      {
        tick,
        clock: expect.any(String),
        kind: 'annotation',
        text: 'Facilitator’s note: They argued about the minister',
      },
    ]);
    expect(
      timeline.some((t) => t.kind === 'decision' && t.text.startsWith('Facilitator posted as Radio')),
    ).toBe(true);
    expect(report.timeline.filter((t) => t.text.includes('argued'))).toHaveLength(1);
  });
});
