/**
 * `npm run bench:report [-- --clients 100000] [--seed S] [--reverse-stress]`: the report stages
 * for one seeded synthetic book — book exposure, report model, JSON, PDF, email — timed apart.
 *
 * The calculation itself is measured by bench:engine; here it only produces the result the
 * report is built from (10 library scenarios × 4 regimes; the reverse-stress search is skipped
 * unless asked for, since it changes two numbers in the report and not its size). Parsing the
 * fonts (once per process) is timed apart; the PDF is then rendered once cold (first document:
 * pdfkit's and fontkit's code paths not yet optimised) and three times warm. A full garbage
 * collection runs before each stage so that no stage pays for the garbage of the one before
 * (the 100k-client book and engine leave a large heap). Wall time and the process's CPU time
 * are both shown. Prints a markdown table for BENCHMARKS.md.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { calculate, validateInputs } from '../../functions/core/calculation/calculate.js';
import { computeBookExposure } from '../../functions/core/report/book-exposure.js';
import { buildRiskReport } from '../../functions/core/report/build-report.js';
import { stringifyRiskReport } from '../../functions/core/report/serialize-report.js';
import { generateSyntheticBook } from '../../functions/core/synthetic/generate-book.js';
import { renderReportEmail } from '../../templates/email/render-report-email.js';
import { loadFont, packagedFontFiles } from '../../templates/pdf/fonts.js';
import { renderReportPdf } from '../../templates/pdf/render-report-pdf.js';
import { benchScenarios, REFERENCE_PARAMS_TEXT } from './bench-support.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

async function timed<T>(work: () => T | Promise<T>): Promise<[T, Timing]> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [value, { wallMs, cpuMs: (used.user + used.system) / 1000 }];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ms = (t: Timing) => `${t.wallMs.toFixed(0)} | ${t.cpuMs.toFixed(0)}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '100000' },
      seed: { type: 'string', default: 'bench-1' },
      'reverse-stress': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const clients = Number(values.clients);
  const asOf = '2026-11-30';
  const paramsText = REFERENCE_PARAMS_TEXT();
  const scenarios = benchScenarios();
  const { book, market } = generateSyntheticBook({ clients, seed: values.seed, asOf });
  const documents = { book, market, params: JSON.parse(paramsText) as unknown, scenarios };
  const [result, calc] = await timed(() =>
    calculate(documents, { skipReverseStress: !values['reverse-stress'] }),
  );
  const inputs = validateInputs(documents);

  // Hashing the documents happens where they are read (an edge), not in the report stages.
  const inputDigests = {
    book: sha256(JSON.stringify(book)),
    market: sha256(JSON.stringify(market)),
    params: sha256(paramsText),
    scenarios: sha256(JSON.stringify(scenarios)),
  };
  const [exposure, exposureTime] = await timed(() => computeBookExposure(inputs));
  const [report, buildTime] = await timed(() =>
    buildRiskReport({
      result,
      exposure,
      params: inputs.params,
      scenarios: inputs.scenarios,
      identity: {
        runId: `bench-${values.seed}`,
        generatedAt: '2026-11-30T06:15:00Z',
        codeVersion: 'bench',
        inputDigests,
      },
    }),
  );
  const [json, jsonTime] = await timed(() => stringifyRiskReport(report));
  const [, fontTime] = await timed(() => {
    for (const path of Object.values(packagedFontFiles())) loadFont(path);
  });
  const [pdf, coldTime] = await timed(() => renderReportPdf(report));
  const warm: Timing[] = [];
  for (let i = 0; i < 3; i++) warm.push((await timed(() => renderReportPdf(report)))[1]);
  warm.sort((a, b) => a.wallMs - b.wallMs);
  const [, emailTime] = await timed(() =>
    renderReportEmail(report, { pdf: { kind: 'attached', fileName: 'report.pdf', sizeBytes: pdf.length } }),
  );
  if (values.out) writeFileSync(values.out, pdf);

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Node ${process.version}, ${availableParallelism()} cores (${cpu}), seed ${values.seed}`);
  console.log(
    `${clients.toLocaleString('en-US')} clients, ${result.runs.length} runs; calculation ${(calc.wallMs / 1000).toFixed(1)} s (not part of the report); JSON ${(json.length / 1024).toFixed(0)} KB, PDF ${(pdf.length / 1024).toFixed(0)} KB`,
  );
  console.log('');
  console.log('| stage | wall ms | CPU ms |');
  console.log('|---|---:|---:|');
  console.log(`| book exposure (net deltas, margin-called clients) | ${ms(exposureTime)} |`);
  console.log(`| buildRiskReport | ${ms(buildTime)} |`);
  console.log(`| JSON | ${ms(jsonTime)} |`);
  console.log(`| fonts read and parsed (once per process) | ${ms(fontTime)} |`);
  console.log(`| PDF, first render | ${ms(coldTime)} |`);
  console.log(`| PDF, warm (median of 3) | ${ms(warm[1]!)} |`);
  console.log(`| email | ${ms(emailTime)} |`);
  const cold = [buildTime, jsonTime, fontTime, coldTime, emailTime];
  console.log(
    `| **report, cold process** (build + JSON + fonts + first PDF + email) | **${cold.reduce((s, t) => s + t.wallMs, 0).toFixed(0)}** | ${cold.reduce((s, t) => s + t.cpuMs, 0).toFixed(0)} |`,
  );
}

await main();
