/**
 * Report-specific number formats on top of ../format.ts. Numbers are rounded only here.
 * Negative values use the true minus sign U+2212.
 */
import { formatCount, formatReturn, formatUsd, formatUsdShort } from '../format.js';

export { formatCount, formatPrice, formatReturn, formatUsd, formatUsdShort } from '../format.js';

const MINUS = '−';

/** An unsigned fraction as a percentage: 0.4936 → `49.36%`. */
export function formatPercent(fraction: number, digits = 2): string {
  const text = `${Math.abs(fraction * 100).toFixed(digits)}%`;
  return fraction < 0 && Number(text.slice(0, -1)) !== 0 ? `${MINUS}${text}` : text;
}

/** A ratio with a multiplication sign: 4.808 → `4.81×`. */
export function formatRatio(ratio: number | null, digits = 2): string {
  return ratio === null ? 'n/a' : `${ratio.toFixed(digits)}×`;
}

/** A USD change with its sign: `+$1,234`, `−$56`, `$0`. */
export function formatUsdChange(amount: number | null): string {
  if (amount === null) return 'n/a';
  const rounded = Math.round(amount);
  if (rounded === 0) return '$0';
  return rounded > 0 ? `+${formatUsd(rounded)}` : formatUsd(rounded);
}

export function formatUsdShortChange(amount: number | null): string {
  if (amount === null) return 'n/a';
  if (Math.abs(amount) < 0.5) return '$0';
  return amount > 0 ? `+${formatUsdShort(amount)}` : formatUsdShort(amount);
}

export function formatCountChange(n: number | null): string {
  if (n === null) return 'n/a';
  if (n === 0) return '0';
  return n > 0 ? `+${formatCount(n)}` : `${MINUS}${formatCount(-n)}`;
}

/** A change of a fraction in percentage points: 0.012 → `+1.20 pp`. */
export function formatPointsChange(change: number | null, digits = 2): string {
  if (change === null) return 'n/a';
  const text = `${Math.abs(change * 100).toFixed(digits)} pp`;
  if (Number(text.slice(0, -3)) === 0) return `0.${'0'.repeat(digits)} pp`;
  return change > 0 ? `+${text}` : `${MINUS}${text}`;
}

/** A signed quantity of an underlying with up to `digits` decimals: `−38.0503`, `2,734.2`. */
const quantityFormats = new Map<number, Intl.NumberFormat>();

export function formatQuantity(qty: number, digits = 4): string {
  let format = quantityFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    quantityFormats.set(digits, format);
  }
  const text = format.format(Math.abs(qty));
  return qty < 0 && text !== '0' ? `${MINUS}${text}` : text;
}

/** A reverse-stress threshold, or what null means. */
export function formatThreshold(r: number | null): string {
  return r === null ? 'not reached' : formatReturn(r);
}

/** A return or `n/a`. */
export function formatReturnOrNa(r: number | null): string {
  return r === null ? 'n/a' : formatReturn(r);
}

/** The first `length` hex digits of a digest, for footers: `3f2a…`. */
export function shortDigest(hex: string, length = 16): string {
  return `${hex.slice(0, length)}…`;
}
