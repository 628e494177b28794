/**
 * The body of the PDF report as blocks, section by section: what each section shows and in
 * which order. Numbers are formatted here (rounded only when shown); layout and drawing are
 * left to layout.ts, tables.ts and charts.ts.
 */
import type {
  Change,
  RiskReport,
  ScenarioReport,
  ScenarioRunReport,
} from '../../functions/core/report/report-model.js';
import {
  type FigureTile,
  figureTiles,
  groupedBarChart,
  horizontalBars,
  lineChart,
  type Series,
} from './charts.js';
import {
  formatCount,
  formatCountChange,
  formatPercent,
  formatPointsChange,
  formatPrice,
  formatQuantity,
  formatRatio,
  formatReturn,
  formatReturnOrNa,
  formatThreshold,
  formatUsd,
  formatUsdChange,
  formatUsdShort,
} from './figures.js';
import { type Block, type Doc, drawWrapped, paragraph, spacer, wrappedHeight } from './layout.js';
import { describeAssetSource, methodologyText, tierBracket } from './methodology-text.js';
import { type Cell, type Column, tableBlocks } from './tables.js';
import { ACCENT, CONTENT_WIDTH, heatColor, heatTextColor, STYLES } from './theme.js';

const W = CONTENT_WIDTH;
/** Assets drawn in one price-path chart (the largest liquidation flows); the JSON has them all. */
const MAX_CHART_ASSETS = 8;
/** Per-asset price columns in a round-trace table before the prices move into one wrapped column. */
const MAX_TRACE_PRICE_COLUMNS = 5;

// Headings wrap rather than run past the margin (scenario names come from the input).
function h1(doc: Doc, title: string, id: string): Block {
  const height = wrappedHeight(doc, title, STYLES.h1, W) + 8;
  return {
    height,
    pageBreakBefore: true,
    keepWithNext: true,
    anchor: { id, title, level: 1 },
    draw: (d, x, y) => {
      drawWrapped(d, title, x, y, STYLES.h1, W);
      d.moveTo(x, y + height - 4)
        .lineTo(x + W, y + height - 4)
        .lineWidth(0.8)
        .strokeColor(ACCENT)
        .stroke();
    },
  };
}

function h2(doc: Doc, title: string, id: string | null): Block {
  return {
    height: wrappedHeight(doc, title, STYLES.h2, W) + 2,
    spaceBefore: 14,
    keepWithNext: true,
    ...(id ? { anchor: { id, title, level: 2 as const } } : {}),
    draw: (d, x, y) => drawWrapped(d, title, x, y, STYLES.h2, W),
  };
}

function h3(doc: Doc, title: string): Block {
  return {
    height: wrappedHeight(doc, title, STYLES.h3, W) + 1,
    spaceBefore: 10,
    keepWithNext: true,
    draw: (d, x, y) => drawWrapped(d, title, x, y, STYLES.h3, W),
  };
}

const body = (doc: Doc, text: string, spaceBefore = 4) =>
  paragraph(doc, text, STYLES.body, W, { spaceBefore });
const note = (doc: Doc, text: string) => paragraph(doc, text, STYLES.small, W, { spaceBefore: 3 });

function table(doc: Doc, columns: Column[], rows: Cell[][], emptyText?: string): Block[] {
  return tableBlocks(doc, { columns, rows, width: W, ...(emptyText ? { emptyText } : {}) });
}

const num = (header: string, weight = 1): Column => ({ header, weight, align: 'right' });
const txt = (header: string, weight = 1): Column => ({ header, weight, align: 'left' });

function headline(report: RiskReport) {
  const regime = report.summary.headlineRegime;
  return {
    regime,
    worst: report.summary.worstByRegime.find((w) => w.regime === regime),
    cover: report.summary.cover.find((c) => c.regime === regime),
    called: report.summary.marginCalledToday.find((c) => c.regime === regime),
    margin: report.margin.find((m) => m.regime === regime),
  };
}

// ── 1 Executive summary ─────────────────────────────────────────────────────────────────────

