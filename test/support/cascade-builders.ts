/**
 * Builders for the contagion-engine tests (MODEL.md §6–§8): "textbook" risk parameters whose
 * numbers make a cascade computable by hand, a calculator call that returns one run, and
 * fast-check arbitraries for random small books (documents in their interchange form).
 *
 * Textbook parameters: every crypto asset has haircut 0.1 and one tier (IMR 10%, MMR 5%); the
 * portfolio-margin matrix is the price grid −10%, 0, +10% with no vol states, no extreme moves,
 * no contingency and no concentration add-on, so a perp's IM is 10% of its notional and its MM
 * 8% (mmFactor 0.8). A market vol of `DAILY_SIGMA_10PCT` makes σ/√365 = 0.1 in the square-root
 * impact law, so I = −0.1·√(|Q|/adv) for a sell.
 */
import fc from 'fast-check';
import {
  type CalculationDocuments,
  type CalculationOptions,
  calculate,
} from '../../functions/core/calculation/calculate.js';
import type { CalculationResult, RunRecord } from '../../functions/core/calculation/result.js';
import {
  bookDocument,
  breakerParams,
  client,
  cryptoQuote,
  future,
  type JsonRecord,
  marketDocument,
  option,
  perp,
  referenceParams,
  scenario,
  scenariosDocument,
  stablecoinQuote,
  subaccount,
} from './core-builders.js';

/** Annualised vol whose daily equivalent σ/√365 is 0.1 (10% a day). */
export const DAILY_SIGMA_10PCT = 0.1 * Math.sqrt(365);

export const ALL_REGIMES = ['as-is', 'standard', 'portfolio', 'cross-venue'] as const;
export type RegimeName = (typeof ALL_REGIMES)[number];

export interface TextbookParamsOptions {
  readonly impact?: { readonly model?: 'sqrt' | 'linear'; readonly y?: number; readonly priceFloor?: number };
  readonly maxRounds?: number;
  /** Circuit-breaker band b (null = off). */
  readonly band?: number | null;
  readonly regimes?: readonly RegimeName[];
}

/** Round-number risk parameters (see the file comment). */
export function textbookParams(options: TextbookParamsOptions = {}): JsonRecord {
  return {
    version: 'textbook',
    options: { im: 0.15, imFloor: 0.1, mm: 0.075 },
    pm: { includeCollateral: true, mmFactor: 0.8 },
    impact: {
      model: options.impact?.model ?? 'sqrt',
      y: options.impact?.y ?? 1,
      priceFloor: options.impact?.priceFloor ?? 0.01,
    },
    cascade: {
      maxRounds: options.maxRounds ?? 100,
      circuitBreaker: options.band === undefined || options.band === null ? null : { band: options.band },
    },
    regimes: [...(options.regimes ?? ['as-is'])],
    assets: {
      '*': {
        haircut: 0.1,
        tiers: [{ upTo: null, imr: 0.1, mmr: 0.05 }],
        pm: {
          range: 0.1,
          steps: 3,
          volUp: 0,
          volDown: 0,
          extremeMoves: [],
          extremeFraction: 0,
          contingency: 0,
          concentrationThreshold: 0,
          concentrationRate: 0,
        },
      },
    },
  };
}

/** `calculate` without the reverse-stress search unless asked for (the cascade tests do not need it). */
export function calculateFor(
  documents: CalculationDocuments,
  options: CalculationOptions = { skipReverseStress: true },
): CalculationResult {
  return calculate(documents, options);
}

/** The run of one scenario under one regime; throws when it is missing. */
export function runOf(
  result: CalculationResult,
  scenarioId: string,
  regime: RegimeName = 'as-is',
): RunRecord {
  const run = result.runs.find((r) => r.scenario === scenarioId && r.regime === regime);
  if (!run) throw new Error(`no run ${scenarioId} / ${regime}`);
  return run;
}

// ─── random books (fast-check) ───

/** Crypto assets of the random markets; BTC and ETH have their own reference params, the rest take "*". */
const CRYPTO_NAMES = ['BTC', 'ETH', 'SOL', 'XRP'] as const;
const STABLECOINS = ['USDT', 'USDC'] as const;
const VENUES = ['venue-a', 'venue-b', 'venue-c'] as const;
/** Before, on and after asOf 2026-11-30: τ < 0 and τ = 0 are expired (intrinsic value, no standard margin). */
const EXPIRIES = ['2026-11-13', '2026-11-30', '2026-12-04', '2026-12-25', '2027-03-26'] as const;
/** Days from asOf to each expiry (ACT). */
const EXPIRY_DAYS = [-17, 0, 4, 25, 116] as const;

