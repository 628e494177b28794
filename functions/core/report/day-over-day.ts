/**
 * What moved since the previous business day's report: the positions (book size and net delta
 * per asset), the market (price and vol per asset), the parameters (every changed value) and
 * the resulting risk figures. Only report data is compared — the previous day's inputs are not
 * needed. Changes are current − previous; returns are current / previous − 1.
 */
import type { Regime } from '../model/params.js';
import { flattenMethodology, type ParameterValue } from './methodology.js';
import type { Change, DayOverDay, ParameterChange, RiskReport } from './report-model.js';

export function change(previous: number | null | undefined, current: number | null | undefined): Change {
  const p = previous ?? null;
  const c = current ?? null;
  return { previous: p, current: c, change: p === null || c === null ? null : c - p + 0 };
}

function accepted(report: RiskReport, record: 'clients' | 'subaccounts' | 'positions'): number | null {
  return report.dataQuality.counts.find((c) => c.record === record)?.accepted ?? null;
}

/** Keys of `current` in order, then keys only in `previous` in their order. */
function unionInOrder(current: readonly string[], previous: readonly string[]): string[] {
  const seen = new Set(current);
  return [...current, ...previous.filter((key) => !seen.has(key))];
}

function sameValue(a: ParameterValue | undefined, b: ParameterValue | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

export function compareReports(previous: RiskReport, current: RiskReport): DayOverDay {
  const before = previous.identity.inputs;
  const now = current.identity.inputs;

  const deltaAssets = unionInOrder(
    current.concentration.map((c) => c.asset),
    previous.concentration.map((c) => c.asset),
  );
  const netDeltaUsd = deltaAssets.map((asset) => ({
    asset,
    ...change(
      previous.concentration.find((c) => c.asset === asset)?.netDeltaUsd,
      current.concentration.find((c) => c.asset === asset)?.netDeltaUsd,
    ),
  }));

  const marketAssets = unionInOrder(
    current.market.map((m) => m.asset),
    previous.market.map((m) => m.asset),
  );
  const market = marketAssets.map((asset) => {
    const p = previous.market.find((m) => m.asset === asset);
    const c = current.market.find((m) => m.asset === asset);
    return {
      asset,
      price: change(p?.price, c?.price),
      priceReturn: p && c ? c.price / p.price - 1 : null,
      vol: change(p?.vol, c?.vol),
    };
  });

  const oldParams = flattenMethodology(previous.methodology);
  const newParams = flattenMethodology(current.methodology);
  const changed: ParameterChange[] = [];
  for (const path of unionInOrder([...newParams.keys()], [...oldParams.keys()])) {
    const p = oldParams.get(path);
    const c = newParams.get(path);
    if (!sameValue(p, c)) changed.push({ path, previous: p ?? null, current: c ?? null });
  }

  const regimes = unionInOrder(
    current.margin.map((m) => m.regime),
    previous.margin.map((m) => m.regime),
  ) as Regime[];
  const worstRegimes = unionInOrder(
    current.summary.worstByRegime.map((w) => w.regime),
    previous.summary.worstByRegime.map((w) => w.regime),
  ) as Regime[];

  return {
    previousAsOf: previous.identity.asOf,
    previousRunId: previous.identity.runId,
    inputsChanged: {
      book: before.book.sha256 !== now.book.sha256,
      market: before.market.sha256 !== now.market.sha256,
      params: before.params.sha256 !== now.params.sha256,
      scenarios: before.scenarios.sha256 !== now.scenarios.sha256,
    },
    positions: {
      clients: change(accepted(previous, 'clients'), accepted(current, 'clients')),
      subaccounts: change(accepted(previous, 'subaccounts'), accepted(current, 'subaccounts')),
      positions: change(accepted(previous, 'positions'), accepted(current, 'positions')),
      netDeltaUsd,
    },
    market,
    parameters: {
      previousVersion: previous.methodology.paramsVersion,
      currentVersion: current.methodology.paramsVersion,
      changed,
    },
    risk: {
      insuranceFund: change(previous.summary.insuranceFund, current.summary.insuranceFund),
      margin: regimes.map((regime) => {
        const p = previous.margin.find((m) => m.regime === regime);
        const c = current.margin.find((m) => m.regime === regime);
        return {
          regime,
          im: change(p?.im, c?.im),
          mm: change(p?.mm, c?.mm),
          marginCalledClients: change(p?.marginCalledClients, c?.marginCalledClients),
        };
      }),
      worstBadDebt: worstRegimes.map((regime) => ({
        regime,
        badDebt: change(
          previous.summary.worstByRegime.find((w) => w.regime === regime)?.badDebt,
          current.summary.worstByRegime.find((w) => w.regime === regime)?.badDebt,
        ),
      })),
      reverseStressDown: change(previous.summary.reverseStress.down, current.summary.reverseStress.down),
      reverseStressUp: change(previous.summary.reverseStress.up, current.summary.reverseStress.up),
    },
  };
}