function summaryTiles(report: RiskReport): FigureTile[] {
  const { regime, worst, cover, called, margin } = headline(report);
  const fund = report.summary.insuranceFund;
  const { down, up } = report.summary.reverseStress;
  return [
    {
      label: `Worst bad debt · ${regime}`,
      value: worst ? formatUsdShort(worst.badDebt) : 'n/a',
      note: worst
        ? `${worst.scenarioName} (${worst.scenario}); ${formatRatio(worst.badDebtToFund)} the insurance fund`
        : 'no scenario was run',
      tone: worst && worst.badDebt > fund ? 'alert' : 'ok',
    },
    {
      label: 'Insurance fund',
      value: formatUsdShort(fund),
      note: worst
        ? `absorbs ${formatUsdShort(worst.insuranceFundUsed)} of it; ${formatUsdShort(worst.adl)} goes to ADL`
        : 'no scenario was run',
      tone: worst && worst.adl > 0 ? 'alert' : 'neutral',
    },
    {
      label: `Fund ÷ Cover-2 · ${regime}`,
      value: formatRatio(cover?.coverageRatio ?? null),
      note: cover
        ? `Cover-1 ${formatUsdShort(cover.cover1)} · Cover-2 ${formatUsdShort(cover.cover2)}${cover.cover2Scenario ? ` (${cover.cover2Scenario})` : ''}`
        : 'n/a',
      tone:
        cover?.coverageRatio !== null && cover?.coverageRatio !== undefined && cover.coverageRatio < 1
          ? 'alert'
          : 'ok',
    },
    {
      label: 'Reverse stress · down',
      value: formatThreshold(down),
      note: 'uniform crypto move at which as-is bad debt exceeds the fund',
      tone: down !== null && down > -0.2 ? 'alert' : 'neutral',
    },
    {
      label: 'Reverse stress · up',
      value: formatThreshold(up),
      note: 'uniform crypto rally (short squeeze) with the same effect',
      tone: up !== null && up < 0.2 ? 'alert' : 'neutral',
    },
    {
      label: `Margin-called today · ${regime}`,
      value: `${formatCount(called?.clients ?? 0)} clients`,
      note: `${formatCount(called?.units ?? 0)} of ${formatCount(margin?.units ?? 0)} margin units have E_adj < IM`,
      tone: (called?.clients ?? 0) > 0 ? 'alert' : 'ok',
    },
  ];
}

function summaryNarrative(report: RiskReport): string {
  const { regime, worst } = headline(report);
  const fund = report.summary.insuranceFund;
  if (!worst) return 'No scenario was run.';
  const verdict =
    worst.badDebt > fund
      ? `the insurance fund of ${formatUsd(fund)} covers only ${formatPercent(fund / worst.badDebt, 0)} of it and ${formatUsd(worst.adl)} would be auto-deleveraged`
      : `the insurance fund of ${formatUsd(fund)} covers it in full`;
  return `Under the rules in force (${regime}), the most damaging scenario is ${worst.scenarioName}: ${formatCount(worst.liquidatedUnits)} margin units are liquidated over ${formatCount(worst.rounds)} round(s), leaving ${formatUsd(worst.badDebt)} of bad debt; ${verdict}.`;
}

function badDebtHeatmap(doc: Doc, report: RiskReport): Block[] {
  const regimes = report.margin.map((m) => m.regime);
  const fund = report.summary.insuranceFund;
  const max = Math.max(0, ...report.scenarios.flatMap((s) => s.runs.map((r) => r.badDebt)));
  const rows: Cell[][] = report.scenarios.map((scenario) => [
    scenario.id,
    ...regimes.map((regime): Cell => {
      const run = scenario.runs.find((r) => r.regime === regime);
      if (!run) return '–';
      const t = max > 0 ? run.badDebt / max : 0;
      return {
        text: formatUsdShort(run.badDebt),
        fill: heatColor(t),
        color: heatTextColor(t),
        bold: run.badDebt > fund,
      };
    }),
  ]);
  return [
    h3(doc, 'Bad debt by scenario and regime'),
    ...tableBlocks(doc, {
      columns: [txt('Scenario', 2), ...regimes.map((r) => num(r, 1))],
      rows,
      width: W,
      zebra: false,
    }),
    note(
      doc,
      `Shading scales with bad debt (darkest = ${formatUsdShort(max)}); bold marks bad debt above the insurance fund of ${formatUsdShort(fund)}.`,
    ),
  ];
}

