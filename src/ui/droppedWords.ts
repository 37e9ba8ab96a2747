/**
 * What the state's bounded lists let go of (src/run/dropped.ts), in the interface language: the feed panel's
 * "older items" line and the debrief's timeline. English is src/run's own (byte for byte); another language words
 * the same facts (how many, when, how many of each kind) with counts for its locale.
 */
import { currentLanguage, t } from '../i18n';
import { ENGLISH_DROPPED_WORDS, type DroppedFacts, type DroppedWords } from '../run/dropped';
import { countLabel } from '../store/format';

/** "T+00:12–T+03:40: 300 status changes, 12 inject events" (just the time when nothing is counted). */
function breakdown(d: DroppedFacts<string>, parts: readonly string[]): string {
  return parts.length
    ? t('engineWords:dropped.breakdown', { span: d.span, parts: parts.join(', ') })
    : d.span;
}

/** The same facts worded from the `feed:dropped` texts of the interface language. */
export const DROPPED_WORDS: DroppedWords = {
  log: (d) =>
    t('engineWords:dropped.log', {
      count: d.count,
      n: countLabel(d.count),
      breakdown: breakdown(
        d,
        d.parts.map((p) =>
          t(`engineWords:dropped.logKind.${p.kind}`, { count: p.count, n: countLabel(p.count) }),
        ),
      ),
    }),
  feed: (d) =>
    t('engineWords:dropped.feed', {
      count: d.count,
      n: countLabel(d.count),
      breakdown: breakdown(
        d,
        d.parts.map((p) =>
          t(`engineWords:dropped.channel.${p.kind}`, { count: p.count, n: countLabel(p.count) }),
        ),
      ),
    }),
};

export function droppedWords(): DroppedWords {
  return currentLanguage() === 'en' ? ENGLISH_DROPPED_WORDS : DROPPED_WORDS;
}
