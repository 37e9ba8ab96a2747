/**
 * The message composer: choose a channel (its reach among this scenario's customers, credibility, delay and
 * cost shown for the chosen languages), the languages and the content blocks; read back in plain words what
 * will be said, what it costs and what it is expected to do; send it. Below: everything said so far with its
 * status, the claims on record (open / kept / broken), and how long the public has heard nothing.
 *
 * Every number comes from the engine's own read-only queries (meanReach, statementCost, silenceTicks), asked
 * about the published scenario and state: the panel decides nothing. The draft lives in the form controls themselves (nothing else needs it), so re-rendering every
 * frame only rewrites text that changed and never moves the keyboard focus.
 */
import {
  CAUSES,
  GOODWILL_COST_KES,
  languageName as scenarioLanguageName,
  meanReach,
  scenarioLanguages,
  silenceTicks,
  statementCost,
  type Cause,
  type Claim,
  type DeepReadonly,
  type Evidence,
  type Language,
  type Scenario,
  type SimState,
  type StatementBlock,
  type StatementRecord,
} from '../engine';
import { currentLocale, t } from '../i18n';
import type { GameStore } from '../store';
import { countdownLabel, durationLabel, elapsedLabel, moneyLabel, percentLabel } from '../store/format';
import { h, keyed, listen, setAttr, setHidden, setText, bindPanel } from './dom';
import { rejectionText } from './rejectionText';

type State = DeepReadonly<SimState>;
type BlockKind = StatementBlock['kind'];

/**
 * A language a statement is said in, named in the interface's language ("Kiingereza" in Kiswahili); a language
 * of the scenario's own (Somali) by the name the scenario gives it.
 */
export function languageName(language: Language, scenario?: Pick<Scenario, 'languages'>): string {
  if (language === 'en' || language === 'sw') return t(`messages:language.${language}`);
  return scenario ? scenarioLanguageName(scenario, language) : language;
}

export function languagesLabel(
  languages: readonly Language[],
  scenario?: Pick<Scenario, 'languages'>,
): string {
  if (languages.length === 0) return t('messages:noLanguage');
  const names = languages.map((l) => languageName(l, scenario));
  if (languages.length === 1) return t('messages:onlyLanguage', { language: names[0] });
  // "English and Kiswahili", "Kiingereza na Kiswahili": the locale's own way of joining a list.
  return new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(names);
}

/** A cause as offered in the composer ("a technical glitch"). */
const causeOption = (cause: Cause) => t(`messages:cause.${cause}`);

