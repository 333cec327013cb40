//! Regression with ARIMA errors: what bad input gets (errors naming the argument and the
//! column), coefficient names, the regression part, forecasts that need the future
//! regressors, and saved models that keep the regressors.

mod common;

use lagrs_core::arima::{fit, fit_xreg, ArimaFit, ArimaSpec, FitOptions, Regressors};
use lagrs_core::auto::{auto_arima_xreg, AutoArimaOptions};
use lagrs_core::error::CoreError;

fn spec(p: usize, d: usize, include_mean: bool) -> ArimaSpec {
    ArimaSpec { p, d, q: 0, seasonal_p: 0, seasonal_d: 0, seasonal_q: 0, period: 0, include_mean, include_drift: false }
}

/// y = 10 + 2 x - 1.5 promo + AR(1) noise, with deterministic pseudo-random inputs.
fn data(n: usize) -> (Vec<f64>, Vec<Vec<f64>>) {
    let mut state = 42u64;
    let mut unif = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let x: Vec<f64> = (0..n).map(|_| 5.0 + 4.0 * unif()).collect();
    let promo: Vec<f64> = (0..n).map(|_| f64::from(u8::from(unif() < 0.3))).collect();
    let mut e = 0.0;
    let y = (0..n)
        .map(|t| {
            e = 0.6 * e + (unif() - 0.5);
            10.0 + 2.0 * x[t] - 1.5 * promo[t] + e
        })
        .collect();
    (y, vec![x, promo])
}

fn regressors(cols: Vec<Vec<f64>>) -> Regressors {
    Regressors::new(vec!["price".into(), "promo".into()], cols).expect("valid")
}

