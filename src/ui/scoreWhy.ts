/**
 * Why the score moved, in words, over the top-right of the map ("−3.1 since T+01:10: 12,000 customers
 * stranded"), so the room sees the reason next to the number. Once a simulated minute it takes the score's parts
 * (engine `scoreParts`) and compares them with those of WINDOW minutes before (store `scoreMove`), worded in the interface language (./scoreMoveText.ts).
 *
 * It sits in the one-line strip above the map (between the role and the save status; it never wraps, so showing
 * or hiding it never moves the map), or over the map's top-right corner when there is no strip. The same sentence
 * is the HUD score's accessible description.
 */
import { currencyOf, scoreParts, type ScoreParts } from '../engine';
import { scoreMove, type GameStore } from '../store';
import { h, setHidden, setText } from './dom';
import { scoreMoveText } from './scoreMoveText';

/** Compare with the score this many simulated minutes ago. */
const WINDOW = 5;

export function mountScoreWhy(map: HTMLElement, game: GameStore): () => void {
  const line = h('span', { class: 'score-why', id: 'score-why', role: 'status', 'aria-live': 'polite' });
  // The strip is mounted by ui/replay/cityStrip.ts, maybe after this: attach to it as soon as it is there.
  const attach = () => {
    const strip = document.getElementById('city-strip');
    if (strip && line.parentElement !== strip) strip.insertBefore(line, strip.querySelector('#save-status'));
    else if (!strip && !line.isConnected) (map.querySelector('#map-canvas') ?? map).append(line);
  };
  const { scenario } = game.getState();
  const history: ScoreParts[] = [];
  let lastMinute = -1;
  const render = () => {
    attach();
    const state = game.getState().sim.state;
    // Nothing to say before the clock has run; and the score's parts need the unattended run (the engine's
    // baseline, a whole drill simulated: 60 ms for the default city, half a minute for 1,000 services), which
    // must not hold up the City's first frame. The engine computes it at the first tick that needs it.
    if (state.tick === 0 && !state.ended) {
      history.length = 0;
      lastMinute = -1;
      setText(line, '');
      setHidden(line, true);
      return;
    }
    const minute = Math.floor(state.tick / 60);
    if (minute === lastMinute) return;
    // A jump back (replay scrubbing, take-over) starts a new history.
    if (minute < lastMinute) history.length = 0;
    lastMinute = minute;
    history.push(scoreParts(scenario, state));
    if (history.length > WINDOW + 1) history.shift();
    const text =
      history.length > 1
        ? scoreMoveText(scoreMove(history[0]!, history.at(-1)!, state), currencyOf(scenario))
        : '';
    setText(line, text);
    setHidden(line, text === '');
    line.dataset.direction = text.startsWith('+') ? 'up' : 'down';
    document.getElementById('hud-score')?.setAttribute('aria-description', text);
  };
  render();
  const unsubscribe = game.subscribe(render);
  return () => {
    unsubscribe();
    line.remove();
  };
}
