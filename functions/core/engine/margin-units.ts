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

/** Columns filled up to their counts, sized from the book beforehand (no growth, no copies). */
class UnitColumns {
  units = 0;
  positions = 0;
  balances = 0;
  readonly client: Int32Array;
  readonly venue: (string | null)[] = [];
  readonly ownMode: Uint8Array;
  readonly locked: Float64Array;
  readonly colStart: Int32Array;
  readonly colAsset: Int32Array;
  readonly colQty: Float64Array;
  readonly posStart: Int32Array;
  readonly posInstr: Int32Array;
  readonly posAsset: Int32Array;
  readonly posQty: Float64Array;
  readonly posEntry: Float64Array;

  constructor(units: number, positions: number, balances: number) {
    this.client = new Int32Array(units);
    this.ownMode = new Uint8Array(units);
    this.locked = new Float64Array(units);
    this.colStart = new Int32Array(units + 1);
    this.posStart = new Int32Array(units + 1);
    this.colAsset = new Int32Array(balances);
    this.colQty = new Float64Array(balances);
    this.posInstr = new Int32Array(positions);
    this.posAsset = new Int32Array(positions);
    this.posQty = new Float64Array(positions);
    this.posEntry = new Float64Array(positions);
  }
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
  private readonly columns: UnitColumns;
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
    capacity: { units: number; balances: number },
  ) {
    this.columns = new UnitColumns(capacity.units, instrumentOf.length, capacity.balances);
  }

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
      const at = c.positions++;
      c.posInstr[at] = instrument;
      c.posAsset[at] = assetOf[instrument]!;
      c.posQty[at] = qty;
      c.posEntry[at] = this.slotIsOption[slot] ? Number.NaN : this.slotQtyTimesEntry[slot]! / qty;
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
      const at = c.balances++;
      c.colAsset[at] = this.balanceAsset[b]!;
      c.colQty[at] = this.balanceQty[b]!;
    }
    const u = c.units++;
    c.client[u] = client;
    c.venue.push(venue);
    c.ownMode[u] = mode === 'portfolio' ? 1 : 0;
    c.locked[u] = locked;
    c.posStart[u + 1] = c.positions;
    c.colStart[u + 1] = c.balances;
    this.slotCount = 0;
    this.balanceCount = 0;
  }

  freeze(grouping: UnitGrouping): MarginUnits {
    const c = this.columns;
    const units = c.units;
    return {
      grouping,
      count: units,
      client: c.client.slice(0, units),
      venue: c.venue,
      ownMode: c.ownMode.slice(0, units),
      locked: c.locked.slice(0, units),
      colStart: c.colStart.slice(0, units + 1),
      colAsset: c.colAsset.slice(0, c.balances),
      colQty: c.colQty.slice(0, c.balances),
      posStart: c.posStart.slice(0, units + 1),
      posInstr: c.posInstr.slice(0, c.positions),
      posAsset: c.posAsset.slice(0, c.positions),
      posQty: c.posQty.slice(0, c.positions),
      posEntry: c.posEntry.slice(0, c.positions),
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
  const clients = book.clients;
  let subaccounts = 0;
  let balances = 0;
  for (const client of clients) {
    subaccounts += client.subaccounts.length;
    for (const sub of client.subaccounts) balances += sub.collateral.length;
  }
  const units = grouping === 'venue' ? subaccounts : clients.length;
  const builder = new UnitBuilder(universe, instruments, instrumentOf, { units, balances });
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
