/**
 * Margin units and their equity, adjusted equity and margin, hand-computed from MODEL.md §1.2
 * (netting), §2 (valuation), §3 (standard margin), §4 (portfolio margin) and §5 (regimes), with
 * the reference params (test/fixtures/spec/params.reference.json) and the small example's market:
 * BTC 91,500 (σ 0.52), ETH 3,020, SOL 137, USDT = USDC = 1, r = 0, asOf 2026-11-30.
 *
 * Reference params used below:
 *   haircuts BTC 5%, ETH 7%, "*" (SOL) 20%, USDT/USDC 0;
 *   options im 0.15, imFloor 0.10, mm 0.075; pm mmFactor 0.8, includeCollateral true;
 *   pm BTC: range 16%, extremes −33%/+50%, f 0.33, contingency 1%, threshold 50M, rate 5%;
 *   pm ETH: range 20%, extremes −40%/+60%; pm "*": range 30%, extremes −50%/+100%, threshold 5M.
 * For a linear exposure L (units of the underlying) the §4 grid gives
 *   RM = |L|·S·M, EXT = |L|·S·|worst extreme for the sign of L|, W = max(RM, f·EXT).
 *
 * Every case is also run through the literal transcription of the spec (test/reference/
 * literal-model.ts), which shares no code with the engine.
 */
import { describe, expect, it } from 'vitest';
import type { Regime } from '../../../functions/core/model/params.js';
import { computeLiteralResult, optionValue } from '../../reference/literal-model.js';
import {
  bookDocument,
  buildEngine,
  calculationDocuments,
  client,
  type DocumentParts,
  future,
  type JsonRecord,
  option,
  perp,
  readSpecFixture,
  referenceParams,
  specExampleDocuments,
  subaccount,
} from '../../support/core-builders.js';

const REGIMES: readonly Regime[] = ['as-is', 'standard', 'portfolio', 'cross-venue'];

