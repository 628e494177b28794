/**
 * Seeded synthetic book and market generator (see README.md beside this file for the model).
 *
 * Pure and deterministic: the output depends only on the options. Client i is generated from its
 * own PRNG stream (seed, i), so a book of n clients is a prefix of a book of n + k clients
 * with the same seed and options (only the market's adv/depth1pct and the insurance fund,
 * which scale with the book, differ), and clients can be streamed one at a time.
 *
 * Sizing: each subaccount's collateral is solved from a target adjusted equity, itself derived
 * from the client's leverage and an approximation of the REFERENCE risk parameters
 * (params.reference.json: tiers, haircuts, option and portfolio-margin settings). The
 * generator never reads a params document; the approximation only keeps accounts plausible
 * (most above initial margin, a chosen share between maintenance and initial margin).
 */
import { epochDay, isoDateFromEpochDay, parseIsoDate } from '../dates.js';
import { optionDelta, optionPrice } from '../pricing/black-scholes.js';
import type {
  BookDocument,
  ClientDocument,
  MarginModeName,
  MarketAssetDocument,
  MarketDocument,
  PositionDocument,
  SubaccountDocument,
} from './documents.js';
import { cumulativeWeights, hashSeed, Prng, type SeedHash } from './prng.js';

export interface SyntheticBookOptions {
  /** Number of clients (integer ≥ 0). */
  readonly clients: number;
  readonly seed: number | string;
  /** ISO date `YYYY-MM-DD`; expiries are computed from it (no clock). */
  readonly asOf: string;
  /** Number of crypto assets, 4..8 (default 6), taken in order BTC, ETH, SOL, XRP, BNB, DOGE, LINK, AVAX. */
  readonly assets?: number;
  /** Mean number of positions per client (default 3; 0 < m ≤ 16). */
  readonly positionsPerClient?: number;
  /** Probability that a position is an option (default 1/3). */
  readonly optionShare?: number;
  /** Insurance fund as a fraction of the book's total collateral value (default 0.1). */
  readonly insuranceFundRatio?: number;
  /** Share of clients sized between maintenance and initial margin (default 0.04). */
  readonly nearLiquidationShare?: number;
  /** Market rate; default: drawn from the seed, 0 or a small rate in [0.01, 0.05]. */
  readonly rate?: number;
}

export interface SyntheticBook {
  readonly book: BookDocument;
  readonly market: MarketDocument;
}

/** Counts and sums over the generated clients; the insurance fund derives from them. */
export interface SyntheticBookTotals {
  readonly clients: number;
  readonly subaccounts: number;
  readonly positions: number;
  readonly options: number;
  /** Σ collateral quantity × price over every subaccount (borrowed balances count negative), USD. */
  readonly collateralUsd: number;
  /** Σ |qty| × spot over every position, USD. */
  readonly grossNotionalUsd: number;
  readonly insuranceFund: number;
}

export interface SyntheticBookStream {
  readonly asOf: string;
  readonly market: MarketDocument;
  /** The clients, in book order (the same sequence as `generateSyntheticBook`). */
  readonly clients: IterableIterator<ClientDocument>;
  /** The totals and the insurance fund; available once `clients` is exhausted. */
  totals(): SyntheticBookTotals;
}

// ---------------------------------------------------------------------------------------------
// Catalogue and calibration

interface AssetSpec {
  readonly symbol: string;
  /** Reference price, jittered per seed. */
  readonly price: number;
  readonly volMin: number;
  readonly volMax: number;
  /** Relative share of client activity. */
  readonly popularity: number;
  /** adv as a multiple of the asset's expected gross notional in the book. */
  readonly advMultiple: number;
  /** depth1pct as a multiple of the asset's expected gross notional in the book. */
  readonly depthMultiple: number;
  /** Index into RISK_CLASSES. */
  readonly riskClass: number;
}

const ASSET_CATALOG: readonly AssetSpec[] = [
  {
    symbol: 'BTC',
    price: 95000,
    volMin: 0.45,
    volMax: 0.58,
    popularity: 40,
    advMultiple: 0.6,
    depthMultiple: 0.015,
    riskClass: 0,
  },
  {
    symbol: 'ETH',
    price: 3300,
    volMin: 0.55,
    volMax: 0.72,
    popularity: 25,
    advMultiple: 0.45,
    depthMultiple: 0.01,
    riskClass: 1,
  },
  {
    symbol: 'SOL',
    price: 185,
    volMin: 0.7,
    volMax: 0.95,
    popularity: 10,
    advMultiple: 0.25,
    depthMultiple: 0.007,
    riskClass: 2,
  },
  {
    symbol: 'XRP',
    price: 2.3,
    volMin: 0.65,
    volMax: 0.95,
    popularity: 6,
    advMultiple: 0.25,
    depthMultiple: 0.007,
    riskClass: 2,
  },
  {
    symbol: 'BNB',
    price: 650,
    volMin: 0.45,
    volMax: 0.65,
    popularity: 6,
    advMultiple: 0.3,
    depthMultiple: 0.008,
    riskClass: 2,
  },
  {
    symbol: 'DOGE',
    price: 0.32,
    volMin: 0.8,
    volMax: 1,
    popularity: 6,
    advMultiple: 0.15,
    depthMultiple: 0.005,
    riskClass: 2,
  },
  {
    symbol: 'LINK',
    price: 18,
    volMin: 0.72,
    volMax: 0.95,
    popularity: 4,
    advMultiple: 0.12,
    depthMultiple: 0.005,
    riskClass: 2,
  },
  {
    symbol: 'AVAX',
    price: 35,
    volMin: 0.78,
    volMax: 1,
    popularity: 3,
    advMultiple: 0.12,
    depthMultiple: 0.005,
    riskClass: 2,
  },
];

const STABLECOINS = ['USDT', 'USDC', 'DAI'] as const;
const STABLE_CUMULATIVE = cumulativeWeights([0.6, 0.3, 0.1]);
const VENUES = ['venue-a', 'venue-b', 'venue-c', 'venue-d', 'venue-e'] as const;
const VENUE_CUMULATIVE = cumulativeWeights([0.3, 0.25, 0.2, 0.15, 0.1]);
/** Collateral coin of clients who post crypto: BTC or ETH. */
const MAJOR_CUMULATIVE = cumulativeWeights([0.6, 0.4]);

