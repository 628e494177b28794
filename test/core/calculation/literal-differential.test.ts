/**
 * Differential test: the optimised engine (`calculate`) against the literal reference model
 * (test/reference/literal-model.ts, a one-formula-per-clause transcription of MODEL.md that
 * shares no code with functions/). On random books they must agree under the specification's
 * own comparison rules (test/reference/compare-results.ts, MODEL.md §9) with zero mismatches —
 * margin block, every run, reverse stress and the rejected records.
 *
 * The books mix everything the engine optimises: options (some expired or expiring today) and
 * futures under a non-zero rate, up to three venues per client in both margin modes, positions
 * hedged across venues that net to zero when pooled, borrowed stablecoins and borrowed coins,
 * thin and ample margin so that shocks cascade over several rounds, sqrt and linear impact with
 * low and zero floors, random circuit-breaker bands and round limits, random portfolio-margin
 * grids (volDown = 1, extreme moves beyond the range), vol shocks of −1, stablecoin depegs, and
 * now and then an invalid record that both must reject. The engine's result is compared after a
 * round trip through its JSON text, as result.json would carry it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../../functions/core/calculation/calculate.js';
import { stringifyResult } from '../../../functions/core/calculation/serialize.js';
import { compareResults } from '../../reference/compare-results.js';
import { computeLiteralResult } from '../../reference/literal-model.js';
import {
  type RandomBookOptions,
  randomBookArb,
  randomParamsArb,
  randomScenariosArb,
} from '../../support/cascade-builders.js';

const rates = fc.oneof(fc.constant(0), fc.constantFrom(-0.01, 0.03, 0.08));

function casesOf(options: RandomBookOptions) {
  return fc
    .record({ book: randomBookArb(options, rates), params: randomParamsArb, scenarios: randomScenariosArb })
    .map(({ book, params, scenarios }) => ({ ...book, params, scenarios }));
}

function agree(documents: Parameters<typeof calculate>[0]): void {
  const engine = JSON.parse(stringifyResult(calculate(documents)));
  const literal = computeLiteralResult(documents);
  expect(compareResults(literal, engine)).toEqual([]);
}

describe('calculate() agrees with the literal model on random books (zero mismatches)', () => {
  it('several assets, up to 6 clients', () => {
    fc.assert(
      fc.property(
        casesOf({
          options: true,
          shorts: true,
          liquidity: { min: 0.0003, max: 1 },
          maxClients: 6,
          defects: true,
        }),
        agree,
      ),
      { numRuns: 250, seed: 1_202_611 },
    );
  });

  it('one asset, up to 10 clients: concentrated books whose cascades run several rounds', () => {
    fc.assert(
      fc.property(
        casesOf({
          options: true,
          shorts: true,
          liquidity: { min: 0.0003, max: 1 },
          maxClients: 10,
          maxAssets: 1,
          defects: true,
        }),
        agree,
      ),
      { numRuns: 250, seed: 3_011_202 },
    );
  });

  it('the random books do exercise multi-round cascades, breakers, rejections and reverse stress', () => {
    // Guards the generator: if it drifted to books where nothing happens, the agreement above
    // would prove little.
    const sample = fc.sample(
      casesOf({
        options: true,
        shorts: true,
        liquidity: { min: 0.0003, max: 1 },
        maxClients: 10,
        maxAssets: 1,
        defects: true,
      }),
      { numRuns: 60, seed: 3_011_202 },
    );
    let multiRound = 0;
    let halted = 0;
    let rejected = 0;
    let thresholds = 0;
    for (const documents of sample) {
      const result = calculate(documents);
      multiRound += result.runs.filter((r) => r.rounds >= 2).length;
      halted += result.runs.filter((r) => r.halted.length > 0).length;
      rejected += result.rejected.length;
      if (result.reverseStress.down !== null || result.reverseStress.up !== null) thresholds++;
    }
    expect(multiRound).toBeGreaterThan(20);
    expect(halted).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(5);
    expect(thresholds).toBeGreaterThan(20);
  });
});
