/**
 * Scenario validation (functions/core/validation/validate-scenarios.ts), MODEL.md §6 and §1.4:
 * shock R > −1, vol shock v ≥ −1, liquidity λ > 0; an invalid scenario is rejected as
 * `scenarios[i]`; among duplicate ids the first valid one is kept; keys for assets not in the
 * market are ignored with a warning.
 */
import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../../../functions/core/errors.js';
import type { Market } from '../../../functions/core/model/market.js';
import { ValidationLog } from '../../../functions/core/model/rejection.js';
import { validateMarket } from '../../../functions/core/validation/validate-market.js';
import { validateScenarios } from '../../../functions/core/validation/validate-scenarios.js';
import {
  type JsonRecord,
  readSpecFixture,
  scenario,
  scenariosDocument,
  smallExampleMarket,
} from '../../support/core-builders.js';

const market: Market = validateMarket(smallExampleMarket(), new ValidationLog()).market;

function validate(document: unknown) {
  const log = new ValidationLog();
  return { ...validateScenarios(document, market, log), log };
}

describe('an invalid scenario is rejected as scenarios[i], the others are kept', () => {
  it.each([
    ['shock −1 (a price of 0)', { BTC: { shock: -1 } }, 'shocks.BTC: shock must be > -1, got -1'],
    ['shock below −1', { '*': { shock: -1.5 } }, 'shocks.*: shock must be > -1, got -1.5'],
    ['vol shock below −1', { ETH: { vol: -1.01 } }, 'shocks.ETH: vol must be ≥ -1, got -1.01'],
    ['liquidity 0', { SOL: { liquidity: 0 } }, 'shocks.SOL: liquidity must be > 0, got 0'],
    ['negative liquidity', { '*': { liquidity: -2 } }, 'shocks.*: liquidity must be > 0, got -2'],
    ['a NaN shock', { BTC: { shock: Number.NaN } }, 'shocks.BTC: shock must be a finite number, got NaN'],
    [
      'a string shock',
      { BTC: { shock: '-0.2' } },
      'shocks.BTC: shock must be a finite number, got "-0.2" (a string)',
    ],
    ['a shock entry that is not an object', { BTC: -0.2 }, 'shocks.BTC must be an object'],
    // Conservative reading (functions/core/README.md): a stablecoin's entry is validated in full.
    [
      'a stablecoin entry with an invalid vol',
      { USDT: { shock: -0.1, vol: -3 } },
      'shocks.USDT: vol must be ≥ -1, got -3',
    ],
  ])('%s', (_label, shocks, reason) => {
    const { scenarios, log, count } = validate(
      scenariosDocument(scenario('ok', { '*': { shock: -0.2 } }), scenario('bad', shocks as JsonRecord)),
    );
    expect(log.rejected).toEqual([{ document: 'scenarios', path: 'scenarios[1]', reason }]);
    expect(scenarios.map((s) => s.id)).toEqual(['ok']);
    expect(count).toEqual({ received: 2, accepted: 1, rejected: 1 });
  });

  it.each([
    ['id missing', { shocks: {} }, 'id must be a non-empty string, got missing'],
    ['shocks missing', { id: 'x' }, 'shocks must be an object of asset → {shock, vol, liquidity}'],
    ['shocks a list', { id: 'x', shocks: [] }, 'shocks must be an object of asset → {shock, vol, liquidity}'],
    ['not an object', 'uniform-down', 'a scenario must be an object'],
  ])('%s', (_label, raw, reason) => {
    const { log } = validate([raw]);
    expect(log.rejected).toEqual([{ document: 'scenarios', path: 'scenarios[0]', reason }]);
  });

  it('the boundaries that are allowed: shock −0.99, vol −1 (σ* = 0), tiny liquidity', () => {
    const { scenarios, log } = validate(
      scenariosDocument(scenario('edge', { BTC: { shock: -0.99, vol: -1, liquidity: 1e-9 } })),
    );
    expect(log.rejected).toEqual([]);
    expect(scenarios[0]!.shocks.get('BTC')).toEqual({ shock: -0.99, vol: -1, liquidity: 1e-9 });
  });
});

describe('duplicate ids: the first valid scenario is kept', () => {
  it('a later scenario with a seen id is rejected', () => {
    const { scenarios, log } = validate(
      scenariosDocument(scenario('s', { '*': { shock: -0.1 } }), scenario('s', { '*': { shock: -0.5 } })),
    );
    expect(scenarios.map((s) => s.shocks.get('*')?.shock)).toEqual([-0.1]);
    expect(log.rejected).toEqual([
      {
        document: 'scenarios',
        path: 'scenarios[1]',
        reason: 'duplicate scenario id s: the first one is kept',
      },
    ]);
  });

  it('an invalid first scenario does not claim its id', () => {
    const { scenarios, log } = validate(
      scenariosDocument(scenario('s', { '*': { shock: -2 } }), scenario('s', { '*': { shock: -0.5 } })),
    );
    expect(scenarios.map((s) => s.shocks.get('*')?.shock)).toEqual([-0.5]);
    expect(log.rejected.map((r) => r.path)).toEqual(['scenarios[0]']);
  });
});

describe('keys and defaults', () => {
  it('an asset not in the market, and USD, are ignored with a warning; the scenario is kept', () => {
    const { scenarios, log } = validate(
      scenariosDocument(scenario('s', { XRP: { shock: -0.3 }, USD: { shock: 0.1 }, BTC: { shock: -0.2 } })),
    );
    expect(log.rejected).toEqual([]);
    expect(log.warnings.map((w) => [w.document, w.path])).toEqual([
      ['scenarios', 'scenarios[0].shocks.XRP'],
      ['scenarios', 'scenarios[0].shocks.USD'],
    ]);
    expect([...scenarios[0]!.shocks.keys()]).toEqual(['BTC']);
  });

  it('missing fields take shock 0, vol 0, liquidity 1; name and kind default to the id and hypothetical', () => {
    const { scenarios } = validate([{ id: 'only-vol', shocks: { ETH: { vol: 0.5 } } }]);
    expect(scenarios[0]).toMatchObject({ id: 'only-vol', name: 'only-vol', kind: 'hypothetical' });
    expect(scenarios[0]!.shocks.get('ETH')).toEqual({ shock: 0, vol: 0.5, liquidity: 1 });
  });

  it('a bare list is accepted as well as {scenarios: [...]}; the small example reads in full', () => {
    expect(validate([scenario('a', {})]).count).toEqual({ received: 1, accepted: 1, rejected: 0 });
    const example = validate(readSpecFixture('examples/small/scenarios.json'));
    expect(example.log.rejected).toEqual([]);
    expect(example.scenarios.map((s) => s.id)).toEqual([
      'covid-2020-03-12',
      'uniform-down-20',
      'squeeze-up-25',
      'usdt-depeg',
    ]);
    expect(example.scenarios[0]!.window).toEqual(['2020-03-11', '2020-03-12']);
  });
});

describe('document-level: InvalidDocumentError(scenarios, scenarios)', () => {
  it.each([
    ['an object without a list', { scenarios: {} }],
    ['a string', 'scenarios'],
    ['null', null],
  ])('%s', (_label, document) => {
    let error: unknown;
    try {
      validate(document);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect(error).toMatchObject({ document: 'scenarios', field: 'scenarios' });
  });
});
