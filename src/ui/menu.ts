/**
 * The menu: shipped scenarios (title, summary, objectives, duration, difficulty), the seed (always shown, typed
 * or "Random", so a run can be repeated), a scenario file opened from disk (compiled; its diagnostics listed as
 * `line:col CODE message`, and the game keeps working), and Start. Below: the saved drills to resume and
 * "Open a run file" (saves/savedList.ts), and a notice line for what could not be opened (a share link for an
 * unknown scenario, a damaged run file).
 */
import { currentLanguage, loadTexts, t } from '../i18n';
import type { Diagnostic } from '../scenario';
import type { ScenarioEntry, SessionStore } from '../store';
import { durationLabel } from '../store/format';
import { h, keyed, setAttr, setHidden, setText } from './dom';
import { randomSeed } from './flags';
import { languageSwitch } from './language';
import { browserStorage } from './saves/browserStorage';
import { mountSavedList } from './saves/savedList';

/**
 * "12:3 SCN011 missing field 'kind' …". The compiler writes its messages in English (they quote the author's
 * YAML, whose keys are English); in another language the line leads with the code's title and fix in that
 * language and keeps the compiler's detail after them.
 */
export function diagnosticLine(d: Diagnostic): string {
  const related = d.related
    ? t('diagnostics:related', { line: d.related.line, column: d.related.column, message: d.related.message })
    : '';
  const warning = d.severity === 'warning' ? t('diagnostics:warning') : '';
  const detail = `${warning}${d.message}${related}`;
  if (currentLanguage() === 'en') return `${d.line}:${d.column} ${d.code} ${detail}`;
  const code = t(`diagnostics:${d.code}`, { returnObjects: true }) as { title: string; fix: string };
  return `${d.line}:${d.column} ${d.code} ${code.title}. ${code.fix} — ${detail}`;
}

