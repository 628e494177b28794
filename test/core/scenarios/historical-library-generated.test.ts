import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveHistoricalLibrary } from '../../../functions/core/scenarios/derive-historical.js';
import { historicalScenarioDocument } from '../../../functions/core/scenarios/historical-library.generated.js';
import { readHistoricalInputs } from './read-historical-inputs.js';

describe('historical-library.generated.ts', () => {
  it('equals a fresh derivation from functions/data (regenerate, never hand-edit)', () => {
    const fresh = deriveHistoricalLibrary(readHistoricalInputs());
    expect(historicalScenarioDocument).toStrictEqual(fresh);
  });

  it('says it is generated and by which command', () => {
    const text = readFileSync(
      new URL('../../../functions/core/scenarios/historical-library.generated.ts', import.meta.url),
      'utf8',
    );
    const header = text.split('\n').slice(0, 5).join('\n');
    expect(header).toContain('GENERATED FILE');
    expect(header).toContain('npx tsx functions/cli/build-scenario-library.ts');
  });
});
