// Proves that the architectural boundary rules in eslint.config.js actually fire.
// Each snippet is linted as if it lived at `filePath` (the file does not need to exist).
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(code: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`snippet did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages;
}

function ruleIds(messages: Linter.LintMessage[]): string[] {
  return messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? '(none)');
}

type Case = { name: string; file: string; code: string; rule: string };

const violations: Case[] = [
  // --- deterministic core: imports ---------------------------------------------------------
  {
    name: 'engine imports phaser',
    file: 'src/engine/x.ts',
    code: "import Phaser from 'phaser';\nexport const p = Phaser;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'engine imports a phaser subpath',
    file: 'src/engine/x.ts',
    code: "import { Math as PM } from 'phaser/src/phaser';\nexport const p = PM;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'engine imports zustand/vanilla',
    file: 'src/engine/x.ts',
    code: "import { createStore } from 'zustand/vanilla';\nexport const s = createStore;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'scenario imports zustand',
    file: 'src/scenario/x.ts',
    code: "import { create } from 'zustand';\nexport const s = create;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'engine imports ../store',
    file: 'src/engine/x.ts',
    code: "import { useGame } from '../store/game';\nexport const s = useGame;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'nested engine file imports ../../ui',
    file: 'src/engine/sim/x.ts',
    code: "import { hud } from '../../ui';\nexport const h = hud;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'scenario type-imports from scenes',
    file: 'src/scenario/x.ts',
    code: "import type { MainScene } from '../../scenes/MainScene';\nexport type S = MainScene;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'engine re-exports from ../store',
    file: 'src/engine/x.ts',
    code: "export { useGame } from '../store/game';\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'engine dynamically imports phaser',
    file: 'src/engine/x.ts',
    code: "export const load = () => import('phaser');\n",
    rule: 'no-restricted-syntax',
  },
  // --- deterministic core: non-determinism and host APIs -----------------------------------
  {
    name: 'engine uses Math.random',
    file: 'src/engine/x.ts',
    code: 'export const r = Math.random();\n',
    rule: 'no-restricted-properties',
  },
  {
    name: 'engine destructures Math.random',
    file: 'src/engine/x.ts',
    code: 'const { random } = Math;\nexport const r = random();\n',
    rule: 'no-restricted-properties',
  },
  {
    name: 'engine uses Date.now',
    file: 'src/engine/x.ts',
    code: 'export const t = Date.now();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses new Date()',
    file: 'src/engine/x.ts',
    code: 'export const d = new Date();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'scenario uses performance.now',
    file: 'src/scenario/x.ts',
    code: 'export const t = performance.now();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses setTimeout',
    file: 'src/engine/x.ts',
    code: 'setTimeout(() => undefined, 10);\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses setInterval',
    file: 'src/engine/x.ts',
    code: 'setInterval(() => undefined, 10);\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses requestAnimationFrame',
    file: 'src/engine/x.ts',
    code: 'requestAnimationFrame(() => undefined);\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses queueMicrotask',
    file: 'src/engine/x.ts',
    code: 'queueMicrotask(() => undefined);\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses globalThis.setTimeout',
    file: 'src/engine/x.ts',
    code: 'globalThis.setTimeout(() => undefined, 10);\n',
    rule: 'no-restricted-properties',
  },
  {
    name: 'engine uses document',
    file: 'src/engine/x.ts',
    code: 'export const title = document.title;\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses window',
    file: 'src/engine/x.ts',
    code: 'export const w = window.innerWidth;\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'scenario uses localStorage',
    file: 'src/scenario/x.ts',
    code: "export const saved = localStorage.getItem('k');\n",
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses eval',
    file: 'src/engine/x.ts',
    code: "export const v = eval('1 + 1');\n",
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses the Function constructor',
    file: 'src/engine/x.ts',
    code: "export const f = new Function('return 1');\n",
    rule: 'no-restricted-globals',
  },
  // --- src/run: pure like the core ------------------------------------------------------------
  {
    name: 'run imports zustand',
    file: 'src/run/x.ts',
    code: "import { createStore } from 'zustand/vanilla';\nexport const s = createStore;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'run imports phaser',
    file: 'src/run/x.ts',
    code: "import Phaser from 'phaser';\nexport const p = Phaser;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'run imports the store',
    file: 'src/run/x.ts',
    code: "import { createGameStore } from '../store';\nexport const g = createGameStore;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'run uses document',
    file: 'src/run/x.ts',
    code: 'export const title = document.title;\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'run uses localStorage',
    file: 'src/run/x.ts',
    code: "export const saved = localStorage.getItem('k');\n",
    rule: 'no-restricted-globals',
  },
  {
    name: 'run uses Date.now',
    file: 'src/run/x.ts',
    code: 'export const t = Date.now();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'run uses Math.random',
    file: 'src/run/x.ts',
    code: 'export const r = Math.random();\n',
    rule: 'no-restricted-properties',
  },
  // --- outer layers reach the engine through src/engine/index.ts only --------------------------
  {
    name: 'ui deep-imports an engine module',
    file: 'src/ui/x.ts',
    code: "import { workaroundApplies } from '../engine/workarounds';\nexport const w = workaroundApplies;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'nested ui file type-imports an engine module',
    file: 'src/ui/report/x.ts',
    code: "import type { Sim } from '../../engine/sim';\nexport type S = Sim;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'scene deep-imports an engine module',
    file: 'scenes/Main.ts',
    code: "import { VECTOR_COUNT } from '../src/engine/runtime.ts';\nexport const n = VECTOR_COUNT;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'store deep-imports an engine module',
    file: 'src/store/x.ts',
    code: "export { withRng } from '../engine/rng';\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'run deep-imports an engine module',
    file: 'src/run/x.ts',
    code: "import { recomputeModifiers } from '../engine/modifiers';\nexport const r = recomputeModifiers;\n",
    rule: 'no-restricted-imports',
  },
  // --- store ---------------------------------------------------------------------------------
  {
    name: 'store uses Math.random',
    file: 'src/store/x.ts',
    code: 'export const r = Math.random();\n',
    rule: 'no-restricted-properties',
  },
  // --- everywhere in src/** and scenes/**: HTML sinks and dynamic code ----------------------
  {
    name: 'ui assigns innerHTML',
    file: 'src/ui/x.ts',
    code: 'export function show(el: HTMLElement, text: string) {\n  el.innerHTML = text;\n}\n',
    rule: 'no-restricted-syntax',
  },
  {
    name: 'ui appends to innerHTML',
    file: 'src/ui/x.ts',
    code: 'export function show(el: HTMLElement, text: string) {\n  el.innerHTML += text;\n}\n',
    rule: 'no-restricted-syntax',
  },
  {
    name: "ui assigns el['outerHTML']",
    file: 'src/ui/x.ts',
    code: "export function show(el: HTMLElement, text: string) {\n  el['outerHTML'] = text;\n}\n",
    rule: 'no-restricted-syntax',
  },
  {
    name: 'scene calls insertAdjacentHTML',
    file: 'scenes/Main.ts',
    code: "export function show(el: HTMLElement, text: string) {\n  el.insertAdjacentHTML('beforeend', text);\n}\n",
    rule: 'no-restricted-syntax',
  },
  {
    name: 'ui calls document.write',
    file: 'src/ui/x.ts',
    code: "document.write('<p>hi</p>');\n",
    rule: 'no-restricted-properties',
  },
  {
    name: 'ui uses eval',
    file: 'src/ui/x.ts',
    code: "export const v = eval('1');\n",
    rule: 'no-eval',
  },
  {
    name: 'scene uses new Function',
    file: 'scenes/Main.ts',
    code: "export const f = new Function('return 1');\n",
    rule: 'no-new-func',
  },
  // --- Node side never imports Phaser ---------------------------------------------------------
  {
    name: 'unit test imports phaser',
    file: 'test/engine/x.test.ts',
    code: "import Phaser from 'phaser';\nexport const p = Phaser;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'CLI imports phaser',
    file: 'src/cli/x.ts',
    code: "import Phaser from 'phaser';\nexport const p = Phaser;\n",
    rule: 'no-restricted-imports',
  },
];

describe('eslint boundary rules', () => {
  it.each(violations)('$name -> $rule', async ({ file, code, rule }) => {
    const messages = await lint(code, file);
    expect(ruleIds(messages)).toContain(rule);
  });

  it('accepts a clean engine module (seeded RNG, zod, pure functions) with zero messages', async () => {
    const code = [
      "import seedrandom from 'seedrandom';",
      "import { z } from 'zod';",
      "import type { Tick } from './types';",
      '',
      'export const Event = z.object({ at: z.number().int(), kind: z.string() });',
      'export type Event = z.infer<typeof Event>;',
      '',
      'export function step(state: { tick: Tick; log: string[] }, seed: string, _dtMs: number) {',
      '  const rng = seedrandom(`${seed}:${state.tick}`);',
      '  const roll = Math.floor(rng() * 6) + Math.max(0, Math.min(1, 2));',
      '  return { ...state, tick: state.tick + 1, log: [...state.log, `roll ${roll}`] };',
      '}',
      '',
    ].join('\n');
    const messages = await lint(code, 'src/engine/clean.ts');
    expect(messages).toEqual([]);
  });

  it('allows the UI layer to use the DOM, timers and textContent', async () => {
    const code = [
      'export function show(el: HTMLElement, text: string): number {',
      '  el.textContent = text;',
      '  return window.setTimeout(() => el.classList.add(String(Date.now())), 100);',
      '}',
      '',
    ].join('\n');
    const messages = await lint(code, 'src/ui/banner.ts');
    expect(messages).toEqual([]);
  });

  it('lets the outer layers import the engine through its public surface', async () => {
    for (const [file, source] of [
      ['src/ui/panel.ts', '../engine'],
      ['src/ui/report/panel.ts', '../../engine/index'],
      ['scenes/Map.ts', '../src/engine/index.ts'],
      ['src/run/report.ts', '../engine'],
    ] as const) {
      const code = `import { step } from '${source}';\nexport const s = step;\n`;
      expect(await lint(code, file), `${file} importing ${source}`).toEqual([]);
    }
  });

  it('accepts a clean src/run module (engine surface, zod, pure functions) with zero messages', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { elapsedClock, type LoggedCommand } from '../engine';",
      "import { scenarioHash } from './record';",
      '',
      'export const Entry = z.object({ tick: z.number().int() });',
      'export const label = (c: LoggedCommand): string => `${elapsedClock(c.tick)} ${scenarioHash.name}`;',
      '',
    ].join('\n');
    expect(await lint(code, 'src/run/clean.ts')).toEqual([]);
  });

  it('reports unused variables except _-prefixed arguments', async () => {
    const messages = await lint(
      'export function f(_unused: number, used: number) {\n  return used;\n}\n',
      'src/engine/f.ts',
    );
    expect(messages).toEqual([]);
    const bad = await lint(
      'export function f(unused: number) {\n  const x = 1;\n  return 0;\n}\n',
      'src/engine/f.ts',
    );
    expect(ruleIds(bad)).toEqual(['@typescript-eslint/no-unused-vars', '@typescript-eslint/no-unused-vars']);
  });
});
