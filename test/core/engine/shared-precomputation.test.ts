/**
 * What the engine computes once and shares between regimes must equal what each regime would
 * compute on its own (the literal definition), bit for bit: the as-is slack bounds mixed from
 * the all-standard and all-portfolio ones, and the as-is margin snapshot read from the
 * standard and portfolio snapshots. A synthetic book with both margin modes and options.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateInputs } from '../../../functions/core/calculation/calculate.js';
import { ContagionEngine } from '../../../functions/core/engine/engine.js';
import { PORTFOLIO_MODE, STANDARD_MODE } from '../../../functions/core/engine/margin-units.js';
import { buildSlackBounds, mixSlackBounds } from '../../../functions/core/engine/slack-bounds.js';
import { generateSyntheticBook } from '../../../functions/core/synthetic/generate-book.js';

const params = JSON.parse(
  readFileSync(new URL('../../fixtures/spec/params.reference.json', import.meta.url), 'utf8'),
);
const { book, market } = generateSyntheticBook({ clients: 300, seed: 'shared', asOf: '2026-11-30' });
const inputs = validateInputs({ book, market, params, scenarios: { scenarios: [] } });
const engine = () => new ContagionEngine(inputs.book, inputs.market, inputs.params);

describe('precomputation shared between regimes', () => {
  it('the book has units of both margin modes (otherwise the mix is trivial)', () => {
    const units = engine().unitsOf('as-is');
    const portfolio = units.ownMode.filter((mode) => mode === PORTFOLIO_MODE).length;
    expect(portfolio).toBeGreaterThan(20);
    expect(units.count - portfolio).toBeGreaterThan(20);
  });

  it('mixed slack bounds equal the bounds built under each unit’s own mode', () => {
    const e = engine();
    const units = e.unitsOf('as-is');
    const build = (modeOf: (u: number) => number) =>
      buildSlackBounds(units, e.instruments, e.universe, inputs.params, modeOf);
    const literal = build((u) => units.ownMode[u]!);
    const mixed = mixSlackBounds(
      build(() => STANDARD_MODE),
      build(() => PORTFOLIO_MODE),
      (u) => units.ownMode[u] === PORTFOLIO_MODE,
    );
    expect(mixed).toEqual(literal);
    // The two pure rules differ, so the mix has something to choose.
    expect(build(() => PORTFOLIO_MODE).coefficient).not.toEqual(build(() => STANDARD_MODE).coefficient);
  });

  it('the as-is snapshot read from the pure snapshots equals the one evaluated unit by unit', () => {
    const direct = engine().unitSnapshot('as-is'); // a fresh engine evaluates each unit under its mode
    const shared = engine();
    shared.unitSnapshot('standard');
    shared.unitSnapshot('portfolio');
    const composed = shared.unitSnapshot('as-is');
    expect(composed).toEqual(direct);
    expect(engine().marginSummary('as-is')).toEqual(shared.marginSummary('as-is'));
    // Snapshots handed out are copies: changing one leaves the next untouched.
    composed.im.fill(0);
    expect(shared.unitSnapshot('as-is')).toEqual(direct);
  });
});
