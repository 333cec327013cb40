//! Fitting many series with one specification, on a batch's private pool (see
//! [`crate::batch`]): an error or a panic in one series never affects the others.

use std::sync::atomic::AtomicBool;

use super::fit::fit;
use super::model::ArimaFit;
use super::spec::ArimaSpec;
use crate::batch::{self, BatchControl};
use crate::error::CoreResult;

/// Fits `spec` to every series on all cores; results are in input order.
pub fn fit_many(spec: &ArimaSpec, series: &[&[f64]]) -> Vec<CoreResult<ArimaFit>> {
    match BatchControl::new(series.len(), 0) {
        Ok(control) => fit_batch(spec, series, &control),
        Err(e) => series.iter().map(|_| Err(e.clone())).collect(),
    }
}

/// Fits `spec` to every series under `control` (threads, progress, cancellation); results
/// are in input order. May be called once per chunk of a large input with the same control.
pub fn fit_batch(spec: &ArimaSpec, series: &[&[f64]], control: &BatchControl) -> Vec<CoreResult<ArimaFit>> {
    batch::run(series.len(), control, |i, cancel| fit_one(spec, series[i], cancel))
}

fn fit_one(spec: &ArimaSpec, y: &[f64], _cancel: &AtomicBool) -> CoreResult<ArimaFit> {
    fit(spec, y)
}

impl ArimaFit {
    /// Bytes of heap this fit holds (its vectors and itself), for native-memory accounting.
    pub fn heap_bytes(&self) -> usize {
        let doubles = self.coef.capacity()
            + self.std_errors.capacity()
            + self.y.capacity()
            + self.residuals.capacity()
            + self.state_a.capacity()
            + self.state_p.capacity();
        std::mem::size_of::<ArimaFit>() + doubles * std::mem::size_of::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> ArimaSpec {
        ArimaSpec { p: 1, d: 0, q: 0, seasonal_p: 0, seasonal_d: 0, seasonal_q: 0, period: 0, include_mean: true, include_drift: false }
    }

    #[test]
    fn a_bad_series_fails_alone_and_single_thread_matches_many() {
        let good: Vec<f64> = (0..80).map(|t| ((t * 37 % 11) as f64).sin()).collect();
        let series: Vec<&[f64]> = vec![&good, &[1.0, f64::INFINITY, 2.0], &good];
        let one = BatchControl::new(series.len(), 1).expect("pool");
        let fits = fit_batch(&spec(), &series, &one);
        assert!(fits[0].is_ok() && fits[1].is_err() && fits[2].is_ok());
        assert_eq!(one.progress().failed, 1);
        let many = fit_many(&spec(), &series);
        assert_eq!(fits[0], many[0]);
        assert!(fits[0].as_ref().expect("fitted").heap_bytes() > 2 * 80 * 8);
    }
}
