import { describe, expect, it } from 'vitest';
import { createSim } from '../../src/engine';
import { createGameStore } from '../../src/store/gameStore';
import {
  countdownLabel,
  durationLabel,
  elapsedLabel,
  kesLabel,
  wallClockLabel,
} from '../../src/store/format';
import {
  decisionTimeline,
  describeCommand,
  explainCause,
  openPrompts,
  ordersInProgress,
} from '../../src/store/selectors';
import { fixtureScenario } from './fixture';

const scenario = fixtureScenario();
// Service indices in the fixture: 0 edge ("Internet edge"), 1 wallet ("Wallet core"), 2 app ("Wallet app").

describe('explainCause: why a service is in its state, in words, following the chain upstream', () => {
  it('follows an upstream cause to its root', () => {
    const sim = createSim(scenario, 1);
    const [edge, , app] = sim.state.services;
    Object.assign(app!, { status: 'degraded', cause: 'upstream', causeService: 0, causeValue: 1.4 });
    Object.assign(edge!, {
      status: 'degraded',
      cause: 'attack',
      legitRps: 1000,
      attackRps: 3000,
      causeValue: 4,
    });
    const chain = explainCause(scenario, sim.state, 2);
    expect(chain.map((c) => c.text)).toEqual([
      "degraded: upstream 'Internet edge' at 140\u00a0% capacity",
      "'Internet edge' is degraded: under attack: 75\u00a0% of its traffic is attack traffic (3.0k rps)",
    ]);
    expect(chain.map((c) => c.service)).toEqual([2, 0]);
  });

  it('stops on a loop of upstream causes instead of running forever', () => {
    const sim = createSim(scenario, 1);
    const [edge, wallet] = sim.state.services;
    Object.assign(edge!, { status: 'degraded', cause: 'upstream', causeService: 1, causeValue: 1.2 });
    Object.assign(wallet!, { status: 'down', cause: 'upstream', causeService: 0, causeValue: 0.5 });
    expect(explainCause(scenario, sim.state, 0).map((c) => c.service)).toEqual([0, 1]);
  });

  it('words a crash with the time left until the automatic restart', () => {
    const sim = createSim(scenario, 1);
    sim.state.tick = 100;
    Object.assign(sim.state.services[1]!, { status: 'down', cause: 'crashed', restartAtTick: 100 + 500 - 1 });
    expect(explainCause(scenario, sim.state, 1)[0]!.text).toBe('down: crashed; restarts by itself in 8m 19s');
  });
});

describe('formatting simulated time and money', () => {
  it('labels the clock from the scenario start (27 Jul 2023 was a Thursday) and rolls over midnight', () => {
    expect(wallClockLabel('2023-07-27T07:00', 0)).toBe('Thu 27 Jul 07:00:00');
    expect(wallClockLabel('2023-07-27T07:00', 6300)).toBe('Thu 27 Jul 08:45:00');
    expect(wallClockLabel('2023-07-27T07:00', 17 * 3600 + 5)).toBe('Fri 28 Jul 00:00:05');
    expect(elapsedLabel(6310)).toBe('T+1:45:10');
  });

  it('labels durations and amounts', () => {
    expect(durationLabel(45)).toBe('45s');
    expect(durationLabel(500)).toBe('8m 20s');
    expect(durationLabel(3900)).toBe('1h 05m');
    expect(countdownLabel(45)).toBe('0:45');
    expect(countdownLabel(725.2)).toBe('12:06');
    expect(countdownLabel(-3)).toBe('0:00');
    expect(kesLabel(12_000_000)).toBe('KES 12.0m');
    expect(kesLabel(1_603_012_094)).toBe('KES 1.60bn');
    expect(kesLabel(150_000)).toBe('KES 150k');
  });
});

describe('orders, prompts and the debrief timeline', () => {
  it('shows an order in progress with the time until it takes effect', () => {
    const game = createGameStore({ scenario, seed: 1, startPaused: false });
    game.getState().issue({ type: 'mitigate', mitigation: 'waf-rule', target: 'app' });
    game.getState().setSpeed(8);
    for (let i = 0; i < 8; i++) game.getState().frame(250); // 8 × 12 = 96 ticks
    expect(game.getState().sim.state.tick).toBe(96);
    const [order] = ordersInProgress(scenario, game.getState().sim.state);
    // Effective at 0 + 480; 480 - 96 = 384 s = 6m 24s.
    expect(order).toMatchObject({
      uid: 1,
      name: 'WAF rule against odd queries',
      target: 'Wallet app',
      effective: false,
      phase: 'takes effect in 6m 24s',
    });
  });

  it('lists an open prompt with its options, and the timeline words commands, rejections and lifts', () => {
    const game = createGameStore({ scenario, seed: 1, startPaused: false, speed: 8, rateScale: 100 });
    game.getState().issue({ type: 'mitigate', mitigation: 'rate-limit', target: 'app' });
    game.getState().issue({ type: 'mitigate', mitigation: 'call-provider', target: 'app' }); // wrong kind: rejected
    game.getState().frame(250);
    const prompts = openPrompts(scenario, game.getState().sim.state);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatchObject({
      injectId: 'ask',
      from: "Minister's office",
      pause: true,
      issuedTick: 180,
    });
    expect(prompts[0]!.options.map((o) => [o.id, o.isDefault])).toEqual([
      ['calm', true],
      ['alarm', false],
    ]);
    game.getState().issue({ type: 'answer', inject: 'ask', option: 'alarm' });
    game.getState().issue({ type: 'lift', uid: 1 });
    const { log, results, sim } = game.getState();
    expect(describeCommand(scenario, log[3]!.cmd, log, results)).toBe(
      'Lifted Rate limiting per client on Wallet app',
    );
    const decisions = decisionTimeline(scenario, sim.state, log, results).filter(
      (t) => t.kind === 'decision' || t.kind === 'rejected',
    );
    expect(decisions.map((d) => [d.time, d.kind])).toEqual([
      ['T+0:00:00', 'decision'],
      ['T+0:00:00', 'rejected'],
      ['T+0:03:01', 'decision'],
      ['T+0:03:01', 'decision'],
    ]);
    expect(decisions[1]!.text).toMatch(/^Ordered Call the upstream provider on Wallet app — turned down: /);
    expect(decisions[2]!.text).toBe("Answered Minister's office: Sound the alarm");
  });
});
