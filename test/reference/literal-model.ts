/**
 * Literal reference model — a deliberately naive, slow, one-function-per-formula transcription of
 * the margin-contagion specification (MODEL.md v1.2, §0–§8). It is a differential-testing oracle
 * for the production engine and shares no code with it (nothing is imported from functions/).
 *
 * Every function cites the § it implements. Nothing here is optimised: every unit is re-valued from
 * scratch at every step, every Black–Scholes price is recomputed, the reverse stress search re-runs
 * the whole cascade for every probe.
 *
 * ─────────────────────────────────────────────────────────────────────────────────────────────────
 * CHOICES WHERE THE SPEC IS SILENT (conservative reading; each is deterministic)
 * ─────────────────────────────────────────────────────────────────────────────────────────────────
 * Book / §1.2, §1.4
 *  B1  Zero-quantity positions (qty === 0) are valid (§1.4 does not list them as invalid). They take
 *      part in netting and contribute nothing (a lone zero perp/future nets to Σq = 0 and disappears
 *      with locked-in profit −0·entry = 0). They are not listed in `rejected`.
 *  B2  `qty`, `entry`, `strike` and collateral quantities must be JSON numbers (finite). A numeric
 *      string such as "1.5" is NOT coerced: the record is rejected (never guess at data).
 *  B3  `entry` (perp/future) may be any finite number, even ≤ 0: it only fixes the P&L already
 *      booked (q·(S − entry) is well defined) — the medium example has a perp with entry −396300 and
 *      the expected result does not reject it. `strike` must be > 0 (ln(S/K) needs K > 0).
 *      `entry` on an option is ignored. Fields a type does not use (e.g. `expiry` on a perp) are
 *      ignored and do not enter the netting key.
 *  B4  A client must be an object with a non-empty string `id` and an array `subaccounts`; otherwise
 *      `clients[i]` is rejected. Duplicate client ids follow the §1.4 duplicates rule: the first
 *      valid client is kept, later ones are rejected (they are NOT merged — merging would pool their
 *      equity under cross-venue, which is the non-conservative direction).
 *  B5  A subaccount must be an object with a non-empty string `venue` and a valid `marginMode`;
 *      otherwise it is rejected. Venue duplicates are checked among valid subaccounts only ("the
 *      first valid one is kept").
 *  B6  A missing `collateral` field is read as no collateral ({}); a missing `positions` field as no
 *      positions ([]). Only `marginMode` is marked "required" by §1.2; reading a missing balance as
 *      zero never creates equity. A present-but-wrong-typed `collateral` (not an object, or null) or
 *      `positions` (not an array, or null) rejects the subaccount.
 *  B7  Collateral in `USD` is always valid (price 1, haircut 0, §0) whether or not the market lists
 *      USD. Collateral in an asset unknown to the market, or in an invalid market asset, is
 *      rejected at `…collateral.ASSET`. A zero collateral balance is valid and inert.
 *  B8  Under cross-venue a client with no accepted subaccounts is still ONE (empty) margin unit:
 *      the cross-venue unit is the client (§5), and an empty unit exists and is neither margin-called
 *      nor liquidatable (§5). Per-venue regimes count 0 units for it.
 * Market / §1.1, §1.4
 *  M1  `rate` absent → 0; present but not a finite number → the whole calculation fails.
 *  M2  A `USD` entry in the market is ignored without validation (§0) and with a warning.
 *  M3  A market asset named "*" is rejected (it would collide with the scenario/params default key).
 *  M4  Invalid market assets (rejected at `assets.ASSET`) are removed entirely: they do not appear
 *      in `finalPrices` / `liquidationFlowUsd`, and scenario keys naming them are ignored (warning).
 * Params / §1.3 (any violation throws)
 *  P1  Required: options{im,imFloor,mm} finite ≥ 0; pm{mmFactor finite ≥ 0, includeCollateral
 *      boolean}; impact{model 'sqrt'|'linear', priceFloor ∈ [0,1], y finite ≥ 0 (required only for
 *      'sqrt'; validated if present)}; cascade{maxRounds integer ≥ 1}; regimes a non-empty list of
 *      the four names without duplicates; assets an object.
 *  P2  `cascade.circuitBreaker` absent is read as null (off) — the breaker only damps impact, so
 *      "off" is the conservative default; present it must be null or {band: finite > 0}.
 *  P3  Every asset entry present in params is validated whether or not the market uses it; every
 *      valid crypto market asset must resolve haircut, tiers and pm (own field or "*"), else throw.
 *  P4  Tier list: non-empty, upTo strictly increasing and > 0, only the last has upTo null;
 *      imr/mmr finite ≥ 0. pm: range ∈ [0,1], steps odd integer ≥ 3, volUp ≥ 0, volDown ∈ [0,1],
 *      extremeMoves a list of finite numbers ≥ −1, extremeFraction/contingency/
 *      concentrationThreshold/concentrationRate finite ≥ 0.
 *  P5  A stablecoin's haircut is its own entry's `haircut` if given, else 0 ("*" is for crypto only).
 * Scenarios / §6, §1.4
 *  S1  A scenario must be an object with a non-empty string `id` and an object `shocks`; otherwise
 *      it is rejected. Duplicate ids: first valid kept, later rejected.
 *  S2  Validated entries: "*" and every key naming a valid crypto asset (all of shock > −1,
 *      vol ≥ −1, liquidity > 0, each finite when present), and for a stablecoin key only `shock`
 *      (its vol/liquidity are ignored by §6, so they cannot invalidate the scenario). Keys naming
 *      USD or assets not in the (valid) market are ignored with a warning and not validated.
 *  S3  A vol shock of exactly −1 is valid (§1.4 only forbids < −1) and gives σ* = 0; Black–Scholes at
 *      σ√τ = 0 uses its deterministic limit (V = max(±(S − K·e^{−rτ}), 0); Δ = 1/0 (call) or
 *      0/−1 (put), ½ / −½ exactly at the money-forward). The same limit serves vDown = 1 in §4.
 * Model
 *  X1  `halted` (§6.4) uses strict comparison: an asset is halted only when the unclamped 1 + I_a is
 *      strictly outside [1 − b, 1 + b] (being exactly on the edge is not "leaving" the band; the
 *      clamp is then a no-op). Same spirit as §0 "comparisons … are strict".
 *  X2  Expired short options still count in the §4 contingency C_u ("every netted short option
 *      position counts"); expired futures keep their §3 tier margin (only options are exempted).
 *  X3  Under portfolio margin with includeCollateral = false, collateral is not in the risk matrix
 *      and E_adj is the §2 standard (haircut) formula; a borrowed crypto balance then carries no
 *      margin (literal §4; the §3 rule for borrowed coin is stated for standard margin only).
 *  X4  Netting tests Σqᵢ === 0 exactly (literal); the netted entry is Σqᵢ·entryᵢ / Σqᵢ.
 *  X5  Result maps list assets in market-document order; `halted` is sorted by JS string order.
 *  X6  Expired instruments, ignored scenario keys and the ignored market USD entry are reported in an
 *      extra `warnings` field (§8 allows extra fields).
 */

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// Result types (§8)
// ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface MarginSummary {
  units: number;
  im: number;
  mm: number;
  marginCalled: number;
  liquidatable: number;
}

export interface RunResult {
  scenario: string;
  regime: string;
  rounds: number;
  marginCalled: number;
  liquidatedUnits: number;
  liquidationFlowUsd: Record<string, number>;
  finalPrices: Record<string, number>;
  badDebt: number;
  insuranceFundUsed: number;
  adl: number;
  cover1: number;
  cover2: number;
  totalLoss: number;
  halted: string[];
}

export interface RejectedRecord {
  path: string;
  reason: string;
}

