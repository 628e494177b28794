/**
 * The scenario library: historical scenarios (generated from data, chronological; for each
 * event close-to-close then worst intraday low) followed by the hypothetical ones.
 */
import { historicalScenarioDocument } from './historical-library.generated.js';
import { hypotheticalScenarioDocument } from './hypothetical-library.js';
import type { ScenarioDefinition, ScenarioDocument } from './scenario-types.js';

export type {
  AssetProvenance,
  HistoricalScenario,
  HistoricalScenarioMetadata,
  HypotheticalScenario,
  HypotheticalScenarioMetadata,
  ScenarioDefinition,
  ScenarioDocument,
  ScenarioKind,
  ScenarioShockEntry,
  ScenarioShocks,
} from './scenario-types.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const scenarioLibrary: ScenarioDocument = deepFreeze({
  scenarios: [...historicalScenarioDocument.scenarios, ...hypotheticalScenarioDocument.scenarios],
});

const scenariosById: ReadonlyMap<string, ScenarioDefinition> = new Map(
  scenarioLibrary.scenarios.map((scenario) => [scenario.id, scenario]),
);

/** The library scenario with this id, or undefined. */
export function findScenarioById(id: string): ScenarioDefinition | undefined {
  return scenariosById.get(id);
}
