//! R's special cases of `auto.arima` that fit no search: a constant series
//! (ARIMA(0,0,0) with its mean fixed), and a series that is constant after
//! differencing (a pure differencing model whose drift, if any, is fixed
//! at the mean difference). Both are `forecast::Arima` fits with every
//! coefficient fixed, so there is nothing to optimize: the model is built
//! directly.

use crate::arima::{ArimaFit, ArimaSpec, Selection};
use crate::error::{CoreError, CoreResult};

fn spec(d: usize, seasonal_d: usize, period: usize, include_mean: bool, include_drift: bool) -> ArimaSpec {
    ArimaSpec { p: 0, d, q: 0, seasonal_p: 0, seasonal_d, seasonal_q: 0, period: period.max(1), include_mean, include_drift }
}

/// `auto.arima` on a constant series: `Arima(x, order = c(0,0,0), fixed =
/// mean(x))`, or without a mean when means are not allowed.
pub(crate) fn constant(x: &[f64], allow_mean: bool) -> ArimaFit {
    let values: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    if allow_mean {
        build(x, spec(0, 0, 1, true, false), vec![mean])
    } else {
        build(x, spec(0, 0, 1, false, false), Vec::new())
    }
}

/// `auto.arima` when the differenced series `dx` is constant: ARIMA(0,d,0)
/// (0,D,0)[m], with a drift fixed at `mean(dx) / m` (D = 1, d = 0) or
/// `mean(dx)` (d = 1, D = 0), as R.
pub(crate) fn constant_after_differencing(x: &[f64], dx: &[f64], d: usize, sd: usize, m: usize) -> CoreResult<ArimaFit> {
    let mean_dx = dx.iter().sum::<f64>() / dx.len() as f64;
    if x.iter().any(|v| v.is_nan()) {
        return Err(CoreError::Numerical("a series constant after differencing cannot have missing values".into()));
    }
    Ok(match (d, sd) {
        (0, 1) => build(x, spec(0, 1, m, false, true), vec![mean_dx / m as f64]),
        (1, 0) => build(x, spec(1, 0, m, false, true), vec![mean_dx]),
        (d, sd) => build(x, spec(d, sd, m, false, false), Vec::new()),
    })
}

/// The fitted form of a pure differencing model (no ARMA terms) with fixed
/// regression coefficients `coef` (intercept or drift) on complete data:
/// innovations are the differenced, regression-adjusted series. The first
/// d + D*m residuals are R's under its diffuse prior variance 1e6 for a
/// single difference, `value / 1000` (for two differences R's values differ
/// slightly); sigma2 is `forecast::Arima`'s `sum(residuals^2) / nstar`.
fn build(x: &[f64], spec: ArimaSpec, coef: Vec<f64>) -> ArimaFit {
    let n = x.len();
    let mut adj = x.to_vec();
    let slope = |i: usize| coef.get(i).copied().unwrap_or(0.0);
    if spec.include_mean {
        adj.iter_mut().for_each(|v| *v -= slope(0));
    }
    if spec.include_drift {
        adj.iter_mut().enumerate().for_each(|(t, v)| *v -= slope(0) * (t + 1) as f64);
    }
    let delta = differencing_polynomial(spec.d, spec.seasonal_d, spec.period);
    let nd = delta.len();
    let w: Vec<f64> = (nd..n).map(|t| adj[t] - delta.iter().enumerate().map(|(j, c)| c * adj[t - 1 - j]).sum::<f64>()).collect();
    let mut residuals: Vec<f64> = adj[..nd.min(n)].iter().map(|v| v / DIFFUSE_SD).collect();
    residuals.extend_from_slice(&w);
    let n_obs = x.iter().filter(|v| !v.is_nan()).count();
    let n_used = n_obs.saturating_sub(nd);
    let nu = n_used as f64;
    // R's likelihood uses the innovations after the diffuse start only.
    let (ssq_w, scale_w) = sum_of_squares(&w);
    let loglik = -0.5 * (nu * ((2.0 * std::f64::consts::PI * ssq_w / nu).ln() + 2.0 * scale_w.ln()) + nu);
    // sigma2 in units of `scale^2` (see `ArimaFit::sigma2`).
    let (ssq, scale) = sum_of_squares(&residuals);
    let sigma2 = if n_used > 0 { ssq / nu } else { 0.0 };
    // State: the ARMA(0,0) part holds the last innovation, the differencing
    // part the last nd adjusted values; all known exactly.
    let rd = 1 + nd;
    let mut state_a = vec![0.0; rd];
    state_a[0] = w.last().copied().unwrap_or(adj[n - 1]);
    for j in 0..nd {
        state_a[1 + j] = adj[n - 2 - j];
    }
    let k = coef.len();
    ArimaFit {
        spec,
        coef,
        std_errors: vec![f64::NAN; k],
        sigma2,
        scale,
        loglik,
        n_used,
        y: x.to_vec(),
        residuals,
        state_a,
        state_p: vec![0.0; rd * rd],
        selection: Selection::default(),
        xreg_names: Vec::new(),
        xreg: Vec::new(),
        fourier: Vec::new(),
        fourier_end: 0,
    }
}

/// The sum of squares of the non-missing values of `v` as `(sum (v / scale)^2, scale)`:
/// scale 1 unless the plain sum overflows (values near 1e154 and beyond) or the squares
/// underflow (every value below 2^-500, about 3e-151: their squares lose digits or vanish),
/// then the largest |value|, so that sigma and the likelihood stay right (see
/// `ArimaFit::sigma`).
fn sum_of_squares(v: &[f64]) -> (f64, f64) {
    let plain: f64 = v.iter().filter(|x| !x.is_nan()).map(|x| x * x).sum();
    let largest = v.iter().filter(|x| !x.is_nan()).fold(0.0f64, |m, x| m.max(x.abs()));
    if (plain.is_finite() && largest >= 2f64.powi(-500)) || largest == 0.0 {
        return (plain, 1.0);
    }
    (v.iter().filter(|x| !x.is_nan()).map(|x| (x / largest).powi(2)).sum(), largest)
}

/// Square root of R's diffuse prior variance `kappa = 1e6` for differencing states.
const DIFFUSE_SD: f64 = 1000.0;

/// Coefficients of `(1 - B)^d (1 - B^m)^D = 1 - sum_j delta_j B^j`.
fn differencing_polynomial(d: usize, sd: usize, m: usize) -> Vec<f64> {
    let mut poly = vec![1.0];
    let mut multiply = |lag: usize| {
        let mut next = vec![0.0; poly.len() + lag];
        for (i, c) in poly.iter().enumerate() {
            next[i] += c;
            next[i + lag] -= c;
        }
        poly = next;
    };
    (0..d).for_each(|_| multiply(1));
    (0..sd).for_each(|_| multiply(m));
    poly[1..].iter().map(|c| -c).collect()
}
