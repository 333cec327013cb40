//! Property-based attacks on the core's entry points that take untrusted input: model bytes
//! (`ArimaFit::from_bytes`), specifications (`ArimaSpec::validate` then `fit`), and the
//! rolling kernels. Each property says "a result or an error, never a panic", and where the
//! input is ordinary, that the result is right (against a naive reference).
//!
//! CI runs a bounded number of cases (64 per property); `PROPTEST_CASES=N` runs more
//! (scripts/test/attack-long.sh).

use lagrs_core::arima::{fit, ArimaFit, ArimaSpec};
use lagrs_core::rolling::{rolling, rolling_many, rolling_parallel, Statistic, Window};
use proptest::prelude::*;
use proptest::test_runner::Config;

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64);
    // No persistence files: a failure prints its minimal case and seed instead.
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// Ordinary values: moderate, sometimes missing.
fn ordinary() -> impl Strategy<Value = f64> {
    prop_oneof![8 => -1e6..1e6f64, 1 => Just(f64::NAN), 1 => (-5i32..5).prop_map(f64::from)]
}

/// Anything a caller might pass.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -1e6..1e6f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(f64::MAX),
        1 => Just(-f64::MAX),
        1 => Just(1e150),
        1 => Just(-0.0),
        1 => Just(5e-324),
        1 => any::<f64>(),
    ]
}

fn statistic() -> impl Strategy<Value = Statistic> {
    prop_oneof![
        Just(Statistic::Mean),
        Just(Statistic::Sum),
        Just(Statistic::Var),
        Just(Statistic::Std),
        Just(Statistic::Min),
        Just(Statistic::Max),
        Just(Statistic::Median),
        (0.0..=1.0f64).prop_map(Statistic::Quantile),
    ]
}

/// The statistic over one window's non-missing values, as pandas defines it.
fn naive(stat: Statistic, w: &[f64], min_periods: usize) -> f64 {
    let v: Vec<f64> = w.iter().copied().filter(|x| !x.is_nan()).collect();
    let n = v.len();
    if stat == Statistic::Sum && min_periods == 0 && n == 0 {
        return 0.0;
    }
    if n < min_periods.max(1) {
        return f64::NAN;
    }
    let mean = v.iter().sum::<f64>() / n as f64;
    let var = || if n < 2 { f64::NAN } else { v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64 };
    let quantile = |q: f64| {
        let mut s = v.clone();
        s.sort_by(|a, b| a.partial_cmp(b).expect("no NaN left"));
        let pos = q * (n - 1) as f64;
        let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
        s[lo] + (s[hi] - s[lo]) * (pos - lo as f64)
    };
    match stat {
        Statistic::Mean => mean,
        Statistic::Sum => v.iter().sum(),
        Statistic::Var => var(),
        Statistic::Std => var().sqrt(),
        Statistic::Min => v.iter().copied().fold(f64::INFINITY, f64::min),
        Statistic::Max => v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        Statistic::Median => quantile(0.5),
        Statistic::Quantile(q) => quantile(q),
    }
}

