/**
 * What the report needs from the validated book and market that the calculation result does
 * not carry: today's market lines, the net delta per asset (book total and the largest
 * clients), and how many distinct clients are margin-called today under each regime.
 *
 * Computed with the engine's own margin units and market state, so the deltas are the ones the
 * portfolio-margin concentration add-on uses (MODEL.md §4 step 7): q for perps and futures,
 * q·Δ (Black–Scholes at today's price and vol) for options — plus, here always, the crypto
 * collateral balance n, because a coin held as collateral moves with its price whatever the
 * margin model. Stablecoin and USD balances carry no delta. A client's venues are pooled.
 */
import { CRYPTO } from '../engine/asset-universe.js';
import { ContagionEngine } from '../engine/engine.js';
import type { Book } from '../model/book.js';
import type { Market } from '../model/market.js';
import type { Regime, RiskParams } from '../model/params.js';
import type { AssetConcentration, ClientDelta, MarketLine } from './report-model.js';

export interface RegimeClientCounts {
  readonly regime: Regime;
  /** Clients with at least one unit where E_adj < IM at today's market. */
  readonly marginCalledClients: number;
  /** Clients with at least one unit where E_adj < MM at today's market. */
  readonly liquidatableClients: number;
}

export interface BookExposure {
  readonly asOf: string;
  readonly market: readonly MarketLine[];
  /** Crypto assets in market order. */
  readonly concentration: readonly AssetConcentration[];
  /** In the parameters' regime order. */
  readonly clientCounts: readonly RegimeClientCounts[];
}

export interface BookExposureInputs {
  readonly book: Book;
  readonly market: Market;
  readonly params: RiskParams;
}

export interface BookExposureOptions {
  /** Clients listed per asset (default 5). */
  readonly topClientsPerAsset?: number;
}

const DEFAULT_TOP_CLIENTS = 5;

/** Builds a fresh engine on the validated inputs; pass an existing one to `computeBookExposureWith`. */
export function computeBookExposure(
  inputs: BookExposureInputs,
  options: BookExposureOptions = {},
): BookExposure {
  return computeBookExposureWith(new ContagionEngine(inputs.book, inputs.market, inputs.params), options);
}

export function computeBookExposureWith(
  engine: ContagionEngine,
  options: BookExposureOptions = {},
): BookExposure {
  const { market, book, params, universe } = engine;
  const top = options.topClientsPerAsset ?? DEFAULT_TOP_CLIENTS;
  const clientIds = book.clients.map((c) => c.id);

  // One unit per client, every venue pooled (the cross-venue grouping).
  const units = engine.unitsOf('cross-venue');
  const exposure = engine.baseState.exposure;
  const assetCount = universe.count;
  const delta = new Float64Array(assetCount);
  const touched: number[] = [];
  const netDelta = new Float64Array(assetCount);
  const longUsd = new Float64Array(assetCount);
  const shortUsd = new Float64Array(assetCount);
  const holders = new Int32Array(assetCount);
  const leaders: TopByMagnitude[] = Array.from({ length: assetCount }, () => new TopByMagnitude(top));

  const add = (asset: number, amount: number) => {
    if (universe.kind[asset] !== CRYPTO) return;
    if (delta[asset] === 0 && !touched.includes(asset)) touched.push(asset);
    delta[asset] = delta[asset]! + amount;
  };
  for (let u = 0; u < units.count; u++) {
    for (let p = units.posStart[u]!; p < units.posStart[u + 1]!; p++) {
      add(units.posAsset[p]!, units.posQty[p]! * exposure[units.posInstr[p]!]!);
    }
    for (let c = units.colStart[u]!; c < units.colStart[u + 1]!; c++)
      add(units.colAsset[c]!, units.colQty[c]!);
    const client = units.client[u]!;
    for (const asset of touched) {
      const d = delta[asset]!;
      delta[asset] = 0;
      if (d === 0) continue;
      const usd = d * universe.price[asset]!;
      netDelta[asset] = netDelta[asset]! + d;
      if (usd > 0) longUsd[asset] = longUsd[asset]! + usd;
      else shortUsd[asset] = shortUsd[asset]! + usd;
      holders[asset] = holders[asset]! + 1;
      leaders[asset]!.offer(clientIds[client]!, d, usd);
    }
    touched.length = 0;
  }

  const concentration: AssetConcentration[] = universe.cryptoIndices.map((a) => {
    const price = universe.price[a]!;
    const gross = longUsd[a]! - shortUsd[a]!;
    const adv = universe.adv[a]!;
    const topClients: ClientDelta[] = leaders[a]!.sorted().map((entry) => ({
      clientId: entry.clientId,
      netDelta: entry.netDelta,
      netDeltaUsd: entry.netDeltaUsd,
      shareOfGross: gross > 0 ? Math.abs(entry.netDeltaUsd) / gross : 0,
    }));
    return {
      asset: universe.symbols[a]!,
      price,
      netDelta: netDelta[a]! + 0,
      netDeltaUsd: netDelta[a]! * price + 0,
      longUsd: longUsd[a]!,
      shortUsd: shortUsd[a]! + 0,
      clients: holders[a]!,
      largerSideAdvDays: adv > 0 ? Math.max(longUsd[a]!, -shortUsd[a]!) / adv : null,
      topClients,
    };
  });

  const clientCounts = params.regimes.map((regime): RegimeClientCounts => {
    const regimeUnits = engine.unitsOf(regime);
    const snapshot = engine.unitSnapshot(regime);
    const called = new Uint8Array(book.clients.length);
    const liquidatable = new Uint8Array(book.clients.length);
    for (let u = 0; u < regimeUnits.count; u++) {
      const client = regimeUnits.client[u]!;
      const adjusted = snapshot.adjustedEquity[u]!;
      if (adjusted < snapshot.im[u]!) called[client] = 1;
      if (adjusted < snapshot.mm[u]!) liquidatable[client] = 1;
    }
    return {
      regime,
      marginCalledClients: called.reduce((n, flag) => n + flag, 0),
      liquidatableClients: liquidatable.reduce((n, flag) => n + flag, 0),
    };
  });

  return {
    asOf: book.asOf,
    market: market.assets.map((quote) => ({
      asset: quote.symbol,
      kind: quote.kind,
      price: quote.price,
      vol: quote.vol,
      adv: quote.adv,
      depth1pct: quote.depth1pct,
    })),
    concentration,
    clientCounts,
  };
}

interface DeltaEntry {
  readonly clientId: string;
  readonly netDelta: number;
  readonly netDeltaUsd: number;
}

/** The `size` entries with the largest |USD| (ties: smaller client id first), kept sorted. */
class TopByMagnitude {
  private readonly entries: DeltaEntry[] = [];
  constructor(private readonly size: number) {}

  private static before(a: DeltaEntry, b: DeltaEntry): boolean {
    const x = Math.abs(a.netDeltaUsd);
    const y = Math.abs(b.netDeltaUsd);
    return x > y || (x === y && a.clientId < b.clientId);
  }

  offer(clientId: string, netDelta: number, netDeltaUsd: number): void {
    if (this.size <= 0) return;
    const entry = { clientId, netDelta, netDeltaUsd };
    const { entries } = this;
    if (entries.length === this.size && !TopByMagnitude.before(entry, entries[entries.length - 1]!)) return;
    let at = entries.length;
    while (at > 0 && TopByMagnitude.before(entry, entries[at - 1]!)) at--;
    entries.splice(at, 0, entry);
    if (entries.length > this.size) entries.pop();
  }

  sorted(): readonly DeltaEntry[] {
    return this.entries;
  }
}
