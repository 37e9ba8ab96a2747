/**
 * The hidden truth in the scenario's own words (issue 13: the engine's reveal said "no customer data was
 * affected" whatever the scenario), and data exfiltration that changes it mid-drill.
 */
import { describe, it, expect } from 'vitest';
import { apply, createSim } from '../../src/engine';
import { fixture, stepTo } from './fixtures';

function hospital(withTheft: boolean) {
  return fixture(
    `
  services:
    - { id: records, name: Patient records, kind: portal, capacity: 1000, critical: true, map: { x: 0, y: 0 } }
  segments:
    - { id: patients, name: Patients, size: 36000, needs: [{ service: records, perHour: 0.1, value: 100 }] }
  people:
    truth:
      cause: cyber-attack
      dataSafe: true
      reveal: 'Forensic report: the attackers were inside the records system for a week.'
      dataClaim: no patient records were taken
  injects:
    - { id: tick, trigger: { at: 10s }, effects: [{ type: feed, channel: ops, from: IT, text: Watching. }] }
${withTheft ? '    - { id: theft, trigger: { at: 2m }, effects: [{ type: data-taken }] }\n' : ''}    - { id: report, trigger: { at: 5m }, effects: [{ type: reveal }] }
  `,
    { id: 'hospital' },
  );
}

function claimSafeAndReveal(withTheft: boolean) {
  const sim = createSim(hospital(withTheft), 1);
  stepTo(sim, 60);
  expect(
    apply(sim, { type: 'statement', channel: 'social', languages: ['en'], blocks: [{ kind: 'data-safe' }] }),
  ).toEqual({ ok: true });
  stepTo(sim, 6 * 60);
  return sim;
}

describe('the truth in the scenario’s words', () => {
  it('posts the scenario’s reveal headline when the truth comes out', () => {
    const sim = claimSafeAndReveal(false);
    expect(sim.state.people.revealed).toBe(true);
    const headline = sim.state.feed.find((f) => f.from === 'Investigation');
    expect(headline?.text).toBe('Forensic report: the attackers were inside the records system for a week.');
    // The data was safe: the claim held (a gamble, said before the report, so it earns nothing — but costs nothing).
    expect(sim.state.people.claims[0]!.status).toBe('kept');
  });

  it('data taken mid-drill makes an earlier "data is safe" claim false, quoted in the scenario’s words', () => {
    const sim = claimSafeAndReveal(true);
    expect(sim.state.people.dataTaken).toBe(true);
    expect(sim.state.people.claims[0]!.status).toBe('broken');
    const exposed = sim.state.feed.find((f) => f.from === 'Investigative desk');
    expect(exposed?.text).toContain('"no patient records were taken"');
    expect(exposed?.text).not.toContain('customer data');
  });

  it('a state from before the field existed (no dataTaken) judges by truth.dataSafe alone', () => {
    const sim = createSim(hospital(false), 1);
    expect('dataTaken' in sim.state.people).toBe(false);
  });
});
