//! The KPSS level-stationarity test as `urca::ur.kpss(type = "mu")` and the
//! number of first differences it asks for, as `forecast::ndiffs(test = "kpss")`.

use super::{clamp_alpha, ndiffs_by, Decision};

/// KPSS critical values of `urca::ur.kpss(type = "mu")` at 10%, 5%, 2.5%, 1%.
const MU_CRITICAL: [f64; 4] = [0.347, 0.463, 0.574, 0.739];
const MU_LEVELS: [f64; 4] = [0.10, 0.05, 0.025, 0.01];

/// KPSS statistic with an intercept (urca `type = "mu"`) and Bartlett
/// weights up to `lags`. `y` must hold no missing values.
pub fn kpss_statistic(y: &[f64], lags: usize) -> f64 {
    let n = y.len();
    let nf = n as f64;
    let mean = y.iter().sum::<f64>() / nf;
    let res: Vec<f64> = y.iter().map(|v| v - mean).collect();
    let mut s = 0.0;
    let mut eta = 0.0;
    for r in &res {
        s += r;
        eta += s * s;
    }
    let numerator = eta / (nf * nf);
    let mut denominator = res.iter().map(|r| r * r).sum::<f64>() / nf;
    for k in 1..=lags.min(n.saturating_sub(1)) {
        let cov: f64 = (k..n).map(|t| res[t] * res[t - k]).sum();
        let bartlett = 1.0 - k as f64 / (lags as f64 + 1.0);
        denominator += 2.0 / nf * bartlett * cov;
    }
    numerator / denominator
}

/// The p-value `forecast::ndiffs` reads off urca's table: linear
/// interpolation between the tabulated critical values, clamped to
/// [0.01, 0.10] outside them (R's `approx(rule = 2)`); NaN for a NaN statistic.
pub fn kpss_p_value(stat: f64) -> f64 {
    interpolate_p(stat, &MU_CRITICAL, &MU_LEVELS)
}

/// `approx(cval, levels, xout = stat, rule = 2)$y` for increasing `cval`.
pub(crate) fn interpolate_p(stat: f64, cval: &[f64], levels: &[f64]) -> f64 {
    if stat.is_nan() {
        return f64::NAN;
    }
    let last = cval.len() - 1;
    if stat <= cval[0] {
        return levels[0];
    }
    if stat >= cval[last] {
        return levels[last];
    }
    let i = cval.iter().position(|&c| c > stat).expect("stat lies inside the table") - 1;
    levels[i] + (levels[i + 1] - levels[i]) * (stat - cval[i]) / (cval[i + 1] - cval[i])
}

/// Lag truncation `forecast::ndiffs` passes to `ur.kpss`: trunc(3 sqrt(n) / 13).
fn ndiffs_lags(n: usize) -> usize {
    (3.0 * (n as f64).sqrt() / 13.0).trunc() as usize
}

/// One KPSS test inside `ndiffs`: difference while stationarity is rejected at `alpha`.
fn kpss_decision(x: &[f64], alpha: f64) -> Decision {
    if x.len() < 2 {
        // ur.kpss cannot run; ndiffs catches the error and keeps the current d.
        return Decision::Stop;
    }
    let p = kpss_p_value(kpss_statistic(x, ndiffs_lags(x.len())));
    if p.is_nan() {
        Decision::Undecided
    } else if p < clamp_alpha(alpha) {
        Decision::Difference
    } else {
        Decision::Stop
    }
}

/// `forecast::ndiffs(x, alpha, test = "kpss", max.d)`: missing values are
/// dropped, then x is differenced while the KPSS test rejects stationarity
/// at level `alpha` (clamped to [0.01, 0.1] as R) and fewer than `max_d`
/// differences were taken.
pub fn ndiffs_kpss(x: &[f64], alpha: f64, max_d: usize) -> usize {
    ndiffs_by(x, max_d, |v| kpss_decision(v, alpha))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_value_interpolates_and_clamps() {
        assert_eq!(kpss_p_value(0.1), 0.10);
        assert_eq!(kpss_p_value(5.0), 0.01);
        assert!((kpss_p_value(0.463) - 0.05).abs() < 1e-15);
        let mid = kpss_p_value(0.405);
        assert!((mid - (0.10 - 0.05 * (0.405 - 0.347) / (0.463 - 0.347))).abs() < 1e-15);
    }

    #[test]
    fn random_walk_needs_a_difference_and_noise_does_not() {
        let mut rng = crate::stats::series::tests::Lcg(7);
        let noise: Vec<f64> = (0..200).map(|_| rng.normal()).collect();
        let walk: Vec<f64> = noise.iter().scan(0.0, |s, e| {
            *s += e;
            Some(*s)
        }).collect();
        assert_eq!(ndiffs_kpss(&noise, 0.05, 2), 0);
        assert_eq!(ndiffs_kpss(&walk, 0.05, 2), 1);
        assert_eq!(ndiffs_kpss(&[3.0; 20], 0.05, 2), 0);
    }
}
