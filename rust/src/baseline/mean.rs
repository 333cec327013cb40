//! R's `meanf`: the mean of the observed values, with intervals from Student's t with
//! `n - 1` degrees of freedom, where n counts missing values too, as R's `length(x)` does.

use super::fitted::{BaselineFit, Spread};
use super::Baseline;
use crate::error::CoreResult;
use crate::numerics::student_t;
use crate::stats::series;

/// `y` has an observed value (`Baseline::fit` checks).
pub(super) fn fit(y: &[f64]) -> CoreResult<BaselineFit> {
    let present: Vec<f64> = y.iter().copied().filter(|v| !v.is_nan()).collect();
    let count = present.len() as f64;
    let mean = present.iter().sum::<f64>() / count;
    let sd = series::var_na_rm(present.iter().copied()).sqrt();
    Ok(BaselineFit {
        method: Baseline::Mean,
        future: vec![mean],
        spread: Spread::Mean { sd },
        n: y.len(),
        fitted: vec![mean; y.len()],
        residuals: y.iter().map(|v| v - mean).collect(),
    })
}

/// The half width of the interval at `level`: `-qt((1 - level)/2, n - 1) sd sqrt(1 + 1/n)`,
/// infinite for a single value (R's `tfrac <- -Inf`).
pub(super) fn half_width(level: f64, sd: f64, n: usize) -> f64 {
    let n = n as f64;
    let t = if n > 1.0 { student_t::quantile(0.5 * (1.0 - level), n - 1.0) } else { f64::NEG_INFINITY };
    -t * sd * (1.0 + 1.0 / n).sqrt()
}
