/**
 * Vector charts drawn with pdfkit primitives (paths, rectangles, text): a line chart, grouped
 * vertical bars, grouped horizontal bars, and the key-figure tiles. Each returns one Block of
 * fixed height; labels are measured before anything is placed so they stay inside the chart.
 */
import { type Block, type Doc, drawLine, fitLine, lineHeight, widthOf, wrappedHeight } from './layout.js';
import { ALERT, INK, MUTED, OK, RULE, STYLES, seriesColor } from './theme.js';

/** Round tick values covering [min, max]: steps of 1, 2 or 5 × 10^k, about `target` of them. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, target);
  }
  const raw = (max - min) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  let first = Math.floor(min / step);
  let last = Math.ceil(max / step);
  // min / step can underflow to −0 (or round across an integer): widen until the ticks cover the range.
  while (first * step > min) first--;
  while (last * step < max) last++;
  const ticks: number[] = [];
  // Integer multiples of the step avoid accumulating floating-point drift.
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)) + 0);
  return ticks;
}

export interface Series {
  readonly name: string;
  /** One value per x label; NaN = no point. */
  readonly values: readonly number[];
}

interface Frame {
  readonly plotLeft: number;
  readonly plotTop: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
}

const TITLE_GAP = 4;
const LEGEND_SWATCH = 8;

function legendLayout(doc: Doc, names: readonly string[], width: number) {
  const style = STYLES.chartText;
  const rows: { name: string; x: number; color: string }[][] = [[]];
  let x = 0;
  names.forEach((name, i) => {
    const w = LEGEND_SWATCH + 3 + widthOf(doc, name, style) + 10;
    if (x + w > width && x > 0) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1]!.push({ name, x, color: seriesColor(i) });
    x += w;
  });
  const rowHeight = Math.max(lineHeight(doc, style), LEGEND_SWATCH) + 2;
  return { rows, height: names.length > 0 ? rows.length * rowHeight + 4 : 0, rowHeight };
}

function drawLegend(doc: Doc, layout: ReturnType<typeof legendLayout>, x: number, y: number) {
  layout.rows.forEach((row, r) => {
    const top = y + 4 + r * layout.rowHeight;
    for (const item of row) {
      doc.rect(x + item.x, top + 1, LEGEND_SWATCH, LEGEND_SWATCH - 2).fill(item.color);
      drawLine(doc, item.name, x + item.x + LEGEND_SWATCH + 3, top, STYLES.chartText);
    }
  });
}

/** Axes, horizontal grid lines and y labels; returns the plot frame. */
function drawYAxis(
  doc: Doc,
  ticks: readonly number[],
  format: (v: number) => string,
  x: number,
  frame: Frame,
  scaleY: (v: number) => number,
) {
  const style = STYLES.chartText;
  const half = lineHeight(doc, style) / 2;
  for (const tick of ticks) {
    const ty = scaleY(tick);
    doc
      .moveTo(frame.plotLeft, ty)
      .lineTo(frame.plotLeft + frame.plotWidth, ty)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    drawLine(doc, format(tick), x, ty - half, style, { width: frame.plotLeft - x - 4, align: 'right' });
  }
  doc
    .moveTo(frame.plotLeft, frame.plotTop)
    .lineTo(frame.plotLeft, frame.plotTop + frame.plotHeight)
    .lineTo(frame.plotLeft + frame.plotWidth, frame.plotTop + frame.plotHeight)
    .lineWidth(0.6)
    .strokeColor(MUTED)
    .stroke();
}

function drawXLabels(
  doc: Doc,
  labels: readonly string[],
  centers: readonly number[],
  y: number,
  slot: number,
) {
  const style = STYLES.chartText;
  const widest = Math.max(0, ...labels.map((l) => widthOf(doc, l, style)));
  // Skip labels so that those drawn never touch: every k-th one.
  const every = Math.max(1, Math.ceil((widest + 4) / Math.max(slot, 1e-9)));
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    const w = widthOf(doc, label, style);
    drawLine(doc, label, centers[i]! - w / 2, y, style);
  });
}

