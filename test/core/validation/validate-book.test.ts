/**
 * Book validation (functions/core/validation/validate-book.ts), MODEL.md §1.2 and §1.4: each
 * invalid record is dropped — the smallest enclosing one — and listed with its document, path
 * (relative to the book) and reason; document-level problems throw typed errors naming the field.
 */
import { describe, expect, it } from 'vitest';
import { validateInputs } from '../../../functions/core/calculation/calculate.js';
import { AsOfMismatchError, InvalidDocumentError } from '../../../functions/core/errors.js';
import { parseJsonDocument } from '../../../functions/core/json.js';
import type { RejectedRecord } from '../../../functions/core/model/rejection.js';
import {
  bookDocument,
  calculationDocuments,
  client,
  cryptoQuote,
  future,
  type JsonRecord,
  option,
  perp,
  smallExampleMarket,
  subaccount,
} from '../../support/core-builders.js';

function validate(book: unknown, market: unknown = smallExampleMarket()) {
  return validateInputs(calculationDocuments({ book, market }));
}

/** A book with one client and one standard subaccount holding `positions`. */
function bookWithPositions(positions: unknown[]): JsonRecord {
  return bookDocument([
    client('C1', {
      ...subaccount('venue-a', 'standard', { collateral: { USDT: 1_000 } }),
      positions,
    } as JsonRecord),
  ]);
}

function rejectionOf(position: unknown): RejectedRecord | undefined {
  const inputs = validate(bookWithPositions([perp('BTC', 1, 90_000), position]));
  expect(inputs.book.clients[0]!.subaccounts[0]!.positions).toHaveLength(1);
  expect(inputs.dataQuality.positions).toEqual({ received: 2, accepted: 1, rejected: 1 });
  expect(inputs.log.rejected).toHaveLength(1);
  return inputs.log.rejected[0];
}

