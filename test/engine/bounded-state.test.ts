/**
 * Issue 11, "bounded state": the log and the feed keep at most LOG_LIMIT and FEED_LIMIT items, and what they
 * drop is summarised in the state (`logDropped`, `feedDropped`: a count, a count per kind or channel, the ticks
 * they spanned), so nothing is lost silently, and the summary is part of the state like everything else:
 * deterministic, hashed, saved and restored exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  createSim,
  FEED_LIMIT,
  hashState,
  LOG_LIMIT,
  restore,
  run,
  type FeedChannel,
  type SimState,
} from '../../src/engine';
import { dropOldest } from '../../src/engine/bounded';
import { chatty, firedOf } from './chatty';
import { nairobi, stepTo } from './fixtures';

function keptOf(state: SimState, channel: FeedChannel): number {
  return state.feed.filter((f) => f.channel === channel).length;
}

describe('dropOldest', () => {
  it('leaves a list within its limit alone and returns the summary it was given', () => {
    const list = [{ tick: 1, k: 'a' }];
    expect(dropOldest(list, 1, (x) => x.k, undefined)).toBeUndefined();
    const summary = { count: 2, firstTick: 0, lastTick: 0, byKind: { a: 2 } };
    expect(dropOldest(list, 1, (x) => x.k, summary)).toBe(summary);
    expect(summary).toEqual({ count: 2, firstTick: 0, lastTick: 0, byKind: { a: 2 } });
    expect(list).toHaveLength(1);
  });

  it('drops the oldest items and counts them by kind, with the ticks they spanned', () => {
    const list = [
      { tick: 3, k: 'a' },
      { tick: 4, k: 'b' },
      { tick: 4, k: 'a' },
      { tick: 9, k: 'c' },
    ];
    const first = dropOldest(list, 2, (x) => x.k, undefined);
    expect(first).toEqual({ count: 2, firstTick: 3, lastTick: 4, byKind: { a: 1, b: 1 } });
    expect(list.map((x) => x.tick)).toEqual([4, 9]);
    list.push({ tick: 12, k: 'a' });
    const second = dropOldest(list, 2, (x) => x.k, first);
    // The second drop (the `a` at tick 4) is added to the same summary.
    expect(second).toEqual({ count: 3, firstTick: 3, lastTick: 4, byKind: { a: 2, b: 1 } });
    expect(list.map((x) => x.tick)).toEqual([9, 12]);
  });
});

describe('the log and the feed stay bounded and say what they dropped', () => {
  const UNTIL = 1_000;

  it('never holds more than the limits, tick after tick', () => {
    const sim = createSim(chatty, 1);
    let longestFeed = 0;
    let longestLog = 0;
    while (sim.state.tick < UNTIL) {
      stepTo(sim, sim.state.tick + 1);
      longestFeed = Math.max(longestFeed, sim.state.feed.length);
      longestLog = Math.max(longestLog, sim.state.log.length);
    }
    expect(longestFeed).toBe(FEED_LIMIT);
    expect(longestLog).toBe(LOG_LIMIT);
  });

  it('counts every dropped item: kept + dropped = posted, per channel and per kind', () => {
    const sim = createSim(chatty, 1);
    stepTo(sim, UNTIL);
    const social = firedOf(sim, 'chatter-');
    const headlines = firedOf(sim, 'news-');
    // Each inject fired its 100 times long before tick 1,000: 800 social posts and 400 headlines.
    expect(social).toBe(800);
    expect(headlines).toBe(400);
    const { feedDropped, logDropped, feed, log } = sim.state;
    expect(feedDropped).toBeDefined();
    expect(feedDropped!.count + feed.length).toBe(social + headlines);
    expect(feedDropped!.byKind).toEqual({
      social: social - keptOf(sim.state, 'social'),
      headline: headlines - keptOf(sim.state, 'headline'),
    });
    // The first posts of all are the chatter's, at tick 1; the newest dropped is older than the oldest kept.
    expect(feedDropped!.firstTick).toBe(1);
    expect(feedDropped!.lastTick).toBeLessThanOrEqual(feed[0]!.tick);
    // Each firing also logs one `inject` entry, and nothing else is logged in this quiet city.
    expect(log.every((e) => e.kind === 'inject')).toBe(true);
    expect(logDropped).toEqual({
      count: social + headlines - LOG_LIMIT,
      firstTick: 1,
      lastTick: expect.any(Number),
      byKind: { inject: social + headlines - LOG_LIMIT },
    });
    expect(logDropped!.lastTick).toBeLessThanOrEqual(log[0]!.tick);
  });

  it('adds nothing to the state of a drill that never reaches the limits (its hash is what it was)', () => {
    const sim = run(nairobi(), 1);
    expect(sim.state.feed.length).toBeLessThan(FEED_LIMIT);
    expect(sim.state.log.length).toBeLessThan(LOG_LIMIT);
    expect('feedDropped' in sim.state).toBe(false);
    expect('logDropped' in sim.state).toBe(false);
  });

  it('is deterministic, and a state saved after a drop resumes to the same final hash', () => {
    const straight = createSim(chatty, 'bounded');
    stepTo(straight, UNTIL);
    const again = createSim(chatty, 'bounded');
    stepTo(again, UNTIL);
    expect(hashState(again.state)).toBe(hashState(straight.state));

    // Saved at tick 150 (800 + 74 posts by then: both lists have dropped), through JSON as a save goes.
    const first = createSim(chatty, 'bounded');
    stepTo(first, 150);
    expect(first.state.feedDropped?.count).toBeGreaterThan(0);
    expect(first.state.logDropped?.count).toBeGreaterThan(0);
    const saved = JSON.parse(JSON.stringify(first.state)) as SimState;
    const resumed = restore(chatty, saved);
    stepTo(resumed, UNTIL);
    expect(resumed.state.feedDropped).toEqual(straight.state.feedDropped);
    expect(resumed.state.logDropped).toEqual(straight.state.logDropped);
    expect(hashState(resumed.state)).toBe(hashState(straight.state));
  });

  it('is part of the state hash: a different summary is a different state', () => {
    const sim = createSim(chatty, 1);
    stepTo(sim, 500);
    const edited = structuredClone(sim.state);
    edited.feedDropped!.count += 1;
    expect(hashState(edited)).not.toBe(hashState(sim.state));
  });
});