function executiveSummary(doc: Doc, report: RiskReport): Block[] {
  const s = report.summary;
  return [
    h1(doc, '1  Executive summary', 'summary'),
    figureTiles(doc, summaryTiles(report), W),
    body(doc, summaryNarrative(report), 10),
    h3(doc, 'Worst scenario per regime (largest bad debt)'),
    ...table(
      doc,
      [
        txt('Regime', 1.1),
        txt('Scenario', 2),
        num('Rounds', 0.7),
        num('Liquidated units', 0.9),
        num('Bad debt', 1.1),
        num('Fund used', 1.1),
        num('ADL', 1.1),
        num('Bad debt ÷ fund', 0.9),
        num('Total client loss', 1.1),
      ],
      s.worstByRegime.map((w) => [
        w.regime,
        w.scenario,
        formatCount(w.rounds),
        formatCount(w.liquidatedUnits),
        formatUsdShort(w.badDebt),
        formatUsdShort(w.insuranceFundUsed),
        formatUsdShort(w.adl),
        formatRatio(w.badDebtToFund),
        formatUsdShort(w.totalLoss),
      ]),
    ),
    h3(doc, 'Cover-1, Cover-2 and fund coverage (largest over the scenarios)'),
    ...table(
      doc,
      [
        txt('Regime', 1.1),
        num('Cover-1', 1),
        txt('in scenario', 1.6),
        num('Cover-2', 1),
        txt('in scenario', 1.6),
        num('Fund ÷ Cover-2', 1),
        num('Margin-called clients today', 1.2),
        num('… units', 0.8),
      ],
      s.cover.map((c) => {
        const called = s.marginCalledToday.find((m) => m.regime === c.regime);
        return [
          c.regime,
          formatUsdShort(c.cover1),
          c.cover1Scenario ?? '–',
          formatUsdShort(c.cover2),
          c.cover2Scenario ?? '–',
          formatRatio(c.coverageRatio),
          formatCount(called?.clients ?? 0),
          formatCount(called?.units ?? 0),
        ];
      }),
    ),
    ...badDebtHeatmap(doc, report),
  ];
}

// ── 2 Day over day ──────────────────────────────────────────────────────────────────────────

function dayOverDay(doc: Doc, report: RiskReport): Block[] {
  const dod = report.dayOverDay;
  if (!dod) return [];
  const changed = Object.entries(dod.inputsChanged)
    .filter(([, c]) => c)
    .map(([name]) => name);
  const usdRow = (label: string, c: Change): Cell[] => [
    label,
    c.previous === null ? 'n/a' : formatUsd(c.previous),
    c.current === null ? 'n/a' : formatUsd(c.current),
    formatUsdChange(c.change),
  ];
  const countRow = (label: string, c: Change): Cell[] => [
    label,
    c.previous === null ? 'n/a' : formatCount(c.previous),
    c.current === null ? 'n/a' : formatCount(c.current),
    formatCountChange(c.change),
  ];
  const returnRow = (label: string, c: Change): Cell[] => [
    label,
    formatReturnOrNa(c.previous),
    formatReturnOrNa(c.current),
    formatPointsChange(c.change),
  ];
  const riskRows: Cell[][] = [
    usdRow('Insurance fund', dod.risk.insuranceFund),
    ...dod.risk.worstBadDebt.map((w) => usdRow(`Worst bad debt · ${w.regime}`, w.badDebt)),
    ...dod.risk.margin.flatMap((m) => [
      usdRow(`Initial margin · ${m.regime}`, m.im),
      usdRow(`Maintenance margin · ${m.regime}`, m.mm),
      countRow(`Margin-called clients · ${m.regime}`, m.marginCalledClients),
    ]),
    returnRow('Reverse stress · down', dod.risk.reverseStressDown),
    returnRow('Reverse stress · up', dod.risk.reverseStressUp),
  ];
  const positionRows: Cell[][] = [
    countRow('Clients', dod.positions.clients),
    countRow('Subaccounts', dod.positions.subaccounts),
    countRow('Positions', dod.positions.positions),
    ...dod.positions.netDeltaUsd.map((d) => usdRow(`Net delta ${d.asset} (USD)`, d)),
  ];
  const changeColumns = [txt('Figure', 2.4), num('Previous', 1.2), num('Today', 1.2), num('Change', 1.2)];
  return [
    h1(doc, '2  Changes since the previous report', 'day-over-day'),
    body(
      doc,
      `Compared with the report as of ${dod.previousAsOf} (run ${dod.previousRunId}). Inputs that changed: ${changed.length > 0 ? changed.join(', ') : 'none'}.`,
    ),
    h3(doc, 'Risk'),
    ...table(doc, changeColumns, riskRows),
    h3(doc, 'Positions'),
    ...table(doc, changeColumns, positionRows),
    h3(doc, 'Market'),
    ...table(
      doc,
      [
        txt('Asset'),
        num('Price before'),
        num('Price today'),
        num('Return'),
        num('Vol before'),
        num('Vol today'),
        num('Vol change'),
      ],
      dod.market.map((m) => [
        m.asset,
        m.price.previous === null ? 'n/a' : formatPrice(m.price.previous),
        m.price.current === null ? 'n/a' : formatPrice(m.price.current),
        formatReturnOrNa(m.priceReturn),
        m.vol.previous === null ? 'n/a' : formatPercent(m.vol.previous),
        m.vol.current === null ? 'n/a' : formatPercent(m.vol.current),
        formatPointsChange(m.vol.change),
      ]),
    ),
    h3(doc, `Parameters (${dod.parameters.previousVersion} → ${dod.parameters.currentVersion})`),
    ...table(
      doc,
      [txt('Parameter', 2.5), num('Before', 1.5), num('Today', 1.5)],
      dod.parameters.changed.map((p) => [
        { text: p.path, mono: true },
        p.previous === null ? '–' : String(p.previous),
        p.current === null ? '–' : String(p.current),
      ]),
      'No parameter changed.',
    ),
  ];
}

