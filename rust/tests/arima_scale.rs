//! Units: scaling a series by s scales the mean, drift, sigma, residuals and
//! forecasts by s, shifts the log-likelihood by -n.used ln s, and leaves every
//! ARMA coefficient and every standard error of an ARMA coefficient unchanged
//! (standard errors of mean and drift scale by s). Property-tested over
//! log-uniform s in [1e-8, 1e8] on several series and orders.

mod common;

use common::Rng;
use lagrs_core::arima::{fit, ArimaFit, ArimaSpec};
use lagrs_core::error::CoreError;

use common::nonseasonal_spec as spec;

/// y_t = level + slope t + u_t, u an ARMA(phi, theta) with unit innovations.
fn series(n: usize, phi: &[f64], theta: f64, level: f64, slope: f64, seed: u64) -> Vec<f64> {
    let mut rng = Rng(seed);
    let mut u = vec![0.0; n + 100];
    let mut e_prev = 0.0;
    for t in 0..u.len() {
        let e = rng.normal();
        let mut v = e + theta * e_prev;
        for (i, c) in phi.iter().enumerate() {
            if t > i {
                v += c * u[t - 1 - i];
            }
        }
        u[t] = v;
        e_prev = e;
    }
    u[100..].iter().enumerate().map(|(t, v)| level + slope * (t + 1) as f64 + v).collect()
}

fn cumsum(x: &[f64]) -> Vec<f64> {
    x.iter()
        .scan(0.0, |s, v| {
            *s += v;
            Some(*s)
        })
        .collect()
}

fn cases() -> Vec<(&'static str, ArimaSpec, Vec<f64>)> {
    vec![
        ("arma11_mean", spec(1, 0, 1, true, false), series(200, &[0.6], 0.3, 10.0, 0.0, 1)),
        ("ar2_mean", spec(2, 0, 0, true, false), series(150, &[0.5, -0.3], 0.0, -3.0, 0.0, 2)),
        ("ima11_drift", spec(0, 1, 1, false, true), cumsum(&series(150, &[], 0.4, 0.2, 0.0, 3))),
        ("ar1_mean_drift", spec(1, 0, 0, true, true), series(150, &[0.7], 0.0, 5.0, 0.05, 4)),
        ("arima110", spec(1, 1, 0, false, false), cumsum(&series(120, &[0.5], 0.0, 0.0, 0.0, 5))),
    ]
}

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-300)
}

