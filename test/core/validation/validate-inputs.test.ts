/**
 * The validation of all four documents together (calculation/calculate.ts `validateInputs`,
 * `calculate`), MODEL.md §1.4: "the result is the result of the same input without that
 * record, plus a rejected list"; record counts reconcile (accepted + rejected = received) in
 * every dataQuality block; and whatever a document holds, the calculation either rejects records
 * or fails with one of the core's typed errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate, validateInputs } from '../../../functions/core/calculation/calculate.js';
import { ContagionEngine } from '../../../functions/core/engine/engine.js';
import { MarginfallError } from '../../../functions/core/errors.js';
import {
  bookDocument,
  calculationDocuments,
  client,
  cryptoQuote,
  type Json,
  type JsonRecord,
  option,
  perp,
  scenario,
  scenariosDocument,
  smallExampleMarket,
  specExampleDocuments,
  subaccount,
} from '../../support/core-builders.js';

// ─── a book with one of most kinds of bad record, and the same book without them ───

const C1_VENUE_A = subaccount('venue-a', 'standard', {
  collateral: { USDT: 10_000, SOL: 50 },
  positions: [perp('BTC', 2, 90_000), perp('SOL', 100, 140)],
});
const C1_VENUE_B = subaccount('venue-b', 'portfolio', {
  collateral: { ETH: 10 },
  positions: [perp('ETH', -20, 3_100), option('ETH', 'put', 2_800, '2027-01-29', -10)],
});
const C3_VENUE_A = subaccount('venue-a', 'standard', {
  collateral: { USDT: 20_000 },
  positions: [perp('BTC', -1, 95_000)],
});

function messyDocuments() {
  const c1VenueA = structuredClone(C1_VENUE_A);
  (c1VenueA.collateral as JsonRecord).XRP = 5; // unknown asset
  (c1VenueA.positions as JsonRecord[]).splice(
    1,
    0,
    perp('XRP', 1, 2),
    option('BTC', 'call', 0, '2026-12-25', -1),
  );
  const c3VenueA = structuredClone(C3_VENUE_A);
  (c3VenueA.positions as JsonRecord[]).push(perp('DOGE', 1_000, 0.2)); // DOGE is rejected in the market
  const book = bookDocument(
    [
      client(
        'C1',
        c1VenueA,
        subaccount('venue-a', 'portfolio', {
          collateral: { USDT: 1 },
          positions: [perp('BTC', 1, 1), perp('ETH', 1, 1)],
        }),
        C1_VENUE_B,
      ),
      {
        subaccounts: [
          subaccount('venue-a', 'standard', {
            collateral: { USDT: 1, BTC: 1 },
            positions: [perp('BTC', 1, 1)],
          }),
        ],
      },
      client('C3', { venue: 'venue-a', positions: [perp('BTC', 1, 1)] }, c3VenueA),
      client(
        'C1',
        subaccount('venue-c', 'standard', { collateral: { USDT: 5 }, positions: [perp('SOL', 1, 1)] }),
      ),
    ],
    { insuranceFund: 50_000 },
  );
  const market = smallExampleMarket();
  (market.assets as Record<string, JsonRecord>).DOGE = cryptoQuote(0.2, 0);
  const scenarios = scenariosDocument(
    scenario('crash', { '*': { shock: -0.35, vol: 0.8, liquidity: 0.4 }, ETH: { shock: -0.45 } }),
    scenario('wipe-out', { BTC: { shock: -1 } }),
    scenario('crash', { '*': { shock: -0.1 } }),
  );
  return calculationDocuments({ book, market, scenarios });
}

function cleanDocuments() {
  return calculationDocuments({
    book: bookDocument([client('C1', C1_VENUE_A, C1_VENUE_B), client('C3', C3_VENUE_A)], {
      insuranceFund: 50_000,
    }),
    market: smallExampleMarket(),
    scenarios: scenariosDocument(
      scenario('crash', { '*': { shock: -0.35, vol: 0.8, liquidity: 0.4 }, ETH: { shock: -0.45 } }),
    ),
  });
}

describe('rejected records (MODEL.md §1.4)', () => {
  const inputs = validateInputs(messyDocuments());

  it('each is listed with its document, path and a reason', () => {
    expect(inputs.log.rejected.map((r) => [r.document, r.path])).toEqual([
      ['market', 'assets.DOGE'],
      ['book', 'clients[0].subaccounts[0].collateral.XRP'],
      ['book', 'clients[0].subaccounts[0].positions[1]'],
      ['book', 'clients[0].subaccounts[0].positions[2]'],
      ['book', 'clients[0].subaccounts[1]'],
      ['book', 'clients[1]'],
      ['book', 'clients[2].subaccounts[0]'],
      ['book', 'clients[2].subaccounts[1].positions[1]'],
      ['book', 'clients[3]'],
      ['scenarios', 'scenarios[1]'],
      ['scenarios', 'scenarios[2]'],
    ]);
    for (const record of inputs.log.rejected) expect(record.reason.length).toBeGreaterThan(10);
  });

  it('record counts: hand-counted, and accepted + rejected = received in every block', () => {
    // clients:     4 received; clients[1] (no id) and clients[3] (duplicate C1) rejected.
    // subaccounts: 3 + 1 + 2 + 1 = 7; accepted C1/venue-a, C1/venue-b, C3/venue-a.
    // positions:   C1: 4 + 2 + 2, clients[1]: 1, C3: 1 + 2, clients[3]: 1 = 13; accepted 2 + 2 + 1 = 5.
    // collateral:  C1: 3 + 1 + 1, clients[1]: 2, C3: 0 + 1, clients[3]: 1 = 9; accepted 2 + 1 + 1 = 4.
    // market:      BTC, ETH, SOL, USDT, USDC, DOGE = 6; DOGE rejected.
    // scenarios:   3; "wipe-out" (shock −1) and the second "crash" rejected.
    expect(inputs.dataQuality).toEqual({
      marketAssets: { received: 6, accepted: 5, rejected: 1 },
      clients: { received: 4, accepted: 2, rejected: 2 },
      subaccounts: { received: 7, accepted: 3, rejected: 4 },
      positions: { received: 13, accepted: 5, rejected: 8 },
      collateral: { received: 9, accepted: 4, rejected: 5 },
      scenarios: { received: 3, accepted: 1, rejected: 2 },
    });
  });

  it('the result is the result of the same input without those records', () => {
    const messy = calculate(messyDocuments());
    const clean = calculate(cleanDocuments());
    expect(clean.rejected).toEqual([]);
    expect(messy.rejected).toEqual(inputs.log.rejected);
    expect(messy.margin).toEqual(clean.margin);
    expect(messy.runs).toEqual(clean.runs);
    expect(messy.reverseStress).toEqual(clean.reverseStress);
    // The case is not vacuous: the crash liquidates units and leaves bad debt.
    expect(messy.runs.some((run) => run.liquidatedUnits > 0)).toBe(true);
  });
});

// ─── any single corrupted field: rejected records or a typed error, never a crash or a NaN ───

type Path = readonly (string | number)[];

function leafPaths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  const inner = entries.flatMap(([key, v]) => leafPaths(v, [...prefix, key]));
  return [prefix, ...inner];
}

function withValueAt(document: Json, path: Path, value: unknown): Json {
  const copy = structuredClone(document);
  if (path.length === 0) return value as Json;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const BAD_VALUES = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
  undefined,
  'x',
  '5',
  -1,
  0,
  -1e9,
  {},
  [],
  true,
];

function sumsReconcile(count: { received: number; accepted: number; rejected: number }): boolean {
  return count.accepted + count.rejected === count.received && count.accepted >= 0 && count.rejected >= 0;
}

describe('one corrupted field anywhere in the book or market (fast-check)', () => {
  const base = specExampleDocuments('small');
  const targets = [
    ...leafPaths(base.book as Json).map((path) => ['book', path] as const),
    ...leafPaths(base.market as Json).map((path) => ['market', path] as const),
  ];

  it('gives counts that reconcile and finite margins, or a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.constantFrom(...BAD_VALUES), ([document, path], bad) => {
        const documents = { ...specExampleDocuments('small') };
        documents[document] = withValueAt(documents[document] as Json, path, bad) as JsonRecord;
        let inputs: ReturnType<typeof validateInputs>;
        try {
          inputs = validateInputs(documents);
        } catch (error) {
          expect(error).toBeInstanceOf(MarginfallError);
          expect(['InvalidDocumentError', 'AsOfMismatchError', 'InvalidParamsError']).toContain(
            (error as Error).name,
          );
          return;
        }
        for (const count of Object.values(inputs.dataQuality)) expect(sumsReconcile(count)).toBe(true);
        for (const record of inputs.log.rejected) {
          expect(record.path.length).toBeGreaterThan(0);
          expect(record.reason.length).toBeGreaterThan(0);
        }
        const engine = new ContagionEngine(inputs.book, inputs.market, inputs.params);
        for (const regime of inputs.params.regimes) {
          const summary = engine.marginSummary(regime);
          expect(Number.isFinite(summary.im) && Number.isFinite(summary.mm)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });
});
