import { readFileSync } from 'node:fs';
import type { HistoricalInputs } from '../../../functions/core/scenarios/derive-historical.js';
import { PRICE_ASSETS, type PriceAsset } from '../../../functions/core/scenarios/historical-events.js';
import {
  type DailyBar,
  parseDailyOhlcCsv,
  parseDvolSeries,
} from '../../../functions/core/scenarios/price-history.js';

/** Reads functions/data/ the way functions/cli/build-scenario-library.ts does. */
export function readHistoricalInputs(): HistoricalInputs {
  const prices = {} as Record<PriceAsset, readonly DailyBar[]>;
  for (const asset of PRICE_ASSETS) {
    const file = new URL(`../../../functions/data/prices/${asset}USDT_1d.csv`, import.meta.url);
    prices[asset] = parseDailyOhlcCsv(readFileSync(file, 'utf8'), `${asset}USDT_1d.csv`);
  }
  const dvolFile = new URL('../../../functions/data/dvol_btc.json', import.meta.url);
  return { prices, dvol: parseDvolSeries(JSON.parse(readFileSync(dvolFile, 'utf8')), 'dvol_btc.json') };
}
