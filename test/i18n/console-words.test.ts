/**
 * The facilitator console's own sentences (the hidden truth, when each inject fires, what it does besides text)
 * in its language: English is what the game window sends; Kiswahili words the same facts. Every shipped scenario.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSim } from '../../src/engine';
import { loadLanguage, missingKeys } from '../../src/i18n';
import { compile } from '../../src/scenario';
import { facilitatorView } from '../../src/store/facilitatorView';
import { doesText, triggerText, truthText } from '../../src/ui/console/consoleWords';

afterAll(async () => {
  await loadLanguage('en');
});

const dir = join(import.meta.dirname, '../../scenarios');
const views = () =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const { scenario } = compile(readFileSync(join(dir, f), 'utf8'), f);
      const sim = createSim(scenario!, 'console');
      return facilitatorView(scenario!, sim.state, {
        paused: true,
        speed: 1,
        waitingForAnswer: false,
        ended: false,
        commands: 0,
      });
    });

describe('the facilitator console’s own sentences', () => {
  it('in English are what the game window sends', async () => {
    await loadLanguage('en');
    for (const v of views()) {
      expect(truthText(v.truth)).toBe(v.truth.sentence);
      for (const i of v.injects) {
        expect(triggerText(i)).toBe(i.trigger);
        expect(doesText(i)).toEqual(i.does);
      }
    }
  });

  it('in Kiswahili are worded in Kiswahili (conditions and names stay the author’s)', async () => {
    await loadLanguage('sw');
    const english =
      /\b(The real cause|customer data|comes out|at T|after the team|never on its own|follow-up|by chance|not before|times|then:|attack)\b/;
    let triggers = 0;
    for (const v of views()) {
      expect(truthText(v.truth)).toMatch(/^Chanzo halisi ni .+; data za wateja (ziko|HAZIKO) salama\. /);
      for (const i of v.injects) {
        if (i.triggerFacts.when.kind !== 'condition') {
          expect(triggerText(i), i.trigger).not.toMatch(english);
          triggers++;
        }
        for (const d of doesText(i)) expect(d).not.toMatch(english);
      }
    }
    expect(triggers).toBeGreaterThan(10);
    expect(missingKeys()).toEqual([]);
  });
});
