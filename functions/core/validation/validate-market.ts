/**
 * Market snapshot validation (MODEL.md §1.1, §1.4). Document-level fields (`asOf`, `rate`,
 * `assets`) fail the calculation; an invalid asset is rejected as `assets.SYMBOL` and the
 * book records that need it are rejected later (validate-book.ts).
 */
import { parseIsoDate } from '../dates.js';
import { InvalidDocumentError } from '../errors.js';
import { type AssetKind, type AssetQuote, type Market, USD } from '../model/market.js';
import type { ValidationLog } from '../model/rejection.js';
import { ALL_CRYPTO } from '../model/scenario.js';
import { type FieldResult, isObject, readChoice, readNumber } from './fields.js';

export interface ValidatedMarket {
  readonly market: Market;
  /** Symbols present in the document but rejected; records that depend on them are rejected too. */
  readonly rejectedAssets: ReadonlySet<string>;
  readonly received: number;
}

function validateQuote(symbol: string, raw: unknown): FieldResult<AssetQuote> {
  if (!isObject(raw)) return { ok: false, reason: 'must be an object' };
  const kind = readChoice<AssetKind>(raw, 'kind', ['crypto', 'stablecoin']);
  if (!kind.ok) return kind;
  const price = readNumber(raw, 'price', { above: 0 });
  if (!price.ok) return price;
  const vol = readNumber(raw, 'vol', { above: 0 });
  if (!vol.ok) return vol;
  let adv = 0;
  let depth1pct = 0;
  if (kind.value === 'crypto') {
    const advField = readNumber(raw, 'adv', { above: 0 });
    if (!advField.ok) return advField;
    const depthField = readNumber(raw, 'depth1pct', { above: 0 });
    if (!depthField.ok) return depthField;
    adv = advField.value;
    depth1pct = depthField.value;
  }
  return {
    ok: true,
    value: { symbol, kind: kind.value, price: price.value, vol: vol.value, adv, depth1pct },
  };
}

export function validateMarket(document: unknown, log: ValidationLog): ValidatedMarket {
  if (!isObject(document)) throw new InvalidDocumentError('market', '', 'must be a JSON object');
  const asOf = parseIsoDate(document.asOf);
  if (!asOf) throw new InvalidDocumentError('market', 'asOf', 'must be a date YYYY-MM-DD');
  let rate = 0;
  if (document.rate !== undefined) {
    const parsed = readNumber(document, 'rate');
    if (!parsed.ok) throw new InvalidDocumentError('market', 'rate', parsed.reason);
    rate = parsed.value;
  }
  if (!isObject(document.assets))
    throw new InvalidDocumentError('market', 'assets', 'must be an object of assets');

  const assets: AssetQuote[] = [];
  const rejectedAssets = new Set<string>();
  let received = 0;
  for (const [symbol, raw] of Object.entries(document.assets)) {
    if (symbol === USD) {
      log.warn(
        'market',
        `assets.${USD}`,
        'USD is the numeraire (price 1, never shocked); this entry is ignored',
      );
      continue;
    }
    received++;
    const quote: FieldResult<AssetQuote> =
      symbol === ALL_CRYPTO
        ? { ok: false, reason: '"*" is reserved: in params and scenarios it means every crypto asset' }
        : validateQuote(symbol, raw);
    if (quote.ok) assets.push(quote.value);
    else {
      rejectedAssets.add(symbol);
      log.reject({ document: 'market', path: `assets.${symbol}`, reason: quote.reason });
    }
  }
  return { market: { asOf, rate, assets }, rejectedAssets, received };
}
