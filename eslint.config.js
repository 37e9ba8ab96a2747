// ESLint flat config for Cascade (ESLint 9 + typescript-eslint 8).
//
// Linting is deliberately NOT type-aware (no parserOptions.project) so `npm run lint` stays fast.
//
// Architectural BOUNDARIES are enforced here with the core `no-restricted-*` rules:
//
//   * src/engine/** and src/scenario/** are the deterministic, seeded simulation core. They must
//     not touch Phaser, zustand, the store, the UI, scenes, wall-clock time, timers, randomness
//     outside the seeded RNG, the DOM, storage, or dynamic code evaluation.
//   * src/run/** (records, replays, reports, what-if, saves, share links) is pure in the same way: it
//     runs in Node, in a Web Worker and in the browser alike, so it gets the same restrictions.
//   * The outer layers (src/ui, scenes, src/store, src/run, src/workers) use the engine only through
//     its public surface, src/engine/index.ts: no deep imports of engine internals.
//   * src/store/** must not use Math.random (use the seeded RNG).
//   * Everywhere in src/** and scenes/**: no eval / new Function, and no HTML sinks
//     (innerHTML/outerHTML assignment, insertAdjacentHTML, document.write, Phaser's createFromHTML):
//     scenario text is untrusted and must be inserted as text.
//   * Node-side code (tests, scripts, bench, CLI) must never import Phaser.
//
// NOTE: in flat config a later block that sets the same rule REPLACES the earlier setting (options are
// not merged), so the stricter blocks below re-include the general restrictions.
// test/lint/boundaries.test.ts proves that each boundary rule fires.

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_JS = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const UI_SIDE = [`src/${TS_JS}`, `scenes/${TS_JS}`];
const CORE = [`src/engine/${TS_JS}`, `src/scenario/${TS_JS}`];
/** Pure outer layers: what happens after the drill (src/run) and the studio's editor logic (src/studio). */
const RUN = [`src/run/${TS_JS}`, `src/studio/${TS_JS}`];
/** Layers that must reach the engine through src/engine/index.ts only. */
const OUTER = [
  `src/ui/${TS_JS}`,
  `scenes/${TS_JS}`,
  `src/store/${TS_JS}`,
  `src/run/${TS_JS}`,
  `src/studio/${TS_JS}`,
  `src/workers/${TS_JS}`,
];
const STORE = [`src/store/${TS_JS}`];
const NODE_SIDE = [
  `src/cli/${TS_JS}`,
  `bench/${TS_JS}`,
  `scripts/${TS_JS}`,
  `test/${TS_JS}`,
  '*.{js,mjs,cjs,ts,mts,cts}', // root config files (eslint/vite/vitest configs)
];

// ---------------------------------------------------------------------------------------------
// General restrictions for everything in src/** and scenes/**
// ---------------------------------------------------------------------------------------------

const HTML_SINK =
  'Untrusted (scenario) text must be inserted as text: use textContent / Phaser Text, not HTML.';

const generalSyntax = [
  {
    selector:
      "AssignmentExpression[left.type='MemberExpression'][left.property.name=/^(innerHTML|outerHTML)$/]",
    message: `Do not assign innerHTML/outerHTML. ${HTML_SINK}`,
  },
  {
    selector:
      "AssignmentExpression[left.type='MemberExpression'][left.property.value=/^(innerHTML|outerHTML)$/]",
    message: `Do not assign innerHTML/outerHTML. ${HTML_SINK}`,
  },
  {
    selector:
      "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(insertAdjacentHTML|createFromHTML|setHTMLUnsafe)$/]",
    message: `HTML-injecting APIs are forbidden. ${HTML_SINK}`,
  },
  // eval / new Function / Function(...) are covered by the core rules no-eval, no-implied-eval and
  // no-new-func (enabled for every file in 'cascade/base').
];

const generalProperties = [
  { object: 'document', property: 'write', message: `document.write is forbidden. ${HTML_SINK}` },
  { object: 'document', property: 'writeln', message: `document.writeln is forbidden. ${HTML_SINK}` },
  { object: 'window', property: 'eval', message: 'eval is forbidden.' },
  { object: 'globalThis', property: 'eval', message: 'eval is forbidden.' },
];

