/**
 * Margin units (MODEL.md §5) in a compact columnar layout: one row per unit, and the unit's
 * netted positions and collateral balances as contiguous slices of flat arrays
 * (`posStart[u] .. posStart[u+1]`, `colStart[u] .. colStart[u+1]`), sorted by asset so the
 * risk matrix can walk one underlying at a time.
 *
 * - per venue (regimes as-is, standard, portfolio): one unit per accepted subaccount;
 * - per client (regime cross-venue): one unit per accepted client, its subaccounts pooled
 *   (collateral summed, positions netted across venues).
 *
 * Netting (MODEL.md §1.2): q = Σ qᵢ, entry = Σ qᵢ·entryᵢ / Σ qᵢ; a linear position that nets
 * to zero disappears and its locked-in profit −Σ qᵢ·entryᵢ stays in the unit as USD.
 */
import type { Book, CollateralBalance, MarginMode, Position } from '../model/book.js';
import type { AssetUniverse } from './asset-universe.js';
import type { InstrumentRegistry, InstrumentTable } from './instruments.js';

export const STANDARD_MODE = 0;
export const PORTFOLIO_MODE = 1;

export type UnitGrouping = 'venue' | 'client';

export interface MarginUnits {
  readonly grouping: UnitGrouping;
  readonly count: number;
  /** Index of the unit's client in book.clients. */
  readonly client: Int32Array;
  /** The venue (per-venue grouping) or null (pooled). */
  readonly venue: readonly (string | null)[];
  /** The subaccount's own margin mode (regime as-is); PORTFOLIO_MODE for pooled units. */
  readonly ownMode: Uint8Array;
  /** USD locked in by positions that netted to zero. */
  readonly locked: Float64Array;
  readonly colStart: Int32Array;
  readonly colAsset: Int32Array;
  readonly colQty: Float64Array;
  readonly posStart: Int32Array;
  readonly posInstr: Int32Array;
  readonly posAsset: Int32Array;
  readonly posQty: Float64Array;
  /** Netted entry price of linear positions (NaN for options). */
  readonly posEntry: Float64Array;
}

/** Growable columns, converted to typed arrays once the book is read. */
class UnitColumns {
  client: number[] = [];
  venue: (string | null)[] = [];
  ownMode: number[] = [];
  locked: number[] = [];
  colStart: number[] = [0];
  colAsset: number[] = [];
  colQty: number[] = [];
  posStart: number[] = [0];
  posInstr: number[] = [];
  posAsset: number[] = [];
  posQty: number[] = [];
  posEntry: number[] = [];
}

/**
 * The instrument of every position of the book, in book order (clients, subaccounts,
 * positions): indices are assigned in that order, so both groupings share one table.
 */
export function indexPositions(
  book: Book,
  universe: AssetUniverse,
  registry: InstrumentRegistry,
): Int32Array {
  let count = 0;
  for (const client of book.clients) for (const sub of client.subaccounts) count += sub.positions.length;
  const instrumentOf = new Int32Array(count);
  let next = 0;
  for (const client of book.clients) {
    for (const sub of client.subaccounts) {
      for (const position of sub.positions) {
        instrumentOf[next++] = registry.indexOf(position, universe.indexOf.get(position.asset)!);
      }
    }
  }
  return instrumentOf;
}

/**
 * Nets positions and sums balances of one unit at a time. The scratch slots are parallel
 * arrays reused for every unit (units hold a handful of positions: a linear scan beats a Map);
 * slots keep their order of first appearance, which fixes the order of every sum.
 */
class UnitBuilder {
  private readonly columns = new UnitColumns();
  private slotCount = 0;
  private readonly slotInstrument: number[] = [];
  private readonly slotQty: number[] = [];
  /** Σ qᵢ·entryᵢ (linear positions). */
  private readonly slotQtyTimesEntry: number[] = [];
  private readonly slotIsOption: boolean[] = [];
  private readonly order: number[] = [];
  private balanceCount = 0;
  private readonly balanceAsset: number[] = [];
  private readonly balanceQty: number[] = [];
  /** Position of the next position in book order (an index into instrumentOf). */
  private next = 0;

  constructor(
    private readonly universe: AssetUniverse,
    private readonly instruments: InstrumentTable,
    private readonly instrumentOf: Int32Array,
  ) {}

  addPositions(positions: readonly Position[]): void {
    for (const position of positions) {
      const instrument = this.instrumentOf[this.next++]!;
      let slot = 0;
      while (slot < this.slotCount && this.slotInstrument[slot] !== instrument) slot++;
      if (slot === this.slotCount) {
        this.slotInstrument[slot] = instrument;
        this.slotQty[slot] = 0;
        this.slotQtyTimesEntry[slot] = 0;
        this.slotIsOption[slot] = position.type === 'option';
        this.slotCount++;
      }
      this.slotQty[slot] = this.slotQty[slot]! + position.qty;
      if (position.type !== 'option') {
        this.slotQtyTimesEntry[slot] = this.slotQtyTimesEntry[slot]! + position.qty * position.entry;
      }
    }
  }

