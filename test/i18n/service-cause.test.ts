/**
 * Why a service is in its state (the service panel's "Why" and the map table): worded through the `service`
 * texts, so a Kiswahili room reads it in Kiswahili (it was English on every screen: "healthy: serving 100 % of
 * requests"). The English wording is checked in test/store/selectors.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createSim, SERVICE_KINDS } from '../../src/engine';
import { loadLanguage, missingKeys, t } from '../../src/i18n';
import { explainCause } from '../../src/store/selectors';
import { fixtureScenario } from '../store/fixture';

const scenario = fixtureScenario();

describe('explainCause in Kiswahili', () => {
  afterAll(async () => {
    await loadLanguage('en');
  });

  it('words the chain upstream, a crash and a healthy service in Kiswahili, with their numbers', async () => {
    await loadLanguage('sw');
    const sim = createSim(scenario, 1);
    const [edge, wallet, app] = sim.state.services;
    Object.assign(app!, { status: 'degraded', cause: 'upstream', causeService: 0, causeValue: 1.4 });
    Object.assign(edge!, {
      status: 'degraded',
      cause: 'attack',
      legitRps: 1000,
      attackRps: 3000,
      causeValue: 4,
    });
    const chain = explainCause(scenario, sim.state, 2).map((c) => c.text);
    expect(chain[0]).toMatch(/^imedorora: inategemea 'Internet edge', iliyo kwenye 140\s?% ya uwezo wake$/);
    expect(chain[1]).toMatch(
      /^'Internet edge' imedorora: inashambuliwa: 75\s?% ya trafiki yake ni ya shambulio/,
    );
    sim.state.tick = 100;
    Object.assign(wallet!, { status: 'down', cause: 'crashed', restartAtTick: 100 + 500 - 1 });
    expect(explainCause(scenario, sim.state, 1)[0]!.text).toMatch(
      /^imekatika: imeanguka; itajiwasha yenyewe baada ya /,
    );
    const healthy = createSim(scenario, 1);
    expect(explainCause(scenario, healthy.state, 0)[0]!.text).toMatch(
      /^iko sawa: inahudumia 100\s?% ya maombi$/,
    );
    expect(missingKeys()).toEqual([]);
  });

  it('names every built-in service kind in words in both languages (the service panel showed ids such as token-vending)', async () => {
    for (const language of ['en', 'sw'] as const) {
      await loadLanguage(language);
      const names = SERVICE_KINDS.map((k) => t(`service:kindName.${k}`));
      for (const [i, name] of names.entries()) {
        expect(name).not.toBe(SERVICE_KINDS[i]);
        expect(name).not.toContain('kindName');
      }
      expect(new Set(names).size).toBe(SERVICE_KINDS.length);
    }
    expect(t('service:kindName.token-vending')).toBe('Uuzaji wa tokeni');
  });
});