/**
 * Expected gross notional per client (USD), measured on 100k-client books with the defaults
 * (134k–148k over three seeds); used to scale adv and depth1pct with the book so that
 * liquidations move prices visibly (a few percentage points beyond the shock in a crash under
 * the reference `sqrt` impact, more for thin alts) without the clients having to be seen first.
 */
const EXPECTED_GROSS_PER_CLIENT = 140_000;

/** Pareto client equity: scale (USD), tail index, cap. */
const EQUITY_SCALE = 2000;
const EQUITY_TAIL = 1.25;
const EQUITY_CAP = 1e8;
const MAX_LEGS = 64;
const LEG_TYPE_PERP = 0;
const LEG_TYPE_FUTURE = 1;
const LEG_TYPE_OPTION = 2;

/** An approximation of the reference risk parameters (params.reference.json), for sizing only. */
interface RiskClass {
  readonly haircut: number;
  /** Flattened (upTo, imr, mmr) triples; the last upTo is Infinity. */
  readonly tiers: readonly number[];
  readonly range: number;
  readonly volUp: number;
  readonly volDown: number;
  readonly extremeDown: number;
  readonly extremeUp: number;
  readonly extremeFraction: number;
  readonly contingency: number;
  readonly concentrationThreshold: number;
  readonly concentrationRate: number;
}

const RISK_CLASSES: readonly RiskClass[] = [
  {
    haircut: 0.05,
    tiers: [1e6, 0.01, 0.005, 5e6, 0.02, 0.01, 25e6, 0.04, 0.02, 1e8, 0.1, 0.05, Infinity, 0.25, 0.125],
    range: 0.16,
    volUp: 0.5,
    volDown: 0.3,
    extremeDown: -0.33,
    extremeUp: 0.5,
    extremeFraction: 0.33,
    contingency: 0.01,
    concentrationThreshold: 50e6,
    concentrationRate: 0.05,
  },
  {
    haircut: 0.07,
    tiers: [
      5e5,
      0.0133,
      0.0065,
      2.5e6,
      0.02,
      0.01,
      10e6,
      0.05,
      0.025,
      50e6,
      0.1,
      0.05,
      Infinity,
      0.25,
      0.125,
    ],
    range: 0.2,
    volUp: 0.5,
    volDown: 0.3,
    extremeDown: -0.4,
    extremeUp: 0.6,
    extremeFraction: 0.33,
    contingency: 0.01,
    concentrationThreshold: 20e6,
    concentrationRate: 0.05,
  },
  {
    haircut: 0.2,
    tiers: [2.5e5, 0.02, 0.01, 1e6, 0.05, 0.025, 5e6, 0.1, 0.05, Infinity, 0.25, 0.125],
    range: 0.3,
    volUp: 0.6,
    volDown: 0.3,
    extremeDown: -0.5,
    extremeUp: 1,
    extremeFraction: 0.33,
    contingency: 0.015,
    concentrationThreshold: 5e6,
    concentrationRate: 0.08,
  },
];
const OPTION_IM = 0.15;
const OPTION_IM_FLOOR = 0.1;
const OPTION_MM = 0.075;
const PM_MM_FACTOR = 0.8;

// ---------------------------------------------------------------------------------------------
// Rounding

const POW10: readonly number[] = Array.from({ length: 25 }, (_, i) => 10 ** (i - 12));

function pow10(exponent: number): number {
  return POW10[exponent + 12] ?? 10 ** exponent;
}

/** x rounded to a multiple of 10^exponent, so that it prints with at most −exponent decimals. */
function roundToExponent(x: number, exponent: number): number {
  if (exponent < 0) {
    const scale = pow10(-exponent);
    return Math.round(x * scale) / scale;
  }
  const unit = pow10(exponent);
  return Math.round(x / unit) * unit;
}

/** x rounded to `digits` significant figures (x ≠ 0). */
function roundSignificant(x: number, digits: number): number {
  if (x === 0) return 0;
  return roundToExponent(x, Math.floor(Math.log10(Math.abs(x))) - digits + 1);
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) near x > 0, as mantissa × 10^exponent with integer mantissa. */
function niceStep(x: number): { mantissa: number; exponent: number } {
  let exponent = Math.floor(Math.log10(x));
  const f = x / pow10(exponent);
  if (f < 1.5) return { mantissa: 1, exponent };
  if (f < 2.25) return { mantissa: 2, exponent };
  if (f < 3.5) return { mantissa: 25, exponent: exponent - 1 };
  if (f < 7.5) return { mantissa: 5, exponent };
  exponent += 1;
  return { mantissa: 1, exponent };
}

// ---------------------------------------------------------------------------------------------
// Setup: market, expiries, strike ladders (shared by every client)

interface Setup {
  readonly clients: number;
  readonly seed: SeedHash;
  readonly asOf: string;
  readonly market: MarketDocument;
  readonly rate: number;
  readonly positionsPerClient: number;
  readonly legMean: number;
  readonly optionShare: number;
  readonly nearLiquidationShare: number;
  readonly insuranceFundRatio: number;
  readonly nAssets: number;
  readonly symbols: readonly string[];
  readonly price: Float64Array;
  readonly vol: Float64Array;
  readonly risk: readonly RiskClass[];
  /** Quantity rounding exponent for linear positions and collateral / for options. */
  readonly qtyExponent: Int32Array;
  readonly optionQtyExponent: Int32Array;
  readonly assetCumulative: Float64Array;
  readonly optionExpiries: readonly string[];
  readonly optionTau: Float64Array;
  readonly optionExpiryCumulative: Float64Array;
  /** Strike ladder per (asset, option expiry): strike = k × mantissa × 10^exponent. */
  readonly strikeMantissa: Float64Array;
  readonly strikeExponent: Int32Array;
  readonly futureExpiries: readonly string[];
  readonly futureTau: Float64Array;
  readonly futureExpiryCumulative: Float64Array;
}

function readOption(
  value: number | undefined,
  fallback: number,
  name: string,
  ok: (v: number) => boolean,
): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v))
    throw new RangeError(`invalid ${name}: ${String(v)}`);
  return v;
}

