/**
 * Book validation (MODEL.md §1.2, §1.4). The smallest enclosing invalid record is dropped and
 * listed with its path; the rest of the book is used. Document-level fields fail the calculation.
 *
 * Where the spec is silent (see functions/core/README.md, "Conservative readings"):
 * - a client needs a non-empty string `id` and a `subaccounts` list; a later client with an id
 *   already seen is rejected (the first valid one is kept, as for venues);
 * - a subaccount's `collateral` (object) and `positions` (list) may be absent (= empty) but not
 *   of another type;
 * - `entry` may be any finite number (it is a traded level, not a market price: the public medium
 *   example carries a negative one and accepts it); `strike` must be > 0; `qty` may be 0.
 */
import { type IsoDate, parseIsoDate, yearFraction } from '../dates.js';
import { AsOfMismatchError, InvalidDocumentError } from '../errors.js';
import type {
  Book,
  Client,
  CollateralBalance,
  FuturePosition,
  MarginMode,
  OptionPosition,
  PerpPosition,
  Position,
  Subaccount,
} from '../model/book.js';
import { type AssetQuote, type Market, USD } from '../model/market.js';
import type { RecordCount, ValidationLog } from '../model/rejection.js';
import type { OptionRight } from '../pricing/black-scholes.js';
import {
  describeValue,
  type FieldResult,
  isObject,
  type JsonObject,
  readChoice,
  readNumber,
  readString,
} from './fields.js';

export interface BookRecordCounts {
  readonly clients: RecordCount;
  readonly subaccounts: RecordCount;
  readonly positions: RecordCount;
  readonly collateral: RecordCount;
}

export interface ValidatedBook {
  readonly book: Book;
  readonly counts: BookRecordCounts;
}

class Counter {
  received = 0;
  accepted = 0;
  count(): RecordCount {
    return { received: this.received, accepted: this.accepted, rejected: this.received - this.accepted };
  }
}

type Fail = { readonly ok: false; readonly reason: string };

/** Resolves asset symbols against the validated market, explaining why a symbol is unusable. */
class AssetDirectory {
  private readonly quotes: ReadonlyMap<string, AssetQuote>;
  constructor(
    market: Market,
    private readonly rejectedAssets: ReadonlySet<string>,
  ) {
    this.quotes = new Map(market.assets.map((quote) => [quote.symbol, quote]));
  }

  /** Why `symbol` cannot be used at all, or undefined when it is USD or a valid market asset. */
  unusable(symbol: string): string | undefined {
    if (symbol === USD || this.quotes.has(symbol)) return undefined;
    if (this.rejectedAssets.has(symbol))
      return `asset ${symbol} was rejected in the market (assets.${symbol})`;
    return `unknown asset ${symbol}: not in the market snapshot`;
  }

  kind(symbol: string): 'crypto' | 'stablecoin' | 'usd' {
    return symbol === USD ? 'usd' : (this.quotes.get(symbol)?.kind ?? 'crypto');
  }
}

function fail(reason: string): Fail {
  return { ok: false, reason };
}

const POSITION_TYPES = ['perp', 'future', 'option'] as const;
const OPTION_RIGHTS: readonly OptionRight[] = ['call', 'put'];
const MARGIN_MODES: readonly MarginMode[] = ['standard', 'portfolio'];

function validatePosition(raw: unknown, assets: AssetDirectory, dates: DateReader): FieldResult<Position> {
  if (!isObject(raw)) return fail('a position must be an object');
  const type = readChoice(raw, 'type', POSITION_TYPES);
  if (!type.ok) return type;
  const asset = readString(raw, 'asset');
  if (!asset.ok) return asset;
  const unusable = assets.unusable(asset.value);
  if (unusable) return fail(unusable);
  const kind = assets.kind(asset.value);
  if (kind !== 'crypto') {
    return fail(
      `the underlying ${asset.value} is ${kind === 'usd' ? 'the numeraire' : 'a stablecoin'}; only crypto assets can be underlyings`,
    );
  }
  const qty = readNumber(raw, 'qty');
  if (!qty.ok) return qty;
  switch (type.value) {
    case 'perp': {
      const entry = readNumber(raw, 'entry');
      if (!entry.ok) return entry;
      const position: PerpPosition = { type: 'perp', asset: asset.value, qty: qty.value, entry: entry.value };
      return { ok: true, value: position };
    }
    case 'future': {
      const entry = readNumber(raw, 'entry');
      if (!entry.ok) return entry;
      const expiry = dates.readExpiry(raw);
      if (!expiry.ok) return expiry;
      const position: FuturePosition = {
        type: 'future',
        asset: asset.value,
        qty: qty.value,
        entry: entry.value,
        expiry: expiry.value,
      };
      return { ok: true, value: position };
    }
    case 'option': {
      const right = readChoice(raw, 'right', OPTION_RIGHTS);
      if (!right.ok) return right;
      const strike = readNumber(raw, 'strike', { above: 0 });
      if (!strike.ok) return strike;
      const expiry = dates.readExpiry(raw);
      if (!expiry.ok) return expiry;
      const position: OptionPosition = {
        type: 'option',
        asset: asset.value,
        qty: qty.value,
        right: right.value,
        strike: strike.value,
        expiry: expiry.value,
      };
      return { ok: true, value: position };
    }
  }
}

