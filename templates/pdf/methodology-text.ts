/**
 * The methodology appendix in words, written from the parameters the run used (report
 * .methodology) — change a parameter and the text changes with it. Formulas follow MODEL.md.
 */
import type { AssetParamsLine, Methodology } from '../../functions/core/report/report-model.js';
import { formatCount, formatPercent, formatReturn, formatUsd } from './figures.js';

const pct = (x: number) => formatPercent(x, 2);

const REGIME_RULES: Record<string, string> = {
  'as-is': 'as-is — each subaccount under its own margin mode',
  standard: 'standard — tiered standard margin for every subaccount',
  portfolio: 'portfolio — the risk-matrix portfolio margin for every subaccount',
  'cross-venue': 'cross-venue — each client’s subaccounts pooled into one unit under portfolio margin',
};

export interface MethodologyText {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export function methodologyText(m: Methodology): MethodologyText[] {
  const impact =
    m.impact.model === 'sqrt'
      ? `the square-root law I = sign(Q)·Y·(σ*/√365)·√(|Q| / (ADV·λ)) with Y = ${m.impact.y}`
      : `the linear law I = 1% · Q / (depth1pct · λ)`;
  const breaker =
    m.cascade.circuitBreakerBand === null
      ? 'No circuit breaker is applied.'
      : `A circuit breaker keeps each price within ±${pct(m.cascade.circuitBreakerBand)} of its shocked level; an asset whose unclamped move leaves the band is reported as halted and keeps trading at the band edge.`;
  const down = m.reverseStress.downGrid;
  const up = m.reverseStress.upGrid;
  const step = (grid: readonly number[]) => (grid.length > 1 ? Math.abs(grid[1]! - grid[0]!) : 0);
  return [
    {
      title: 'Model and units',
      paragraphs: [
        `Figures follow the margin-contagion model specification v${m.modelVersion} with the parameter set “${m.paramsVersion}”. Amounts are in USD, prices are marks in USD per unit, returns and shocks are fractions of today’s price (−20% moves a price to 80% of its level), volatilities are annualised and time to expiry counts calendar days / 365.`,
        `Regimes compared: ${m.regimes.map((r) => REGIME_RULES[r] ?? r).join('; ')}. A unit is margin-called when its adjusted equity E_adj < IM and liquidatable when E_adj < MM.`,
      ],
    },
    {
      title: 'Standard margin',
      paragraphs: [
        'Perpetuals and futures are margined on their notional |q|·mark with progressive tiers (each rate applies to the slice of notional inside its bracket, like tax brackets; tables below). A borrowed coin is margined as a linear short in that coin. Positive collateral counts in adjusted equity after its haircut.',
        `Short options: IM = |q|·(max(${pct(m.options.im)} − OTM/S, ${pct(m.options.imFloor)})·S + V) and MM = |q|·(${pct(m.options.mm)}·S + V), with V the Black–Scholes value; long options and expired options carry no margin.`,
      ],
    },
    {
      title: 'Portfolio margin',
      paragraphs: [
        'Each underlying is revalued on a grid of price moves from −M to +M (n points) at three volatility states σ·(1 − volDown), σ and σ·(1 + volUp); the requirement is the largest loss on the grid, at least the extreme-move fraction f times the largest loss at the extreme moves (at the high-vol state). A short-option contingency c·S·Σ|q| and a concentration add-on k·max(0, |Δ|·S − T) on the net delta Δ are added; there are no offsets between underlyings.',
        `MM = ${m.portfolioMargin.mmFactor} × IM. Crypto collateral ${m.portfolioMargin.includeCollateral ? 'is part of the risk matrix and is not haircut (stablecoin haircuts still apply)' : 'is not part of the risk matrix and is haircut as under standard margin'} (includeCollateral = ${m.portfolioMargin.includeCollateral}).`,
      ],
    },
    {
      title: 'Scenarios and the liquidation cascade',
      paragraphs: [
        'A scenario moves every crypto asset by its named shock or by the “*” entry, multiplies volatilities by (1 + vol shock) and liquidity by λ; stablecoins move only when named, and only in price. In each round every unit with E_adj < MM is liquidated at once: it closes all positions and sells its crypto collateral, and the signed flow Q (USD at the shocked price P⁰; negative = selling) accumulates per asset. An option contributes q·Δ·P⁰, with its Black–Scholes delta Δ at the previous round’s price, so through gamma Γ its flow grows as the price moves.',
        `Prices respond to the cumulative flow through ${impact}, floored at ${pct(m.impact.priceFloor)} of the shocked price; impact is permanent. Liquidated units fill at the price after their round’s flow. ${breaker} The cascade stops when no unit is liquidatable, after at most ${formatCount(m.cascade.maxRounds)} rounds.`,
        'Bad debt is the negative close-out equity of a liquidated unit. The insurance fund absorbs it first; what it cannot absorb is auto-deleveraged (ADL). Under the per-venue regimes a client’s deficit on one venue is not offset by equity on another; under cross-venue it is. A client’s loss is its equity today minus its equity after the cascade (gains count negative).',
      ],
    },
    {
      title: 'Headline figures',
      paragraphs: [
        'Cover-1 is the largest client uncovered loss (bad debt) of a run and Cover-2 the sum of the two largest. The fund coverage ratio divides the insurance fund by the largest Cover-2 over a regime’s scenarios: at a ratio ≥ 1× the fund survives the default of the two largest debtors in the worst scenario.',
        `Reverse stress (regime as-is): the smallest uniform move of every crypto asset at which bad debt exceeds the insurance fund. Moves are scanned from 0 to ${formatReturn(down[down.length - 1] ?? 0, 0)} in steps of ${pct(step(down))} and from 0 to ${formatReturn(up[up.length - 1] ?? 0, 0)} in steps of ${pct(step(up))}; the first crossing is refined by ${m.reverseStress.bisectionSteps} bisections. “Not reached” means no point of the scan exhausts the fund.`,
        'Top clients rank each client by its worst run over every scenario × regime pair (the run named beside it). Concentration adds each client’s net delta per asset over all venues: q for perpetuals and futures, q·Δ for options (Black–Scholes delta at today’s market) and crypto collateral balances; “days of ADV” divides the larger of the long and short sides by the asset’s average daily volume. Clients margin-called today have at least one unit with E_adj < IM at today’s market.',
      ],
    },
  ];
}

/** "up to $1,000,000" / "above $100,000,000" labels of a tier schedule. */
export function tierBracket(upTo: number | null, previous: number | null): string {
  if (upTo === null) return previous === null ? 'all notional' : `above ${formatUsd(previous)}`;
  return previous === null ? `up to ${formatUsd(upTo)}` : `${formatUsd(previous)} – ${formatUsd(upTo)}`;
}

export function describeAssetSource(line: AssetParamsLine): string {
  return line.asset === '*' ? '* (every crypto asset not named)' : line.asset;
}
