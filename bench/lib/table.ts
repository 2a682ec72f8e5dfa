export type Cell = string | number | undefined;

const fmt = (v: Cell): string => {
  if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '–';
  if (typeof v === 'string') return v;
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
};

/** A plain-text table with a header rule; numbers right-aligned. */
export function renderTable(header: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(fmt));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[], numeric: boolean[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join(' │ ')
      .trimEnd();
  const numericOf = (r: Cell[]) => header.map((_, i) => typeof r[i] === 'number');
  return [
    line(
      header,
      header.map(() => false),
    ),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...text.map((r, i) => line(r, numericOf(rows[i]!))),
  ].join('\n');
}

export const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0
    ? undefined
    : `${(a / b).toFixed(2)}×`;
