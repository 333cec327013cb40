//! Fitting many series in parallel on the rayon pool. Each series is fitted
//! independently; an error (or even a panic) in one never affects the others.

use super::fit::fit;
use super::model::ArimaFit;
use super::spec::ArimaSpec;
use crate::error::{CoreError, CoreResult};
use rayon::prelude::*;

/// Fits `spec` to every series, in parallel; results are in input order.
pub fn fit_many(spec: &ArimaSpec, series: &[&[f64]]) -> Vec<CoreResult<ArimaFit>> {
    series
        .par_iter()
        .map(|y| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| fit(spec, y))).unwrap_or_else(|_| {
                Err(CoreError::Numerical("internal error while fitting this series".into()))
            })
        })
        .collect()
}
