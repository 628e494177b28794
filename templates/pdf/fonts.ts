/**
 * The embedded fonts: DejaVu (TrueType, from the dejavu-fonts-ttf package), which has every
 * glyph the report prints (− ≥ Δ Γ × → …). pdfkit has no glyph fallback, so a font without
 * them would drop characters silently. Paths are resolved through the package so they work
 * wherever node_modules is; a bundled Lambda passes the paths of its copied TTFs instead.
 * Font files are the only thing the renderer reads from disk. Each is read and parsed (by
 * fontkit, pdfkit's font engine) once per process: parsing DejaVu's tables costs several times
 * more than drawing a whole report, and pdfkit would otherwise repeat it for every document.
 * Every document still embeds its own subset, so sharing the parsed font does not change bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

export interface ReportFontFiles {
  readonly regular: string;
  readonly bold: string;
  readonly condensed: string;
  readonly condensedBold: string;
  readonly mono: string;
}

export type FontName = keyof ReportFontFiles;

const FILES: ReportFontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/** Absolute paths of the DejaVu TTFs inside the installed dejavu-fonts-ttf package. */
export function packagedFontFiles(): ReportFontFiles {
  const require = createRequire(import.meta.url);
  const resolve = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
  return {
    regular: resolve(FILES.regular),
    bold: resolve(FILES.bold),
    condensed: resolve(FILES.condensed),
    condensedBold: resolve(FILES.condensedBold),
    mono: resolve(FILES.mono),
  };
}

export type ParsedFont = Font;

const cache = new Map<string, ParsedFont>();

/** The parsed font of a TTF file (read and parsed once per path and process). */
export function loadFont(path: string): ParsedFont {
  let font = cache.get(path);
  if (!font) {
    font = create(readFileSync(path));
    cache.set(path, font);
  }
  return font;
}
