/**
 * The feed items the engine writes itself (a claim proved false, a partner's rebuttal, a missed ETA, the budget
 * stop, an answer given or taken by default, a rumour trending) and why each feed item appeared, in the interface
 * language: the feed panel and the debrief's timeline. English is src/run's own, byte for byte; another language
 * words the same facts (src/run/feedFacts.ts `engineFeedOf`, `feedWhyOf`). What the scenario's author or the
 * facilitator wrote stays as they wrote it.
 */
import { localText, type Scenario } from '../engine';
import { currentLanguage, t } from '../i18n';
import { engineFeedOf, feedWhyOf, type EngineFeed, type FeedWhy } from '../run/feedFacts';
import { feedWhyInWords } from '../run/words';
import { countLabel } from '../store/format';

const CAUSES = ['glitch', 'cyber-attack', 'investigating', 'maintenance'] as const;
const TONES = ['angry', 'worried', 'calm'] as const;

function known<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A cause the player gave ("cyber-attack"), in words ("shambulio la mtandaoni"); an unknown one as it is. */
export function causeWords(cause: string): string {
  return known(CAUSES, cause) ? t(`messages:cause.${cause}`) : cause;
}

/** A claim the truth contradicted, as the engine names it ("\"glitch\" as the cause"), in words. */
export function falseClaimWords(what: string): string {
  let m = /^"(.*)" as the cause$/.exec(what);
  if (m) return t('debrief:runWords.trustWhy.falseCause', { cause: causeWords(m[1]!) });
  m = /^the denial of '(.*)'$/.exec(what);
  if (m) return t('debrief:runWords.trustWhy.falseDenial', { rumour: m[1]! });
  return what; // the scenario's own words for its data claim
}

export interface FeedWords {
  item(item: EngineFeed): { from: string; text: string };
  why(why: FeedWhy): string;
}

/** The same facts worded from the `feed:engine` and `feed:whyOf` texts of the interface language. */
export const FEED_WORDS: FeedWords = {
  item: (item) => {
    switch (item.kind) {
      case 'claimFalse':
        return {
          from: t('engineWords:feed.investigativeDesk'),
          text: t('engineWords:feed.claimFalse', { said: item.said, what: falseClaimWords(item.what) }),
        };
      case 'partnerRebuttal':
        return { from: item.partner, text: t('engineWords:feed.partnerRebuttal', { partner: item.partner }) };
      case 'etaMissed':
        return {
          from: t('engineWords:feed.customers'),
          text: t('engineWords:feed.etaMissed', { minutes: item.minutes }),
        };
      case 'denialSpreads':
        return {
          from: t('engineWords:feed.trending'),
          text: t('engineWords:feed.denialSpreads', { rumour: item.rumour }),
        };
      case 'budgetSpent':
        return {
          from: t('engineWords:feed.finance'),
          text: t('engineWords:feed.budgetSpent', { stopped: item.stopped }),
        };
      case 'answered':
        return {
          from: t('engineWords:feed.decision'),
          text: t(item.byDefault ? 'engineWords:feed.answeredByDefault' : 'engineWords:feed.answered', {
            asker: item.asker,
            answer: item.answer,
          }),
        };
      case 'rumour':
        return { from: t('engineWords:feed.trending'), text: item.text };
      default:
        return { from: t('engineWords:feed.investigation'), text: item.text };
    }
  },
  why: (why) => {
    switch (why.kind) {
      case 'rumourBorn':
        return t('engineWords:why.rumourBorn', {
          outage: why.outage,
          silence: why.silence,
          trust: why.trust,
        });
      case 'truthOut':
        return t(why.byScript ? 'engineWords:why.truthOutScript' : 'engineWords:why.truthOut');
      case 'contradicts':
        return t('engineWords:why.contradicts', { why: FEED_WORDS.why(why.truth), said: why.said });
      case 'etaMissed':
        return t('engineWords:why.etaMissed', { said: why.said });
      case 'denial':
        return t('engineWords:why.denial', {
          rumour: why.rumour,
          trust: why.trust,
          channel: why.channel,
          said: why.said,
        });
      case 'stranded':
        return t('engineWords:why.stranded', {
          customers: countLabel(why.customers),
          segment: why.segment,
          trust: why.trust,
          tone: known(TONES, why.tone) ? t(`engineWords:why.tone.${why.tone}`) : why.tone,
        });
      default:
        return t(`engineWords:why.${why.kind}`);
    }
  },
};

/** A feed item as the panel shows it: the engine's own items in the interface language, others as written. */
export function feedItemInWords(
  scenario: Scenario,
  item: { channel: string; from: string; text: string; why: string },
): { from: string; text: string; why: string } {
  if (currentLanguage() === 'en') return { from: item.from, text: item.text, why: feedWhyInWords(item.why) };
  const found = engineFeedOf(scenario, item);
  // An answer is the author's option: in the reader's language where the author gave one.
  const facts =
    found?.kind === 'answered'
      ? { ...found, answer: localText(scenario, found.answer, currentLanguage()) }
      : found;
  const why = feedWhyOf(scenario, item.why);
  return {
    ...(facts ? FEED_WORDS.item(facts) : { from: item.from, text: item.text }),
    why: why ? FEED_WORDS.why(why) : feedWhyInWords(item.why),
  };
}
