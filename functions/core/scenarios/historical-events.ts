/**
 * The historical stress events and the documented facts the derivation uses. Everything here
 * is quoted from functions/data/EVENTS.md (a copy of the project's event notes); the numbers
 * computed from the price and DVOL files are not here but in derive-historical.ts.
 *
 * Dating convention (it is what makes the [DATA] figures of EVENTS.md come out):
 * - `keyDay`: EVENTS.md's "key-day C2C" is one day's close against the previous day's close.
 * - `window`: EVENTS.md's "worst low vs base" is the lowest intraday low over these days against
 *   the close of the day before `window[0]`. An EVENTS.md window written "03-12/13" covers
 *   both days (the Black Thursday low printed on 03-13).
 */

export const PRICE_ASSETS = ['BTC', 'ETH', 'SOL', 'XRP', 'BNB', 'DOGE', 'LINK', 'AVAX'] as const;
export type PriceAsset = (typeof PRICE_ASSETS)[number];

/** The asset every proxy and the implied-vol series refer to. */
export const REFERENCE_ASSET: PriceAsset = 'BTC';

export const PRICE_SOURCE =
  'Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from ' +
  'github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)';

export const DVOL_SOURCE =
  'Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, ' +
  'historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)';

export const DEPTH_FACT =
  'EVENTS.md, Liquidity in stress [ART]: "order-book depth fell 13–74% per venue in FTX (2022-11) and SVB ' +
  '(2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours ' +
  'and up to −98% for minutes inside cascades"';

/**
 * Liquidity multiplier per method, the same for every crypto asset (EVENTS.md gives venue-level
 * depth falls, not per-asset ones).
 */
export const LIQUIDITY_BY_METHOD = {
  'close-to-close': {
    liquidity: 0.5,
    rationale:
      'λ = 0.5: depth −50% ("about −50% within two hours"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees',
  },
  'worst-intraday-low': {
    liquidity: 0.26,
    rationale:
      'λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used',
  },
} as const;

/**
 * Settings of the computed parts.
 * - betaPeriod: a proxied asset's beta is the OLS slope of its daily log returns on BTC's over
 *   these days — the first two full calendar years in which all eight price files have data
 *   (AVAX starts 2020-09-22), covering both the 2021 rally and the 2022 deleveraging.
 * - realisedVolDays: length of the BTC realised-vol window used as the pre-event vol level when
 *   EVENTS.md gives only a peak implied vol (close-to-close log returns, sample s.d., ×√365).
 * - suspectLow: a worst-low return below this without an explicit override is refused as a
 *   probable bad print (Black Thursday LINK printed 0.0001).
 * - decimals: shocks and vol shocks are rounded to this many decimals (far below daily-data
 *   precision; keeps the generated file identical across platforms' libm).
 */
export const DERIVATION_SETTINGS = {
  betaPeriod: ['2021-01-01', '2022-12-31'],
  betaDecimals: 3,
  realisedVolDays: 30,
  suspectLow: -0.9,
  decimals: 6,
} as const;

/** How an event's relative vol shock v is obtained (one v per event, for every crypto asset). */
export type EventVolSpec =
  /** v = max DVOL over the window / DVOL on `preDay` (default: the day before the window) − 1. */
  | { readonly method: 'dvol'; readonly preDay?: string; readonly preDayReason?: string }
  /**
   * v = documented peak implied vol / BTC realised vol over `realisedVolDays` to the base date − 1
   * (EVENTS.md gives no pre-event implied vol for these events).
   */
  | { readonly method: 'implied-peak-vs-realised'; readonly peakImpliedVol: number; readonly source: string }
  /** No implied-vol fact: the largest v measured from DVOL among the library's events. */
  | { readonly method: 'largest-dvol-event'; readonly reason: string };

/** A stablecoin's documented worst level in the window; shock = level − 1 (peg 1 USD). */
export interface StablecoinFact {
  readonly asset: string;
  readonly level: number;
  readonly source: string;
}

/** Replaces an asset's computed worst-low return when the daily low is a known bad print. */
export interface LowOverride {
  readonly asset: PriceAsset;
  readonly shock: number;
  readonly source: string;
}

