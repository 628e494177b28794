/**
 * Page geometry, type sizes and colours of the PDF report. Units are PDF points (1/72 inch);
 * y grows downwards from the top of the page, as in pdfkit.
 */
import type { FontName } from './fonts.js';

/** A4 portrait. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

export const MARGIN = { left: 50, right: 50 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Running header baseline area and body box. */
export const HEADER_Y = 26;
export const BODY_TOP = 58;
export const BODY_BOTTOM = PAGE.height - 58;
/** Footer text top (inside the page; every page has zero pdfkit margins, so nothing can spill onto a new page). */
export const FOOTER_Y = PAGE.height - 38;

export interface TextStyle {
  readonly font: FontName;
  readonly size: number;
  readonly color: string;
  /** Extra space between wrapped lines. */
  readonly lineGap?: number;
}

export const INK = '#1b1f24';
export const MUTED = '#5b6470';
export const RULE = '#c8ced6';
export const ZEBRA = '#f3f5f8';
export const HEADER_FILL = '#e4e9f0';
export const ACCENT = '#0b4f8a';
export const ALERT = '#b3261e';
export const OK = '#1e7a3c';

export const STYLES = {
  title: { font: 'bold', size: 26, color: INK },
  h1: { font: 'bold', size: 16, color: ACCENT },
  h2: { font: 'bold', size: 12, color: INK },
  h3: { font: 'bold', size: 9.5, color: INK },
  body: { font: 'regular', size: 9, color: INK, lineGap: 2 },
  small: { font: 'regular', size: 7.5, color: MUTED, lineGap: 1 },
  caption: { font: 'regular', size: 7.5, color: MUTED },
  cell: { font: 'condensed', size: 7.5, color: INK },
  cellBold: { font: 'condensedBold', size: 7.5, color: INK },
  headerCell: { font: 'condensedBold', size: 7.5, color: INK },
  figureLabel: { font: 'regular', size: 8, color: MUTED },
  figureValue: { font: 'bold', size: 20, color: INK },
  figureNote: { font: 'regular', size: 7.5, color: MUTED },
  chartText: { font: 'condensed', size: 7, color: MUTED },
  footer: { font: 'regular', size: 7, color: MUTED },
  mono: { font: 'mono', size: 7.5, color: INK },
} as const satisfies Record<string, TextStyle>;

/** Okabe–Ito palette (distinguishable with colour-vision deficiencies), black last. */
export const SERIES_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length]!;
}

/** Sequential fill for the bad-debt heatmap: t ∈ [0, 1] from pale yellow to dark red. */
export function heatColor(t: number): string {
  const stops = [
    [255, 247, 236],
    [253, 212, 158],
    [252, 141, 89],
    [215, 48, 31],
    [127, 0, 0],
  ] as const;
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  const hex = (k: 0 | 1 | 2) =>
    Math.round(a[k] + (b[k] - a[k]) * f)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/** Text colour readable on a heatmap fill. */
export function heatTextColor(t: number): string {
  return t > 0.55 ? '#ffffff' : INK;
}
