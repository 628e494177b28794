/**
 * Small builders for the four input documents in their interchange (file) form, MODEL.md §8,
 * and for an engine on them. Documents are plain JSON-ready objects: tests can mutate copies to
 * break one field at a time, deep-freeze them, or feed them to `calculate`.
 *
 * Defaults mirror the specification's small example: asOf 2026-11-30, rate 0, the reference
 * params (test/fixtures/spec/params.reference.json) and the small example's market
 * (BTC 91,500, ETH 3,020, SOL 137, USDT and USDC at 1).
 */
import { readFileSync } from 'node:fs';
import {
  type CalculationDocuments,
  type ValidatedInputs,
  validateInputs,
} from '../../functions/core/calculation/calculate.js';
import { ContagionEngine } from '../../functions/core/engine/engine.js';

// ─── JSON value types of the documents (loose on purpose: tests also build broken documents) ───

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonRecord = { [key: string]: Json };

/** Business date of the specification's examples. */
export const SPEC_AS_OF = '2026-11-30';

// ─── fixtures ───

const FIXTURES = new URL('../fixtures/spec/', import.meta.url);

/** A file under test/fixtures/spec/, parsed (a fresh object on every call). */
export function readSpecFixture(relativePath: string): JsonRecord {
  return JSON.parse(readFileSync(new URL(relativePath, FIXTURES), 'utf8')) as JsonRecord;
}

/** params.reference.json (fresh copy). */
export function referenceParams(): JsonRecord {
  return readSpecFixture('params.reference.json');
}

/** params.breaker.json (fresh copy): the reference params with a 12% circuit breaker. */
export function breakerParams(): JsonRecord {
  return readSpecFixture('params.breaker.json');
}

export type SpecExample = 'small' | 'medium';

/** The four documents of a specification example with the reference params (fresh copies). */
export function specExampleDocuments(example: SpecExample, params: JsonRecord = referenceParams()) {
  return {
    book: readSpecFixture(`examples/${example}/book.json`),
    market: readSpecFixture(`examples/${example}/market.json`),
    scenarios: readSpecFixture(`examples/${example}/scenarios.json`),
    params,
  };
}

// ─── market ───

export interface CryptoQuoteOptions {
  readonly adv?: number;
  readonly depth1pct?: number;
}

/** A crypto asset quote: price USD per unit, vol annualised; adv and depth in USD. */
export function cryptoQuote(price: number, vol: number, options: CryptoQuoteOptions = {}): JsonRecord {
  return {
    kind: 'crypto',
    price,
    vol,
    adv: options.adv ?? 1_000_000_000,
    depth1pct: options.depth1pct ?? 10_000_000,
  };
}

/** A stablecoin quote (adv and depth are not needed for stablecoins, MODEL.md §1.4). */
export function stablecoinQuote(price = 1, vol = 0.01): JsonRecord {
  return { kind: 'stablecoin', price, vol };
}

export function marketDocument(
  assets: Record<string, JsonRecord>,
  options: { readonly asOf?: string; readonly rate?: number } = {},
): JsonRecord {
  return { asOf: options.asOf ?? SPEC_AS_OF, rate: options.rate ?? 0, assets };
}

/** The small example's market: BTC 91,500 (σ 0.52), ETH 3,020 (0.68), SOL 137 (0.85), USDT, USDC. */
export function smallExampleMarket(options: { readonly asOf?: string; readonly rate?: number } = {}) {
  return marketDocument(
    {
      BTC: cryptoQuote(91_500, 0.52, { adv: 25_000_000_000, depth1pct: 60_000_000 }),
      ETH: cryptoQuote(3_020, 0.68, { adv: 12_000_000_000, depth1pct: 25_000_000 }),
      SOL: cryptoQuote(137, 0.85, { adv: 3_000_000_000, depth1pct: 6_000_000 }),
      USDT: stablecoinQuote(),
      USDC: stablecoinQuote(),
    },
    options,
  );
}

// ─── book ───

/** Perpetual: signed qty (long > 0) in units of `asset`, entry USD per unit. */
export function perp(asset: string, qty: number, entry: number): JsonRecord {
  return { type: 'perp', asset, qty, entry };
}

/** Dated future: signed qty, entry USD per unit, expiry `YYYY-MM-DD`. */
export function future(asset: string, qty: number, entry: number, expiry: string): JsonRecord {
  return { type: 'future', asset, qty, entry, expiry };
}

/** European USD-settled option: signed qty (short < 0), strike USD, expiry `YYYY-MM-DD`. */
export function option(
  asset: string,
  right: 'call' | 'put',
  strike: number,
  expiry: string,
  qty: number,
): JsonRecord {
  return { type: 'option', asset, right, strike, expiry, qty };
}

export interface SubaccountContents {
  /** Asset → signed quantity (negative = borrowed). */
  readonly collateral?: Record<string, number>;
  readonly positions?: readonly JsonRecord[];
}

export function subaccount(
  venue: string,
  marginMode: 'standard' | 'portfolio',
  contents: SubaccountContents = {},
): JsonRecord {
  return {
    venue,
    marginMode,
    collateral: { ...(contents.collateral ?? {}) },
    positions: [...(contents.positions ?? [])],
  };
}

export function client(id: string, ...subaccounts: JsonRecord[]): JsonRecord {
  return { id, subaccounts };
}

export function bookDocument(
  clients: readonly JsonRecord[],
  options: { readonly asOf?: string; readonly insuranceFund?: number } = {},
): JsonRecord {
  return {
    asOf: options.asOf ?? SPEC_AS_OF,
    insuranceFund: options.insuranceFund ?? 0,
    clients: [...clients],
  };
}

// ─── scenarios ───

export interface ShockEntry {
  readonly shock?: number;
  readonly vol?: number;
  readonly liquidity?: number;
}

/** A hypothetical scenario; `shocks` may also be a raw object (tests build invalid entries). */
export function scenario(id: string, shocks: Record<string, ShockEntry> | JsonRecord, name = id): JsonRecord {
  return { id, name, kind: 'hypothetical', shocks: shocks as JsonRecord };
}

export function scenariosDocument(...scenarios: JsonRecord[]): JsonRecord {
  return { scenarios };
}

// ─── assembling ───

export interface DocumentParts {
  readonly book: unknown;
  readonly market?: unknown;
  readonly params?: unknown;
  readonly scenarios?: unknown;
}

/** The four documents; market, params and scenarios default to the small example's, the reference and none. */
export function calculationDocuments(parts: DocumentParts): CalculationDocuments {
  return {
    book: parts.book,
    market: parts.market ?? smallExampleMarket(),
    params: parts.params ?? referenceParams(),
    scenarios: parts.scenarios ?? scenariosDocument(),
  };
}

/** Validates the documents and builds the engine on what was accepted. */
export function buildEngine(parts: DocumentParts): { engine: ContagionEngine; inputs: ValidatedInputs } {
  const inputs = validateInputs(calculationDocuments(parts));
  return { engine: new ContagionEngine(inputs.book, inputs.market, inputs.params), inputs };
}

/** Freezes a value and everything reachable from it (objects and arrays), in place. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
