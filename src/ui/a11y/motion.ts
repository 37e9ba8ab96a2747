/**
 * `prefers-reduced-motion`, for the parts of the game that move. The CSS side is a11y.css (transitions and
 * animations off); the flag `data-reduced-motion` on <html> follows the setting live, and `prefersReducedMotion()`
 * is what a scene should read before animating (the City's moving request dots, for instance).
 */
import './a11y.css';

const QUERY = '(prefers-reduced-motion: reduce)';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia(QUERY).matches;
}

export function trackReducedMotion(root: HTMLElement = document.documentElement): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const media = matchMedia(QUERY);
  const apply = () => {
    root.dataset.reducedMotion = String(media.matches);
  };
  apply();
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
