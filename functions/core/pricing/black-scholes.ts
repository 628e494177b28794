/**
 * Black–Scholes for European, USD-settled (linear) options on a non-dividend underlying
 * with a continuously compounded rate r (MODEL.md §1.2).
 *
 * Units: spot, strike and premium in USD per unit of the underlying; τ in years (ACT/365);
 * σ annualised. Greeks are per unit of underlying: delta ∂V/∂S, gamma ∂²V/∂S²,
 * vega ∂V/∂σ per 1.00 of vol (divide by 100 for "per vol point"), theta ∂V/∂t per year
 * of calendar time (= −∂V/∂τ; divide by 365 for per day).
 *
 * Expired (τ ≤ 0, MODEL.md §0): intrinsic value (undiscounted), delta 1 for an in-the-money
 * call, −1 for an in-the-money put, 0 otherwise, and no sensitivity to vol or time.
 * A zero total variance (σ = 0 after a −100% vol shock) takes the deterministic limit:
 * the discounted forward intrinsic value, and delta the σ → 0⁺ limit (±½ exactly at the
 * discounted strike).
 */
import { normalCdf, normalPdf } from './normal.js';

export type OptionRight = 'call' | 'put';

export interface OptionGreeks {
  readonly price: number;
  readonly delta: number;
  readonly gamma: number;
  readonly vega: number;
  readonly theta: number;
}

const EXPIRED_ZERO_GREEKS = { gamma: 0, vega: 0, theta: 0 } as const;

function expiredPrice(isCall: boolean, spot: number, strike: number): number {
  return isCall ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
}

function expiredDelta(isCall: boolean, spot: number, strike: number): number {
  if (isCall) return spot > strike ? 1 : 0;
  return spot < strike ? -1 : 0;
}

/** Option premium V(S, K, τ, σ, r). `isCall` selects the right. */
export function optionPrice(
  isCall: boolean,
  spot: number,
  strike: number,
  tau: number,
  vol: number,
  rate: number,
): number {
  if (tau <= 0) return expiredPrice(isCall, spot, strike);
  const discountedStrike = strike * Math.exp(-rate * tau);
  const stdDev = vol * Math.sqrt(tau);
  if (!(stdDev > 0)) {
    return isCall ? Math.max(spot - discountedStrike, 0) : Math.max(discountedStrike - spot, 0);
  }
  const d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * tau) / stdDev;
  const d2 = d1 - stdDev;
  return isCall
    ? spot * normalCdf(d1) - discountedStrike * normalCdf(d2)
    : discountedStrike * normalCdf(-d2) - spot * normalCdf(-d1);
}

/** Option delta ∂V/∂S. */
export function optionDelta(
  isCall: boolean,
  spot: number,
  strike: number,
  tau: number,
  vol: number,
  rate: number,
): number {
  if (tau <= 0) return expiredDelta(isCall, spot, strike);
  const stdDev = vol * Math.sqrt(tau);
  if (!(stdDev > 0)) {
    // The σ → 0⁺ limit of N(d1): 1 above the discounted strike, 0 below, ½ exactly at it.
    const discountedStrike = strike * Math.exp(-rate * tau);
    const callDelta = spot > discountedStrike ? 1 : spot < discountedStrike ? 0 : 0.5;
    return isCall ? callDelta : callDelta - 1;
  }
  const d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * tau) / stdDev;
  return isCall ? normalCdf(d1) : normalCdf(d1) - 1;
}

/** Premium and all first-order Greeks plus gamma, in one pass. */
export function blackScholes(
  right: OptionRight,
  spot: number,
  strike: number,
  tau: number,
  vol: number,
  rate: number,
): OptionGreeks {
  const isCall = right === 'call';
  if (tau <= 0) {
    return {
      price: expiredPrice(isCall, spot, strike),
      delta: expiredDelta(isCall, spot, strike),
      ...EXPIRED_ZERO_GREEKS,
    };
  }
  const stdDev = vol * Math.sqrt(tau);
  if (!(stdDev > 0)) {
    const discountedStrike = strike * Math.exp(-rate * tau);
    const price = optionPrice(isCall, spot, strike, tau, vol, rate);
    const delta = optionDelta(isCall, spot, strike, tau, vol, rate);
    const inTheMoney = isCall ? spot > discountedStrike : spot < discountedStrike;
    // V = ±(S − K·e^{−rτ}) when in the money: ∂V/∂t = ∓r·K·e^{−rτ}.
    const theta = inTheMoney ? (isCall ? -1 : 1) * rate * discountedStrike : 0;
    return { price, delta, gamma: 0, vega: 0, theta };
  }
  const sqrtTau = Math.sqrt(tau);
  const discount = Math.exp(-rate * tau);
  const d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * tau) / stdDev;
  const d2 = d1 - stdDev;
  const pdf = normalPdf(d1);
  const gamma = pdf / (spot * stdDev);
  const vega = spot * pdf * sqrtTau;
  const decay = (-spot * pdf * vol) / (2 * sqrtTau);
  if (isCall) {
    const nd2 = normalCdf(d2);
    return {
      price: spot * normalCdf(d1) - strike * discount * nd2,
      delta: normalCdf(d1),
      gamma,
      vega,
      theta: decay - rate * strike * discount * nd2,
    };
  }
  const nMinusD2 = normalCdf(-d2);
  return {
    price: strike * discount * nMinusD2 - spot * normalCdf(-d1),
    delta: normalCdf(d1) - 1,
    gamma,
    vega,
    theta: decay + rate * strike * discount * nMinusD2,
  };
}
