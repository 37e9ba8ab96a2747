/**
 * The shipped scenarios, as URLs Vite emits next to the bundle (`?url`): the Preloader fetches them through
 * Phaser's loader, so its progress bar shows real progress, and the build serves them from its own origin.
 * Each comes with its precompiled document (scripts/vite/precompiledScenarios.ts), so the page does not
 * need the compiler to offer it.
 */
import PRECOMPILED from 'virtual:precompiled-scenarios';

const urls = import.meta.glob('../../scenarios/*.yaml', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface ShippedFile {
  fileName: string;
  url: string;
  /** Absent only if the build had no document for it: the text is compiled then. */
  precompiledUrl?: string;
}

export const SHIPPED_SCENARIOS: ShippedFile[] = Object.entries(urls)
  .map(([path, url]) => {
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    return { fileName, url, precompiledUrl: PRECOMPILED[fileName] };
  })
  .sort((a, b) => a.fileName.localeCompare(b.fileName));
