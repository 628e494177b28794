/**
 * Market validation (functions/core/validation/validate-market.ts), MODEL.md §1.1 and §1.4:
 * price and vol > 0 for every asset, adv and depth1pct > 0 for crypto; an invalid asset is
 * rejected as `assets.SYMBOL`; `asOf`, `rate` and `assets` are document-level.
 */
import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../../../functions/core/errors.js';
import { ValidationLog } from '../../../functions/core/model/rejection.js';
import { validateMarket } from '../../../functions/core/validation/validate-market.js';
import {
  cryptoQuote,
  type JsonRecord,
  marketDocument,
  smallExampleMarket,
  stablecoinQuote,
} from '../../support/core-builders.js';

function validate(document: unknown) {
  const log = new ValidationLog();
  return { ...validateMarket(document, log), log };
}

describe('an invalid asset is rejected as assets.SYMBOL, the others are kept', () => {
  const btc = cryptoQuote(91_500, 0.52);
  it.each([
    ['price 0', cryptoQuote(0, 0.5), 'price must be > 0, got 0'],
    ['a negative price', cryptoQuote(-3, 0.5), 'price must be > 0, got -3'],
    ['price NaN', cryptoQuote(Number.NaN, 0.5), 'price must be a finite number, got NaN'],
    [
      'price missing',
      { kind: 'crypto', vol: 0.5, adv: 1, depth1pct: 1 },
      'price must be a finite number, got missing',
    ],
    ['vol 0', cryptoQuote(10, 0), 'vol must be > 0, got 0'],
    [
      'vol as a string',
      { ...cryptoQuote(10, 0.5), vol: '0.5' },
      'vol must be a finite number, got "0.5" (a string)',
    ],
    [
      'crypto without adv',
      { kind: 'crypto', price: 10, vol: 0.5, depth1pct: 1 },
      'adv must be a finite number, got missing',
    ],
    ['crypto with depth1pct 0', cryptoQuote(10, 0.5, { depth1pct: 0 }), 'depth1pct must be > 0, got 0'],
    [
      'an unknown kind',
      { ...cryptoQuote(10, 0.5), kind: 'fiat' },
      'kind must be "crypto" or "stablecoin", got "fiat" (a string)',
    ],
    ['kind missing', { price: 10, vol: 0.5 }, 'kind is missing (expected "crypto" or "stablecoin")'],
    ['a stablecoin with vol 0', stablecoinQuote(1, 0), 'vol must be > 0, got 0'],
    ['not an object', 5, 'must be an object'],
  ] as const)('%s', (_label, quote, reason) => {
    const { market, rejectedAssets, received, log } = validate(
      marketDocument({ BTC: btc, XYZ: quote as JsonRecord }),
    );
    expect(log.rejected).toEqual([{ document: 'market', path: 'assets.XYZ', reason }]);
    expect(market.assets.map((a) => a.symbol)).toEqual(['BTC']);
    expect([...rejectedAssets]).toEqual(['XYZ']);
    expect(received).toBe(2);
  });

  it('the symbol "*" is reserved (it means every crypto asset in params and scenarios)', () => {
    const { log, market } = validate(marketDocument({ '*': cryptoQuote(1, 0.5), BTC: btc }));
    expect(log.rejected).toHaveLength(1);
    expect(log.rejected[0]).toMatchObject({ document: 'market', path: 'assets.*' });
    expect(log.rejected[0]!.reason).toMatch(/reserved/);
    expect(market.assets.map((a) => a.symbol)).toEqual(['BTC']);
  });

  it('a stablecoin needs only price and vol; a USD entry is ignored with a warning and not counted', () => {
    const { market, log, received } = validate(
      marketDocument({ USDT: stablecoinQuote(0.998, 0.01), USD: { price: 2 }, BTC: btc }),
    );
    expect(log.rejected).toEqual([]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatchObject({ document: 'market', path: 'assets.USD' });
    expect(received).toBe(2);
    expect(market.assets).toEqual([
      { symbol: 'USDT', kind: 'stablecoin', price: 0.998, vol: 0.01, adv: 0, depth1pct: 0 },
      { symbol: 'BTC', kind: 'crypto', price: 91_500, vol: 0.52, adv: 1e9, depth1pct: 1e7 },
    ]);
  });

  it('keeps document order and reads the small example in full', () => {
    const { market, log } = validate(smallExampleMarket());
    expect(log.rejected).toEqual([]);
    expect(market.asOf).toBe('2026-11-30');
    expect(market.rate).toBe(0);
    expect(market.assets.map((a) => [a.symbol, a.kind, a.price])).toEqual([
      ['BTC', 'crypto', 91_500],
      ['ETH', 'crypto', 3_020],
      ['SOL', 'crypto', 137],
      ['USDT', 'stablecoin', 1],
      ['USDC', 'stablecoin', 1],
    ]);
  });
});

describe('document-level fields fail the calculation: InvalidDocumentError(market, field)', () => {
  const assets = { BTC: cryptoQuote(91_500, 0.52) };
  it.each([
    ['asOf missing', { rate: 0, assets }, 'asOf'],
    ['asOf not a date', { asOf: '30/11/2026', assets }, 'asOf'],
    ['rate as a string', { asOf: '2026-11-30', rate: '0.05', assets }, 'rate'],
    ['rate NaN', { asOf: '2026-11-30', rate: Number.NaN, assets }, 'rate'],
    ['rate null', { asOf: '2026-11-30', rate: null, assets }, 'rate'],
    ['assets a list', { asOf: '2026-11-30', assets: [] }, 'assets'],
    ['assets missing', { asOf: '2026-11-30' }, 'assets'],
    ['the market not an object', 'market', ''],
  ])('%s', (_label, document, field) => {
    let error: unknown;
    try {
      validate(document);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect(error).toMatchObject({ name: 'InvalidDocumentError', document: 'market', field });
  });

  it('rate may be absent (= 0) or any finite number, negative included', () => {
    expect(validate({ asOf: '2026-11-30', assets }).market.rate).toBe(0);
    expect(validate({ asOf: '2026-11-30', rate: -0.005, assets }).market.rate).toBe(-0.005);
  });
});
