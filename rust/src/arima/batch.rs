//! Fitting many series with one specification, on a batch's private pool (see
//! [`crate::batch`]): an error or a panic in one series never affects the others.

use std::sync::atomic::AtomicBool;

use super::fit::{fit_with, FitOptions};
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

/// One series, stopped inside the optimiser (within one objective evaluation) on a cancel.
fn fit_one(spec: &ArimaSpec, y: &[f64], cancel: &AtomicBool) -> CoreResult<ArimaFit> {
    fit_with(spec, y, &FitOptions { cancel: Some(cancel), ..FitOptions::default() })
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

    #[test]
    fn a_cancel_stops_a_long_fit_promptly() {
        // Uncancelled, each fit takes tens of seconds (38 s measured on a busy 2-core machine).
        let y: Vec<f64> = (0..200_000).map(|t| ((t * 7919 % 1009) as f64).sin() + (t as f64 * 1e-3).cos()).collect();
        let spec = ArimaSpec {
            p: 2, d: 1, q: 2, seasonal_p: 1, seasonal_d: 1, seasonal_q: 1, period: 12, include_mean: false, include_drift: false,
        };
        let series: Vec<&[f64]> = vec![&y, &y];
        let control = BatchControl::new(2, 2).expect("pool");
        let cancelled_at = std::sync::Mutex::new(None);
        let fits = std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(std::time::Duration::from_millis(300));
                *cancelled_at.lock().expect("not poisoned") = Some(std::time::Instant::now());
                control.cancel();
            });
            fit_batch(&spec, &series, &control)
        });
        let latency = cancelled_at.lock().expect("not poisoned").expect("the cancel happened first").elapsed();
        assert!(fits.iter().all(|f| matches!(f, Err(crate::error::CoreError::Cancelled))), "{fits:?}");
        eprintln!("cancel latency with two long fits running: {latency:?}");
        assert!(latency < std::time::Duration::from_secs(1), "the batch returned {latency:?} after the cancel");
        assert_eq!(control.progress().cancelled, 2);
    }
}