export interface LiteralResult {
  asOf: string;
  margin: Record<string, MarginSummary>;
  runs: RunResult[];
  reverseStress: { down: number | null; up: number | null };
  rejected: RejectedRecord[];
  /** Extra field (allowed by §8): data-quality warnings (expired instruments, ignored keys). */
  warnings: string[];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// Internal types
// ─────────────────────────────────────────────────────────────────────────────────────────────────

type Kind = 'crypto' | 'stablecoin';
type Right = 'call' | 'put';
type InstrumentType = 'perp' | 'future' | 'option';
type MarginMode = 'standard' | 'portfolio';
type Regime = 'as-is' | 'standard' | 'portfolio' | 'cross-venue';
const ALL_REGIMES: readonly Regime[] = ['as-is', 'standard', 'portfolio', 'cross-venue'];

interface MarketAsset {
  name: string;
  kind: Kind;
  price: number;
  vol: number;
  adv: number; // crypto only (NaN for stablecoins, never used)
  depth1pct: number; // crypto only
}

interface Tier {
  upTo: number; // Infinity for the last tier (upTo: null)
  imr: number;
  mmr: number;
}

interface PmParams {
  range: number;
  steps: number;
  volUp: number;
  volDown: number;
  extremeMoves: number[];
  extremeFraction: number;
  contingency: number;
  concentrationThreshold: number;
  concentrationRate: number;
}

interface CryptoRisk {
  haircut: number;
  tiers: Tier[];
  pm: PmParams;
}

interface Params {
  optIm: number;
  optImFloor: number;
  optMm: number;
  mmFactor: number;
  includeCollateral: boolean;
  impactModel: 'sqrt' | 'linear';
  impactY: number;
  priceFloor: number;
  maxRounds: number;
  band: number | null;
  regimes: Regime[];
}

interface Position {
  type: InstrumentType;
  asset: string;
  qty: number;
  entry: number; // perp/future only (NaN for options)
  expiry: string | null; // future/option
  tau: number; // (expiry − asOf)/365; 0 for perps (never used)
  right: Right | null;
  strike: number; // option only (NaN otherwise)
}

interface Subaccount {
  venue: string;
  marginMode: MarginMode;
  collateral: Map<string, number>;
  positions: Position[];
}

interface Client {
  id: string;
  subaccounts: Subaccount[];
}

/** A margin unit (§5): collateral, netted positions (§1.2) and the locked-in profit of netting. */
interface Unit {
  clientIndex: number;
  mode: MarginMode;
  collateral: Map<string, number>;
  positions: Position[];
  locked: number;
}

/** Market state at which §2–§4 are evaluated (§2): prices and vols per asset. */
interface State {
  prices: Map<string, number>;
  vols: Map<string, number>;
}

interface ScenarioShock {
  shock: number;
  vol: number;
  liquidity: number;
}

interface Scenario {
  id: string;
  /** Resolved shock for every valid non-USD market asset (§6). */
  perAsset: Map<string, ScenarioShock>;
}

interface Ctx {
  asOf: string;
  asOfDays: number;
  rate: number;
  insuranceFund: number;
  assets: Map<string, MarketAsset>; // valid, non-USD, market order
  risk: Map<string, CryptoRisk>; // crypto assets
  stableHaircut: Map<string, number>; // stablecoins
  params: Params;
}

interface UnitEval {
  E: number;
  Eadj: number;
  IM: number;
  MM: number;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// Small helpers
// ─────────────────────────────────────────────────────────────────────────────────────────────────

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function has(o: Record<string, unknown>, k: string): boolean {
  return Object.hasOwn(o, k);
}

function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`internal: index ${i} out of range`);
  return v;
}

function getOrThrow<K, V>(m: Map<K, V>, k: K, what: string): V {
  const v = m.get(k);
  if (v === undefined) throw new Error(`internal: missing ${what} ${String(k)}`);
  return v;
}

/** §0: dates are ISO YYYY-MM-DD (UTC). Returns days since epoch, or null when not a valid date. */
function parseIsoDate(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/** §0: τ = (expiry − asOf) in days / 365. */
function timeToExpiry(expiryDays: number, asOfDays: number): number {
  return (expiryDays - asOfDays) / 365;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §0 Normal CDF: W. J. Cody's rational Chebyshev erfc (SPECFUN CALERF, Math. Comp. 23, 1969)
// Coefficients as published in Netlib specfun `calerf`; verified against mpmath (see report).
// ─────────────────────────────────────────────────────────────────────────────────────────────────

// Netlib digits (A: 3.16112374387056560e00, 1.13864154151050156e02, …; Q[1] = 1.87295284992346047e00)
// written here as the shortest literals of the same IEEE doubles (Biome noPrecisionLoss).
const CODY_A = [
  3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
];
const CODY_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const CODY_C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const CODY_D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const CODY_P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const CODY_Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];
const CODY_SQRPI = 0.5641895835477563; // 1/√π = 5.6418958354775628695e-1
const CODY_THRESH = 0.46875;
const CODY_XSMALL = 1.11e-16;
const CODY_XBIG = 26.543;

/** §0: complementary error function, Cody's CALERF with jint = 1 (erfc). */
export function erfcCody(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  let result: number;
  if (y <= CODY_THRESH) {
    // erf for |x| ≤ 0.46875, then erfc = 1 − erf
    let ysq = 0;
    if (y > CODY_XSMALL) ysq = y * y;
    let xnum = at(CODY_A, 4) * ysq;
    let xden = ysq;
    for (let i = 0; i < 3; i++) {
      xnum = (xnum + at(CODY_A, i)) * ysq;
      xden = (xden + at(CODY_B, i)) * ysq;
    }
    result = (x * (xnum + at(CODY_A, 3))) / (xden + at(CODY_B, 3));
    return 1 - result;
  }
  if (y <= 4) {
    // erfc for 0.46875 < |x| ≤ 4
    let xnum = at(CODY_C, 8) * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + at(CODY_C, i)) * y;
      xden = (xden + at(CODY_D, i)) * y;
    }
    result = (xnum + at(CODY_C, 7)) / (xden + at(CODY_D, 7));
    const ysq = Math.trunc(y * 16) / 16;
    const del = (y - ysq) * (y + ysq);
    result = Math.exp(-ysq * ysq) * Math.exp(-del) * result;
  } else {
    // erfc for |x| > 4
    result = 0;
    if (y < CODY_XBIG) {
      const ysq0 = 1 / (y * y);
      let xnum = at(CODY_P, 5) * ysq0;
      let xden = ysq0;
      for (let i = 0; i < 4; i++) {
        xnum = (xnum + at(CODY_P, i)) * ysq0;
        xden = (xden + at(CODY_Q, i)) * ysq0;
      }
      result = (ysq0 * (xnum + at(CODY_P, 4))) / (xden + at(CODY_Q, 4));
      result = (CODY_SQRPI - result) / y;
      const ysq = Math.trunc(y * 16) / 16;
      const del = (y - ysq) * (y + ysq);
      result = Math.exp(-ysq * ysq) * Math.exp(-del) * result;
    }
  }
  if (x < 0) result = 2 - result;
  return result;
}

