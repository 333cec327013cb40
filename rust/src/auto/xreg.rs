//! What `forecast::auto.arima(xreg = )` does with the regressors before its search: the
//! constant columns left out of the checks, the rank check, the series the unit-root and
//! seasonality tests see (the residuals of `lm(x ~ xreg)`), and the differencing rule
//! that no regressor may become constant.

use crate::arima::Regressors;
use crate::error::{invalid, CoreResult};
use crate::numerics::ols::ols;
use crate::numerics::svd::svd_right;
use super::units::constant_in_any_units;
use crate::stats::series;

/// The non-constant regressors (R's `xregg`): the ones the differencing checks use.
/// Constant columns stay in the model's regressors, as in R (where a candidate with a
/// mean, or with differencing, then fails on them).
pub(crate) fn varying(xreg: &Regressors) -> Vec<Vec<f64>> {
    xreg.columns().iter().filter(|c| !constant_in_any_units(c)).cloned().collect()
}

/// R's rank check: the singular values of `cbind(1, xregg)`, the smallest relative to
/// their sum below machine epsilon, stop the search.
pub(crate) fn check_rank(xregg: &[Vec<f64>], names: &[String]) -> CoreResult<()> {
    if xregg.is_empty() {
        return Ok(());
    }
    let mut cols = Vec::with_capacity(xregg.len() + 1);
    cols.push(vec![1.0; xregg[0].len()]);
    cols.extend(xregg.iter().cloned());
    let (_, d) = svd_right(&cols);
    let sum: f64 = d.iter().sum();
    let min = d.iter().copied().fold(f64::INFINITY, f64::min);
    if min / sum < f64::EPSILON {
        return invalid(format!(
            "xreg is rank deficient: its non-constant columns and an intercept are linearly dependent (columns {}); \
             R's auto.arima stops on it too",
            names.join(", ")
        ));
    }
    Ok(())
}

/// The series the differencing tests see: x with its non-missing values replaced by the
/// residuals of `lm(x ~ xregg)` (with an intercept).
pub(crate) fn regression_residuals(x: &[f64], xregg: &[Vec<f64>]) -> Vec<f64> {
    if xregg.is_empty() {
        return x.to_vec();
    }
    let rows: Vec<usize> = (0..x.len()).filter(|&t| !x[t].is_nan()).collect();
    let mut cols = vec![vec![1.0; rows.len()]];
    cols.extend(xregg.iter().map(|c| rows.iter().map(|&t| c[t]).collect::<Vec<f64>>()));
    let yy: Vec<f64> = rows.iter().map(|&t| x[t]).collect();
    let mut out = x.to_vec();
    if let Some(fit) = ols(&yy, &cols) {
        for (&t, r) in rows.iter().zip(&fit.residuals) {
            out[t] = *r;
        }
    }
    out
}

/// R's rule after choosing a differencing order: when differencing (at `lag`, `times`
/// times) makes any non-constant regressor constant, one difference fewer. Returns the
/// differenced regressors for the next step (undifferenced when `times` is 0).
pub(crate) fn keeps_varying(xregg: &[Vec<f64>], lag: usize, times: usize) -> (bool, Vec<Vec<f64>>) {
    let diffed: Vec<Vec<f64>> =
        xregg.iter().map(|c| (0..times).fold(c.clone(), |acc, _| series::diff(&acc, lag))).collect();
    let ok = times == 0 || !diffed.iter().any(|c| constant_in_any_units(c));
    (ok, diffed)
}