fn assert_scaled(name: &str, s: f64, base: &ArimaFit, scaled: &ArimaFit) {
    let what = format!("{name} at s = {s:e}");
    let sp = base.spec();
    let narma = sp.p + sp.q + sp.seasonal_p + sp.seasonal_q;
    let (c0, c1) = (base.coefficients(), scaled.coefficients());
    let (e0, e1) = (base.standard_errors(), scaled.standard_errors());
    for i in 0..narma {
        assert!((c1[i] - c0[i]).abs() <= 1e-6, "{what}: coef {i} {} vs {}", c1[i], c0[i]);
        assert!(rel(e1[i], e0[i]) <= 1e-4, "{what}: se {i} {} vs {}", e1[i], e0[i]);
    }
    for i in narma..c0.len() {
        if e0[i].is_nan() {
            // No standard error (the Hessian is singular, e.g. an MA root on
            // the unit circle): the same in both, and the coefficient to rounding.
            assert!(e1[i].is_nan(), "{what}: se {i} {} vs NaN", e1[i]);
            assert!(rel(c1[i] / s, c0[i]) <= 1e-9, "{what}: coef {i} {} vs {}", c1[i] / s, c0[i]);
            continue;
        }
        // In units of the coefficient's standard error.
        assert!((c1[i] / s - c0[i]).abs() <= 1e-6 * e0[i], "{what}: coef {i} {} vs {}", c1[i] / s, c0[i]);
        assert!(rel(e1[i] / s, e0[i]) <= 1e-4, "{what}: se {i} {} vs {}", e1[i] / s, e0[i]);
    }
    // sigma scales by s everywhere; sigma2 by s^2 only where s^2 * sigma2 is a
    // normal double: below ~1e-298 it is subnormal (fewer significant bits) or
    // 0, above ~1e308 +Infinity. Forecasts and intervals go through sigma.
    assert!(rel(scaled.sigma() / s, base.sigma()) <= 1e-8, "{what}: sigma {} vs {}", scaled.sigma() / s, base.sigma());
    let sigma2 = base.sigma2() * s * s;
    if sigma2.is_finite() && sigma2 > 1e10 * f64::MIN_POSITIVE {
        assert!(rel(scaled.sigma2() / (s * s), base.sigma2()) <= 1e-8, "{what}: sigma2");
    } else if sigma2.is_infinite() {
        assert_eq!(scaled.sigma2(), f64::INFINITY, "{what}: sigma2 beyond the double range");
    }
    let n = base.n_used() as f64;
    let ll = scaled.log_likelihood() + n * s.ln();
    assert!((ll - base.log_likelihood()).abs() <= 1e-8 * n, "{what}: loglik {ll} vs {}", base.log_likelihood());
    assert!(scaled.aic().is_finite() && scaled.bic().is_finite(), "{what}: criteria");
    let (f0, f1) = (base.forecast(8, 0.9).expect("forecast"), scaled.forecast(8, 0.9).expect("forecast"));
    let sd = base.sigma();
    for h in 0..8 {
        assert!((f1.mean[h] / s - f0.mean[h]).abs() <= 1e-6 * sd, "{what}: forecast {h}");
        assert!((f1.upper[h] / s - f0.upper[h]).abs() <= 1e-6 * sd, "{what}: upper {h}");
        assert!((f1.lower[h] / s - f0.lower[h]).abs() <= 1e-6 * sd, "{what}: lower {h}");
    }
    for (r1, r0) in scaled.residuals().iter().zip(base.residuals()) {
        assert!((r1 / s - r0).abs() <= 1e-6 * sd, "{what}: residual");
    }
}

#[test]
fn fits_scale_with_the_units_of_the_data() {
    let mut rng = Rng(2024);
    let mut scales = vec![1e-8, 1e8, 1e-6, 1e-5, 1e6];
    scales.extend((0..5).map(|_| 10f64.powf(16.0 * rng.uniform() - 8.0)));
    for (name, spec, y) in cases() {
        let base = fit(&spec, &y).unwrap_or_else(|e| panic!("{name}: {e}"));
        for &s in &scales {
            let ys: Vec<f64> = y.iter().map(|v| v * s).collect();
            let scaled = fit(&spec, &ys).unwrap_or_else(|e| panic!("{name} at {s:e}: {e}"));
            assert_scaled(name, s, &base, &scaled);
        }
    }
}

#[test]
fn extreme_units_fit() {
    let y = series(200, &[0.6], 0.3, 10.0, 0.0, 9);
    let s = spec(1, 0, 1, true, false);
    let base = fit(&s, &y).expect("fit");
    // Far outside [1e-8, 1e8]: at 1e160 and beyond the innovation variance
    // (~1e320) is beyond the double range, at 1e-160 and below it is subnormal
    // or 0; everything else about the model is representable and scales.
    // (At 1e-300 the data's own values are still normal doubles.)
    for scale in [1e-300, 1e-200, 1e-160, 1e-100, 1e100, 1e150, 1e160, 1e200, 1e300] {
        let ys: Vec<f64> = y.iter().map(|v| v * scale).collect();
        let f = fit(&s, &ys).unwrap_or_else(|e| panic!("{scale:e}: {e}"));
        assert_scaled("extreme", scale, &base, &f);
    }
    // A 1e150 spike: the variance is representable and the fit succeeds.
    let mut spike = y.clone();
    spike[100] = 1e150;
    let f = fit(&s, &spike).expect("1e150 spike");
    assert!(f.sigma2().is_finite() && f.log_likelihood().is_finite());
}