export interface ChartSpec {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly xLabels: readonly string[];
  readonly series: readonly Series[];
  readonly formatY: (v: number) => string;
  /** Force the y range to include these values (e.g. 0 for bars, 100% for price paths). */
  readonly includeY?: readonly number[];
  readonly note?: string;
  readonly spaceBefore?: number;
}

function chartScaffold(doc: Doc, chart: ChartSpec, minY: number, maxY: number) {
  const titleHeight = lineHeight(doc, STYLES.h3) + TITLE_GAP;
  const legend = legendLayout(
    doc,
    chart.series.map((s) => s.name),
    chart.width,
  );
  const noteHeight = chart.note ? wrappedHeight(doc, chart.note, STYLES.small, chart.width) + 2 : 0;
  const ticks = niceTicks(minY, maxY);
  const labelWidth = Math.max(...ticks.map((t) => widthOf(doc, chart.formatY(t), STYLES.chartText)));
  const xLabelHeight = lineHeight(doc, STYLES.chartText) + 3;
  const plotHeight = chart.height - titleHeight - legend.height - noteHeight - xLabelHeight - 4;
  return { titleHeight, legend, noteHeight, ticks, labelWidth, xLabelHeight, plotHeight };
}

/** The plot area of a chart drawn with its top-left corner at (x, y). */
function plotFrame(chart: ChartSpec, layout: ReturnType<typeof chartScaffold>, x: number, y: number): Frame {
  return {
    plotLeft: x + layout.labelWidth + 6,
    plotTop: y + layout.titleHeight + 4,
    plotWidth: chart.width - layout.labelWidth - 12,
    plotHeight: layout.plotHeight,
  };
}

function finiteValues(series: readonly Series[]): number[] {
  return series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
}

/** Lines with markers, one per series, over categorical x positions. */
export function lineChart(doc: Doc, chart: ChartSpec): Block {
  const values = [...finiteValues(chart.series), ...(chart.includeY ?? [])];
  const layout = chartScaffold(doc, chart, Math.min(...values), Math.max(...values));
  return {
    height: chart.height,
    spaceBefore: chart.spaceBefore ?? 8,
    draw: (d, x, y) => {
      drawLine(d, fitLine(d, chart.title, STYLES.h3, chart.width), x, y, STYLES.h3);
      const ticks = layout.ticks;
      const lo = ticks[0]!;
      const hi = ticks[ticks.length - 1]!;
      const frame = plotFrame(chart, layout, x, y);
      const scaleY = (v: number) =>
        frame.plotTop + frame.plotHeight - ((v - lo) / (hi - lo)) * frame.plotHeight;
      drawYAxis(d, ticks, chart.formatY, x, frame, scaleY);
      const n = chart.xLabels.length;
      const slot = frame.plotWidth / Math.max(n, 1);
      const centers = chart.xLabels.map((_, i) => frame.plotLeft + slot * (i + 0.5));
      drawXLabels(d, chart.xLabels, centers, frame.plotTop + frame.plotHeight + 3, slot);
      chart.series.forEach((series, s) => {
        const color = seriesColor(s);
        let started = false;
        series.values.forEach((v, i) => {
          if (!Number.isFinite(v)) {
            started = false;
            return;
          }
          if (started) d.lineTo(centers[i]!, scaleY(v));
          else d.moveTo(centers[i]!, scaleY(v));
          started = true;
        });
        d.lineWidth(1.2).strokeColor(color).stroke();
        if (n <= 40) {
          series.values.forEach((v, i) => {
            if (Number.isFinite(v)) d.circle(centers[i]!, scaleY(v), 1.6).fill(color);
          });
        }
      });
      const legendTop = frame.plotTop + frame.plotHeight + layout.xLabelHeight;
      drawLegend(d, layout.legend, x, legendTop);
      if (chart.note) {
        d.font(STYLES.small.font).fontSize(STYLES.small.size).fillColor(STYLES.small.color);
        d.text(chart.note, x, legendTop + layout.legend.height + 2, { width: chart.width, lineGap: 1 });
      }
    },
  };
}

