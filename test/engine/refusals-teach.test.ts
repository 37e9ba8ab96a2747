/**
 * Reasonable commands that are refused must say why in words that teach (issue 9): where the order would
 * work, what a restart would do to a service that is still serving, what "blame" is for, and what happened to
 * a decision that timed out. A free statement is never refused for want of money.
 */
import { describe, it, expect } from 'vitest';
import { apply, createSim, type ApplyResult } from '../../src/engine';
import { fixture, nairobi, stepTo, svc } from './fixtures';

const message = (r: ApplyResult): string => (r.ok ? '' : r.message);

describe('refusals that teach', () => {
  it('calling the upstream provider for the portal points at the edge its traffic crosses', () => {
    const sim = createSim(nairobi(), 1);
    const r = apply(sim, { type: 'mitigate', mitigation: 'call-provider', target: 'gov-portal' });
    expect(r).toMatchObject({ ok: false, code: 'cmd/wrong-target-kind' });
    expect(message(r)).toContain('order it on Operator internet edge');
    // Only a quarter of the portal's calls reach the core network (through the wallet): not suggested.
    expect(message(r)).not.toContain('Operator core network');
  });

  const strained = fixture(
    `
  services:
    - { id: portal, name: Portal, kind: portal, capacity: 1000, critical: true, crashAt: 100, restart: 7m, map: { x: 0, y: 0 } }
  segments:
    - { id: citizens, name: Citizens, size: 3600000, needs: [{ service: portal, perHour: 0.1, value: 100 }] }
  injects:
    - { id: squeeze, trigger: { at: 10s }, effects: [{ type: capacity, service: portal, factor: 0.07 }] }
    - id: ask
      trigger: { at: 20s }
      effects:
        - type: prompt
          from: Minister
          text: Say something?
          timeout: 1m
          options:
            - { id: speak, label: Speak now, effects: [{ type: feed, channel: ops, from: Staff, text: Spoken. }] }
            - { id: wait, label: Wait for facts, default: true, effects: [{ type: feed, channel: ops, from: Staff, text: Waiting. }] }
    - { id: fine, trigger: { at: 30s }, effects: [{ type: budget, amount: -20000000 }] }
  `,
    { id: 'strained' },
  );

  it('restarting a degraded service explains what a restart would cost and what to do instead', () => {
    const sim = createSim(strained, 1);
    expect(message(apply(sim, { type: 'mitigate', mitigation: 'restart', target: 'portal' }))).toContain(
      'is healthy',
    );
    stepTo(sim, 3 * 60);
    expect(svc(sim, 'portal').status).toBe('degraded');
    const r = apply(sim, { type: 'mitigate', mitigation: 'restart', target: 'portal' });
    expect(r).toMatchObject({ ok: false, code: 'cmd/not-down' });
    expect(message(r)).toContain('offline for about 7 min');
    expect(message(r)).toContain('reduce the load first');
  });

  it('blaming "the attackers" says what blame is for and which block to use', () => {
    const sim = createSim(strained, 1);
    const r = apply(sim, {
      type: 'statement',
      channel: 'social',
      languages: ['en'],
      blocks: [{ kind: 'blame', partner: 'attackers' }],
    });
    expect(r).toMatchObject({ ok: false, code: 'cmd/unknown-partner' });
    expect(message(r)).toContain('Partner banks');
    expect(message(r)).toContain("cause block 'cyber-attack'");
  });

  it('answering a decision after its timeout says it closed, when, and which default was applied', () => {
    const sim = createSim(strained, 1);
    stepTo(sim, 20 + 60 + 5);
    const r = apply(sim, { type: 'answer', inject: 'ask', option: 'speak' });
    expect(r).toMatchObject({ ok: false, code: 'cmd/no-such-prompt' });
    expect(message(r)).toContain('closed at T+00:01 with no answer in time');
    expect(message(r)).toContain('Wait for facts');
  });

  it('a free statement goes out even when a scripted fine has overdrawn the budget; a paid one does not', () => {
    const sim = createSim(strained, 1);
    stepTo(sim, 40);
    expect(sim.state.budgetKES).toBeLessThan(0);
    expect(sim.state.metrics.budgetSpentKES).toBe(20_000_000);
    expect(
      apply(sim, {
        type: 'statement',
        channel: 'social',
        languages: ['en'],
        blocks: [{ kind: 'acknowledge' }],
      }),
    ).toEqual({ ok: true });
    expect(
      apply(sim, {
        type: 'statement',
        channel: 'press',
        languages: ['en'],
        blocks: [{ kind: 'acknowledge' }],
      }),
    ).toMatchObject({ ok: false, code: 'cmd/insufficient-budget' });
  });
});
