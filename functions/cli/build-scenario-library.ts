/**
 * Regenerates functions/core/scenarios/historical-library.generated.ts from functions/data/.
 *
 *   npx tsx functions/cli/build-scenario-library.ts           # write the module
 *   npx tsx functions/cli/build-scenario-library.ts --check   # exit 1 if it is stale
 *
 * File I/O only: parsing and derivation live in functions/core/scenarios.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deriveHistoricalLibrary, type HistoricalInputs } from '../core/scenarios/derive-historical.js';
import { PRICE_ASSETS, type PriceAsset } from '../core/scenarios/historical-events.js';
import { type DailyBar, parseDailyOhlcCsv, parseDvolSeries } from '../core/scenarios/price-history.js';
import type { HistoricalScenarioDocument } from '../core/scenarios/scenario-types.js';

const COMMAND = 'npx tsx functions/cli/build-scenario-library.ts';
const dataDir = new URL('../data/', import.meta.url);
const target = new URL('../core/scenarios/historical-library.generated.ts', import.meta.url);

function readInputs(dir: URL): HistoricalInputs {
  const prices = {} as Record<PriceAsset, readonly DailyBar[]>;
  for (const asset of PRICE_ASSETS) {
    const file = new URL(`prices/${asset}USDT_1d.csv`, dir);
    prices[asset] = parseDailyOhlcCsv(readFileSync(file, 'utf8'), fileURLToPath(file));
  }
  const dvolFile = new URL('dvol_btc.json', dir);
  const dvol = parseDvolSeries(JSON.parse(readFileSync(dvolFile, 'utf8')), fileURLToPath(dvolFile));
  return { prices, dvol };
}

function renderModule(document: HistoricalScenarioDocument): string {
  return [
    '// GENERATED FILE: do not edit by hand.',
    `// Regenerate with \`${COMMAND}\` (npm run build:scenarios): it derives the`,
    '// scenarios with functions/core/scenarios/derive-historical.ts from functions/data/ (prices/*.csv,',
    '// dvol_btc.json) and the event facts in historical-events.ts. test/core/scenarios fails if this',
    '// file differs from a fresh derivation.',
    "import type { HistoricalScenarioDocument } from './scenario-types.js';",
    '',
    `export const historicalScenarioDocument: HistoricalScenarioDocument = ${JSON.stringify(document, null, 2)};`,
    '',
  ].join('\n');
}

function main(args: readonly string[]): void {
  const text = renderModule(deriveHistoricalLibrary(readInputs(dataDir)));
  const path = fileURLToPath(target);
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // a missing file is stale
    }
    if (current !== text) {
      console.error(`${path} is stale: run ${COMMAND}`);
      process.exitCode = 1;
    } else {
      console.log(`${path} is up to date`);
    }
    return;
  }
  writeFileSync(target, text);
  console.log(`wrote ${path}`);
}

main(process.argv.slice(2));
