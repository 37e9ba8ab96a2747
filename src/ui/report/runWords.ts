/**
 * The run's own sentences (decisions, claims, the debrief's facts, what moved each score component, statements
 * landing, facilitator notes) in the interface language. src/run words them through a RunWords object given
 * their facts; English is src/run's own (ENGLISH_RUN_WORDS: the JSON export, the CLI and older tests read it),
 * another language words the same facts from the `debrief:runWords` keys, with shares and counts for its locale.
 * Names from the scenario (services, mitigations, rumours, channels) stay as the author wrote them.
 */
import { ENGLISH_RUN_WORDS, type RunWords } from '../../run';
import { DROPPED_WORDS } from '../droppedWords';
import { sceneText } from '../sceneText';
import { causeWords, falseClaimWords, FEED_WORDS } from '../feedWords';
import { currentLanguage, t } from '../../i18n';
import { countLabel, kesLabel, percentLabel } from '../../store/format';

const EVIDENCE = ['none', 'law', 'independent'] as const;
const VECTORS = ['layer7', 'volumetric', 'cache-bypass', 'slow-requests'] as const;
const DRIVERS = [
  'statements',
  'blame',
  'claims',
  'silence',
  'pain',
  'rumours',
  'recovery',
  'injects',
] as const;
const STATUSES = ['open', 'kept', 'broken'] as const;
const OTHER_BLOCKS = ['acknowledge', 'apologise', 'goodwill'] as const;

const ATTACK_ACTIONS = ['start', 'stop', 'escalate', 'shift'] as const;
const SERVICE_STATUSES = ['healthy', 'degraded', 'down', 'recovering'] as const;
const OUTCOMES = ['success', 'partial', 'failure', 'timeout'] as const;

/** A service's status ("down") as the map names it ("imekatika"). */
function statusWord(status: string): string {
  return known(SERVICE_STATUSES, status) ? t(`map:status.${status}`) : status;
}

function known<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A signed number with one decimal ("+2.8", "-7.6"), as src/run writes it in every language. */
function signed(x: number): string {
  // i18n-ignore: a number and its sign
  return `${x > 0 ? '+' : ''}${x.toFixed(1)}`;
}

/** How a drill ended ("success", "timeout"), as a word in a sentence ("limefaulu"); an unknown one as it is. */
export function outcomeWord(outcome: string): string {
  return known(OUTCOMES, outcome) ? t(`debrief:runWords.outcome.${outcome}`) : outcome;
}

