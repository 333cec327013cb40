//! `fit_with`: the "ML" method reaches the "CSS-ML" optimum, and a set
//! cancellation flag stops a fit with `CoreError::Cancelled`.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::Rng;
use lagrs_core::arima::{fit, fit_with, ArimaSpec, FitMethod, FitOptions};
use lagrs_core::error::CoreError;

fn spec(p: usize, d: usize, q: usize, mean: bool) -> ArimaSpec {
    common::nonseasonal_spec(p, d, q, mean, false)
}

fn arma11(n: usize, seed: u64) -> Vec<f64> {
    let mut rng = Rng(seed);
    let mut y = Vec::with_capacity(n);
    let (mut prev, mut e_prev) = (0.0, 0.0);
    for _ in 0..n {
        let e = rng.normal();
        let v = 0.6 * prev + e + 0.3 * e_prev;
        y.push(10.0 + v);
        prev = v;
        e_prev = e;
    }
    y
}

#[test]
fn ml_reaches_the_css_ml_optimum() {
    let y = arma11(300, 7);
    let s = spec(1, 0, 1, true);
    let a = fit(&s, &y).expect("CSS-ML");
    let b = fit_with(&s, &y, &FitOptions { method: FitMethod::Ml, ..Default::default() }).expect("ML");
    assert!((a.log_likelihood() - b.log_likelihood()).abs() < 1e-6, "{} vs {}", a.log_likelihood(), b.log_likelihood());
    for (x, z) in a.coefficients().iter().zip(b.coefficients()) {
        assert!((x - z).abs() < 1e-3, "{:?} vs {:?}", a.coefficients(), b.coefficients());
    }
    let default = fit_with(&s, &y, &FitOptions::default()).expect("default");
    assert_eq!(default, a, "fit is fit_with(CssMl)");
}

#[test]
fn a_set_flag_cancels_every_method_before_any_work() {
    let y = arma11(500, 3);
    let flag = AtomicBool::new(true);
    for method in [FitMethod::CssMl, FitMethod::Ml, FitMethod::Css] {
        let r = fit_with(&spec(1, 1, 1, false), &y, &FitOptions { method, cancel: Some(&flag) });
        assert_eq!(r, Err(CoreError::Cancelled), "{method:?}");
    }
}

#[test]
fn a_flag_set_during_a_long_fit_stops_it() {
    // Long seasonal series with missing values: every likelihood evaluation is
    // a full-state filter pass over 400k observations, so the fit runs for
    // many seconds unless the flag stops it.
    let mut y = arma11(400_000, 11);
    for v in y.iter_mut().step_by(97) {
        *v = f64::NAN;
    }
    let s = ArimaSpec { seasonal_p: 1, seasonal_q: 1, seasonal_d: 1, period: 12, ..spec(1, 1, 1, false) };
    let flag = AtomicBool::new(false);
    let stopped = std::thread::scope(|scope| {
        let worker = scope.spawn(|| fit_with(&s, &y, &FitOptions { method: FitMethod::Ml, cancel: Some(&flag) }));
        std::thread::sleep(Duration::from_millis(50));
        let set = Instant::now();
        flag.store(true, Ordering::Relaxed);
        let r = worker.join().expect("no panic");
        (r, set.elapsed())
    });
    assert_eq!(stopped.0, Err(CoreError::Cancelled));
    // Not a timing assertion (the machine may be loaded): the latency is
    // measured by examples/arima_bench.rs; printed here for the record.
    eprintln!("returned {:?} after the flag was set", stopped.1);
}