/**
 * Expiry dates, read once per distinct text: a book repeats a handful of expiries across
 * hundreds of thousands of positions.
 */
class DateReader {
  private readonly parsed = new Map<string, FieldResult<IsoDate>>();
  private readonly expired = new Map<IsoDate, boolean>();

  constructor(private readonly asOf: IsoDate) {}

  readExpiry(raw: JsonObject): FieldResult<IsoDate> {
    const text = raw.expiry;
    if (typeof text !== 'string') return expiryResult(text);
    let result = this.parsed.get(text);
    if (!result) {
      result = expiryResult(text);
      this.parsed.set(text, result);
    }
    return result;
  }

  /** τ ≤ 0 (MODEL.md §0). */
  isExpired(expiry: IsoDate): boolean {
    let expired = this.expired.get(expiry);
    if (expired === undefined) {
      expired = yearFraction(this.asOf, expiry) <= 0;
      this.expired.set(expiry, expired);
    }
    return expired;
  }
}

function expiryResult(value: unknown): FieldResult<IsoDate> {
  const expiry = parseIsoDate(value);
  if (expiry) return { ok: true, value: expiry };
  return fail(
    value === undefined
      ? 'expiry is missing'
      : `expiry must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`,
  );
}

class BookValidator {
  readonly clients = new Counter();
  readonly subaccounts = new Counter();
  readonly positions = new Counter();
  readonly collateral = new Counter();

  private readonly dates: DateReader;

  constructor(
    private readonly assets: AssetDirectory,
    private readonly asOf: IsoDate,
    private readonly log: ValidationLog,
  ) {
    this.dates = new DateReader(asOf);
  }

  /** Counts the records inside a dropped parent as received and rejected (not listed separately). */
  private countDroppedChildren(rawSubaccount: unknown): void {
    if (!isObject(rawSubaccount)) return;
    if (Array.isArray(rawSubaccount.positions)) this.positions.received += rawSubaccount.positions.length;
    if (isObject(rawSubaccount.collateral))
      this.collateral.received += Object.keys(rawSubaccount.collateral).length;
  }

  client(raw: unknown, index: number, seenIds: Set<string>): Client | undefined {
    const path = `clients[${index}]`;
    this.clients.received++;
    const reject = (reason: string, clientId?: string) => {
      if (isObject(raw) && Array.isArray(raw.subaccounts)) {
        this.subaccounts.received += raw.subaccounts.length;
        for (const sub of raw.subaccounts) this.countDroppedChildren(sub);
      }
      this.log.reject({ document: 'book', path, reason, ...(clientId === undefined ? {} : { clientId }) });
      return undefined;
    };
    if (!isObject(raw)) return reject('a client must be an object');
    const id = readString(raw, 'id');
    if (!id.ok) return reject(id.reason);
    if (seenIds.has(id.value))
      return reject(`duplicate client id ${id.value}: the first one is kept`, id.value);
    if (!Array.isArray(raw.subaccounts)) return reject('subaccounts must be a list', id.value);
    seenIds.add(id.value);
    this.clients.accepted++;

    const venues = new Set<string>();
    const subaccounts: Subaccount[] = [];
    const rawSubaccounts: readonly unknown[] = raw.subaccounts;
    for (let j = 0; j < rawSubaccounts.length; j++) {
      const sub = this.subaccount(rawSubaccounts[j], `${path}.subaccounts[${j}]`, id.value, venues);
      if (sub) subaccounts.push(sub);
    }
    return { id: id.value, subaccounts };
  }

