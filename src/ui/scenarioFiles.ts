/**
 * The shipped scenarios, as URLs Vite emits next to the bundle (`?url`): the Preloader fetches them through
 * Phaser's loader, so its progress bar shows real progress, and the build serves them from its own origin.
 */
const urls = import.meta.glob('../../scenarios/*.yaml', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface ShippedFile {
  fileName: string;
  url: string;
}

export const SHIPPED_SCENARIOS: ShippedFile[] = Object.entries(urls)
  .map(([path, url]) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), url }))
  .sort((a, b) => a.fileName.localeCompare(b.fileName));
