//! Behaviour of the public ARIMA API: validation, bad and degenerate input,
//! serialization and batch fits.

use lagrs_core::arima::{fit, fit_many, ArimaFit, ArimaSpec};
use lagrs_core::error::CoreError;

mod common;
use common::simulate_arima as simulate;

/// R's default terms: a mean without differencing, no drift.
fn spec(p: usize, d: usize, q: usize) -> ArimaSpec {
    common::nonseasonal_spec(p, d, q, d == 0, false)
}

fn invalid_mentions(r: Result<impl std::fmt::Debug, CoreError>, word: &str) {
    match r {
        Err(CoreError::InvalidArgument(m)) => assert!(m.contains(word), "message {m:?} should name {word:?}"),
        other => panic!("expected InvalidArgument naming {word:?}, got {other:?}"),
    }
}

/// InvalidArgument whose message is exactly `want` (messages reach Java users verbatim).
fn invalid_exactly(r: Result<impl std::fmt::Debug, CoreError>, want: &str) {
    match r {
        Err(CoreError::InvalidArgument(m)) => assert_eq!(m, want),
        other => panic!("expected InvalidArgument {want:?}, got {other:?}"),
    }
}

#[test]
fn arima_spec_validation_names_arguments() {
    let base = spec(1, 0, 1);
    invalid_exactly(ArimaSpec { p: 21, ..base.clone() }.validate(), "p must be <= 20, got 21");
    invalid_exactly(ArimaSpec { q: 21, ..base.clone() }.validate(), "q must be <= 20, got 21");
    invalid_exactly(ArimaSpec { d: 3, include_mean: false, ..base.clone() }.validate(), "d must be <= 2, got 3");
    let seasonal = ArimaSpec { include_mean: false, period: 12, ..base.clone() };
    invalid_exactly(ArimaSpec { seasonal_p: 7, ..seasonal.clone() }.validate(), "P must be <= 5, got 7");
    invalid_exactly(ArimaSpec { seasonal_d: 3, ..seasonal.clone() }.validate(), "D must be <= 2, got 3");
    invalid_exactly(ArimaSpec { seasonal_q: 6, ..seasonal.clone() }.validate(), "Q must be <= 5, got 6");
    invalid_exactly(
        ArimaSpec { seasonal_q: 1, period: 1, ..base.clone() }.validate(),
        "period must be >= 2 when P, D or Q is > 0, got 1",
    );
    invalid_exactly(ArimaSpec { seasonal_q: 1, period: 100_000, ..base.clone() }.validate(), "period must be <= 8784, got 100000");
    invalid_exactly(
        ArimaSpec { seasonal_p: 2, period: 200, ..base.clone() }.validate(),
        "p + P * period must be <= 400, got 401",
    );
    invalid_exactly(
        ArimaSpec { seasonal_d: 2, period: 201, ..seasonal.clone() }.validate(),
        "d + D * period must be <= 400, got 402",
    );
    invalid_exactly(ArimaSpec { d: 1, ..base.clone() }.validate(), "includeMean needs d + D == 0, got d + D = 1");
    invalid_exactly(
        ArimaSpec { seasonal_d: 1, include_mean: true, ..seasonal.clone() }.validate(),
        "includeMean needs d + D == 0, got d + D = 1",
    );
    invalid_exactly(
        ArimaSpec { d: 2, include_mean: false, include_drift: true, ..base.clone() }.validate(),
        "includeDrift needs d + D <= 1, got d + D = 2",
    );
    invalid_exactly(
        ArimaSpec { d: 1, seasonal_d: 1, include_drift: true, ..seasonal.clone() }.validate(),
        "includeDrift needs d + D <= 1, got d + D = 2",
    );
    // Drift with d + D <= 1, alone or (d + D == 0) with the intercept.
    assert!(ArimaSpec { d: 1, include_mean: false, include_drift: true, ..base.clone() }.validate().is_ok());
    assert!(ArimaSpec { seasonal_d: 1, include_drift: true, ..seasonal.clone() }.validate().is_ok());
    assert!(ArimaSpec { include_mean: false, include_drift: true, ..base.clone() }.validate().is_ok());
    assert!(ArimaSpec { include_drift: true, ..base.clone() }.validate().is_ok());
    // Period is irrelevant without seasonal orders.
    assert!(ArimaSpec { period: 0, ..base }.validate().is_ok());
}

#[test]
fn arima_bad_input() {
    let y = simulate(1, 100, &[0.5], &[], 0);
    let mut bad = y.clone();
    bad[10] = f64::INFINITY;
    invalid_exactly(fit(&spec(1, 0, 0), &bad), "y must not contain infinite values (y[10] = inf)");
    bad[10] = f64::NEG_INFINITY;
    invalid_exactly(fit(&spec(1, 0, 0), &bad), "y must not contain infinite values (y[10] = -inf)");
    invalid_exactly(
        fit(&ArimaSpec { include_mean: false, ..spec(2, 1, 2) }, &y[..4]),
        "y is too short for ARIMA(2,1,2): 4 non-missing values, need at least 6",
    );
    invalid_mentions(fit(&spec(2, 0, 2), &y[..4]), "y is too short for ARIMA(2,0,2)");
    invalid_mentions(fit(&spec(1, 0, 0), &[]), "y is too short");
    invalid_exactly(
        fit(&spec(1, 0, 0), &[f64::NAN; 30]),
        "y is too short for ARIMA(1,0,0): 0 of 30 non-missing values, need at least 3",
    );
    let f = fit(&spec(1, 0, 0), &y).expect("fit");
    invalid_exactly(f.forecast(0, 0.95), "h must be between 1 and 1000000, got 0");
    invalid_mentions(f.forecast(5, 1.0), "level");
    invalid_mentions(f.forecast(5, 0.0), "level");
    invalid_mentions(f.forecast(5, f64::NAN), "level");
}