// ── 3 Margin by regime ─────────────────────────────────────────────────────────────────────

function marginSection(doc: Doc, report: RiskReport, number: number): Block[] {
  const rows: Cell[][] = report.margin.map((m) => [
    m.regime,
    formatCount(m.units),
    formatUsd(m.im),
    formatUsd(m.mm),
    `${formatCount(m.marginCalledClients)} / ${formatCount(m.marginCalledUnits)}`,
    `${formatCount(m.liquidatableClients)} / ${formatCount(m.liquidatableUnits)}`,
    m.imSavedVsStandard === null ? 'n/a' : formatUsdChange(m.imSavedVsStandard),
    m.imSavedVsStandardFraction === null ? 'n/a' : formatReturn(m.imSavedVsStandardFraction, 1),
  ]);
  const text = report.margin
    .filter((m) => m.regime !== 'standard' && m.imSavedVsStandard !== null)
    .map(
      (m) =>
        `${m.regime} ${m.imSavedVsStandard! >= 0 ? 'releases' : 'needs an extra'} ${formatUsd(Math.abs(m.imSavedVsStandard!))} of initial margin`,
    );
  return [
    h1(doc, `${number}  Margin by regime`, 'margin'),
    body(
      doc,
      `Initial (IM) and maintenance (MM) margin at today’s market, summed over the margin units of each regime (a unit is a client’s subaccount on one venue, or the whole client under cross-venue).${text.length > 0 ? ` Against standard margin, ${text.join('; ')}.` : ''}`,
    ),
    ...table(
      doc,
      [
        txt('Regime', 1.1),
        num('Units', 0.7),
        num('Initial margin', 1.3),
        num('Maintenance margin', 1.3),
        num('Margin-called clients / units', 1.2),
        num('Liquidatable clients / units', 1.2),
        num('IM saved vs standard', 1.2),
        num('… as share', 0.8),
      ],
      rows,
    ),
    horizontalBars(doc, {
      title: 'Initial and maintenance margin by regime',
      width: W,
      categories: report.margin.map((m) => m.regime),
      series: [
        { name: 'Initial margin', values: report.margin.map((m) => m.im) },
        { name: 'Maintenance margin', values: report.margin.map((m) => m.mm) },
      ],
      formatValue: formatUsdShort,
      spaceBefore: 14,
    }),
  ];
}

// ── 4 Worst scenarios: charts ───────────────────────────────────────────────────────────────

function chartAssets(report: RiskReport, run: ScenarioRunReport): string[] {
  const crypto = report.market.filter((m) => m.kind === 'crypto').map((m) => m.asset);
  const flow = (asset: string) => Math.abs(run.assets.find((a) => a.asset === asset)?.flowUsd ?? 0);
  if (crypto.length <= MAX_CHART_ASSETS) return crypto;
  const chosen = new Set([...crypto].sort((a, b) => flow(b) - flow(a)).slice(0, MAX_CHART_ASSETS));
  return crypto.filter((a) => chosen.has(a));
}

function pricePathChart(
  doc: Doc,
  report: RiskReport,
  scenario: ScenarioReport,
  run: ScenarioRunReport,
): Block {
  const assets = chartAssets(report, run);
  const today = new Map(report.market.map((m) => [m.asset, m.price]));
  const shocked = new Map(scenario.effective.map((e) => [e.asset, e.shockedPrice]));
  const series: Series[] = assets.map((asset) => {
    const base = today.get(asset)!;
    return {
      name: asset,
      values: [
        100,
        (shocked.get(asset)! / base) * 100,
        ...run.trace.map((r) => ((r.assets.find((a) => a.asset === asset)?.price ?? base) / base) * 100),
      ],
    };
  });
  const omitted = report.market.filter((m) => m.kind === 'crypto').length - assets.length;
  return lineChart(doc, {
    title: `Price path per round — ${scenario.name} (${run.regime})`,
    width: W,
    height: 215,
    xLabels: ['today', 'shock', ...run.trace.map((r) => `R${r.round}`)],
    series,
    formatY: (v) => `${v.toFixed(0)}%`,
    includeY: [100],
    note: `Price as % of today’s mark: after the scenario shock (P⁰) and after each liquidation round (P^k).${omitted > 0 ? ` The ${MAX_CHART_ASSETS} assets with the largest liquidation flow are drawn; ${omitted} more are in the JSON.` : ''}`,
  });
}