export interface RandomBookOptions {
  /** Options in the book (off for the monotonicity property: an option's delta changes with the shock). */
  readonly options: boolean;
  /** Short positions, borrowed coins and stablecoins, cross-venue hedges (off for the monotonicity property). */
  readonly shorts: boolean;
  /**
   * Liquidity factor range (log-uniform): adv = factor × the book's gross notional in the asset
   * (USD), depth1pct = factor/20 × that notional. Factors below 1 let one client's liquidation
   * move the price by several percent, which is what makes cascades run several rounds.
   */
  readonly liquidity: { readonly min: number; readonly max: number };
  readonly maxClients: number;
  /** At most this many crypto assets (default 4); one asset concentrates the book, so cascades run longer. */
  readonly maxAssets?: number;
  /** Now and then an invalid record (MODEL.md §1.4) that must be rejected and left out. */
  readonly defects?: boolean;
}

/** Invalid records a client may carry: each must be rejected with its path, the rest kept. */
const DEFECTS = [
  'unknown-asset',
  'zero-strike',
  'missing-entry',
  'string-qty',
  'stablecoin-underlying',
  'duplicate-venue',
  'missing-margin-mode',
] as const;
type Defect = (typeof DEFECTS)[number];

interface AssetDraw {
  readonly price: number;
  readonly vol: number;
  readonly advFactor: number;
  readonly depthFactor: number;
}

interface PositionDraw {
  readonly kind: 'perp' | 'future' | 'option';
  readonly asset: number;
  /** Signed share of the client's scale (USD notional / scale). */
  readonly weight: number;
  readonly entryMove: number;
  readonly expiry: number;
  readonly right: 'call' | 'put';
  readonly moneyness: number;
}

interface SubaccountDraw {
  readonly venue: number;
  readonly portfolio: boolean;
  readonly positions: readonly PositionDraw[];
  /** USD-like collateral as a share of the client's gross notional (negative = borrowed). */
  readonly cash: number;
  readonly cashAsset: number;
  /** Crypto collateral: asset and signed share of scale. */
  readonly coin: { readonly asset: number; readonly weight: number } | null;
}

interface ClientDraw {
  readonly scale: number;
  readonly subaccounts: readonly SubaccountDraw[];
  /**
   * Hedge the first position of the first subaccount on the second one with the exact opposite
   * quantity (other entry): the pair nets to Σq = 0 under cross-venue margin (locked-in profit).
   */
  readonly mirror: boolean;
  readonly defect: Defect | null;
}

/**
 * A number in [min, max] on a grid of 10⁶ steps. fc.double is biased towards extreme magnitudes
 * (1e-300, subnormals), which would make most books degenerate; an integer grid draws evenly
 * and shrinks towards `min`.
 */
const GRID_STEPS = 1_000_000;
const unitDouble = (min: number, max: number) =>
  fc.integer({ min: 0, max: GRID_STEPS }).map((i) => min + ((max - min) * i) / GRID_STEPS);

function positionArb(options: RandomBookOptions): fc.Arbitrary<PositionDraw> {
  const kinds = options.options
    ? fc.constantFrom<PositionDraw['kind']>('perp', 'perp', 'future', 'option', 'option')
    : fc.constantFrom<PositionDraw['kind']>('perp', 'perp', 'future');
  return fc.record({
    kind: kinds,
    asset: fc.nat({ max: CRYPTO_NAMES.length - 1 }),
    weight: options.shorts ? unitDouble(-1.5, 1.5) : unitDouble(0.01, 1.5),
    entryMove: unitDouble(-0.04, 0.04),
    expiry: fc.nat({ max: EXPIRIES.length - 1 }),
    right: fc.constantFrom<'call' | 'put'>('call', 'put'),
    moneyness: unitDouble(0.7, 1.3),
  });
}

