//! Behaviour of the public ARIMA API: validation, edge cases, parameter
//! recovery on simulated data, forecast math, serialization and batch fits.

use lagrs_core::arima::{fit, fit_many, ArimaFit, ArimaSpec};
use lagrs_core::error::CoreError;

mod common;
use common::Rng;

/// ARMA(phi, theta) with unit innovations, burn-in discarded, then integrated d times.
fn simulate(seed: u64, n: usize, phi: &[f64], theta: &[f64], d: usize) -> Vec<f64> {
    let mut rng = Rng(seed);
    let burn = 500;
    let mut x = vec![0.0; n + burn];
    let mut e = vec![0.0; n + burn];
    for t in 0..n + burn {
        e[t] = rng.normal();
        let mut v = e[t];
        for (i, p) in phi.iter().enumerate() {
            if t > i {
                v += p * x[t - 1 - i];
            }
        }
        for (j, th) in theta.iter().enumerate() {
            if t > j {
                v += th * e[t - 1 - j];
            }
        }
        x[t] = v;
    }
    let mut y = x[burn..].to_vec();
    for _ in 0..d {
        let mut acc = 0.0;
        for v in y.iter_mut() {
            acc += *v;
            *v = acc;
        }
    }
    y
}

fn spec(p: usize, d: usize, q: usize) -> ArimaSpec {
    ArimaSpec {
        p,
        d,
        q,
        seasonal_p: 0,
        seasonal_d: 0,
        seasonal_q: 0,
        period: 0,
        include_mean: d == 0,
        include_drift: false,
    }
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
fn arima_recovers_parameters() {
    let y = simulate(11, 3000, &[0.6], &[0.3], 0);
    let f = fit(&spec(1, 0, 1), &y).expect("fit");
    assert!((f.ar()[0] - 0.6).abs() < 0.05, "{:?}", f.coefficients());
    assert!((f.ma()[0] - 0.3).abs() < 0.05);
    assert!((f.sigma2() - 1.0).abs() < 0.08);
    assert!(f.mean().expect("mean").abs() < 0.3);
    let se = f.standard_errors();
    assert!(se.iter().all(|s| s.is_finite() && *s > 0.0 && *s < 0.1), "{se:?}");

    let y = simulate(12, 2000, &[0.5, -0.3], &[0.4], 1);
    let f = fit(&spec(2, 1, 1), &y).expect("fit");
    for (g, w) in f.coefficients().iter().zip([0.5, -0.3, 0.4]) {
        assert!((g - w).abs() < 0.08, "{:?}", f.coefficients());
    }
    assert_eq!(f.n_used(), 1999);
    assert_eq!(f.residuals().len(), 2000);
}

#[test]
fn arima_ma_is_made_invertible() {
    let y = simulate(13, 500, &[], &[0.5], 0);
    let f = fit(&spec(0, 0, 1), &y).expect("fit");
    assert!(f.ma()[0].abs() < 1.0);
}

#[test]
fn arima_ar1_forecast_matches_closed_form() {
    let y = simulate(21, 300, &[0.7], &[], 0);
    let y: Vec<f64> = y.iter().map(|v| v + 10.0).collect();
    let f = fit(&spec(1, 0, 0), &y).expect("fit");
    let (phi, mu, s2) = (f.ar()[0], f.mean().expect("mean"), f.sigma2());
    let fc = f.forecast(10, 0.95).expect("forecast");
    let z = 1.959963984540054;
    let last = *y.last().expect("non-empty");
    for h in 1..=10 {
        let mean = mu + phi.powi(h as i32) * (last - mu);
        let var = s2 * (1.0 - phi.powi(2 * h as i32)) / (1.0 - phi * phi);
        assert!((fc.mean[h - 1] - mean).abs() < 1e-9, "h={h}");
        assert!((fc.upper[h - 1] - (mean + z * var.sqrt())).abs() < 1e-9);
        assert!((fc.lower[h - 1] - (mean - z * var.sqrt())).abs() < 1e-9);
    }
    assert_eq!(fc.level, 0.95);
    // Residuals / fitted consistency.
    let fitted = f.fitted();
    for i in 0..y.len() {
        assert!((fitted[i] + f.residuals()[i] - y[i]).abs() < 1e-12);
    }
}

#[test]
fn arima_random_walk_with_drift_forecast() {
    // ARIMA(0,1,0) + drift: forecasts y_n + h*drift, variance h*sigma2.
    let mut rng = Rng(31);
    let mut y = vec![0.0];
    for _ in 1..200 {
        let last = *y.last().expect("non-empty");
        y.push(last + 0.5 + rng.normal());
    }
    let s = ArimaSpec { include_mean: false, include_drift: true, ..spec(0, 1, 0) };
    let f = fit(&s, &y).expect("fit");
    let drift = f.drift().expect("drift");
    let diffs: Vec<f64> = y.windows(2).map(|w| w[1] - w[0]).collect();
    let mean_diff = diffs.iter().sum::<f64>() / diffs.len() as f64;
    assert!((drift - mean_diff).abs() < 1e-6, "{drift} vs {mean_diff}");
    let fc = f.forecast(5, 0.8).expect("forecast");
    let z = 1.2815515655446004;
    for h in 1..=5 {
        let mean = y[199] + h as f64 * drift;
        assert!((fc.mean[h - 1] - mean).abs() < 1e-6);
        let half = z * (h as f64 * f.sigma2()).sqrt();
        assert!((fc.upper[h - 1] - fc.mean[h - 1] - half).abs() < 1e-6 * half);
    }
}

#[test]
fn arima_missing_values() {
    let mut y = simulate(41, 300, &[0.6], &[0.2], 1);
    for i in [0, 5, 6, 7, 100, 299] {
        y[i] = f64::NAN;
    }
    let f = fit(&spec(1, 1, 1), &y).expect("fit");
    assert_eq!(f.n_used(), 300 - 6 - 1);
    assert!(f.residuals()[5].is_nan() && f.residuals()[299].is_nan() && f.residuals()[8].is_finite());
    assert!((f.ar()[0] - 0.6).abs() < 0.2);
    let fc = f.forecast(3, 0.95).expect("forecast");
    assert!(fc.mean.iter().all(|v| v.is_finite()));
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
fn trend_ar1(seed: u64, n: usize, a: f64, b: f64, phi: f64) -> Vec<f64> {
    simulate(seed, n, &[phi], &[], 0).iter().enumerate().map(|(i, u)| a + b * (i + 1) as f64 + u).collect()
}

#[test]
fn arima_linear_trend_with_arma_errors() {
    // Intercept and drift with d + D == 0: a linear trend with AR(1) errors.
    let n = 400;
    let y = trend_ar1(71, n, 5.0, 0.3, 0.6);
    let s = ArimaSpec { include_drift: true, ..spec(1, 0, 0) };
    let f = fit(&s, &y).expect("fit");
    let (phi, a, b) = (f.ar()[0], f.mean().expect("intercept"), f.drift().expect("drift"));
    assert_eq!(f.coefficients(), vec![phi, a, b], "R order: ar, intercept, drift");
    assert!((phi - 0.6).abs() < 0.08 && (a - 5.0).abs() < 0.6 && (b - 0.3).abs() < 0.005, "{:?}", f.coefficients());
    let se = f.standard_errors();
    assert_eq!(se.len(), 3);
    assert!(se.iter().all(|v| v.is_finite() && *v > 0.0), "{se:?}");
    // The drift is known far better than the intercept.
    assert!(se[2] < se[1] / 20.0, "{se:?}");
    assert_eq!(f.n_used(), n);
    // Forecasts extend the trend: a + b t + phi^h (y_n - a - b n), t = n + h.
    let fc = f.forecast(30, 0.9).expect("forecast");
    let last_dev = y[n - 1] - a - b * n as f64;
    for h in 1..=30 {
        let want = a + b * (n + h) as f64 + phi.powi(h as i32) * last_dev;
        assert!((fc.mean[h - 1] - want).abs() < 1e-8, "h={h}: {} vs {want}", fc.mean[h - 1]);
    }
    // Fitted + residuals reproduce y.
    for (i, (ft, r)) in f.fitted().iter().zip(f.residuals()).enumerate() {
        assert!((ft + r - y[i]).abs() < 1e-9);
    }
    // Serialization round-trips the intercept + drift model exactly.
    let g = ArimaFit::from_bytes(&f.to_bytes()).expect("round trip");
    assert_eq!(f, g);
    assert_eq!((g.mean(), g.drift()), (Some(a), Some(b)));
    let fc2 = g.forecast(30, 0.9).expect("forecast");
    assert_eq!(fc, fc2);
}

#[test]
fn arima_drift_without_intercept_and_d0() {
    // Regression through the origin on t with ARMA(1,1) errors.
    let n = 300;
    let y = trend_ar1(72, n, 0.0, -0.2, 0.5);
    let s = ArimaSpec { include_mean: false, include_drift: true, ..spec(1, 0, 1) };
    let f = fit(&s, &y).expect("fit");
    assert_eq!(f.mean(), None);
    let b = f.drift().expect("drift");
    assert_eq!(f.coefficients().len(), 3);
    assert_eq!(f.coefficients()[2], b);
    assert!((b + 0.2).abs() < 0.01, "{:?}", f.coefficients());
    assert!(f.standard_errors().iter().all(|v| v.is_finite()));
    let fc = f.forecast(500, 0.95).expect("forecast");
    // Far ahead the ARMA part has died out: forecasts follow b * t.
    assert!((fc.mean[499] - b * (n + 500) as f64).abs() < 1e-6);
    assert_eq!(ArimaFit::from_bytes(&f.to_bytes()).expect("round trip"), f);
}

#[test]
fn arima_trend_with_missing_values_and_seasonal_errors() {
    let mut y = trend_ar1(73, 240, 100.0, 0.05, 0.4);
    for i in [0, 17, 18, 19, 120, 239] {
        y[i] = f64::NAN;
    }
    let s = ArimaSpec { seasonal_p: 1, period: 12, include_drift: true, ..spec(1, 0, 0) };
    let f = fit(&s, &y).expect("fit");
    assert_eq!(f.n_used(), 234);
    assert_eq!(f.coefficients().len(), 4);
    assert!((f.drift().expect("drift") - 0.05).abs() < 0.02, "{:?}", f.coefficients());
    assert!(f.residuals()[17].is_nan() && f.residuals()[16].is_finite());
    let fc = f.forecast(24, 0.95).expect("forecast");
    assert!(fc.mean.iter().chain(&fc.lower).chain(&fc.upper).all(|v| v.is_finite()));
    // Drift with a seasonal difference (d + D == 1) remains accepted and fits.
    let s = ArimaSpec { seasonal_d: 1, period: 12, include_mean: false, include_drift: true, ..spec(1, 0, 0) };
    assert_sane(&fit(&s, &trend_ar1(74, 120, 3.0, 0.1, 0.3)));
}

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
