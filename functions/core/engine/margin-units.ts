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
import type { InstrumentRegistry } from './instruments.js';

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

interface NettingSlot {
  instrument: number;
  asset: number;
  qty: number;
  /** Σ qᵢ·entryᵢ (linear positions). */
  qtyTimesEntry: number;
  isOption: boolean;
}

class UnitBuilder {
  private readonly columns = new UnitColumns();
  // Scratch reused for every unit (units hold a handful of positions: a linear scan beats a Map).
  private slots: NettingSlot[] = [];
  private collateral = new Map<number, number>();

  constructor(
    private readonly universe: AssetUniverse,
    private readonly instruments: InstrumentRegistry,
  ) {}

  addPositions(positions: readonly Position[]): void {
    for (const position of positions) {
      const asset = this.universe.indexOf.get(position.asset)!;
      const instrument = this.instruments.indexOf(position, asset);
      let slot = this.slots.find((s) => s.instrument === instrument);
      if (!slot) {
        slot = { instrument, asset, qty: 0, qtyTimesEntry: 0, isOption: position.type === 'option' };
        this.slots.push(slot);
      }
      slot.qty += position.qty;
      if (position.type !== 'option') slot.qtyTimesEntry += position.qty * position.entry;
    }
  }

  addCollateral(balances: readonly CollateralBalance[]): void {
    for (const { asset, qty } of balances) {
      const index = this.universe.indexOf.get(asset)!;
      this.collateral.set(index, (this.collateral.get(index) ?? 0) + qty);
    }
  }

  finishUnit(client: number, venue: string | null, mode: MarginMode): void {
    const c = this.columns;
    let locked = 0;
    const kept = this.slots.filter((slot) => {
      if (slot.qty !== 0) return true;
      if (!slot.isOption) locked -= slot.qtyTimesEntry;
      return false;
    });
    kept.sort((a, b) => a.asset - b.asset || a.instrument - b.instrument);
    for (const slot of kept) {
      c.posInstr.push(slot.instrument);
      c.posAsset.push(slot.asset);
      c.posQty.push(slot.qty);
      c.posEntry.push(slot.isOption ? Number.NaN : slot.qtyTimesEntry / slot.qty);
    }
    const balances = [...this.collateral.entries()].sort((a, b) => a[0] - b[0]);
    for (const [asset, qty] of balances) {
      c.colAsset.push(asset);
      c.colQty.push(qty);
    }
    c.client.push(client);
    c.venue.push(venue);
    c.ownMode.push(mode === 'portfolio' ? 1 : 0);
    c.locked.push(locked);
    c.posStart.push(c.posInstr.length);
    c.colStart.push(c.colAsset.length);
    this.slots = [];
    this.collateral = new Map();
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

export function buildMarginUnits(
  book: Book,
  universe: AssetUniverse,
  instruments: InstrumentRegistry,
  grouping: UnitGrouping,
): MarginUnits {
  const builder = new UnitBuilder(universe, instruments);
  book.clients.forEach((client, clientIndex) => {
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
  });
  return builder.freeze(grouping);
}