function subaccountArb(options: RandomBookOptions): fc.Arbitrary<SubaccountDraw> {
  return fc.record({
    venue: fc.nat({ max: VENUES.length - 1 }),
    portfolio: fc.boolean(),
    positions: fc.array(positionArb(options), { minLength: 0, maxLength: 3 }),
    // Margin from 1% to 200% of notional (log-uniform): standard-margin units near their 0.5–1%
    // MMR and portfolio units near their 10–30% risk-matrix charge both occur; with shorts, one
    // subaccount in five borrows stablecoins instead.
    cash: fc
      .tuple(unitDouble(-2, 0.3), options.shorts ? fc.nat({ max: 4 }) : fc.constant(1))
      .map(([e, sign]) => (sign === 0 ? -(10 ** e) / 2 : 10 ** e)),
    cashAsset: fc.nat({ max: 2 }),
    coin: fc.option(
      fc.record({
        asset: fc.nat({ max: CRYPTO_NAMES.length - 1 }),
        weight: options.shorts ? unitDouble(-0.3, 0.5) : unitDouble(0, 0.5),
      }),
      { freq: 3 },
    ),
  });
}

function clientArb(options: RandomBookOptions): fc.Arbitrary<ClientDraw> {
  return fc.record({
    scale: unitDouble(3, 6).map((e) => 10 ** e),
    subaccounts: fc.uniqueArray(subaccountArb(options), {
      minLength: 1,
      maxLength: 3,
      selector: (s) => s.venue,
    }),
    mirror: options.shorts ? fc.boolean() : fc.constant(false),
    defect: options.defects ? fc.option(fc.constantFrom(...DEFECTS), { freq: 4 }) : fc.constant(null),
  });
}

/** 10^u with u uniform: spreads draws evenly over orders of magnitude. */
const logUniform = (min: number, max: number) =>
  unitDouble(Math.log10(min), Math.log10(max)).map((e) => 10 ** e);

const round = (x: number, digits: number) => Number(x.toPrecision(digits));

/** A random book and its market (interchange form). */
export interface RandomBook {
  readonly book: JsonRecord;
  readonly market: JsonRecord;
}

function buildRandomBook(
  assets: readonly AssetDraw[],
  clients: readonly ClientDraw[],
  rate: number,
  fundShare: number,
): RandomBook {
  const names = CRYPTO_NAMES.slice(0, assets.length);
  const price = (a: number) => round(assets[a % assets.length]!.price, 5);
  const gross = new Array<number>(assets.length).fill(0);
  let totalCash = 0;
  const clientDocs = clients.map((c, ci) => {
    const subs = c.subaccounts.map((s) => {
      let notional = 0;
      // Premium received for short options sits in the cash balance (rough value: intrinsic
      // plus 0.4·S·σ·√τ), so a short option does not start the unit under water.
      let premium = 0;
      const positions = s.positions.map((p) => {
        const a = p.asset % assets.length;
        const name = names[a]!;
        const spot = price(a);
        const qty = round((p.weight * c.scale) / spot, 6);
        notional += Math.abs(qty) * spot;
        gross[a] = gross[a]! + Math.abs(qty) * spot;
        if (p.kind === 'perp') return perp(name, qty, round(spot * (1 + p.entryMove), 6));
        if (p.kind === 'future')
          return future(name, qty, round(spot * (1 + p.entryMove), 6), EXPIRIES[p.expiry]!);
        const strike = round(spot * p.moneyness, 4);
        if (qty < 0) {
          const intrinsic = Math.max(0, p.right === 'call' ? spot - strike : strike - spot);
          const years = Math.max(0, EXPIRY_DAYS[p.expiry]! / 365);
          premium += -qty * (intrinsic + 0.4 * spot * assets[a]!.vol * Math.sqrt(years));
        }
        return option(name, p.right, strike, EXPIRIES[p.expiry]!, qty);
      });
      const collateral: Record<string, number> = {};
      const cashName = ['USD', ...STABLECOINS][s.cashAsset]!;
      const base = Math.max(notional, c.scale * 0.05);
      if (s.cash < 0) {
        // Levered coin: stablecoins borrowed (negative balance) and the coin bought with 25% more.
        const a = (s.coin?.asset ?? 0) % assets.length;
        const borrowed = -s.cash * base;
        collateral[cashName] = -round(borrowed, 8);
        collateral[names[a]!] = round((1.25 * borrowed) / price(a), 6);
        gross[a] = gross[a]! + 1.25 * borrowed;
      } else {
        // Borrowed coin was sold: its proceeds sit in the cash balance on top of the margin.
        let proceeds = 0;
        if (s.coin) {
          const a = s.coin.asset % assets.length;
          const qty = round((s.coin.weight * c.scale) / price(a), 6);
          collateral[names[a]!] = qty;
          gross[a] = gross[a]! + Math.abs(qty) * price(a);
          proceeds = Math.max(0, -qty * price(a));
        }
        const cash = round(s.cash * (base + proceeds) + proceeds + premium, 8);
        collateral[cashName] = cash;
        totalCash += cash;
      }
      return subaccount(VENUES[s.venue]!, s.portfolio ? 'portfolio' : 'standard', { collateral, positions });
    });
    const hedged = subs[0]?.positions as JsonRecord[] | undefined;
    const hedge = subs[1]?.positions as JsonRecord[] | undefined;
    if (c.mirror && hedged?.[0] && hedge) {
      const first = hedged[0];
      const opposite: JsonRecord = { ...first, qty: -(first.qty as number) };
      if (typeof first.entry === 'number') opposite.entry = round(first.entry * 1.01, 6);
      hedge.push(opposite);
    }
    if (c.defect) addDefect(c.defect, subs, names[0]!, price(0));
    return client(`C${String(ci + 1).padStart(2, '0')}`, ...subs);
  });
  const marketAssets: Record<string, JsonRecord> = {};
  assets.forEach((draw, a) => {
    const base = Math.max(gross[a]!, 1_000);
    marketAssets[names[a]!] = cryptoQuote(price(a), round(draw.vol, 4), {
      adv: round(base * draw.advFactor, 6),
      depth1pct: round(base * draw.depthFactor, 6),
    });
  });
  marketAssets.USDT = stablecoinQuote(1, 0.01);
  marketAssets.USDC = stablecoinQuote(1, 0.01);
  return {
    book: bookDocument(clientDocs, { insuranceFund: round(totalCash * fundShare, 8) }),
    market: marketDocument(marketAssets, { rate }),
  };
}

