/**
 * Derives the historical scenario library from daily prices, the BTC DVOL series and the event
 * facts of historical-events.ts. Pure: the caller reads the files (functions/cli/
 * build-scenario-library.ts) and passes their parsed contents.
 *
 * Conventions:
 * - Returns are simple returns of USDT-quoted prices: close-to-close = close(last day) /
 *   close(base date) − 1; worst low = min(low over the window days) / close(base date) − 1; the
 *   base date is the day before the scenario's first day.
 * - Every crypto asset of a scenario shares the event's vol shock v (BTC implied vol is the only
 *   implied-vol series in the data) and the method's liquidity multiplier.
 * - An asset without bars for the base date and every window day is a proxy:
 *   R = (1 + R_BTC)^β − 1, β = OLS slope of daily log returns on BTC's over the beta period
 *   (applied in log space, so R stays above −1 for any β).
 * - `"*"` = the worst (lowest) observed move among the named non-BTC assets, proxies excluded.
 */

import { MarginfallError } from '../errors.js';
import {
  DEPTH_FACT,
  DERIVATION_SETTINGS,
  DVOL_SOURCE,
  HISTORICAL_EVENTS,
  type HistoricalEvent,
  LIQUIDITY_BY_METHOD,
  PRICE_ASSETS,
  PRICE_SOURCE,
  type PriceAsset,
  REFERENCE_ASSET,
} from './historical-events.js';
import { addDays, type DailyBar, type DvolPoint, daysBetween } from './price-history.js';
import type {
  AssetProvenance,
  HistoricalMethod,
  HistoricalScenario,
  HistoricalScenarioDocument,
  ScenarioShockEntry,
} from './scenario-types.js';

export interface HistoricalInputs {
  /** Daily bars per asset, ascending by day. */
  readonly prices: Readonly<Record<PriceAsset, readonly DailyBar[]>>;
  readonly dvol: readonly DvolPoint[];
}

/** The data cannot support a scenario (missing reference prices, a suspect print, ...). */
export class HistoricalDerivationError extends MarginfallError {
  override readonly name = 'HistoricalDerivationError';
}

const STAR_RULE =
  'worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; ' +
  'proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst ' +
  'move is a conservative default rather than an outlier';

const STABLECOIN_NOT_APPLICABLE = 'not applicable: a stablecoin moves by its shock only (MODEL.md §6)';

interface EventVol {
  readonly vol: number;
  readonly source: string;
  readonly sources: readonly string[];
}

interface Measured {
  readonly shock: number;
  readonly source: string;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

const round = (value: number): number => roundTo(value, DERIVATION_SETTINGS.decimals);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

class PriceTable {
  private readonly byAsset = new Map<PriceAsset, ReadonlyMap<string, DailyBar>>();

  constructor(prices: HistoricalInputs['prices']) {
    for (const asset of PRICE_ASSETS) {
      this.byAsset.set(asset, new Map((prices[asset] ?? []).map((bar) => [bar.day, bar])));
    }
  }

  bar(asset: PriceAsset, day: string): DailyBar | undefined {
    return this.byAsset.get(asset)?.get(day);
  }

  firstDay(asset: PriceAsset): string {
    let first: string | undefined;
    for (const day of this.byAsset.get(asset)?.keys() ?? [])
      if (first === undefined || day < first) first = day;
    return first ?? 'none';
  }

