//! Estimates of the ARIMA fit on simulated data: parameter recovery, forecast
//! math against closed forms, drift and trend terms, missing values.

use lagrs_core::arima::{fit, ArimaFit, ArimaSpec};

mod common;
use common::{simulate_arima as simulate, Rng};

/// R's default terms: a mean without differencing, no drift.
fn spec(p: usize, d: usize, q: usize) -> ArimaSpec {
    common::nonseasonal_spec(p, d, q, d == 0, false)
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
    let f = fit(&s, &trend_ar1(74, 120, 3.0, 0.1, 0.3)).expect("fit");
    let fc = f.forecast(3, 0.9).expect("forecast");
    assert!(f.drift().expect("drift").is_finite() && fc.mean.iter().all(|v| v.is_finite()));
}