/** Hand figures are sums of a few exact-ish products: 1e-9 relative is far above rounding. */
function expectMoney(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

interface UnitFigures {
  readonly equity: number;
  readonly adjustedEquity: number;
  readonly im: number;
  readonly mm: number;
}

function unitFigures(parts: DocumentParts, regime: Regime): UnitFigures[] {
  const { engine } = buildEngine(parts);
  const snapshot = engine.unitSnapshot(regime);
  return Array.from(snapshot.im, (_, u) => ({
    equity: snapshot.equity[u]!,
    adjustedEquity: snapshot.adjustedEquity[u]!,
    im: snapshot.im[u]!,
    mm: snapshot.mm[u]!,
  }));
}

function expectUnit(actual: UnitFigures | undefined, expected: UnitFigures): void {
  expect(actual).toBeDefined();
  expectMoney(actual!.equity, expected.equity);
  expectMoney(actual!.adjustedEquity, expected.adjustedEquity);
  expectMoney(actual!.im, expected.im);
  expectMoney(actual!.mm, expected.mm);
}

/** The only unit of a one-subaccount book, under `regime`. */
function onlyUnit(sub: JsonRecord, regime: Regime, params?: JsonRecord): UnitFigures {
  const units = unitFigures({ book: bookDocument([client('C1', sub)]), params }, regime);
  expect(units).toHaveLength(1);
  return units[0]!;
}

/** The engine's margin block agrees with the literal model's (MODEL.md §9 tolerances). */
function expectLiteralAgreement(parts: DocumentParts): void {
  const documents = calculationDocuments(parts);
  const { engine } = buildEngine(parts);
  const literal = computeLiteralResult({ ...documents, book: structuredClone(documents.book) });
  for (const regime of REGIMES) {
    const ours = engine.marginSummary(regime);
    const theirs = literal.margin[regime]!;
    expect({ ...ours, im: 0, mm: 0 }).toEqual({ ...theirs, im: 0, mm: 0 });
    for (const key of ['im', 'mm'] as const) {
      expect(Math.abs(ours[key] - theirs[key])).toBeLessThanOrEqual(
        1e-6 * Math.max(Math.abs(ours[key]), Math.abs(theirs[key])) + 1,
      );
    }
  }
}

describe('standard margin (MODEL.md §3)', () => {
  // 12 BTC perp long @ 90,500 and 3,000 SOL perp long @ 140, USDT 120,000 (C-BRAVO of the small example).
  const bravo = subaccount('venue-a', 'standard', {
    collateral: { USDT: 120_000 },
    positions: [perp('BTC', 12, 90_500), perp('SOL', 3_000, 140)],
  });

  it('two perps on two tier schedules → IM 25,010, MM 12,505, E = E_adj = 123,000', () => {
    // BTC N = 12·91,500 = 1,098,000: IM 1%·1M + 2%·98,000 = 11,960; MM 0.5%·1M + 1%·98,000 = 5,980
    // SOL N = 3,000·137 = 411,000 ("*"): IM 2%·250,000 + 5%·161,000 = 13,050; MM 2,500 + 4,025 = 6,525
    // E = 120,000 + 12·(91,500 − 90,500) + 3,000·(137 − 140) = 120,000 + 12,000 − 9,000 = 123,000
    // E_adj: USDT haircut 0 → 123,000
    const expected = { equity: 123_000, adjustedEquity: 123_000, im: 25_010, mm: 12_505 };
    expectUnit(onlyUnit(bravo, 'as-is'), expected);
    expectUnit(onlyUnit(bravo, 'standard'), expected);
  });

  it('is the same unit in the small specification example (C-BRAVO, third per-venue unit)', () => {
    const { engine } = buildEngine(specExampleDocuments('small'));
    const snapshot = engine.unitSnapshot('as-is');
    expect(engine.unitsOf('as-is').client[2]).toBe(1);
    expectMoney(snapshot.im[2], 25_010);
    expectMoney(snapshot.mm[2], 12_505);
    expectMoney(snapshot.equity[2], 123_000);
    expectMoney(snapshot.adjustedEquity[2], 123_000);
  });

  describe('short options: IM = |q|·(max(0.15 − OTM/S, 0.10)·S + V), MM = |q|·(0.075·S + V)', () => {
    // τ = 25/365 (2026-11-30 → 2026-12-25), σ 0.52, r 0. V by the literal model's Black–Scholes;
    // mpmath (dps 40) gives C(100,000) = 2,010.85784229958, P(90,000) = 4,209.42488587151,
    // C(80,000) = 12,493.0019519065.
    const tau = 25 / 365;
    const callOtm = optionValue('call', 91_500, 100_000, tau, 0.52, 0);
    const putNear = optionValue('put', 91_500, 90_000, tau, 0.52, 0);
    const callItm = optionValue('call', 91_500, 80_000, tau, 0.52, 0);

    it('literal Black–Scholes values match the mpmath references', () => {
      expect(callOtm).toBeCloseTo(2010.85784229958, 8);
      expect(putNear).toBeCloseTo(4209.42488587151, 8);
      expect(callItm).toBeCloseTo(12493.0019519065, 8);
    });

    const withOptions = (positions: JsonRecord[]) =>
      subaccount('venue-a', 'standard', { collateral: { USDT: 100_000 }, positions });

    it('far OTM call: the 10% floor binds', () => {
      // OTM = 100,000 − 91,500 = 8,500; 0.15 − 8,500/91,500 = 0.0571 < 0.10 → 0.10·91,500 = 9,150
      // IM = 2·(9,150 + C) ; MM = 2·(0.075·91,500 + C) = 2·(6,862.5 + C); E = 100,000 − 2·C
      const unit = onlyUnit(withOptions([option('BTC', 'call', 100_000, '2026-12-25', -2)]), 'standard');
      expectUnit(unit, {
        equity: 100_000 - 2 * callOtm,
        adjustedEquity: 100_000 - 2 * callOtm,
        im: 2 * (9_150 + callOtm),
        mm: 2 * (6_862.5 + callOtm),
      });
    });

    it('near OTM put: 0.15 − OTM/S is above the floor', () => {
      // OTM (put) = 91,500 − 90,000 = 1,500; (0.15 − 1,500/91,500)·91,500 = 13,725 − 1,500 = 12,225
      const unit = onlyUnit(withOptions([option('BTC', 'put', 90_000, '2026-12-25', -3)]), 'standard');
      expectMoney(unit.im, 3 * (12_225 + putNear));
      expectMoney(unit.mm, 3 * (6_862.5 + putNear));
      expectMoney(unit.equity, 100_000 - 3 * putNear);
    });

    it('ITM call: OTM = 0 → 15% of spot', () => {
      // IM = 0.15·91,500 + C = 13,725 + C; MM = 6,862.5 + C
      const unit = onlyUnit(withOptions([option('BTC', 'call', 80_000, '2026-12-25', -1)]), 'standard');
      expectMoney(unit.im, 13_725 + callItm);
      expectMoney(unit.mm, 6_862.5 + callItm);
    });

    it('long options carry no standard margin', () => {
      const unit = onlyUnit(withOptions([option('BTC', 'call', 100_000, '2026-12-25', 5)]), 'standard');
      expectUnit(unit, {
        equity: 100_000 + 5 * callOtm,
        adjustedEquity: 100_000 + 5 * callOtm,
        im: 0,
        mm: 0,
      });
    });

    it('an expired short option is valued at intrinsic and carries no standard margin', () => {
      // expiry = asOf → τ = 0: put K 95,000 worth 95,000 − 91,500 = 3,500; E = 100,000 − 3,500
      const unit = onlyUnit(withOptions([option('BTC', 'put', 95_000, '2026-11-30', -1)]), 'standard');
      expectUnit(unit, { equity: 96_500, adjustedEquity: 96_500, im: 0, mm: 0 });
    });
  });

  it('haircuts positive collateral in E_adj: BTC 5%, ETH 7%, SOL 20% ("*"), USDC 0', () => {
    // E     = 2·91,500 + 10·3,020 + 50,000 + 100·137 = 183,000 + 30,200 + 50,000 + 13,700 = 276,900
    // E_adj = 183,000·0.95 + 30,200·0.93 + 50,000 + 13,700·0.8 = 173,850 + 28,086 + 50,000 + 10,960 = 262,896
    const sub = subaccount('venue-a', 'standard', {
      collateral: { BTC: 2, ETH: 10, USDC: 50_000, SOL: 100 },
    });
    expectUnit(onlyUnit(sub, 'standard'), { equity: 276_900, adjustedEquity: 262_896, im: 0, mm: 0 });
  });

  it('a stablecoin haircut applies to positive balances only', () => {
    const params = referenceParams();
    ((params.assets as JsonRecord).USDC as JsonRecord).haircut = 0.02;
    // USDC 50,000 → 49,000 in E_adj; USDT −10,000 borrowed is not haircut and carries no margin.
    const sub = subaccount('venue-a', 'standard', { collateral: { USDC: 50_000, USDT: -10_000 } });
    expectUnit(onlyUnit(sub, 'standard', params), { equity: 40_000, adjustedEquity: 39_000, im: 0, mm: 0 });
  });

  it('borrowed coin is tiered as its own linear position, not added to a perp on the same asset', () => {
    // BTC −8 borrowed: N = 732,000 → IM 7,320, MM 3,660; BTC perp +8: N = 732,000 → IM 7,320, MM 3,660.
    // Separately: IM 14,640, MM 7,320. (Pooled they would be N = 1,464,000 → IM 10,000 + 9,280 = 19,280.)
    // E = 1,000,000 − 8·91,500 + 8·(91,500 − 91,500) = 268,000; the negative balance is not haircut.
    const sub = subaccount('venue-a', 'standard', {
      collateral: { USDT: 1_000_000, BTC: -8 },
      positions: [perp('BTC', 8, 91_500)],
    });
    expectUnit(onlyUnit(sub, 'standard'), {
      equity: 268_000,
      adjustedEquity: 268_000,
      im: 14_640,
      mm: 7_320,
    });
  });

  it('a borrowed stablecoin lowers equity but needs no margin', () => {
    // E = 91,500 − 20,000 = 71,500; E_adj = 0.95·91,500 − 20,000 = 86,925 − 20,000 = 66,925
    const sub = subaccount('venue-a', 'standard', { collateral: { BTC: 1, USDC: -20_000 } });
    expectUnit(onlyUnit(sub, 'standard'), { equity: 71_500, adjustedEquity: 66_925, im: 0, mm: 0 });
  });
});

describe('portfolio margin (MODEL.md §4)', () => {
  it('10 BTC long perp → IM 146,400, MM 117,120', () => {
    // L = 10, S·L = 915,000. RM = 915,000·0.16 = 146,400 (worst at −16%, any vol state: linear).
    // EXT = 915,000·0.33 = 301,950 (−33%); f·EXT = 0.33·301,950 = 99,643.5 < RM → W = 146,400.
    // C = 0 (no short options); K = 5%·(915,000 − 50,000,000)⁺ = 0. IM = 146,400; MM = 0.8·IM = 117,120.
    // E = 200,000 + 10·(91,500 − 90,000) = 215,000 = E_adj (USDT not haircut).
    const sub = subaccount('venue-a', 'portfolio', {
      collateral: { USDT: 200_000 },
      positions: [perp('BTC', 10, 90_000)],
    });
    const expected = { equity: 215_000, adjustedEquity: 215_000, im: 146_400, mm: 117_120 };
    expectUnit(onlyUnit(sub, 'as-is'), expected);
    expectUnit(onlyUnit(sub, 'portfolio'), expected);
  });

  it('a short: the +50% extreme move dominates the ±16% grid', () => {
    // BTC −3 borrowed (includeCollateral: an underlying of the matrix). S·|L| = 274,500.
    // RM = 274,500·0.16 = 43,920; f·EXT = 0.33·274,500·0.5 = 45,292.5 → W = 45,292.5; MM = 36,234.
    // E = E_adj = 400,000 − 274,500 = 125,500.
    const sub = subaccount('venue-a', 'portfolio', { collateral: { USDT: 400_000, BTC: -3 } });
    expectUnit(onlyUnit(sub, 'portfolio'), {
      equity: 125_500,
      adjustedEquity: 125_500,
      im: 45_292.5,
      mm: 36_234,
    });
  });

  it('crypto collateral is in the matrix and not haircut; stablecoin haircuts still apply', () => {
    // Collateral BTC 2, ETH 10, SOL 100, USDC 50,000 (USDC haircut raised to 2% for this case).
    // BTC: 183,000·0.16 = 29,280 (f·EXT = 0.33·0.33·183,000 = 19,929.6)
    // ETH: 30,200·0.20 = 6,040 (f·EXT = 0.33·0.40·30,200 = 3,986.4)
    // SOL: 13,700·0.30 = 4,110 (f·EXT = 0.33·0.50·13,700 = 2,260.5)
    // IM = 39,430; MM = 31,544. E = 276,900; E_adj = E − 2%·50,000 = 275,900.
    const params = referenceParams();
    ((params.assets as JsonRecord).USDC as JsonRecord).haircut = 0.02;
    const sub = subaccount('venue-a', 'portfolio', {
      collateral: { BTC: 2, ETH: 10, USDC: 50_000, SOL: 100 },
    });
    expectUnit(onlyUnit(sub, 'portfolio', params), {
      equity: 276_900,
      adjustedEquity: 275_900,
      im: 39_430,
      mm: 31_544,
    });
  });

  it('with includeCollateral false, collateral is haircut like standard margin and not in the matrix', () => {
    const params = referenceParams();
    (params.pm as JsonRecord).includeCollateral = false;
    const sub = subaccount('venue-a', 'portfolio', {
      collateral: { BTC: 2, ETH: 10, USDC: 50_000, SOL: 100 },
    });
    expectUnit(onlyUnit(sub, 'portfolio', params), {
      equity: 276_900,
      adjustedEquity: 262_896,
      im: 0,
      mm: 0,
    });
  });

  it('collateral hedges a short perp on the same underlying (no offsets across underlyings)', () => {
    // BTC +10 collateral, BTC perp −10 @ 91,500: L = 0 → W_BTC = 0. An ETH perp +100 is margined alone:
    // S·L = 302,000 → RM 302,000·0.2 = 60,400 (f·EXT = 0.33·0.4·302,000 = 39,864) → IM 60,400, MM 48,320.
    // E = 915,000 + 100·(3,020 − 3,000) = 917,000 = E_adj (crypto collateral not haircut under PM).
    const sub = subaccount('venue-a', 'portfolio', {
      collateral: { BTC: 10 },
      positions: [perp('BTC', -10, 91_500), perp('ETH', 100, 3_000)],
    });
    expectUnit(onlyUnit(sub, 'portfolio'), {
      equity: 917_000,
      adjustedEquity: 917_000,
      im: 60_400,
      mm: 48_320,
    });
    // Standard margin on the same unit: BTC perp N 915,000 → 9,150; ETH N 302,000 → 1.33%·302,000 = 4,016.6.
    // E_adj = 0.95·915,000 + 2,000 = 871,250.
    expectUnit(onlyUnit(sub, 'standard'), {
      equity: 917_000,
      adjustedEquity: 871_250,
      im: 9_150 + 4_016.6,
      mm: 4_575 + 1_963,
    });
  });

  it('concentration add-on above the threshold: K = 5%·(|D|·S − 50M)', () => {
    // 1,000 BTC long perp: |D|·S = 91,500,000; K = 5%·41,500,000 = 2,075,000.
    // RM = 91,500,000·0.16 = 14,640,000. IM = 16,715,000; MM = 13,372,000.
    const sub = subaccount('venue-a', 'portfolio', {
      collateral: { USDT: 20_000_000 },
      positions: [perp('BTC', 1_000, 91_500)],
    });
    const unit = onlyUnit(sub, 'portfolio');
    expectMoney(unit.im, 16_715_000);
    expectMoney(unit.mm, 13_372_000);
  });

  it('short options: scan risk over 9 moves × 3 vols, extremes, plus the 1% contingency on |q|·S', () => {
    // 2 short BTC calls K 100,000 (25 days), σ 0.52. Grid: moves −16% … +16% in steps of 4%, vols
    // 0.52·{0.7, 1, 1.5}; extremes −33% / +50% at vol 0.52·1.5 = 0.78. By mpmath (dps 40):
    //   worst regular ΔV = −2·(C(106,140, 0.78) − C(91,500, 0.52)) = −2·(11,802.41 − 2,010.86) = −19,583.11
    //   worst extreme ΔV = −2·(C(137,250, 0.78) − 2,010.86) = −71,719.91; f·EXT = 0.33·71,719.91 = 23,667.57
    //   W = max(19,583.11, 23,667.57) = 23,667.57 (the +50% extreme dominates)
    //   C = 1%·91,500·2 = 1,830; net delta 2·0.22 BTC → no concentration add-on
    //   IM = 25,497.57072692759; MM = 0.8·IM.
    // The same number is rebuilt below from the literal model's Black–Scholes over the §4 grid.
    const tau = 25 / 365;
    const base = optionValue('call', 91_500, 100_000, tau, 0.52, 0);
    const change = (move: number, vol: number) =>
      -2 * (optionValue('call', 91_500 * (1 + move), 100_000, tau, vol, 0) - base);
    let worst = 0;
    for (let j = 0; j < 9; j++) {
      for (const vol of [0.52 * 0.7, 0.52, 0.52 * 1.5])
        worst = Math.min(worst, change(-0.16 + (j * 0.32) / 8, vol));
    }
    const extreme = Math.min(0, change(-0.33, 0.78), change(0.5, 0.78));
    const rebuilt = Math.max(-worst, 0.33 * -extreme) + 1_830;
    expectMoney(rebuilt, 25_497.57072692759);
    const sub = subaccount('venue-a', 'portfolio', {
      collateral: { USDT: 100_000 },
      positions: [option('BTC', 'call', 100_000, '2026-12-25', -2)],
    });
    const unit = onlyUnit(sub, 'portfolio');
    expectMoney(unit.im, 25_497.57072692759);
    expectMoney(unit.mm, 0.8 * 25_497.57072692759);
  });
});

describe('netting by instrument key (MODEL.md §1.2)', () => {
  it('same-key positions net before tiering: +6 @ 90,000 and +6 @ 92,000 → 12 @ 91,000', () => {
    // q = 12, entry = (540,000 + 552,000)/12 = 91,000; value 12·(91,500 − 91,000) = 6,000.
    // N = 1,098,000 → IM 11,960 (tiering the two legs apart would give 2·5,490 = 10,980).
    const book = bookDocument([
      client(
        'C1',
        subaccount('venue-a', 'standard', { positions: [perp('BTC', 6, 90_000), perp('BTC', 6, 92_000)] }),
      ),
    ]);
    const { engine } = buildEngine({ book });
    const units = engine.unitsOf('standard');
    expect(units.posStart[1]! - units.posStart[0]!).toBe(1);
    expect(units.posQty[0]).toBe(12);
    expect(units.posEntry[0]).toBe(91_000);
    const snapshot = engine.unitSnapshot('standard');
    expectMoney(snapshot.equity[0], 6_000);
    expectMoney(snapshot.im[0], 11_960);
    expectMoney(snapshot.mm[0], 5_980);
  });

  it('a partial offset keeps the signed-weighted entry: +10 @ 90,000 and −4 @ 93,000 → 6 @ 88,000', () => {
    // entry = (900,000 − 372,000)/6 = 88,000; value 6·3,500 = 21,000 = 10·1,500 + (−4)·(−1,500).
    const sub = subaccount('venue-a', 'standard', {
      positions: [perp('BTC', 10, 90_000), perp('BTC', -4, 93_000)],
    });
    const unit = onlyUnit(sub, 'standard');
    expectMoney(unit.equity, 21_000);
    expectMoney(unit.im, 0.01 * 6 * 91_500); // N = 549,000 in the first bracket
  });

  it('a perp and a future on the same asset are different instruments, tiered separately', () => {
    // r = 0 → F = S. Each leg N = 549,000 → IM 5,490, MM 2,745; together IM 10,980, MM 5,490.
    const sub = subaccount('venue-a', 'standard', {
      positions: [perp('BTC', 6, 91_500), future('BTC', 6, 91_500, '2027-03-26')],
    });
    expectUnit(onlyUnit(sub, 'standard'), { equity: 0, adjustedEquity: 0, im: 10_980, mm: 5_490 });
  });

  it('a linear position netting to zero disappears and leaves its locked-in profit −Σ q·entry in USD', () => {
    // perp +5 @ 90,000, −5 @ 92,000: locked = −(450,000 − 460,000) = +10,000
    // future +2 @ 93,000, −2 @ 91,000: locked = −(186,000 − 182,000) = −4,000
    // USDT 10,000 → E = E_adj = 10,000 + 10,000 − 4,000 = 16,000; no positions left → IM = MM = 0.
    const sub = subaccount('venue-a', 'standard', {
      collateral: { USDT: 10_000 },
      positions: [
        perp('BTC', 5, 90_000),
        future('BTC', 2, 93_000, '2027-03-26'),
        perp('BTC', -5, 92_000),
        future('BTC', -2, 91_000, '2027-03-26'),
      ],
    });
    const book = bookDocument([client('C1', sub)]);
    const { engine } = buildEngine({ book });
    const units = engine.unitsOf('standard');
    expect(units.posStart[1]).toBe(0);
    expectMoney(units.locked[0], 6_000);
    for (const regime of REGIMES) {
      expectUnit(unitFigures({ book }, regime)[0], { equity: 16_000, adjustedEquity: 16_000, im: 0, mm: 0 });
    }
  });

  it('options netting to zero disappear without locked-in profit; different strikes do not net', () => {
    const sub = subaccount('venue-a', 'standard', {
      collateral: { USDT: 50_000 },
      positions: [
        option('BTC', 'call', 100_000, '2026-12-25', -1),
        option('BTC', 'call', 100_000, '2026-12-25', 1),
        option('BTC', 'call', 105_000, '2026-12-25', 1),
        option('BTC', 'call', 100_000, '2026-12-25', -1),
      ],
    });
    const { engine } = buildEngine({ book: bookDocument([client('C1', sub)]) });
    const units = engine.unitsOf('standard');
    // The two 100,000 calls net to −1 + 1 − 1 = −1; the 105,000 call stays separate.
    expect(Array.from(units.posQty.subarray(0, units.posStart[1]!)).sort()).toEqual([-1, 1]);
    expect(units.locked[0]).toBe(0);
    const tau = 25 / 365;
    const c100 = optionValue('call', 91_500, 100_000, tau, 0.52, 0);
    const c105 = optionValue('call', 91_500, 105_000, tau, 0.52, 0);
    const snapshot = engine.unitSnapshot('standard');
    expectMoney(snapshot.equity[0], 50_000 - c100 + c105);
    // Only the short 100,000 call is margined (floor binds: 9,150 + C).
    expectMoney(snapshot.im[0], 9_150 + c100);
  });
});

describe('margin units under the four regimes (MODEL.md §5)', () => {
  // Client X: venue-a portfolio (USDT 200,000; BTC perp +10 @ 90,000),
  //           venue-b standard  (USDT 50,000;  BTC perp −10 @ 92,000).
  // Client Y: venue-a standard, the C-BRAVO unit above.
  const book = bookDocument([
    client(
      'X',
      subaccount('venue-a', 'portfolio', {
        collateral: { USDT: 200_000 },
        positions: [perp('BTC', 10, 90_000)],
      }),
      subaccount('venue-b', 'standard', {
        collateral: { USDT: 50_000 },
        positions: [perp('BTC', -10, 92_000)],
      }),
    ),
    client(
      'Y',
      subaccount('venue-a', 'standard', {
        collateral: { USDT: 120_000 },
        positions: [perp('BTC', 12, 90_500), perp('SOL', 3_000, 140)],
      }),
    ),
  ]);
  // Equity per unit: X-a 200,000 + 10·1,500 = 215,000; X-b 50,000 + (−10)·(−500) = 55,000; Y 123,000.
  const xa = { equity: 215_000, adjustedEquity: 215_000 };
  const xb = { equity: 55_000, adjustedEquity: 55_000 };
  const y = { equity: 123_000, adjustedEquity: 123_000 };
  // Standard margin: X-a and X-b: N = 915,000 → IM 9,150, MM 4,575. Y: 25,010 / 12,505.
  // Portfolio: X-a (long 10): 146,400 / 117,120.
  //            X-b (short 10): max(146,400, 0.33·915,000·0.5 = 150,975) = 150,975 / 120,780.
  //            Y: BTC 1,098,000·0.16 = 175,680 (f·EXT 0.33·0.33·1,098,000 = 119,574);
  //               SOL 411,000·0.30 = 123,300 (f·EXT 0.33·0.5·411,000 = 67,815) → 298,980 / 239,184.

  it('as-is: one unit per subaccount under its own marginMode', () => {
    const units = unitFigures({ book }, 'as-is');
    expect(units).toHaveLength(3);
    expectUnit(units[0], { ...xa, im: 146_400, mm: 117_120 });
    expectUnit(units[1], { ...xb, im: 9_150, mm: 4_575 });
    expectUnit(units[2], { ...y, im: 25_010, mm: 12_505 });
  });

  it('standard: every subaccount under §3', () => {
    const units = unitFigures({ book }, 'standard');
    expect(units).toHaveLength(3);
    expectUnit(units[0], { ...xa, im: 9_150, mm: 4_575 });
    expectUnit(units[1], { ...xb, im: 9_150, mm: 4_575 });
    expectUnit(units[2], { ...y, im: 25_010, mm: 12_505 });
  });

  it('portfolio: every subaccount under §4', () => {
    const units = unitFigures({ book }, 'portfolio');
    expect(units).toHaveLength(3);
    expectUnit(units[0], { ...xa, im: 146_400, mm: 117_120 });
    expectUnit(units[1], { ...xb, im: 150_975, mm: 120_780 });
    expectUnit(units[2], { ...y, im: 298_980, mm: 239_184 });
  });

  it('cross-venue: one unit per client, collateral summed and positions netted across venues', () => {
    // X pooled: +10 @ 90,000 and −10 @ 92,000 net away, locked-in −(900,000 − 920,000) = +20,000;
    // USDT 250,000 → E = 270,000 (= 215,000 + 55,000), no underlying left → IM = MM = 0.
    const units = unitFigures({ book }, 'cross-venue');
    expect(units).toHaveLength(2);
    expectUnit(units[0], { equity: 270_000, adjustedEquity: 270_000, im: 0, mm: 0 });
    expectUnit(units[1], { ...y, im: 298_980, mm: 239_184 });
  });

  it('margin blocks: sums and strict E_adj < IM / E_adj < MM counts', () => {
    const { engine } = buildEngine({ book });
    // as-is: IM 146,400 + 9,150 + 25,010 = 180,560; MM 117,120 + 4,575 + 12,505 = 134,200; nobody called.
    expect(engine.marginSummary('as-is')).toEqual({
      units: 3,
      im: 180_560,
      mm: 134_200,
      marginCalled: 0,
      liquidatable: 0,
    });
    // standard: IM 2·9,150 + 25,010 = 43,310; MM 2·4,575 + 12,505 = 21,655.
    expect(engine.marginSummary('standard')).toEqual({
      units: 3,
      im: 43_310,
      mm: 21_655,
      marginCalled: 0,
      liquidatable: 0,
    });
    // portfolio: IM 146,400 + 150,975 + 298,980 = 596,355; MM 0.8·596,355 = 477,084.
    // X-b: 55,000 < 120,780 and Y: 123,000 < 239,184 → 2 called, 2 liquidatable.
    const portfolio = engine.marginSummary('portfolio');
    expect({ ...portfolio, im: 0, mm: 0 }).toEqual({
      units: 3,
      im: 0,
      mm: 0,
      marginCalled: 2,
      liquidatable: 2,
    });
    expectMoney(portfolio.im, 596_355);
    expectMoney(portfolio.mm, 477_084);
    // cross-venue: X is flat; Y alone is called and liquidatable.
    const cross = engine.marginSummary('cross-venue');
    expect({ ...cross, im: 0, mm: 0 }).toEqual({ units: 2, im: 0, mm: 0, marginCalled: 1, liquidatable: 1 });
    expectMoney(cross.im, 298_980);
  });

  it('an exact tie E_adj = IM is not margin-called (strict comparison)', () => {
    // Standard: 12 BTC long @ 91,500, USDT 11,960 → E_adj = 11,960 = IM.
    const tie = bookDocument([
      client(
        'T',
        subaccount('venue-a', 'standard', {
          collateral: { USDT: 11_960 },
          positions: [perp('BTC', 12, 91_500)],
        }),
      ),
    ]);
    expect(buildEngine({ book: tie }).engine.marginSummary('standard')).toMatchObject({
      im: 11_960,
      marginCalled: 0,
    });
  });

  it('a client whose subaccounts were all rejected is one empty cross-venue unit and no per-venue unit', () => {
    const emptyClient = bookDocument([client('E', { venue: 'venue-a' } as JsonRecord)]);
    const { engine } = buildEngine({ book: emptyClient });
    expect(engine.marginSummary('as-is').units).toBe(0);
    expect(engine.marginSummary('cross-venue')).toEqual({
      units: 1,
      im: 0,
      mm: 0,
      marginCalled: 0,
      liquidatable: 0,
    });
  });

  it('the same figures from the literal transcription of the spec', () => {
    expectLiteralAgreement({ book });
  });
});

describe('cross-checks against the specification examples (MODEL.md §9 tolerances)', () => {
  it.each(['small', 'medium'] as const)('%s example: the margin block of expected-result.json', (example) => {
    const { engine } = buildEngine(specExampleDocuments(example));
    const expected = readSpecFixture(`examples/${example}/expected-result.json`).margin as Record<
      string,
      Record<string, number>
    >;
    for (const regime of REGIMES) {
      const ours = engine.marginSummary(regime);
      const theirs = expected[regime]!;
      expect([ours.units, ours.marginCalled, ours.liquidatable]).toEqual([
        theirs.units,
        theirs.marginCalled,
        theirs.liquidatable,
      ]);
      for (const key of ['im', 'mm'] as const) {
        expect(Math.abs(ours[key] - theirs[key]!)).toBeLessThanOrEqual(
          1e-6 * Math.max(Math.abs(ours[key]), Math.abs(theirs[key]!)) + 1,
        );
      }
    }
  });

  it('every hand case above agrees with the literal model too', () => {
    const params = referenceParams();
    ((params.assets as JsonRecord).USDC as JsonRecord).haircut = 0.02;
    const book = bookDocument([
      client(
        'A',
        subaccount('venue-a', 'standard', {
          collateral: { USDT: 100_000, BTC: -8, USDC: 50_000, SOL: 100 },
          positions: [
            perp('BTC', 8, 91_500),
            option('BTC', 'call', 100_000, '2026-12-25', -2),
            option('BTC', 'put', 90_000, '2026-12-25', -3),
            option('BTC', 'call', 80_000, '2026-12-25', -1),
            option('BTC', 'put', 95_000, '2026-11-30', -1),
          ],
        }),
        subaccount('venue-b', 'portfolio', {
          collateral: { BTC: 2, ETH: 10, SOL: 100 },
          positions: [
            perp('BTC', 6, 90_000),
            perp('BTC', 6, 92_000),
            future('BTC', -6, 91_500, '2027-03-26'),
          ],
        }),
      ),
      client(
        'B',
        subaccount('venue-a', 'portfolio', {
          collateral: { USDT: 400_000, BTC: -3 },
          positions: [
            perp('BTC', 5, 90_000),
            perp('BTC', -5, 92_000),
            option('ETH', 'put', 2_800, '2027-01-29', -40),
          ],
        }),
      ),
    ]);
    expectLiteralAgreement({ book, params });
  });
});
