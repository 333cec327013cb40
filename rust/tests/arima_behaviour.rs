//! Behaviour of the public ARIMA API: validation, edge cases, parameter
//! recovery on simulated data, forecast math, serialization and batch fits.

use lagrs_core::arima::{fit, fit_many, ArimaFit, ArimaSpec};
use lagrs_core::error::CoreError;

/// SplitMix64 + Box–Muller: a small deterministic normal generator.
struct Rng(u64);
impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

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

#[test]
fn arima_spec_validation_names_arguments() {
    let base = spec(1, 0, 1);
    invalid_mentions(ArimaSpec { p: 21, ..base.clone() }.validate(), "p");
    invalid_mentions(ArimaSpec { q: 21, ..base.clone() }.validate(), "q");
    invalid_mentions(ArimaSpec { d: 3, include_mean: false, ..base.clone() }.validate(), "d");
    invalid_mentions(ArimaSpec { seasonal_q: 1, period: 1, ..base.clone() }.validate(), "period");
    invalid_mentions(ArimaSpec { seasonal_q: 1, period: 100_000, ..base.clone() }.validate(), "period");
    invalid_mentions(ArimaSpec { d: 1, ..base.clone() }.validate(), "include_mean");
    invalid_mentions(ArimaSpec { include_mean: false, include_drift: true, ..base.clone() }.validate(), "include_drift");
    invalid_mentions(
        ArimaSpec { d: 2, include_mean: false, include_drift: true, ..base.clone() }.validate(),
        "include_drift",
    );
    assert!(ArimaSpec { d: 1, include_mean: false, include_drift: true, ..base.clone() }.validate().is_ok());
    // Period is irrelevant without seasonal orders.
    assert!(ArimaSpec { period: 0, ..base }.validate().is_ok());
}

#[test]
fn arima_bad_input() {
    let y = simulate(1, 100, &[0.5], &[], 0);
    let mut bad = y.clone();
    bad[10] = f64::INFINITY;
    invalid_mentions(fit(&spec(1, 0, 0), &bad), "y");
    invalid_mentions(fit(&spec(2, 0, 2), &y[..4]), "y");
    invalid_mentions(fit(&spec(1, 0, 0), &[]), "y");
    invalid_mentions(fit(&spec(1, 0, 0), &[f64::NAN; 30]), "y");
    let f = fit(&spec(1, 0, 0), &y).expect("fit");
    invalid_mentions(f.forecast(0, 0.95), "h");
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
