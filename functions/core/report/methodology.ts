/**
 * The methodology appendix as data: every parameter the run used, read from the validated
 * parameter set (never restated by hand), plus the fixed constants of the model (reverse-stress
 * grids). Templates turn it into prose; `flattenMethodology` gives one path → value line per
 * parameter for the day-over-day comparison.
 */
import { BISECTION_STEPS, DOWN_GRID, UP_GRID } from '../engine/reverse-stress.js';
import type { MarginTier, NamedAssetParams, PortfolioMarginSettings, RiskParams } from '../model/params.js';
import { ALL_CRYPTO } from '../model/scenario.js';
import type { AssetParamsLine, Methodology, PortfolioMarginLine, TierLine } from './report-model.js';

function tierLines(tiers: readonly MarginTier[]): TierLine[] {
  return tiers.map((t) => ({ upTo: Number.isFinite(t.upTo) ? t.upTo : null, imr: t.imr, mmr: t.mmr }));
}

function pmLine(pm: PortfolioMarginSettings): PortfolioMarginLine {
  return {
    range: pm.range,
    steps: pm.steps,
    volUp: pm.volUp,
    volDown: pm.volDown,
    extremeMoves: [...pm.extremeMoves],
    extremeFraction: pm.extremeFraction,
    contingency: pm.contingency,
    concentrationThreshold: pm.concentrationThreshold,
    concentrationRate: pm.concentrationRate,
  };
}

function assetLine(asset: string, entry: NamedAssetParams): AssetParamsLine {
  return {
    asset,
    haircut: entry.haircut ?? null,
    tiers: entry.tiers ? tierLines(entry.tiers) : null,
    pm: entry.pm ? pmLine(entry.pm) : null,
  };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function describeMethodology(params: RiskParams, modelVersion: string): Methodology {
  const assets: AssetParamsLine[] = [];
  if (params.defaultCrypto) assets.push(assetLine(ALL_CRYPTO, params.defaultCrypto));
  const named = [...params.assets.keys()].filter((a) => a !== ALL_CRYPTO).sort(byCodePoint);
  for (const asset of named) assets.push(assetLine(asset, params.assets.get(asset)!));
  return {
    modelVersion,
    paramsVersion: params.version,
    regimes: [...params.regimes],
    options: { im: params.options.im, imFloor: params.options.imFloor, mm: params.options.mm },
    portfolioMargin: { mmFactor: params.pm.mmFactor, includeCollateral: params.pm.includeCollateral },
    impact: { model: params.impact.model, y: params.impact.y, priceFloor: params.impact.priceFloor },
    cascade: {
      maxRounds: params.cascade.maxRounds,
      circuitBreakerBand: params.cascade.circuitBreaker?.band ?? null,
    },
    reverseStress: { downGrid: [...DOWN_GRID], upGrid: [...UP_GRID], bisectionSteps: BISECTION_STEPS },
    assets,
  };
}

export type ParameterValue = string | number | boolean | null;

/**
 * One line per leaf parameter, e.g. `options.im = 0.15`, `assets.BTC.tiers[2].imr = 0.04`,
 * `assets.ETH.pm = null` (taken from `*`). Lists of numbers (extreme moves, grids) are one
 * value written `[-0.33, 0.5]` so that a changed grid is one line, not one per point.
 */
export function flattenMethodology(methodology: Methodology): Map<string, ParameterValue> {
  const lines = new Map<string, ParameterValue>();
  const visit = (path: string, value: unknown): void => {
    if (value === null || typeof value !== 'object') {
      lines.set(path, value as ParameterValue);
    } else if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'number' || typeof v === 'string')) {
        lines.set(path, `[${value.join(', ')}]`);
      } else {
        value.forEach((item, i) => {
          visit(`${path}[${i}]`, item);
        });
      }
    } else {
      for (const [key, child] of Object.entries(value)) visit(path ? `${path}.${key}` : key, child);
    }
  };
  const { assets, modelVersion: _m, paramsVersion: _p, ...rest } = methodology;
  visit('', rest);
  for (const asset of assets) {
    const { asset: name, ...fields } = asset;
    visit(`assets.${name}`, fields);
  }
  return lines;
}