function addDefect(defect: Defect, subs: JsonRecord[], asset: string, spot: number): void {
  const positions = subs[0]!.positions as JsonRecord[];
  switch (defect) {
    case 'unknown-asset':
      positions.push(perp('DOGE', 1_000, 0.1));
      break;
    case 'zero-strike':
      positions.push(option(asset, 'put', 0, '2026-12-25', -1));
      break;
    case 'missing-entry':
      positions.push({ type: 'perp', asset, qty: 1 });
      break;
    case 'string-qty':
      positions.push({ type: 'perp', asset, qty: '5', entry: spot });
      break;
    case 'stablecoin-underlying':
      positions.push(perp('USDT', 1_000, 1));
      break;
    case 'duplicate-venue':
      subs.push(subaccount(subs[0]!.venue as string, 'standard', { collateral: { USD: 1e6 } }));
      break;
    case 'missing-margin-mode': {
      const { marginMode: _dropped, ...rest } = subaccount('venue-x', 'standard', {
        collateral: { USD: 1e6 },
      });
      subs.push(rest);
      break;
    }
  }
}

export function randomBookArb(
  options: RandomBookOptions,
  rateArb: fc.Arbitrary<number> = fc.constant(0),
): fc.Arbitrary<RandomBook> {
  const asset = fc.record({
    price: unitDouble(0.5, 5).map((e) => 10 ** e),
    vol: unitDouble(0.3, 1.5),
    advFactor: logUniform(options.liquidity.min, options.liquidity.max),
    depthFactor: logUniform(options.liquidity.min / 20, options.liquidity.max / 20),
  });
  return fc
    .record({
      assets: fc.array(asset, { minLength: 1, maxLength: options.maxAssets ?? CRYPTO_NAMES.length }),
      clients: fc.array(clientArb(options), { minLength: 1, maxLength: options.maxClients }),
      rate: rateArb,
      fundShare: unitDouble(0, 0.3),
    })
    .map(({ assets, clients, rate, fundShare }) => buildRandomBook(assets, clients, rate, fundShare));
}

/**
 * Portfolio-margin settings for the "*" default: grid sizes 3–11, vol states up to volDown = 1
 * (the zero-vol limit), 0–3 extreme moves (inside or beyond the range), and contingency and
 * concentration charges that bite. Downward charges stay below 100% of notional
 * (max(range, fraction·1) + rate ≤ 0.6), as the monotonicity property needs.
 */