/** Vertical bars grouped per x category, one bar per series. Values ≥ 0. */
export function groupedBarChart(doc: Doc, chart: ChartSpec): Block {
  const values = [0, ...finiteValues(chart.series), ...(chart.includeY ?? [])];
  const layout = chartScaffold(doc, chart, 0, Math.max(...values));
  return {
    height: chart.height,
    spaceBefore: chart.spaceBefore ?? 8,
    draw: (d, x, y) => {
      drawLine(d, fitLine(d, chart.title, STYLES.h3, chart.width), x, y, STYLES.h3);
      const ticks = layout.ticks.filter((t) => t >= 0);
      const hi = ticks[ticks.length - 1]!;
      const frame = plotFrame(chart, layout, x, y);
      const scaleY = (v: number) => frame.plotTop + frame.plotHeight - (v / hi) * frame.plotHeight;
      drawYAxis(d, ticks, chart.formatY, x, frame, scaleY);
      const n = chart.xLabels.length;
      const slot = frame.plotWidth / Math.max(n, 1);
      const groupWidth = slot * 0.8;
      const barWidth = groupWidth / Math.max(chart.series.length, 1);
      const centers = chart.xLabels.map((_, i) => frame.plotLeft + slot * (i + 0.5));
      chart.series.forEach((series, s) => {
        series.values.forEach((v, i) => {
          if (!Number.isFinite(v) || v <= 0) return;
          const left = centers[i]! - groupWidth / 2 + s * barWidth;
          const top = scaleY(v);
          d.rect(left, top, Math.max(barWidth - 0.6, 0.4), frame.plotTop + frame.plotHeight - top).fill(
            seriesColor(s),
          );
        });
      });
      drawXLabels(d, chart.xLabels, centers, frame.plotTop + frame.plotHeight + 3, slot);
      const legendTop = frame.plotTop + frame.plotHeight + layout.xLabelHeight;
      drawLegend(d, layout.legend, x, legendTop);
      if (chart.note) {
        d.font(STYLES.small.font).fontSize(STYLES.small.size).fillColor(STYLES.small.color);
        d.text(chart.note, x, legendTop + layout.legend.height + 2, { width: chart.width, lineGap: 1 });
      }
    },
  };
}

export interface HorizontalBarsSpec {
  readonly title: string;
  readonly width: number;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  readonly formatValue: (v: number) => string;
  readonly spaceBefore?: number;
}

