/**
 * Risk parameter validation (functions/core/validation/validate-params.ts), MODEL.md §1.3:
 * params are all-or-nothing — any invalid field throws InvalidParamsError naming the field —
 * and a named asset takes each top-level field it lacks from "*" (a named pm is used whole).
 */
import { describe, expect, it } from 'vitest';
import { validateInputs } from '../../../functions/core/calculation/calculate.js';
import { InvalidParamsError, MarginfallError } from '../../../functions/core/errors.js';
import {
  assetRiskParams,
  requireParamsFor,
  validateParams,
} from '../../../functions/core/validation/validate-params.js';
import {
  bookDocument,
  calculationDocuments,
  cryptoQuote,
  type JsonRecord,
  readSpecFixture,
  referenceParams,
  smallExampleMarket,
} from '../../support/core-builders.js';

function thrownBy(action: () => unknown): InvalidParamsError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect(error).toBeInstanceOf(MarginfallError);
    return error as InvalidParamsError;
  }
  throw new Error('expected InvalidParamsError');
}

/** Reference params with one edit applied. */
function edited(edit: (params: JsonRecord & { assets: Record<string, JsonRecord> }) => void): JsonRecord {
  const params = referenceParams() as JsonRecord & { assets: Record<string, JsonRecord> };
  edit(params);
  return params;
}

const btc = (p: { assets: Record<string, JsonRecord> }) => p.assets.BTC!;
const btcPm = (p: { assets: Record<string, JsonRecord> }) => btc(p).pm as JsonRecord;
const btcTiers = (p: { assets: Record<string, JsonRecord> }) => btc(p).tiers as JsonRecord[];
const section = (p: JsonRecord, name: string) => p[name] as JsonRecord;

describe('the reference params', () => {
  it('parse into the resolved form', () => {
    const params = validateParams(referenceParams());
    expect(params.version).toBe('reference-1');
    expect(params.options).toEqual({ im: 0.15, imFloor: 0.1, mm: 0.075 });
    expect(params.pm).toEqual({ mmFactor: 0.8, includeCollateral: true });
    expect(params.impact).toEqual({ model: 'sqrt', y: 1, priceFloor: 0.01 });
    expect(params.cascade).toEqual({ maxRounds: 100, circuitBreaker: null });
    expect(params.regimes).toEqual(['as-is', 'standard', 'portfolio', 'cross-venue']);
    expect([...params.assets.keys()]).toEqual(['BTC', 'ETH', 'USDT', 'USDC']);
    expect(params.defaultCrypto?.haircut).toBe(0.2);
  });

  it('the breaker variant has a 12% band', () => {
    expect(validateParams(readSpecFixture('params.breaker.json')).cascade.circuitBreaker).toEqual({
      band: 0.12,
    });
  });
});

describe('resolution of "*" defaults (MODEL.md §1.3)', () => {
  it('a named crypto asset takes each missing top-level field from "*"; a named pm is used whole', () => {
    const params = validateParams(
      edited((p) => {
        // SOL names only a haircut and a pm with a different range (its other pm fields are its own too).
        p.assets.SOL = {
          haircut: 0.3,
          pm: { ...(p.assets['*']!.pm as JsonRecord), range: 0.4, extremeMoves: [] },
        };
      }),
    );
    const sol = assetRiskParams(params, 'SOL', 'crypto')!;
    const star = assetRiskParams(params, 'DOGE', 'crypto')!;
    expect(sol.haircut).toBe(0.3);
    expect(sol.tiers).toEqual(star.tiers);
    expect(sol.pm?.range).toBe(0.4);
    expect(sol.pm?.extremeMoves).toEqual([]);
    expect(star.pm?.extremeMoves).toEqual([-0.5, 1]);
  });

  it('a stablecoin has its own haircut or 0 — never the "*" crypto haircut', () => {
    const params = validateParams(edited((p) => (p.assets.USDC = { haircut: 0.02 })));
    expect(assetRiskParams(params, 'USDC', 'stablecoin')?.haircut).toBe(0.02);
    expect(assetRiskParams(params, 'DAI', 'stablecoin')).toEqual({ haircut: 0, tiers: [], pm: undefined });
  });

  it('without "*", a crypto asset of the market that lacks tiers or pm fails with the asset named', () => {
    const params = validateParams(edited((p) => delete p.assets['*']));
    expect(() => requireParamsFor(params, ['BTC', 'ETH'])).not.toThrow();
    const error = thrownBy(() => requireParamsFor(params, ['BTC', 'SOL']));
    expect(error.field).toBe('assets.SOL');
    // Through the use case: the small example's market lists SOL.
    const viaInputs = thrownBy(() =>
      validateInputs(
        calculationDocuments({ book: bookDocument([]), params: edited((p) => delete p.assets['*']) }),
      ),
    );
    expect(viaInputs.field).toBe('assets.SOL');
    expect(viaInputs.message).toMatch(/^params: assets\.SOL: /);
  });

  it('a crypto asset rejected in the market needs no params', () => {
    const market = smallExampleMarket();
    (market.assets as Record<string, JsonRecord>).SOL = cryptoQuote(-1, 0.8);
    const inputs = validateInputs(
      calculationDocuments({ book: bookDocument([]), market, params: edited((p) => delete p.assets['*']) }),
    );
    expect(inputs.log.rejected.map((r) => r.path)).toEqual(['assets.SOL']);
  });
});