  addCollateral(balances: readonly CollateralBalance[]): void {
    for (const { asset, qty } of balances) {
      const index = this.universe.indexOf.get(asset)!;
      let b = 0;
      while (b < this.balanceCount && this.balanceAsset[b] !== index) b++;
      if (b === this.balanceCount) {
        this.balanceAsset[b] = index;
        this.balanceQty[b] = 0;
        this.balanceCount++;
      }
      this.balanceQty[b] = this.balanceQty[b]! + qty;
    }
  }

  finishUnit(client: number, venue: string | null, mode: MarginMode): void {
    const c = this.columns;
    const assetOf = this.instruments.asset;
    let locked = 0;
    // Kept slots (non-zero quantity) sorted by (asset, instrument): insertion sort of a few.
    let kept = 0;
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (this.slotQty[slot] === 0) {
        if (!this.slotIsOption[slot]) locked -= this.slotQtyTimesEntry[slot]!;
        continue;
      }
      const asset = assetOf[this.slotInstrument[slot]!]!;
      const instrument = this.slotInstrument[slot]!;
      let at = kept++;
      for (; at > 0; at--) {
        const before = this.order[at - 1]!;
        const beforeAsset = assetOf[this.slotInstrument[before]!]!;
        if (beforeAsset < asset || (beforeAsset === asset && this.slotInstrument[before]! < instrument))
          break;
        this.order[at] = before;
      }
      this.order[at] = slot;
    }
    for (let k = 0; k < kept; k++) {
      const slot = this.order[k]!;
      const instrument = this.slotInstrument[slot]!;
      const qty = this.slotQty[slot]!;
      c.posInstr.push(instrument);
      c.posAsset.push(assetOf[instrument]!);
      c.posQty.push(qty);
      c.posEntry.push(this.slotIsOption[slot] ? Number.NaN : this.slotQtyTimesEntry[slot]! / qty);
    }
    // Balances sorted by asset index.
    for (let k = 0; k < this.balanceCount; k++) {
      const asset = this.balanceAsset[k]!;
      let at = k;
      for (; at > 0 && this.balanceAsset[this.order[at - 1]!]! > asset; at--)
        this.order[at] = this.order[at - 1]!;
      this.order[at] = k;
    }
    for (let k = 0; k < this.balanceCount; k++) {
      const b = this.order[k]!;
      c.colAsset.push(this.balanceAsset[b]!);
      c.colQty.push(this.balanceQty[b]!);
    }
    c.client.push(client);
    c.venue.push(venue);
    c.ownMode.push(mode === 'portfolio' ? 1 : 0);
    c.locked.push(locked);
    c.posStart.push(c.posInstr.length);
    c.colStart.push(c.colAsset.length);
    this.slotCount = 0;
    this.balanceCount = 0;
  }

  freeze(grouping: UnitGrouping): MarginUnits {
    const c = this.columns;
    return {
      grouping,
      count: c.client.length,
      client: Int32Array.from(c.client),
      venue: c.venue,
      ownMode: Uint8Array.from(c.ownMode),
      locked: Float64Array.from(c.locked),
      colStart: Int32Array.from(c.colStart),
      colAsset: Int32Array.from(c.colAsset),
      colQty: Float64Array.from(c.colQty),
      posStart: Int32Array.from(c.posStart),
      posInstr: Int32Array.from(c.posInstr),
      posAsset: Int32Array.from(c.posAsset),
      posQty: Float64Array.from(c.posQty),
      posEntry: Float64Array.from(c.posEntry),
    };
  }
}

/** `instrumentOf`: indexPositions() of the same book, priced by `instruments`. */
export function buildMarginUnits(
  book: Book,
  universe: AssetUniverse,
  instruments: InstrumentTable,
  instrumentOf: Int32Array,
  grouping: UnitGrouping,
): MarginUnits {
  const builder = new UnitBuilder(universe, instruments, instrumentOf);
  const clients = book.clients;
  for (let clientIndex = 0; clientIndex < clients.length; clientIndex++) {
    const client = clients[clientIndex]!;
    if (grouping === 'venue') {
      for (const sub of client.subaccounts) {
        builder.addCollateral(sub.collateral);
        builder.addPositions(sub.positions);
        builder.finishUnit(clientIndex, sub.venue, sub.marginMode);
      }
    } else {
      for (const sub of client.subaccounts) {
        builder.addCollateral(sub.collateral);
        builder.addPositions(sub.positions);
      }
      builder.finishUnit(clientIndex, null, 'portfolio');
    }
  }
  return builder.freeze(grouping);
}