const randomPmArb: fc.Arbitrary<JsonRecord> = fc.record({
  range: unitDouble(0.05, 0.5),
  steps: fc.constantFrom(3, 5, 9, 11),
  volUp: unitDouble(0, 1),
  volDown: fc.oneof(unitDouble(0, 0.9), fc.constant(1)),
  extremeMoves: fc.array(unitDouble(-0.9, 1.5), { maxLength: 3 }),
  extremeFraction: unitDouble(0, 0.5),
  contingency: unitDouble(0, 0.03),
  concentrationThreshold: logUniform(100, 1e8),
  concentrationRate: unitDouble(0, 0.1),
});

/**
 * Random parameters: reference or breaker (random band), sqrt or linear impact, any Y and floor,
 * either includeCollateral, a cut-off or an open maxRounds, a USDT haircut, and half the time a
 * random "*" portfolio-margin block and random short-option rates.
 */
export const randomParamsArb: fc.Arbitrary<JsonRecord> = fc
  .record({
    breaker: fc.boolean(),
    band: unitDouble(0.02, 0.3),
    model: fc.constantFrom('sqrt', 'linear'),
    y: unitDouble(0.3, 2),
    priceFloor: fc.constantFrom(0, 0.01, 0.5, 0.9),
    includeCollateral: fc.boolean(),
    maxRounds: fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 },
      { arbitrary: fc.constant(100), weight: 3 },
    ),
    pm: fc.option(randomPmArb),
    optionRates: fc.option(
      fc.record({ im: unitDouble(0.05, 0.3), imFloor: unitDouble(0, 0.15), mm: unitDouble(0.02, 0.15) }),
    ),
    mmFactor: fc.constantFrom(0.8, 0.5, 1),
    // A USDT haircut applies under portfolio margin too (only crypto collateral is exempt there).
    usdtHaircut: fc.constantFrom(0, 0.02, 0.1),
  })
  .map((draw) => {
    const params = draw.breaker ? breakerParams() : referenceParams();
    const cascade = params.cascade as JsonRecord;
    if (draw.breaker) cascade.circuitBreaker = { band: draw.band };
    cascade.maxRounds = draw.maxRounds;
    params.impact = { model: draw.model, y: draw.y, priceFloor: draw.priceFloor };
    params.pm = { includeCollateral: draw.includeCollateral, mmFactor: draw.mmFactor };
    if (draw.pm) ((params.assets as JsonRecord)['*'] as JsonRecord).pm = draw.pm;
    if (draw.optionRates) params.options = draw.optionRates;
    (params.assets as JsonRecord).USDT = { haircut: draw.usdtHaircut };
    return params;
  });

/** Random scenarios: a "*" entry, sometimes a named crypto override and a stablecoin depeg. */
export const randomScenariosArb: fc.Arbitrary<JsonRecord> = fc
  .array(
    fc.record({
      shock: unitDouble(-0.35, 0.35),
      // A vol shock of exactly −1 (σ* = 0, Black–Scholes at its zero-vol limit) now and then.
      vol: fc.oneof(
        { arbitrary: unitDouble(-0.5, 1.5), weight: 5 },
        { arbitrary: fc.constant(-1), weight: 1 },
      ),
      liquidity: unitDouble(0.2, 1.5),
      named: fc.option(
        fc.record({
          asset: fc.constantFrom(...CRYPTO_NAMES),
          shock: unitDouble(-0.6, 0.6),
          liquidity: fc.option(unitDouble(0.2, 1.5), { nil: undefined }),
        }),
      ),
      depeg: fc.option(fc.record({ asset: fc.constantFrom(...STABLECOINS), shock: unitDouble(-0.3, 0.05) })),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((draws) =>
    scenariosDocument(
      ...draws.map((d, i) => {
        const shocks: Record<string, { shock?: number; vol?: number; liquidity?: number }> = {
          '*': { shock: d.shock, vol: d.vol, liquidity: d.liquidity },
        };
        if (d.named) {
          shocks[d.named.asset] =
            d.named.liquidity === undefined
              ? { shock: d.named.shock }
              : { shock: d.named.shock, liquidity: d.named.liquidity };
        }
        if (d.depeg) shocks[d.depeg.asset] = { shock: d.depeg.shock };
        return scenario(`s${i + 1}`, shocks);
      }),
    ),
  );

/** Uniform crypto shocks only ("*": R), as in the reverse stress test (MODEL.md §7). */
export function uniformShockScenarios(shocks: readonly number[]): JsonRecord {
  return scenariosDocument(...shocks.map((shock, i) => scenario(`u${i}`, { '*': { shock } })));
}