/** Day of week, 0 = Sunday … 5 = Friday (1970-01-01 was a Thursday). */
function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function dayOf(year: number, month: number, day: number): number {
  // month may be 13 (January of the next year).
  const y = month > 12 ? year + 1 : year;
  const m = month > 12 ? month - 12 : month;
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = parseIsoDate(text);
  if (date === undefined) throw new RangeError(`bad date ${text}`);
  return epochDay(date);
}

/** The last Friday of a month (the usual monthly and quarterly crypto derivatives expiry). */
function lastFriday(year: number, month: number): number {
  const lastDay = dayOf(year, month + 1, 1) - 1;
  return lastDay - ((dayOfWeek(lastDay) - 5 + 7) % 7);
}

interface ExpiryCalendar {
  readonly weeklies: readonly number[];
  readonly monthlies: readonly number[];
  readonly quarterlies: readonly number[];
}

/** Weeklies (next 3 Fridays), monthlies (next 3 month-ends) and quarterlies (next 4), all after asOf. */
function expiryCalendar(asOfDay: number): ExpiryCalendar {
  const firstFriday = asOfDay + ((5 - dayOfWeek(asOfDay) + 7) % 7 || 7);
  const weeklies = [firstFriday, firstFriday + 7, firstFriday + 14];
  const asOfDate = isoDateFromEpochDay(asOfDay);
  let year = Number(asOfDate.slice(0, 4));
  let month = Number(asOfDate.slice(5, 7));
  const monthlies: number[] = [];
  const quarterlies: number[] = [];
  while (monthlies.length < 3 || quarterlies.length < 4) {
    const day = lastFriday(year, month);
    if (day > asOfDay) {
      if (monthlies.length < 3) monthlies.push(day);
      if (month % 3 === 0 && quarterlies.length < 4) quarterlies.push(day);
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return { weeklies, monthlies, quarterlies };
}

function buildSetup(options: SyntheticBookOptions): Setup {
  const clients = options.clients;
  if (!Number.isSafeInteger(clients) || clients < 0) throw new RangeError(`invalid clients: ${clients}`);
  const asOfDate = parseIsoDate(options.asOf);
  if (asOfDate === undefined) throw new RangeError(`invalid asOf (YYYY-MM-DD): ${options.asOf}`);
  const nAssets = readOption(options.assets, 6, 'assets', (v) => Number.isInteger(v) && v >= 4 && v <= 8);
  const positionsPerClient = readOption(
    options.positionsPerClient,
    3,
    'positionsPerClient',
    (v) => v > 0 && v <= 16,
  );
  const optionShare = readOption(options.optionShare, 1 / 3, 'optionShare', (v) => v >= 0 && v <= 1);
  const insuranceFundRatio = readOption(options.insuranceFundRatio, 0.1, 'insuranceFundRatio', (v) => v >= 0);
  const nearLiquidationShare = readOption(
    options.nearLiquidationShare,
    0.04,
    'nearLiquidationShare',
    (v) => v >= 0 && v <= 1,
  );
  const seed = hashSeed(options.seed);
  const asOfDay = epochDay(asOfDate);

  // Market: a dedicated stream of the seed (client streams are 0 .. clients−1).
  const rng = new Prng({ hi: seed.hi ^ 0x6d61726b, lo: seed.lo }, 0xffffffff);
  const specs = ASSET_CATALOG.slice(0, nAssets);
  const price = new Float64Array(nAssets);
  const vol = new Float64Array(nAssets);
  for (let a = 0; a < nAssets; a++) {
    const spec = specs[a]!;
    price[a] = roundSignificant(spec.price * Math.exp(rng.normal(0, 0.08)), 5);
    vol[a] = roundToExponent(rng.uniform(spec.volMin, spec.volMax), -4);
  }
  const drawnRate = rng.chance(0.5) ? 0 : roundToExponent(rng.uniform(0.01, 0.05), -3);
  const rate = readOption(options.rate, drawnRate, 'rate', (v) => Math.abs(v) < 1);

  const popularityTotal = specs.reduce((sum, spec) => sum + spec.popularity, 0);
  const bookScale = Math.max(clients, 1) * EXPECTED_GROSS_PER_CLIENT;
  const assets: Record<string, MarketAssetDocument> = {};
  for (let a = 0; a < nAssets; a++) {
    const spec = specs[a]!;
    const expectedGross = (bookScale * spec.popularity) / popularityTotal;
    assets[spec.symbol] = {
      kind: 'crypto',
      price: price[a]!,
      vol: vol[a]!,
      adv: roundSignificant(Math.max(spec.advMultiple * expectedGross, 1e5), 3),
      depth1pct: roundSignificant(Math.max(spec.depthMultiple * expectedGross, 1e4), 3),
    };
  }
  for (const coin of STABLECOINS) assets[coin] = { kind: 'stablecoin', price: 1, vol: 0.01 };
  const market: MarketDocument = { asOf: options.asOf, rate, assets };

  // Expiries and strike ladders.
  const calendar = expiryCalendar(asOfDay);
  const optionDays = [
    ...new Set([...calendar.weeklies, ...calendar.monthlies, ...calendar.quarterlies]),
  ].sort((x, y) => x - y);
  const quarterlySet = new Set(calendar.quarterlies);
  const monthlySet = new Set(calendar.monthlies);
  const optionTau = Float64Array.from(optionDays, (day) => (day - asOfDay) / 365);
  const optionWeights = optionDays.map((day, e) => {
    const kindWeight = monthlySet.has(day) ? 1.3 : quarterlySet.has(day) ? 1 : 0.9;
    return kindWeight / (1 + 1.5 * optionTau[e]!);
  });
  const nExpiries = optionDays.length;
  const strikeMantissa = new Float64Array(nAssets * nExpiries);
  const strikeExponent = new Int32Array(nAssets * nExpiries);
  for (let a = 0; a < nAssets; a++) {
    for (let e = 0; e < nExpiries; e++) {
      const day = optionDays[e]!;
      const fraction = quarterlySet.has(day) ? 0.05 : monthlySet.has(day) ? 0.025 : 0.02;
      const step = niceStep(price[a]! * fraction);
      strikeMantissa[a * nExpiries + e] = step.mantissa;
      strikeExponent[a * nExpiries + e] = step.exponent;
    }
  }
  const qtyExponent = Int32Array.from(price, (p) => Math.floor(Math.log10(10 / p)));
  const optionQtyExponent = Int32Array.from(price, (p) => Math.floor(Math.log10(1000 / p)));

  return {
    clients,
    seed,
    asOf: options.asOf,
    market,
    rate,
    positionsPerClient,
    // Legs per client = 1 + ⌊Exp(legMean)⌋ has mean positionsPerClient (for m > 1).
    legMean: positionsPerClient > 1 ? 1 / Math.log(1 + 1 / (positionsPerClient - 1)) : 0,
    optionShare,
    nearLiquidationShare,
    insuranceFundRatio,
    nAssets,
    symbols: specs.map((spec) => spec.symbol),
    price,
    vol,
    risk: specs.map((spec) => RISK_CLASSES[spec.riskClass]!),
    qtyExponent,
    optionQtyExponent,
    assetCumulative: cumulativeWeights(specs.map((spec) => spec.popularity)),
    optionExpiries: optionDays.map((day) => isoDateFromEpochDay(day)),
    optionTau,
    optionExpiryCumulative: cumulativeWeights(optionWeights),
    strikeMantissa,
    strikeExponent,
    futureExpiries: calendar.quarterlies.map((day) => isoDateFromEpochDay(day)),
    futureTau: Float64Array.from(calendar.quarterlies, (day) => (day - asOfDay) / 365),
    futureExpiryCumulative: cumulativeWeights([0.4, 0.3, 0.2, 0.1]),
  };
}

// ---------------------------------------------------------------------------------------------
// Client factory: one instance per stream, scratch arrays reused for every client

class ClientFactory {
  private readonly rng = new Prng();
  // Legs of the current client (structure of arrays).
  private readonly legAsset = new Int32Array(MAX_LEGS);
  private readonly legType = new Int8Array(MAX_LEGS);
  private readonly legSlot = new Int8Array(MAX_LEGS);
  private readonly legExpiry = new Int32Array(MAX_LEGS);
  private readonly legCall = new Uint8Array(MAX_LEGS);
  private readonly legStrikeK = new Float64Array(MAX_LEGS);
  private readonly legStrike = new Float64Array(MAX_LEGS);
  private readonly legSign = new Int8Array(MAX_LEGS);
  private readonly legParent = new Int32Array(MAX_LEGS);
  private readonly legRatio = new Float64Array(MAX_LEGS);
  private readonly legUsesDelta = new Uint8Array(MAX_LEGS);
  private readonly legWeight = new Float64Array(MAX_LEGS);
  private readonly legShock = new Float64Array(MAX_LEGS);
  private readonly legQty = new Float64Array(MAX_LEGS);
  private readonly legEntry = new Float64Array(MAX_LEGS);
  private readonly legValue = new Float64Array(MAX_LEGS);
  private readonly legDelta = new Float64Array(MAX_LEGS);
  private legCount = 0;
  // Venues of the current client: venue index and margin mode per slot.
  private readonly slotVenue = new Int32Array(3);
  private readonly slotPortfolio = new Uint8Array(3);
  private slotCount = 0;
  private readonly collateral: Float64Array;
  private im = 0;
  private mm = 0;
  // Running totals.
  subaccounts = 0;
  positions = 0;
  options = 0;
  collateralUsd = 0;
  grossNotionalUsd = 0;

  constructor(private readonly setup: Setup) {
    this.collateral = new Float64Array(setup.nAssets);
  }

  client(index: number): ClientDocument {
    const { setup, rng } = this;
    rng.reseed(setup.seed, index);

    const hedger = rng.chance(0.45);
    const equity = Math.min(rng.pareto(EQUITY_SCALE, EQUITY_TAIL) * (hedger ? 2 : 1), EQUITY_CAP);
    const hedgeProbability = hedger ? rng.uniform(0.5, 0.9) : 0;
    const leverage = Math.min(Math.max(rng.lognormal(Math.log(hedger ? 6 : 4), hedger ? 0.9 : 1), 1), 50);
    const nearLiquidation = rng.chance(setup.nearLiquidationShare);
    const legCount = this.drawLegCount();
    this.drawVenues(equity, hedger, legCount);
    this.drawLegs(hedgeProbability, legCount);
    this.sizeLegs(equity * leverage);

    // Exact-size arrays: a pushed-to [] reserves 17 slots, which adds up over 10⁵–10⁶ records.
    const subaccounts = new Array<SubaccountDocument>(this.slotCount);
    for (let slot = 0; slot < this.slotCount; slot++) {
      subaccounts[slot] = this.subaccount(slot, equity, leverage, nearLiquidation);
    }
    this.subaccounts += this.slotCount;
    return { id: `C${String(index).padStart(7, '0')}`, subaccounts };
  }

  /** 1–3 distinct venues (bigger clients use more), in venue order; a margin mode per venue. */
  private drawVenues(equity: number, hedger: boolean, legCount: number): void {
    const { rng } = this;
    const big = equity > 250_000;
    const u = rng.next();
    let count = u < (big ? 0.25 : 0.45) ? 1 : u < (big ? 0.6 : 0.78) ? 2 : 3;
    // Mostly no more venues than positions (a few collateral-only subaccounts remain).
    if (count > legCount && rng.chance(0.8)) count = Math.max(legCount, 1);
    let n = 0;
    while (n < count) {
      const venue = rng.weightedIndex(VENUE_CUMULATIVE);
      let seen = false;
      for (let i = 0; i < n; i++) if (this.slotVenue[i] === venue) seen = true;
      if (seen) continue;
      // Insertion keeps the slots sorted by venue.
      let i = n;
      while (i > 0 && this.slotVenue[i - 1]! > venue) {
        this.slotVenue[i] = this.slotVenue[i - 1]!;
        i--;
      }
      this.slotVenue[i] = venue;
      n++;
    }
    this.slotCount = count;
    const portfolioProbability = 0.12 + (hedger ? 0.3 : 0) + (equity > 100_000 ? 0.15 : 0);
    for (let slot = 0; slot < count; slot++)
      this.slotPortfolio[slot] = rng.chance(portfolioProbability) ? 1 : 0;
  }

  private drawLegCount(): number {
    const { setup, rng } = this;
    const m = setup.positionsPerClient;
    if (m < 1) return rng.chance(m) ? 1 : 0;
    if (m === 1) return 1;
    return Math.min(1 + Math.floor(rng.exponential(setup.legMean)), MAX_LEGS);
  }

  /** Strike-ladder index nearest to spot × e^logMoneyness (≥ 1, so strikes are > 0). */
  private strikeIndex(asset: number, expiry: number, logMoneyness: number): number {
    const { setup } = this;
    const cell = asset * setup.optionExpiries.length + expiry;
    const step = setup.strikeMantissa[cell]! * pow10(setup.strikeExponent[cell]!);
    return Math.max(1, Math.round((setup.price[asset]! * Math.exp(logMoneyness)) / step));
  }

  private strikeValue(asset: number, expiry: number, k: number): number {
    const { setup } = this;
    const cell = asset * setup.optionExpiries.length + expiry;
    const exponent = setup.strikeExponent[cell]!;
    const units = k * setup.strikeMantissa[cell]!;
    return exponent >= 0 ? units * pow10(exponent) : units / pow10(-exponent);
  }

  /** OTM-biased log-moneyness: calls above spot, puts below, scaled by σ√τ. */
  private otmLogMoneyness(asset: number, expiry: number, isCall: boolean, scale: number): number {
    const { setup, rng } = this;
    const sd = setup.vol[asset]! * Math.sqrt(setup.optionTau[expiry]!);
    const x = Math.min(0.02 + scale * Math.abs(rng.normal()) * sd, 1.2);
    return isCall ? x : -x;
  }

  private setOption(j: number, asset: number, expiry: number, isCall: boolean, k: number): void {
    const { setup } = this;
    this.legType[j] = LEG_TYPE_OPTION;
    this.legAsset[j] = asset;
    this.legExpiry[j] = expiry;
    this.legCall[j] = isCall ? 1 : 0;
    this.legStrikeK[j] = k;
    const strike = this.strikeValue(asset, expiry, k);
    this.legStrike[j] = strike;
    const spot = setup.price[asset]!;
    const tau = setup.optionTau[expiry]!;
    const sigma = setup.vol[asset]!;
    this.legValue[j] = optionPrice(isCall, spot, strike, tau, sigma, setup.rate);
    this.legDelta[j] = optionDelta(isCall, spot, strike, tau, sigma, setup.rate);
  }

  private entryShock(asset: number): number {
    const { setup, rng } = this;
    const holdingDays = Math.min(rng.exponential(10), 120);
    return setup.vol[asset]! * Math.sqrt(holdingDays / 365) * rng.normal();
  }

  /** Pass 1: the structure of the client's positions (types, assets, hedge relations, strikes). */
  private drawLegs(hedgeProbability: number, count: number): void {
    const { setup, rng } = this;
    let newLegs = 0;
    for (let j = 0; j < count; j++) {
      const isOption = rng.chance(setup.optionShare);
      let parent = -1;
      if (j > 0 && rng.chance(hedgeProbability)) parent = rng.chance(0.7) ? j - 1 : rng.int(0, j - 1);
      this.legParent[j] = parent;
      this.legUsesDelta[j] = 0;
      this.legWeight[j] = 0;
      this.legRatio[j] = 1;
      this.legShock[j] = 0;
      if (parent < 0) {
        const asset =
          j > 0 && rng.chance(0.45)
            ? this.legAsset[rng.int(0, j - 1)]!
            : rng.weightedIndex(setup.assetCumulative);
        // The first legs go round-robin over the venues so few subaccounts are empty.
        this.legSlot[j] = newLegs < this.slotCount ? newLegs : rng.int(0, this.slotCount - 1);
        this.legWeight[j] = 0.1 + rng.exponential(1);
        newLegs++;
        if (!isOption) {
          const future = rng.chance(0.28);
          this.legType[j] = future ? LEG_TYPE_FUTURE : LEG_TYPE_PERP;
          this.legAsset[j] = asset;
          this.legExpiry[j] = future ? rng.weightedIndex(setup.futureExpiryCumulative) : -1;
          this.legSign[j] = rng.chance(0.56) ? 1 : -1;
          this.legShock[j] = this.entryShock(asset);
        } else {
          const isCall = rng.chance(0.52);
          const expiry = rng.weightedIndex(setup.optionExpiryCumulative);
          let logM: number;
          if (rng.chance(0.7)) {
            logM = this.otmLogMoneyness(asset, expiry, isCall, 0.7);
          } else {
            logM = -0.5 * this.otmLogMoneyness(asset, expiry, isCall, 0.6);
          }
          this.setOption(j, asset, expiry, isCall, this.strikeIndex(asset, expiry, logM));
          this.legSign[j] = rng.chance(0.5) ? 1 : -1;
        }
        continue;
      }

      // A hedge of an earlier leg: same underlying.
      const asset = this.legAsset[parent]!;
      const parentType = this.legType[parent]!;
      const parentSign = this.legSign[parent]!;
      const parentSlot = this.legSlot[parent]!;
      this.legAsset[j] = asset;
      this.legSlot[j] = parentSlot;
      if (parentType !== LEG_TYPE_OPTION && !isOption) {
        // Linear vs linear: cross-venue offset (same instrument, another venue) or basis (perp vs future).
        if (this.slotCount > 1 && rng.chance(0.4)) {
          let slot = rng.int(0, this.slotCount - 2);
          if (slot >= parentSlot) slot++;
          this.legSlot[j] = slot;
          this.legType[j] = parentType;
          this.legExpiry[j] = this.legExpiry[parent]!;
        } else if (parentType === LEG_TYPE_PERP) {
          this.legType[j] = LEG_TYPE_FUTURE;
          this.legExpiry[j] = rng.weightedIndex(setup.futureExpiryCumulative);
        } else {
          this.legType[j] = LEG_TYPE_PERP;
          this.legExpiry[j] = -1;
        }
        this.legSign[j] = -parentSign;
        this.legRatio[j] = rng.uniform(0.85, 1);
        this.legShock[j] = this.legShock[parent]! + rng.normal(0, 0.002);
      } else if (parentType !== LEG_TYPE_OPTION) {
        // Option on a linear position: protective (long put under a long, long call over a short)
        // or overwriting (covered call over a long, short put under a short).
        const protective = rng.chance(0.5);
        const isCall = protective ? parentSign < 0 : parentSign > 0;
        const expiry = rng.weightedIndex(setup.optionExpiryCumulative);
        const logM = this.otmLogMoneyness(asset, expiry, isCall, 0.6);
        this.setOption(j, asset, expiry, isCall, this.strikeIndex(asset, expiry, logM));
        this.legSign[j] = protective ? 1 : -1;
        this.legRatio[j] = rng.uniform(0.5, 1);
      } else if (!isOption) {
        // Delta hedge of an option with a perp (or a future), sometimes on another venue.
        const future = rng.chance(0.2);
        this.legType[j] = future ? LEG_TYPE_FUTURE : LEG_TYPE_PERP;
        this.legExpiry[j] = future ? rng.weightedIndex(setup.futureExpiryCumulative) : -1;
        if (this.slotCount > 1 && rng.chance(0.15)) {
          let slot = rng.int(0, this.slotCount - 2);
          if (slot >= parentSlot) slot++;
          this.legSlot[j] = slot;
        }
        const parentDeltaSign = this.legCall[parent] === 1 ? 1 : -1;
        this.legSign[j] = -parentSign * parentDeltaSign;
        this.legRatio[j] = rng.uniform(0.7, 1.05);
        this.legUsesDelta[j] = 1;
        this.legShock[j] = this.entryShock(asset);
      } else {
        // Option vs option: vertical spread, straddle/strangle or calendar.
        const expiry = this.legExpiry[parent]!;
        const parentCall = this.legCall[parent] === 1;
        const parentK = this.legStrikeK[parent]!;
        const r = rng.next();
        if (r < 0.45) {
          const k = Math.max(1, parentK + (parentCall ? 1 : -1) * rng.int(1, 4));
          this.setOption(j, asset, expiry, parentCall, k);
          this.legSign[j] = -parentSign;
        } else if (r < 0.8) {
          const atm = this.strikeIndex(asset, expiry, 0);
          const k = rng.chance(0.5) ? parentK : Math.max(1, 2 * atm - parentK);
          this.setOption(j, asset, expiry, !parentCall, k);
          this.legSign[j] = parentSign;
        } else {
          let other = rng.int(0, setup.optionExpiries.length - 2);
          if (other >= expiry) other++;
          const k = this.strikeIndex(asset, other, Math.log(this.legStrike[parent]! / setup.price[asset]!));
          this.setOption(j, asset, other, parentCall, k);
          this.legSign[j] = -parentSign;
        }
        this.legRatio[j] = rng.chance(0.6) ? 1 : rng.uniform(0.5, 1);
      }
    }
    this.legCount = count;
  }

  /** Pass 2: quantities and entries. New legs share the client's gross notional; hedges follow their parent. */
  private sizeLegs(grossNotional: number): void {
    const { setup } = this;
    let weightTotal = 0;
    for (let j = 0; j < this.legCount; j++) weightTotal += this.legWeight[j]!;
    for (let j = 0; j < this.legCount; j++) {
      const asset = this.legAsset[j]!;
      const spot = setup.price[asset]!;
      const isOption = this.legType[j] === LEG_TYPE_OPTION;
      const exponent = isOption ? setup.optionQtyExponent[asset]! : setup.qtyExponent[asset]!;
      const parent = this.legParent[j]!;
      let size: number;
      if (parent < 0) {
        const shortOption = isOption && this.legSign[j]! < 0;
        size = ((grossNotional * this.legWeight[j]!) / weightTotal / spot) * (shortOption ? 0.6 : 1);
      } else {
        size = Math.abs(this.legQty[parent]!) * this.legRatio[j]!;
        if (this.legUsesDelta[j] === 1) size *= Math.abs(this.legDelta[parent]!);
      }
      let qty = roundToExponent(size, exponent);
      if (qty === 0) qty = pow10(exponent);
      this.legQty[j] = this.legSign[j]! * qty;
      if (!isOption) {
        const mark =
          this.legType[j] === LEG_TYPE_FUTURE
            ? spot * Math.exp(setup.rate * setup.futureTau[this.legExpiry[j]!]!)
            : spot;
        this.legEntry[j] = roundSignificant(mark * Math.exp(this.legShock[j]!), 5);
      }
    }
  }

  private markOf(j: number): number {
    const { setup } = this;
    const spot = setup.price[this.legAsset[j]!]!;
    if (this.legType[j] !== LEG_TYPE_FUTURE) return spot;
    return spot * Math.exp(setup.rate * setup.futureTau[this.legExpiry[j]!]!);
  }

  private subaccount(
    slot: number,
    equity: number,
    leverage: number,
    nearLiquidation: boolean,
  ): SubaccountDocument {
    const { setup, rng, collateral } = this;
    const portfolio = this.slotPortfolio[slot] === 1;
    let count = 0;
    for (let j = 0; j < this.legCount; j++) if (this.legSlot[j] === slot) count++;
    const positions = new Array<PositionDocument>(count);
    let p = 0;
    let gross = 0;
    let pnl = 0;
    let optionValue = 0;
    let shortCallLegs = 0;
    collateral.fill(0);
    for (let j = 0; j < this.legCount; j++) {
      if (this.legSlot[j] !== slot) continue;
      const asset = this.legAsset[j]!;
      const symbol = setup.symbols[asset]!;
      const qty = this.legQty[j]!;
      gross += Math.abs(qty) * setup.price[asset]!;
      const type = this.legType[j]!;
      if (type === LEG_TYPE_PERP) {
        positions[p++] = { type: 'perp', asset: symbol, qty, entry: this.legEntry[j]! };
        pnl += qty * (this.markOf(j) - this.legEntry[j]!);
      } else if (type === LEG_TYPE_FUTURE) {
        const expiry = setup.futureExpiries[this.legExpiry[j]!]!;
        positions[p++] = { type: 'future', asset: symbol, qty, entry: this.legEntry[j]!, expiry };
        pnl += qty * (this.markOf(j) - this.legEntry[j]!);
      } else {
        const isCall = this.legCall[j] === 1;
        positions[p++] = {
          type: 'option',
          asset: symbol,
          right: isCall ? 'call' : 'put',
          strike: this.legStrike[j]!,
          expiry: setup.optionExpiries[this.legExpiry[j]!]!,
          qty,
        };
        optionValue += qty * this.legValue[j]!;
        if (isCall && qty < 0) shortCallLegs++;
        this.options++;
      }
    }
    this.positions += positions.length;
    this.grossNotionalUsd += gross;
    const hasPositions = positions.length > 0;
    const leverageEquity = hasPositions ? gross / leverage : equity * rng.uniform(0.05, 0.5);

    // Crypto collateral: covered calls, posted BTC/ETH, spot bought on borrowed stablecoins,
    // or coins borrowed and sold (a short).
    if (shortCallLegs > 0 && rng.chance(0.5)) {
      for (let j = 0; j < this.legCount; j++) {
        if (this.legSlot[j] === slot && this.legType[j] === LEG_TYPE_OPTION && this.legCall[j] === 1) {
          const qty = this.legQty[j]!;
          if (qty < 0) collateral[this.legAsset[j]!]! -= qty;
        }
      }
    }
    const r = rng.next();
    if (r < 0.22) {
      const asset =
        hasPositions && rng.chance(0.35) ? this.legAssetInSlot(slot) : rng.weightedIndex(MAJOR_CUMULATIVE);
      collateral[asset]! += (leverageEquity * rng.uniform(0.2, 0.9)) / setup.price[asset]!;
    } else if (r < 0.29) {
      const asset = rng.weightedIndex(setup.assetCumulative);
      collateral[asset]! += (leverageEquity * rng.uniform(1.5, 3.5)) / setup.price[asset]!;
    } else if (r < 0.34) {
      const asset = rng.weightedIndex(setup.assetCumulative);
      collateral[asset]! -= (leverageEquity * rng.uniform(0.5, 2)) / setup.price[asset]!;
    }
    let cryptoAdjusted = 0;
    let cryptoValue = 0;
    let hasLongCrypto = false;
    for (let a = 0; a < setup.nAssets; a++) {
      const n = roundToExponent(collateral[a]!, setup.qtyExponent[a]!);
      collateral[a] = n;
      if (n === 0) continue;
      const value = n * setup.price[a]!;
      cryptoValue += value;
      if (n > 0) hasLongCrypto = true;
      cryptoAdjusted += n > 0 && !portfolio ? value * (1 - setup.risk[a]!.haircut) : value;
    }

    if (portfolio) this.portfolioMargin(slot);
    else this.standardMargin(slot);
    let target: number;
    if (nearLiquidation && this.mm > 0) target = this.mm * rng.uniform(1.02, 1.5);
    else if (this.im > 0) target = Math.max(leverageEquity, this.im * rng.uniform(1.05, 1.8));
    else target = leverageEquity;
    let stable = target - cryptoAdjusted - pnl - optionValue;
    // Borrowing stablecoins only against coins held, never against unrealised profit.
    if (stable < 0 && !hasLongCrypto) stable = target * rng.uniform(0.05, 0.25);

    const out: Record<string, number> = {};
    for (let a = 0; a < setup.nAssets; a++) {
      if (collateral[a] !== 0) out[setup.symbols[a]!] = collateral[a]!;
    }
    const primary = rng.weightedIndex(STABLE_CUMULATIVE);
    let secondary = -1;
    let primaryAmount = roundToExponent(stable, -2);
    let secondaryAmount = 0;
    if (stable > 0 && rng.chance(0.25)) {
      secondary = (primary + rng.int(1, 2)) % 3;
      primaryAmount = roundToExponent(stable * rng.uniform(0.2, 0.8), -2);
      secondaryAmount = roundToExponent(stable - primaryAmount, -2);
    }
    for (let c = 0; c < STABLECOINS.length; c++) {
      const amount = c === primary ? primaryAmount : c === secondary ? secondaryAmount : 0;
      if (amount !== 0) out[STABLECOINS[c]!] = amount;
    }
    this.collateralUsd += cryptoValue + primaryAmount + secondaryAmount;

    const marginMode: MarginModeName = portfolio ? 'portfolio' : 'standard';
    return { venue: VENUES[this.slotVenue[slot]!]!, marginMode, collateral: out, positions };
  }

  private legAssetInSlot(slot: number): number {
    const { rng } = this;
    let seen = 0;
    let chosen = 0;
    // Reservoir sampling over the slot's legs (no allocation).
    for (let j = 0; j < this.legCount; j++) {
      if (this.legSlot[j] !== slot) continue;
      seen++;
      if (rng.next() * seen < 1) chosen = this.legAsset[j]!;
    }
    return chosen;
  }

  private tiered(asset: number, notional: number): void {
    const tiers = this.setup.risk[asset]!.tiers;
    let lower = 0;
    for (let t = 0; t < tiers.length && notional > lower; t += 3) {
      const upper = tiers[t]!;
      const slice = Math.min(notional, upper) - lower;
      this.im += tiers[t + 1]! * slice;
      this.mm += tiers[t + 2]! * slice;
      lower = upper;
    }
  }

  /** ≈ MODEL.md §3 with the reference parameters (per leg rather than per netted position). */
  private standardMargin(slot: number): void {
    const { setup, collateral } = this;
    this.im = 0;
    this.mm = 0;
    for (let j = 0; j < this.legCount; j++) {
      if (this.legSlot[j] !== slot) continue;
      const asset = this.legAsset[j]!;
      const qty = this.legQty[j]!;
      if (this.legType[j] !== LEG_TYPE_OPTION) {
        this.tiered(asset, Math.abs(qty) * this.markOf(j));
      } else if (qty < 0) {
        const spot = setup.price[asset]!;
        const strike = this.legStrike[j]!;
        const otm = this.legCall[j] === 1 ? Math.max(strike - spot, 0) : Math.max(spot - strike, 0);
        const value = this.legValue[j]!;
        this.im -= qty * (Math.max(OPTION_IM - otm / spot, OPTION_IM_FLOOR) * spot + value);
        this.mm -= qty * (OPTION_MM * spot + value);
      }
    }
    for (let a = 0; a < setup.nAssets; a++) {
      if (collateral[a]! < 0) this.tiered(a, -collateral[a]! * setup.price[a]!);
    }
  }

  /** ≈ MODEL.md §4 with the reference parameters on a coarse grid (moves −M, 0, +M × 3 vols). */
  private portfolioMargin(slot: number): void {
    const { setup, collateral } = this;
    let im = 0;
    for (let a = 0; a < setup.nAssets; a++) {
      let linear = collateral[a]!;
      let involved = linear !== 0;
      let optionDeltas = 0;
      let shortOptions = 0;
      for (let j = 0; j < this.legCount; j++) {
        if (this.legSlot[j] !== slot || this.legAsset[j] !== a) continue;
        involved = true;
        const qty = this.legQty[j]!;
        if (this.legType[j] !== LEG_TYPE_OPTION) {
          linear += (qty * this.markOf(j)) / setup.price[a]!;
        } else {
          optionDeltas += qty * this.legDelta[j]!;
          if (qty < 0) shortOptions -= qty;
        }
      }
      if (!involved) continue;
      const risk = setup.risk[a]!;
      const spot = setup.price[a]!;
      const sigma = setup.vol[a]!;
      let worst = 0;
      for (let m = -1; m <= 1; m++) {
        for (let v = -1; v <= 1; v++) {
          if (m === 0 && v === 0) continue;
          const sigmaShocked = v < 0 ? sigma * (1 - risk.volDown) : v > 0 ? sigma * (1 + risk.volUp) : sigma;
          worst = Math.min(worst, this.unitPnl(slot, a, m * risk.range, sigmaShocked, linear));
        }
      }
      const sigmaUp = sigma * (1 + risk.volUp);
      const extreme = Math.min(
        0,
        this.unitPnl(slot, a, risk.extremeDown, sigmaUp, linear),
        this.unitPnl(slot, a, risk.extremeUp, sigmaUp, linear),
      );
      const scenarioRisk = Math.max(-worst, -risk.extremeFraction * extreme);
      const contingency = risk.contingency * spot * shortOptions;
      const deltaNotional = Math.abs(linear + optionDeltas) * spot;
      const concentration = risk.concentrationRate * Math.max(deltaNotional - risk.concentrationThreshold, 0);
      im += scenarioRisk + contingency + concentration;
    }
    this.im = im;
    this.mm = PM_MM_FACTOR * im;
  }

  /** Change in value of the slot's exposure to asset a for a relative move and a vol state. */
  private unitPnl(slot: number, asset: number, move: number, sigma: number, linear: number): number {
    const { setup } = this;
    const spot = setup.price[asset]!;
    let pnl = linear * spot * move;
    for (let j = 0; j < this.legCount; j++) {
      if (this.legSlot[j] !== slot || this.legAsset[j] !== asset || this.legType[j] !== LEG_TYPE_OPTION)
        continue;
      const tau = setup.optionTau[this.legExpiry[j]!]!;
      const shocked = optionPrice(
        this.legCall[j] === 1,
        spot * (1 + move),
        this.legStrike[j]!,
        tau,
        sigma,
        setup.rate,
      );
      pnl += this.legQty[j]! * (shocked - this.legValue[j]!);
    }
    return pnl;
  }

  totals(clients: number): SyntheticBookTotals {
    const fund = this.setup.insuranceFundRatio * Math.max(this.collateralUsd, 0);
    return {
      clients,
      subaccounts: this.subaccounts,
      positions: this.positions,
      options: this.options,
      collateralUsd: this.collateralUsd,
      grossNotionalUsd: this.grossNotionalUsd,
      // Three significant figures, whole cents below $100.
      insuranceFund: fund >= 100 ? roundSignificant(fund, 3) : roundToExponent(fund, -2),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/** The synthetic market snapshot alone (the same object content as `generateSyntheticBook(options).market`). */
export function generateSyntheticMarket(options: SyntheticBookOptions): MarketDocument {
  return buildSetup(options).market;
}

function* clientsOf(setup: Setup): Generator<ClientDocument, SyntheticBookTotals, undefined> {
  const factory = new ClientFactory(setup);
  for (let i = 0; i < setup.clients; i++) yield factory.client(i);
  return factory.totals(setup.clients);
}

/**
 * Yields the book's clients one by one, in order; the generator's return value holds the
 * totals and the insurance fund. Memory stays flat however many clients are drawn.
 */
export function iterateSyntheticClients(
  options: SyntheticBookOptions,
): Generator<ClientDocument, SyntheticBookTotals, undefined> {
  return clientsOf(buildSetup(options));
}

/** The market up front, then the clients as a stream; `totals()` (with the insurance fund) once they are exhausted. */
export function generateSyntheticBookStream(options: SyntheticBookOptions): SyntheticBookStream {
  const setup = buildSetup(options);
  const source = clientsOf(setup);
  let done: SyntheticBookTotals | undefined;
  function* clients(): Generator<ClientDocument, void, undefined> {
    for (;;) {
      const step = source.next();
      if (step.done === true) {
        done = step.value;
        return;
      }
      yield step.value;
    }
  }
  return {
    asOf: setup.asOf,
    market: setup.market,
    clients: clients(),
    totals() {
      if (done === undefined)
        throw new Error('synthetic book stream: totals() before the clients were exhausted');
      return done;
    },
  };
}

/** A whole synthetic book and its market, in the MODEL.md §8 file forms. */
export function generateSyntheticBook(options: SyntheticBookOptions): SyntheticBook {
  const setup = buildSetup(options);
  const source = clientsOf(setup);
  const clients: ClientDocument[] = [];
  for (;;) {
    const step = source.next();
    if (step.done === true) {
      const book: BookDocument = { asOf: setup.asOf, insuranceFund: step.value.insuranceFund, clients };
      return { book, market: setup.market };
    }
    clients.push(step.value);
  }
}
