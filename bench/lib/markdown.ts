/** Markdown output of benchmarks: tables and number formats. */

export type Cell = string | number;

/** Column alignments of a Markdown table: `l` left, `r` right. */
export type Alignment = 'l' | 'r';

/**
 * A Markdown table; by default the first column (labels) left-aligned and the others (numbers)
 * right-aligned.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  alignments: readonly Alignment[] = headers.map((_, column) => (column === 0 ? 'l' : 'r')),
): string {
  const escape = (cell: Cell) => String(cell).replace(/\|/g, '\\|');
  const lines = [
    `| ${headers.map(escape).join(' | ')} |`,
    `| ${headers.map((_, column) => (alignments[column] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** Milliseconds with a precision that suits their size: 0.42, 3.1, 27. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return ms.toFixed(2);
  if (ms < 10) return ms.toFixed(1);
  return ms.toFixed(0);
}

export function formatSeconds(ms: number): string {
  return Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '–';
}

/** A share as a percentage with one decimal: 97.3%. */
export function formatPercent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
}

export function formatInteger(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}

/** ✓ or ✗ for a target. */
export function verdict(isMet: boolean | undefined): string {
  return isMet === undefined ? '' : isMet ? '✓' : '✗';
}
