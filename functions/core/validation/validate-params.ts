/**
 * Risk parameters (MODEL.md §1.3). Parameters are all-or-nothing: any invalid field fails the
 * whole calculation with InvalidParamsError naming the field.
 */
import { InvalidParamsError } from '../errors.js';
import {
  type AssetRiskParams,
  type ImpactModel,
  type MarginTier,
  type NamedAssetParams,
  type PortfolioMarginSettings,
  REGIMES,
  type Regime,
  type RiskParams,
} from '../model/params.js';
import { ALL_CRYPTO } from '../model/scenario.js';
import {
  type FieldResult,
  isObject,
  type JsonObject,
  type NumberRule,
  readChoice,
  readNumber,
} from './fields.js';

function must<T>(result: FieldResult<T>, path: string): T {
  if (!result.ok) throw new InvalidParamsError(path, result.reason);
  return result.value;
}

function objectAt(parent: JsonObject, field: string, path: string): JsonObject {
  const value = parent[field];
  if (!isObject(value)) throw new InvalidParamsError(path ? `${path}.${field}` : field, 'must be an object');
  return value;
}

function num(record: JsonObject, field: string, path: string, rule: NumberRule): number {
  return must(readNumber(record, field, rule), path);
}

function parseTiers(value: unknown, path: string): MarginTier[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidParamsError(path, 'must be a non-empty list');
  const tiers: MarginTier[] = [];
  let previous = 0;
  value.forEach((raw, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(raw)) throw new InvalidParamsError(at, 'must be an object');
    const last = i === value.length - 1;
    let upTo: number;
    if (raw.upTo === null) {
      if (!last) throw new InvalidParamsError(`${at}.upTo`, 'only the last tier may have upTo: null');
      upTo = Number.POSITIVE_INFINITY;
    } else {
      if (last) throw new InvalidParamsError(`${at}.upTo`, 'the last tier must have upTo: null');
      upTo = num(raw, 'upTo', at, { above: previous });
    }
    tiers.push({
      upTo,
      imr: num(raw, 'imr', at, { atLeast: 0 }),
      mmr: num(raw, 'mmr', at, { atLeast: 0 }),
    });
    previous = upTo;
  });
  return tiers;
}

function parsePm(value: unknown, path: string): PortfolioMarginSettings {
  if (!isObject(value)) throw new InvalidParamsError(path, 'must be an object');
  const steps = num(value, 'steps', path, { atLeast: 3, integer: true });
  if (steps % 2 === 0) throw new InvalidParamsError(`${path}.steps`, `must be odd, got ${steps}`);
  const moves = value.extremeMoves;
  if (!Array.isArray(moves))
    throw new InvalidParamsError(`${path}.extremeMoves`, 'must be a list of returns');
  const extremeMoves = moves.map((m, i) => {
    if (typeof m !== 'number' || !Number.isFinite(m) || !(m > -1)) {
      throw new InvalidParamsError(`${path}.extremeMoves[${i}]`, 'must be a finite return > -1');
    }
    return m;
  });
  return {
    range: num(value, 'range', path, { above: 0, below: 1 }),
    steps,
    volUp: num(value, 'volUp', path, { atLeast: 0 }),
    volDown: num(value, 'volDown', path, { atLeast: 0, atMost: 1 }),
    extremeMoves,
    extremeFraction: num(value, 'extremeFraction', path, { atLeast: 0 }),
    contingency: num(value, 'contingency', path, { atLeast: 0 }),
    concentrationThreshold: num(value, 'concentrationThreshold', path, { atLeast: 0 }),
    concentrationRate: num(value, 'concentrationRate', path, { atLeast: 0 }),
  };
}

type PartialAssetParams = { -readonly [K in keyof NamedAssetParams]: NamedAssetParams[K] };

function parseAssetEntry(value: unknown, path: string): PartialAssetParams {
  if (!isObject(value)) throw new InvalidParamsError(path, 'must be an object');
  const entry: PartialAssetParams = {};
  if (value.haircut !== undefined) entry.haircut = num(value, 'haircut', path, { atLeast: 0, below: 1 });
  if (value.tiers !== undefined) entry.tiers = parseTiers(value.tiers, `${path}.tiers`);
  if (value.pm !== undefined) entry.pm = parsePm(value.pm, `${path}.pm`);
  return entry;
}

