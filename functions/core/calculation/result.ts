/**
 * The calculator's result document, `result.json` (MODEL.md §8). The fields §8 defines keep
 * their names and meaning; the extra fields (scenario names, top clients, per-round trace,
 * warnings, record counts) are additions §8 allows.
 */
import type { LossFigures } from '../engine/engine.js';
import type { Regime } from '../model/params.js';
import type { RecordCount, RejectedRecord, Warning } from '../model/rejection.js';

export const MODEL_VERSION = '1.2';

export interface MarginBlock {
  readonly units: number;
  readonly im: number;
  readonly mm: number;
  readonly marginCalled: number;
  readonly liquidatable: number;
}

export interface ClientLoss {
  readonly clientId: string;
  readonly loss: number;
  readonly uncovered: number;
  readonly liquidatedUnits: number;
}

export interface RoundRecord {
  readonly round: number;
  readonly liquidatedUnits: number;
  /** P^k per asset after this round's flow. */
  readonly prices: Record<string, number>;
  /** USD flow added in this round per crypto asset (valued at P⁰; negative = selling). */
  readonly flowUsd: Record<string, number>;
  /** Units of the underlying closed in this round per crypto asset (flow / P⁰, signed). */
  readonly unitsClosed: Record<string, number>;
  readonly cumulativeBadDebt: number;
}

export interface RunRecord extends LossFigures {
  readonly scenario: string;
  readonly regime: Regime;
  readonly rounds: number;
  readonly marginCalled: number;
  readonly liquidatedUnits: number;
  readonly liquidationFlowUsd: Record<string, number>;
  readonly finalPrices: Record<string, number>;
  readonly halted: readonly string[];
  readonly scenarioName: string;
  /** The ten clients with the largest loss (> 0), and the ten with the largest uncovered loss (> 0). */
  readonly topClients: {
    readonly byLoss: readonly ClientLoss[];
    readonly byUncovered: readonly ClientLoss[];
  };
  readonly trace: readonly RoundRecord[];
}

export interface DataQuality {
  readonly marketAssets: RecordCount;
  readonly clients: RecordCount;
  readonly subaccounts: RecordCount;
  readonly positions: RecordCount;
  readonly collateral: RecordCount;
  readonly scenarios: RecordCount;
}

export interface CalculationResult {
  readonly asOf: string;
  readonly modelVersion: string;
  readonly paramsVersion: string;
  /** The book's insurance fund (USD). */
  readonly insuranceFund: number;
  readonly margin: Partial<Record<Regime, MarginBlock>>;
  readonly runs: readonly RunRecord[];
  readonly reverseStress: { readonly down: number | null; readonly up: number | null };
  readonly rejected: readonly RejectedRecord[];
  readonly warnings: readonly Warning[];
  readonly dataQuality: DataQuality;
}
