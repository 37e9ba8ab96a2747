/**
 * What scenes share, through the Phaser game registry (set once in src/main.ts): the session store, the flags
 * and, in tests, the read-only test hook. No global event bus: scenes read stores and issue commands.
 */
import type Phaser from 'phaser';
import type { SessionStore } from '../src/store';
import type { CascadeTestHook } from '../src/ui/testHook';

export const REGISTRY = {
  session: 'cascade.session',
  defaultScenario: 'cascade.defaultScenario',
  testHook: 'cascade.testHook',
} as const;

export function sessionOf(scene: Phaser.Scene): SessionStore {
  const session = scene.registry.get(REGISTRY.session) as SessionStore | undefined;
  if (!session) throw new Error('the session store is not in the game registry (see src/main.ts)');
  return session;
}

export function testHookOf(scene: Phaser.Scene): CascadeTestHook | undefined {
  return scene.registry.get(REGISTRY.testHook) as CascadeTestHook | undefined;
}
