/**
 * The game window's end of the console link (see ./protocol.ts): sends the console a FacilitatorView of the
 * drill whenever it changes (at most a few times a second: the view is built from the whole script and the
 * score), and issues the console's commands into the drill's log — `room` commands also move the room's clock.
 * The projector never renders any of it.
 */
import type { ApplyResult, Command } from '../../engine';
import type { GameStore, SessionStore } from '../../store';
import { SPEEDS, type Speed } from '../../store/clock';
import { facilitatorView } from '../../store/facilitatorView';
import { asToGame, CHANNEL_NAME, type Channel, type ToConsole } from './protocol';

/** Real milliseconds between two views sent while the clock runs. */
const VIEW_INTERVAL_MS = 250;

/** Who the report says issued the console's commands. */
export const FACILITATOR_ROLE = 'Facilitator';

/** Issues a console command; a `room` command the engine accepts also pauses, resumes or sets the speed. */
export function issueFromConsole(game: GameStore, cmd: Command): ApplyResult {
  const g = game.getState();
  const result = g.issue(cmd, FACILITATOR_ROLE);
  if (result.ok && cmd.type === 'room') {
    if (cmd.action === 'pause') g.setPaused(true);
    else if (cmd.action === 'resume') g.setPaused(false);
    else if (SPEEDS.includes(cmd.speed as Speed)) g.setSpeed(cmd.speed as Speed);
  }
  return result;
}

export function installConsoleBridge(
  session: SessionStore,
  channel: Channel = new BroadcastChannel(CHANNEL_NAME),
): () => void {
  const post = (message: ToConsole) => channel.postMessage(message);
  const currentGame = (): GameStore | null => {
    const s = session.getState();
    return s.screen === 'city' || s.screen === 'debrief' ? s.game : null;
  };

  const sendView = () => {
    const game = currentGame();
    if (!game) return post({ kind: 'view', view: null });
    const g = game.getState();
    post({
      kind: 'view',
      view: facilitatorView(g.scenario, g.sim.state, {
        paused: g.paused,
        speed: g.speed,
        waitingForAnswer: g.waitingForAnswer,
        ended: g.ended || g.stopped,
        commands: g.log.length,
      }),
    });
  };

  // Throttle: one view now, then at most one per interval while changes keep coming (the last change is
  // always sent, so the console ends on the true state).
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = -Infinity;
  // Nobody to send views to until a console says hello: a game without a console does no extra work.
  let consoleOpen = false;
  const schedule = () => {
    if (!consoleOpen || timer !== undefined) return;
    const wait = Math.max(0, lastSent + VIEW_INTERVAL_MS - performance.now());
    timer = setTimeout(() => {
      timer = undefined;
      lastSent = performance.now();
      sendView();
    }, wait);
  };

  let unsubscribeGame: (() => void) | undefined;
  const unsubscribeSession = session.subscribe(
    (s) => [s.game, s.screen] as const,
    ([game]) => {
      unsubscribeGame?.();
      unsubscribeGame = game?.subscribe(schedule);
      schedule();
    },
    { fireImmediately: true, equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );

  const onMessage = (event: MessageEvent) => {
    const message = asToGame(event.data);
    if (!message) return;
    consoleOpen = true;
    if (message.kind === 'hello') return schedule();
    const game = currentGame();
    const result: ApplyResult = game
      ? issueFromConsole(game, message.cmd)
      : { ok: false, code: 'cmd/scenario-ended', message: 'no drill is running in the game window' };
    post({ kind: 'result', id: message.id, result });
    schedule();
  };
  channel.addEventListener('message', onMessage);
  post({ kind: 'ready' });

  return () => {
    clearTimeout(timer);
    unsubscribeGame?.();
    unsubscribeSession();
    channel.removeEventListener('message', onMessage);
    channel.close();
  };
}
