import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { play } from '../../src/balance/play';
import { policyByName } from '../../src/balance/policySet';
import { compile } from '../../src/scenario';
import { histogram } from '../../src/studio/histogram';
import { combineBalance, splitSeeds } from '../../src/studio/quickBalance';
import { handleStudio, type StudioReply } from '../../src/workers/studioHandler';

const text = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8');

function replies(request: Parameters<typeof handleStudio>[0]): StudioReply[] {
  const out: StudioReply[] = [];
  handleStudio(request, (r) => out.push(r));
  return out;
}

describe('studio worker: compile', () => {
  it('gives the preview of a scenario that compiles: services at their map positions, dependencies', () => {
    const [reply] = replies({ type: 'compile', id: 7, text, fileName: 'tutorial.yaml' });
    if (reply?.type !== 'compiled') throw new Error(`unexpected ${reply?.type}`);
    expect(reply.id).toBe(7);
    expect(reply.preview?.services.find((s) => s.id === 'edge')).toMatchObject({
      x: 500,
      y: 150,
      critical: true,
    });
    expect(reply.preview?.services.find((s) => s.id === 'portal')?.attacked).toBe(true);
    expect(reply.preview?.dependencies).toContainEqual({ from: 'portal', to: 'edge', hard: true });
    expect(reply.preview?.injects.find((i) => i.id === 'flood-starts')).toMatchObject({
      atTick: 90,
      trigger: 'at',
    });
  });

  it('gives the located diagnostics of a scenario with a mistake, and no preview', () => {
    const broken = text.replace(
      '  - { from: portal, to: edge, kind: hard }',
      '  - { from: portal, to: egde, kind: hard }',
    );
    const [reply] = replies({ type: 'compile', id: 1, text: broken, fileName: 'draft.yaml' });
    if (reply?.type !== 'compiled') throw new Error(`unexpected ${reply?.type}`);
    expect(reply.preview).toBeNull();
    const line = broken.split('\n').findIndex((l) => l.includes('egde')) + 1;
    expect(reply.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'SCN021', line, file: 'draft.yaml', severity: 'error' }),
    );
  });
});

describe('studio worker: quick balance', () => {
  it('plays do-nothing, expert and panic on its seeds with the balance runner’s own plays, with progress', () => {
    const out = replies({ type: 'balance', id: 3, text, fileName: 'tutorial.yaml', seeds: ['4', '5'] });
    expect(out.filter((r) => r.type === 'progress').map((r) => r.type === 'progress' && r.done)).toEqual([
      3, 6,
    ]);
    const result = out.at(-1);
    if (result?.type !== 'balanced') throw new Error(`unexpected ${result?.type}`);
    const scenario = compile(text, 'tutorial.yaml').scenario!;
    // Same numbers as `npm run balance` gives for these seeds: the same play(), not a copy.
    expect(result.part.scores.textbook![1]).toBe(
      play(scenario, '5', policyByName(scenario, 'textbook')!).total,
    );
    expect(result.part.scores.panic![0]).toBe(play(scenario, '4', policyByName(scenario, 'panic')!).total);
    expect(result.part.seeds).toEqual(['4', '5']);
    expect(Object.keys(result.part.scores)).toEqual(['do-nothing', 'textbook', 'panic']);
  });

  it('refuses a scenario that does not compile, with the first error', () => {
    const out = replies({ type: 'balance', id: 4, text: 'format: 1\n', fileName: 'x.yaml', seeds: ['1'] });
    expect(out).toEqual([
      {
        type: 'error',
        id: 4,
        message: expect.stringMatching(/^the scenario does not compile \(\d+:\d+ SCN\d{3} /),
      },
    ]);
  });
});

describe('quick balance: seeds split between workers and put back together', () => {
  it('deals seeds 1…n into contiguous runs, never more runs than seeds', () => {
    expect(splitSeeds(5, 2)).toEqual([
      ['1', '2'],
      ['3', '4', '5'],
    ]);
    expect(splitSeeds(2, 4)).toEqual([['1'], ['2']]);
    expect(splitSeeds(50, 3).flat()).toHaveLength(50);
  });

  it('keeps seeds paired across plays, and counts how often the expert won', () => {
    const outcome = combineBalance([
      { seeds: ['1'], scores: { 'do-nothing': [0], textbook: [40], panic: [50] } },
      { seeds: ['2', '3'], scores: { 'do-nothing': [1, 2], textbook: [30, 20], panic: [10, 5] } },
    ]);
    expect(outcome.seeds).toEqual(['1', '2', '3']);
    expect(outcome.scores.textbook).toEqual([40, 30, 20]);
    expect(outcome.expertWins).toEqual({ 'do-nothing': 1, panic: 2 / 3 });
    expect(outcome.summaries.textbook!.median).toBe(30);
  });
});

describe('histogram', () => {
  it('bins every series on one scale, the maximum in the last bin', () => {
    const h = histogram({ a: [0, 1, 2, 10], b: [10, 10] }, 5);
    expect(h.min).toBe(0);
    expect(h.width).toBe(2);
    expect(h.counts).toEqual({ a: [2, 1, 0, 0, 1], b: [0, 0, 0, 0, 2] });
    expect(h.peak).toBe(2);
  });

  it('draws equal scores as one bar rather than dividing by zero', () => {
    const h = histogram({ a: [3, 3, 3] }, 4);
    expect(h.counts.a!.reduce((x, y) => x + y)).toBe(3);
    expect(h.peak).toBe(3);
  });
});