function liquidationVolumeChart(doc: Doc, scenario: ScenarioReport): Block | null {
  const rounds = Math.max(0, ...scenario.runs.map((r) => r.trace.length));
  if (rounds === 0) return null;
  return groupedBarChart(doc, {
    title: `Liquidation volume per round — ${scenario.name}`,
    width: W,
    height: 190,
    xLabels: Array.from({ length: rounds }, (_, i) => `R${i + 1}`),
    series: scenario.runs.map((run) => ({
      name: run.regime,
      values: Array.from({ length: rounds }, (_, i) => run.trace[i]?.grossFlowUsd ?? Number.NaN),
    })),
    formatY: formatUsdShort,
    note: 'Gross liquidation flow Σ|Q| over assets in each round (USD at the shocked price), per regime.',
  });
}

function worstScenarioCharts(doc: Doc, report: RiskReport, number: number): Block[] {
  const seen = new Set<string>();
  const blocks: Block[] = [h1(doc, `${number}  Worst scenarios`, 'worst-scenarios')];
  blocks.push(
    body(
      doc,
      'For the worst scenario of each regime: how prices travel round by round as liquidations feed on each other, and how much is liquidated in each round.',
    ),
  );
  for (const worst of report.summary.worstByRegime) {
    if (seen.has(worst.scenario)) continue;
    seen.add(worst.scenario);
    const scenario = report.scenarios.find((s) => s.id === worst.scenario);
    const run = scenario?.runs.find((r) => r.regime === worst.regime);
    if (!scenario || !run) continue;
    const regimes = report.summary.worstByRegime
      .filter((w) => w.scenario === worst.scenario)
      .map((w) => w.regime);
    blocks.push(h2(doc, `${scenario.name} — worst under ${regimes.join(', ')}`, null));
    blocks.push(pricePathChart(doc, report, scenario, run));
    const volume = liquidationVolumeChart(doc, scenario);
    blocks.push(volume ?? note(doc, 'No unit is liquidated in this scenario under any regime.'));
  }
  return blocks;
}

// ── 5 Scenarios ─────────────────────────────────────────────────────────────────────────────

