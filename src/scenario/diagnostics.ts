/**
 * Diagnostics are a product: each has a stable code, a severity, a position, the path in the document, and a
 * message that says how to fix the mistake. The table below is the single list of codes (the docs and the
 * tests read it); `DiagnosticCode` is derived from it, so reporting a code that is not in the table does not
 * compile.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Where in the document, e.g. "services[3].capacity". */
  path: string;
  message: string;
  /** Another place the mistake involves (the first definition of a duplicate id). */
  related?: { line: number; column: number; message: string };
}

export interface CodeInfo {
  severity: Severity;
  title: string;
  fix: string;
}

export const DIAGNOSTIC_CODES = {
  SCN001: {
    severity: 'error',
    title: 'YAML syntax error',
    fix: 'Check indentation, colons and quotes at the position given.',
  },
  SCN002: {
    severity: 'error',
    title: 'File too large',
    fix: 'A scenario must be under 1 MB (1 million characters); remove generated content or split the city.',
  },
  SCN003: {
    severity: 'error',
    title: 'YAML alias not allowed',
    fix: 'Anchors and aliases (&a / *a) are limited to stop "billion laughs" files, and an alias cannot stand inside the value its anchor names; write the content out.',
  },
  SCN004: {
    severity: 'error',
    title: 'Not a scenario document',
    fix: 'The file must be a mapping with `format: 1` at the top level.',
  },
  SCN005: { severity: 'error', title: 'Unsupported format version', fix: 'Write `format: 1`.' },
  SCN006: {
    severity: 'error',
    title: 'Nested too deeply',
    fix: 'Lists and mappings may nest at most 100 deep (a scenario needs about 10); close the brackets or reduce the indentation where the message points.',
  },
  SCN010: {
    severity: 'error',
    title: 'Unknown field',
    fix: 'Remove the field or correct its spelling (the message suggests the closest known field).',
  },
  SCN011: { severity: 'error', title: 'Missing field', fix: 'Add the required field.' },
  SCN012: {
    severity: 'error',
    title: 'Wrong type of value',
    fix: 'Write a value of the expected type (a number without quotes, a list with "- ", ...).',
  },
  SCN013: {
    severity: 'error',
    title: 'Value out of range',
    fix: 'Write a value within the allowed range given in the message.',
  },
  SCN014: {
    severity: 'error',
    title: 'Not one of the allowed values',
    fix: 'Use one of the values listed in the message.',
  },
  SCN015: {
    severity: 'error',
    title: 'Badly formed value',
    fix: 'Follow the format given in the message (ids: lowercase letters, digits, dashes).',
  },
  SCN016: {
    severity: 'error',
    title: 'Text too long for the screen',
    fix: 'Shorten the text to the limit given; players read it on a projector.',
  },
  SCN017: {
    severity: 'error',
    title: 'Too few or too many items',
    fix: 'Add or remove list items to fit the limits in the message.',
  },
  SCN018: {
    severity: 'error',
    title: 'Unknown effect type',
    fix: 'Use one of the effect types listed in the message.',
  },
  SCN020: {
    severity: 'error',
    title: 'Duplicate id',
    fix: 'Give each item its own id; the message points at both.',
  },
  SCN021: {
    severity: 'error',
    title: 'Unknown service',
    fix: 'Use the id of a service defined under `services` (see the suggestion).',
  },
  SCN022: {
    severity: 'error',
    title: 'Unknown attack',
    fix: 'Use the id of an attack defined under `attacks`.',
  },
  SCN023: {
    severity: 'error',
    title: 'Unknown inject',
    fix: 'Use the id of an inject defined under `injects`.',
  },
  SCN024: {
    severity: 'error',
    title: 'Unknown mitigation',
    fix: 'Use a mitigation id from the built-in catalogue or from `mitigations.add`.',
  },
  SCN025: {
    severity: 'error',
    title: 'Unknown region',
    fix: 'Use a region listed under `regions` (default: domestic, foreign).',
  },
  SCN065: {
    severity: 'error',
    title: 'Unknown workaround',
    fix: 'Use the id of a workaround defined under `workarounds`.',
  },
  SCN026: {
    severity: 'error',
    title: 'Unknown segment',
    fix: 'Use the id of a segment defined under `segments`.',
  },
  SCN027: {
    severity: 'error',
    title: 'Unknown rumour',
    fix: 'Use the id of a rumour defined under `rumours`.',
  },
  SCN028: {
    severity: 'error',
    title: 'Unknown stakeholder',
    fix: 'Use a stakeholder id from `people.stakeholders` (default: public, media, regulator, partners).',
  },
  SCN029: {
    severity: 'error',
    title: 'Unknown channel',
    fix: 'Use a built-in channel id: social, sms, press, banner, call-script, regulator, partners.',
  },
  SCN030: {
    severity: 'error',
    title: 'Dependency cycle',
    fix: 'Load flows one way along dependencies; break the cycle (model a two-way link as its own service).',
  },
  SCN031: { severity: 'error', title: 'Service depends on itself', fix: 'Remove the dependency.' },
  SCN032: { severity: 'error', title: 'Duplicate dependency', fix: 'Keep one entry per pair of services.' },
  SCN040: {
    severity: 'error',
    title: 'Inject can never fire',
    fix: 'Move its time before the end of the drill, or extend `clock.duration`.',
  },
  SCN041: {
    severity: 'error',
    title: 'Invalid condition',
    fix: 'Fix the expression as the message says; see the expression reference in docs/authoring.md.',
  },
  SCN042: {
    severity: 'error',
    title: 'Trigger needs exactly one kind',
    fix: 'Give a trigger exactly one of `at`, `when`, `after` or `chance`.',
  },
  SCN043: {
    severity: 'error',
    title: 'Chance without interval',
    fix: 'A `chance` trigger also needs `every` (how often to roll).',
  },
  SCN044: {
    severity: 'warning',
    title: 'Follow-up inject never used',
    fix: 'Reference it from a `fire` effect or a prompt option, or remove `followUpOnly`.',
  },
  SCN045: {
    severity: 'error',
    title: 'Option without effects',
    fix: 'Give every prompt option at least one effect (a feed post is enough).',
  },
  SCN046: {
    severity: 'error',
    title: 'More than one default option',
    fix: 'Mark at most one option `default: true`.',
  },
  SCN047: {
    severity: 'warning',
    title: 'Attack keyframes out of order or past the end',
    fix: 'List intensity points in increasing time within the drill.',
  },
  SCN048: {
    severity: 'error',
    title: 'Attack effect incomplete',
    fix: '`escalate` needs `factor`; `shift` needs `target`.',
  },
  SCN049: {
    severity: 'error',
    title: 'Shares add up to more than 1',
    fix: 'Region shares are fractions of one whole; make them sum to at most 1.',
  },
  SCN050: {
    severity: 'warning',
    title: 'Unknown mitigation parameter',
    fix: 'Use a parameter this kind of mitigation reads (listed in the message).',
  },
  SCN051: {
    severity: 'error',
    title: 'Inject fires itself',
    fix: 'A `fire` chain leads back to the same inject; break the loop.',
  },
  SCN052: {
    severity: 'error',
    title: 'Condition refers to something that does not exist',
    fix: 'Use an id defined in this scenario (see the suggestion); as written the inject could never fire.',
  },
  SCN053: {
    severity: 'error',
    title: 'Condition must be true or false',
    fix: 'Compare the value, e.g. `service("x").availability < 0.5`.',
  },
  SCN060: {
    severity: 'warning',
    title: 'No critical service',
    fix: 'Mark the services that matter most `critical: true`; scoring uses them.',
  },
  SCN061: {
    severity: 'error',
    title: 'Wrong target for this mitigation',
    fix: 'Only the service kinds listed in the message may be targeted.',
  },
  SCN062: {
    severity: 'error',
    title: 'Workaround goes nowhere',
    fix: 'A workaround moves demand from one service to another: `from` and `to` must differ.',
  },
  SCN063: {
    severity: 'warning',
    title: 'Workaround nobody can use',
    fix: 'No segment in `segments` needs the `from` service; point it at a service customers use.',
  },
  SCN064: {
    severity: 'error',
    title: 'Missing public stakeholder',
    fix: 'The first stakeholder must be of kind `public` (trust and scoring read it).',
  },
  SCN066: {
    severity: 'error',
    title: 'Bad balance rule',
    fix: 'A `balance.expert` or `balance.panic` rule needs a `when` that is a boolean expression (as in an inject trigger) and a `do` written as in a command log.',
  },
  SCN070: {
    severity: 'error',
    title: 'Tutorial step waits for nothing, or for two things',
    fix: 'Give `step.until` exactly one of `select`, `order`, `statement`, `announce` or `when` (`on` goes with `order`).',
  },
  SCN071: {
    severity: 'error',
    title: 'Tutorial step without words',
    fix: "A step shows the text of its inject's `feed` effect: add one saying what to do and where.",
  },
  SCN072: {
    severity: 'error',
    title: 'Tutorial step that repeats',
    fix: 'A step is done once: remove `repeat` from the inject (or drop `step`).',
  },
  SCN073: {
    severity: 'error',
    title: 'Unknown language',
    fix: 'Use a language id listed under `languages` (default: en, sw), or add the language there.',
  },
  SCN074: {
    severity: 'error',
    title: 'Component no service uses',
    fix: 'A `supply-chain-update` names a component listed in the `uses` of the services built on it; add it there or correct the name.',
  },
  SCN099: {
    severity: 'error',
    title: 'Too many problems',
    fix: 'Fix the ones listed first; the rest were not reported.',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

// The list that collects diagnostics is its own module: building a scenario on the page needs it, and not this
// table of every code's title and fix (src/scenario/precompiled.ts).
export {
  DiagnosticList,
  MAX_DIAGNOSTICS,
  MAX_MESSAGE_CHARS,
  MAX_QUOTED_CHARS,
  quoteText,
  WARNING_CODES,
} from './diagnosticList';

export function formatDiagnostic(d: Diagnostic): string {
  const related = d.related
    ? ` (see ${d.file}:${d.related.line}:${d.related.column}: ${d.related.message})`
    : '';
  return `${d.file}:${d.line}:${d.column}  ${d.code}  ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}${related}`;
}