fn message(e: CoreError) -> String {
    match e {
        CoreError::InvalidArgument(m) => m,
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

fn fitted() -> (ArimaFit, Vec<Vec<f64>>) {
    let (y, cols) = data(150);
    let f = fit_xreg(&spec(1, 0, true), &y[..140], &regressors(cols.iter().map(|c| c[..140].to_vec()).collect()), &FitOptions::default())
        .expect("fit");
    (f, cols.iter().map(|c| c[140..].to_vec()).collect())
}

#[test]
fn names_coefficients_and_regression_part() {
    let (f, future) = fitted();
    assert_eq!(f.coefficient_names(), ["ar1", "intercept", "price", "promo"]);
    assert_eq!(f.xreg_names(), ["price", "promo"]);
    let b = f.xreg_coefficients();
    // The known coefficients, within three standard errors.
    let se = &f.standard_errors()[2..];
    assert!((b[0] - 2.0).abs() < 3.0 * se[0] && (b[1] + 1.5).abs() < 3.0 * se[1], "{b:?} {se:?}");
    // Regression residuals: y minus intercept and regressors.
    let (y, cols) = data(150);
    let rr = f.regression_residuals();
    let c = f.coefficients();
    for t in [0, 17, 139] {
        let want = y[t] - c[1] - c[2] * cols[0][t] - c[3] * cols[1][t];
        assert!((rr[t] - want).abs() < 1e-9, "{t}: {} vs {want}", rr[t]);
    }
    // Forecasts move with the future regressors exactly by their coefficients.
    let base = f.forecast_xreg(10, &[0.9], &future).expect("forecast");
    let mut promo_on = future.clone();
    promo_on[1] = vec![1.0; 10];
    let moved = f.forecast_xreg(10, &[0.9], &promo_on).expect("forecast");
    for i in 0..10 {
        let want = base.mean[i] + b[1] * (1.0 - future[1][i]);
        assert!((moved.mean[i] - want).abs() < 1e-9, "{i}");
        let width = |fc: &lagrs_core::engine::Forecast| fc.upper[0][i] - fc.lower[0][i];
        assert!((width(&moved) - width(&base)).abs() < 1e-9);
    }
    // Information criteria count the regressors: k = 4 coefficients + sigma2.
    assert!((f.aic() - (-2.0 * f.log_likelihood() + 2.0 * 5.0)).abs() < 1e-9);
}

#[test]
fn forecasts_need_the_future_regressors() {
    let (f, future) = fitted();
    let m = message(f.forecast(5, 0.95).unwrap_err());
    assert!(m.starts_with("futureXreg") && m.contains("price, promo"), "{m}");
    let m = message(f.forecast_xreg(5, &[0.95], &future[..1]).unwrap_err());
    assert!(m.contains("futureXreg") && m.contains("got 1 column"), "{m}");
    let m = message(f.forecast_xreg(12, &[0.95], &future).unwrap_err());
    assert!(m.contains("'price' has 10 values, the horizon is 12"), "{m}");
    let mut bad = future.clone();
    bad[1][3] = f64::NAN;
    let m = message(f.forecast_xreg(10, &[0.95], &bad).unwrap_err());
    assert!(m.contains("'promo'") && m.contains("step 4"), "{m}");
    // A model without regressors takes no future values and forecasts as before.
    let (y, _) = data(100);
    let plain = fit(&spec(1, 0, true), &y).expect("fit");
    assert_eq!(plain.forecast_xreg(4, &[0.8], &[]).expect("none"), plain.forecast_levels(4, &[0.8]).expect("levels"));
    assert!(plain.forecast_xreg(4, &[0.8], &[vec![1.0; 4]]).is_err());
}

#[test]
fn bad_regressors_are_errors_naming_the_column() {
    let (y, cols) = data(80);
    let m = message(Regressors::new(vec!["a".into(), "b".into()], vec![cols[0].clone(), vec![1.0; 79]]).unwrap_err());
    assert!(m.contains("'b' has 79 values"), "{m}");
    let mut inf = cols.clone();
    inf[0][7] = f64::INFINITY;
    let m = message(Regressors::new(vec!["a".into(), "b".into()], inf).unwrap_err());
    assert!(m.contains("'a' has a non-finite value (inf) at row 8"), "{m}");
    assert!(message(Regressors::new(vec!["a".into(), "a".into()], cols.clone()).unwrap_err()).contains("used twice"));
    assert!(message(Regressors::new(vec!["drift".into()], vec![cols[0].clone()]).unwrap_err()).contains("'drift'"));
    // Row count differs from y.
    let m = message(fit_xreg(&spec(1, 0, true), &y[..70], &regressors(cols.clone()), &FitOptions::default()).unwrap_err());
    assert!(m.contains("xreg has 80 rows, y has 70"), "{m}");
    let m = message(auto_arima_xreg(&y[..70], &regressors(cols.clone()), &AutoArimaOptions::default(), None).unwrap_err());
    assert!(m.contains("xreg has 80 rows"), "{m}");
    // A constant column beside a mean, or under differencing; a duplicate column.
    let constant = Regressors::new(vec!["price".into(), "store".into()], vec![cols[0].clone(), vec![3.0; 80]]).expect("valid");
    let m = message(fit_xreg(&spec(1, 0, true), &y, &constant, &FitOptions::default()).unwrap_err());
    assert!(m.contains("'store' is constant and the model has a mean"), "{m}");
    let m = message(fit_xreg(&spec(1, 1, false), &y, &constant, &FitOptions::default()).unwrap_err());
    assert!(m.contains("'store' is constant: differencing removes it"), "{m}");
    assert!(fit_xreg(&spec(1, 0, false), &y, &constant, &FitOptions::default()).is_ok());
    let twice: Vec<f64> = cols[0].iter().map(|v| 2.0 * v).collect();
    let dup = Regressors::new(vec!["price".into(), "price2".into()], vec![cols[0].clone(), twice]).expect("valid");
    let m = message(fit_xreg(&spec(1, 0, true), &y, &dup, &FitOptions::default()).unwrap_err());
    assert!(m.contains("'price2' is a linear combination of intercept, price"), "{m}");
    let m = message(auto_arima_xreg(&y, &dup, &AutoArimaOptions::default(), None).unwrap_err());
    assert!(m.contains("rank deficient"), "{m}");
}

#[test]
fn saved_models_keep_the_regressors() {
    let (f, future) = fitted();
    let back = ArimaFit::from_bytes(&f.to_bytes()).expect("round trip");
    assert_eq!(back, f);
    assert_eq!(back.coefficient_names(), f.coefficient_names());
    assert_eq!(back.forecast_xreg(10, &[0.95], &future).expect("a"), f.forecast_xreg(10, &[0.95], &future).expect("b"));
    // Any flipped byte is caught.
    let mut bytes = f.to_bytes();
    let at = bytes.len() - 20;
    bytes[at] ^= 1;
    assert!(ArimaFit::from_bytes(&bytes).is_err());
}
