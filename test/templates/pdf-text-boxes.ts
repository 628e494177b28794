/**
 * Reads a PDF back with unpdf (pdf.js) and finds text that overlaps other text or leaves the
 * page's printable area — the check behind "no text clipped or overlapping".
 */
import { getDocumentProxy } from 'unpdf';

export interface TextBox {
  readonly page: number;
  readonly text: string;
  readonly left: number;
  readonly right: number;
  /** PDF user space: y grows upwards. */
  readonly bottom: number;
  readonly top: number;
}

export interface PdfText {
  readonly pages: number;
  /** Text of each page, items joined by spaces. */
  readonly pageTexts: readonly string[];
  readonly boxes: readonly TextBox[];
  readonly pageSize: { readonly width: number; readonly height: number };
}

interface TextItemLike {
  readonly str: string;
  readonly width: number;
  readonly height: number;
  readonly transform: readonly number[];
}

export async function readPdfText(pdf: Uint8Array): Promise<PdfText> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const boxes: TextBox[] = [];
  const pageTexts: string[] = [];
  let pageSize = { width: 0, height: 0 };
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , width, height] = page.view as number[];
    pageSize = { width: width!, height: height! };
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is TextItemLike & typeof item => 'str' in item);
    pageTexts.push(items.map((item) => item.str).join(' '));
    for (const item of items) {
      if (item.str.trim() === '') continue;
      const x = item.transform[4]!;
      const baseline = item.transform[5]!;
      const size = item.height;
      // DejaVu: ascender ≈ 0.76 em, descender ≈ 0.24 em; shrink a little so touching lines do not count.
      boxes.push({
        page: p,
        text: item.str,
        left: x,
        right: x + item.width,
        bottom: baseline - 0.2 * size,
        top: baseline + 0.72 * size,
      });
    }
  }
  return { pages: doc.numPages, pageTexts, boxes, pageSize };
}

/** Pairs of text boxes on the same page that overlap by more than `tolerance` points both ways. */
export function overlappingText(boxes: readonly TextBox[], tolerance = 0.5): [TextBox, TextBox][] {
  const found: [TextBox, TextBox][] = [];
  const byPage = new Map<number, TextBox[]>();
  for (const box of boxes) byPage.set(box.page, [...(byPage.get(box.page) ?? []), box]);
  for (const list of byPage.values()) {
    const sorted = [...list].sort((a, b) => a.left - b.left);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.left < a.right - tolerance; j++) {
        const b = sorted[j]!;
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
        if (dx > tolerance && dy > tolerance) found.push([a, b]);
      }
    }
  }
  return found;
}

/** Text boxes that leave the rectangle [left, right] × [bottom, top] (PDF user space). */
export function textOutside(
  boxes: readonly TextBox[],
  area: { readonly left: number; readonly right: number; readonly bottom: number; readonly top: number },
  tolerance = 0.5,
): TextBox[] {
  return boxes.filter(
    (b) =>
      b.left < area.left - tolerance ||
      b.right > area.right + tolerance ||
      b.bottom < area.bottom - tolerance ||
      b.top > area.top + tolerance,
  );
}