  /** Daily log returns of the asset and the reference on the days both have today's and yesterday's close. */
  logReturnPairs(asset: PriceAsset, first: string, last: string): { x: number[]; y: number[] } {
    const x: number[] = [];
    const y: number[] = [];
    for (const day of daysBetween(first, last)) {
      const yesterday = addDays(day, -1);
      const a0 = this.bar(asset, yesterday);
      const a1 = this.bar(asset, day);
      const r0 = this.bar(REFERENCE_ASSET, yesterday);
      const r1 = this.bar(REFERENCE_ASSET, day);
      if (a0 && a1 && r0 && r1) {
        x.push(Math.log(r1.close / r0.close));
        y.push(Math.log(a1.close / a0.close));
      }
    }
    return { x, y };
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Annualised (×√365) sample s.d. of the reference's daily log returns over `days` days to `lastDay`. */
function realisedVol(table: PriceTable, lastDay: string, days: number): number {
  const returns: number[] = [];
  for (const day of daysBetween(addDays(lastDay, 1 - days), lastDay)) {
    const today = table.bar(REFERENCE_ASSET, day);
    const yesterday = table.bar(REFERENCE_ASSET, addDays(day, -1));
    if (!today || !yesterday)
      throw new HistoricalDerivationError(`no ${REFERENCE_ASSET} close around ${day}`);
    returns.push(Math.log(today.close / yesterday.close));
  }
  const m = mean(returns);
  const variance = returns.reduce((sum, r) => sum + (r - m) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance * 365);
}

interface Beta {
  readonly beta: number;
  readonly observations: number;
}

function realisedBeta(table: PriceTable, asset: PriceAsset): Beta {
  const [first, last] = DERIVATION_SETTINGS.betaPeriod;
  const { x, y } = table.logReturnPairs(asset, first, last);
  if (x.length < 250) {
    throw new HistoricalDerivationError(
      `${asset}: only ${x.length} daily returns in ${first}..${last} for a beta`,
    );
  }
  const mx = mean(x);
  const my = mean(y);
  let covariance = 0;
  let variance = 0;
  x.forEach((xi, i) => {
    covariance += (xi - mx) * ((y[i] ?? my) - my);
    variance += (xi - mx) ** 2;
  });
  return { beta: roundTo(covariance / variance, DERIVATION_SETTINGS.betaDecimals), observations: x.length };
}

function dvolVol(event: HistoricalEvent, preDay: string, dvol: ReadonlyMap<string, number>, reason?: string) {
  const pre = dvol.get(preDay);
  if (pre === undefined) throw new HistoricalDerivationError(`${event.label}: no DVOL on ${preDay}`);
  let peak: { day: string; value: number } | undefined;
  for (const day of daysBetween(event.window[0], event.window[1])) {
    const value = dvol.get(day);
    if (value !== undefined && (peak === undefined || value > peak.value)) peak = { day, value };
  }
  if (!peak) throw new HistoricalDerivationError(`${event.label}: no DVOL inside the window`);
  const vol = round(peak.value / pre - 1);
  const source =
    `Deribit DVOL ${pre} on ${preDay} (pre-window${reason ? `: ${reason}` : ''}) → peak ${peak.value} on ` +
    `${peak.day} within ${event.window[0]}..${event.window[1]}; v = ${peak.value}/${pre} − 1 = ${vol}`;
  return { vol, source };
}

/** One vol shock per event; DVOL-measured events first, since the fallback uses their maximum. */
function deriveEventVols(
  events: readonly HistoricalEvent[],
  table: PriceTable,
  dvol: ReadonlyMap<string, number>,
): ReadonlyMap<HistoricalEvent, EventVol> {
  const vols = new Map<HistoricalEvent, EventVol>();
  let largest: { event: HistoricalEvent; vol: number; source: string } | undefined;
  for (const event of events) {
    if (event.vol.method !== 'dvol') continue;
    const preDay = event.vol.preDay ?? addDays(event.window[0], -1);
    const { vol, source } = dvolVol(event, preDay, dvol, event.vol.preDayReason);
    vols.set(event, { vol, source, sources: [DVOL_SOURCE] });
    if (!largest || vol > largest.vol) largest = { event, vol, source };
  }
  for (const event of events) {
    const spec = event.vol;
    if (spec.method === 'implied-peak-vs-realised') {
      const baseDate = addDays(event.window[0], -1);
      const days = DERIVATION_SETTINGS.realisedVolDays;
      const pre = roundTo(realisedVol(table, baseDate, days), 4);
      const vol = round(spec.peakImpliedVol / pre - 1);
      const source =
        `${spec.source}; pre-event level = ${REFERENCE_ASSET} ${days}-day realised vol to ${baseDate} from the ` +
        `price file, ${pre} (EVENTS.md gives no pre-event implied vol); v = ${spec.peakImpliedVol}/${pre} − 1 = ${vol}`;
      vols.set(event, { vol, source, sources: [spec.source] });
    } else if (spec.method === 'largest-dvol-event') {
      if (!largest)
        throw new HistoricalDerivationError(`${event.label}: no DVOL-measured event to fall back on`);
      const source = `${spec.reason}: ${largest.event.name} ${largest.event.label}, v = ${largest.vol} (${largest.source})`;
      vols.set(event, { vol: largest.vol, source, sources: [DVOL_SOURCE] });
    }
  }
  return vols;
}

function measure(
  table: PriceTable,
  asset: PriceAsset,
  method: HistoricalMethod,
  baseDate: string,
  days: readonly string[],
): Measured | undefined {
  const base = table.bar(asset, baseDate);
  const bars = days.map((day) => table.bar(asset, day));
  if (!base || bars.some((bar) => bar === undefined)) return undefined;
  const present = bars as DailyBar[];
  if (method === 'close-to-close') {
    const last = present[present.length - 1] as DailyBar;
    const shock = round(last.close / base.close - 1);
    return {
      shock,
      source: `${asset}USDT_1d.csv close ${last.close} on ${last.day} / close ${base.close} on ${baseDate} − 1 = ${shock} (${percent(shock)})`,
    };
  }
  const lowest = present.reduce((worst, bar) => (bar.low < worst.low ? bar : worst));
  const shock = round(lowest.low / base.close - 1);
  return {
    shock,
    source: `${asset}USDT_1d.csv low ${lowest.low} on ${lowest.day} / close ${base.close} on ${baseDate} − 1 = ${shock} (${percent(shock)})`,
  };
}

interface Context {
  readonly table: PriceTable;
  readonly vols: ReadonlyMap<HistoricalEvent, EventVol>;
  readonly betas: Map<PriceAsset, Beta>;
}

function buildScenario(
  event: HistoricalEvent,
  method: HistoricalMethod,
  context: Context,
): HistoricalScenario {
  const { table } = context;
  const [firstDay, lastDay] = method === 'close-to-close' ? [event.keyDay, event.keyDay] : event.window;
  const baseDate = addDays(firstDay, -1);
  const days = daysBetween(firstDay, lastDay);
  const eventVol = context.vols.get(event);
  if (!eventVol) throw new HistoricalDerivationError(`${event.label}: no vol shock`);
  const liquidity = LIQUIDITY_BY_METHOD[method];
  const liquiditySource = `${liquidity.rationale} (EVENTS.md, Liquidity in stress [ART])`;
  const sources = new Set<string>([PRICE_SOURCE, ...eventVol.sources, DEPTH_FACT, ...event.facts]);

  const reference = measure(table, REFERENCE_ASSET, method, baseDate, days);
  if (!reference)
    throw new HistoricalDerivationError(
      `${event.label}: no ${REFERENCE_ASSET} prices ${baseDate}..${lastDay}`,
    );

  const shocks: Record<string, ScenarioShockEntry> = {};
  const perAsset: Record<string, AssetProvenance> = {};
  const observedAlts: { asset: PriceAsset; shock: number }[] = [];
  const sharedVolSource = `${REFERENCE_ASSET}'s relative vol shock ${eventVol.vol} (BTC implied vol is the only implied-vol series in the data)`;

  for (const asset of PRICE_ASSETS) {
    const volSource = asset === REFERENCE_ASSET ? eventVol.source : sharedVolSource;
    const measured = measure(table, asset, method, baseDate, days);
    const override =
      method === 'worst-intraday-low' ? event.lowOverrides.find((o) => o.asset === asset) : undefined;
    let shock: number;
    let provenance: AssetProvenance;
    if (measured) {
      if (override) {
        shock = override.shock;
        sources.add(override.source);
      } else if (measured.shock < DERIVATION_SETTINGS.suspectLow) {
        throw new HistoricalDerivationError(
          `${event.label} ${asset}: ${measured.source} is below ${DERIVATION_SETTINGS.suspectLow}; add a documented override if it is not a bad print`,
        );
      } else {
        shock = measured.shock;
      }
      provenance = {
        shockSource: override ? `${override.source} (data: ${measured.source})` : measured.source,
        volSource,
        liquiditySource,
      };
      if (asset !== REFERENCE_ASSET) observedAlts.push({ asset, shock });
    } else {
      let beta = context.betas.get(asset);
      if (!beta) {
        beta = realisedBeta(table, asset);
        context.betas.set(asset, beta);
      }
      shock = round((1 + reference.shock) ** beta.beta - 1);
      const [from, to] = DERIVATION_SETTINGS.betaPeriod;
      const reason =
        `no ${asset} bars for ${baseDate}..${lastDay} (price file starts ${table.firstDay(asset)}); ` +
        `beta = OLS slope of ${asset}'s daily log returns on ${REFERENCE_ASSET}'s over ${from}..${to} ` +
        `(${beta.observations} days, first two full years with all eight price files), applied in log space`;
      provenance = {
        shockSource: `proxy: (1 + ${reference.shock})^${beta.beta} − 1 = ${shock} (${REFERENCE_ASSET}: ${reference.source})`,
        volSource,
        liquiditySource,
        proxied: { beta: beta.beta, reason },
      };
      sources.add(
        `Proxy betas: OLS slope of daily log returns on ${REFERENCE_ASSET}, ${from}..${to}, computed from the price files`,
      );
    }
    shocks[asset] = { shock, vol: eventVol.vol, liquidity: liquidity.liquidity };
    perAsset[asset] = provenance;
  }

  const worst = observedAlts.reduce<{ asset: PriceAsset; shock: number } | undefined>(
    (acc, alt) => (acc === undefined || alt.shock < acc.shock ? alt : acc),
    undefined,
  );
  if (!worst)
    throw new HistoricalDerivationError(`${event.label}: no observed non-${REFERENCE_ASSET} asset for "*"`);
  shocks['*'] = { shock: worst.shock, vol: eventVol.vol, liquidity: liquidity.liquidity };
  perAsset['*'] = {
    shockSource: `${worst.asset}'s move, the worst of ${observedAlts.map((a) => `${a.asset} ${a.shock}`).join(', ')}`,
    volSource: sharedVolSource,
    liquiditySource,
  };

  for (const stable of event.stablecoins) {
    shocks[stable.asset] = { shock: round(stable.level - 1) };
    perAsset[stable.asset] = {
      shockSource: `${stable.source}; shock = ${stable.level} − 1`,
      volSource: STABLECOIN_NOT_APPLICABLE,
      liquiditySource: STABLECOIN_NOT_APPLICABLE,
    };
    sources.add(stable.source);
  }

  const isC2c = method === 'close-to-close';
  const span = firstDay === lastDay ? firstDay : `${firstDay}..${lastDay}`;
  return {
    id: `hist-${event.window[0]}-${isC2c ? 'c2c' : 'low'}`,
    name: `${event.name} ${event.label}: ${isC2c ? 'close-to-close' : 'worst intraday low'} ${span}`,
    kind: 'historical',
    window: [baseDate, lastDay],
    shocks,
    metadata: {
      description: isC2c
        ? `Close of the key day ${lastDay} against the close of ${baseDate}, per asset.`
        : `Lowest intraday low over ${span} against the close of ${baseDate}, per asset.`,
      event: `${event.name} (${event.label})`,
      method,
      baseDate,
      firstDay,
      lastDay,
      starRule: STAR_RULE,
      sources: [...sources],
      perAsset,
      notes: [event.dating, ...event.notes],
    },
  };
}

/**
 * Two scenarios per event (close-to-close on the key day, then worst intraday low over the
 * window), events in the given order.
 */
export function deriveHistoricalLibrary(
  inputs: HistoricalInputs,
  events: readonly HistoricalEvent[] = HISTORICAL_EVENTS,
): HistoricalScenarioDocument {
  const table = new PriceTable(inputs.prices);
  const dvol = new Map(inputs.dvol.map((point) => [point.day, point.value]));
  const context: Context = { table, vols: deriveEventVols(events, table, dvol), betas: new Map() };
  return {
    scenarios: events.flatMap((event) => [
      buildScenario(event, 'close-to-close', context),
      buildScenario(event, 'worst-intraday-low', context),
    ]),
  };
}
