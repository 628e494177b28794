/**
 * The renderer's three stages. Layout: every piece of the body becomes a Block whose height is
 * measured with the document's own fonts. Paginate: blocks are placed top to bottom on pages,
 * a heading never ends a page (keepWithNext), a table row that starts a page is preceded by its
 * repeated header (continuation). Draw: only then is anything written, at the placed positions.
 *
 * Every page is created with zero pdfkit margins and all text is placed explicitly, so pdfkit
 * never adds a page on its own (its automatic page break fires below the bottom margin — the
 * footer pitfall) and the page count is exactly what pagination decided.
 */
import type { FontName } from './fonts.js';
import type { TextStyle } from './theme.js';

export type Doc = PDFKit.PDFDocument;

export interface Anchor {
  readonly id: string;
  readonly title: string;
  readonly level: 1 | 2;
}

export interface Block {
  readonly height: number;
  draw(doc: Doc, x: number, y: number): void;
  /** Keep on the same page as the next block (headings, table headers). */
  readonly keepWithNext?: boolean;
  /** Start a new page unless the current one is empty. */
  readonly pageBreakBefore?: boolean;
  /** Gap above the block, dropped at the top of a page. */
  readonly spaceBefore?: number;
  /** A contents entry and outline item pointing at this block. */
  readonly anchor?: Anchor;
  /** Drawn before this block when it starts a page (a table's repeated header). */
  readonly continuation?: Block;
}

export interface PlacedBlock {
  readonly block: Block;
  readonly y: number;
}

export interface PaginatedBody {
  readonly pages: readonly (readonly PlacedBlock[])[];
  /** Anchors with the body page (0-based) they landed on. */
  readonly anchors: readonly { readonly anchor: Anchor; readonly page: number }[];
}

export class LayoutError extends Error {
  override readonly name = 'LayoutError';
}

/** Places blocks on pages between `top` and `bottom` (page coordinates). */
export function paginate(blocks: readonly Block[], top: number, bottom: number): PaginatedBody {
  const pages: PlacedBlock[][] = [[]];
  const anchors: { anchor: Anchor; page: number }[] = [];
  let page = pages[0]!;
  let y = top;
  const newPage = () => {
    page = [];
    pages.push(page);
    y = top;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.pageBreakBefore && page.length > 0) newPage();
    // The height this block needs on the current page: itself and every block kept with it.
    let need = (y === top ? 0 : (block.spaceBefore ?? 0)) + block.height;
    for (let j = i; blocks[j]!.keepWithNext && j + 1 < blocks.length; j++) {
      const next = blocks[j + 1]!;
      if (next.pageBreakBefore) break;
      need += (next.spaceBefore ?? 0) + next.height;
    }
    if (y + need > bottom && y > top) {
      newPage();
      if (block.continuation) {
        page.push({ block: block.continuation, y });
        y += block.continuation.height;
      }
    }
    if (y > top) y += block.spaceBefore ?? 0;
    if (y + block.height > bottom + 1e-6) {
      throw new LayoutError(
        `a block of height ${block.height.toFixed(1)} does not fit on a page (${(bottom - top).toFixed(1)} available)`,
      );
    }
    page.push({ block, y });
    if (block.anchor) anchors.push({ anchor: block.anchor, page: pages.length - 1 });
    y += block.height;
  }
  return { pages, anchors };
}

/** Font, size and colour for drawing. */
export function useStyle(doc: Doc, style: TextStyle): Doc {
  return doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

/** Font and size only: measuring must not write colour operators into the current page. */
export function useFont(doc: Doc, font: FontName, size: number): Doc {
  return doc.font(font).fontSize(size);
}

/** Height of one line in the style (ascender to descender, plus line gap). */
export function lineHeight(doc: Doc, style: TextStyle): number {
  useFont(doc, style.font, style.size);
  return doc.currentLineHeight(true) + (style.lineGap ?? 0);
}

export function widthOf(doc: Doc, text: string, style: TextStyle): number {
  useFont(doc, style.font, style.size);
  return doc.widthOfString(text);
}

/** Height of `text` wrapped at `width` in the style. */
export function wrappedHeight(doc: Doc, text: string, style: TextStyle, width: number): number {
  useFont(doc, style.font, style.size);
  if (!text.includes('\n') && doc.widthOfString(text) <= width) return lineHeight(doc, style);
  return doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0 });
}

/** One line of text, never wrapped; `align` within `width` is done here, not by pdfkit's wrapper. */
export function drawLine(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  options: {
    readonly width?: number;
    readonly align?: 'left' | 'right' | 'center';
    readonly goTo?: string;
  } = {},
): void {
  useStyle(doc, style);
  let left = x;
  if (options.width !== undefined && options.align && options.align !== 'left') {
    const w = doc.widthOfString(text);
    left = options.align === 'right' ? x + options.width - w : x + (options.width - w) / 2;
  }
  doc.text(text, left, y, { lineBreak: false, ...(options.goTo ? { goTo: options.goTo } : {}) });
}

/** Wrapped text in a column of `width`. */
export function drawWrapped(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  width: number,
  align: 'left' | 'right' | 'center' | 'justify' = 'left',
): void {
  useStyle(doc, style);
  if (!text.includes('\n') && doc.widthOfString(text) <= width) {
    drawLine(doc, text, x, y, style, { width, align: align === 'justify' ? 'left' : align });
    return;
  }
  doc.text(text, x, y, { width, align, lineGap: style.lineGap ?? 0 });
}

/** `text` shortened with an ellipsis until it fits in `width` (for single-line slots such as footers). */
export function fitLine(doc: Doc, text: string, style: TextStyle, width: number): string {
  useFont(doc, style.font, style.size);
  if (doc.widthOfString(text) <= width) return text;
  let n = text.length;
  while (n > 1 && doc.widthOfString(`${text.slice(0, n)}…`) > width) n--;
  return `${text.slice(0, n)}…`;
}

/** A block of wrapped text. */
export function paragraph(
  doc: Doc,
  text: string,
  style: TextStyle,
  width: number,
  options: { readonly spaceBefore?: number; readonly keepWithNext?: boolean } = {},
): Block {
  const height = wrappedHeight(doc, text, style, width);
  return {
    height,
    spaceBefore: options.spaceBefore ?? 0,
    keepWithNext: options.keepWithNext ?? false,
    draw: (d, x, y) => drawWrapped(d, text, x, y, style, width),
  };
}

/** Vertical space (dropped at the top of a page). */
export function spacer(height: number): Block {
  return { height: 0, spaceBefore: height, draw: () => {} };
}