describe('an invalid position drops that position (path …positions[k])', () => {
  const cases: readonly [string, unknown, RegExp][] = [
    ['unknown asset', perp('XRP', 1, 2), /unknown asset XRP/],
    ['a stablecoin underlying', perp('USDT', 1, 1), /USDT is a stablecoin/],
    ['the numeraire as underlying', perp('USD', 1, 1), /USD is the numeraire/],
    [
      'qty missing',
      { type: 'perp', asset: 'BTC', entry: 90_000 },
      /qty must be a finite number, got missing/,
    ],
    [
      'qty as a string',
      perp('BTC', '5' as unknown as number, 90_000),
      /qty must be a finite number, got "5" \(a string\)/,
    ],
    ['qty null', perp('BTC', null as unknown as number, 90_000), /qty must be a finite number, got null/],
    ['entry missing on a perp', { type: 'perp', asset: 'BTC', qty: 1 }, /entry must be a finite number/],
    ['entry missing on a future', { type: 'future', asset: 'BTC', qty: 1, expiry: '2027-03-26' }, /entry/],
    [
      'an impossible expiry',
      future('BTC', 1, 90_000, '2027-02-30'),
      /expiry must be a date YYYY-MM-DD, got "2027-02-30"/,
    ],
    [
      'expiry missing on an option',
      { type: 'option', asset: 'BTC', right: 'call', strike: 1e5, qty: 1 },
      /expiry is missing/,
    ],
    ['a zero strike', option('BTC', 'call', 0, '2026-12-25', 1), /strike must be > 0, got 0/],
    ['a negative strike', option('BTC', 'put', -5, '2026-12-25', 1), /strike must be > 0/],
    [
      'strike missing',
      { type: 'option', asset: 'BTC', right: 'call', expiry: '2026-12-25', qty: 1 },
      /strike must be a finite number, got missing/,
    ],
    [
      'an unknown right',
      option('BTC', 'straddle' as 'call', 1e5, '2026-12-25', 1),
      /right must be "call" or "put"/,
    ],
    [
      'right missing',
      { type: 'option', asset: 'BTC', strike: 1e5, expiry: '2026-12-25', qty: 1 },
      /right is missing/,
    ],
    [
      'an unknown type',
      { type: 'swap', asset: 'BTC', qty: 1 },
      /type must be "perp" or "future" or "option"/,
    ],
    ['type missing', { asset: 'BTC', qty: 1, entry: 1 }, /type is missing/],
    ['not an object', 42, /a position must be an object/],
    ['asset missing', { type: 'perp', qty: 1, entry: 1 }, /asset must be a non-empty string/],
  ];

  it.each(cases)('%s', (_label, position, reason) => {
    const rejected = rejectionOf(position);
    expect(rejected).toMatchObject({
      document: 'book',
      path: 'clients[0].subaccounts[0].positions[1]',
      clientId: 'C1',
      venue: 'venue-a',
    });
    expect(rejected!.reason).toMatch(reason);
  });

  it('NaN and Infinity from a tolerant JSON read are rejected one by one', () => {
    const text = `{"asOf": "2026-11-30", "insuranceFund": 0, "clients": [{"id": "C1", "subaccounts": [
      {"venue": "venue-a", "marginMode": "standard", "collateral": {"USDT": NaN, "USDC": 5},
       "positions": [{"type": "perp", "asset": "BTC", "qty": NaN, "entry": 90000},
                     {"type": "perp", "asset": "ETH", "qty": 1, "entry": Infinity},
                     {"type": "perp", "asset": "SOL", "qty": 10, "entry": -Infinity},
                     {"type": "perp", "asset": "SOL", "qty": 10, "entry": 140}]}]}]}`;
    const inputs = validate(parseJsonDocument(text, 'book'));
    const sub = 'clients[0].subaccounts[0]';
    expect(inputs.log.rejected.map((r) => r.path)).toEqual([
      `${sub}.collateral.USDT`,
      `${sub}.positions[0]`,
      `${sub}.positions[1]`,
      `${sub}.positions[2]`,
    ]);
    const reasons = inputs.log.rejected.map((r) => r.reason);
    expect(reasons[0]).toMatch(/^collateral quantity must be a finite number/);
    expect(reasons.slice(1)).toEqual([
      'qty must be a finite number, got NaN',
      'entry must be a finite number, got Infinity',
      'entry must be a finite number, got -Infinity',
    ]);
    expect(inputs.book.clients[0]!.subaccounts[0]!.positions).toEqual([perp('SOL', 10, 140)]);
    expect(inputs.book.clients[0]!.subaccounts[0]!.collateral).toEqual([{ asset: 'USDC', qty: 5 }]);
  });

  it('accepts what the spec allows: qty 0, any finite entry (even negative), USD collateral', () => {
    const inputs = validate(
      bookDocument([
        client(
          'C1',
          subaccount('venue-a', 'standard', {
            collateral: { USD: 10, USDT: -5 },
            positions: [
              perp('BTC', 0, 90_000),
              perp('ETH', 1, -396_300),
              option('SOL', 'put', 0.5, '2027-01-29', -3),
            ],
          }),
        ),
      ]),
    );
    expect(inputs.log.rejected).toEqual([]);
    expect(inputs.dataQuality.positions).toEqual({ received: 3, accepted: 3, rejected: 0 });
    expect(inputs.dataQuality.collateral).toEqual({ received: 2, accepted: 2, rejected: 0 });
  });

  it('an expired instrument is kept and valued, with a warning naming its path', () => {
    const inputs = validate(
      bookWithPositions([
        option('BTC', 'put', 95_000, '2026-11-30', -1),
        future('BTC', 1, 90_000, '2026-11-01'),
      ]),
    );
    expect(inputs.log.rejected).toEqual([]);
    expect(inputs.log.warnings.map((w) => [w.document, w.path])).toEqual([
      ['book', 'clients[0].subaccounts[0].positions[0]'],
      ['book', 'clients[0].subaccounts[0].positions[1]'],
    ]);
    expect(inputs.log.warnings[0]!.message).toMatch(/expired option .*intrinsic value/);
    expect(inputs.log.warnings[1]!.message).toMatch(/expired future .*spot/);
  });
});

