/** A stress scenario (MODEL.md §6). */

/** Shock of one asset: return R (> −1), relative vol shock v (≥ −1), liquidity multiplier λ (> 0). */
export interface AssetShock {
  readonly shock: number;
  readonly vol: number;
  readonly liquidity: number;
}

export const NO_SHOCK: AssetShock = { shock: 0, vol: 0, liquidity: 1 };

export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly window?: readonly string[];
  /** Named assets (and "*" for every crypto asset not named), as given. */
  readonly shocks: ReadonlyMap<string, AssetShock>;
  /** Free-form provenance carried through to reports. */
  readonly metadata?: unknown;
}

export const ALL_CRYPTO = '*';