/// One 1e200 value among ordinary ones: the innovation variance (~1e400) is
/// beyond the double range, the fit is not. It is the fit of the same
/// series in units 1e60 times smaller (a 1e140 spike), scaled.
#[test]
fn a_huge_spike_fits_and_scales() {
    let y = series(200, &[0.6], 0.3, 10.0, 0.0, 9);
    let s = spec(1, 0, 1, true, false);
    let mut spike = y.clone();
    spike[100] = 1e200;
    let f = fit(&s, &spike).unwrap_or_else(|e| panic!("1e200 spike: {e}"));
    assert_eq!(f.sigma2(), f64::INFINITY);
    assert!(f.sigma().is_finite() && f.log_likelihood().is_finite() && f.aicc().is_finite());
    assert!(f.coefficients().iter().chain(f.standard_errors()).all(|v| !v.is_infinite()));
    let fc = f.forecast(12, 0.95).expect("forecast");
    assert!(fc.mean.iter().chain(&fc.lower).chain(&fc.upper).all(|v| v.is_finite()));
    let small: Vec<f64> = spike.iter().map(|v| v * 1e-60).collect();
    let base = fit(&s, &small).expect("1e140 spike");
    assert_scaled("spike", 1e60, &base, &f);
}

/// What cannot be represented still fails with a message naming the cause:
/// a series whose fitted values overflow.
#[test]
fn unrepresentable_series_say_why() {
    let y: Vec<f64> = series(200, &[0.6], 0.3, 10.0, 0.0, 9).iter().map(|v| v * 1e307).collect();
    match fit(&spec(1, 0, 1, true, false), &y) {
        Ok(f) => {
            let fc = f.forecast(3, 0.95).expect("forecast");
            assert!(fc.mean.iter().all(|v| v.is_finite()), "a model is returned only when it forecasts");
        }
        Err(CoreError::InvalidArgument(m)) => assert!(m.contains("too large for double precision"), "{m}"),
        Err(other) => panic!("{other:?}"),
    }
}

/// Automatic selection at 1e160 chooses what it chooses at 1: every candidate of
/// one series is scored in the units of y (criteria shift by 2 n.used ln s), with
/// and without the CSS approximation; and R's special case of a series constant
/// after differencing (a line) gives a model that forecasts at 1e200 too.
#[test]
fn automatic_selection_is_unit_free() {
    use lagrs_core::auto::{auto_arima, AutoArimaOptions};
    let y = series(200, &[0.6], 0.3, 10.0, 0.0, 9);
    let big: Vec<f64> = y.iter().map(|v| v * 1e160).collect();
    for approximation in [Some(true), Some(false)] {
        let options = AutoArimaOptions { approximation, ..AutoArimaOptions::default() };
        let (a, b) = (auto_arima(&y, &options).expect("at 1"), auto_arima(&big, &options).expect("at 1e160"));
        assert_eq!(a.fit.spec(), b.fit.spec(), "approximation {approximation:?}");
        let shift = 2.0 * a.fit.n_used() as f64 * 1e160f64.ln();
        assert!((b.ic - shift - a.ic).abs() <= 1e-6 * a.ic.abs(), "ic {} vs {}", b.ic - shift, a.ic);
        let fc = b.fit.forecast(6, 0.95).expect("forecast");
        assert!(fc.mean.iter().chain(&fc.lower).chain(&fc.upper).all(|v| v.is_finite()));
    }
    let line: Vec<f64> = (0..50).map(|t| 1e200 * (1.0 + 0.5 * t as f64)).collect();
    let f = auto_arima(&line, &AutoArimaOptions::default()).expect("a line at 1e200");
    let fc = f.fit.forecast(3, 0.95).expect("forecast");
    assert!(fc.mean.iter().all(|v| v.is_finite()), "{:?}", fc.mean);
    assert!((fc.mean[0] / 1e200 - 26.0).abs() < 1e-9, "{:?}", fc.mean);
    if let Err(e) = lagrs_core::arima::ArimaFit::from_bytes(&f.fit.to_bytes()) {
        panic!("a line at 1e200 does not round trip: {e}");
    }
}