fn assert_sane(r: &Result<ArimaFit, CoreError>) {
    match r {
        Ok(f) => {
            assert!(f.coefficients().iter().all(|c| c.is_finite()), "{:?}", f.coefficients());
            assert!(f.sigma2().is_finite() && f.log_likelihood().is_finite());
            let fc = f.forecast(3, 0.9).expect("forecast");
            assert!(fc.mean.iter().all(|v| v.is_finite()));
        }
        Err(CoreError::Numerical(_)) => {}
        // Degenerate input is the caller's (issue: never an internal error for
        // a property of the input): an InvalidArgument that names the cause.
        Err(CoreError::InvalidArgument(m))
            if m.contains("constant") || m.contains("degenerate") || m.contains("too large for double precision") => {}
        Err(e) => panic!("unexpected error {e:?}"),
    }
}

#[test]
fn arima_degenerate_series_do_not_panic() {
    let constant = vec![5.0; 60];
    for s in [spec(1, 0, 0), spec(0, 1, 1), spec(1, 0, 1), ArimaSpec { include_mean: false, ..spec(1, 0, 0) }] {
        assert_sane(&fit(&s, &constant));
    }
    let mut spike = vec![0.0; 80];
    spike[40] = 3.0;
    for s in [spec(1, 0, 0), spec(0, 0, 1), spec(2, 0, 2), spec(1, 1, 1), spec(0, 1, 1)] {
        assert_sane(&fit(&s, &spike));
    }
    let tiny: Vec<f64> = simulate(3, 100, &[0.5], &[0.2], 0).iter().map(|v| v * 1e-150).collect();
    assert_sane(&fit(&spec(1, 0, 1), &tiny));
    let huge: Vec<f64> = simulate(4, 100, &[0.5], &[0.2], 1).iter().map(|v| v * 1e150).collect();
    assert_sane(&fit(&spec(1, 1, 1), &huge));
    // Deterministic trend with drift: zero innovations.
    let trend: Vec<f64> = (0..50).map(|t| 2.0 * t as f64).collect();
    assert_sane(&fit(&ArimaSpec { include_mean: false, include_drift: true, ..spec(0, 1, 0) }, &trend));
    // Over-parameterised model on white noise, near-unit-root series.
    assert_sane(&fit(&spec(4, 0, 4), &simulate(5, 60, &[], &[], 0)));
    assert_sane(&fit(&spec(1, 0, 1), &simulate(6, 200, &[0.999], &[-0.998], 0)));
    let seasonal = ArimaSpec { seasonal_p: 1, seasonal_d: 1, seasonal_q: 1, period: 12, ..spec(2, 0, 1) };
    assert_sane(&fit(&ArimaSpec { include_mean: false, ..seasonal }, &simulate(7, 40, &[0.3], &[], 0)));
}