describe('an invalid collateral balance drops that balance (path …collateral.ASSET)', () => {
  it.each([
    ['an unknown asset', { XRP: 100 }, 'XRP', /unknown asset XRP/],
    ['a string quantity', { BTC: '1' }, 'BTC', /collateral quantity must be a finite number, got "1"/],
    ['a null quantity', { ETH: null }, 'ETH', /got null/],
    ['a NaN quantity (a programmatic caller)', { ETH: Number.NaN }, 'ETH', /finite number, got NaN/],
    ['an infinite quantity', { ETH: Number.POSITIVE_INFINITY }, 'ETH', /finite number, got Infinity/],
  ] as const)('%s', (_label, collateral, asset, reason) => {
    const inputs = validate(
      bookDocument([
        client('C1', {
          venue: 'venue-a',
          marginMode: 'portfolio',
          collateral: { USDT: 1, ...collateral },
          positions: [],
        }),
      ]),
    );
    expect(inputs.log.rejected).toHaveLength(1);
    expect(inputs.log.rejected[0]).toMatchObject({
      document: 'book',
      path: `clients[0].subaccounts[0].collateral.${asset}`,
      clientId: 'C1',
      venue: 'venue-a',
    });
    expect(inputs.log.rejected[0]!.reason).toMatch(reason);
    expect(inputs.dataQuality.collateral).toEqual({ received: 2, accepted: 1, rejected: 1 });
    expect(inputs.book.clients[0]!.subaccounts[0]!.collateral).toEqual([{ asset: 'USDT', qty: 1 }]);
  });
});

describe('an invalid subaccount drops the subaccount (path clients[i].subaccounts[j])', () => {
  const good = subaccount('venue-b', 'standard', {
    collateral: { USDT: 5 },
    positions: [perp('BTC', 1, 90_000)],
  });

  it.each([
    ['marginMode missing', { venue: 'venue-a', collateral: {}, positions: [] }, /marginMode is missing/],
    [
      'an unknown marginMode',
      { venue: 'venue-a', marginMode: 'cross' },
      /marginMode must be "standard" or "portfolio", got "cross"/,
    ],
    ['venue missing', { marginMode: 'standard' }, /venue must be a non-empty string, got missing/],
    ['an empty venue', { venue: '', marginMode: 'standard' }, /venue must be a non-empty string/],
    [
      'collateral not an object',
      { venue: 'venue-a', marginMode: 'standard', collateral: [1] },
      /collateral must be an object/,
    ],
    [
      'positions not a list',
      { venue: 'venue-a', marginMode: 'standard', positions: {} },
      /positions must be a list/,
    ],
    ['not an object', 'venue-a', /a subaccount must be an object/],
  ] as const)('%s', (_label, raw, reason) => {
    const inputs = validate(bookDocument([client('C1', raw as unknown as JsonRecord, good)]));
    expect(inputs.log.rejected).toHaveLength(1);
    expect(inputs.log.rejected[0]).toMatchObject({
      document: 'book',
      path: 'clients[0].subaccounts[0]',
      clientId: 'C1',
    });
    expect(inputs.log.rejected[0]!.reason).toMatch(reason);
    expect(inputs.book.clients[0]!.subaccounts.map((s) => s.venue)).toEqual(['venue-b']);
    expect(inputs.dataQuality.subaccounts).toEqual({ received: 2, accepted: 1, rejected: 1 });
  });

  it('a subaccount without collateral or positions fields is an empty subaccount, not an error', () => {
    const inputs = validate(bookDocument([client('C1', { venue: 'venue-a', marginMode: 'portfolio' })]));
    expect(inputs.log.rejected).toEqual([]);
    expect(inputs.book.clients[0]!.subaccounts).toEqual([
      { venue: 'venue-a', marginMode: 'portfolio', collateral: [], positions: [] },
    ]);
  });

  it('a duplicate venue: the first valid subaccount is kept, later ones are rejected with their contents', () => {
    const first = subaccount('venue-a', 'standard', { collateral: { USDT: 1 } });
    const second = subaccount('venue-a', 'portfolio', {
      collateral: { USDT: 2, BTC: 1 },
      positions: [perp('BTC', 1, 90_000), perp('ETH', 1, 3_000), perp('SOL', 1, 140)],
    });
    const inputs = validate(bookDocument([client('C1', first, second)]));
    expect(inputs.log.rejected).toEqual([
      {
        document: 'book',
        path: 'clients[0].subaccounts[1]',
        reason: 'duplicate venue venue-a for client C1: the first valid subaccount is kept',
        clientId: 'C1',
        venue: 'venue-a',
      },
    ]);
    expect(inputs.book.clients[0]!.subaccounts).toHaveLength(1);
    expect(inputs.book.clients[0]!.subaccounts[0]!.marginMode).toBe('standard');
    // The dropped subaccount's records count as received and rejected (not listed one by one).
    expect(inputs.dataQuality.subaccounts).toEqual({ received: 2, accepted: 1, rejected: 1 });
    expect(inputs.dataQuality.positions).toEqual({ received: 3, accepted: 0, rejected: 3 });
    expect(inputs.dataQuality.collateral).toEqual({ received: 3, accepted: 1, rejected: 2 });
  });

  it('"the first valid one is kept": an invalid first subaccount does not block its venue', () => {
    const invalid = { venue: 'venue-a', collateral: { USDT: 1 } }; // no marginMode
    const valid = subaccount('venue-a', 'portfolio', { collateral: { USDT: 2 } });
    const inputs = validate(bookDocument([client('C1', invalid, valid)]));
    expect(inputs.log.rejected.map((r) => r.path)).toEqual(['clients[0].subaccounts[0]']);
    expect(inputs.book.clients[0]!.subaccounts).toEqual([
      { venue: 'venue-a', marginMode: 'portfolio', collateral: [{ asset: 'USDT', qty: 2 }], positions: [] },
    ]);
  });
});

