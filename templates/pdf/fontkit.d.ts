/**
 * The one fontkit function the renderer uses. fontkit is pdfkit's own font engine (installed
 * with it); pdfkit accepts a font fontkit has already parsed, which lets a process parse each
 * TTF once instead of once per document.
 */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
