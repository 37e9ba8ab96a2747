/**
 * The facilitator console's own sentences in its language: the hidden truth, when each inject fires and what it
 * does besides text. The game window sends them in English with their facts (src/store/facilitatorView.ts);
 * English shows them as they are, another language words the facts. Names and conditions stay the author's.
 */
import { currentLanguage, t } from '../../i18n';
import type { DoesFact, InjectView, TruthFacts } from '../../store/facilitatorView';

const ACTIONS = ['start', 'stop', 'escalate', 'shift'] as const;
const EFFECTS = [
  'fail',
  'restore',
  'capacity',
  'budget',
  'end',
  'rumour',
  'trust',
  'reveal',
  'data-taken',
  'statement',
] as const;

function known<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function truthText(truth: { sentence: string; facts?: TruthFacts }): string {
  const f = truth.facts;
  if (currentLanguage() === 'en' || !f) return truth.sentence;
  return t('engineWords:console.truth.sentence', {
    cause: t(`engineWords:console.truth.cause.${f.cause}`),
    data: t(f.dataSafe ? 'engineWords:console.truth.safe' : 'engineWords:console.truth.notSafe'),
    when:
      f.revealAt === undefined
        ? t('engineWords:console.truth.never')
        : t('engineWords:console.truth.at', { at: f.revealAt }),
  });
}

export function triggerText(v: Pick<InjectView, 'trigger' | 'triggerFacts'>): string {
  const f = v.triggerFacts;
  if (currentLanguage() === 'en' || !f) return v.trigger;
  const w = f.when;
  let words: string;
  if (w.kind === 'at') words = t('engineWords:console.trigger.at', { at: w.at });
  else if (w.kind === 'after')
    words = t('engineWords:console.trigger.after', {
      mitigation: w.mitigation ?? t('engineWords:console.trigger.anOrder'),
      on: w.on
        ? t('engineWords:console.trigger.afterOn', {
            service: w.service ?? t('engineWords:console.trigger.aService'),
          })
        : '',
    });
  else if (w.kind === 'condition')
    words = t('engineWords:console.trigger.condition', { condition: w.condition });
  else if (w.kind === 'chance')
    words = t('engineWords:console.trigger.chance', { percent: w.percent, every: w.every });
  else words = t(`engineWords:console.trigger.${w.kind}`);
  if (f.notBefore !== undefined) words += t('engineWords:console.trigger.notBefore', { at: f.notBefore });
  if (f.times > 1) words += t('engineWords:console.trigger.times', { count: f.times });
  return words;
}

function doesWord(d: DoesFact): string {
  if (d.kind === 'attack')
    return known(ACTIONS, d.action) ? t(`engineWords:console.does.attack.${d.action}`) : d.action;
  if (d.kind === 'then') return t('engineWords:console.does.then', { inject: d.inject });
  return known(EFFECTS, d.effect) ? t(`engineWords:console.does.effect.${d.effect}`) : d.effect;
}

export function doesText(v: Pick<InjectView, 'does' | 'doesFacts'>): string[] {
  if (currentLanguage() === 'en' || !v.doesFacts) return v.does;
  return v.doesFacts.map(doesWord);
}