export function mountMenu(root: HTMLElement, session: SessionStore): { dispose(): void; focus(): void } {
  const list = h(
    'fieldset',
    { class: 'scenario-list' },
    h('legend', {}, h('h2', { text: t('menu:scenarios') })),
  );
  const radios = h('div', { class: 'scenario-list' });
  list.append(radios);

  const dTitle = h('h2', { id: 'scenario-title' });
  const dSummary = h('p');
  const dFacts = h('div', { class: 'facts-row' });
  const dObjectives = h('ul');
  const dInspired = h('ul', { class: 'small muted' });
  const dWarnings = h('ul', { class: 'small' });
  const details = h(
    'section',
    { class: 'scenario-details', 'aria-labelledby': 'scenario-title', 'aria-live': 'polite' },
    dTitle,
    dSummary,
    dFacts,
    h('h3', { text: t('menu:objectives') }),
    dObjectives,
    h('details', {}, h('summary', { text: t('menu:inspiredBy') }), dInspired),
    dWarnings,
  );

  const seed = h('input', {
    type: 'text',
    id: 'seed-input',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 40,
    'aria-describedby': 'seed-help',
  });
  seed.addEventListener('input', () => session.getState().setSeed(seed.value));
  const random = h('button', { type: 'button', id: 'random-seed', text: t('menu:random') });
  random.addEventListener('click', () => session.getState().setSeed(randomSeed()));
  const file = h('input', {
    type: 'file',
    id: 'scenario-file',
    accept: '.yaml,.yml,.json,text/yaml,application/json',
  });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    // The compiler is loaded the first time a file is opened: shipped scenarios come precompiled
    // (src/scenario/precompiled.ts), so the menu shows without it.
    const [{ compileFile, refuseUnread, MAX_UNREAD_FILE_BYTES }] = await Promise.all([
      import('../scenario'),
      loadTexts(['diagnostics']),
    ]);
    // A file far over the limit is refused by its size, unread: reading it could stall the page (issue 11).
    session
      .getState()
      .openFile(
        chosen.size > MAX_UNREAD_FILE_BYTES
          ? refuseUnread(chosen.name, chosen.size)
          : compileFile(chosen.name, await chosen.text()),
      );
    file.value = ''; // the same file can be opened again after fixing it
  });
  const start = h('button', { type: 'submit', class: 'primary', id: 'start-button', text: t('menu:start') });
  // The studio is its own lazily loaded page (ui/studioRoute.ts follows the address).
  // Inline style: one rule, kept with the button rather than in the shared stylesheet.
  const studio = h('button', {
    type: 'button',
    id: 'open-studio',
    text: t('menu:studio'),
    style: 'margin-left: auto; align-self: center',
  });
  studio.addEventListener('click', () => {
    window.location.hash = '#studio';
  });

  const diagTitle = h('h3');
  const diagList = h('ol', { 'aria-label': t('menu:diagnostics') });
  const diagnostics = h(
    'section',
    { class: 'diagnostics', id: 'diagnostics', role: 'alert' },
    diagTitle,
    diagList,
  );
  const shipped = h('section', { class: 'diagnostics', id: 'shipped-errors', role: 'alert' });
  const notice = h('p', { class: 'menu-notice', id: 'menu-notice', role: 'alert' });
  const saved = mountSavedList(session, browserStorage());

  // Start and the seed come first: at 1280×720 they are visible without scrolling.
  const form = h(
    'form',
    { id: 'menu-form', 'aria-label': t('menu:startForm') },
    h(
      'div',
      { class: 'menu-actions' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'seed-input', text: t('menu:seed') }),
        h('div', { class: 'seed-row' }, seed, random),
        h('span', {
          id: 'seed-help',
          class: 'small muted',
          text: t('menu:seedHelp'),
        }),
      ),
      h('div', { class: 'field' }, h('label', { for: 'scenario-file', text: t('menu:openFile') }), file),
      start,
      languageSwitch({
        keep: () => {
          const s = session.getState();
          return {
            seed: s.seed,
            scenario: s.scenarios.find((e) => e.key === s.selectedKey)?.scenario.id ?? null,
          };
        },
      }),
    ),
    notice,
    diagnostics,
    shipped,
    saved.element,
    h('div', { class: 'menu-grid' }, list, details),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = session.getState();
    if (s.seed.trim() === '') s.setSeed(randomSeed());
    session.getState().start();
  });

  root.replaceChildren(
    h(
      'div',
      { class: 'overlay-inner' },
      h(
        'div',
        { class: 'menu-title' },
        h('h1', { text: 'Cascade' }), // i18n-ignore: the game's name
        h('p', {
          class: 'muted',
          text: t('menu:tagline'),
        }),
        studio,
      ),
      form,
    ),
  );

  const renderDetails = (entry: ScenarioEntry | undefined) => {
    setHidden(details, !entry);
    if (!entry) return;
    const { meta } = entry.scenario;
    setText(dTitle, meta.title);
    setText(dSummary, meta.summary);
    dFacts.replaceChildren(
      h('span', { text: t('menu:difficulty', { difficulty: t(`menu:difficultyLevel.${meta.difficulty}`) }) }),
      h('span', { text: t('menu:duration', { duration: durationLabel(entry.scenario.durationTicks) }) }),
      h('span', { text: t('menu:services', { count: entry.scenario.services.length }) }),
      h('span', { text: t('menu:audience', { audience: meta.audience }) }),
      h('span', { text: t('menu:file', { file: entry.fileName }) }),
    );
    dObjectives.replaceChildren(...meta.objectives.map((o) => h('li', { text: o })));
    dInspired.replaceChildren(...meta.inspiredBy.map((i) => h('li', { text: i.note })));
    dWarnings.replaceChildren(...entry.warnings.map((d) => h('li', { text: diagnosticLine(d) })));
  };

  const render = () => {
    const s = session.getState();
    keyed(
      radios,
      s.scenarios,
      (e) => e.key,
      (e) => {
        const input = h('input', { type: 'radio', name: 'scenario', value: e.key });
        input.addEventListener('change', () => input.checked && session.getState().select(e.key));
        const meta = e.scenario.meta;
        return h(
          'label',
          { class: 'scenario-option', 'data-scenario': e.scenario.id },
          input,
          h(
            'span',
            {},
            h('strong', { text: meta.title }),
            h('br'),
            h('span', {
              class: 'meta',
              text: `${t(`menu:difficultyLevel.${meta.difficulty}`)} · ${durationLabel(e.scenario.durationTicks)}${e.origin === 'file' ? t('menu:fromFile') : ''}`,
            }),
          ),
        );
      },
      (label, e) => {
        const input = label.querySelector('input')!;
        if (input.checked !== (e.key === s.selectedKey)) input.checked = e.key === s.selectedKey;
      },
    );
    renderDetails(s.scenarios.find((e) => e.key === s.selectedKey));
    if (document.activeElement !== seed && seed.value !== s.seed) seed.value = s.seed;
    start.disabled = s.selectedKey === null;

    const report = s.lastFile;
    setHidden(diagnostics, report === null);
    if (report) {
      const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
      setAttr(diagnostics, 'data-ok', report.ok ? 'true' : 'false');
      setText(
        diagTitle,
        report.ok
          ? report.diagnostics.length
            ? t('menu:fileLoadedWarnings', { file: report.fileName, count: report.diagnostics.length })
            : t('menu:fileLoaded', { file: report.fileName })
          : t('menu:fileErrors', { file: report.fileName, count: errors }),
      );
      diagList.replaceChildren(
        ...report.diagnostics.map((d) => h('li', { 'data-code': d.code, text: diagnosticLine(d) })),
      );
    }
    setHidden(notice, s.notice === null);
    setText(notice, s.notice?.text ?? '');
    setAttr(notice, 'data-kind', s.notice?.kind ?? null);
    setHidden(shipped, s.shippedErrors.length === 0);
    shipped.replaceChildren(
      ...s.shippedErrors.map((r) =>
        h(
          'div',
          {},
          h('h3', { text: t('menu:shippedBroken', { file: r.fileName }) }),
          h('ol', {}, ...r.diagnostics.map((d) => h('li', { text: diagnosticLine(d) }))),
        ),
      ),
    );
  };

  render();
  const unsubscribe = session.subscribe(render);
  return {
    dispose() {
      unsubscribe();
      saved.dispose();
      root.replaceChildren();
    },
    focus() {
      start.focus({ preventScroll: true });
    },
  };
}