/** Horizontal bars grouped per category (values ≥ 0), each labelled with its value. */
export function horizontalBars(doc: Doc, chart: HorizontalBarsSpec): Block {
  const text = STYLES.chartText;
  const barHeight = 9;
  const groupGap = 7;
  const titleHeight = lineHeight(doc, STYLES.h3) + TITLE_GAP;
  const legend = legendLayout(
    doc,
    chart.series.map((s) => s.name),
    chart.width,
  );
  const categoryWidth = Math.max(...chart.categories.map((c) => widthOf(doc, c, STYLES.cell))) + 8;
  const max = Math.max(0, ...finiteValues(chart.series));
  const valueWidth =
    Math.max(...chart.series.flatMap((s) => s.values.map((v) => widthOf(doc, chart.formatValue(v), text)))) +
    6;
  const groupHeight = chart.series.length * barHeight + groupGap;
  const height = titleHeight + chart.categories.length * groupHeight + legend.height + 2;
  return {
    height,
    spaceBefore: chart.spaceBefore ?? 8,
    draw: (d, x, y) => {
      drawLine(d, fitLine(d, chart.title, STYLES.h3, chart.width), x, y, STYLES.h3);
      const barLeft = x + categoryWidth;
      const span = chart.width - categoryWidth - valueWidth;
      const top = y + titleHeight;
      chart.categories.forEach((category, c) => {
        const groupTop = top + c * groupHeight;
        const labelY = groupTop + (chart.series.length * barHeight - lineHeight(d, STYLES.cell)) / 2;
        drawLine(d, category, x, labelY, STYLES.cell);
        chart.series.forEach((series, s) => {
          const v = series.values[c] ?? 0;
          const w = max > 0 ? (Math.max(v, 0) / max) * span : 0;
          const barTop = groupTop + s * barHeight;
          if (w > 0) d.rect(barLeft, barTop + 1, w, barHeight - 2).fill(seriesColor(s));
          drawLine(
            d,
            chart.formatValue(v),
            barLeft + w + 3,
            barTop + (barHeight - lineHeight(d, text)) / 2,
            text,
          );
        });
      });
      d.moveTo(barLeft, top - 2)
        .lineTo(barLeft, top + chart.categories.length * groupHeight - groupGap + 2)
        .lineWidth(0.6)
        .strokeColor(MUTED)
        .stroke();
      drawLegend(d, legend, x, top + chart.categories.length * groupHeight);
    },
  };
}

export type Tone = 'alert' | 'ok' | 'neutral';

export interface FigureTile {
  readonly label: string;
  readonly value: string;
  readonly note: string;
  readonly tone?: Tone;
}

/** Key figures in a grid of tiles: small label, large value, a note of up to a few lines. */
export function figureTiles(doc: Doc, tiles: readonly FigureTile[], width: number, perRow = 3): Block {
  const gap = 8;
  const tileWidth = (width - gap * (perRow - 1)) / perRow;
  const inner = tileWidth - 16;
  const rowsOfTiles: FigureTile[][] = [];
  for (let i = 0; i < tiles.length; i += perRow) rowsOfTiles.push(tiles.slice(i, i + perRow));
  const labelHeight = lineHeight(doc, STYLES.figureLabel);
  const valueHeight = lineHeight(doc, STYLES.figureValue);
  const rowHeights = rowsOfTiles.map(
    (row) =>
      14 +
      labelHeight +
      2 +
      valueHeight +
      2 +
      Math.max(...row.map((t) => wrappedHeight(doc, t.note, STYLES.figureNote, inner))),
  );
  const height = rowHeights.reduce((s, h) => s + h, 0) + gap * (rowsOfTiles.length - 1);
  return {
    height,
    spaceBefore: 6,
    draw: (d, x, y) => {
      let top = y;
      rowsOfTiles.forEach((row, r) => {
        const h = rowHeights[r]!;
        row.forEach((tile, i) => {
          const left = x + i * (tileWidth + gap);
          const accent = tile.tone === 'alert' ? ALERT : tile.tone === 'ok' ? OK : INK;
          d.rect(left, top, tileWidth, h).lineWidth(0.6).strokeColor(RULE).stroke();
          d.rect(left, top, 3, h).fill(accent);
          let ty = top + 7;
          drawLine(d, fitLine(d, tile.label, STYLES.figureLabel, inner), left + 10, ty, STYLES.figureLabel);
          ty += labelHeight + 2;
          const valueStyle = { ...STYLES.figureValue, color: accent };
          drawLine(d, fitLine(d, tile.value, valueStyle, inner), left + 10, ty, valueStyle);
          ty += valueHeight + 2;
          d.font(STYLES.figureNote.font).fontSize(STYLES.figureNote.size).fillColor(STYLES.figureNote.color);
          if (widthOf(d, tile.note, STYLES.figureNote) <= inner)
            drawLine(d, tile.note, left + 10, ty, STYLES.figureNote);
          else d.text(tile.note, left + 10, ty, { width: inner, lineGap: 0 });
        });
        top += h + gap;
      });
    },
  };
}