function scenarioBlocks(doc: Doc, report: RiskReport, scenario: ScenarioReport, label: string): Block[] {
  const regimes = scenario.runs.map((r) => r.regime);
  const today = new Map(report.market.map((m) => [m.asset, m]));
  const window =
    scenario.window && scenario.window.length > 0 ? ` · window ${scenario.window.join(' → ')}` : '';
  const blocks: Block[] = [
    h2(doc, `${label}  ${scenario.name}`, `scenario-${scenario.id}`),
    paragraph(doc, `${scenario.id} · ${scenario.kind}${window}`, STYLES.small, W, { spaceBefore: 1 }),
    h3(doc, 'Shocks applied (round 0)'),
    ...table(
      doc,
      [
        txt('Asset'),
        txt('From'),
        num('Price shock'),
        num('Vol shock'),
        num('Liquidity ×'),
        num('Price today'),
        num('Shocked price'),
      ],
      scenario.effective.map((e) => [
        e.asset,
        e.source === 'named' ? 'named' : e.source === 'all-crypto' ? '*' : '–',
        formatReturn(e.shock),
        today.get(e.asset)?.kind === 'crypto' ? formatReturn(e.vol) : '–',
        today.get(e.asset)?.kind === 'crypto' ? e.liquidity.toFixed(3) : '–',
        formatPrice(today.get(e.asset)?.price ?? 0),
        formatPrice(e.shockedPrice),
      ]),
    ),
    h3(doc, 'Outcome by regime'),
    ...table(
      doc,
      [
        txt('Regime', 1.1),
        num('Rounds', 0.7),
        num('Margin-called', 0.9),
        num('Liquidated', 0.9),
        num('Bad debt', 1),
        num('Fund used', 1),
        num('ADL', 1),
        num('Cover-1', 1),
        num('Cover-2', 1),
        num('Total loss', 1),
        txt('Halted', 0.9),
      ],
      scenario.runs.map((r) => [
        r.regime,
        formatCount(r.rounds),
        formatCount(r.marginCalled),
        formatCount(r.liquidatedUnits),
        formatUsdShort(r.badDebt),
        formatUsdShort(r.insuranceFundUsed),
        formatUsdShort(r.adl),
        formatUsdShort(r.cover1),
        formatUsdShort(r.cover2),
        formatUsdShort(r.totalLoss),
        r.halted.length > 0 ? r.halted.join(', ') : '–',
      ]),
    ),
    h3(doc, 'Final price and move from today, per asset'),
    ...table(
      doc,
      [txt('Asset', 0.8), ...regimes.flatMap((r) => [num(`${r} price`, 1), num('move', 0.8)])],
      report.market.map((m) => [
        m.asset,
        ...scenario.runs.flatMap((run) => {
          const a = run.assets.find((x) => x.asset === m.asset);
          if (!a) return ['–', '–'];
          return [
            `${formatPrice(a.finalPrice)}${a.halted ? ' (halted)' : ''}`,
            formatReturn(a.moveFromToday),
          ];
        }),
      ]),
    ),
    h3(doc, 'Liquidation flow and units closed, per asset (negative = selling)'),
    ...table(
      doc,
      [txt('Asset', 0.8), ...regimes.flatMap((r) => [num(`${r} flow`, 1), num('units', 0.9)])],
      report.market
        .filter((m) => m.kind === 'crypto')
        .map((m) => [
          m.asset,
          ...scenario.runs.flatMap((run) => {
            const a = run.assets.find((x) => x.asset === m.asset);
            return [formatUsdShort(a?.flowUsd ?? 0), formatQuantity(a?.unitsClosed ?? 0, 2)];
          }),
        ]),
    ),
  ];
  // Per-round trace: one row per regime and round.
  const crypto = report.market.filter((m) => m.kind === 'crypto').map((m) => m.asset);
  const priceColumns = crypto.length <= MAX_TRACE_PRICE_COLUMNS;
  const traceRows: Cell[][] = scenario.runs.flatMap((run) =>
    run.trace.map((round) => {
      const prices = crypto.map((asset) => {
        const p = round.assets.find((a) => a.asset === asset)?.price ?? 0;
        return priceColumns ? formatPrice(p) : `${asset} ${formatPrice(p)}`;
      });
      return [
        run.regime,
        String(round.round),
        formatCount(round.liquidatedUnits),
        formatUsdShort(round.grossFlowUsd),
        formatUsdShort(round.cumulativeBadDebt),
        ...(priceColumns ? prices : [prices.join(' · ')]),
      ];
    }),
  );
  blocks.push(
    h3(doc, 'Round-by-round trace'),
    ...table(
      doc,
      [
        txt('Regime', 1.1),
        num('Round', 0.6),
        num('Units liquidated', 0.9),
        num('Gross flow', 0.9),
        num('Cum. bad debt', 1),
        ...(priceColumns ? crypto.map((a) => num(`${a} price`, 0.9)) : [txt('Prices after the round', 4)]),
      ],
      traceRows,
      'No unit is liquidated in this scenario under any regime.',
    ),
  );
  return blocks;
}

function scenariosSection(doc: Doc, report: RiskReport, number: number): Block[] {
  return [
    h1(doc, `${number}  Scenarios`, 'scenarios'),
    body(
      doc,
      'Each scenario under every regime: the shocks applied, the cascade’s outcome, where prices end and how much was liquidated per asset, and the round-by-round trace.',
    ),
    ...report.scenarios.flatMap((s, i) => scenarioBlocks(doc, report, s, `${number}.${i + 1}`)),
  ];
}

// ── 6 Top clients ───────────────────────────────────────────────────────────────────────────

function topClientsSection(doc: Doc, report: RiskReport, number: number): Block[] {
  const columns = [
    num('#', 0.35),
    txt('Client', 1.3),
    txt('Worst run (scenario)', 2),
    txt('Regime', 1),
    num('Loss', 1.2),
    num('Uncovered', 1.2),
    num('Units liquidated', 0.8),
  ];
  const rows = (list: RiskReport['topClients']['byLoss']): Cell[][] =>
    list.map((c, i) => [
      String(i + 1),
      c.clientId,
      c.scenario,
      c.regime,
      formatUsd(c.loss),
      formatUsd(c.uncovered),
      formatCount(c.liquidatedUnits),
    ]);
  return [
    h1(doc, `${number}  Top clients`, 'top-clients'),
    body(
      doc,
      'Each client is ranked by its worst run over every scenario × regime; the run is named beside it. Loss is the fall in the client’s equity from today to the end of the cascade; uncovered is the part of it left as bad debt.',
    ),
    h3(doc, 'By stress loss'),
    ...table(doc, columns, rows(report.topClients.byLoss), 'No client loses in any scenario.'),
    h3(doc, 'By uncovered loss'),
    ...table(doc, columns, rows(report.topClients.byUncovered), 'No client leaves bad debt in any scenario.'),
  ];
}

