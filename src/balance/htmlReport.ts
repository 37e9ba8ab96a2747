/** A self-contained HTML page of histograms (one per policy, totals in 5-point bins): no script, no network. */

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function htmlReport(title: string, policies: { name: string; totals: number[] }[]): string {
  const bins = 20;
  const sections = policies.map(({ name, totals }) => {
    const counts = new Array<number>(bins).fill(0);
    for (const t of totals) counts[Math.min(bins - 1, Math.max(0, Math.floor(t / 5)))]!++;
    const max = Math.max(1, ...counts);
    const bars = counts
      .map((c, i) => {
        const h = Math.round((c / max) * 100);
        return `<rect x="${i * 20}" y="${110 - h}" width="18" height="${h}"><title>${i * 5}–${i * 5 + 5}: ${c}</title></rect>`;
      })
      .join('');
    return `<section><h2>${escape(name)} (${totals.length} seeds)</h2><svg viewBox="0 -5 400 135" width="400" height="135" role="img" aria-label="histogram of totals for ${escape(name)}">${bars}<text x="0" y="128">0</text><text x="190" y="128">50</text><text x="380" y="128">100</text></svg></section>`;
  });
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Balance: ${escape(title)}</title><style>body{font:14px sans-serif;margin:2rem}rect{fill:#3a7bd5}section{display:inline-block;margin:0 2rem 1rem 0}</style><h1>Balance: ${escape(title)}</h1>${sections.join('')}</html>\n`;
}