const WORDS: RunWords = {
  eta: (minutes) => t('debrief:runWords.eta', { minutes }),
  cause: (cause) => t('debrief:runWords.cause', { cause: causeWords(cause) }),
  dataSafe: () => t('debrief:runWords.dataSafe'),
  workaround: (name) => t('debrief:runWords.workaround', { name }),
  rebut: (rumour, evidence) =>
    t('debrief:runWords.rebut', {
      rumour,
      evidence: known(EVIDENCE, evidence) ? t(`messages:evidence.${evidence}`) : evidence,
    }),
  blame: (partner) => t('debrief:runWords.blame', { partner }),
  otherBlock: (kind) => (known(OTHER_BLOCKS, kind) ? t(`messages:said.${kind}`) : kind),
  order: ({ mitigation, service, region, cutFrom }) =>
    t('debrief:runWords.order', { mitigation, service }) +
    (region ? t('debrief:runWords.region', { region }) : '') +
    (cutFrom ? t('debrief:runWords.cutFrom', { service: cutFrom }) : ''),
  ordered: (order) => t('debrief:runWords.ordered', { order }),
  lifted: (order) => t('debrief:runWords.lifted', { order }),
  liftedUnknown: (uid) => t('debrief:runWords.liftedUnknown', { uid }),
  answeredFacilitator: (option) => t('debrief:runWords.answeredFacilitator', { option }),
  answered: (from, option) => t('debrief:runWords.answered', { from, option }),
  statement: (channel, languages, blocks) =>
    t('debrief:runWords.statement', {
      channel,
      languages,
      blocks: blocks.join(', ') || t('debrief:runWords.emptyStatement'),
    }),
  announced: (name) => t('debrief:runWords.announced', { name }),
  withdrew: (name) => t('debrief:runWords.withdrew', { name }),
  noAction: () => t('debrief:runWords.noAction'),
  otherCommand: (type) => t('debrief:runWords.otherCommand', { type }),
  claim: (kind, value) =>
    t(`debrief:runWords.claim.${kind}`, { value: kind === 'cause' ? causeWords(value) : value }),
  attackAimed: ({ vectors, target, trouble }) =>
    trouble === undefined
      ? t('debrief:runWords.attackHeld', { vectors: vectors.join(', '), target })
      : t('debrief:runWords.attackTrouble', { vectors: vectors.join(', '), target, at: trouble }),
  vector: (vector) => (known(VECTORS, vector) ? t(`debrief:runWords.vector.${vector}`) : vector),
  cascade: ({ service, at, followers }) =>
    t('debrief:runWords.cascade', {
      service,
      at,
      followers: followers.map((f) => t('debrief:runWords.follower', { name: f.name, at: f.at })).join(', '),
    }),
  overCapacity: ({ service, at, peak, peakAt }) =>
    t('debrief:runWords.overCapacity', { service, at, peak: percentLabel(peak), peakAt }),
  mostlyDown: ({ service, minutes, from }) =>
    t('debrief:runWords.mostlyDown', { service, count: minutes, from }),
  failure: ({ at, service, kind }) => t(`debrief:runWords.failure.${kind}`, { at, service }),
  decisionFact: ({ at, words, by, load }) =>
    t('debrief:runWords.decisionFact', {
      at,
      words,
      by: by ? t('debrief:runWords.by', { by }) : '',
      load: load
        ? t('debrief:runWords.load', { before: percentLabel(load.before), after: percentLabel(load.after) })
        : '',
    }),
  promptFact: ({ at, from, question, answer, how }) =>
    t('debrief:runWords.promptFact', {
      at,
      from,
      question,
      answer,
      how: how ? t('debrief:runWords.how', { how }) : '',
    }) +
    // i18n-ignore: the full stop a sentence needs when the answer does not end one
    (/[.!?]$/.test(answer) ? '' : '.'),
  defaultTaken: (how) =>
    how === 'no answer in time: the default' ? t('debrief:runWords.defaultTaken') : how,
  noIncident: () => t('debrief:runWords.noIncident'),
  incidentSpoken: (began, first) => t('debrief:runWords.incidentSpoken', { began, first }),
  incidentSilent: (began) => t('debrief:runWords.incidentSilent', { began }),
  claimFact: ({ claim, at, broken }) =>
    broken
      ? t('debrief:runWords.claimBroken', { claim, at })
      : t('debrief:runWords.claimHeld', { claim, at }),
  trustFact: ({ from, to, lowest, at }) =>
    t('debrief:runWords.trustFact', {
      from: countLabel(from),
      to: countLabel(to),
      lowest: countLabel(lowest),
      at,
    }),
  rumourFact: ({ rumour, from, peak, rebuttals }) =>
    t('debrief:runWords.rumourFact', { rumour, from, peak: percentLabel(peak), rebuttals }),
  rebuttal: ({ at, before, after }) =>
    before !== undefined && after !== undefined
      ? t('debrief:runWords.rebuttalBelief', { at, before: percentLabel(before), after: percentLabel(after) })
      : t('debrief:runWords.rebuttal', { at }),
  rumourNever: (rumour) => t('debrief:runWords.rumourNever', { rumour }),
  workaroundFact: ({ workaround, at, to, peak }) =>
    t('debrief:runWords.workaroundFact', {
      workaround,
      at,
      to,
      peak: percentLabel(peak),
      queue: peak >= 1 ? t('debrief:runWords.queueMoved') : '',
    }),
  strandedPeak: (customers) => t('debrief:runWords.strandedPeak', { customers: countLabel(customers) }),
  driver: (driver, points) =>
    t('debrief:runWords.driver', {
      driver: known(DRIVERS, driver) ? t(`debrief:runWords.drivers.${driver}`) : driver,
      points: signed(points),
    }),
  rumourBegan: (at, rumour) => t('debrief:runWords.rumourBegan', { at, rumour }),
  claimMover: (at, claim, status) =>
    t('debrief:runWords.claimMover', {
      at,
      claim,
      status: known(STATUSES, status) ? t(`messages:claimStatus.${status}`) : status,
    }),
  engineLine: (line) => {
    switch (line.kind) {
      case 'status':
        return t('debrief:runWords.log.status', {
          service: line.service,
          from: statusWord(line.from),
          to: statusWord(line.to),
        });
      case 'restarting':
        return t('debrief:runWords.log.restarting', { service: line.service });
      case 'crashed':
        return t('debrief:runWords.log.crashed', {
          service: line.service,
          percent: percentLabel(line.percent / 100),
        });
      case 'inEffect':
        return t('debrief:runWords.log.inEffect', { mitigation: line.mitigation, service: line.service });
      case 'failed':
      case 'fault':
      case 'repaired':
      case 'restartNoHelp':
      case 'manualRestart':
      case 'restartNotNeeded':
        return t(`debrief:runWords.log.${line.kind}`, { service: line.service });
      case 'cured':
        return t('debrief:runWords.log.cured', { mitigation: line.mitigation, service: line.service });
      case 'failover':
        return t('debrief:runWords.log.failover', {
          service: line.service,
          followed: line.followed ? t('debrief:runWords.log.failoverFollowed') : '',
          standbyUp: line.standbyUp ? t('debrief:runWords.log.failoverStandbyUp') : '',
          stale: line.stale ? t('debrief:runWords.log.failoverStale') : '',
        });
      case 'budgetStop':
        return t('debrief:runWords.log.budgetStop', { stopped: line.stopped });
      case 'drillEnd':
        return t('debrief:runWords.log.drillEnd');
      case 'drillEnded':
        return t('debrief:runWords.log.drillEnded', { outcome: outcomeWord(line.outcome) });
      case 'teamAnswer':
        return t('debrief:runWords.log.teamAnswer', {
          question: line.question,
          answer: line.answer,
          how:
            line.how === 'answered'
              ? ''
              : t('debrief:runWords.how', {
                  how:
                    line.how === 'no answer in time: the last one'
                      ? t('debrief:runWords.log.lastTaken')
                      : line.how,
                }),
        });
      default:
        return t(`debrief:runWords.log.${line.why}`, { mitigation: line.mitigation, service: line.service });
    }
  },
  scriptLine: (line) => {
    switch (line.kind) {
      case 'dataTaken':
        return t('debrief:runWords.script.dataTaken', { by: line.by });
      case 'truthOut':
        return line.by === undefined
          ? t('debrief:runWords.script.truthOutInvestigation')
          : t('debrief:runWords.script.truthOut', { by: line.by });
      case 'scriptWorkaround':
        return t('debrief:runWords.script.scriptWorkaround', { by: line.by, workaround: line.workaround });
      case 'cameDueHeld':
        return t('debrief:runWords.script.cameDueHeld', { inject: line.inject });
      default:
        return t(`debrief:runWords.script.${line.kind}`);
    }
  },
  engineFeed: (item) => FEED_WORDS.item(item),
  scene: (scenario, text) => sceneText(scenario, text),
  facilitator: (a) => {
    switch (a.kind) {
      case 'fire':
      case 'hold':
      case 'release':
      case 'skip':
        return t(`debrief:runWords.facilitator.${a.kind}`, { inject: a.inject });
      case 'edit':
        return t('debrief:runWords.facilitator.edit', { inject: a.inject, text: a.text });
      case 'post':
        return t('debrief:runWords.facilitator.post', { from: a.from, text: a.text });
      case 'ask':
        return t('debrief:runWords.facilitator.ask', {
          from: a.from,
          text: a.text,
          answers: a.answers.join(' / '),
        });
      case 'annotate':
        return t('debrief:runWords.facilitatorNote', { text: a.text });
      case 'speed':
        return t('debrief:runWords.facilitator.speed', { speed: a.speed });
      default:
        return t(`debrief:runWords.facilitator.${a.kind}`);
    }
  },
  dropped: DROPPED_WORDS,
  trustWhy: (why) => {
    switch (why.kind) {
      case 'cause':
        return t('debrief:runWords.trustWhy.cause', {
          cause: causeWords(why.cause),
          channel: why.channel,
          said: why.said,
        });
      case 'eta':
        return t('debrief:runWords.trustWhy.eta', {
          minutes: why.minutes,
          channel: why.channel,
          said: why.said,
        });
      case 'blamed':
        return t('debrief:runWords.trustWhy.blamed', {
          partner: why.partner,
          channel: why.channel,
          said: why.said,
        });
      case 'etaKept':
      case 'claimHeld':
        return t(`debrief:runWords.trustWhy.${why.kind}`, { said: why.said });
      case 'etaMissed':
        return t('debrief:runWords.trustWhy.etaMissed', { minutes: why.minutes, said: why.said });
      case 'claimFalse':
        return t('debrief:runWords.trustWhy.claimFalse', { what: falseClaimWords(why.what), said: why.said });
      case 'rebuttedBlame':
        return t('debrief:runWords.trustWhy.rebuttedBlame', { partner: why.partner });
      default:
        return t(`debrief:runWords.trustWhy.${why.kind}`, { channel: why.channel, said: why.said });
    }
  },
  injectEffect: (e) => {
    switch (e.kind) {
      case 'fails':
      case 'restored':
        return t(`debrief:runWords.inject.${e.kind}`, {
          service: e.service ?? t('debrief:runWords.inject.aService'),
        });
      case 'capacity':
        return t('debrief:runWords.inject.capacity', {
          service: e.service ?? t('debrief:runWords.inject.aService'),
          percent: percentLabel(e.percent / 100),
        });
      case 'planted':
        return t('debrief:runWords.inject.planted', {
          rumour: e.rumour ?? t('debrief:runWords.inject.aRumour'),
        });
      case 'statement':
        return t('debrief:runWords.inject.statement', {
          channel: e.channel ?? t('debrief:runWords.inject.aChannel'),
        });
      case 'end':
        return t('debrief:runWords.inject.end', { outcome: outcomeWord(e.outcome) });
      case 'budget':
        return t('debrief:runWords.inject.budget', { amount: kesLabel(e.amount) });
      case 'trust':
        return t('debrief:runWords.inject.trust', {
          stakeholder: e.stakeholder ?? t('debrief:runWords.inject.aStakeholder'),
        });
      case 'reveal':
        return t('debrief:runWords.inject.reveal');
      default:
        return t('debrief:runWords.inject.scripted');
    }
  },
  decisionLine: (from, answer, how) =>
    t('debrief:runWords.inject.decision', {
      from: from ?? t('debrief:runWords.inject.aDecision'),
      answer,
      how: how ? t('debrief:runWords.how', { how }) : '',
    }),
  scriptedStatement: (channel, from) =>
    t('debrief:runWords.inject.scriptedStatement', {
      channel,
      from: from ? t('debrief:runWords.by', { by: from }) : '',
    }),
  rumourSpreading: (rumour) => t('debrief:runWords.inject.rumourSpreading', { rumour }),
  attack: (target, action) =>
    known(ATTACK_ACTIONS, action)
      ? target
        ? t(`debrief:runWords.log.attack.${action}`, { target })
        : t(`debrief:runWords.log.attackNoTarget.${action}`)
      : action,
  statementLanded: (channel, blocks) =>
    t('debrief:runWords.statementLanded', { channel, blocks: blocks.join(', ') }),
  facilitatorNote: (text) => t('debrief:runWords.facilitatorNote', { text }),
};

/** The run's words in the interface language (English: src/run's own, unchanged). */
export function runWords(): RunWords {
  return currentLanguage() === 'en' ? ENGLISH_RUN_WORDS : WORDS;
}