fn close(got: f64, want: f64, scale: f64) -> bool {
    (got.is_nan() && want.is_nan()) || (got - want).abs() <= 1e-9 * scale.max(1.0)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn rolling_matches_a_naive_reference_on_ordinary_input(
        x in prop::collection::vec(ordinary(), 0..200),
        stat in statistic(),
        size in 1usize..40,
        min_frac in 0.0..=1.0f64,
    ) {
        let min_periods = (min_frac * size as f64) as usize;
        let window = Window::new(size, min_periods).expect("valid window");
        let mut out = vec![0.0; x.len()];
        rolling(stat, &x, window, &mut out).expect("valid arguments");
        let big = x.iter().filter(|v| v.is_finite()).fold(0.0f64, |m, v| m.max(v.abs()));
        let scale = match stat {
            Statistic::Var => big * big * size as f64,
            Statistic::Std => big,
            _ => big * size as f64,
        };
        for i in 0..x.len() {
            let w = &x[(i + 1).saturating_sub(size)..=i];
            let want = naive(stat, w, min_periods);
            prop_assert!(close(out[i], want, scale), "{stat:?} at {i}: got {}, want {want} (window {w:?})", out[i]);
        }
    }

    #[test]
    fn rolling_survives_any_input_and_keeps_the_missing_pattern(
        x in prop::collection::vec(wild(), 0..300),
        stat in statistic(),
        size in 1usize..64,
        min_periods in 0usize..64,
    ) {
        let mut out = vec![0.0; x.len()];
        match Window::new(size, min_periods) {
            Err(_) => prop_assert!(min_periods > size),
            Ok(window) => {
                rolling(stat, &x, window, &mut out).expect("valid arguments");
                let mut chunked = vec![0.0; x.len()];
                rolling_parallel(stat, &x, window, &mut chunked).expect("valid arguments");
                for i in 0..x.len() {
                    let w = &x[(i + 1).saturating_sub(size)..=i];
                    let present = w.iter().filter(|v| !v.is_nan()).count();
                    if present < min_periods.max(1) && !(stat == Statistic::Sum && min_periods == 0) {
                        prop_assert!(out[i].is_nan(), "{stat:?} at {i}: {} from too few values", out[i]);
                    }
                    prop_assert!(out[i].to_bits() == chunked[i].to_bits() || close(out[i], chunked[i], out[i].abs()),
                        "sequential and parallel differ at {i}: {} vs {}", out[i], chunked[i]);
                }
            }
        }
    }

    #[test]
    fn rolling_many_rejects_bad_offsets_and_never_crosses_series(
        x in prop::collection::vec(ordinary(), 0..120),
        cuts in prop::collection::vec(-5i32..130, 0..8),
        stat in statistic(),
        size in 1usize..10,
    ) {
        let window = Window::new(size, 1).expect("valid window");
        let mut offsets = vec![0];
        offsets.extend(cuts);
        offsets.push(x.len() as i32);
        let mut out = vec![0.0; x.len()];
        let valid = offsets.windows(2).all(|p| p[0] <= p[1]);
        match rolling_many(stat, &x, &offsets, window, &mut out) {
            Err(_) => prop_assert!(!valid),
            Ok(()) => {
                prop_assert!(valid);
                for p in offsets.windows(2) {
                    let (a, b) = (p[0] as usize, p[1] as usize);
                    let mut alone = vec![0.0; b - a];
                    rolling(stat, &x[a..b], window, &mut alone).expect("valid");
                    for (k, (m, s)) in out[a..b].iter().zip(&alone).enumerate() {
                        prop_assert!(m.to_bits() == s.to_bits() || close(*m, *s, 1e6 * size as f64), "series at {a}, item {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn any_specification_is_validated_or_fits_without_panicking(
        p in 0usize..8, d in 0usize..4, q in 0usize..8,
        sp in 0usize..4, sd in 0usize..3, sq in 0usize..4, period in 0usize..30,
        include_mean in any::<bool>(), include_drift in any::<bool>(),
        y in prop::collection::vec(ordinary(), 0..80),
    ) {
        let spec = ArimaSpec { p, d, q, seasonal_p: sp, seasonal_d: sd, seasonal_q: sq, period, include_mean, include_drift };
        if spec.validate().is_ok() {
            if let Ok(model) = fit(&spec, &y) {
                prop_assert!(model.log_likelihood().is_finite() || model.log_likelihood().is_nan());
                let _ = model.forecast(5, 0.9);
            }
        } else {
            prop_assert!(fit(&spec, &y).is_err(), "fit accepts what validate rejects");
        }
    }

    #[test]
    fn from_bytes_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(model) = ArimaFit::from_bytes(&bytes) {
            let _ = model.forecast(3, 0.8);
        }
    }

    #[test]
    fn from_bytes_never_panics_on_tampered_models(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let bytes = saved_model();
        let mut tampered = bytes.clone();
        for (at, value) in flips {
            let i = at.index(tampered.len());
            tampered[i] = value;
        }
        if truncate {
            tampered.truncate(cut.index(tampered.len()));
        }
        if let Ok(model) = ArimaFit::from_bytes(&tampered) {
            let _ = model.forecast(4, 0.95);
            let _ = model.to_bytes();
        }
    }
}

fn saved_model() -> Vec<u8> {
    let spec = ArimaSpec { p: 1, d: 1, q: 1, seasonal_p: 1, seasonal_d: 0, seasonal_q: 0, period: 4, include_mean: false, include_drift: true };
    let y: Vec<f64> = (0..60).map(|t| t as f64 * 0.5 + ((t * 7 % 5) as f64)).collect();
    fit(&spec, &y).expect("a seasonal model fits this series").to_bytes()
}
