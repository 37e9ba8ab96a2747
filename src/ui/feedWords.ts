/**
 * The feed items the engine writes itself (a claim proved false, a partner's rebuttal, a missed ETA, the budget
 * stop, an answer given or taken by default, a rumour trending) and why each feed item appeared, in the interface
 * language: the feed panel and the debrief's timeline. English is src/run's own, byte for byte; another language
 * words the same facts (src/run/words.ts `engineFeedOf`, `feedWhyOf`). What the scenario's author or the
 * facilitator wrote stays as they wrote it.
 */
import { localText, type Scenario } from '../engine';
import { currentLanguage, t } from '../i18n';
import type { EngineFeed, FeedWhy } from '../run/words';
import { engineFeedOf, feedWhyInWords, feedWhyOf } from '../run/words';
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
          from: t('feed:engine.investigativeDesk'),
          text: t('feed:engine.claimFalse', { said: item.said, what: falseClaimWords(item.what) }),
        };
      case 'partnerRebuttal':
        return { from: item.partner, text: t('feed:engine.partnerRebuttal', { partner: item.partner }) };
      case 'etaMissed':
        return {
          from: t('feed:engine.customers'),
          text: t('feed:engine.etaMissed', { minutes: item.minutes }),
        };
      case 'denialSpreads':
        return {
          from: t('feed:engine.trending'),
          text: t('feed:engine.denialSpreads', { rumour: item.rumour }),
        };
      case 'budgetSpent':
        return {
          from: t('feed:engine.finance'),
          text: t('feed:engine.budgetSpent', { stopped: item.stopped }),
        };
      case 'answered':
        return {
          from: t('feed:engine.decision'),
          text: t(item.byDefault ? 'feed:engine.answeredByDefault' : 'feed:engine.answered', {
            asker: item.asker,
            answer: item.answer,
          }),
        };
      case 'rumour':
        return { from: t('feed:engine.trending'), text: item.text };
      default:
        return { from: t('feed:engine.investigation'), text: item.text };
    }
  },
  why: (why) => {
    switch (why.kind) {
      case 'rumourBorn':
        return t('feed:whyOf.rumourBorn', { outage: why.outage, silence: why.silence, trust: why.trust });
      case 'truthOut':
        return t(why.byScript ? 'feed:whyOf.truthOutScript' : 'feed:whyOf.truthOut');
      case 'contradicts':
        return t('feed:whyOf.contradicts', { why: FEED_WORDS.why(why.truth), said: why.said });
      case 'etaMissed':
        return t('feed:whyOf.etaMissed', { said: why.said });
      case 'denial':
        return t('feed:whyOf.denial', {
          rumour: why.rumour,
          trust: why.trust,
          channel: why.channel,
          said: why.said,
        });
      case 'stranded':
        return t('feed:whyOf.stranded', {
          customers: countLabel(why.customers),
          segment: why.segment,
          trust: why.trust,
          tone: known(TONES, why.tone) ? t(`feed:whyOf.tone.${why.tone}`) : why.tone,
        });
      default:
        return t(`feed:whyOf.${why.kind}`);
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
