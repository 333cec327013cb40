//! The standard normal distribution: CDF and quantile.
//!
//! The quantile is Acklam's rational approximation (relative error ~1e-9)
//! refined by Newton steps on an accurate normal CDF; the CDF uses the
//! power series of erf for small arguments and the Laplace continued
//! fraction of erfc (evaluated by the modified Lentz method) in the tail.

const SQRT_2: f64 = std::f64::consts::SQRT_2;
const FRAC_2_SQRT_PI: f64 = std::f64::consts::FRAC_2_SQRT_PI;

/// erf(z) for 0 <= z <= ~3 by `2/sqrt(pi) exp(-z^2) sum_n 2^n z^{2n+1} / (2n+1)!!`
/// (all terms positive, no cancellation).
fn erf_series(z: f64) -> f64 {
    let z2 = z * z;
    let mut term = z;
    let mut sum = z;
    let mut k = 0.0;
    loop {
        k += 1.0;
        term *= 2.0 * z2 / (2.0 * k + 1.0);
        sum += term;
        if term <= sum * 1e-17 || k > 500.0 {
            break;
        }
    }
    FRAC_2_SQRT_PI * (-z2).exp() * sum
}

/// erfc(z) for z > 0 by the continued fraction
/// `erfc(z) = exp(-z^2)/sqrt(pi) * 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...))))`.
fn erfc_cf(z: f64) -> f64 {
    const TINY: f64 = 1e-300;
    // f = b0 + a1/(b1 + a2/(b2 + ...)) with b_k = z, a_k = k/2.
    let mut f = z;
    let mut c = z;
    let mut d = 0.0;
    for k in 1..5000 {
        let a = k as f64 * 0.5;
        d = z + a * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = z + a / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    (-z * z).exp() / (std::f64::consts::PI.sqrt() * f)
}

/// Lower-tail standard normal probability Phi(x).
pub(crate) fn pnorm(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    let z = x.abs() / SQRT_2;
    // Upper tail Q(|x|) = erfc(z)/2: series where 1 - erf loses little,
    // continued fraction beyond.
    let upper = if z < 0.7 { 0.5 * (1.0 - erf_series(z)) } else { 0.5 * erfc_cf(z) };
    if x < 0.0 {
        upper
    } else {
        1.0 - upper
    }
}

/// Standard normal quantile, accurate to about 1e-15 for p in (0, 1).
pub(crate) fn qnorm(p: f64) -> f64 {
    if !(p > 0.0 && p < 1.0) {
        return if p == 0.0 {
            f64::NEG_INFINITY
        } else if p == 1.0 {
            f64::INFINITY
        } else {
            f64::NAN
        };
    }
    if p > 0.5 {
        return -qnorm_lower(1.0 - p);
    }
    qnorm_lower(p)
}

/// Quantile for p <= 0.5 (negative or zero result).
fn qnorm_lower(p: f64) -> f64 {
    // Acklam's coefficients.
    const A: [f64; 6] = [
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.38357751867269e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-03,
        3.224671290700398e-01,
        2.445134137142996e+00,
        3.754408661907416e+00,
    ];
    const P_LOW: f64 = 0.02425;
    let mut x = if p < P_LOW {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    // Halley refinement on Phi(x) - p (relative residual, lower tail).
    for _ in 0..4 {
        let e = pnorm(x) - p;
        let dens = (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt();
        if dens == 0.0 {
            break;
        }
        let u = e / dens;
        let step = u / (1.0 + 0.5 * x * u);
        x -= step;
        if step.abs() <= 1e-17 * x.abs().max(1.0) {
            break;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles() {
        let cases = [
            (0.975, 1.959963984540054),
            (0.9, 1.2815515655446004),
            (0.995, 2.5758293035489004),
            (0.8, 0.8416212335729143),
            (0.5, 0.0),
            (0.025, -1.959963984540054),
            (1e-10, -6.361340902404056),
        ];
        for (p, want) in cases {
            let got = qnorm(p);
            assert!((got - want).abs() <= 2e-15 * want.abs().max(1.0), "qnorm({p}) = {got:e}, want {want:e}");
        }
    }

    #[test]
    fn cdf() {
        assert!((pnorm(1.959963984540054) - 0.975).abs() < 1e-16);
        assert!((pnorm(-3.0) - 1.3498980316300946e-3).abs() < 1e-18);
        assert!((pnorm(0.5) - 0.6914624612740131).abs() < 3e-16, "{:e}", pnorm(0.5) - 0.6914624612740131);
    }
}
