//! A batch never touches rayon's global pool, which the host application may own: after a
//! whole batch of fits (and the rolling kernels inside a batch item), the global pool can
//! still be configured by the application. Its own test binary, so no other test has used
//! the global pool first.

use lagrs_core::arima::{fit_batch, ArimaSpec};
use lagrs_core::batch::{self, BatchControl};
use lagrs_core::rolling::{self, Statistic, Window};

#[test]
fn batches_leave_the_global_pool_unbuilt() {
    let spec = ArimaSpec { p: 1, d: 0, q: 1, seasonal_p: 0, seasonal_d: 0, seasonal_q: 0, period: 0, include_mean: true, include_drift: false };
    let series: Vec<Vec<f64>> = (0..16).map(|k| (0..120).map(|t| ((t * (k + 3)) as f64 * 0.37).sin()).collect()).collect();
    let slices: Vec<&[f64]> = series.iter().map(Vec::as_slice).collect();
    let control = BatchControl::new(slices.len(), 2).expect("pool");
    assert!(fit_batch(&spec, &slices, &control).iter().all(Result::is_ok));

    // Parallel rolling work inside batch items runs on the batch's pool too.
    let long: Vec<f64> = (0..300_000).map(|t| (t as f64).sqrt()).collect();
    let control = BatchControl::new(2, 2).expect("pool");
    let out = batch::run(2, &control, |_, _| {
        let mut out = vec![0.0; long.len()];
        rolling::rolling_parallel(Statistic::Mean, &long, Window::new(50, 50)?, &mut out)?;
        Ok(out[long.len() - 1])
    });
    assert!(out.iter().all(Result::is_ok));

    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
        .expect("the global pool was never built by lagrs, so the application can still configure it");
}