describe('an invalid client drops the client (path clients[i])', () => {
  const sub = subaccount('venue-a', 'standard', {
    collateral: { USDT: 1 },
    positions: [perp('BTC', 1, 9e4)],
  });

  it.each([
    ['not an object', 'C1', /a client must be an object/],
    ['id missing', { subaccounts: [sub] }, /id must be a non-empty string, got missing/],
    ['a numeric id', { id: 7, subaccounts: [sub] }, /id must be a non-empty string, got 7/],
    ['subaccounts missing', { id: 'C9' }, /subaccounts must be a list/],
  ] as const)('%s', (_label, raw, reason) => {
    const inputs = validate(bookDocument([client('C0', sub), raw as unknown as JsonRecord]));
    expect(inputs.log.rejected).toHaveLength(1);
    expect(inputs.log.rejected[0]).toMatchObject({ document: 'book', path: 'clients[1]' });
    expect(inputs.log.rejected[0]!.reason).toMatch(reason);
    expect(inputs.book.clients.map((c) => c.id)).toEqual(['C0']);
    expect(inputs.dataQuality.clients).toEqual({ received: 2, accepted: 1, rejected: 1 });
  });

  it('a duplicate client id: the first is kept, the later one rejected with everything in it', () => {
    const inputs = validate(
      bookDocument([client('C1', sub), client('C1', sub, { ...sub, venue: 'venue-b' })]),
    );
    expect(inputs.log.rejected).toEqual([
      {
        document: 'book',
        path: 'clients[1]',
        reason: 'duplicate client id C1: the first one is kept',
        clientId: 'C1',
      },
    ]);
    expect(inputs.book.clients).toHaveLength(1);
    expect(inputs.dataQuality.subaccounts).toEqual({ received: 3, accepted: 1, rejected: 2 });
    expect(inputs.dataQuality.positions).toEqual({ received: 3, accepted: 1, rejected: 2 });
  });
});

