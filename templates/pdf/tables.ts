/**
 * Tables as blocks: a header block kept with the first row, then one block per row, each
 * carrying the header as its continuation so a table that breaks across pages repeats its
 * header (marked "continued"). Cells wrap inside their column; a row's height is its tallest
 * cell, so nothing overlaps or runs outside its column.
 */
import { type Block, type Doc, drawLine, drawWrapped, lineHeight, widthOf, wrappedHeight } from './layout.js';
import { HEADER_FILL, INK, MUTED, RULE, STYLES, type TextStyle, ZEBRA } from './theme.js';

export type Align = 'left' | 'right' | 'center';

export interface Column {
  readonly header: string;
  /** Relative width; columns share the table width in proportion. */
  readonly weight: number;
  readonly align?: Align;
}

export interface CellSpec {
  readonly text: string;
  readonly bold?: boolean;
  readonly mono?: boolean;
  /** Background fill (heatmap cells). */
  readonly fill?: string;
  readonly color?: string;
}

export type Cell = string | CellSpec;

export interface TableSpec {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  readonly width: number;
  /** Shown in one full-width row when there are no rows. */
  readonly emptyText?: string;
  readonly zebra?: boolean;
  readonly spaceBefore?: number;
  readonly fontSize?: number;
}

const PAD_X = 3;
const PAD_Y = 2.5;
/** Longest cell text drawn; longer text (a pathological rejection reason) is cut with an ellipsis. */
const MAX_CELL_CHARS = 400;

function spec(cell: Cell | undefined): CellSpec {
  if (cell === undefined) return { text: '' };
  const value = typeof cell === 'string' ? { text: cell } : cell;
  return value.text.length > MAX_CELL_CHARS
    ? { ...value, text: `${value.text.slice(0, MAX_CELL_CHARS)}…` }
    : value;
}

function styleOf(cell: CellSpec, base: TextStyle, size: number): TextStyle {
  const font = cell.mono ? 'mono' : cell.bold ? 'condensedBold' : base.font;
  return { font, size: cell.mono ? size - 0.5 : size, color: cell.color ?? base.color };
}

/** Longest column minimum, as a share of the table width (a long path may still wrap inside a word). */
const MAX_MIN_SHARE = 0.4;

/**
 * Column widths in proportion to the weights, except that no column is narrower than its
 * longest word (header or cell): such columns get their minimum and the rest share what is left.
 */
function columnWidths(
  doc: Doc,
  table: TableSpec,
  headerStyle: TextStyle,
  bodyStyle: TextStyle,
  size: number,
): number[] {
  const longestWord = (text: string, style: TextStyle) =>
    Math.max(0, ...text.split(/[\s]+/).map((word) => widthOf(doc, word, style)));
  const minimum = table.columns.map((column, i) => {
    let widest = longestWord(column.header, headerStyle);
    for (const row of table.rows) {
      const cell = spec(row[i]);
      widest = Math.max(widest, longestWord(cell.text, styleOf(cell, bodyStyle, size)));
    }
    return Math.min(widest + 2 * PAD_X + 0.5, table.width * MAX_MIN_SHARE);
  });
  const fixed = new Set<number>();
  let widths: number[] = [];
  for (let pass = 0; pass <= table.columns.length; pass++) {
    const free = table.width - [...fixed].reduce((s, i) => s + minimum[i]!, 0);
    const weight = table.columns.reduce((s, c, i) => (fixed.has(i) ? s : s + c.weight), 0);
    widths = table.columns.map((c, i) => (fixed.has(i) ? minimum[i]! : (free * c.weight) / weight));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < minimum[i]!);
    if (short < 0 || free <= 0) break;
    widths.forEach((w, i) => {
      if (!fixed.has(i) && w < minimum[i]!) fixed.add(i);
    });
  }
  return widths;
}

export function tableBlocks(doc: Doc, table: TableSpec): Block[] {
  const size = table.fontSize ?? STYLES.cell.size;
  const headerStyle: TextStyle = { ...STYLES.headerCell, size };
  const bodyStyle: TextStyle = { ...STYLES.cell, size };
  const widths = columnWidths(doc, table, headerStyle, bodyStyle, size);
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((s, w) => s + w, 0));

  const measureRow = (cells: readonly CellSpec[], base: TextStyle) =>
    Math.max(
      lineHeight(doc, base),
      ...cells.map((cell, i) =>
        wrappedHeight(doc, cell.text, styleOf(cell, base, size), widths[i]! - 2 * PAD_X),
      ),
    ) +
    2 * PAD_Y;

  const drawCells = (
    d: Doc,
    cells: readonly CellSpec[],
    base: TextStyle,
    x: number,
    y: number,
    h: number,
  ) => {
    cells.forEach((cell, i) => {
      const left = x + lefts[i]!;
      if (cell.fill) d.rect(left, y, widths[i]!, h).fill(cell.fill);
      const style = styleOf(cell, base, size);
      drawWrapped(
        d,
        cell.text,
        left + PAD_X,
        y + PAD_Y,
        style,
        widths[i]! - 2 * PAD_X,
        table.columns[i]!.align,
      );
    });
  };

  const headerCells = table.columns.map((c) => ({ text: c.header }));
  const headerHeight = measureRow(headerCells, headerStyle);
  const drawHeader = (d: Doc, x: number, y: number, continued: boolean) => {
    d.rect(x, y, table.width, headerHeight).fill(HEADER_FILL);
    drawCells(d, headerCells, headerStyle, x, y, headerHeight);
    if (continued) {
      const label = 'continued';
      const style = { ...STYLES.caption, size: 6.5 };
      drawLine(
        d,
        label,
        x + table.width - widthOf(d, label, style) - 1,
        y - lineHeight(d, style) - 0.5,
        style,
      );
    }
    d.moveTo(x, y + headerHeight)
      .lineTo(x + table.width, y + headerHeight)
      .lineWidth(0.6)
      .strokeColor(INK)
      .stroke();
  };
  const header: Block = {
    height: headerHeight,
    keepWithNext: true,
    spaceBefore: table.spaceBefore ?? 6,
    draw: (d, x, y) => drawHeader(d, x, y, false),
  };
  // The repeated header sits below a small "continued" label.
  const continuedGap = lineHeight(doc, { ...STYLES.caption, size: 6.5 }) + 1;
  const continuation: Block = {
    height: headerHeight + continuedGap,
    draw: (d, x, y) => drawHeader(d, x, y + continuedGap, true),
  };

  if (table.rows.length === 0) {
    const text = table.emptyText ?? 'None.';
    const style = { ...STYLES.cell, size, color: MUTED };
    const height = wrappedHeight(doc, text, style, table.width - 2 * PAD_X) + 2 * PAD_Y;
    return [
      header,
      {
        height,
        draw: (d, x, y) => drawWrapped(d, text, x + PAD_X, y + PAD_Y, style, table.width - 2 * PAD_X),
      },
    ];
  }

  const rows: Block[] = table.rows.map((raw, r) => {
    const cells = table.columns.map((_, i) => spec(raw[i]));
    const height = measureRow(cells, bodyStyle);
    return {
      height,
      continuation,
      draw: (d, x, y) => {
        if ((table.zebra ?? true) && r % 2 === 1) d.rect(x, y, table.width, height).fill(ZEBRA);
        drawCells(d, cells, bodyStyle, x, y, height);
        d.moveTo(x, y + height)
          .lineTo(x + table.width, y + height)
          .lineWidth(0.3)
          .strokeColor(RULE)
          .stroke();
      },
    };
  });
  return [header, ...rows];
}
