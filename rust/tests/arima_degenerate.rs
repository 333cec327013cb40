//! Degenerate input is the caller's: a clear `InvalidArgument` naming the
//! cause (R's `forecast::Arima` fails on a constant series for every fixed
//! order too), the same rule with or without mean and drift.

mod common;

use lagrs_core::arima::{fit, fit_with, FitMethod, FitOptions};
use lagrs_core::error::CoreError;

use common::nonseasonal_spec as spec;

fn invalid_message(r: Result<lagrs_core::arima::ArimaFit, CoreError>, what: &str) -> String {
    match r {
        Err(CoreError::InvalidArgument(m)) => m,
        Err(e) => panic!("{what}: expected InvalidArgument, got {e:?}"),
        Ok(f) => panic!("{what}: expected an error, got a fit with loglik {} sigma2 {}", f.log_likelihood(), f.sigma2()),
    }
}

#[test]
fn constant_series_is_invalid_for_every_order() {
    let y = vec![5.0; 60];
    for s in [
        spec(1, 0, 0, true, false),
        spec(1, 0, 0, true, true),
        spec(1, 0, 0, false, true),
        spec(0, 1, 1, false, false),
        spec(0, 1, 1, false, true),
        spec(1, 0, 1, true, false),
        spec(0, 0, 0, true, false),
    ] {
        for method in [FitMethod::CssMl, FitMethod::Css, FitMethod::Ml] {
            let m = invalid_message(fit_with(&s, &y, &FitOptions { method, ..Default::default() }), &format!("{s:?}"));
            assert!(m.contains("y is constant") && m.contains('5'), "{s:?}: {m}");
        }
    }
}

#[test]
fn exact_trends_are_degenerate_with_or_without_drift() {
    // A straight line: nothing left after mean + drift (d = 0) or after
    // differencing + drift (d = 1), though the residuals of the regression
    // are rounding noise rather than exact zeros.
    let line: Vec<f64> = (0..80).map(|t| 3.0 + 0.1 * t as f64).collect();
    for s in [spec(1, 0, 0, true, true), spec(0, 1, 0, false, true), spec(0, 2, 1, false, false)] {
        let m = invalid_message(fit(&s, &line), &format!("{s:?}"));
        assert!(m.contains("zero relative to the scale of y"), "{s:?}: {m}");
    }
    // The same line far from zero, and with noise at the rounding level of the data.
    let far: Vec<f64> = line.iter().enumerate().map(|(t, v)| 1e6 + v + 1e-11 * ((t * 7 % 5) as f64 - 2.0)).collect();
    let m = invalid_message(fit(&spec(1, 0, 0, true, true), &far), "far");
    assert!(m.contains("zero relative to the scale of y"), "{m}");
}

#[test]
fn small_noise_on_a_large_level_is_not_degenerate() {
    // 1e9 + 1e-3 noise: innovations ~1e-12 of the level, thousands of ulps.
    let y: Vec<f64> = (0..100).map(|t| 1e9 + 1e-3 * (((t * 7919) % 101) as f64 / 50.0 - 1.0)).collect();
    let f = fit(&spec(1, 0, 0, true, false), &y).expect("fit");
    assert!(f.sigma2() > 0.0 && f.sigma2() < 1e-5);
}

#[test]
fn differences_that_are_all_missing_are_named() {
    // Alternating NaN: not constant, but with d = 1 every difference is missing.
    let y: Vec<f64> = (0..50).map(|t| if t % 2 == 0 { t as f64 } else { f64::NAN }).collect();
    let m = invalid_message(fit(&spec(0, 1, 1, false, false), &y), "alternating");
    assert!(m.contains("no non-missing differences") && !m.contains("constant"), "{m}");
}