// ---------------------------------------------------------------------------------------------
// Deterministic core (src/engine/**, src/scenario/**)
// ---------------------------------------------------------------------------------------------

const CORE_WHY = 'src/engine and src/scenario must stay pure, deterministic and runnable in Node';
const RUN_WHY =
  'src/run and src/studio must stay pure: they run in Node, in a Web Worker and in the browser alike';

/** Globals the deterministic core may not touch, with the reason shown in the lint message. */
const coreBannedGlobals = {
  Date: 'wall-clock time is non-deterministic; take time/ticks as input',
  performance: 'wall-clock time is non-deterministic; take time/ticks as input',
  setTimeout: 'timers belong to the UI/scene layer; the engine advances by explicit ticks',
  setInterval: 'timers belong to the UI/scene layer; the engine advances by explicit ticks',
  setImmediate: 'timers belong to the UI/scene layer; the engine advances by explicit ticks',
  clearTimeout: 'timers belong to the UI/scene layer; the engine advances by explicit ticks',
  clearInterval: 'timers belong to the UI/scene layer; the engine advances by explicit ticks',
  clearImmediate: 'timers belong to the UI/scene layer; the engine advances by explicit ticks',
  requestAnimationFrame: 'frame scheduling belongs to the UI/scene layer',
  cancelAnimationFrame: 'frame scheduling belongs to the UI/scene layer',
  queueMicrotask: 'async scheduling makes the simulation order-dependent',
  window: 'no DOM/browser access in the core',
  document: 'no DOM/browser access in the core',
  navigator: 'no DOM/browser access in the core',
  localStorage: 'persistence belongs to the store layer',
  sessionStorage: 'persistence belongs to the store layer',
  indexedDB: 'persistence belongs to the store layer',
  crypto: 'randomness must come from the seeded RNG',
  eval: 'dynamic code evaluation is forbidden',
  Function: 'the Function constructor is dynamic code evaluation',
};

const pureGlobals = (layer) =>
  Object.entries(coreBannedGlobals).map(([name, why]) => ({
    name,
    message: `${name} is forbidden here: ${why} (${layer}).`,
  }));

const pureProperties = (layer) => [
  ...generalProperties,
  {
    object: 'Math',
    property: 'random',
    message: `Math.random is forbidden: use the seeded RNG (${layer}).`,
  },
  // Block the obvious `globalThis.X` / `window.X` / `self.X` escape hatches.
  ...['globalThis', 'self', 'window', 'global'].flatMap((object) =>
    Object.keys(coreBannedGlobals)
      .filter((property) => !(object === 'window' && property === 'eval'))
      .map((property) => ({
        object,
        property,
        message: `${object}.${property} is forbidden here (${layer}).`,
      })),
  ),
];

// A path segment named store / ui / scenes (relative `../store/x`, aliased `src/ui`, `@/scenes` ...).
const LAYER_SEGMENT_RE = '(^|/)(store|ui|scenes)(\\.[cm]?[jt]sx?)?(/|$)';

// An engine module other than its public surface: `../engine/workarounds`, `../../src/engine/sim.ts`...
// (`../engine` and `../engine/index` are the surface and are allowed).
const ENGINE_INTERNAL_RE = '(^|/)engine/(?!index(\\.[cm]?[jt]sx?)?$)[^/]';
const ENGINE_SURFACE =
  'use the engine through its public surface, src/engine/index.ts (export what you need there)';

const deepEngineImport = {
  regex: ENGINE_INTERNAL_RE,
  message: `No deep imports of engine internals: ${ENGINE_SURFACE}.`,
};

const pureImports = (layer, extraPatterns = []) => ({
  paths: [
    { name: 'phaser', message: `Phaser is forbidden here (${layer}).` },
    { name: 'zustand', message: `zustand is forbidden here; state lives in src/store (${layer}).` },
  ],
  patterns: [
    { group: ['phaser/*'], message: `Phaser is forbidden here (${layer}).` },
    {
      group: ['zustand/*'],
      message: `zustand is forbidden here; state lives in src/store (${layer}).`,
    },
    {
      regex: LAYER_SEGMENT_RE,
      message: `No imports from src/store, src/ui or scenes: dependencies point inward (${layer}).`,
    },
    ...extraPatterns,
  ],
});

