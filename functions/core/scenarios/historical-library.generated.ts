// GENERATED FILE: do not edit by hand.
// Regenerate with `npx tsx functions/cli/build-scenario-library.ts` (npm run build:scenarios): it derives the
// scenarios with functions/core/scenarios/derive-historical.ts from functions/data/ (prices/*.csv,
// dvol_btc.json) and the event facts in historical-events.ts. test/core/scenarios fails if this
// file differs from a fresh derivation.
import type { HistoricalScenarioDocument } from './scenario-types.js';

export const historicalScenarioDocument: HistoricalScenarioDocument = {
  "scenarios": [
    {
      "id": "hist-2020-03-12-c2c",
      "name": "Black Thursday 2020-03-12/13: close-to-close 2020-03-12",
      "kind": "historical",
      "window": [
        "2020-03-11",
        "2020-03-12"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.395048,
          "vol": 2.010964,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.445969,
          "vol": 2.010964,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": -0.42528,
          "vol": 2.010964,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.349013,
          "vol": 2.010964,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.441381,
          "vol": 2.010964,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.2634,
          "vol": 2.010964,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.477822,
          "vol": 2.010964,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.457284,
          "vol": 2.010964,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.477822,
          "vol": 2.010964,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2020-03-12 against the close of 2020-03-11, per asset.",
        "event": "Black Thursday (2020-03-12/13)",
        "method": "close-to-close",
        "baseDate": "2020-03-11",
        "firstDay": "2020-03-12",
        "lastDay": "2020-03-12",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "EVENTS.md Black Thursday [ART]: \"1M ATM IV ~180–184% on 03-16 (Skew); 10d realised 313%\" — the upper end, 184%, is the peak",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Black Thursday [ART]: liquidations \"BitMEX >$700m first leg; >$1bn longs/24h; CoinGlass '$1.2bn'\"",
          "EVENTS.md Black Thursday [ART]: \"BitMEX offline (reported ~1h; BitMEX cited a hardware issue); MakerDAO zero-bid auctions\"",
          "EVENTS.md Black Thursday: BTC key-day C2C \"CMC −37.2%\" (other price source)",
          "Proxy betas: OLS slope of daily log returns on BTC, 2021-01-01..2022-12-31, computed from the price files"
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 4800 on 2020-03-12 / close 7934.52 on 2020-03-11 − 1 = -0.395048 (-39.5%)",
            "volSource": "EVENTS.md Black Thursday [ART]: \"1M ATM IV ~180–184% on 03-16 (Skew); 10d realised 313%\" — the upper end, 184%, is the peak; pre-event level = BTC 30-day realised vol to 2020-03-11 from the price file, 0.6111 (EVENTS.md gives no pre-event implied vol); v = 1.84/0.6111 − 1 = 2.010964",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 107.82 on 2020-03-12 / close 194.61 on 2020-03-11 − 1 = -0.445969 (-44.6%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "proxy: (1 + -0.395048)^1.102 − 1 = -0.42528 (BTC: BTCUSDT_1d.csv close 4800 on 2020-03-12 / close 7934.52 on 2020-03-11 − 1 = -0.395048 (-39.5%))",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])",
            "proxied": {
              "beta": 1.102,
              "reason": "no SOL bars for 2020-03-11..2020-03-12 (price file starts 2020-08-11); beta = OLS slope of SOL's daily log returns on BTC's over 2021-01-01..2022-12-31 (730 days, first two full years with all eight price files), applied in log space"
            }
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 0.13549 on 2020-03-12 / close 0.20813 on 2020-03-11 − 1 = -0.349013 (-34.9%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 9.2566 on 2020-03-12 / close 16.5705 on 2020-03-11 − 1 = -0.441381 (-44.1%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.0015996 on 2020-03-12 / close 0.0021716 on 2020-03-11 − 1 = -0.2634 (-26.3%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 1.9931 on 2020-03-12 / close 3.8169 on 2020-03-11 − 1 = -0.477822 (-47.8%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "proxy: (1 + -0.395048)^1.216 − 1 = -0.457284 (BTC: BTCUSDT_1d.csv close 4800 on 2020-03-12 / close 7934.52 on 2020-03-11 − 1 = -0.395048 (-39.5%))",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])",
            "proxied": {
              "beta": 1.216,
              "reason": "no AVAX bars for 2020-03-11..2020-03-12 (price file starts 2020-09-22); beta = OLS slope of AVAX's daily log returns on BTC's over 2021-01-01..2022-12-31 (730 days, first two full years with all eight price files), applied in log space"
            }
          },
          "*": {
            "shockSource": "LINK's move, the worst of ETH -0.445969, XRP -0.349013, BNB -0.441381, DOGE -0.2634, LINK -0.477822",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C −39.5% (BTC) / −44.6% (ETH) is the close of 2020-03-12 against 2020-03-11; the worst low −52.3% (3,782) printed on 2020-03-13, so the low window is 2020-03-12..13.",
          "SOL and AVAX were not yet listed on Binance; their moves are BTC proxies."
        ]
      }
    },
    {
      "id": "hist-2020-03-12-low",
      "name": "Black Thursday 2020-03-12/13: worst intraday low 2020-03-12..2020-03-13",
      "kind": "historical",
      "window": [
        "2020-03-11",
        "2020-03-13"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.523332,
          "vol": 2.010964,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.558091,
          "vol": 2.010964,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.558029,
          "vol": 2.010964,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.513333,
          "vol": 2.010964,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.614978,
          "vol": 2.010964,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.477574,
          "vol": 2.010964,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.57,
          "vol": 2.010964,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.593827,
          "vol": 2.010964,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.614978,
          "vol": 2.010964,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2020-03-12..2020-03-13 against the close of 2020-03-11, per asset.",
        "event": "Black Thursday (2020-03-12/13)",
        "method": "worst-intraday-low",
        "baseDate": "2020-03-11",
        "firstDay": "2020-03-12",
        "lastDay": "2020-03-13",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "EVENTS.md Black Thursday [ART]: \"1M ATM IV ~180–184% on 03-16 (Skew); 10d realised 313%\" — the upper end, 184%, is the peak",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Black Thursday [ART]: liquidations \"BitMEX >$700m first leg; >$1bn longs/24h; CoinGlass '$1.2bn'\"",
          "EVENTS.md Black Thursday [ART]: \"BitMEX offline (reported ~1h; BitMEX cited a hardware issue); MakerDAO zero-bid auctions\"",
          "EVENTS.md Black Thursday: BTC key-day C2C \"CMC −37.2%\" (other price source)",
          "Proxy betas: OLS slope of daily log returns on BTC, 2021-01-01..2022-12-31, computed from the price files",
          "EVENTS.md Black Thursday: \"LINK print 0.0001 (bad wick; 1h-close −57%)\" — the daily low 0.0001 is a bad print; the 1h-close fall −57% replaces it"
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 3782.13 on 2020-03-13 / close 7934.52 on 2020-03-11 − 1 = -0.523332 (-52.3%)",
            "volSource": "EVENTS.md Black Thursday [ART]: \"1M ATM IV ~180–184% on 03-16 (Skew); 10d realised 313%\" — the upper end, 184%, is the peak; pre-event level = BTC 30-day realised vol to 2020-03-11 from the price file, 0.6111 (EVENTS.md gives no pre-event implied vol); v = 1.84/0.6111 − 1 = 2.010964",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 86 on 2020-03-13 / close 194.61 on 2020-03-11 − 1 = -0.558091 (-55.8%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "proxy: (1 + -0.523332)^1.102 − 1 = -0.558029 (BTC: BTCUSDT_1d.csv low 3782.13 on 2020-03-13 / close 7934.52 on 2020-03-11 − 1 = -0.523332 (-52.3%))",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])",
            "proxied": {
              "beta": 1.102,
              "reason": "no SOL bars for 2020-03-11..2020-03-13 (price file starts 2020-08-11); beta = OLS slope of SOL's daily log returns on BTC's over 2021-01-01..2022-12-31 (730 days, first two full years with all eight price files), applied in log space"
            }
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.10129 on 2020-03-13 / close 0.20813 on 2020-03-11 − 1 = -0.513333 (-51.3%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 6.38 on 2020-03-13 / close 16.5705 on 2020-03-11 − 1 = -0.614978 (-61.5%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.0011345 on 2020-03-13 / close 0.0021716 on 2020-03-11 − 1 = -0.477574 (-47.8%)",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "EVENTS.md Black Thursday: \"LINK print 0.0001 (bad wick; 1h-close −57%)\" — the daily low 0.0001 is a bad print; the 1h-close fall −57% replaces it (data: LINKUSDT_1d.csv low 0.0001 on 2020-03-12 / close 3.8169 on 2020-03-11 − 1 = -0.999974 (-100.0%))",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "proxy: (1 + -0.523332)^1.216 − 1 = -0.593827 (BTC: BTCUSDT_1d.csv low 3782.13 on 2020-03-13 / close 7934.52 on 2020-03-11 − 1 = -0.523332 (-52.3%))",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])",
            "proxied": {
              "beta": 1.216,
              "reason": "no AVAX bars for 2020-03-11..2020-03-13 (price file starts 2020-09-22); beta = OLS slope of AVAX's daily log returns on BTC's over 2021-01-01..2022-12-31 (730 days, first two full years with all eight price files), applied in log space"
            }
          },
          "*": {
            "shockSource": "BNB's move, the worst of ETH -0.558091, XRP -0.513333, BNB -0.614978, DOGE -0.477574, LINK -0.57",
            "volSource": "BTC's relative vol shock 2.010964 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C −39.5% (BTC) / −44.6% (ETH) is the close of 2020-03-12 against 2020-03-11; the worst low −52.3% (3,782) printed on 2020-03-13, so the low window is 2020-03-12..13.",
          "SOL and AVAX were not yet listed on Binance; their moves are BTC proxies."
        ]
      }
    },
    {
      "id": "hist-2021-04-18-c2c",
      "name": "Easter crash 2021-04-18: close-to-close 2021-04-18",
      "kind": "historical",
      "window": [
        "2021-04-17",
        "2021-04-18"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.06427,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.035364,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": 0.301239,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.085116,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.064601,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": 0.141988,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.02089,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.135539,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.135539,
          "vol": 0.928716,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2021-04-18 against the close of 2021-04-17, per asset.",
        "event": "Easter crash (2021-04-18)",
        "method": "close-to-close",
        "baseDate": "2021-04-17",
        "firstDay": "2021-04-18",
        "lastDay": "2021-04-18",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Easter crash [ART]: \"~$10bn (Bybt), 927k traders\"; \"Xinjiang hash-rate outage\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 56150.01 on 2021-04-18 / close 60006.66 on 2021-04-17 − 1 = -0.06427 (-6.4%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 2235.64 on 2021-04-18 / close 2317.6 on 2021-04-17 − 1 = -0.035364 (-3.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 32.3358 on 2021-04-18 / close 24.85 on 2021-04-17 − 1 = 0.301239 (30.1%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 1.40797 on 2021-04-18 / close 1.53896 on 2021-04-17 − 1 = -0.085116 (-8.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 481.4367 on 2021-04-18 / close 514.6861 on 2021-04-17 − 1 = -0.064601 (-6.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.3223299 on 2021-04-18 / close 0.2822532 on 2021-04-17 − 1 = 0.141988 (14.2%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 39.0799 on 2021-04-18 / close 39.9137 on 2021-04-17 − 1 = -0.02089 (-2.1%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 29.3348 on 2021-04-18 / close 33.9342 on 2021-04-17 − 1 = -0.135539 (-13.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "AVAX's move, the worst of ETH -0.035364, SOL 0.301239, XRP -0.085116, BNB -0.064601, DOGE 0.141988, LINK -0.02089, AVAX -0.135539",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md (extra event): BTC −6.4% C2C and −15.1% worst low on 2021-04-18 against 2021-04-17."
        ]
      }
    },
    {
      "id": "hist-2021-04-18-low",
      "name": "Easter crash 2021-04-18: worst intraday low 2021-04-18",
      "kind": "historical",
      "window": [
        "2021-04-17",
        "2021-04-18"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.151239,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.159993,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.150905,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.246244,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.168425,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.150763,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.278443,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.335558,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.335558,
          "vol": 0.928716,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2021-04-18 against the close of 2021-04-17, per asset.",
        "event": "Easter crash (2021-04-18)",
        "method": "worst-intraday-low",
        "baseDate": "2021-04-17",
        "firstDay": "2021-04-18",
        "lastDay": "2021-04-18",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Easter crash [ART]: \"~$10bn (Bybt), 927k traders\"; \"Xinjiang hash-rate outage\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 50931.3 on 2021-04-18 / close 60006.66 on 2021-04-17 − 1 = -0.151239 (-15.1%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 1946.8 on 2021-04-18 / close 2317.6 on 2021-04-17 − 1 = -0.159993 (-16.0%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 21.1 on 2021-04-18 / close 24.85 on 2021-04-17 − 1 = -0.150905 (-15.1%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 1.16 on 2021-04-18 / close 1.53896 on 2021-04-17 − 1 = -0.246244 (-24.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 428 on 2021-04-18 / close 514.6861 on 2021-04-17 − 1 = -0.168425 (-16.8%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.2397 on 2021-04-18 / close 0.2822532 on 2021-04-17 − 1 = -0.150763 (-15.1%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 28.8 on 2021-04-18 / close 39.9137 on 2021-04-17 − 1 = -0.278443 (-27.8%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 22.5473 on 2021-04-18 / close 33.9342 on 2021-04-17 − 1 = -0.335558 (-33.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "AVAX's move, the worst of ETH -0.159993, SOL -0.150905, XRP -0.246244, BNB -0.168425, DOGE -0.150763, LINK -0.278443, AVAX -0.335558",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md (extra event): BTC −6.4% C2C and −15.1% worst low on 2021-04-18 against 2021-04-17."
        ]
      }
    },
    {
      "id": "hist-2021-05-19-c2c",
      "name": "China ban 2021-05-19: close-to-close 2021-05-19",
      "kind": "historical",
      "window": [
        "2021-05-18",
        "2021-05-19"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.143751,
          "vol": 0.692663,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.277372,
          "vol": 0.692663,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": -0.374958,
          "vol": 0.692663,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.334886,
          "vol": 0.692663,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.340789,
          "vol": 0.692663,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.3075,
          "vol": 0.692663,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.383851,
          "vol": 0.692663,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.374861,
          "vol": 0.692663,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.383851,
          "vol": 0.692663,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2021-05-19 against the close of 2021-05-18, per asset.",
        "event": "China ban (2021-05-19)",
        "method": "close-to-close",
        "baseDate": "2021-05-18",
        "firstDay": "2021-05-19",
        "lastDay": "2021-05-19",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "EVENTS.md China ban [ART]: \"1-wk IV 146.5% on 05-17 (Skew)\" — the only implied-vol level given (it precedes the window)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md China ban [ART]: liquidations \"$8.6bn (Bybt)\"",
          "EVENTS.md China ban [ART]: \"Binance, Coinbase, Kraken, Gemini outages\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 36690.09 on 2021-05-19 / close 42849.78 on 2021-05-18 − 1 = -0.143751 (-14.4%)",
            "volSource": "EVENTS.md China ban [ART]: \"1-wk IV 146.5% on 05-17 (Skew)\" — the only implied-vol level given (it precedes the window); pre-event level = BTC 30-day realised vol to 2021-05-18 from the price file, 0.8655 (EVENTS.md gives no pre-event implied vol); v = 1.465/0.8655 − 1 = 0.692663",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 2438.92 on 2021-05-19 / close 3375.07 on 2021-05-18 − 1 = -0.277372 (-27.7%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 34.988 on 2021-05-19 / close 55.977 on 2021-05-18 − 1 = -0.374958 (-37.5%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 1.0568 on 2021-05-19 / close 1.5889 on 2021-05-18 − 1 = -0.334886 (-33.5%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 334.8 on 2021-05-19 / close 507.88 on 2021-05-18 − 1 = -0.340789 (-34.1%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.32945 on 2021-05-19 / close 0.47574 on 2021-05-18 − 1 = -0.3075 (-30.8%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 26.227 on 2021-05-19 / close 42.566 on 2021-05-18 − 1 = -0.383851 (-38.4%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 23.052 on 2021-05-19 / close 36.875 on 2021-05-18 − 1 = -0.374861 (-37.5%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "LINK's move, the worst of ETH -0.277372, SOL -0.374958, XRP -0.334886, BNB -0.340789, DOGE -0.3075, LINK -0.383851, AVAX -0.374861",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md: BTC −14.4% C2C and −30.0% (30,000) worst low on 2021-05-19 against 2021-05-18."
        ]
      }
    },
    {
      "id": "hist-2021-05-19-low",
      "name": "China ban 2021-05-19: worst intraday low 2021-05-19",
      "kind": "historical",
      "window": [
        "2021-05-18",
        "2021-05-19"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.29988,
          "vol": 0.692663,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.440604,
          "vol": 0.692663,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.526591,
          "vol": 0.692663,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.465039,
          "vol": 0.692663,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.448689,
          "vol": 0.692663,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.556249,
          "vol": 0.692663,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.506648,
          "vol": 0.692663,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.517966,
          "vol": 0.692663,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.556249,
          "vol": 0.692663,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2021-05-19 against the close of 2021-05-18, per asset.",
        "event": "China ban (2021-05-19)",
        "method": "worst-intraday-low",
        "baseDate": "2021-05-18",
        "firstDay": "2021-05-19",
        "lastDay": "2021-05-19",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "EVENTS.md China ban [ART]: \"1-wk IV 146.5% on 05-17 (Skew)\" — the only implied-vol level given (it precedes the window)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md China ban [ART]: liquidations \"$8.6bn (Bybt)\"",
          "EVENTS.md China ban [ART]: \"Binance, Coinbase, Kraken, Gemini outages\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 30000 on 2021-05-19 / close 42849.78 on 2021-05-18 − 1 = -0.29988 (-30.0%)",
            "volSource": "EVENTS.md China ban [ART]: \"1-wk IV 146.5% on 05-17 (Skew)\" — the only implied-vol level given (it precedes the window); pre-event level = BTC 30-day realised vol to 2021-05-18 from the price file, 0.8655 (EVENTS.md gives no pre-event implied vol); v = 1.465/0.8655 − 1 = 0.692663",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 1888 on 2021-05-19 / close 3375.07 on 2021-05-18 − 1 = -0.440604 (-44.1%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 26.5 on 2021-05-19 / close 55.977 on 2021-05-18 − 1 = -0.526591 (-52.7%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.85 on 2021-05-19 / close 1.5889 on 2021-05-18 − 1 = -0.465039 (-46.5%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 280 on 2021-05-19 / close 507.88 on 2021-05-18 − 1 = -0.448689 (-44.9%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.21111 on 2021-05-19 / close 0.47574 on 2021-05-18 − 1 = -0.556249 (-55.6%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 21 on 2021-05-19 / close 42.566 on 2021-05-18 − 1 = -0.506648 (-50.7%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 17.775 on 2021-05-19 / close 36.875 on 2021-05-18 − 1 = -0.517966 (-51.8%)",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "DOGE's move, the worst of ETH -0.440604, SOL -0.526591, XRP -0.465039, BNB -0.448689, DOGE -0.556249, LINK -0.506648, AVAX -0.517966",
            "volSource": "BTC's relative vol shock 0.692663 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md: BTC −14.4% C2C and −30.0% (30,000) worst low on 2021-05-19 against 2021-05-18."
        ]
      }
    },
    {
      "id": "hist-2021-09-07-c2c",
      "name": "El Salvador day 2021-09-07: close-to-close 2021-09-07",
      "kind": "historical",
      "window": [
        "2021-09-06",
        "2021-09-07"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.110136,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.125345,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": 0.056266,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.187275,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.156017,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.17411,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.188164,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.194692,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.194692,
          "vol": 0.928716,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2021-09-07 against the close of 2021-09-06, per asset.",
        "event": "El Salvador day (2021-09-07)",
        "method": "close-to-close",
        "baseDate": "2021-09-06",
        "firstDay": "2021-09-07",
        "lastDay": "2021-09-07",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md El Salvador [ART]: liquidations \"~$3bn in 4h (Bybt); $3.1bn longs/24h (The Block)\"",
          "EVENTS.md El Salvador [ART]: \"Coinbase, Kraken outages\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 46863.73 on 2021-09-07 / close 52663.9 on 2021-09-06 − 1 = -0.110136 (-11.0%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 3434.57 on 2021-09-07 / close 3926.77 on 2021-09-06 − 1 = -0.125345 (-12.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 173.46 on 2021-09-07 / close 164.22 on 2021-09-06 − 1 = 0.056266 (5.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 1.1292 on 2021-09-07 / close 1.3894 on 2021-09-06 − 1 = -0.187275 (-18.7%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 418.7 on 2021-09-07 / close 496.1 on 2021-09-06 − 1 = -0.156017 (-15.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.2552 on 2021-09-07 / close 0.309 on 2021-09-06 − 1 = -0.17411 (-17.4%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 28.26 on 2021-09-07 / close 34.81 on 2021-09-06 − 1 = -0.188164 (-18.8%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 37.93 on 2021-09-07 / close 47.1 on 2021-09-06 − 1 = -0.194692 (-19.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "AVAX's move, the worst of ETH -0.125345, SOL 0.056266, XRP -0.187275, BNB -0.156017, DOGE -0.17411, LINK -0.188164, AVAX -0.194692",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md (extra event): BTC −11.0% C2C and −18.6% worst low on 2021-09-07 against 2021-09-06."
        ]
      }
    },
    {
      "id": "hist-2021-09-07-low",
      "name": "El Salvador day 2021-09-07: worst intraday low 2021-09-07",
      "kind": "historical",
      "window": [
        "2021-09-06",
        "2021-09-07"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.186482,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.23474,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.220497,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.314524,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.256198,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.305825,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.316576,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.315711,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.316576,
          "vol": 0.928716,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2021-09-07 against the close of 2021-09-06, per asset.",
        "event": "El Salvador day (2021-09-07)",
        "method": "worst-intraday-low",
        "baseDate": "2021-09-06",
        "firstDay": "2021-09-07",
        "lastDay": "2021-09-07",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md El Salvador [ART]: liquidations \"~$3bn in 4h (Bybt); $3.1bn longs/24h (The Block)\"",
          "EVENTS.md El Salvador [ART]: \"Coinbase, Kraken outages\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 42843.05 on 2021-09-07 / close 52663.9 on 2021-09-06 − 1 = -0.186482 (-18.6%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 3005 on 2021-09-07 / close 3926.77 on 2021-09-06 − 1 = -0.23474 (-23.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 128.01 on 2021-09-07 / close 164.22 on 2021-09-06 − 1 = -0.220497 (-22.0%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.9524 on 2021-09-07 / close 1.3894 on 2021-09-06 − 1 = -0.314524 (-31.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 369 on 2021-09-07 / close 496.1 on 2021-09-06 − 1 = -0.256198 (-25.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.2145 on 2021-09-07 / close 0.309 on 2021-09-06 − 1 = -0.305825 (-30.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 23.79 on 2021-09-07 / close 34.81 on 2021-09-06 − 1 = -0.316576 (-31.7%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 32.23 on 2021-09-07 / close 47.1 on 2021-09-06 − 1 = -0.315711 (-31.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "LINK's move, the worst of ETH -0.23474, SOL -0.220497, XRP -0.314524, BNB -0.256198, DOGE -0.305825, LINK -0.316576, AVAX -0.315711",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md (extra event): BTC −11.0% C2C and −18.6% worst low on 2021-09-07 against 2021-09-06."
        ]
      }
    },
    {
      "id": "hist-2021-12-04-c2c",
      "name": "December 4 weekend 2021-12-04: close-to-close 2021-12-04",
      "kind": "historical",
      "window": [
        "2021-12-03",
        "2021-12-04"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.082994,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.02336,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": -0.051878,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.082727,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.04437,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.109055,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.114543,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.140971,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.140971,
          "vol": 0.928716,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2021-12-04 against the close of 2021-12-03, per asset.",
        "event": "December 4 weekend (2021-12-04)",
        "method": "close-to-close",
        "baseDate": "2021-12-03",
        "firstDay": "2021-12-04",
        "lastDay": "2021-12-04",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Dec-4 weekend [ART]: liquidations \"$2.5–2.58bn, 417k traders\"",
          "EVENTS.md Dec-4 weekend [ART]: \"BTC-denominated OI 390k→330k BTC\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 49152.47 on 2021-12-04 / close 53601.05 on 2021-12-03 − 1 = -0.082994 (-8.3%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 4117.25 on 2021-12-04 / close 4215.73 on 2021-12-03 − 1 = -0.02336 (-2.3%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 200.67 on 2021-12-04 / close 211.65 on 2021-12-03 − 1 = -0.051878 (-5.2%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 0.8449 on 2021-12-04 / close 0.9211 on 2021-12-03 − 1 = -0.082727 (-8.3%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 568.6 on 2021-12-04 / close 595 on 2021-12-03 − 1 = -0.04437 (-4.4%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.1781 on 2021-12-04 / close 0.1999 on 2021-12-03 − 1 = -0.109055 (-10.9%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 20.64 on 2021-12-04 / close 23.31 on 2021-12-03 − 1 = -0.114543 (-11.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 93.05 on 2021-12-04 / close 108.32 on 2021-12-03 − 1 = -0.140971 (-14.1%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "AVAX's move, the worst of ETH -0.02336, SOL -0.051878, XRP -0.082727, BNB -0.04437, DOGE -0.109055, LINK -0.114543, AVAX -0.140971",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md: BTC −8.3% C2C and −21.6% (42,000) worst low on 2021-12-04 against 2021-12-03."
        ]
      }
    },
    {
      "id": "hist-2021-12-04-low",
      "name": "December 4 weekend 2021-12-04: worst intraday low 2021-12-04",
      "kind": "historical",
      "window": [
        "2021-12-03",
        "2021-12-04"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.216428,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.168903,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.201512,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.348605,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.177815,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.344672,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.342771,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.293113,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.348605,
          "vol": 0.928716,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2021-12-04 against the close of 2021-12-03, per asset.",
        "event": "December 4 weekend (2021-12-04)",
        "method": "worst-intraday-low",
        "baseDate": "2021-12-03",
        "firstDay": "2021-12-04",
        "lastDay": "2021-12-04",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Dec-4 weekend [ART]: liquidations \"$2.5–2.58bn, 417k traders\"",
          "EVENTS.md Dec-4 weekend [ART]: \"BTC-denominated OI 390k→330k BTC\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 42000.3 on 2021-12-04 / close 53601.05 on 2021-12-03 − 1 = -0.216428 (-21.6%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 3503.68 on 2021-12-04 / close 4215.73 on 2021-12-03 − 1 = -0.168903 (-16.9%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 169 on 2021-12-04 / close 211.65 on 2021-12-03 − 1 = -0.201512 (-20.2%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.6 on 2021-12-04 / close 0.9211 on 2021-12-03 − 1 = -0.348605 (-34.9%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 489.2 on 2021-12-04 / close 595 on 2021-12-03 − 1 = -0.177815 (-17.8%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.131 on 2021-12-04 / close 0.1999 on 2021-12-03 − 1 = -0.344672 (-34.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 15.32 on 2021-12-04 / close 23.31 on 2021-12-03 − 1 = -0.342771 (-34.3%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 76.57 on 2021-12-04 / close 108.32 on 2021-12-03 − 1 = -0.293113 (-29.3%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "XRP's move, the worst of ETH -0.168903, SOL -0.201512, XRP -0.348605, BNB -0.177815, DOGE -0.344672, LINK -0.342771, AVAX -0.293113",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md: BTC −8.3% C2C and −21.6% (42,000) worst low on 2021-12-04 against 2021-12-03."
        ]
      }
    },
    {
      "id": "hist-2022-05-09-c2c",
      "name": "Terra/LUNA 2022-05-09..12: close-to-close 2022-05-09",
      "kind": "historical",
      "window": [
        "2022-05-08",
        "2022-05-09"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.116401,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.115553,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": -0.175378,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.13935,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.168025,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.178888,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.19,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.20186,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.20186,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "USDT": {
          "shock": -0.0515
        }
      },
      "metadata": {
        "description": "Close of the key day 2022-05-09 against the close of 2022-05-08, per asset.",
        "event": "Terra/LUNA (2022-05-09..12)",
        "method": "close-to-close",
        "baseDate": "2022-05-08",
        "firstDay": "2022-05-09",
        "lastDay": "2022-05-09",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Terra/LUNA [ART]: liquidations \">$700m/24h (05-11/12); largest $20m ETH-USDT Binance\"",
          "EVENTS.md Terra/LUNA [DATA]: \"UST close 0.793 (05-09), low 0.300 (05-11), close 0.154 (05-13)\"",
          "EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: \"USDT low 0.9485 (2022-05-12)\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 30076.31 on 2022-05-09 / close 34038.4 on 2022-05-08 − 1 = -0.116401 (-11.6%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 2228.55 on 2022-05-09 / close 2519.71 on 2022-05-08 − 1 = -0.115553 (-11.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 62.16 on 2022-05-09 / close 75.38 on 2022-05-08 − 1 = -0.175378 (-17.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 0.4873 on 2022-05-09 / close 0.5662 on 2022-05-08 − 1 = -0.13935 (-13.9%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 296.1 on 2022-05-09 / close 355.9 on 2022-05-08 − 1 = -0.168025 (-16.8%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.1019 on 2022-05-09 / close 0.1241 on 2022-05-08 − 1 = -0.178888 (-17.9%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 8.1 on 2022-05-09 / close 10 on 2022-05-08 − 1 = -0.19 (-19.0%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 41.2 on 2022-05-09 / close 51.62 on 2022-05-08 − 1 = -0.20186 (-20.2%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "AVAX's move, the worst of ETH -0.115553, SOL -0.175378, XRP -0.13935, BNB -0.168025, DOGE -0.178888, LINK -0.19, AVAX -0.20186",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "USDT": {
            "shockSource": "EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: \"USDT low 0.9485 (2022-05-12)\"; shock = 0.9485 − 1",
            "volSource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)",
            "liquiditySource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C \"−11.6% (05-09)\" is the close of 2022-05-09 against 2022-05-08; the worst low −21.6% (26,700) printed on 2022-05-12, against the close of 2022-05-08.",
          "UST is not named: it no longer trades; a book that still holds it should add it by hand (low 0.300 on 2022-05-11).",
          "Prices are quoted in USDT; USDT traded down to 0.9485 USD on 2022-05-12, so USD-denominated crypto falls were up to about 5% larger than the USDT-quoted ones used here."
        ]
      }
    },
    {
      "id": "hist-2022-05-09-low",
      "name": "Terra/LUNA 2022-05-09..12: worst intraday low 2022-05-09..2022-05-12",
      "kind": "historical",
      "window": [
        "2022-05-08",
        "2022-05-12"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.215592,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.285632,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.504245,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.406394,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.385221,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.444803,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.447,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.544556,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.544556,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "USDT": {
          "shock": -0.0515
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2022-05-09..2022-05-12 against the close of 2022-05-08, per asset.",
        "event": "Terra/LUNA (2022-05-09..12)",
        "method": "worst-intraday-low",
        "baseDate": "2022-05-08",
        "firstDay": "2022-05-09",
        "lastDay": "2022-05-12",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Terra/LUNA [ART]: liquidations \">$700m/24h (05-11/12); largest $20m ETH-USDT Binance\"",
          "EVENTS.md Terra/LUNA [DATA]: \"UST close 0.793 (05-09), low 0.300 (05-11), close 0.154 (05-13)\"",
          "EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: \"USDT low 0.9485 (2022-05-12)\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 26700 on 2022-05-12 / close 34038.4 on 2022-05-08 − 1 = -0.215592 (-21.6%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 1800 on 2022-05-12 / close 2519.71 on 2022-05-08 − 1 = -0.285632 (-28.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 37.37 on 2022-05-12 / close 75.38 on 2022-05-08 − 1 = -0.504245 (-50.4%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.3361 on 2022-05-12 / close 0.5662 on 2022-05-08 − 1 = -0.406394 (-40.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 218.8 on 2022-05-12 / close 355.9 on 2022-05-08 − 1 = -0.385221 (-38.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.0689 on 2022-05-12 / close 0.1241 on 2022-05-08 − 1 = -0.444803 (-44.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 5.53 on 2022-05-12 / close 10 on 2022-05-08 − 1 = -0.447 (-44.7%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 23.51 on 2022-05-12 / close 51.62 on 2022-05-08 − 1 = -0.544556 (-54.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "AVAX's move, the worst of ETH -0.285632, SOL -0.504245, XRP -0.406394, BNB -0.385221, DOGE -0.444803, LINK -0.447, AVAX -0.544556",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "USDT": {
            "shockSource": "EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: \"USDT low 0.9485 (2022-05-12)\"; shock = 0.9485 − 1",
            "volSource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)",
            "liquiditySource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C \"−11.6% (05-09)\" is the close of 2022-05-09 against 2022-05-08; the worst low −21.6% (26,700) printed on 2022-05-12, against the close of 2022-05-08.",
          "UST is not named: it no longer trades; a book that still holds it should add it by hand (low 0.300 on 2022-05-11).",
          "Prices are quoted in USDT; USDT traded down to 0.9485 USD on 2022-05-12, so USD-denominated crypto falls were up to about 5% larger than the USDT-quoted ones used here."
        ]
      }
    },
    {
      "id": "hist-2022-06-13-c2c",
      "name": "Celsius/3AC 2022-06-13..18: close-to-close 2022-06-13",
      "kind": "historical",
      "window": [
        "2022-06-12",
        "2022-06-13"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.153798,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.156826,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": -0.065665,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.091756,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.124804,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.14686,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.054226,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.068248,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.156826,
          "vol": 0.928716,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2022-06-13 against the close of 2022-06-12, per asset.",
        "event": "Celsius/3AC (2022-06-13..18)",
        "method": "close-to-close",
        "baseDate": "2022-06-12",
        "firstDay": "2022-06-13",
        "lastDay": "2022-06-13",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Celsius/3AC [ART]: liquidations \"~$940m/24h on 06-13 (64% long)\"",
          "EVENTS.md Celsius/3AC [ART]: \"Celsius halt 06-12 late; Binance paused BTC withdrawals; stETH discount >6%\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 22487.41 on 2022-06-13 / close 26574.53 on 2022-06-12 − 1 = -0.153798 (-15.4%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 1209.82 on 2022-06-13 / close 1434.84 on 2022-06-12 − 1 = -0.156826 (-15.7%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 28.6 on 2022-06-13 / close 30.61 on 2022-06-12 − 1 = -0.065665 (-6.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 0.3118 on 2022-06-13 / close 0.3433 on 2022-06-12 − 1 = -0.091756 (-9.2%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 223 on 2022-06-13 / close 254.8 on 2022-06-12 − 1 = -0.124804 (-12.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.0542 on 2022-06-13 / close 0.06353 on 2022-06-12 − 1 = -0.14686 (-14.7%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 5.93 on 2022-06-13 / close 6.27 on 2022-06-12 − 1 = -0.054226 (-5.4%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 16.11 on 2022-06-13 / close 17.29 on 2022-06-12 − 1 = -0.068248 (-6.8%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "ETH's move, the worst of ETH -0.156826, SOL -0.065665, XRP -0.091756, BNB -0.124804, DOGE -0.14686, LINK -0.054226, AVAX -0.068248",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C \"−15.4% (06-13)\" is the close of 2022-06-13 against 2022-06-12; the worst low −33.7% is \"17,622 on 06-18\", against the close of 2022-06-12."
        ]
      }
    },
    {
      "id": "hist-2022-06-13-low",
      "name": "Celsius/3AC 2022-06-13..18: worst intraday low 2022-06-13..2022-06-18",
      "kind": "historical",
      "window": [
        "2022-06-12",
        "2022-06-18"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.336884,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.385604,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.155178,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.163414,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.28022,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.226507,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.154705,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.203008,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.385604,
          "vol": 0.928716,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2022-06-13..2022-06-18 against the close of 2022-06-12, per asset.",
        "event": "Celsius/3AC (2022-06-13..18)",
        "method": "worst-intraday-low",
        "baseDate": "2022-06-12",
        "firstDay": "2022-06-13",
        "lastDay": "2022-06-18",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Celsius/3AC [ART]: liquidations \"~$940m/24h on 06-13 (64% long)\"",
          "EVENTS.md Celsius/3AC [ART]: \"Celsius halt 06-12 late; Binance paused BTC withdrawals; stETH discount >6%\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 17622 on 2022-06-18 / close 26574.53 on 2022-06-12 − 1 = -0.336884 (-33.7%)",
            "volSource": "EVENTS.md gives no implied-vol figure for this event; the largest DVOL-measured event vol shock of the library is used as a conservative stand-in: FTX 2022-11-08..09, v = 0.928716 (Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 881.56 on 2022-06-18 / close 1434.84 on 2022-06-12 − 1 = -0.385604 (-38.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 25.86 on 2022-06-14 / close 30.61 on 2022-06-12 − 1 = -0.155178 (-15.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.2872 on 2022-06-18 / close 0.3433 on 2022-06-12 − 1 = -0.163414 (-16.3%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 183.4 on 2022-06-18 / close 254.8 on 2022-06-12 − 1 = -0.28022 (-28.0%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.04914 on 2022-06-18 / close 0.06353 on 2022-06-12 − 1 = -0.226507 (-22.7%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 5.3 on 2022-06-13 / close 6.27 on 2022-06-12 − 1 = -0.154705 (-15.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 13.78 on 2022-06-18 / close 17.29 on 2022-06-12 − 1 = -0.203008 (-20.3%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "ETH's move, the worst of ETH -0.385604, SOL -0.155178, XRP -0.163414, BNB -0.28022, DOGE -0.226507, LINK -0.154705, AVAX -0.203008",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C \"−15.4% (06-13)\" is the close of 2022-06-13 against 2022-06-12; the worst low −33.7% is \"17,622 on 06-18\", against the close of 2022-06-12."
        ]
      }
    },
    {
      "id": "hist-2022-11-08-c2c",
      "name": "FTX 2022-11-08..09: close-to-close 2022-11-09",
      "kind": "historical",
      "window": [
        "2022-11-08",
        "2022-11-09"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.141499,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.173843,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": -0.422477,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.179355,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.183568,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.155999,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.191619,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.194132,
          "vol": 0.928716,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.422477,
          "vol": 0.928716,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2022-11-09 against the close of 2022-11-08, per asset.",
        "event": "FTX (2022-11-08..09)",
        "method": "close-to-close",
        "baseDate": "2022-11-08",
        "firstDay": "2022-11-09",
        "lastDay": "2022-11-09",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md FTX [DATA]: \"DVOL 59.5 → 114.7 (11-09 close)\"; [ART] \"ETH DVOL >150\"",
          "EVENTS.md FTX [ART]: liquidations \"$717m/day 11-08 (CoinGlass); '$1.6bn' FTX-event total (CoinGlass comparison)\"",
          "EVENTS.md FTX: \"Binance funding −0.119%/8h (11-10) [DATA]; FTX withdrawal halt\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 15922.81 on 2022-11-09 / close 18547.23 on 2022-11-08 − 1 = -0.141499 (-14.1%)",
            "volSource": "Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 1102.73 on 2022-11-09 / close 1334.77 on 2022-11-08 − 1 = -0.173843 (-17.4%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 14.08 on 2022-11-09 / close 24.38 on 2022-11-08 − 1 = -0.422477 (-42.2%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 0.3331 on 2022-11-09 / close 0.4059 on 2022-11-08 − 1 = -0.179355 (-17.9%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 267.3 on 2022-11-09 / close 327.4 on 2022-11-08 − 1 = -0.183568 (-18.4%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.0745 on 2022-11-09 / close 0.08827 on 2022-11-08 − 1 = -0.155999 (-15.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 6.231 on 2022-11-09 / close 7.708 on 2022-11-08 − 1 = -0.191619 (-19.2%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 12.91 on 2022-11-09 / close 16.02 on 2022-11-08 − 1 = -0.194132 (-19.4%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "SOL's move, the worst of ETH -0.173843, SOL -0.422477, XRP -0.179355, BNB -0.183568, DOGE -0.155999, LINK -0.191619, AVAX -0.194132",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C \"−14.1% (11-09), −9.9% (11-08)\": the key day is 2022-11-09 against 2022-11-08; the worst low −24.3% (15,588) is against the close of 2022-11-07."
        ]
      }
    },
    {
      "id": "hist-2022-11-08-low",
      "name": "FTX 2022-11-08..09: worst intraday low 2022-11-08..2022-11-09",
      "kind": "historical",
      "window": [
        "2022-11-07",
        "2022-11-09"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.242975,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.315394,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.582377,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.320138,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.227893,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.365908,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.355181,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.334624,
          "vol": 0.928716,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.582377,
          "vol": 0.928716,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2022-11-08..2022-11-09 against the close of 2022-11-07, per asset.",
        "event": "FTX (2022-11-08..09)",
        "method": "worst-intraday-low",
        "baseDate": "2022-11-07",
        "firstDay": "2022-11-08",
        "lastDay": "2022-11-09",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md FTX [DATA]: \"DVOL 59.5 → 114.7 (11-09 close)\"; [ART] \"ETH DVOL >150\"",
          "EVENTS.md FTX [ART]: liquidations \"$717m/day 11-08 (CoinGlass); '$1.6bn' FTX-event total (CoinGlass comparison)\"",
          "EVENTS.md FTX: \"Binance funding −0.119%/8h (11-10) [DATA]; FTX withdrawal halt\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 15588 on 2022-11-09 / close 20591.13 on 2022-11-07 − 1 = -0.242975 (-24.3%)",
            "volSource": "Deribit DVOL 59.48 on 2022-11-07 (pre-window) → peak 114.72 on 2022-11-09 within 2022-11-08..2022-11-09; v = 114.72/59.48 − 1 = 0.928716",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 1073.53 on 2022-11-09 / close 1568.1 on 2022-11-07 − 1 = -0.315394 (-31.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 12.37 on 2022-11-09 / close 29.62 on 2022-11-07 − 1 = -0.582377 (-58.2%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.316 on 2022-11-09 / close 0.4648 on 2022-11-07 − 1 = -0.320138 (-32.0%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 260.2 on 2022-11-09 / close 337 on 2022-11-07 − 1 = -0.227893 (-22.8%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.07053 on 2022-11-09 / close 0.11123 on 2022-11-07 − 1 = -0.365908 (-36.6%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 5.775 on 2022-11-09 / close 8.956 on 2022-11-07 − 1 = -0.355181 (-35.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 12.03 on 2022-11-09 / close 18.08 on 2022-11-07 − 1 = -0.334624 (-33.5%)",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "SOL's move, the worst of ETH -0.315394, SOL -0.582377, XRP -0.320138, BNB -0.227893, DOGE -0.365908, LINK -0.355181, AVAX -0.334624",
            "volSource": "BTC's relative vol shock 0.928716 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C \"−14.1% (11-09), −9.9% (11-08)\": the key day is 2022-11-09 against 2022-11-08; the worst low −24.3% (15,588) is against the close of 2022-11-07."
        ]
      }
    },
    {
      "id": "hist-2023-03-09-c2c",
      "name": "USDC/SVB 2023-03-09..11: close-to-close 2023-03-10",
      "kind": "historical",
      "window": [
        "2023-03-09",
        "2023-03-10"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.010388,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.00757,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": 0.048471,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.001619,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": 0.001083,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.003487,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": 0.008929,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": 0.027065,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.00757,
          "vol": 0.193536,
          "liquidity": 0.5
        },
        "USDC": {
          "shock": -0.1226
        },
        "DAI": {
          "shock": -0.12
        }
      },
      "metadata": {
        "description": "Close of the key day 2023-03-10 against the close of 2023-03-09, per asset.",
        "event": "USDC/SVB (2023-03-09..11)",
        "method": "close-to-close",
        "baseDate": "2023-03-09",
        "firstDay": "2023-03-10",
        "lastDay": "2023-03-10",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md USDC/SVB [DATA]: \"DVOL 50.1 → 59.8 (03-11), 73.3 (03-19)\"",
          "EVENTS.md USDC/SVB [ART]: \"FRAX 0.885; Coinbase & Binance paused USDC conversions\"; total liquidations \"– (not found)\"",
          "EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: \"USDC low 0.8774 (2023-03-11), close 0.9715\" — the low is used",
          "EVENTS.md Stablecoin depeg levels: \"DAI about 0.88–0.90 (2023-03-11)\"; headline table \"DAI ~0.88–0.897 [ART]\" — the lower end is used"
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 20150.69 on 2023-03-10 / close 20362.22 on 2023-03-09 − 1 = -0.010388 (-1.0%)",
            "volSource": "Deribit DVOL 50.12 on 2023-03-08 (pre-window) → peak 59.82 on 2023-03-11 within 2023-03-09..2023-03-11; v = 59.82/50.12 − 1 = 0.193536",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 1426.44 on 2023-03-10 / close 1437.32 on 2023-03-09 − 1 = -0.00757 (-0.8%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 18.17 on 2023-03-10 / close 17.33 on 2023-03-09 − 1 = 0.048471 (4.8%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 0.37 on 2023-03-10 / close 0.3706 on 2023-03-09 − 1 = -0.001619 (-0.2%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 277.4 on 2023-03-10 / close 277.1 on 2023-03-09 − 1 = 0.001083 (0.1%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.06572 on 2023-03-10 / close 0.06595 on 2023-03-09 − 1 = -0.003487 (-0.3%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 6.215 on 2023-03-10 / close 6.16 on 2023-03-09 − 1 = 0.008929 (0.9%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 14.8 on 2023-03-10 / close 14.41 on 2023-03-09 − 1 = 0.027065 (2.7%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "ETH's move, the worst of ETH -0.00757, SOL 0.048471, XRP -0.001619, BNB 0.001083, DOGE -0.003487, LINK 0.008929, AVAX 0.027065",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "USDC": {
            "shockSource": "EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: \"USDC low 0.8774 (2023-03-11), close 0.9715\" — the low is used; shock = 0.8774 − 1",
            "volSource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)",
            "liquiditySource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)"
          },
          "DAI": {
            "shockSource": "EVENTS.md Stablecoin depeg levels: \"DAI about 0.88–0.90 (2023-03-11)\"; headline table \"DAI ~0.88–0.897 [ART]\" — the lower end is used; shock = 0.88 − 1",
            "volSource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)",
            "liquiditySource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C \"−1.0% (03-10), −6.2% (03-09)\": the key day is 2023-03-10 against 2023-03-09; the worst low −9.9% (19,549) and the DVOL base 50.1 are against 2023-03-08, so the window starts 2023-03-09 (from 2023-03-10 the BTC worst low would be −4.0%).",
          "The stablecoin levels are the documented worst levels in the window; both scenarios carry them."
        ]
      }
    },
    {
      "id": "hist-2023-03-09-low",
      "name": "USDC/SVB 2023-03-09..11: worst intraday low 2023-03-09..2023-03-11",
      "kind": "historical",
      "window": [
        "2023-03-08",
        "2023-03-11"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.099346,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.107017,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.130907,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.081769,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.076977,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.120782,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.104455,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.082011,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.130907,
          "vol": 0.193536,
          "liquidity": 0.26
        },
        "USDC": {
          "shock": -0.1226
        },
        "DAI": {
          "shock": -0.12
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2023-03-09..2023-03-11 against the close of 2023-03-08, per asset.",
        "event": "USDC/SVB (2023-03-09..11)",
        "method": "worst-intraday-low",
        "baseDate": "2023-03-08",
        "firstDay": "2023-03-09",
        "lastDay": "2023-03-11",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md USDC/SVB [DATA]: \"DVOL 50.1 → 59.8 (03-11), 73.3 (03-19)\"",
          "EVENTS.md USDC/SVB [ART]: \"FRAX 0.885; Coinbase & Binance paused USDC conversions\"; total liquidations \"– (not found)\"",
          "EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: \"USDC low 0.8774 (2023-03-11), close 0.9715\" — the low is used",
          "EVENTS.md Stablecoin depeg levels: \"DAI about 0.88–0.90 (2023-03-11)\"; headline table \"DAI ~0.88–0.897 [ART]\" — the lower end is used"
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 19549.09 on 2023-03-10 / close 21705.44 on 2023-03-08 − 1 = -0.099346 (-9.9%)",
            "volSource": "Deribit DVOL 50.12 on 2023-03-08 (pre-window) → peak 59.82 on 2023-03-11 within 2023-03-09..2023-03-11; v = 59.82/50.12 − 1 = 0.193536",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 1368.39 on 2023-03-10 / close 1532.38 on 2023-03-08 − 1 = -0.107017 (-10.7%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 16 on 2023-03-10 / close 18.41 on 2023-03-08 − 1 = -0.130907 (-13.1%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.3571 on 2023-03-10 / close 0.3889 on 2023-03-08 − 1 = -0.081769 (-8.2%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 265 on 2023-03-10 / close 287.1 on 2023-03-08 − 1 = -0.076977 (-7.7%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.06253 on 2023-03-10 / close 0.07112 on 2023-03-08 − 1 = -0.120782 (-12.1%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 5.89 on 2023-03-10 / close 6.577 on 2023-03-08 − 1 = -0.104455 (-10.4%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 13.88 on 2023-03-10 / close 15.12 on 2023-03-08 − 1 = -0.082011 (-8.2%)",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "SOL's move, the worst of ETH -0.107017, SOL -0.130907, XRP -0.081769, BNB -0.076977, DOGE -0.120782, LINK -0.104455, AVAX -0.082011",
            "volSource": "BTC's relative vol shock 0.193536 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "USDC": {
            "shockSource": "EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: \"USDC low 0.8774 (2023-03-11), close 0.9715\" — the low is used; shock = 0.8774 − 1",
            "volSource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)",
            "liquiditySource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)"
          },
          "DAI": {
            "shockSource": "EVENTS.md Stablecoin depeg levels: \"DAI about 0.88–0.90 (2023-03-11)\"; headline table \"DAI ~0.88–0.897 [ART]\" — the lower end is used; shock = 0.88 − 1",
            "volSource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)",
            "liquiditySource": "not applicable: a stablecoin moves by its shock only (MODEL.md §6)"
          }
        },
        "notes": [
          "EVENTS.md key-day C2C \"−1.0% (03-10), −6.2% (03-09)\": the key day is 2023-03-10 against 2023-03-09; the worst low −9.9% (19,549) and the DVOL base 50.1 are against 2023-03-08, so the window starts 2023-03-09 (from 2023-03-10 the BTC worst low would be −4.0%).",
          "The stablecoin levels are the documented worst levels in the window; both scenarios carry them."
        ]
      }
    },
    {
      "id": "hist-2024-08-05-c2c",
      "name": "Yen carry unwind 2024-08-05: close-to-close 2024-08-05",
      "kind": "historical",
      "window": [
        "2024-08-04",
        "2024-08-05"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.071219,
          "vol": 0.266412,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.100163,
          "vol": 0.266412,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": -0.061809,
          "vol": 0.266412,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.064843,
          "vol": 0.266412,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.065808,
          "vol": 0.266412,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.090506,
          "vol": 0.266412,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.127757,
          "vol": 0.266412,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.080471,
          "vol": 0.266412,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.127757,
          "vol": 0.266412,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2024-08-05 against the close of 2024-08-04, per asset.",
        "event": "Yen carry unwind (2024-08-05)",
        "method": "close-to-close",
        "baseDate": "2024-08-04",
        "firstDay": "2024-08-05",
        "lastDay": "2024-08-05",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Yen carry [DATA]: \"DVOL 49.8 (08-01) → 63.1 (08-05 close)\"",
          "EVENTS.md Yen carry [ART]: liquidations \"~$1.0–1.1bn; 275k traders; largest $27m BTC/USD Huobi; 87% longs\"",
          "EVENTS.md Yen carry [ART]: \"BTC futures OI $36.9bn→$26.7bn\"; ETH \"24h peak→trough −27.8%\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 54018.81 on 2024-08-05 / close 58161 on 2024-08-04 − 1 = -0.071219 (-7.1%)",
            "volSource": "Deribit DVOL 49.81 on 2024-08-01 (pre-window: EVENTS.md measures the pre level on 2024-08-01 (\"DVOL 49.8 (08-01) → 63.1 (08-05 close)\"), before the sell-off began; the 2024-08-04 level (56.1) already holds the weekend's stress) → peak 63.08 on 2024-08-05 within 2024-08-05..2024-08-05; v = 63.08/49.81 − 1 = 0.266412",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 2419.59 on 2024-08-05 / close 2688.92 on 2024-08-04 − 1 = -0.100163 (-10.0%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 129.78 on 2024-08-05 / close 138.33 on 2024-08-04 − 1 = -0.061809 (-6.2%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 0.4889 on 2024-08-05 / close 0.5228 on 2024-08-04 − 1 = -0.064843 (-6.5%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 464.2 on 2024-08-05 / close 496.9 on 2024-08-04 − 1 = -0.065808 (-6.6%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.09436 on 2024-08-05 / close 0.10375 on 2024-08-04 − 1 = -0.090506 (-9.1%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 9.49 on 2024-08-05 / close 10.88 on 2024-08-04 − 1 = -0.127757 (-12.8%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 19.54 on 2024-08-05 / close 21.25 on 2024-08-04 − 1 = -0.080471 (-8.0%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "LINK's move, the worst of ETH -0.100163, SOL -0.061809, XRP -0.064843, BNB -0.065808, DOGE -0.090506, LINK -0.127757, AVAX -0.080471",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md: BTC −7.1% C2C and −15.8% (49,000) worst low on 2024-08-05 against 2024-08-04."
        ]
      }
    },
    {
      "id": "hist-2024-08-05-low",
      "name": "Yen carry unwind 2024-08-05: worst intraday low 2024-08-05",
      "kind": "historical",
      "window": [
        "2024-08-04",
        "2024-08-05"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.157511,
          "vol": 0.266412,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.214926,
          "vol": 0.266412,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.2048,
          "vol": 0.266412,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.173871,
          "vol": 0.266412,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.195009,
          "vol": 0.266412,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.224096,
          "vol": 0.266412,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.257353,
          "vol": 0.266412,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.186353,
          "vol": 0.266412,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.257353,
          "vol": 0.266412,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2024-08-05 against the close of 2024-08-04, per asset.",
        "event": "Yen carry unwind (2024-08-05)",
        "method": "worst-intraday-low",
        "baseDate": "2024-08-04",
        "firstDay": "2024-08-05",
        "lastDay": "2024-08-05",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md Yen carry [DATA]: \"DVOL 49.8 (08-01) → 63.1 (08-05 close)\"",
          "EVENTS.md Yen carry [ART]: liquidations \"~$1.0–1.1bn; 275k traders; largest $27m BTC/USD Huobi; 87% longs\"",
          "EVENTS.md Yen carry [ART]: \"BTC futures OI $36.9bn→$26.7bn\"; ETH \"24h peak→trough −27.8%\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 49000 on 2024-08-05 / close 58161 on 2024-08-04 − 1 = -0.157511 (-15.8%)",
            "volSource": "Deribit DVOL 49.81 on 2024-08-01 (pre-window: EVENTS.md measures the pre level on 2024-08-01 (\"DVOL 49.8 (08-01) → 63.1 (08-05 close)\"), before the sell-off began; the 2024-08-04 level (56.1) already holds the weekend's stress) → peak 63.08 on 2024-08-05 within 2024-08-05..2024-08-05; v = 63.08/49.81 − 1 = 0.266412",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 2111 on 2024-08-05 / close 2688.92 on 2024-08-04 − 1 = -0.214926 (-21.5%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 110 on 2024-08-05 / close 138.33 on 2024-08-04 − 1 = -0.2048 (-20.5%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 0.4319 on 2024-08-05 / close 0.5228 on 2024-08-04 − 1 = -0.173871 (-17.4%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 400 on 2024-08-05 / close 496.9 on 2024-08-04 − 1 = -0.195009 (-19.5%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.0805 on 2024-08-05 / close 0.10375 on 2024-08-04 − 1 = -0.224096 (-22.4%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 8.08 on 2024-08-05 / close 10.88 on 2024-08-04 − 1 = -0.257353 (-25.7%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 17.29 on 2024-08-05 / close 21.25 on 2024-08-04 − 1 = -0.186353 (-18.6%)",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "LINK's move, the worst of ETH -0.214926, SOL -0.2048, XRP -0.173871, BNB -0.195009, DOGE -0.224096, LINK -0.257353, AVAX -0.186353",
            "volSource": "BTC's relative vol shock 0.266412 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md: BTC −7.1% C2C and −15.8% (49,000) worst low on 2024-08-05 against 2024-08-04."
        ]
      }
    },
    {
      "id": "hist-2025-10-10-c2c",
      "name": "Tariff shock / record liquidation 2025-10-10/11: close-to-close 2025-10-10",
      "kind": "historical",
      "window": [
        "2025-10-09",
        "2025-10-10"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.073054,
          "vol": 0.161591,
          "liquidity": 0.5
        },
        "ETH": {
          "shock": -0.123251,
          "vol": 0.161591,
          "liquidity": 0.5
        },
        "SOL": {
          "shock": -0.147105,
          "vol": 0.161591,
          "liquidity": 0.5
        },
        "XRP": {
          "shock": -0.154063,
          "vol": 0.161591,
          "liquidity": 0.5
        },
        "BNB": {
          "shock": -0.121783,
          "vol": 0.161591,
          "liquidity": 0.5
        },
        "DOGE": {
          "shock": -0.221337,
          "vol": 0.161591,
          "liquidity": 0.5
        },
        "LINK": {
          "shock": -0.212824,
          "vol": 0.161591,
          "liquidity": 0.5
        },
        "AVAX": {
          "shock": -0.271318,
          "vol": 0.161591,
          "liquidity": 0.5
        },
        "*": {
          "shock": -0.271318,
          "vol": 0.161591,
          "liquidity": 0.5
        }
      },
      "metadata": {
        "description": "Close of the key day 2025-10-10 against the close of 2025-10-09, per asset.",
        "event": "Tariff shock / record liquidation (2025-10-10/11)",
        "method": "close-to-close",
        "baseDate": "2025-10-09",
        "firstDay": "2025-10-10",
        "lastDay": "2025-10-10",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md 2025-10-10 [DATA]: \"DVOL 39.7 → 44.1 (10-10) → 50.0 (10-17)\"",
          "EVENTS.md 2025-10-10 [ART]: liquidations \"$19.13–19.16bn CoinGlass, 1.6m traders, ~$16–16.7bn longs; Hyperliquid $10.3bn; largest single >$203m (Hyperliquid)\"",
          "EVENTS.md 2025-10-10 [ART]: \"USDe $0.65 on Binance (0.68 per Rena Labs); wBETH/BNSOL depeg; Hyperliquid first cross-margin ADL; Bybit ADL\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv close 112774.5 on 2025-10-10 / close 121662.4 on 2025-10-09 − 1 = -0.073054 (-7.3%)",
            "volSource": "Deribit DVOL 39.73 on 2025-10-09 (pre-window) → peak 46.15 on 2025-10-11 within 2025-10-10..2025-10-11; v = 46.15/39.73 − 1 = 0.161591",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv close 3829.72 on 2025-10-10 / close 4368.09 on 2025-10-09 − 1 = -0.123251 (-12.3%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv close 188.43 on 2025-10-10 / close 220.93 on 2025-10-09 − 1 = -0.147105 (-14.7%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv close 2.3704 on 2025-10-10 / close 2.8021 on 2025-10-09 − 1 = -0.154063 (-15.4%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv close 1102.47 on 2025-10-10 / close 1255.35 on 2025-10-09 − 1 = -0.121783 (-12.2%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv close 0.19349 on 2025-10-10 / close 0.24849 on 2025-10-09 − 1 = -0.221337 (-22.1%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv close 17.31 on 2025-10-10 / close 21.99 on 2025-10-09 − 1 = -0.212824 (-21.3%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv close 20.68 on 2025-10-10 / close 28.38 on 2025-10-09 − 1 = -0.271318 (-27.1%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "AVAX's move, the worst of ETH -0.123251, SOL -0.147105, XRP -0.154063, BNB -0.121783, DOGE -0.221337, LINK -0.212824, AVAX -0.271318",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.5: depth −50% (\"about −50% within two hours\"; Coinbase −50% in FTX/SVB), the fall a daily-close horizon sees (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md: BTC −7.3% C2C on 2025-10-10 against 2025-10-09; the worst lows (BTC −16.2% at 102,000; AVAX −70.0%, LINK −64.1%) printed on 2025-10-10 in the 21:00 UTC hour; the window \"10-10/11\" also covers 2025-10-11.",
          "USDe is not named: its 0.65 was one venue's print (Binance), not a market-wide depeg; add it by hand for a venue that accepts it as collateral.",
          "The DVOL peak inside the window is 46.15 on 2025-10-11; EVENTS.md also quotes 44.1 (10-10) and 50.0 (10-17, outside the window)."
        ]
      }
    },
    {
      "id": "hist-2025-10-10-low",
      "name": "Tariff shock / record liquidation 2025-10-10/11: worst intraday low 2025-10-10..2025-10-11",
      "kind": "historical",
      "window": [
        "2025-10-09",
        "2025-10-11"
      ],
      "shocks": {
        "BTC": {
          "shock": -0.161614,
          "vol": 0.161591,
          "liquidity": 0.26
        },
        "ETH": {
          "shock": -0.213615,
          "vol": 0.161591,
          "liquidity": 0.26
        },
        "SOL": {
          "shock": -0.236002,
          "vol": 0.161591,
          "liquidity": 0.26
        },
        "XRP": {
          "shock": -0.552371,
          "vol": 0.161591,
          "liquidity": 0.26
        },
        "BNB": {
          "shock": -0.314844,
          "vol": 0.161591,
          "liquidity": 0.26
        },
        "DOGE": {
          "shock": -0.617691,
          "vol": 0.161591,
          "liquidity": 0.26
        },
        "LINK": {
          "shock": -0.640746,
          "vol": 0.161591,
          "liquidity": 0.26
        },
        "AVAX": {
          "shock": -0.699789,
          "vol": 0.161591,
          "liquidity": 0.26
        },
        "*": {
          "shock": -0.699789,
          "vol": 0.161591,
          "liquidity": 0.26
        }
      },
      "metadata": {
        "description": "Lowest intraday low over 2025-10-10..2025-10-11 against the close of 2025-10-09, per asset.",
        "event": "Tariff shock / record liquidation (2025-10-10/11)",
        "method": "worst-intraday-low",
        "baseDate": "2025-10-09",
        "firstDay": "2025-10-10",
        "lastDay": "2025-10-11",
        "starRule": "worst (lowest) observed move among the named non-BTC assets (ETH, SOL, XRP, BNB, DOGE, LINK, AVAX; proxies excluded): an unnamed asset is usually smaller and thinner than these large caps, so their worst move is a conservative default rather than an outlier",
        "sources": [
          "Binance spot daily OHLC against USDT, UTC days: functions/data/prices/<SYM>USDT_1d.csv from github.com/yanniedog/binance-historical-OHLCV-data (commit 1a00f0748cc41ff0e476285ad927ce3bbc133893)",
          "Deribit DVOL (BTC) daily close: functions/data/dvol_btc.json from github.com/kalyar197/eth-dashboard, historical_data/dvol_btc.json (commit 7f581ecb3ebac0ae5c1bfbb1ae13bdb6c879dd3d)",
          "EVENTS.md, Liquidity in stress [ART]: \"order-book depth fell 13–74% per venue in FTX (2022-11) and SVB (2023-03) (Kaiko: Gemini −74%, Coinbase −50%, Binance.US −29%, Binance −13%); about −50% within two hours and up to −98% for minutes inside cascades\"",
          "EVENTS.md 2025-10-10 [DATA]: \"DVOL 39.7 → 44.1 (10-10) → 50.0 (10-17)\"",
          "EVENTS.md 2025-10-10 [ART]: liquidations \"$19.13–19.16bn CoinGlass, 1.6m traders, ~$16–16.7bn longs; Hyperliquid $10.3bn; largest single >$203m (Hyperliquid)\"",
          "EVENTS.md 2025-10-10 [ART]: \"USDe $0.65 on Binance (0.68 per Rena Labs); wBETH/BNSOL depeg; Hyperliquid first cross-margin ADL; Bybit ADL\""
        ],
        "perAsset": {
          "BTC": {
            "shockSource": "BTCUSDT_1d.csv low 102000 on 2025-10-10 / close 121662.4 on 2025-10-09 − 1 = -0.161614 (-16.2%)",
            "volSource": "Deribit DVOL 39.73 on 2025-10-09 (pre-window) → peak 46.15 on 2025-10-11 within 2025-10-10..2025-10-11; v = 46.15/39.73 − 1 = 0.161591",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "ETH": {
            "shockSource": "ETHUSDT_1d.csv low 3435 on 2025-10-10 / close 4368.09 on 2025-10-09 − 1 = -0.213615 (-21.4%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "SOL": {
            "shockSource": "SOLUSDT_1d.csv low 168.79 on 2025-10-10 / close 220.93 on 2025-10-09 − 1 = -0.236002 (-23.6%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "XRP": {
            "shockSource": "XRPUSDT_1d.csv low 1.2543 on 2025-10-10 / close 2.8021 on 2025-10-09 − 1 = -0.552371 (-55.2%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "BNB": {
            "shockSource": "BNBUSDT_1d.csv low 860.11 on 2025-10-10 / close 1255.35 on 2025-10-09 − 1 = -0.314844 (-31.5%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "DOGE": {
            "shockSource": "DOGEUSDT_1d.csv low 0.095 on 2025-10-10 / close 0.24849 on 2025-10-09 − 1 = -0.617691 (-61.8%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "LINK": {
            "shockSource": "LINKUSDT_1d.csv low 7.9 on 2025-10-10 / close 21.99 on 2025-10-09 − 1 = -0.640746 (-64.1%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "AVAX": {
            "shockSource": "AVAXUSDT_1d.csv low 8.52 on 2025-10-10 / close 28.38 on 2025-10-09 − 1 = -0.699789 (-70.0%)",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          },
          "*": {
            "shockSource": "AVAX's move, the worst of ETH -0.213615, SOL -0.236002, XRP -0.552371, BNB -0.314844, DOGE -0.617691, LINK -0.640746, AVAX -0.699789",
            "volSource": "BTC's relative vol shock 0.161591 (BTC implied vol is the only implied-vol series in the data)",
            "liquiditySource": "λ = 0.26: depth −74% (Gemini, the largest per-venue fall in FTX/SVB), for the trough of an intraday cascade; the −98% lasts minutes and is not used (EVENTS.md, Liquidity in stress [ART])"
          }
        },
        "notes": [
          "EVENTS.md: BTC −7.3% C2C on 2025-10-10 against 2025-10-09; the worst lows (BTC −16.2% at 102,000; AVAX −70.0%, LINK −64.1%) printed on 2025-10-10 in the 21:00 UTC hour; the window \"10-10/11\" also covers 2025-10-11.",
          "USDe is not named: its 0.65 was one venue's print (Binance), not a market-wide depeg; add it by hand for a venue that accepts it as collateral.",
          "The DVOL peak inside the window is 46.15 on 2025-10-11; EVENTS.md also quotes 44.1 (10-10) and 50.0 (10-17, outside the window)."
        ]
      }
    }
  ]
};
