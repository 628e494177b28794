/**
 * The esbuild options of the bundles (the synthesis tests skip bundling): ES modules for
 * Node.js 22 that can still require CommonJS packages, and the report fonts beside the
 * publish-report bundle — the very files templates/pdf/fonts.ts loads, copied by the hook's
 * own commands.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlingFor, HANDLER_NAMES, REPORT_FONT_FILES } from '../../infra/constructs/compute.js';
import { packagedFontFiles } from '../../templates/pdf/fonts.js';
import { PROJECT_ROOT } from './synth-stack.js';

const outputDir = mkdtempSync(join(tmpdir(), 'marginfall-bundle-'));
afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

describe('bundlingFor', () => {
  it.each(HANDLER_NAMES)(
    '%s: ESM for node22, module entry points first, require() available, SDK bundled',
    (name) => {
      const options = bundlingFor(name);
      expect(options).toMatchObject({
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        bundleAwsSDK: true,
      });
      expect(options.banner).toMatch(/createRequire.*const require = \w+\(import\.meta\.url\)/);
    },
  );

  it('publish-report gets exactly the fonts the renderer loads, copied beside the bundle', () => {
    const loaded = Object.values(packagedFontFiles()).map((path) => basename(path));
    expect([...REPORT_FONT_FILES].sort()).toEqual([...loaded].sort());
    const commands = bundlingFor('publish-report').commandHooks!.afterBundling(PROJECT_ROOT, outputDir);
    expect(commands).toHaveLength(REPORT_FONT_FILES.length);
    for (const command of commands) execFileSync('sh', ['-c', command]);
    expect(readdirSync(outputDir).sort()).toEqual([...REPORT_FONT_FILES].sort());
  });

  it('the other functions copy nothing', () => {
    for (const name of HANDLER_NAMES.filter((handler) => handler !== 'publish-report')) {
      expect(bundlingFor(name).commandHooks!.afterBundling(PROJECT_ROOT, outputDir), name).toEqual([]);
    }
  });
});