const pureSyntax = (layer) => [
  ...generalSyntax,
  {
    // import('phaser'), import('zustand/vanilla') ...  (esquery regexes cannot contain a slash: \u002F)
    selector: 'ImportExpression[source.value=/^(phaser|zustand)($|\\u002F)/]',
    message: `Dynamic import of phaser/zustand is forbidden here (${layer}).`,
  },
  {
    selector: 'ImportExpression[source.value=/(^|\\u002F)(store|ui|scenes)(\\.[cm]?[jt]sx?)?($|\\u002F)/]',
    message: `No imports from src/store, src/ui or scenes (${layer}).`,
  },
  {
    selector: "CallExpression[callee.name='require']",
    message: `require() is forbidden here; use static ES imports (${layer}).`,
  },
];

// ---------------------------------------------------------------------------------------------
// Node-side code must never load Phaser (it needs a real browser).
// ---------------------------------------------------------------------------------------------

const NO_PHASER_IN_NODE =
  'Phaser needs a browser; it must never be imported in Node (tests, CLI, scripts, bench).';
const nodeImports = {
  paths: [{ name: 'phaser', message: NO_PHASER_IN_NODE }],
  patterns: [{ group: ['phaser/*'], message: NO_PHASER_IN_NODE }],
};

export default defineConfig(
  {
    name: 'cascade/ignores',
    ignores: ['dist/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**', '.vite/**'],
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'cascade/base',
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },

  // --- environments ---------------------------------------------------------------------------
  {
    name: 'cascade/browser-globals',
    files: UI_SIDE,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'cascade/node-globals',
    files: NODE_SIDE,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Browser tests run in Node but pass callbacks into page.evaluate(), which run in the page.
    name: 'cascade/browser-test-globals',
    files: [`test/browser/${TS_JS}`],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // --- boundaries -----------------------------------------------------------------------------
  {
    name: 'cascade/boundaries/src-and-scenes',
    files: UI_SIDE,
    rules: {
      'no-restricted-syntax': ['error', ...generalSyntax],
      'no-restricted-properties': ['error', ...generalProperties],
    },
  },
  {
    name: 'cascade/boundaries/store',
    files: STORE,
    rules: {
      'no-restricted-properties': [
        'error',
        ...generalProperties,
        {
          object: 'Math',
          property: 'random',
          message: 'Math.random is forbidden in src/store: use the seeded RNG.',
        },
      ],
    },
  },
  {
    name: 'cascade/boundaries/outer-layers-use-the-engine-surface',
    files: OUTER,
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepEngineImport] }],
    },
  },
  {
    name: 'cascade/boundaries/core',
    files: CORE,
    rules: {
      'no-restricted-imports': ['error', pureImports(CORE_WHY)],
      'no-restricted-globals': ['error', ...pureGlobals(CORE_WHY)],
      'no-restricted-properties': ['error', ...pureProperties(CORE_WHY)],
      'no-restricted-syntax': ['error', ...pureSyntax(CORE_WHY)],
    },
  },
  {
    // After the outer-layer block: this replaces its no-restricted-imports, so it repeats the deep-import ban.
    name: 'cascade/boundaries/run',
    files: RUN,
    rules: {
      'no-restricted-imports': ['error', pureImports(RUN_WHY, [deepEngineImport])],
      'no-restricted-globals': ['error', ...pureGlobals(RUN_WHY)],
      'no-restricted-properties': ['error', ...pureProperties(RUN_WHY)],
      'no-restricted-syntax': ['error', ...pureSyntax(RUN_WHY)],
    },
  },
  {
    name: 'cascade/boundaries/node-no-phaser',
    files: NODE_SIDE.filter((glob) => !glob.startsWith('*.')),
    rules: {
      'no-restricted-imports': ['error', nodeImports],
    },
  },
);