describe('every invalid field throws InvalidParamsError naming it', () => {
  const cases: readonly [
    string,
    (p: JsonRecord & { assets: Record<string, JsonRecord> }) => void,
    string,
    RegExp,
  ][] = [
    ['options missing', (p) => delete p.options, 'options', /must be an object/],
    ['options.im negative', (p) => (section(p, 'options').im = -0.1), 'options', /im must be ≥ 0, got -0.1/],
    ['options.imFloor a string', (p) => (section(p, 'options').imFloor = '0.1'), 'options', /imFloor/],
    ['options.mm missing', (p) => delete section(p, 'options').mm, 'options', /mm must be a finite number/],
    [
      'pm.includeCollateral not a boolean',
      (p) => (section(p, 'pm').includeCollateral = 'yes'),
      'pm.includeCollateral',
      /true or false/,
    ],
    ['pm.mmFactor 0', (p) => (section(p, 'pm').mmFactor = 0), 'pm', /mmFactor must be > 0/],
    [
      'impact.model unknown',
      (p) => (section(p, 'impact').model = 'cubic'),
      'impact',
      /model must be "sqrt" or "linear"/,
    ],
    [
      'impact.priceFloor above 1',
      (p) => (section(p, 'impact').priceFloor = 1.5),
      'impact',
      /priceFloor must be ≥ 0 and ≤ 1/,
    ],
    ['impact.y negative', (p) => (section(p, 'impact').y = -1), 'impact', /y must be ≥ 0/],
    [
      'cascade.maxRounds 0',
      (p) => (section(p, 'cascade').maxRounds = 0),
      'cascade',
      /maxRounds must be a whole number and ≥ 1/,
    ],
    ['cascade.maxRounds fractional', (p) => (section(p, 'cascade').maxRounds = 2.5), 'cascade', /maxRounds/],
    [
      'circuitBreaker band 0',
      (p) => (section(p, 'cascade').circuitBreaker = { band: 0 }),
      'cascade.circuitBreaker',
      /band must be > 0/,
    ],
    [
      'circuitBreaker not an object',
      (p) => (section(p, 'cascade').circuitBreaker = 0.1),
      'cascade.circuitBreaker',
      /must be an object/,
    ],
    ['regimes empty', (p) => (p.regimes = []), 'regimes', /non-empty list/],
    ['an unknown regime', (p) => (p.regimes = ['as-is', 'bogus']), 'regimes[1]', /unknown regime "bogus"/],
    [
      'a duplicate regime',
      (p) => (p.regimes = ['standard', 'standard']),
      'regimes[1]',
      /duplicate regime "standard"/,
    ],
    ['assets missing', (p) => delete (p as JsonRecord).assets, 'assets', /must be an object/],
    [
      'an asset entry not an object',
      (p) => (p.assets.BTC = 5 as unknown as JsonRecord),
      'assets.BTC',
      /must be an object/,
    ],
    [
      'haircut 1 (must be < 1)',
      (p) => (btc(p).haircut = 1),
      'assets.BTC',
      /haircut must be ≥ 0 and < 1, got 1/,
    ],
    ['haircut negative', (p) => (p.assets.USDT!.haircut = -0.01), 'assets.USDT', /haircut/],
    ['tiers empty', (p) => (btc(p).tiers = []), 'assets.BTC.tiers', /non-empty list/],
    [
      'tiers not increasing',
      (p) => (btcTiers(p)[1]!.upTo = 1_000_000),
      'assets.BTC.tiers[1]',
      /upTo must be > 1000000, got 1000000/,
    ],
    [
      'an open tier before the last',
      (p) => (btcTiers(p)[1]!.upTo = null),
      'assets.BTC.tiers[1].upTo',
      /only the last tier/,
    ],
    [
      'a closed last tier',
      (p) => (btcTiers(p)[4]!.upTo = 1e9),
      'assets.BTC.tiers[4].upTo',
      /last tier must have upTo: null/,
    ],
    ['a negative imr', (p) => (btcTiers(p)[0]!.imr = -0.01), 'assets.BTC.tiers[0]', /imr must be ≥ 0/],
    ['tier upTo 0', (p) => (btcTiers(p)[0]!.upTo = 0), 'assets.BTC.tiers[0]', /upTo must be > 0/],
    ['pm steps even', (p) => (btcPm(p).steps = 8), 'assets.BTC.pm.steps', /must be odd, got 8/],
    [
      'pm steps below 3',
      (p) => (btcPm(p).steps = 1),
      'assets.BTC.pm',
      /steps must be a whole number and ≥ 3/,
    ],
    ['pm range 0', (p) => (btcPm(p).range = 0), 'assets.BTC.pm', /range must be > 0 and < 1/],
    ['pm volDown above 1', (p) => (btcPm(p).volDown = 1.2), 'assets.BTC.pm', /volDown must be ≥ 0 and ≤ 1/],
    [
      'pm extremeMoves not a list',
      (p) => (btcPm(p).extremeMoves = -0.33),
      'assets.BTC.pm.extremeMoves',
      /list of returns/,
    ],
    [
      'an extreme move of −100%',
      (p) => (btcPm(p).extremeMoves = [0.5, -1]),
      'assets.BTC.pm.extremeMoves[1]',
      /return > -1/,
    ],
    ['pm contingency missing', (p) => delete btcPm(p).contingency, 'assets.BTC.pm', /contingency/],
    ['"*" without pm', (p) => delete p.assets['*']!.pm, 'assets.*', /must define haircut, tiers and pm/],
  ];

  it.each(cases)('%s → %s', (_label, edit, field, reason) => {
    const error = thrownBy(() => validateParams(edited(edit)));
    expect(error.name).toBe('InvalidParamsError');
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
    expect(error.message).toBe(`params: ${field}: ${error.reason}`);
  });

  it('a params document that is not an object', () => {
    expect(thrownBy(() => validateParams([])).field).toBe('(document)');
    expect(thrownBy(() => validateParams(null)).field).toBe('(document)');
  });

  it('the use case rejects invalid params before reading any other document', () => {
    const error = thrownBy(() =>
      validateInputs({
        book: 'not read',
        market: 'not read',
        scenarios: 'not read',
        params: edited((p) => (p.regimes = [])),
      }),
    );
    expect(error.field).toBe('regimes');
  });

  it('valid edge values are accepted: vDown 1, circuitBreaker absent, no extreme moves, imr 0', () => {
    const params = validateParams(
      edited((p) => {
        btcPm(p).volDown = 1;
        btcPm(p).extremeMoves = [];
        delete section(p, 'cascade').circuitBreaker;
        btcTiers(p)[0]!.imr = 0;
      }),
    );
    expect(params.cascade.circuitBreaker).toBeNull();
    expect(params.assets.get('BTC')?.pm?.volDown).toBe(1);
  });
});