/** §0: Φ(x) = 0.5·erfc(−x/√2). */
export function normalCdf(x: number): number {
  return 0.5 * erfcCody(-x / Math.SQRT2);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §1.2 Black–Scholes (European, continuous rate r, no dividend) and §0 expired rules
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §0: intrinsic value of an expired option (undiscounted). */
function intrinsicValue(right: Right, S: number, K: number): number {
  return right === 'call' ? Math.max(S - K, 0) : Math.max(K - S, 0);
}

/** §0: delta of an expired option: 1 (call, S > K), −1 (put, S < K), 0 otherwise. */
function expiredDelta(right: Right, S: number, K: number): number {
  if (right === 'call') return S > K ? 1 : 0;
  return S < K ? -1 : 0;
}

/** Black–Scholes d1 (d2 = d1 − σ√τ). Only for σ√τ > 0. */
function bsD1(S: number, K: number, tau: number, sigma: number, r: number): number {
  return (Math.log(S / K) + (r + (sigma * sigma) / 2) * tau) / (sigma * Math.sqrt(tau));
}

/** §1.2: option value per unit V(S,K,τ,σ,r); §0 intrinsic when τ ≤ 0; S3 limit when σ√τ = 0. */
export function optionValue(
  right: Right,
  S: number,
  K: number,
  tau: number,
  sigma: number,
  r: number,
): number {
  if (tau <= 0) return intrinsicValue(right, S, K);
  const discK = K * Math.exp(-r * tau);
  const sd = sigma * Math.sqrt(tau);
  if (sd === 0) {
    // deterministic limit (choice S3)
    return right === 'call' ? Math.max(S - discK, 0) : Math.max(discK - S, 0);
  }
  const d1 = bsD1(S, K, tau, sigma, r);
  const d2 = d1 - sd;
  if (right === 'call') return S * normalCdf(d1) - discK * normalCdf(d2);
  return discK * normalCdf(-d2) - S * normalCdf(-d1);
}

/** §6.3/§4.7: Black–Scholes delta per unit (call Φ(d1), put Φ(d1) − 1); §0 rule when expired. */
export function optionDelta(
  right: Right,
  S: number,
  K: number,
  tau: number,
  sigma: number,
  r: number,
): number {
  if (tau <= 0) return expiredDelta(right, S, K);
  const sd = sigma * Math.sqrt(tau);
  let nd1: number;
  if (sd === 0) {
    // deterministic limit (choice S3): d1 → ±∞, or 0 exactly at the money-forward
    const num = Math.log(S / K) + r * tau;
    nd1 = num > 0 ? 1 : num < 0 ? 0 : 0.5;
  } else {
    nd1 = normalCdf(bsD1(S, K, tau, sigma, r));
  }
  return right === 'call' ? nd1 : nd1 - 1;
}

/** §1.2: futures mark F = S·e^{rτ}, F = S when τ ≤ 0. */
function futureMark(S: number, tau: number, r: number): number {
  return tau <= 0 ? S : S * Math.exp(r * tau);
}

/** §1.2 table: mark per unit of a position (perp S, future F, option V). */
function positionMark(p: Position, S: number, sigma: number, r: number): number {
  if (p.type === 'perp') return S;
  if (p.type === 'future') return futureMark(S, p.tau, r);
  return optionValue(p.right as Right, S, p.strike, p.tau, sigma, r);
}

/** §1.2 table: value in equity (perp q·(S − entry), future q·(F − entry), option q·V). */
function positionValue(p: Position, S: number, sigma: number, r: number): number {
  if (p.type === 'option') return p.qty * positionMark(p, S, sigma, r);
  return p.qty * (positionMark(p, S, sigma, r) - p.entry);
}

/** §4.7: delta contribution: q·Δ for options, q for perps and futures. */
function positionDelta(p: Position, S: number, sigma: number, r: number): number {
  if (p.type === 'option') return p.qty * optionDelta(p.right as Right, S, p.strike, p.tau, sigma, r);
  return p.qty;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §1.2 Netting
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §1.2: instrument key (type, asset, expiry, right, strike). Dates are canonical YYYY-MM-DD strings. */
function instrumentKey(p: Position): string {
  if (p.type === 'perp') return `perp|${p.asset}`;
  if (p.type === 'future') return `future|${p.asset}|${p.expiry}`;
  return `option|${p.asset}|${p.expiry}|${p.right}|${String(p.strike)}`;
}

/**
 * §1.2: net positions with the same instrument key: q = Σqᵢ, entry = Σqᵢ·entryᵢ/Σqᵢ. When Σqᵢ = 0
 * the position disappears; a perp/future adds its locked-in profit −Σqᵢ·entryᵢ (USD).
 */
function netPositions(raw: readonly Position[]): { positions: Position[]; locked: number } {
  const groups = new Map<string, Position[]>();
  for (const p of raw) {
    const k = instrumentKey(p);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const positions: Position[] = [];
  let locked = 0;
  for (const g of groups.values()) {
    const first = at(g, 0);
    let sumQ = 0;
    let sumQEntry = 0;
    for (const p of g) {
      sumQ += p.qty;
      if (p.type !== 'option') sumQEntry += p.qty * p.entry;
    }
    if (sumQ === 0) {
      if (first.type !== 'option') locked += -sumQEntry;
      continue;
    }
    positions.push({
      ...first,
      qty: sumQ,
      entry: first.type === 'option' ? Number.NaN : sumQEntry / sumQ,
    });
  }
  return { positions, locked };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §0/§2 state look-ups
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §0: USD always has price 1. */
function priceOf(state: State, asset: string): number {
  if (asset === 'USD') return 1;
  return getOrThrow(state.prices, asset, 'price for');
}

function volOf(state: State, asset: string): number {
  return getOrThrow(state.vols, asset, 'vol for');
}

function isCrypto(ctx: Ctx, asset: string): boolean {
  return asset !== 'USD' && getOrThrow(ctx.assets, asset, 'asset').kind === 'crypto';
}

/** §1.3: haircut h_a (USD 0, stablecoin own entry or 0, crypto own or "*"). */
function haircutOf(ctx: Ctx, asset: string): number {
  if (asset === 'USD') return 0;
  if (isCrypto(ctx, asset)) return getOrThrow(ctx.risk, asset, 'risk params').haircut;
  return ctx.stableHaircut.get(asset) ?? 0;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §2 Valuation
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §2: E = Σ_c n_c·S_c + Σ_p value(p) + locked-in profit. */
function unitEquity(ctx: Ctx, unit: Unit, state: State): number {
  let e = 0;
  for (const [asset, n] of unit.collateral) e += n * priceOf(state, asset);
  for (const p of unit.positions)
    e += positionValue(p, priceOf(state, p.asset), volOf(state, p.asset), ctx.rate);
  return e + unit.locked;
}

/** §2: standard adjusted equity: Σ_c (n > 0 ? n·S·(1 − h) : n·S) + Σ_p value(p) + locked. */
function adjustedEquityStandard(ctx: Ctx, unit: Unit, state: State): number {
  let e = 0;
  for (const [asset, n] of unit.collateral) {
    const S = priceOf(state, asset);
    e += n > 0 ? n * S * (1 - haircutOf(ctx, asset)) : n * S;
  }
  for (const p of unit.positions)
    e += positionValue(p, priceOf(state, p.asset), volOf(state, p.asset), ctx.rate);
  return e + unit.locked;
}

/**
 * §2: portfolio adjusted equity. With includeCollateral, crypto collateral is not haircut and
 * stablecoin haircuts still apply; without it, the standard formula (choice X3).
 */
function adjustedEquityPortfolio(ctx: Ctx, unit: Unit, state: State): number {
  if (!ctx.params.includeCollateral) return adjustedEquityStandard(ctx, unit, state);
  let e = 0;
  for (const [asset, n] of unit.collateral) {
    const S = priceOf(state, asset);
    if (isCrypto(ctx, asset)) e += n * S;
    else e += n > 0 ? n * S * (1 - haircutOf(ctx, asset)) : n * S;
  }
  for (const p of unit.positions)
    e += positionValue(p, priceOf(state, p.asset), volOf(state, p.asset), ctx.rate);
  return e + unit.locked;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §3 Standard margin
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §3: progressive tiers: Σ_i rate_i·(min(N, upTo_i) − upTo_{i−1})⁺, upTo_0 = 0. */
function tieredMargin(N: number, tiers: readonly Tier[], which: 'imr' | 'mmr'): number {
  let total = 0;
  let prevUpTo = 0;
  for (const t of tiers) {
    const slice = Math.min(N, t.upTo) - prevUpTo;
    if (slice > 0) total += t[which] * slice;
    prevUpTo = t.upTo;
  }
  return total;
}

/** §3: linear position (perp, future, borrowed coin): N = |q|·mark, tiers of its asset. */
function linearMargin(ctx: Ctx, asset: string, qty: number, mark: number): { im: number; mm: number } {
  const N = Math.abs(qty) * mark;
  const tiers = getOrThrow(ctx.risk, asset, 'risk params').tiers;
  return { im: tieredMargin(N, tiers, 'imr'), mm: tieredMargin(N, tiers, 'mmr') };
}

/** §3: option margin. Long: 0. Short (τ > 0): IM = |q|·(max(optIm − OTM/S, optImFloor)·S + V), MM = |q|·(optMm·S + V). Expired: 0. */
function optionStandardMargin(ctx: Ctx, p: Position, S: number, sigma: number): { im: number; mm: number } {
  if (p.qty >= 0) return { im: 0, mm: 0 };
  if (p.tau <= 0) return { im: 0, mm: 0 };
  const right = p.right as Right;
  const K = p.strike;
  const V = optionValue(right, S, K, p.tau, sigma, ctx.rate);
  const otm = right === 'call' ? Math.max(K - S, 0) : Math.max(S - K, 0);
  const absQ = Math.abs(p.qty);
  const { optIm, optImFloor, optMm } = ctx.params;
  return {
    im: absQ * (Math.max(optIm - otm / S, optImFloor) * S + V),
    mm: absQ * (optMm * S + V),
  };
}

/** §3: standard margin of a unit = Σ over netted positions + borrowed crypto collateral. */
function standardMargin(ctx: Ctx, unit: Unit, state: State): { im: number; mm: number } {
  let im = 0;
  let mm = 0;
  for (const p of unit.positions) {
    const S = priceOf(state, p.asset);
    const sigma = volOf(state, p.asset);
    const m =
      p.type === 'option'
        ? optionStandardMargin(ctx, p, S, sigma)
        : linearMargin(ctx, p.asset, p.qty, positionMark(p, S, sigma, ctx.rate));
    im += m.im;
    mm += m.mm;
  }
  for (const [asset, n] of unit.collateral) {
    if (n < 0 && isCrypto(ctx, asset)) {
      const m = linearMargin(ctx, asset, n, priceOf(state, asset));
      im += m.im;
      mm += m.mm;
    }
  }
  return { im, mm };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §4 Portfolio margin (risk matrix)
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §4: underlyings of a unit: position assets, plus crypto collateral assets when includeCollateral. */
function pmUnderlyings(ctx: Ctx, unit: Unit): string[] {
  const out: string[] = [];
  for (const p of unit.positions) if (!out.includes(p.asset)) out.push(p.asset);
  if (ctx.params.includeCollateral) {
    for (const asset of unit.collateral.keys())
      if (isCrypto(ctx, asset) && !out.includes(asset)) out.push(asset);
  }
  return out;
}

/** §4.3: Σ value at (S', σ') of the positions in u and (when included) the collateral n·S' in u. */
function underlyingValue(ctx: Ctx, unit: Unit, u: string, S: number, sigma: number): number {
  let v = 0;
  for (const p of unit.positions) if (p.asset === u) v += positionValue(p, S, sigma, ctx.rate);
  if (ctx.params.includeCollateral) {
    const n = unit.collateral.get(u);
    if (n !== undefined) v += n * S;
  }
  return v;
}

/** §4.3: ΔV(m, σ') = value at (S(1+m), σ') − value at (S, σ). */
function deltaValue(
  ctx: Ctx,
  unit: Unit,
  u: string,
  S: number,
  sigma: number,
  m: number,
  sigmaPrime: number,
): number {
  return underlyingValue(ctx, unit, u, S * (1 + m), sigmaPrime) - underlyingValue(ctx, unit, u, S, sigma);
}

/** §4.1: price moves m_j = −M + j·2M/(n − 1), j = 0..n−1. */
function priceMoves(M: number, n: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < n; j++) out.push(-M + (j * 2 * M) / (n - 1));
  return out;
}

/** §4.2: vol states σ·(1 − vDown), σ, σ·(1 + vUp). */
function volStates(sigma: number, pm: PmParams): number[] {
  return [sigma * (1 - pm.volDown), sigma, sigma * (1 + pm.volUp)];
}

/** §4.4: RM_u = max(0, −min ΔV) over the n_u × 3 grid. */
function riskMatrixLoss(ctx: Ctx, unit: Unit, u: string, S: number, sigma: number, pm: PmParams): number {
  let minDv = Number.POSITIVE_INFINITY;
  for (const m of priceMoves(pm.range, pm.steps)) {
    for (const sp of volStates(sigma, pm)) {
      minDv = Math.min(minDv, deltaValue(ctx, unit, u, S, sigma, m, sp));
    }
  }
  return Math.max(0, -minDv);
}

/** §4.5: EXT_u = max(0, −min ΔV) over extremeMoves at σ·(1 + vUp); 0 for an empty list. */
function extremeLoss(ctx: Ctx, unit: Unit, u: string, S: number, sigma: number, pm: PmParams): number {
  if (pm.extremeMoves.length === 0) return 0;
  let minDv = Number.POSITIVE_INFINITY;
  const sp = sigma * (1 + pm.volUp);
  for (const m of pm.extremeMoves) minDv = Math.min(minDv, deltaValue(ctx, unit, u, S, sigma, m, sp));
  return Math.max(0, -minDv);
}

/** §4.6: C_u = c·S·Σ_{short options}|q| (every netted short option, choice X2). */
function shortOptionContingency(unit: Unit, u: string, S: number, pm: PmParams): number {
  let sumAbsQ = 0;
  for (const p of unit.positions)
    if (p.asset === u && p.type === 'option' && p.qty < 0) sumAbsQ += Math.abs(p.qty);
  return pm.contingency * S * sumAbsQ;
}

/** §4.7: net delta D_u = Σ q·Δ (options) + Σ q (perps, futures) + n (collateral, when included). */
function netDelta(ctx: Ctx, unit: Unit, u: string, S: number, sigma: number): number {
  let D = 0;
  for (const p of unit.positions) if (p.asset === u) D += positionDelta(p, S, sigma, ctx.rate);
  if (ctx.params.includeCollateral) {
    const n = unit.collateral.get(u);
    if (n !== undefined) D += n;
  }
  return D;
}

/** §4.7: K_u = k·(|D|·S − T)⁺. */
function concentrationAddOn(D: number, S: number, pm: PmParams): number {
  return pm.concentrationRate * Math.max(Math.abs(D) * S - pm.concentrationThreshold, 0);
}

/** §4.8: IM_u = W_u + C_u + K_u with W_u = max(RM_u, f·EXT_u). */
function underlyingIm(ctx: Ctx, unit: Unit, u: string, state: State): number {
  const S = priceOf(state, u);
  const sigma = volOf(state, u);
  const pm = getOrThrow(ctx.risk, u, 'risk params').pm;
  const RM = riskMatrixLoss(ctx, unit, u, S, sigma, pm);
  const EXT = extremeLoss(ctx, unit, u, S, sigma, pm);
  const W = Math.max(RM, pm.extremeFraction * EXT);
  const C = shortOptionContingency(unit, u, S, pm);
  const K = concentrationAddOn(netDelta(ctx, unit, u, S, sigma), S, pm);
  return W + C + K;
}

/** §4.8: unit IM = Σ_u IM_u; MM = mmFactor·IM (no offsets between underlyings). */
function portfolioMargin(ctx: Ctx, unit: Unit, state: State): { im: number; mm: number } {
  let im = 0;
  for (const u of pmUnderlyings(ctx, unit)) im += underlyingIm(ctx, unit, u, state);
  return { im, mm: ctx.params.mmFactor * im };
}

/** §2–§4 at one state: E, E_adj, IM, MM of a unit under its margin mode. */
function evaluateUnit(ctx: Ctx, unit: Unit, state: State): UnitEval {
  const E = unitEquity(ctx, unit, state);
  if (unit.mode === 'standard') {
    const m = standardMargin(ctx, unit, state);
    return { E, Eadj: adjustedEquityStandard(ctx, unit, state), IM: m.im, MM: m.mm };
  }
  const m = portfolioMargin(ctx, unit, state);
  return { E, Eadj: adjustedEquityPortfolio(ctx, unit, state), IM: m.im, MM: m.mm };
}

/** §5: margin-called when E_adj < IM (strict). */
function isMarginCalled(ev: UnitEval): boolean {
  return ev.Eadj < ev.IM;
}

/** §5: liquidatable when E_adj < MM (strict). */
function isLiquidatable(ev: UnitEval): boolean {
  return ev.Eadj < ev.MM;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §5 Margin units and regimes
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §5: one unit per (client, venue), netted; mode per regime. */
function perVenueUnits(clients: readonly Client[], regime: Regime): Unit[] {
  const units: Unit[] = [];
  clients.forEach((c, ci) => {
    for (const s of c.subaccounts) {
      const { positions, locked } = netPositions(s.positions);
      const mode: MarginMode =
        regime === 'as-is' ? s.marginMode : regime === 'standard' ? 'standard' : 'portfolio';
      units.push({ clientIndex: ci, mode, collateral: new Map(s.collateral), positions, locked });
    }
  });
  return units;
}

/** §5 cross-venue: one unit per client, collateral summed, positions netted across venues, §4. */
function crossVenueUnits(clients: readonly Client[]): Unit[] {
  return clients.map((c, ci) => {
    const collateral = new Map<string, number>();
    const raw: Position[] = [];
    for (const s of c.subaccounts) {
      for (const [asset, n] of s.collateral) collateral.set(asset, (collateral.get(asset) ?? 0) + n);
      raw.push(...s.positions);
    }
    const { positions, locked } = netPositions(raw);
    return { clientIndex: ci, mode: 'portfolio' as const, collateral, positions, locked };
  });
}

function buildUnits(clients: readonly Client[], regime: Regime): Unit[] {
  return regime === 'cross-venue' ? crossVenueUnits(clients) : perVenueUnits(clients, regime);
}

/** §2/§8: the unshocked market state. */
function baseState(ctx: Ctx): State {
  const prices = new Map<string, number>();
  const vols = new Map<string, number>();
  for (const a of ctx.assets.values()) {
    prices.set(a.name, a.price);
    vols.set(a.name, a.vol);
  }
  return { prices, vols };
}

/** §8 `margin` block: at the unshocked market. */
function marginSummary(ctx: Ctx, units: readonly Unit[]): MarginSummary {
  const state = baseState(ctx);
  let im = 0;
  let mm = 0;
  let marginCalled = 0;
  let liquidatable = 0;
  for (const u of units) {
    const ev = evaluateUnit(ctx, u, state);
    im += ev.IM;
    mm += ev.MM;
    if (isMarginCalled(ev)) marginCalled++;
    if (isLiquidatable(ev)) liquidatable++;
  }
  return { units: units.length, im, mm, marginCalled, liquidatable };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §6 Scenario and contagion cascade
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §6 round 0: P_a^0 = S_a·(1 + R_a) (USD never, unnamed stablecoins R = 0); σ* = σ·(1 + v). */
function shockedState(ctx: Ctx, perAsset: Map<string, ScenarioShock>): State {
  const prices = new Map<string, number>();
  const vols = new Map<string, number>();
  for (const a of ctx.assets.values()) {
    const sh = getOrThrow(perAsset, a.name, 'scenario shock for');
    prices.set(a.name, a.price * (1 + sh.shock));
    vols.set(a.name, a.kind === 'crypto' ? a.vol * (1 + sh.vol) : a.vol);
  }
  return { prices, vols };
}

/** §6.3: a liquidated unit's signed USD flow per crypto asset, valued at P^0 (Δ at P^{k−1}, σ*). */
function liquidationFlow(ctx: Ctx, unit: Unit, current: State, p0: Map<string, number>): Map<string, number> {
  const flow = new Map<string, number>();
  const add = (a: string, x: number) => flow.set(a, (flow.get(a) ?? 0) + x);
  for (const p of unit.positions) {
    // positions are always on crypto underlyings (stablecoin/USD underlyings are rejected, §1.4)
    const P0 = getOrThrow(p0, p.asset, 'P0');
    if (p.type === 'option') {
      const delta = optionDelta(
        p.right as Right,
        priceOf(current, p.asset),
        p.strike,
        p.tau,
        volOf(current, p.asset),
        ctx.rate,
      );
      add(p.asset, -p.qty * delta * P0);
    } else {
      add(p.asset, -p.qty * P0);
    }
  }
  for (const [asset, n] of unit.collateral) {
    if (isCrypto(ctx, asset)) add(asset, -n * getOrThrow(p0, asset, 'P0'));
  }
  return flow;
}

/** §6.4 sqrt impact: I = sign(Q)·Y·(σ* / √365)·√(|Q|/(adv·λ)); 0 when Q = 0. */
function sqrtImpact(Q: number, Y: number, sigmaStar: number, adv: number, lambda: number): number {
  if (Q === 0) return 0;
  return Math.sign(Q) * Y * (sigmaStar / Math.sqrt(365)) * Math.sqrt(Math.abs(Q) / (adv * lambda));
}

/** §6.4 linear impact: I = 0.01·Q/(depth1pct·λ). */
function linearImpact(Q: number, depth1pct: number, lambda: number): number {
  if (Q === 0) return 0;
  return (0.01 * Q) / (depth1pct * lambda);
}

/**
 * §6.4: P^k = P^0·max(floor, 1 + I) or, with a circuit breaker of band b,
 * P^0·max(floor, min(1 + b, max(1 − b, 1 + I))). Returns the multiplier and whether 1 + I left the band
 * (strictly, choice X1).
 */
function priceMultiplier(I: number, floor: number, band: number | null): { mult: number; outside: boolean } {
  const x = 1 + I;
  if (band === null) return { mult: Math.max(floor, x), outside: false };
  const outside = x > 1 + band || x < 1 - band;
  return { mult: Math.max(floor, Math.min(1 + band, Math.max(1 - band, x))), outside };
}

interface CascadeOutcome {
  rounds: number;
  marginCalled: number;
  liquidatedUnits: number;
  Q: Map<string, number>;
  finalPrices: Map<string, number>;
  badDebt: number;
  insuranceFundUsed: number;
  adl: number;
  cover1: number;
  cover2: number;
  totalLoss: number;
  halted: string[];
}

/** §6: the cascade for one scenario under one regime. */
function runCascade(
  ctx: Ctx,
  units: readonly Unit[],
  clientCount: number,
  perAsset: Map<string, ScenarioShock>,
): CascadeOutcome {
  const { params } = ctx;
  const base = baseState(ctx);
  const shocked = shockedState(ctx, perAsset);
  const p0 = shocked.prices; // P^0
  const sigmaStar = shocked.vols; // σ*, holds for the whole cascade
  let prices = new Map(p0); // P^{k−1}
  const Q = new Map<string, number>();
  for (const a of ctx.assets.values()) if (a.kind === 'crypto') Q.set(a.name, 0);
  const halted = new Set<string>();

  let active: number[] = units.map((_, i) => i);
  const closeOutEquity = new Map<number, number>(); // liquidated unit → E at P^k
  const unitBadDebt = new Map<number, number>();
  let marginCalled = 0;
  let liquidatedUnits = 0;
  let rounds = params.maxRounds;

  for (let k = 1; k <= params.maxRounds; k++) {
    // 1. evaluate every active unit at P^{k−1}, σ*
    const current: State = { prices, vols: sigmaStar };
    const evals = active.map((i) => evaluateUnit(ctx, at(units, i), current));
    if (k === 1) marginCalled = evals.filter(isMarginCalled).length;
    // 2. L_k chosen simultaneously
    const L = active.filter((_, j) => isLiquidatable(at(evals, j)));
    if (L.length === 0) {
      rounds = k - 1;
      break;
    }
    // 3. liquidation flow, valued at P^0, Δ at P^{k−1}
    for (const i of L) {
      for (const [a, f] of liquidationFlow(ctx, at(units, i), current, p0)) Q.set(a, (Q.get(a) ?? 0) + f);
    }
    // 4. new prices from the cumulative flow
    const next = new Map<string, number>();
    for (const a of ctx.assets.values()) {
      const P0 = getOrThrow(p0, a.name, 'P0');
      if (a.kind !== 'crypto') {
        next.set(a.name, P0); // stablecoins stay at P^0
        continue;
      }
      const Qa = getOrThrow(Q, a.name, 'Q');
      const lambda = getOrThrow(perAsset, a.name, 'shock').liquidity;
      const I =
        params.impactModel === 'sqrt'
          ? sqrtImpact(Qa, params.impactY, getOrThrow(sigmaStar, a.name, 'σ*'), a.adv, lambda)
          : linearImpact(Qa, a.depth1pct, lambda);
      const { mult, outside } = priceMultiplier(I, params.priceFloor, params.band);
      if (outside) halted.add(a.name);
      next.set(a.name, P0 * mult);
    }
    // 5. close out L_k at P^k (options at V(P^k, σ*)); E final; bad debt −E if E < 0
    const closeState: State = { prices: next, vols: sigmaStar };
    for (const i of L) {
      const E = unitEquity(ctx, at(units, i), closeState);
      closeOutEquity.set(i, E);
      unitBadDebt.set(i, E < 0 ? -E : 0);
    }
    liquidatedUnits += L.length;
    const Lset = new Set(L);
    active = active.filter((i) => !Lset.has(i));
    prices = next;
  }

  // After the last round: totals (§6)
  let badDebt = 0;
  for (const bd of unitBadDebt.values()) badDebt += bd;
  const insuranceFundUsed = Math.min(ctx.insuranceFund, badDebt);
  const adl = badDebt - insuranceFundUsed;

  // Per client: loss = E_before − E_after; uncovered = its bad debt
  const finalState: State = { prices, vols: sigmaStar };
  const clientLoss = new Array<number>(clientCount).fill(0);
  const clientUncovered = new Array<number>(clientCount).fill(0);
  units.forEach((u, i) => {
    const before = unitEquity(ctx, u, base);
    const after = closeOutEquity.get(i) ?? unitEquity(ctx, u, finalState);
    clientLoss[u.clientIndex] = at(clientLoss, u.clientIndex) + (before - after);
    clientUncovered[u.clientIndex] = at(clientUncovered, u.clientIndex) + (unitBadDebt.get(i) ?? 0);
  });
  const sortedUncovered = [...clientUncovered].sort((a, b) => b - a);
  const cover1 = sortedUncovered[0] ?? 0;
  const cover2 = cover1 + (sortedUncovered[1] ?? 0);
  let totalLoss = 0;
  for (const l of clientLoss) totalLoss += l;

  return {
    rounds,
    marginCalled,
    liquidatedUnits,
    Q,
    finalPrices: prices,
    badDebt,
    insuranceFundUsed,
    adl,
    cover1,
    cover2,
    totalLoss,
    halted: [...halted].sort(),
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §7 Reverse stress test
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §7: uniform shock R on every crypto asset, no vol/liquidity shock, stablecoins unchanged. */
function uniformShock(ctx: Ctx, R: number): Map<string, ScenarioShock> {
  const m = new Map<string, ScenarioShock>();
  for (const a of ctx.assets.values()) {
    m.set(a.name, { shock: a.kind === 'crypto' ? R : 0, vol: 0, liquidity: 1 });
  }
  return m;
}

/** §7: holds(R) ⇔ badDebt(R) > insuranceFund, regime as-is. */
function holds(ctx: Ctx, asIsUnits: readonly Unit[], clientCount: number, R: number): boolean {
  return runCascade(ctx, asIsUnits, clientCount, uniformShock(ctx, R)).badDebt > ctx.insuranceFund;
}

/** §7: scan the grid, then bisect the first crossing's bracket for exactly 16 steps; R* = hi. */
function reverseStressSearch(grid: readonly number[], holdsAt: (R: number) => boolean): number | null {
  if (holdsAt(at(grid, 0))) return 0;
  for (let i = 1; i < grid.length; i++) {
    if (holdsAt(at(grid, i))) {
      let lo = at(grid, i - 1);
      let hi = at(grid, i);
      for (let step = 0; step < 16; step++) {
        const mid = (lo + hi) / 2;
        if (holdsAt(mid)) hi = mid;
        else lo = mid;
      }
      return hi;
    }
  }
  return null;
}

/** §7: down grid 0, −0.05, …, −0.95; up grid 0, +0.10, …, +3.00. */
function reverseStress(ctx: Ctx, clients: readonly Client[]): { down: number | null; up: number | null } {
  const units = buildUnits(clients, 'as-is');
  const memo = new Map<number, boolean>();
  const holdsAt = (R: number): boolean => {
    let v = memo.get(R);
    if (v === undefined) {
      v = holds(ctx, units, clients.length, R);
      memo.set(R, v);
    }
    return v;
  };
  const down: number[] = [];
  for (let i = 0; i <= 19; i++) down.push((-5 * i) / 100);
  const up: number[] = [];
  for (let i = 0; i <= 30; i++) up.push((10 * i) / 100);
  return { down: reverseStressSearch(down, holdsAt), up: reverseStressSearch(up, holdsAt) };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §1.3 Params parsing (any violation throws)
// ─────────────────────────────────────────────────────────────────────────────────────────────────

function paramsError(msg: string): Error {
  return new Error(`invalid params: ${msg}`);
}

function reqNumber(
  o: Record<string, unknown>,
  k: string,
  where: string,
  min: number,
  max = Infinity,
): number {
  const v = o[k];
  if (!isFiniteNumber(v) || v < min || v > max) {
    throw paramsError(`${where}.${k} must be a finite number in [${min}, ${max}] (got ${JSON.stringify(v)})`);
  }
  return v;
}

function reqObject(o: Record<string, unknown>, k: string, where: string): Record<string, unknown> {
  const v = o[k];
  if (!isObject(v)) throw paramsError(`${where}.${k} must be an object`);
  return v;
}

/** §1.3 haircut h ∈ [0, 1). */
function parseHaircut(v: unknown, where: string): number {
  if (!isFiniteNumber(v) || v < 0 || v >= 1) throw paramsError(`${where}.haircut must be in [0, 1)`);
  return v;
}

/** §1.3 tiers: increasing in upTo, ending with upTo: null (choice P4). */
function parseTiers(v: unknown, where: string): Tier[] {
  if (!Array.isArray(v) || v.length === 0) throw paramsError(`${where}.tiers must be a non-empty list`);
  const tiers: Tier[] = [];
  let prev = 0;
  v.forEach((t, i) => {
    const w = `${where}.tiers[${i}]`;
    if (!isObject(t)) throw paramsError(`${w} must be an object`);
    const last = i === v.length - 1;
    let upTo: number;
    if (last) {
      if (t.upTo !== null) throw paramsError(`${w}.upTo must be null (the last tier)`);
      upTo = Infinity;
    } else {
      if (!isFiniteNumber(t.upTo) || t.upTo <= prev) {
        throw paramsError(`${w}.upTo must be a number strictly greater than ${prev}`);
      }
      upTo = t.upTo;
    }
    tiers.push({ upTo, imr: reqNumber(t, 'imr', w, 0), mmr: reqNumber(t, 'mmr', w, 0) });
    prev = upTo;
  });
  return tiers;
}

/** §1.3/§4 pm settings (choice P4). */
function parsePm(v: unknown, where: string): PmParams {
  if (!isObject(v)) throw paramsError(`${where}.pm must be an object`);
  const w = `${where}.pm`;
  const steps = v.steps;
  if (!isFiniteNumber(steps) || !Number.isInteger(steps) || steps < 3 || steps % 2 !== 1) {
    throw paramsError(`${w}.steps must be an odd integer ≥ 3`);
  }
  const moves = v.extremeMoves;
  if (!Array.isArray(moves) || !moves.every((m) => isFiniteNumber(m) && m >= -1)) {
    throw paramsError(`${w}.extremeMoves must be a list of numbers ≥ −1`);
  }
  return {
    range: reqNumber(v, 'range', w, 0, 1),
    steps,
    volUp: reqNumber(v, 'volUp', w, 0),
    volDown: reqNumber(v, 'volDown', w, 0, 1),
    extremeMoves: moves as number[],
    extremeFraction: reqNumber(v, 'extremeFraction', w, 0),
    contingency: reqNumber(v, 'contingency', w, 0),
    concentrationThreshold: reqNumber(v, 'concentrationThreshold', w, 0),
    concentrationRate: reqNumber(v, 'concentrationRate', w, 0),
  };
}

/** §1.3: global params. */
function parseGlobalParams(raw: unknown): Params {
  if (!isObject(raw)) throw paramsError('document must be an object');
  const options = reqObject(raw, 'options', 'params');
  const pm = reqObject(raw, 'pm', 'params');
  const impact = reqObject(raw, 'impact', 'params');
  const cascade = reqObject(raw, 'cascade', 'params');
  if (typeof pm.includeCollateral !== 'boolean') throw paramsError('pm.includeCollateral must be a boolean');
  const model = impact.model;
  if (model !== 'sqrt' && model !== 'linear') throw paramsError('impact.model must be "sqrt" or "linear"');
  let impactY = Number.NaN;
  if (model === 'sqrt' || has(impact, 'y')) impactY = reqNumber(impact, 'y', 'impact', 0);
  const maxRounds = cascade.maxRounds;
  if (!isFiniteNumber(maxRounds) || !Number.isInteger(maxRounds) || maxRounds < 1) {
    throw paramsError('cascade.maxRounds must be an integer ≥ 1');
  }
  let band: number | null = null;
  if (has(cascade, 'circuitBreaker') && cascade.circuitBreaker !== null) {
    const cb = cascade.circuitBreaker;
    if (!isObject(cb)) throw paramsError('cascade.circuitBreaker must be null or {band}');
    const b = cb.band;
    if (!isFiniteNumber(b) || b <= 0) throw paramsError('cascade.circuitBreaker.band must be a number > 0');
    band = b;
  }
  const regimesRaw = raw.regimes;
  if (!Array.isArray(regimesRaw) || regimesRaw.length === 0)
    throw paramsError('regimes must be a non-empty list');
  const regimes: Regime[] = [];
  for (const r of regimesRaw) {
    if (!ALL_REGIMES.includes(r as Regime)) throw paramsError(`unknown regime ${JSON.stringify(r)}`);
    if (regimes.includes(r as Regime)) throw paramsError(`duplicate regime ${JSON.stringify(r)}`);
    regimes.push(r as Regime);
  }
  if (!isObject(raw.assets)) throw paramsError('assets must be an object');
  return {
    optIm: reqNumber(options, 'im', 'options', 0),
    optImFloor: reqNumber(options, 'imFloor', 'options', 0),
    optMm: reqNumber(options, 'mm', 'options', 0),
    mmFactor: reqNumber(pm, 'mmFactor', 'pm', 0),
    includeCollateral: pm.includeCollateral,
    impactModel: model,
    impactY,
    priceFloor: reqNumber(impact, 'priceFloor', 'impact', 0, 1),
    maxRounds,
    band,
    regimes,
  };
}

/**
 * §1.3: per-asset risk params. A named crypto asset takes each top-level field it lacks (haircut,
 * tiers, pm) from "*" (a named pm is used whole). A stablecoin without an entry has haircut 0.
 */
function resolveAssetParams(
  raw: unknown,
  assets: Map<string, MarketAsset>,
): { risk: Map<string, CryptoRisk>; stableHaircut: Map<string, number> } {
  const all = (raw as Record<string, unknown>).assets as Record<string, unknown>;
  // Validate every entry present (choice P3).
  for (const [name, entry] of Object.entries(all)) {
    const w = `assets.${name}`;
    if (!isObject(entry)) throw paramsError(`${w} must be an object`);
    if (has(entry, 'haircut')) parseHaircut(entry.haircut, w);
    if (has(entry, 'tiers')) parseTiers(entry.tiers, w);
    if (has(entry, 'pm')) parsePm(entry.pm, w);
  }
  const star = isObject(all['*']) ? all['*'] : undefined;
  const risk = new Map<string, CryptoRisk>();
  const stableHaircut = new Map<string, number>();
  for (const a of assets.values()) {
    const own =
      has(all, a.name) && isObject(all[a.name]) ? (all[a.name] as Record<string, unknown>) : undefined;
    if (a.kind === 'stablecoin') {
      stableHaircut.set(
        a.name,
        own && has(own, 'haircut') ? parseHaircut(own.haircut, `assets.${a.name}`) : 0,
      );
      continue;
    }
    const pick = (field: string): { value: unknown; where: string } => {
      if (own && has(own, field)) return { value: own[field], where: `assets.${a.name}` };
      if (star && has(star, field)) return { value: star[field], where: 'assets.*' };
      throw paramsError(`crypto asset ${a.name} has no ${field} (neither its own entry nor "*")`);
    };
    const h = pick('haircut');
    const t = pick('tiers');
    const p = pick('pm');
    risk.set(a.name, {
      haircut: parseHaircut(h.value, h.where),
      tiers: parseTiers(t.value, t.where),
      pm: parsePm(p.value, p.where),
    });
  }
  return { risk, stableHaircut };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §1.1/§1.4 Market parsing
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §1.4: every asset needs kind, price > 0, vol > 0; crypto also adv > 0 and depth1pct > 0. */
function validateMarketAsset(name: string, rec: unknown): MarketAsset | string {
  if (name === '*') return 'asset name "*" is reserved for defaults';
  if (!isObject(rec)) return 'asset record is not an object';
  const kind = rec.kind;
  if (kind !== 'crypto' && kind !== 'stablecoin') return 'kind must be "crypto" or "stablecoin"';
  if (!isFiniteNumber(rec.price) || rec.price <= 0) return 'price must be a number > 0';
  if (!isFiniteNumber(rec.vol) || rec.vol <= 0) return 'vol must be a number > 0';
  if (kind === 'crypto') {
    if (!isFiniteNumber(rec.adv) || rec.adv <= 0) return 'adv must be a number > 0 for a crypto asset';
    if (!isFiniteNumber(rec.depth1pct) || rec.depth1pct <= 0) {
      return 'depth1pct must be a number > 0 for a crypto asset';
    }
  }
  return {
    name,
    kind,
    price: rec.price,
    vol: rec.vol,
    adv: kind === 'crypto' ? (rec.adv as number) : Number.NaN,
    depth1pct: kind === 'crypto' ? (rec.depth1pct as number) : Number.NaN,
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §1.2/§1.4 Book parsing
// ─────────────────────────────────────────────────────────────────────────────────────────────────

interface BookCtx {
  asOfDays: number;
  assets: Map<string, MarketAsset>;
  invalidMarket: Set<string>;
  reject: (path: string, reason: string) => void;
  warn: (msg: string) => void;
}

/** Why an asset cannot be used at all (undefined when it exists in the valid market or is USD). */
function assetProblem(bc: BookCtx, asset: string): string | undefined {
  if (asset === 'USD') return undefined;
  if (bc.invalidMarket.has(asset)) return `market asset ${asset} is invalid`;
  if (!bc.assets.has(asset)) return `unknown asset ${asset}`;
  return undefined;
}

/** §1.2/§1.4: one position; returns the reason it is rejected or the parsed position. */
function parsePosition(bc: BookCtx, raw: unknown, path: string): Position | string {
  if (!isObject(raw)) return 'position is not an object';
  const type = raw.type;
  if (type !== 'perp' && type !== 'future' && type !== 'option') return 'type must be perp, future or option';
  const asset = raw.asset;
  if (typeof asset !== 'string' || asset === '') return 'missing asset';
  if (asset === 'USD') return 'underlying is USD';
  const problem = assetProblem(bc, asset);
  if (problem) return problem;
  if (getOrThrow(bc.assets, asset, 'asset').kind !== 'crypto') return `underlying ${asset} is a stablecoin`;
  if (!isFiniteNumber(raw.qty)) return 'qty must be a finite number';
  const qty = raw.qty;
  let entry = Number.NaN;
  let expiry: string | null = null;
  let tau = 0;
  let right: Right | null = null;
  let strike = Number.NaN;
  if (type === 'perp' || type === 'future') {
    if (!isFiniteNumber(raw.entry)) return 'entry must be a finite number';
    entry = raw.entry;
  }
  if (type === 'future' || type === 'option') {
    const days = parseIsoDate(raw.expiry);
    if (days === null) return 'expiry must be an ISO date YYYY-MM-DD';
    expiry = raw.expiry as string;
    tau = timeToExpiry(days, bc.asOfDays);
    if (tau <= 0) bc.warn(`${path}: expired ${type} (expiry ${expiry}) kept and valued as expired`);
  }
  if (type === 'option') {
    if (raw.right !== 'call' && raw.right !== 'put') return 'right must be call or put';
    right = raw.right;
    if (!isFiniteNumber(raw.strike) || raw.strike <= 0) return 'strike must be a number > 0';
    strike = raw.strike;
  }
  return { type, asset, qty, entry, expiry, tau, right, strike };
}

/** §1.2/§1.4: clients, subaccounts, collateral, positions; rejects the smallest enclosing record. */
function parseClients(bc: BookCtx, rawClients: unknown[]): Client[] {
  const clients: Client[] = [];
  const seenIds = new Set<string>();
  for (let i = 0; i < rawClients.length; i++) {
    const rc = rawClients[i];
    const cpath = `clients[${i}]`;
    if (!isObject(rc)) {
      bc.reject(cpath, 'client is not an object');
      continue;
    }
    if (typeof rc.id !== 'string' || rc.id === '') {
      bc.reject(cpath, 'missing or invalid client id');
      continue;
    }
    if (!Array.isArray(rc.subaccounts)) {
      bc.reject(cpath, 'missing or invalid subaccounts list');
      continue;
    }
    if (seenIds.has(rc.id)) {
      bc.reject(cpath, `duplicate client id ${rc.id} (the first is kept)`);
      continue;
    }
    seenIds.add(rc.id);
    const client: Client = { id: rc.id, subaccounts: [] };
    const seenVenues = new Set<string>();
    const rawSubs: unknown[] = rc.subaccounts;
    for (let j = 0; j < rawSubs.length; j++) {
      const sub = parseSubaccount(bc, rawSubs[j], `${cpath}.subaccounts[${j}]`, seenVenues);
      if (sub) client.subaccounts.push(sub);
    }
    clients.push(client);
  }
  return clients;
}

/** §1.2/§1.4: one subaccount (null when rejected); its collateral entries and positions one by one. */
function parseSubaccount(
  bc: BookCtx,
  rs: unknown,
  spath: string,
  seenVenues: Set<string>,
): Subaccount | null {
  let problem: string | undefined;
  if (!isObject(rs)) problem = 'subaccount is not an object';
  else if (typeof rs.venue !== 'string' || rs.venue === '') problem = 'missing or invalid venue';
  else if (rs.marginMode !== 'standard' && rs.marginMode !== 'portfolio')
    problem = 'missing or invalid marginMode';
  else if (has(rs, 'collateral') && !isObject(rs.collateral)) problem = 'collateral is not an object';
  else if (has(rs, 'positions') && !Array.isArray(rs.positions)) problem = 'positions is not a list';
  else if (seenVenues.has(rs.venue))
    problem = `duplicate venue ${rs.venue} in client (the first valid one is kept)`;
  if (problem !== undefined || !isObject(rs)) {
    bc.reject(spath, problem ?? 'invalid subaccount');
    return null;
  }
  const venue = rs.venue as string;
  seenVenues.add(venue);
  const sub: Subaccount = {
    venue,
    marginMode: rs.marginMode as MarginMode,
    collateral: new Map(),
    positions: [],
  };
  const coll = (rs.collateral ?? {}) as Record<string, unknown>;
  for (const [asset, n] of Object.entries(coll)) {
    const path = `${spath}.collateral.${asset}`;
    const assetIssue = assetProblem(bc, asset);
    if (assetIssue) bc.reject(path, assetIssue);
    else if (!isFiniteNumber(n)) bc.reject(path, 'collateral quantity must be a finite number');
    else sub.collateral.set(asset, n);
  }
  const positions = (rs.positions ?? []) as unknown[];
  for (let k = 0; k < positions.length; k++) {
    const path = `${spath}.positions[${k}]`;
    const p = parsePosition(bc, positions[k], path);
    if (typeof p === 'string') bc.reject(path, p);
    else sub.positions.push(p);
  }
  return sub;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §6/§1.4 Scenario parsing
// ─────────────────────────────────────────────────────────────────────────────────────────────────

/** §6: one shock entry; validates only the fields that are used (choice S2). */
function parseShockEntry(raw: unknown, stablecoin: boolean): ScenarioShock | string {
  if (!isObject(raw)) return 'shock entry is not an object';
  const shock = has(raw, 'shock') ? raw.shock : 0;
  if (!isFiniteNumber(shock) || shock <= -1) return 'shock must be a number > −1';
  if (stablecoin) return { shock, vol: 0, liquidity: 1 };
  const vol = has(raw, 'vol') ? raw.vol : 0;
  if (!isFiniteNumber(vol) || vol < -1) return 'vol shock must be a number ≥ −1';
  const liquidity = has(raw, 'liquidity') ? raw.liquidity : 1;
  if (!isFiniteNumber(liquidity) || liquidity <= 0) return 'liquidity must be a number > 0';
  return { shock, vol, liquidity };
}

/** §6: resolve a scenario to a shock per valid market asset. */
function parseScenario(
  raw: unknown,
  assets: Map<string, MarketAsset>,
  warn: (m: string) => void,
  path: string,
): Scenario | string {
  if (!isObject(raw)) return 'scenario is not an object';
  if (typeof raw.id !== 'string' || raw.id === '') return 'missing or invalid scenario id';
  if (!isObject(raw.shocks)) return 'missing or invalid shocks';
  const shocks = raw.shocks;
  const warnings: string[] = [];
  let star: ScenarioShock | undefined;
  if (has(shocks, '*')) {
    const s = parseShockEntry(shocks['*'], false);
    if (typeof s === 'string') return `shocks.*: ${s}`;
    star = s;
  }
  const named = new Map<string, ScenarioShock>();
  for (const key of Object.keys(shocks)) {
    if (key === '*') continue;
    const a = assets.get(key);
    if (!a) {
      warnings.push(
        `${path}.shocks.${key}: ${key === 'USD' ? 'USD never moves' : 'asset not in market'}; ignored`,
      );
      continue;
    }
    const s = parseShockEntry(shocks[key], a.kind === 'stablecoin');
    if (typeof s === 'string') return `shocks.${key}: ${s}`;
    named.set(key, s);
  }
  const perAsset = new Map<string, ScenarioShock>();
  for (const a of assets.values()) {
    const own = named.get(a.name);
    if (own) perAsset.set(a.name, own);
    else if (a.kind === 'crypto' && star) perAsset.set(a.name, star);
    else perAsset.set(a.name, { shock: 0, vol: 0, liquidity: 1 });
  }
  for (const w of warnings) warn(w);
  return { id: raw.id, perAsset };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────
// §8 Entry point
// ─────────────────────────────────────────────────────────────────────────────────────────────────

function assetRecord(keys: readonly string[], value: (a: string) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = value(k);
  return out;
}

/** §8: compute result.json from the four documents. Throws on invalid params / document-level fields. */
export function computeLiteralResult(docs: {
  book: unknown;
  market: unknown;
  params: unknown;
  scenarios: unknown;
}): LiteralResult {
  const rejected: RejectedRecord[] = [];
  const warnings: string[] = [];
  const reject = (path: string, reason: string) => {
    rejected.push({ path, reason });
  };
  const warn = (m: string) => {
    warnings.push(m);
  };

  // §1.4 document-level fields
  const { book, market, scenarios } = docs;
  if (!isObject(book)) throw new Error('invalid book: document must be an object');
  if (!isObject(market)) throw new Error('invalid market: document must be an object');
  if (!isObject(scenarios)) throw new Error('invalid scenarios: document must be an object');
  const bookAsOf = parseIsoDate(book.asOf);
  if (bookAsOf === null)
    throw new Error(`invalid book.asOf ${JSON.stringify(book.asOf)}: expected YYYY-MM-DD`);
  const marketAsOf = parseIsoDate(market.asOf);
  if (marketAsOf === null)
    throw new Error(`invalid market.asOf ${JSON.stringify(market.asOf)}: expected YYYY-MM-DD`);
  if (book.asOf !== market.asOf) {
    throw new Error(`asOf mismatch: book ${String(book.asOf)} vs market ${String(market.asOf)}`);
  }
  if (!isFiniteNumber(book.insuranceFund) || book.insuranceFund < 0) {
    throw new Error('invalid book.insuranceFund: must be a number ≥ 0');
  }
  if (!Array.isArray(book.clients)) throw new Error('invalid book.clients: must be a list');
  let rate = 0;
  if (has(market, 'rate')) {
    if (!isFiniteNumber(market.rate)) throw new Error('invalid market.rate: must be a finite number');
    rate = market.rate;
  }
  if (!isObject(market.assets)) throw new Error('invalid market.assets: must be an object');
  if (!Array.isArray(scenarios.scenarios))
    throw new Error('invalid scenarios document: scenarios must be a list');

  // §1.3 params (throws)
  const params = parseGlobalParams(docs.params);

  // §1.1/§1.4 market
  const assets = new Map<string, MarketAsset>();
  const invalidMarket = new Set<string>();
  for (const [name, rec] of Object.entries(market.assets)) {
    if (name === 'USD') {
      warn('assets.USD: ignored (USD always has price 1)');
      continue;
    }
    const a = validateMarketAsset(name, rec);
    if (typeof a === 'string') {
      reject(`assets.${name}`, a);
      invalidMarket.add(name);
    } else {
      assets.set(name, a);
    }
  }
  const { risk, stableHaircut } = resolveAssetParams(docs.params, assets);

  // §1.2/§1.4 book
  const clients = parseClients({ asOfDays: bookAsOf, assets, invalidMarket, reject, warn }, book.clients);

  // §6/§1.4 scenarios
  const scenarioList: Scenario[] = [];
  const seenScenarioIds = new Set<string>();
  const rawScenarios: unknown[] = scenarios.scenarios;
  for (let i = 0; i < rawScenarios.length; i++) {
    const path = `scenarios[${i}]`;
    const s = parseScenario(rawScenarios[i], assets, warn, path);
    if (typeof s === 'string') reject(path, s);
    else if (seenScenarioIds.has(s.id))
      reject(path, `duplicate scenario id ${s.id} (the first valid one is kept)`);
    else {
      seenScenarioIds.add(s.id);
      scenarioList.push(s);
    }
  }

  const ctx: Ctx = {
    asOf: book.asOf as string,
    asOfDays: bookAsOf,
    rate,
    insuranceFund: book.insuranceFund,
    assets,
    risk,
    stableHaircut,
    params,
  };

  // §5/§8 margin block, one entry per regime in params order
  const unitsByRegime = new Map<Regime, Unit[]>();
  for (const r of params.regimes) unitsByRegime.set(r, buildUnits(clients, r));
  const margin: Record<string, MarginSummary> = {};
  for (const r of params.regimes) margin[r] = marginSummary(ctx, getOrThrow(unitsByRegime, r, 'units'));

  // §6/§8 runs: scenario-major, params' regime order
  const cryptoNames = [...assets.values()].filter((a) => a.kind === 'crypto').map((a) => a.name);
  const allNames = [...assets.keys()];
  const runs: RunResult[] = [];
  for (const s of scenarioList) {
    for (const r of params.regimes) {
      const out = runCascade(ctx, getOrThrow(unitsByRegime, r, 'units'), clients.length, s.perAsset);
      runs.push({
        scenario: s.id,
        regime: r,
        rounds: out.rounds,
        marginCalled: out.marginCalled,
        liquidatedUnits: out.liquidatedUnits,
        liquidationFlowUsd: assetRecord(cryptoNames, (a) => getOrThrow(out.Q, a, 'Q')),
        finalPrices: assetRecord(allNames, (a) => getOrThrow(out.finalPrices, a, 'final price')),
        badDebt: out.badDebt,
        insuranceFundUsed: out.insuranceFundUsed,
        adl: out.adl,
        cover1: out.cover1,
        cover2: out.cover2,
        totalLoss: out.totalLoss,
        halted: out.halted,
      });
    }
  }

  // §7
  const reverse = reverseStress(ctx, clients);

  return { asOf: ctx.asOf, margin, runs, reverseStress: reverse, rejected, warnings };
}
