/**
 * Issue 11, "bounded state", after the drill: what the engine dropped from the feed and the log is said in
 * words (the feed's "older items" line, a `dropped` entry on the timeline and in the Markdown export), and the
 * summaries go through saves: checked by `checkSaveFits`, kept exactly, and absent in older saves, which still fit.
 */
import { describe, expect, it } from 'vitest';
import { createSim, hashState, type SimState } from '../../src/engine';
import {
  buildReport,
  checkSaveFits,
  droppedFeedText,
  droppedLogText,
  ENGINE_VERSION,
  emptySeries,
  loadSave,
  makeSave,
  reportToMarkdown,
  saveToText,
  scenarioFingerprint,
  scenarioHash,
  sealSave,
  type Save,
} from '../../src/run';
import { chatty } from '../engine/chatty';
import { stepTo } from '../engine/fixtures';

/**
 * The chatty city at tick 1,000 (test/engine/chatty.ts): 800 social posts at ticks 1–100 (eight a tick) and 400
 * headlines at the even ticks 2–200 (four a tick), all one `inject` log entry each. Worked out by hand:
 * - feed (keeps 300): ticks 102–200 give 200 headlines; ticks 91–100 give the other 100 (80 social, 20
 *   headlines), so 720 social posts and 180 headlines were dropped, the newest of them at tick 90;
 * - log (keeps 400): ticks 102–200 give 200 entries, ticks 81–100 the other 200 (20 every two ticks), so 800
 *   were dropped, the newest at tick 80.
 */
const FEED_WORDS = '900 older feed items were not kept (T+00:00–T+00:01: 720 social posts, 180 headlines).';
const LOG_WORDS = '800 older engine events were not kept (T+00:00–T+00:01: 800 inject events).';

function chattyAt(tick: number) {
  const sim = createSim(chatty, 'dropped');
  stepTo(sim, tick);
  return sim;
}

function saveAt(tick: number): Save {
  const sim = chattyAt(tick);
  return makeSave({
    engineVersion: ENGINE_VERSION,
    scenarioId: chatty.id,
    scenarioHash: scenarioHash(chatty),
    scenarioFingerprint: scenarioFingerprint(chatty),
    seed: 'dropped',
    commands: [],
    state: sim.state,
    name: 'Chatty drill',
    savedAt: '2026-12-02 01:00:00',
  });
}

/** The save with its snapshot edited and both checksums recomputed, as loadSave returns it. */
function forge(save: Save, edit: (snapshot: Record<string, unknown>) => void): Save {
  const snapshot = structuredClone(save.snapshot);
  edit(snapshot);
  const loaded = loadSave(
    saveToText(sealSave({ ...save, snapshot, hash: hashState(snapshot as unknown as SimState) })),
  );
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.save;
}

describe('what was dropped, in words', () => {
  const sim = chattyAt(1_000);

  it('names the count, the time span and each channel or kind', () => {
    expect(sim.state.feedDropped).toEqual({
      count: 900,
      firstTick: 1,
      lastTick: 90,
      byKind: { social: 720, headline: 180 },
    });
    expect(sim.state.logDropped).toEqual({ count: 800, firstTick: 1, lastTick: 80, byKind: { inject: 800 } });
    expect(droppedFeedText(sim.state.feedDropped!)).toBe(FEED_WORDS);
    expect(droppedLogText(sim.state.logDropped!)).toBe(LOG_WORDS);
    expect(droppedFeedText({ count: 1, firstTick: 60, lastTick: 61, byKind: { ops: 1 } })).toBe(
      '1 older feed item was not kept (T+00:01: 1 operations message).',
    );
  });

  it('heads the report timeline and goes into the Markdown export', () => {
    const report = buildReport(sim, [], emptySeries(sim), { hash: hashState(sim.state) });
    const dropped = report.timeline.filter((t) => t.kind === 'dropped');
    expect(dropped.map((t) => [t.clock, t.text])).toEqual([
      ['T+00:00', LOG_WORDS],
      ['T+00:00', FEED_WORDS],
    ]);
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain(`| T+00:00 | dropped: ${FEED_WORDS} |`);
    expect(markdown).toContain(`| T+00:00 | dropped: ${LOG_WORDS} |`);
  });

  it('is not on the timeline of a drill that dropped nothing', () => {
    const early = chattyAt(20); // 160 social posts and 40 headlines: under both limits
    expect(early.state.feedDropped).toBeUndefined();
    const report = buildReport(early, [], emptySeries(early), { hash: hashState(early.state) });
    expect(report.timeline.some((t) => t.kind === 'dropped')).toBe(false);
  });
});

describe('the summaries in saves', () => {
  const save = saveAt(150);

  it('a save made after drops keeps them exactly and fits', () => {
    const loaded = loadSave(saveToText(save));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const snapshot = loaded.save.snapshot as unknown as SimState;
    expect(snapshot.feedDropped).toEqual(chattyAt(150).state.feedDropped);
    expect(snapshot.logDropped?.count).toBeGreaterThan(0);
    expect(checkSaveFits(loaded.save, chatty)).toEqual({ ok: true });
  });

  it('a save from before the summaries existed (none in its state) still fits', () => {
    const old = forge(save, (s) => {
      delete s.feedDropped;
      delete s.logDropped;
    });
    expect(checkSaveFits(old, chatty)).toEqual({ ok: true });
  });

  it('refuses forged summaries and lists longer than the engine keeps, naming the field', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- hand-edited JSON, whatever its shape
    const cases: [string, (s: Record<string, any>) => void, string][] = [
      ['a negative count', (s) => (s.feedDropped.count = -3), 'feedDropped.count'],
      ['a count that is not a number', (s) => (s.logDropped.count = 'many'), 'logDropped.count'],
      ['an unknown channel', (s) => (s.feedDropped.byKind.pager = 2), 'feedDropped.byKind'],
      ['an unknown kind', (s) => (s.logDropped.byKind.telepathy = 2), 'logDropped.byKind'],
      ['ticks reversed', (s) => (s.logDropped.firstTick = 10_000), 'its first tick is after its last'],
      ['an infinite tick', (s) => (s.feedDropped.lastTick = Infinity), 'feedDropped.lastTick'],
      ['a feed longer than the engine keeps', (s) => s.feed.push(...s.feed), 'feed'],
      ['a log longer than the engine keeps', (s) => s.log.push(s.log[0]), 'log'],
    ];
    for (const [what, edit, field] of cases) {
      const result = checkSaveFits(forge(save, edit), chatty);
      expect({ what, ok: result.ok }).toEqual({ what, ok: false });
      if (!result.ok)
        expect({ what, error: result.error }).toEqual({ what, error: expect.stringContaining(field) });
    }
  });
});
