/**
 * Reverse stress search (MODEL.md §7): the least severe uniform crypto shock R* at which the
 * as-is bad debt exceeds the insurance fund. Bad debt is not monotone in R (shorts gain on the
 * way down), so the grid is scanned from 0 outwards and the first crossing is bisected
 * exactly 16 times; R* is the severe end of the final bracket.
 */

/** Scan grids: 0, −0.05, …, −0.95 (down) and 0, +0.10, …, +3.00 (up). Built from integers to avoid drift. */
export const DOWN_GRID: readonly number[] = Array.from({ length: 20 }, (_, i) => 0 - (i * 5) / 100); // 0 − 0 is +0, never −0
export const UP_GRID: readonly number[] = Array.from({ length: 31 }, (_, i) => (i * 10) / 100);
export const BISECTION_STEPS = 16;

export interface ReverseStressResult {
  /** Least severe crossing on the way down, or null if no grid point holds. */
  readonly down: number | null;
  readonly up: number | null;
}

/** `holds(R)` ⇔ badDebt(R) > insuranceFund. Evaluations are memoised by the caller if wanted. */
export function searchThreshold(grid: readonly number[], holds: (shock: number) => boolean): number | null {
  for (let i = 0; i < grid.length; i++) {
    const point = grid[i]!;
    if (!holds(point)) continue;
    if (i === 0) return point;
    let lo = grid[i - 1]!;
    let hi = point;
    for (let step = 0; step < BISECTION_STEPS; step++) {
      const mid = (lo + hi) / 2;
      if (holds(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }
  return null;
}

export type ReverseStressSide = 'down' | 'up';

export const REVERSE_STRESS_GRIDS: Readonly<Record<ReverseStressSide, readonly number[]>> = {
  down: DOWN_GRID,
  up: UP_GRID,
};

/** `holds` evaluated at most once per shock (both sides start at R = 0). */
export function memoiseHolds(holds: (shock: number) => boolean): (shock: number) => boolean {
  const memo = new Map<number, boolean>();
  return (shock) => {
    let result = memo.get(shock);
    if (result === undefined) {
      result = holds(shock);
      memo.set(shock, result);
    }
    return result;
  };
}

export function reverseStress(holds: (shock: number) => boolean): ReverseStressResult {
  const cached = memoiseHolds(holds);
  return { down: searchThreshold(DOWN_GRID, cached), up: searchThreshold(UP_GRID, cached) };
}