// ── 7 Market and concentration ──────────────────────────────────────────────────────────────

function concentrationSection(doc: Doc, report: RiskReport, number: number): Block[] {
  return [
    h1(doc, `${number}  Market and concentration`, 'concentration'),
    h3(doc, 'Market today'),
    ...table(
      doc,
      [txt('Asset'), txt('Kind'), num('Price'), num('Vol (annual)'), num('ADV'), num('Depth for 1%')],
      report.market.map((m) => [
        m.asset,
        m.kind,
        formatPrice(m.price),
        formatPercent(m.vol),
        m.kind === 'crypto' ? formatUsdShort(m.adv) : '–',
        m.kind === 'crypto' ? formatUsdShort(m.depth1pct) : '–',
      ]),
    ),
    h3(doc, 'Net delta per asset (all clients, venues pooled)'),
    ...table(
      doc,
      [
        txt('Asset', 0.8),
        num('Net delta (units)', 1.3),
        num('Net delta', 1.1),
        num('Long side', 1.1),
        num('Short side', 1.1),
        num('Clients', 0.7),
        num('Days of ADV', 0.8),
      ],
      report.concentration.map((c) => [
        c.asset,
        formatQuantity(c.netDelta, 2),
        formatUsdShort(c.netDeltaUsd),
        formatUsdShort(c.longUsd),
        formatUsdShort(c.shortUsd),
        formatCount(c.clients),
        c.largerSideAdvDays === null ? 'n/a' : c.largerSideAdvDays.toFixed(2),
      ]),
    ),
    note(
      doc,
      'Net delta: q for perpetuals and futures, q·Δ for options, plus crypto collateral. Days of ADV = the larger side ÷ average daily volume.',
    ),
    h3(doc, 'Largest client net deltas per asset'),
    ...table(
      doc,
      [
        txt('Asset', 0.8),
        txt('Client', 1.3),
        num('Net delta (units)', 1.3),
        num('Net delta', 1.1),
        num('Share of gross', 1),
      ],
      report.concentration.flatMap((c) =>
        c.topClients.map((t) => [
          c.asset,
          t.clientId,
          formatQuantity(t.netDelta, 4),
          formatUsdShort(t.netDeltaUsd),
          formatPercent(t.shareOfGross, 1),
        ]),
      ),
      'No client holds a crypto delta.',
    ),
  ];
}

// ── 8 Data quality ──────────────────────────────────────────────────────────────────────────

const RECORD_LABELS: Record<string, string> = {
  marketAssets: 'Market assets',
  clients: 'Clients',
  subaccounts: 'Subaccounts',
  positions: 'Positions',
  collateral: 'Collateral balances',
  scenarios: 'Scenarios',
};

function dataQualitySection(doc: Doc, report: RiskReport, number: number): Block[] {
  const dq = report.dataQuality;
  const blocks: Block[] = [
    h1(doc, `${number}  Data quality`, 'data-quality'),
    body(
      doc,
      dq.rejectedTotal === 0
        ? 'Every record received was accepted.'
        : `${formatCount(dq.rejectedTotal)} record(s) were rejected and left out of every figure; the rest were used. Accepted + rejected = received for each kind of record.`,
    ),
    ...table(
      doc,
      [txt('Records', 2), num('Received'), num('Accepted'), num('Rejected')],
      dq.counts.map((c) => [
        RECORD_LABELS[c.record] ?? c.record,
        formatCount(c.received),
        formatCount(c.accepted),
        c.rejected > 0 ? { text: formatCount(c.rejected), bold: true } : '0',
      ]),
    ),
  ];
  if (dq.rejectedTotal > 0) {
    blocks.push(
      h3(doc, 'Rejections by reason'),
      ...table(
        doc,
        [txt('Document', 0.8), txt('Reason', 4), num('Records', 0.7)],
        dq.reasons.map((r) => [r.document, r.reason, formatCount(r.count)]),
      ),
      h3(
        doc,
        dq.rejectedListed < dq.rejectedTotal
          ? `Rejected records (first ${formatCount(dq.rejectedListed)} of ${formatCount(dq.rejectedTotal)})`
          : 'Rejected records',
      ),
      ...table(
        doc,
        [txt('Document', 0.8), txt('Path', 2.2), txt('Reason', 3), txt('Client', 0.9), txt('Venue', 0.8)],
        dq.rejected.map((r) => [
          r.document,
          { text: r.path, mono: true },
          r.reason,
          r.clientId ?? '–',
          r.venue ?? '–',
        ]),
      ),
    );
  }
  if (dq.warningsTotal > 0) {
    blocks.push(
      h3(
        doc,
        dq.warnings.length < dq.warningsTotal
          ? `Warnings (first ${formatCount(dq.warnings.length)} of ${formatCount(dq.warningsTotal)})`
          : 'Warnings',
      ),
      ...table(
        doc,
        [txt('Document', 0.8), txt('Path', 2.2), txt('Message', 4)],
        dq.warnings.map((w) => [w.document, { text: w.path, mono: true }, w.message]),
      ),
    );
  }
  return blocks;
}