  private subaccount(
    raw: unknown,
    path: string,
    clientId: string,
    venues: Set<string>,
  ): Subaccount | undefined {
    this.subaccounts.received++;
    const venueValue = isObject(raw) && typeof raw.venue === 'string' ? raw.venue : undefined;
    const reject = (reason: string) => {
      this.countDroppedChildren(raw);
      this.log.reject({
        document: 'book',
        path,
        reason,
        clientId,
        ...(venueValue === undefined ? {} : { venue: venueValue }),
      });
      return undefined;
    };
    if (!isObject(raw)) return reject('a subaccount must be an object');
    const venue = readString(raw, 'venue');
    if (!venue.ok) return reject(venue.reason);
    const mode = readChoice(raw, 'marginMode', MARGIN_MODES);
    if (!mode.ok) return reject(mode.reason);
    if (raw.collateral !== undefined && !isObject(raw.collateral)) {
      return reject('collateral must be an object of asset → quantity');
    }
    if (raw.positions !== undefined && !Array.isArray(raw.positions))
      return reject('positions must be a list');
    if (venues.has(venue.value)) {
      return reject(
        `duplicate venue ${venue.value} for client ${clientId}: the first valid subaccount is kept`,
      );
    }
    venues.add(venue.value);
    this.subaccounts.accepted++;

    const collateral: CollateralBalance[] = [];
    const rawCollateral = (raw.collateral ?? {}) as JsonObject;
    for (const asset of Object.keys(rawCollateral)) {
      const qty = rawCollateral[asset];
      this.collateral.received++;
      const reason =
        this.assets.unusable(asset) ??
        (typeof qty === 'number' && Number.isFinite(qty)
          ? undefined
          : `collateral quantity must be a finite number, got ${describeValue(qty)}`);
      if (reason) {
        this.log.reject({
          document: 'book',
          path: `${path}.collateral.${asset}`,
          reason,
          clientId,
          venue: venue.value,
        });
      } else {
        this.collateral.accepted++;
        collateral.push({ asset, qty: qty as number });
      }
    }

    const positions: Position[] = [];
    const rawPositions: readonly unknown[] = Array.isArray(raw.positions) ? raw.positions : [];
    for (let k = 0; k < rawPositions.length; k++) {
      this.positions.received++;
      const position = validatePosition(rawPositions[k], this.assets, this.dates);
      if (!position.ok) {
        this.log.reject({
          document: 'book',
          path: `${path}.positions[${k}]`,
          reason: position.reason,
          clientId,
          venue: venue.value,
        });
        continue;
      }
      this.positions.accepted++;
      positions.push(position.value);
      const p = position.value;
      if (p.type !== 'perp' && this.dates.isExpired(p.expiry)) {
        this.log.warn(
          'book',
          `${path}.positions[${k}]`,
          `expired ${p.type} (expiry ${p.expiry} ≤ asOf ${this.asOf}): kept and valued at ${p.type === 'option' ? 'intrinsic value' : 'spot'}`,
        );
      }
    }
    return { venue: venue.value, marginMode: mode.value, collateral, positions };
  }
}

export function validateBook(
  document: unknown,
  market: Market,
  rejectedAssets: ReadonlySet<string>,
  log: ValidationLog,
): ValidatedBook {
  if (!isObject(document)) throw new InvalidDocumentError('book', '', 'must be a JSON object');
  const asOf = parseIsoDate(document.asOf);
  if (!asOf) throw new InvalidDocumentError('book', 'asOf', 'must be a date YYYY-MM-DD');
  if (asOf !== market.asOf) throw new AsOfMismatchError(asOf, market.asOf);
  const fund = readNumber(document, 'insuranceFund', { atLeast: 0 });
  if (!fund.ok) throw new InvalidDocumentError('book', 'insuranceFund', fund.reason);
  if (!Array.isArray(document.clients))
    throw new InvalidDocumentError('book', 'clients', 'must be a list of clients');

  const validator = new BookValidator(new AssetDirectory(market, rejectedAssets), asOf, log);
  const seenIds = new Set<string>();
  const clients: Client[] = [];
  const rawClients: readonly unknown[] = document.clients;
  for (let i = 0; i < rawClients.length; i++) {
    const client = validator.client(rawClients[i], i, seenIds);
    if (client) clients.push(client);
  }
  return {
    book: { asOf, insuranceFund: fund.value, clients },
    counts: {
      clients: validator.clients.count(),
      subaccounts: validator.subaccounts.count(),
      positions: validator.positions.count(),
      collateral: validator.collateral.count(),
    },
  };
}
