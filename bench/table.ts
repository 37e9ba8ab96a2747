/** Plain-text tables for the terminal (and, with `markdownTable`, for BENCHMARKS.md). */

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table. */
  notes?: string[];
}

export function textTable(t: Table): string {
  const widths = t.columns.map((c, i) => Math.max(c.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  // Numbers read best right-aligned; the first column holds labels.
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [t.title, line(t.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)];
  for (const note of t.notes ?? []) out.push(`  ${note}`);
  return out.join('\n');
}

export function markdownTable(t: Table): string {
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const align = t.columns.map((_, i) => (i === 0 ? ':--' : '--:'));
  return [row(t.columns), row(align), ...t.rows.map(row)].join('\n');
}

/** Fixed decimals, with thin grouping for big numbers (1 234 567). */
export function fmt(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return String(value);
  const [int, frac] = value.toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}