function parseRegimes(value: unknown): Regime[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidParamsError('regimes', `must be a non-empty list of ${REGIMES.join(', ')}`);
  }
  const seen = new Set<string>();
  return value.map((regime, i) => {
    if (typeof regime !== 'string' || !(REGIMES as readonly string[]).includes(regime)) {
      throw new InvalidParamsError(`regimes[${i}]`, `unknown regime ${JSON.stringify(regime)}`);
    }
    if (seen.has(regime)) throw new InvalidParamsError(`regimes[${i}]`, `duplicate regime "${regime}"`);
    seen.add(regime);
    return regime as Regime;
  });
}

/**
 * Parses and resolves the params document. A named asset takes each top-level field it
 * lacks (haircut, tiers, pm) from "*"; a named pm object is used whole, not merged.
 * Whether every crypto asset of the market is covered is checked by `requireParamsFor`.
 */
export function validateParams(document: unknown): RiskParams {
  if (!isObject(document)) throw new InvalidParamsError('(document)', 'must be a JSON object');
  const options = objectAt(document, 'options', '');
  const pm = objectAt(document, 'pm', '');
  const impact = objectAt(document, 'impact', '');
  const cascade = objectAt(document, 'cascade', '');
  const assets = objectAt(document, 'assets', '');

  const includeCollateral = pm.includeCollateral;
  if (typeof includeCollateral !== 'boolean')
    throw new InvalidParamsError('pm.includeCollateral', 'must be true or false');

  let circuitBreaker: { band: number } | null = null;
  if (cascade.circuitBreaker !== null && cascade.circuitBreaker !== undefined) {
    const breaker = objectAt(cascade, 'circuitBreaker', 'cascade');
    circuitBreaker = { band: num(breaker, 'band', 'cascade.circuitBreaker', { above: 0 }) };
  }

  const named = new Map<string, PartialAssetParams>();
  for (const [asset, entry] of Object.entries(assets))
    named.set(asset, parseAssetEntry(entry, `assets.${asset}`));
  const star = named.get(ALL_CRYPTO);
  named.delete(ALL_CRYPTO);

  let defaultCrypto: AssetRiskParams | undefined;
  if (star) {
    if (star.haircut === undefined || star.tiers === undefined || star.pm === undefined) {
      throw new InvalidParamsError('assets.*', 'the "*" default must define haircut, tiers and pm');
    }
    defaultCrypto = { haircut: star.haircut, tiers: star.tiers, pm: star.pm };
  }

  const model = must(readChoice<ImpactModel>(impact, 'model', ['sqrt', 'linear']), 'impact');
  const version = document.version;
  return {
    version: typeof version === 'string' ? version : 'unversioned',
    options: {
      im: num(options, 'im', 'options', { atLeast: 0 }),
      imFloor: num(options, 'imFloor', 'options', { atLeast: 0 }),
      mm: num(options, 'mm', 'options', { atLeast: 0 }),
    },
    pm: { mmFactor: num(pm, 'mmFactor', 'pm', { above: 0 }), includeCollateral },
    impact: {
      model,
      y: num(impact, 'y', 'impact', { atLeast: 0 }),
      priceFloor: num(impact, 'priceFloor', 'impact', { atLeast: 0, atMost: 1 }),
    },
    cascade: {
      maxRounds: num(cascade, 'maxRounds', 'cascade', { atLeast: 1, integer: true }),
      circuitBreaker,
    },
    regimes: parseRegimes(document.regimes),
    assets: named,
    defaultCrypto,
  };
}

/** Effective parameters of an asset, or undefined when none apply. */
export function assetRiskParams(
  params: RiskParams,
  asset: string,
  kind: 'crypto' | 'stablecoin',
): AssetRiskParams | undefined {
  const named = params.assets.get(asset);
  if (kind === 'stablecoin') return { haircut: named?.haircut ?? 0, tiers: [], pm: undefined };
  const fallback = params.defaultCrypto;
  if (!named) return fallback;
  return {
    haircut: named.haircut ?? fallback?.haircut ?? 0,
    tiers: named.tiers ?? fallback?.tiers ?? [],
    pm: named.pm ?? fallback?.pm,
  };
}

/** Every crypto asset needs tiers and pm settings (from its entry or "*"). */
export function requireParamsFor(params: RiskParams, cryptoAssets: readonly string[]): void {
  for (const asset of cryptoAssets) {
    const named = params.assets.get(asset);
    const fallback = params.defaultCrypto;
    const complete =
      (named?.haircut ?? fallback?.haircut) !== undefined &&
      (named?.tiers ?? fallback?.tiers) !== undefined &&
      (named?.pm ?? fallback?.pm) !== undefined;
    if (!complete) {
      throw new InvalidParamsError(
        `assets.${asset}`,
        'this crypto asset lacks a haircut, tiers or pm settings and there is no "*" default to take them from',
      );
    }
  }
}
