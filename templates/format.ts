/** Number formatting for reports: numbers are rounded only here, when shown. */

const usd = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `$1,234,567`, `−$12,000` (true minus sign). */
export function formatUsd(amount: number): string {
  const rounded = Math.round(amount);
  const text = `$${usd.format(Math.abs(rounded))}`;
  return rounded < 0 ? `−${text}` : text;
}

/** `$1.23m`, `$45.6k`, `$2.10bn` for headline figures. */
export function formatUsdShort(amount: number): string {
  const a = Math.abs(amount);
  const text =
    a >= 1e9
      ? `$${(a / 1e9).toFixed(2)}bn`
      : a >= 1e6
        ? `$${(a / 1e6).toFixed(2)}m`
        : a >= 1e3
          ? `$${(a / 1e3).toFixed(1)}k`
          : `$${a.toFixed(0)}`;
  return amount < 0 && text !== '$0' ? `−${text}` : text;
}

export function formatCount(n: number): string {
  return count.format(n);
}

/** A return as a signed percentage: `−14.69%`, `+25.04%`. */
export function formatReturn(r: number, digits = 2): string {
  const text = `${Math.abs(r * 100).toFixed(digits)}%`;
  // A move that rounds to zero prints unsigned: "0.00%", never "−0.00%".
  if (Number(text.slice(0, -1)) === 0) return text;
  return r < 0 ? `−${text}` : `+${text}`;
}

export function formatPrice(price: number): string {
  if (price >= 1000) return usd.format(Math.round(price));
  if (price >= 1) return price.toFixed(2);
  return price.toPrecision(4);
}

/** Pads cells into aligned columns; the first column left-aligned, the rest right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}