#[test]
fn arima_serialization_round_trip_and_corruption() {
    let y = simulate(51, 150, &[0.4], &[0.3], 0);
    let s = ArimaSpec { seasonal_q: 1, period: 4, ..spec(1, 0, 1) };
    let f = fit(&s, &y).expect("fit");
    let bytes = f.to_bytes();
    let g = ArimaFit::from_bytes(&bytes).expect("round trip");
    assert_eq!(f, g);
    let (a, b) = (f.forecast(12, 0.9).expect("fc"), g.forecast(12, 0.9).expect("fc"));
    for (x, y) in a.mean.iter().chain(&a.lower).chain(&a.upper).zip(b.mean.iter().chain(&b.lower).chain(&b.upper)) {
        assert_eq!(x.to_bits(), y.to_bits());
    }
    for cut in 0..bytes.len() {
        assert!(matches!(ArimaFit::from_bytes(&bytes[..cut]), Err(CoreError::InvalidArgument(_))), "prefix {cut}");
    }
    for pos in (0..bytes.len()).step_by(7) {
        let mut bad = bytes.clone();
        bad[pos] ^= 0x5A;
        assert!(matches!(ArimaFit::from_bytes(&bad), Err(CoreError::InvalidArgument(_))), "flip at {pos}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(ArimaFit::from_bytes(&longer).is_err());
}

#[test]
fn arima_fit_many_isolates_failures() {
    let good1 = simulate(61, 120, &[0.5], &[], 0);
    let good2 = simulate(62, 200, &[-0.3], &[], 0);
    let short = vec![1.0, 2.0];
    let inf = vec![f64::INFINITY; 50];
    let series: Vec<&[f64]> = vec![&good1, &short, &good2, &inf, &good1];
    let s = spec(1, 0, 0);
    let out = fit_many(&s, &series);
    assert_eq!(out.len(), 5);
    assert!(out[1].is_err() && out[3].is_err());
    let seq = fit(&s, &good1).expect("fit");
    assert_eq!(out[0].as_ref().expect("fit"), &seq);
    assert_eq!(out[4].as_ref().expect("fit"), &seq);
    assert_eq!(out[2].as_ref().expect("fit"), &fit(&s, &good2).expect("fit"));
}

/// y_t = a + b t + u_t (t = 1..n), u an AR(1).
#[test]
fn arima_bad_input_never_panics() {
    let y = simulate(81, 60, &[0.5], &[], 0);
    let f = fit(&spec(1, 0, 0), &y).expect("fit");
    // Horizon limit.
    invalid_exactly(
        f.forecast(lagrs_core::arima::MAX_HORIZON + 1, 0.95),
        "h must be between 1 and 1000000, got 1000001",
    );
    invalid_mentions(f.forecast(usize::MAX, 0.95), "h");
    assert_eq!(f.forecast(lagrs_core::arima::MAX_HORIZON, 0.95).expect("max h").mean.len(), 1_000_000);
    // Seasonal differencing longer than the series.
    let seasonal = ArimaSpec { seasonal_d: 1, period: 100, include_mean: false, ..spec(0, 0, 1) };
    invalid_mentions(fit(&seasonal, &y), "y is too short for ARIMA(0,0,1)(0,1,0)[100]");
    let seasonal = ArimaSpec { seasonal_d: 2, period: 30, include_mean: false, ..spec(0, 0, 0) };
    invalid_mentions(fit(&seasonal, &y), "y is too short");
    // All missing, for every kind of model.
    for s in [
        spec(0, 0, 0),
        spec(0, 1, 1),
        ArimaSpec { include_drift: true, ..spec(1, 0, 0) },
        ArimaSpec { include_mean: false, include_drift: true, ..spec(0, 1, 0) },
    ] {
        invalid_mentions(fit(&s, &[f64::NAN; 50]), "y is too short");
    }
    // Length 1 and 2.
    invalid_mentions(fit(&spec(0, 0, 0), &[3.0]), "y is too short for ARIMA(0,0,0): 1 non-missing values");
    invalid_mentions(fit(&spec(1, 0, 0), &[3.0]), "y is too short");
    invalid_mentions(fit(&spec(0, 1, 0), &[3.0]), "y is too short");
    invalid_mentions(fit(&ArimaSpec { include_drift: true, ..spec(0, 0, 0) }, &[3.0, 4.0]), "y is too short");
    let one = ArimaSpec { include_mean: false, ..spec(0, 0, 0) };
    assert_sane(&fit(&one, &[3.0]));
    assert_sane(&fit(&one, &[0.0]));
    assert_sane(&fit(&ArimaSpec { include_mean: false, ..spec(0, 1, 0) }, &[3.0, 4.5]));
    // Differences that are all missing although values are present.
    let gappy = [1.0, f64::NAN, 2.0, f64::NAN, 3.5, f64::NAN, 4.0, f64::NAN, 5.0];
    for s in [
        ArimaSpec { include_mean: false, ..spec(0, 1, 0) },
        ArimaSpec { include_mean: false, include_drift: true, ..spec(0, 1, 0) },
        ArimaSpec { include_mean: false, ..spec(0, 1, 1) },
    ] {
        assert_sane_or_invalid(&fit(&s, &gappy));
    }
    // Extreme magnitudes and exact trends (degenerate: zero innovations).
    let extreme: Vec<f64> = (0..40).map(|t| if t % 2 == 0 { 1e308 } else { -1e308 }).collect();
    for s in [spec(1, 0, 0), spec(0, 1, 1), ArimaSpec { include_drift: true, ..spec(1, 0, 0) }] {
        assert_sane(&fit(&s, &extreme));
    }
    let line: Vec<f64> = (1..=50).map(|t| 3.0 - 0.5 * t as f64).collect();
    for s in [
        ArimaSpec { include_drift: true, ..spec(0, 0, 0) },
        ArimaSpec { include_drift: true, ..spec(1, 0, 1) },
        ArimaSpec { include_mean: false, include_drift: true, ..spec(1, 0, 0) },
    ] {
        assert_sane(&fit(&s, &line));
    }
    assert_sane(&fit(&ArimaSpec { include_drift: true, ..spec(1, 0, 0) }, &[7.0; 40]));
    // Batch fits report the same errors.
    let out = fit_many(&ArimaSpec { include_drift: true, ..spec(1, 0, 0) }, &[&[f64::NAN; 5], &line, &[1.0]]);
    assert!(out.iter().all(|r| !matches!(r, Err(CoreError::Numerical(m)) if m.contains("internal"))), "{out:?}");
}

fn assert_sane_or_invalid(r: &Result<ArimaFit, CoreError>) {
    if !matches!(r, Err(CoreError::InvalidArgument(_))) {
        assert_sane(r);
    }
}