/** A rumour's text, cut to fit one line of a preview. */
function shortText(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** One content block in the plain words a listener would hear. */
export function blockWords(scenario: Scenario, block: DeepReadonly<StatementBlock>): string {
  const people = scenario.people;
  switch (block.kind) {
    case 'acknowledge':
      return t('messages:said.acknowledge');
    case 'apologise':
      return t('messages:said.apologise');
    case 'cause':
      return t(`messages:causeSaid.${block.cause}`);
    case 'data-safe':
      return t('messages:said.dataSafe');
    case 'eta':
      return t('messages:said.eta', { minutes: block.minutes });
    case 'workaround':
      return t('messages:said.workaround', {
        name: people.workarounds.find((w) => w.id === block.workaround)?.name ?? block.workaround,
      });
    case 'rebuttal': {
      const rumour = people.rumours.find((r) => r.id === block.rumour);
      return t(`messages:said.rebuttal.${block.evidence}`, {
        rumour: shortText(rumour?.text ?? block.rumour),
      });
    }
    case 'goodwill':
      return t('messages:said.goodwill');
    case 'blame':
      return t('messages:said.blame', {
        partner: people.stakeholders.find((k) => k.id === block.partner)?.name ?? block.partner,
      });
  }
}

function claimWords(scenario: Scenario, claim: DeepReadonly<Claim>): string {
  switch (claim.kind) {
    case 'cause':
      return t('messages:claim.cause', {
        cause: (CAUSES as readonly string[]).includes(claim.value)
          ? causeOption(claim.value as Cause)
          : claim.value,
      });
    case 'data-safe':
      return t('messages:claim.dataSafe');
    case 'eta':
      return t('messages:claim.eta', { minutes: claim.value, time: elapsedLabel(claim.deadlineTick) });
    case 'denial': {
      const rumour = scenario.people.rumours.find((r) => r.id === claim.value);
      return t('messages:claim.denial', { rumour: shortText(rumour?.text ?? claim.value, 60) });
    }
  }
}

/** The block checkboxes, in the order the blocks are said (labels: messages:block.<kind>). */
const BLOCKS: readonly BlockKind[] = [
  'acknowledge',
  'apologise',
  'cause',
  'data-safe',
  'eta',
  'workaround',
  'rebuttal',
  'goodwill',
  'blame',
];

export interface MessagesTab {
  dispose(): void;
  focus(): void;
  /** The send plan (preview, cost, Send): the decision panel keeps it in sight below the scrolling choices. */
  actions: HTMLElement;
}

export function mountMessagesTab(root: HTMLElement, game: GameStore): MessagesTab {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const { scenario } = game.getState();
  const money = (amount: number) => moneyLabel(amount, scenario);
  const people = scenario.people;

  // ---- channel ----------------------------------------------------------------------------------
  const channelList = h('fieldset', { class: 'choice-list' }, h('legend', { text: t('messages:channel') }));
  const channels = people.channels.map((def, i) => {
    const input = h('input', {
      type: 'radio',
      name: 'msg-channel',
      value: def.id,
      id: `msg-channel-${def.id}`,
      checked: i === 0,
    });
    const facts = h('span', { class: 'facts' });
    channelList.append(
      h(
        'label',
        { class: 'choice', for: `msg-channel-${def.id}`, 'data-channel': def.id },
        input,
        h('span', { class: 'name' }, def.name, facts),
      ),
    );
    return { def, index: i, input, facts };
  });

  // ---- languages --------------------------------------------------------------------------------
  // The scenario's languages (default English and Kiswahili), the first ticked.
  const languageInputs = scenarioLanguages(scenario).map(({ id: l }, i) => {
    const input = h('input', { type: 'checkbox', id: `msg-lang-${l}`, value: l, checked: i === 0 });
    return {
      language: l,
      input,
      label: h('label', { class: 'inline-choice' }, input, languageName(l, scenario)),
    };
  });
  const languageSet = h(
    'fieldset',
    { class: 'choice-row' },
    h('legend', { text: t('messages:languages') }),
    ...languageInputs.map((x) => x.label),
  );

  // ---- content blocks ---------------------------------------------------------------------------
  const warning = (text: string) => h('p', { class: 'warning small', text: t('messages:warning', { text }) });
  const note = (text: string) => h('p', { class: 'muted small', text });

  const causeRadios = CAUSES.map((c) =>
    h('input', {
      type: 'radio',
      name: 'msg-cause',
      value: c,
      id: `msg-cause-${c}`,
      checked: c === 'investigating',
    }),
  );
  const causeDetail = h(
    'fieldset',
    { class: 'block-detail' },
    h('legend', { class: 'visually-hidden', text: t('messages:causeLegend') }),
    ...causeRadios.map((input, i) => h('label', { class: 'inline-choice' }, input, causeOption(CAUSES[i]!))),
    warning(t('messages:causeWarning')),
  );

  const etaInput = h('input', {
    type: 'number',
    id: 'msg-eta-minutes',
    min: 5,
    max: 1440,
    step: 5,
    value: 60,
    inputmode: 'numeric',
  });
  const etaDetail = h(
    'div',
    { class: 'block-detail' },
    h('label', { class: 'field' }, h('span', { text: t('messages:etaField') }), etaInput),
    warning(t('messages:etaWarning')),
  );

  const workaroundSelect = h('select', {
    id: 'msg-workaround',
    'aria-label': t('messages:workaroundSelect'),
  });
  for (const w of people.workarounds) workaroundSelect.append(h('option', { value: w.id, text: w.name }));
  const workaroundNote = note('');
  const workaroundDetail = h('div', { class: 'block-detail' }, workaroundSelect, workaroundNote);

  const rumourSelect = h('select', { id: 'msg-rumour', 'aria-label': t('messages:rumourSelect') });
  const evidenceSelect = h('select', { id: 'msg-evidence', 'aria-label': t('messages:evidenceSelect') });
  for (const e of ['none', 'law', 'independent'] as const)
    evidenceSelect.append(h('option', { value: e, text: t(`messages:evidence.${e}`) }));
  evidenceSelect.value = 'law';
  const rebuttalDetail = h(
    'div',
    { class: 'block-detail' },
    h('label', { class: 'field' }, h('span', { text: t('messages:rumour') }), rumourSelect),
    h('label', { class: 'field' }, h('span', { text: t('messages:evidenceSelect') }), evidenceSelect),
    note(t('messages:rebuttalNote')),
  );

  const partners = people.stakeholders.filter((k) => k.kind === 'partner');
  const partnerSelect = h('select', { id: 'msg-partner', 'aria-label': t('messages:partnerSelect') });
  for (const k of partners) partnerSelect.append(h('option', { value: k.id, text: k.name }));
  const blameDetail = h('div', { class: 'block-detail' }, partnerSelect, warning(t('messages:blameWarning')));

  const goodwillCost = h('span', { class: 'facts' });
  const dataSafeDetail = h('div', { class: 'block-detail' }, warning(t('messages:dataSafeWarning')));

  const details: Partial<Record<BlockKind, HTMLElement>> = {
    cause: causeDetail,
    'data-safe': dataSafeDetail,
    eta: etaDetail,
    workaround: workaroundDetail,
    rebuttal: rebuttalDetail,
    blame: blameDetail,
  };
  const blockSet = h(
    'fieldset',
    { class: 'choice-list blocks' },
    h('legend', { text: t('messages:whatToSay') }),
  );
  const blocks = BLOCKS.map((kind) => {
    const label = t(`messages:block.${kind}`);
    const input = h('input', { type: 'checkbox', id: `msg-block-${kind}`, value: kind });
    const why = h('span', { class: 'facts' });
    const name = h('span', { class: 'name' }, label, kind === 'goodwill' ? goodwillCost : null, why);
    const detail = details[kind] ?? null;
    blockSet.append(
      h('label', { class: 'choice', for: `msg-block-${kind}`, 'data-block': kind }, input, name),
    );
    if (detail) blockSet.append(detail);
    return { kind, input, why, detail };
  });
  const blockInput = (kind: BlockKind) => blocks.find((b) => b.kind === kind)!.input;

  // ---- before you commit ------------------------------------------------------------------------
  const preview = h('p', { id: 'msg-preview', class: 'preview' });
  const cost = h('p', { id: 'msg-cost', class: 'small' });
  const expected = h('p', { id: 'msg-expected', class: 'small' });
  const send = h('button', { type: 'button', class: 'primary', id: 'msg-send', text: t('messages:send') });
  const result = h('p', { class: 'result', id: 'msg-result', role: 'status', 'aria-live': 'polite' });
  // Kept in sight below the scrolling choices (the decision panel's dock), never over them.
  const plan = h(
    'section',
    { class: 'plan send-plan', 'aria-labelledby': 'msg-plan-title' },
    h('h3', { id: 'msg-plan-title', class: 'visually-hidden', text: t('messages:beforeSend') }),
    preview,
    cost,
    expected,
    h('div', { class: 'send-row' }, send, result),
  );

  // ---- on record --------------------------------------------------------------------------------
  const silence = h('p', { id: 'msg-silence', class: 'silence' });
  const said = h('ul', { class: 'said', id: 'msg-said', 'aria-label': t('messages:saidLabel') });
  const saidNone = h('p', { class: 'muted small', text: t('messages:nothingSaid') });
  const claims = h('ul', { class: 'claims', id: 'msg-claims', 'aria-label': t('messages:claimsLabel') });
  const claimsNone = h('p', {
    class: 'muted small',
    text: t('messages:noClaims'),
  });

  root.replaceChildren(
    channelList,
    languageSet,
    blockSet,
    h('h3', { text: t('messages:saidSoFar') }),
    silence,
    said,
    saidNone,
    h('h3', { text: t('messages:onRecord') }),
    claims,
    claimsNone,
  );

  // ---- reading the draft ------------------------------------------------------------------------
  const chosenChannel = () => channels.find((c) => c.input.checked) ?? null;
  const chosenLanguages = (): Language[] =>
    languageInputs.filter((x) => x.input.checked).map((x) => x.language);
  const chosenCause = (): Cause => (causeRadios.find((r) => r.checked)?.value ?? 'investigating') as Cause;
  const etaMinutes = () => Math.round(Number(etaInput.value));

  /** The blocks as the engine takes them, plus what is missing for the draft to be sendable. */
  const draft = (): { blocks: StatementBlock[]; missing: string[] } => {
    const out: StatementBlock[] = [];
    const missing: string[] = [];
    for (const b of blocks) {
      if (!b.input.checked || b.input.disabled) continue;
      switch (b.kind) {
        case 'cause':
          out.push({ kind: 'cause', cause: chosenCause() });
          break;
        case 'eta': {
          const m = etaMinutes();
          if (!Number.isFinite(m) || m < 5 || m > 1440) missing.push(t('messages:missing.eta'));
          else out.push({ kind: 'eta', minutes: m });
          break;
        }
        case 'workaround':
          out.push({ kind: 'workaround', workaround: workaroundSelect.value });
          break;
        case 'rebuttal':
          out.push({
            kind: 'rebuttal',
            rumour: rumourSelect.value,
            evidence: evidenceSelect.value as Evidence,
          });
          break;
        case 'blame':
          out.push({ kind: 'blame', partner: partnerSelect.value });
          break;
        default:
          out.push({ kind: b.kind } as StatementBlock);
      }
    }
    if (out.length === 0 && missing.length === 0) missing.push(t('messages:missing.block'));
    if (chosenLanguages().length === 0) missing.push(t('messages:missing.language'));
    if (!chosenChannel()) missing.push(t('messages:missing.channel'));
    return { blocks: out, missing };
  };

  /** What sending the draft costs now: the channel (+ goodwill), and workarounds it puts in place. */
  const draftCost = (channel: number, list: StatementBlock[]) => {
    const st = game.getState().sim.state;
    const statement = statementCost(scenario, channel, list);
    let workarounds = 0;
    for (const b of list) {
      if (b.kind !== 'workaround') continue;
      const w = people.workarounds.findIndex((x) => x.id === b.workaround);
      if (w >= 0 && !st.people.workarounds[w]!.enabled) workarounds += people.workarounds[w]!.costKES;
    }
    return { statement, workarounds, total: statement + workarounds };
  };

  listen(send, signal, 'click', () => {
    const channel = chosenChannel();
    const { blocks: list, missing } = draft();
    if (!channel || missing.length > 0) {
      setAttr(result, 'data-ok', 'false');
      setText(result, t('messages:notSent', { missing: missing.join(', ') }));
      return;
    }
    const answer = game.getState().issue({
      type: 'statement',
      channel: channel.def.id,
      languages: chosenLanguages(),
      blocks: list,
    });
    setAttr(result, 'data-ok', answer.ok ? 'true' : 'false');
    if (!answer.ok) {
      setText(result, t('messages:turnedDown', { message: rejectionText(answer) }));
      return;
    }
    setText(
      result,
      t('messages:sent', { channel: channel.def.name, time: durationLabel(channel.def.delayTicks) }),
    );
    // A new statement starts from a clean slate (repeating a block within the hour halves its effect).
    for (const b of blocks) b.input.checked = false;
    render();
  });

  // Space ticks a checkbox or picks a choice here, as everywhere else on the web: the global "Space pauses"
  // shortcut would otherwise swallow it (P still pauses). Both key-down and key-up: the browser toggles on up.
  const keepSpace = (e: KeyboardEvent) => {
    const target = e.target;
    if (
      e.key === ' ' &&
      target instanceof HTMLInputElement &&
      (target.type === 'checkbox' || target.type === 'radio')
    )
      e.stopPropagation();
  };
  listen(root, signal, 'keydown', keepSpace);
  listen(root, signal, 'keyup', keepSpace);
  // Controls change the draft, not the store: re-render the preview when they do.
  // A changed draft is a new message: the answer about the last one is cleared so it cannot be misread.
  const redraft = () => {
    setText(result, '');
    render();
  };
  listen(root, signal, 'change', redraft);
  listen(root, signal, 'input', redraft);

  let rumourKey = '';
  function render(): void {
    const g = game.getState();
    const st = g.sim.state;
    const languages = chosenLanguages();

    for (const c of channels) {
      const reach = meanReach(scenario, c.index, languages);
      const price = c.def.costKES > 0 ? money(c.def.costKES) : t('messages:free');
      setText(
        c.facts,
        t('messages:channelFacts', {
          reach: percentLabel(reach),
          credibility: percentLabel(c.def.credibility),
          time: durationLabel(c.def.delayTicks),
          price,
        }),
      );
    }

    // Options that depend on the state: born rumours, workarounds and partners on offer.
    const born = people.rumours.filter((_, r) => st.people.rumours[r]?.born);
    const key = born.map((r) => r.id).join('|');
    if (key !== rumourKey) {
      rumourKey = key;
      const keep = rumourSelect.value;
      rumourSelect.replaceChildren(
        ...born.map((r) => h('option', { value: r.id, text: shortText(r.text, 70) })),
      );
      if (born.some((r) => r.id === keep)) rumourSelect.value = keep;
    }
    const unavailable: Partial<Record<BlockKind, string>> = {
      workaround: people.workarounds.length === 0 ? t('messages:unavailable.workaround') : '',
      rebuttal: born.length === 0 ? t('messages:unavailable.rebuttal') : '',
      blame: partners.length === 0 ? t('messages:unavailable.blame') : '',
    };
    for (const b of blocks) {
      const why = unavailable[b.kind] ?? '';
      if (b.input.disabled !== (why !== '')) b.input.disabled = why !== '';
      b.input.closest('label')?.classList.toggle('disabled', why !== '');
      setText(b.why, why);
      if (b.detail) setHidden(b.detail, !b.input.checked || b.input.disabled);
    }

    const channel = chosenChannel();
    const { blocks: list, missing } = draft();
    if (channel) setText(goodwillCost, t('messages:goodwillCost', { cost: money(GOODWILL_COST_KES) }));
    const w = people.workarounds.findIndex((x) => x.id === workaroundSelect.value);
    if (w >= 0) {
      const def = people.workarounds[w]!;
      const enabled = st.people.workarounds[w]?.enabled ?? false;
      setText(
        workaroundNote,
        enabled
          ? t('messages:workaroundInPlace')
          : def.costKES > 0
            ? t('messages:workaroundPutsCost', { cost: money(def.costKES) })
            : t('messages:workaroundPuts'),
      );
    }

    if (!channel) {
      setText(preview, t('messages:chooseChannel'));
      setText(cost, '');
      setText(expected, '');
      return renderRecord(st);
    }
    const words = list.map((b) => blockWords(scenario, b));
    setText(
      preview,
      t('messages:preview', {
        channel: channel.def.name,
        languages: languagesLabel(languages, scenario),
        words: words.length > 0 ? words.join('; ') : t('messages:previewEmpty'),
      }),
    );
    const price = draftCost(channel.index, list);
    const extras: string[] = [];
    if (price.statement > channel.def.costKES)
      extras.push(t('messages:extra.goodwill', { cost: money(price.statement - channel.def.costKES) }));
    if (price.workarounds > 0)
      extras.push(t('messages:extra.workaround', { cost: money(price.workarounds) }));
    if (extras.length > 0 && channel.def.costKES > 0)
      extras.unshift(t('messages:extra.channel', { cost: money(channel.def.costKES) }));
    const over = price.total > st.budgetKES;
    const costKey =
      extras.length > 0
        ? over
          ? 'messages:costExtrasOver'
          : 'messages:costExtras'
        : over
          ? 'messages:costOver'
          : 'messages:cost';
    setText(
      cost,
      t(costKey, {
        total: price.total > 0 ? money(price.total) : t('messages:free'),
        extras: extras.join(' + '),
        budget: money(st.budgetKES),
      }),
    );
    cost.classList.toggle('warning', over);
    setText(
      expected,
      missing.length > 0
        ? t('messages:toSend', { missing: missing.join(', ') })
        : t('messages:expected', {
            reach: percentLabel(meanReach(scenario, channel.index, languages)),
            time: durationLabel(channel.def.delayTicks),
          }),
    );
    renderRecord(st);
  }

  function renderRecord(st: State): void {
    const p = st.people;
    // Silence: only statements to the public that have landed break it (see rumours.ts).
    const grace = people.silenceGraceTicks;
    if (p.incidentTick < 0) {
      setText(silence, t('messages:noIncident'));
      setAttr(silence, 'data-warn', 'false');
    } else {
      const quiet = silenceTicks(st);
      const since = t(
        p.lastStatementTick >= p.incidentTick
          ? 'messages:silenceSinceStatement'
          : 'messages:silenceSinceIncident',
        { time: durationLabel(quiet) },
      );
      const late = quiet > grace;
      // Two whole sentences, each translated whole: the second only when the room is late.
      setText(
        silence,
        late ? `${since} ${t('messages:silenceLate', { grace: durationLabel(grace) })}` : since,
      );
      setAttr(silence, 'data-warn', late ? 'true' : 'false');
    }

    const statements = p.statements.map((s, i) => ({ s, i })).reverse();
    keyed(
      said,
      statements,
      ({ i }) => String(i),
      () =>
        h(
          'li',
          {},
          h('span', { class: 'when' }),
          h('span', { class: 'what' }),
          h('span', { class: 'status' }),
        ),
      (li, { s }) => renderStatement(li, s, st.tick),
    );
    setHidden(saidNone, statements.length > 0);

    const claimItems = p.claims.map((c, i) => ({ c, i })).reverse();
    keyed(
      claims,
      claimItems,
      ({ i }) => String(i),
      () =>
        h(
          'li',
          {},
          h('span', { class: 'when' }),
          h('span', { class: 'what' }),
          h('span', { class: 'status' }),
        ),
      (li, { c }) => {
        setText(li.children[0]!, elapsedLabel(c.tick));
        setText(li.children[1]!, `${claimWords(scenario, c)} — ${people.channels[c.channel]?.name ?? ''}`);
        setText(li.children[2]!, t(`messages:claimStatus.${c.status}`));
        setAttr(li, 'data-status', c.status);
      },
    );
    setHidden(claimsNone, claimItems.length > 0);
  }

  function renderStatement(li: HTMLElement, s: DeepReadonly<StatementRecord>, tick: number): void {
    const channel = people.channels[s.channel];
    setText(
      li.children[0]!,
      t('messages:statementHead', {
        time: elapsedLabel(s.tick),
        channel: channel?.name ?? '?',
        languages: languagesLabel(s.languages, scenario),
      }),
    );
    setText(li.children[1]!, s.blocks.map((b) => blockWords(scenario, b)).join('; '));
    setText(
      li.children[2]!,
      s.landed
        ? t('messages:landed', { time: elapsedLabel(s.landsTick) })
        : t('messages:onItsWay', { countdown: countdownLabel(s.landsTick - tick) }),
    );
    setAttr(li, 'data-status', s.landed ? 'landed' : 'pending');
  }

  const dispose = bindPanel(root, lifetime, render, (listener) => game.subscribe((s) => s.sim, listener));
  return {
    dispose,
    actions: plan,
    focus() {
      (chosenChannel()?.input ?? blockInput('acknowledge')).focus();
    },
  };
}
