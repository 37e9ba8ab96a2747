import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/store/session';
import { FIXTURE_YAML } from './fixture';
import { compileFile } from '../../src/scenario';

const DEFAULT_TEXT = readFileSync(new URL('../../scenarios/nairobi-ddos-2023.yaml', import.meta.url), 'utf8');
// One mistake, at a known place: line 3 (after the leading newline of FIXTURE_YAML, `format: 1` is line 2).
const BROKEN = FIXTURE_YAML.replace('id: store-drill', 'id: Store Drill!');
const brokenLine = BROKEN.split('\n').findIndex((l) => l.startsWith('id: Store Drill!')) + 1;

describe('session: scenarios on offer, files from disk, starting a drill', () => {
  it('compiles the shipped scenarios and preselects the default one', () => {
    const session = createSession({ seed: '7' });
    session
      .getState()
      .loadShipped(
        [compileFile('store-drill.yaml', FIXTURE_YAML), compileFile('nairobi-ddos-2023.yaml', DEFAULT_TEXT)],
        'nairobi-ddos-2023',
      );
    const s = session.getState();
    expect(s.scenarios.map((e) => e.scenario.id)).toEqual(['store-drill', 'nairobi-ddos-2023']);
    expect(s.selectedKey).toBe('shipped:nairobi-ddos-2023.yaml');
    expect(s.shippedErrors).toEqual([]);
  });

  it('reports a broken file with located diagnostics and keeps the list and selection unchanged', () => {
    const session = createSession({ seed: '7' });
    session
      .getState()
      .loadShipped([compileFile('nairobi-ddos-2023.yaml', DEFAULT_TEXT)], 'nairobi-ddos-2023');
    const report = session.getState().openFile(compileFile('broken.yaml', BROKEN));
    expect(report.ok).toBe(false);
    expect(
      report.diagnostics.some((d) => d.severity === 'error' && d.line === brokenLine && d.code === 'SCN015'),
    ).toBe(true);
    expect(session.getState().scenarios).toHaveLength(1);
    expect(session.getState().selectedKey).toBe('shipped:nairobi-ddos-2023.yaml');
    expect(session.getState().lastFile).toBe(report);
  });

  it('adds a valid file to the list and selects it; start() creates a fresh drill with the seed', () => {
    const session = createSession({ seed: '  99 ' });
    session
      .getState()
      .loadShipped([compileFile('nairobi-ddos-2023.yaml', DEFAULT_TEXT)], 'nairobi-ddos-2023');
    expect(session.getState().openFile(compileFile('mine.yaml', FIXTURE_YAML)).ok).toBe(true);
    expect(
      session.getState().scenarios.find((e) => e.key === session.getState().selectedKey)?.scenario.id,
    ).toBe('store-drill');
    const first = session.getState().start();
    expect(first?.getState().seed).toBe('99');
    expect(first?.getState().scenario.id).toBe('store-drill');
    const second = session.getState().start();
    expect(second).not.toBe(first);
    expect(session.getState().game).toBe(second);
    session.getState().setSeed('');
    expect(session.getState().start()).toBeNull();
  });
});