export interface HistoricalEvent {
  /** Short name, e.g. "Black Thursday". */
  readonly name: string;
  /** EVENTS.md's label of the window, e.g. "2020-03-12/13". */
  readonly label: string;
  /** First and last UTC day of the worst-low window. */
  readonly window: readonly [string, string];
  /** The UTC day of the close-to-close scenario. */
  readonly keyDay: string;
  /** Which EVENTS.md figures these dates reproduce. */
  readonly dating: string;
  readonly vol: EventVolSpec;
  readonly stablecoins: readonly StablecoinFact[];
  readonly lowOverrides: readonly LowOverride[];
  /** Further [ART]/[DATA] facts of EVENTS.md kept with the scenario as context. */
  readonly facts: readonly string[];
  readonly notes: readonly string[];
}

const NO_IV_FACT =
  'EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the ' +
  'library is used as a conservative stand-in';

const USDT_QUOTE_NOTE =
  'Prices are quoted in USDT; USDT traded down to 0.9485 USD on 2022-05-12, so USD-denominated crypto falls ' +
  'were up to about 5% larger than the USDT-quoted ones used here.';

export const HISTORICAL_EVENTS: readonly HistoricalEvent[] = [
  {
    name: 'Black Thursday',
    label: '2020-03-12/13',
    window: ['2020-03-12', '2020-03-13'],
    keyDay: '2020-03-12',
    dating:
      'EVENTS.md key-day C2C −39.5% (BTC) / −44.6% (ETH) is the close of 2020-03-12 against 2020-03-11; the worst low −52.3% (3,782) printed on 2020-03-13, so the low window is 2020-03-12..13.',
    vol: {
      method: 'implied-peak-vs-realised',
      peakImpliedVol: 1.84,
      source:
        'EVENTS.md Black Thursday [ART]: "1M ATM IV ~180–184% on 03-16 (Skew); 10d realised 313%" — the upper end, 184%, is the peak',
    },
    stablecoins: [],
    lowOverrides: [
      {
        asset: 'LINK',
        shock: -0.57,
        source:
          'EVENTS.md Black Thursday: "LINK print 0.0001 (bad wick; 1h-close −57%)" — the daily low 0.0001 is a bad print; the 1h-close fall −57% replaces it',
      },
    ],
    facts: [
      'EVENTS.md Black Thursday [ART]: liquidations "BitMEX >$700m first leg; >$1bn longs/24h; CoinGlass \'$1.2bn\'"',
      'EVENTS.md Black Thursday [ART]: "BitMEX offline (reported ~1h; BitMEX cited a hardware issue); MakerDAO zero-bid auctions"',
      'EVENTS.md Black Thursday: BTC key-day C2C "CMC −37.2%" (other price source)',
    ],
    notes: ['SOL and AVAX were not yet listed on Binance; their moves are BTC proxies.'],
  },
  {
    name: 'Easter crash',
    label: '2021-04-18',
    window: ['2021-04-18', '2021-04-18'],
    keyDay: '2021-04-18',
    dating: 'EVENTS.md (extra event): BTC −6.4% C2C and −15.1% worst low on 2021-04-18 against 2021-04-17.',
    vol: { method: 'largest-dvol-event', reason: NO_IV_FACT },
    stablecoins: [],
    lowOverrides: [],
    facts: ['EVENTS.md Easter crash [ART]: "~$10bn (Bybt), 927k traders"; "Xinjiang hash-rate outage"'],
    notes: [],
  },
  {
    name: 'China ban',
    label: '2021-05-19',
    window: ['2021-05-19', '2021-05-19'],
    keyDay: '2021-05-19',
    dating: 'EVENTS.md: BTC −14.4% C2C and −30.0% (30,000) worst low on 2021-05-19 against 2021-05-18.',
    vol: {
      method: 'implied-peak-vs-realised',
      peakImpliedVol: 1.465,
      source:
        'EVENTS.md China ban [ART]: "1-wk IV 146.5% on 05-17 (Skew)" — the only implied-vol level given (it precedes the window)',
    },
    stablecoins: [],
    lowOverrides: [],
    facts: [
      'EVENTS.md China ban [ART]: liquidations "$8.6bn (Bybt)"',
      'EVENTS.md China ban [ART]: "Binance, Coinbase, Kraken, Gemini outages"',
    ],
    notes: [],
  },
  {
    name: 'El Salvador day',
    label: '2021-09-07',
    window: ['2021-09-07', '2021-09-07'],
    keyDay: '2021-09-07',
    dating: 'EVENTS.md (extra event): BTC −11.0% C2C and −18.6% worst low on 2021-09-07 against 2021-09-06.',
    vol: { method: 'largest-dvol-event', reason: NO_IV_FACT },
    stablecoins: [],
    lowOverrides: [],
    facts: [
      'EVENTS.md El Salvador [ART]: liquidations "~$3bn in 4h (Bybt); $3.1bn longs/24h (The Block)"',
      'EVENTS.md El Salvador [ART]: "Coinbase, Kraken outages"',
    ],
    notes: [],
  },
  {
    name: 'December 4 weekend',
    label: '2021-12-04',
    window: ['2021-12-04', '2021-12-04'],
    keyDay: '2021-12-04',
    dating: 'EVENTS.md: BTC −8.3% C2C and −21.6% (42,000) worst low on 2021-12-04 against 2021-12-03.',
    vol: { method: 'largest-dvol-event', reason: NO_IV_FACT },
    stablecoins: [],
    lowOverrides: [],
    facts: [
      'EVENTS.md Dec-4 weekend [ART]: liquidations "$2.5–2.58bn, 417k traders"',
      'EVENTS.md Dec-4 weekend [ART]: "BTC-denominated OI 390k→330k BTC"',
    ],
    notes: [],
  },
  {
    name: 'Terra/LUNA',
    label: '2022-05-09..12',
    window: ['2022-05-09', '2022-05-12'],
    keyDay: '2022-05-09',
    dating:
      'EVENTS.md key-day C2C "−11.6% (05-09)" is the close of 2022-05-09 against 2022-05-08; the worst low −21.6% (26,700) printed on 2022-05-12, against the close of 2022-05-08.',
    vol: { method: 'largest-dvol-event', reason: NO_IV_FACT },
    stablecoins: [
      {
        asset: 'USDT',
        level: 0.9485,
        source: 'EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: "USDT low 0.9485 (2022-05-12)"',
      },
    ],
    lowOverrides: [],
    facts: [
      'EVENTS.md Terra/LUNA [ART]: liquidations ">$700m/24h (05-11/12); largest $20m ETH-USDT Binance"',
      'EVENTS.md Terra/LUNA [DATA]: "UST close 0.793 (05-09), low 0.300 (05-11), close 0.154 (05-13)"',
    ],
    notes: [
      'UST is not named: it no longer trades; a book that still holds it should add it by hand (low 0.300 on 2022-05-11).',
      USDT_QUOTE_NOTE,
    ],
  },
  {
    name: 'Celsius/3AC',
    label: '2022-06-13..18',
    window: ['2022-06-13', '2022-06-18'],
    keyDay: '2022-06-13',
    dating:
      'EVENTS.md key-day C2C "−15.4% (06-13)" is the close of 2022-06-13 against 2022-06-12; the worst low −33.7% is "17,622 on 06-18", against the close of 2022-06-12.',
    vol: { method: 'largest-dvol-event', reason: NO_IV_FACT },
    stablecoins: [],
    lowOverrides: [],
    facts: [
      'EVENTS.md Celsius/3AC [ART]: liquidations "~$940m/24h on 06-13 (64% long)"',
      'EVENTS.md Celsius/3AC [ART]: "Celsius halt 06-12 late; Binance paused BTC withdrawals; stETH discount >6%"',
    ],
    notes: [],
  },
  {
    name: 'FTX',
    label: '2022-11-08..09',
    window: ['2022-11-08', '2022-11-09'],
    keyDay: '2022-11-09',
    dating:
      'EVENTS.md key-day C2C "−14.1% (11-09), −9.9% (11-08)": the key day is 2022-11-09 against 2022-11-08; the worst low −24.3% (15,588) is against the close of 2022-11-07.',
    vol: { method: 'dvol' },
    stablecoins: [],
    lowOverrides: [],
    facts: [
      'EVENTS.md FTX [DATA]: "DVOL 59.5 → 114.7 (11-09 close)"; [ART] "ETH DVOL >150"',
      'EVENTS.md FTX [ART]: liquidations "$717m/day 11-08 (CoinGlass); \'$1.6bn\' FTX-event total (CoinGlass comparison)"',
      'EVENTS.md FTX: "Binance funding −0.119%/8h (11-10) [DATA]; FTX withdrawal halt"',
    ],
    notes: [],
  },
  {
    name: 'USDC/SVB',
    label: '2023-03-09..11',
    window: ['2023-03-09', '2023-03-11'],
    keyDay: '2023-03-10',
    dating:
      'EVENTS.md key-day C2C "−1.0% (03-10), −6.2% (03-09)": the key day is 2023-03-10 against 2023-03-09; the worst low −9.9% (19,549) and the DVOL base 50.1 are against 2023-03-08, so the window starts 2023-03-09 (from 2023-03-10 the BTC worst low would be −4.0%).',
    vol: { method: 'dvol' },
    stablecoins: [
      {
        asset: 'USDC',
        level: 0.8774,
        source:
          'EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: "USDC low 0.8774 (2023-03-11), close 0.9715" — the low is used',
      },
      {
        asset: 'DAI',
        level: 0.88,
        source:
          'EVENTS.md Stablecoin depeg levels: "DAI about 0.88–0.90 (2023-03-11)"; headline table "DAI ~0.88–0.897 [ART]" — the lower end is used',
      },
    ],
    lowOverrides: [],
    facts: [
      'EVENTS.md USDC/SVB [DATA]: "DVOL 50.1 → 59.8 (03-11), 73.3 (03-19)"',
      'EVENTS.md USDC/SVB [ART]: "FRAX 0.885; Coinbase & Binance paused USDC conversions"; total liquidations "– (not found)"',
    ],
    notes: [
      'The stablecoin levels are the documented worst levels in the window; both scenarios carry them.',
    ],
  },
  {
    name: 'Yen carry unwind',
    label: '2024-08-05',
    window: ['2024-08-05', '2024-08-05'],
    keyDay: '2024-08-05',
    dating: 'EVENTS.md: BTC −7.1% C2C and −15.8% (49,000) worst low on 2024-08-05 against 2024-08-04.',
    vol: {
      method: 'dvol',
      preDay: '2024-08-01',
      preDayReason:
        'EVENTS.md measures the pre level on 2024-08-01 ("DVOL 49.8 (08-01) → 63.1 (08-05 close)"), before the sell-off began; the 2024-08-04 level (56.1) already holds the weekend\'s stress',
    },
    stablecoins: [],
    lowOverrides: [],
    facts: [
      'EVENTS.md Yen carry [DATA]: "DVOL 49.8 (08-01) → 63.1 (08-05 close)"',
      'EVENTS.md Yen carry [ART]: liquidations "~$1.0–1.1bn; 275k traders; largest $27m BTC/USD Huobi; 87% longs"',
      'EVENTS.md Yen carry [ART]: "BTC futures OI $36.9bn→$26.7bn"; ETH "24h peak→trough −27.8%"',
    ],
    notes: [],
  },
  {
    name: 'Tariff shock / record liquidation',
    label: '2025-10-10/11',
    window: ['2025-10-10', '2025-10-11'],
    keyDay: '2025-10-10',
    dating:
      'EVENTS.md: BTC −7.3% C2C on 2025-10-10 against 2025-10-09; the worst lows (BTC −16.2% at 102,000; AVAX −70.0%, LINK −64.1%) printed on 2025-10-10 in the 21:00 UTC hour; the window "10-10/11" also covers 2025-10-11.',
    vol: { method: 'dvol' },
    stablecoins: [],
    lowOverrides: [],
    facts: [
      'EVENTS.md 2025-10-10 [DATA]: "DVOL 39.7 → 44.1 (10-10) → 50.0 (10-17)"',
      'EVENTS.md 2025-10-10 [ART]: liquidations "$19.13–19.16bn CoinGlass, 1.6m traders, ~$16–16.7bn longs; Hyperliquid $10.3bn; largest single >$203m (Hyperliquid)"',
      'EVENTS.md 2025-10-10 [ART]: "USDe $0.65 on Binance (0.68 per Rena Labs); wBETH/BNSOL depeg; Hyperliquid first cross-margin ADL; Bybit ADL"',
    ],
    notes: [
      "USDe is not named: its 0.65 was one venue's print (Binance), not a market-wide depeg; add it by hand for a venue that accepts it as collateral.",
      'The DVOL peak inside the window is 46.15 on 2025-10-11; EVENTS.md also quotes 44.1 (10-10) and 50.0 (10-17, outside the window).',
    ],
  },
];
