/**
 * Scenario validation (MODEL.md §6, §1.4). An invalid scenario is rejected as `scenarios[i]`;
 * among scenarios sharing an id the first valid one is kept. Shock keys naming an asset that
 * is not (validly) in the market are ignored with a warning.
 */
import { InvalidDocumentError } from '../errors.js';
import { type Market, USD } from '../model/market.js';
import type { RecordCount, ValidationLog } from '../model/rejection.js';
import { ALL_CRYPTO, type AssetShock, type Scenario } from '../model/scenario.js';
import { type FieldResult, isObject, readOptionalNumber, readString } from './fields.js';

export interface ValidatedScenarios {
  readonly scenarios: readonly Scenario[];
  readonly count: RecordCount;
}

function validateShock(raw: unknown, key: string): FieldResult<AssetShock> {
  if (!isObject(raw)) return { ok: false, reason: `shocks.${key} must be an object` };
  const shock = readOptionalNumber(raw, 'shock', 0, { above: -1 });
  if (!shock.ok) return { ok: false, reason: `shocks.${key}: ${shock.reason}` };
  const vol = readOptionalNumber(raw, 'vol', 0, { atLeast: -1 });
  if (!vol.ok) return { ok: false, reason: `shocks.${key}: ${vol.reason}` };
  const liquidity = readOptionalNumber(raw, 'liquidity', 1, { above: 0 });
  if (!liquidity.ok) return { ok: false, reason: `shocks.${key}: ${liquidity.reason}` };
  return { ok: true, value: { shock: shock.value, vol: vol.value, liquidity: liquidity.value } };
}

function validateScenario(
  raw: unknown,
  path: string,
  market: Market,
  log: ValidationLog,
): FieldResult<Scenario> {
  if (!isObject(raw)) return { ok: false, reason: 'a scenario must be an object' };
  const id = readString(raw, 'id');
  if (!id.ok) return id;
  if (!isObject(raw.shocks))
    return { ok: false, reason: 'shocks must be an object of asset → {shock, vol, liquidity}' };
  const known = new Set(market.assets.map((a) => a.symbol));
  const shocks = new Map<string, AssetShock>();
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(raw.shocks)) {
    const shock = validateShock(value, key);
    if (!shock.ok) return shock;
    if (key === ALL_CRYPTO || known.has(key)) shocks.set(key, shock.value);
    else ignored.push(key);
  }
  for (const key of ignored) {
    log.warn(
      'scenarios',
      `${path}.shocks.${key}`,
      key === USD
        ? 'USD is the numeraire and never moves; ignored'
        : `asset ${key} is not in the market; ignored`,
    );
  }
  const name = typeof raw.name === 'string' && raw.name.length > 0 ? raw.name : id.value;
  const kind = typeof raw.kind === 'string' ? raw.kind : 'hypothetical';
  const window =
    Array.isArray(raw.window) && raw.window.every((d) => typeof d === 'string') ? raw.window : undefined;
  return {
    ok: true,
    value: {
      id: id.value,
      name,
      kind,
      shocks,
      ...(window ? { window } : {}),
      ...(raw.metadata === undefined ? {} : { metadata: raw.metadata }),
    },
  };
}

export function validateScenarios(document: unknown, market: Market, log: ValidationLog): ValidatedScenarios {
  const list = Array.isArray(document) ? document : isObject(document) ? document.scenarios : undefined;
  if (!Array.isArray(list))
    throw new InvalidDocumentError('scenarios', 'scenarios', 'must be a list of scenarios');
  const scenarios: Scenario[] = [];
  const ids = new Set<string>();
  list.forEach((raw: unknown, i: number) => {
    const path = `scenarios[${i}]`;
    const scenario = validateScenario(raw, path, market, log);
    if (!scenario.ok) {
      log.reject({ document: 'scenarios', path, reason: scenario.reason });
    } else if (ids.has(scenario.value.id)) {
      log.reject({
        document: 'scenarios',
        path,
        reason: `duplicate scenario id ${scenario.value.id}: the first one is kept`,
      });
    } else {
      ids.add(scenario.value.id);
      scenarios.push(scenario.value);
    }
  });
  return {
    scenarios,
    count: { received: list.length, accepted: scenarios.length, rejected: list.length - scenarios.length },
  };
}