describe('an invalid market asset drops the book records that need it (MODEL.md §1.4)', () => {
  it('SOL with price 0: assets.SOL in the market, then each SOL position and balance in the book', () => {
    const market = smallExampleMarket();
    (market.assets as Record<string, JsonRecord>).SOL = cryptoQuote(0, 0.85);
    const book = bookDocument([
      client(
        'C1',
        subaccount('venue-a', 'standard', {
          collateral: { SOL: 100, USDT: 1_000 },
          positions: [
            perp('SOL', 10, 140),
            perp('BTC', 1, 90_000),
            option('SOL', 'call', 150, '2026-12-25', -5),
          ],
        }),
      ),
    ]);
    const inputs = validate(book, market);
    expect(inputs.log.rejected.map((r) => [r.document, r.path])).toEqual([
      ['market', 'assets.SOL'],
      ['book', 'clients[0].subaccounts[0].collateral.SOL'],
      ['book', 'clients[0].subaccounts[0].positions[0]'],
      ['book', 'clients[0].subaccounts[0].positions[2]'],
    ]);
    expect(inputs.log.rejected[0]!.reason).toBe('price must be > 0, got 0');
    for (const record of inputs.log.rejected.slice(1)) {
      expect(record.reason).toBe('asset SOL was rejected in the market (assets.SOL)');
    }
    expect(inputs.market.assets.map((a) => a.symbol)).toEqual(['BTC', 'ETH', 'USDT', 'USDC']);
    expect(inputs.book.clients[0]!.subaccounts[0]!.positions).toEqual([perp('BTC', 1, 90_000)]);
  });
});

describe('document-level problems fail the calculation with a typed error naming the field', () => {
  function thrown(book: unknown, market: unknown = smallExampleMarket()): unknown {
    try {
      validate(book, market);
    } catch (error) {
      return error;
    }
    throw new Error('expected the validation to throw');
  }

  it.each([
    ['asOf missing', { insuranceFund: 0, clients: [] }, 'asOf'],
    ['asOf not a calendar date', { asOf: '2026-11-31', insuranceFund: 0, clients: [] }, 'asOf'],
    ['asOf with a time', { asOf: '2026-11-30T00:00:00Z', insuranceFund: 0, clients: [] }, 'asOf'],
    ['insuranceFund negative', { asOf: '2026-11-30', insuranceFund: -1, clients: [] }, 'insuranceFund'],
    ['insuranceFund missing', { asOf: '2026-11-30', clients: [] }, 'insuranceFund'],
    ['insuranceFund a string', { asOf: '2026-11-30', insuranceFund: '5', clients: [] }, 'insuranceFund'],
    ['clients not a list', { asOf: '2026-11-30', insuranceFund: 0, clients: {} }, 'clients'],
    ['the book not an object', [], ''],
  ])('%s → InvalidDocumentError(book, %s)', (_label, book, field) => {
    const error = thrown(book);
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect(error).toMatchObject({ name: 'InvalidDocumentError', document: 'book', field });
    expect((error as Error).message).toMatch(new RegExp(`^book: ${field ? `${field}: ` : ''}`));
  });

  it('a book and a market for different dates → AsOfMismatchError with both dates', () => {
    const error = thrown(bookDocument([], { asOf: '2026-11-29' }));
    expect(error).toBeInstanceOf(AsOfMismatchError);
    expect(error).toMatchObject({
      name: 'AsOfMismatchError',
      bookAsOf: '2026-11-29',
      marketAsOf: '2026-11-30',
    });
    expect((error as Error).message).toBe('book asOf 2026-11-29 does not match market asOf 2026-11-30');
  });

  it('an insurance fund of 0 and an empty client list are valid', () => {
    const inputs = validate(bookDocument([]));
    expect(inputs.book).toEqual({ asOf: '2026-11-30', insuranceFund: 0, clients: [] });
    expect(inputs.dataQuality.clients).toEqual({ received: 0, accepted: 0, rejected: 0 });
  });
});