// ── Appendix: methodology ───────────────────────────────────────────────────────────────────

function methodologySection(doc: Doc, report: RiskReport): Block[] {
  const m = report.methodology;
  const blocks: Block[] = [h1(doc, 'A  Methodology', 'methodology')];
  for (const part of methodologyText(m)) {
    blocks.push(h3(doc, part.title));
    for (const text of part.paragraphs) blocks.push(body(doc, text));
  }
  const stablecoins = new Set(
    report.market.filter((line) => line.kind === 'stablecoin').map((line) => line.asset),
  );
  const fromDefault = (value: unknown) => (value === null ? 'from *' : undefined);
  blocks.push(
    h3(doc, 'Haircuts and standard-margin tiers'),
    ...table(
      doc,
      [
        txt('Asset', 1.6),
        num('Haircut', 0.8),
        txt('Notional bracket', 2.4),
        num('IMR', 0.7),
        num('MMR', 0.7),
      ],
      m.assets.flatMap((a): Cell[][] => {
        const haircut = fromDefault(a.haircut) ?? formatPercent(a.haircut!, 1);
        // A stablecoin is never margined as a position: its entry holds a haircut only.
        if (stablecoins.has(a.asset))
          return [[describeAssetSource(a), haircut, 'stablecoin: no tiers', '', '']];
        if (!a.tiers) return [[describeAssetSource(a), haircut, 'from *', '', '']];
        return a.tiers.map((t, i) => [
          i === 0 ? describeAssetSource(a) : '',
          i === 0 ? haircut : '',
          tierBracket(t.upTo, i === 0 ? null : (a.tiers![i - 1]!.upTo ?? null)),
          formatPercent(t.imr, 2),
          formatPercent(t.mmr, 2),
        ]);
      }),
    ),
    h3(doc, 'Portfolio-margin settings'),
    ...table(
      doc,
      [
        txt('Asset', 1.2),
        num('Range ±M', 0.8),
        num('Steps', 0.6),
        num('Vol up', 0.7),
        num('Vol down', 0.7),
        txt('Extreme moves', 1.2),
        num('Extreme fraction', 0.8),
        num('Contin-gency', 0.8),
        num('Conc. threshold', 1),
        num('Conc. rate', 0.7),
      ],
      m.assets
        .filter((a) => !stablecoins.has(a.asset) && (a.pm !== null || a.tiers !== null || a.haircut !== null))
        .map((a): Cell[] => {
          const pm = a.pm;
          if (!pm) return [describeAssetSource(a), 'from *', '', '', '', '', '', '', '', ''];
          return [
            describeAssetSource(a),
            formatPercent(pm.range, 1),
            String(pm.steps),
            formatPercent(pm.volUp, 0),
            formatPercent(pm.volDown, 0),
            pm.extremeMoves.map((x) => formatReturn(x, 0)).join(', '),
            formatPercent(pm.extremeFraction, 0),
            formatPercent(pm.contingency, 1),
            formatUsdShort(pm.concentrationThreshold),
            formatPercent(pm.concentrationRate, 1),
          ];
        }),
    ),
    spacer(6),
    note(
      doc,
      `Parameters as given in the set “${m.paramsVersion}”; “from *” means the field is taken from the * entry. Stablecoins without an entry have haircut 0.`,
    ),
  );
  return blocks;
}

/** The body of the report in reading order. */
export function reportBody(doc: Doc, report: RiskReport): Block[] {
  let n = report.dayOverDay ? 3 : 2;
  return [
    ...executiveSummary(doc, report),
    ...dayOverDay(doc, report),
    ...marginSection(doc, report, n++),
    ...worstScenarioCharts(doc, report, n++),
    ...scenariosSection(doc, report, n++),
    ...topClientsSection(doc, report, n++),
    ...concentrationSection(doc, report, n++),
    ...dataQualitySection(doc, report, n++),
    ...methodologySection(doc, report),
  ];
}
