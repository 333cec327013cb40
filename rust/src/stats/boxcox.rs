//! Box–Cox transformation as R's `forecast` package defines it: `BoxCox`,
//! `InvBoxCox` (with the optional bias adjustment of forecast means) and
//! `BoxCox.lambda(method = "guerrero")`, whose minimiser is R's `optimize()`
//! (`numerics::optim::brent`).
//!
//! Missing values are NaN throughout, as R's `NA` in the originals.

use crate::error::{invalid, CoreResult};
use crate::numerics::optim::brent::{r_optimize, R_OPTIMIZE_TOL};

/// Lower end of the search interval that `forecast::BoxCox.lambda` uses by default.
pub const GUERRERO_LOWER: f64 = -1.0;
/// Upper end of the search interval that `forecast::BoxCox.lambda` uses by default.
pub const GUERRERO_UPPER: f64 = 2.0;
/// Lower end that `forecast::BoxCox(x, lambda = "auto")` (and so `auto.arima(lambda = "auto")`) uses.
pub const AUTO_LAMBDA_LOWER: f64 = -0.9;

fn check_lambda(lambda: f64) -> CoreResult<()> {
    if lambda.is_finite() {
        Ok(())
    } else {
        invalid(format!("lambda must be finite, got {lambda}"))
    }
}

/// Below this |lambda| the transform is the log: `(x^l - 1)/l` loses every digit to
/// cancellation there (and `x^l` is exactly 1 for |l| below about 1e-17), and the limit as
/// l -> 0 is `ln x`.
pub const LOG_THRESHOLD: f64 = 1e-12;

/// Largest |lambda| a model is fitted with: far beyond any useful transform (R's Guerrero
/// search stays in [-1, 2]), small enough that `x^lambda` does not overflow for ordinary data.
pub const MAX_ABS_LAMBDA: f64 = 10.0;

/// The lambda a model is fitted with, the one rule of every family (and of auto-ARIMA's own
/// transform): refuses a lambda that is not finite or beyond [`MAX_ABS_LAMBDA`], and gives 0
/// (the log) below [`LOG_THRESHOLD`].
pub fn model_lambda(lambda: f64) -> CoreResult<f64> {
    if !(lambda.abs() <= MAX_ABS_LAMBDA) {
        return invalid(format!("lambda must be in [-{MAX_ABS_LAMBDA}, {MAX_ABS_LAMBDA}], got {lambda}"));
    }
    Ok(if lambda.abs() < LOG_THRESHOLD { 0.0 } else { lambda })
}

/// `BoxCox(y, lambda)` for a model to fit (`lambda` from [`model_lambda`]): refuses, naming
/// lambda and the value, any value the transform makes infinite or missing (a value <= 0 when
/// lambda <= 0, `x^lambda` beyond the double range) where R's `BoxCox` would go on silently.
pub fn box_cox_for_fit(y: &[f64], lambda: f64) -> CoreResult<Vec<f64>> {
    box_cox_for_fit_from(y, lambda, 0)
}

/// [`box_cox_for_fit`] of a part of the user's series that starts at position `first`,
/// naming positions in the user's series.
pub fn box_cox_for_fit_from(y: &[f64], lambda: f64, first: usize) -> CoreResult<Vec<f64>> {
    let mut z = Vec::with_capacity(y.len());
    for (i, &v) in y.iter().enumerate() {
        let t = box_cox_value(v, lambda);
        if !v.is_nan() && !t.is_finite() {
            let at = i + first;
            return invalid(format!("lambda = {lambda} cannot transform y[{at}] = {v} (Box-Cox gives {t})"));
        }
        z.push(t);
    }
    Ok(z)
}

/// R's `sign(x) * abs(x)^p`.
fn signed_pow(x: f64, p: f64) -> f64 {
    let sign = if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else if x == 0.0 {
        0.0
    } else {
        f64::NAN
    };
    sign * r_pow(x.abs(), p)
}

/// R's `x^y` (`R_pow`): `1^y` and `x^0` are 1 even for NaN operands.
fn r_pow(x: f64, y: f64) -> f64 {
    if x == 1.0 || y == 0.0 {
        return 1.0;
    }
    if y == 2.0 {
        return x * x;
    }
    x.powf(y)
}

/// `forecast::BoxCox(x, lambda)` for one value. With `lambda < 0` negative
/// values are missing (NaN); otherwise negative values get the signed power.
pub fn box_cox_value(x: f64, lambda: f64) -> f64 {
    if lambda < 0.0 && x < 0.0 {
        return f64::NAN;
    }
    if lambda == 0.0 {
        x.ln()
    } else {
        (signed_pow(x, lambda) - 1.0) / lambda
    }
}

/// `forecast::BoxCox(x, lambda)`: writes the transform of `x` into `out`.
/// Errors when `lambda` is not finite or the lengths differ.
pub fn box_cox(x: &[f64], lambda: f64, out: &mut [f64]) -> CoreResult<()> {
    check_lambda(lambda)?;
    check_lengths(x.len(), out.len(), "out")?;
    for (o, &v) in out.iter_mut().zip(x) {
        *o = box_cox_value(v, lambda);
    }
    Ok(())
}

/// `forecast::InvBoxCox(z, lambda)` for one value. With `lambda < 0`, values
/// above `-1/lambda` (outside the transform's range) are missing (NaN).
pub fn inv_box_cox_value(z: f64, lambda: f64) -> f64 {
    if lambda < 0.0 && z > -1.0 / lambda {
        return f64::NAN;
    }
    if lambda == 0.0 {
        z.exp()
    } else {
        signed_pow(z * lambda + 1.0, 1.0 / lambda)
    }
}

/// `forecast::InvBoxCox(z, lambda)` into `out`. Errors as [`box_cox`].
pub fn inv_box_cox(z: &[f64], lambda: f64, out: &mut [f64]) -> CoreResult<()> {
    check_lambda(lambda)?;
    check_lengths(z.len(), out.len(), "out")?;
    for (o, &v) in out.iter_mut().zip(z) {
        *o = inv_box_cox_value(v, lambda);
    }
    Ok(())
}

/// `forecast::InvBoxCox(z, lambda, biasadj = TRUE, fvar)`: the back-transformed
/// value adjusted towards the mean of the original scale,
/// `y * (1 + fvar (1 - lambda) / (2 y^(2 lambda)))`, where `fvar` is the
/// forecast variance on the transformed scale (`forecast.Arima` passes `se^2`).
pub fn inv_box_cox_bias_adjusted(z: &[f64], lambda: f64, fvar: &[f64], out: &mut [f64]) -> CoreResult<()> {
    check_lambda(lambda)?;
    check_lengths(z.len(), fvar.len(), "fvar")?;
    check_lengths(z.len(), out.len(), "out")?;
    for ((o, &v), &var) in out.iter_mut().zip(z).zip(fvar) {
        let y = inv_box_cox_value(v, lambda);
        *o = y * (1.0 + 0.5 * var * (1.0 - lambda) / r_pow(y, 2.0 * lambda));
    }
    Ok(())
}

fn check_lengths(expected: usize, got: usize, name: &str) -> CoreResult<()> {
    if expected == got {
        Ok(())
    } else {
        invalid(format!("{name} has length {got}, expected {expected}"))
    }
}

/// `forecast::BoxCox.lambda(x, method = "guerrero", lower, upper)` for a series
/// of seasonal period `m` (1 = non-seasonal).
///
/// As R: a series of length <= 2m gives 1; any value <= 0 raises `lower` to 0;
/// missing values (NaN) are skipped inside each subseries. Errors when the
/// bounds are not finite or the (raised) lower bound is not below `upper`.
pub fn box_cox_lambda_guerrero(x: &[f64], m: usize, lower: f64, upper: f64) -> CoreResult<f64> {
    if !lower.is_finite() || !upper.is_finite() {
        return invalid(format!("lower and upper must be finite, got {lower} and {upper}"));
    }
    if m == 0 {
        return invalid("m (seasonal period) must be at least 1");
    }
    let lower = if x.iter().any(|&v| v <= 0.0) { lower.max(0.0) } else { lower };
    if x.len() <= 2 * m {
        return Ok(1.0);
    }
    if lower >= upper {
        return invalid(format!("lower ({lower}) must be below upper ({upper})"));
    }
    let period = m.max(2);
    Ok(r_optimize(|lam| guerrero_cv(lam, x, period), lower, upper, R_OPTIMIZE_TOL))
}

/// Guerrero's criterion (`forecast:::guer.cv`): the coefficient of variation,
/// across the complete subseries of length `period` taken from the end of
/// `x`, of `sd / mean^(1 - lambda)`. NaN when it is undefined.
pub fn guerrero_cv(lambda: f64, x: &[f64], period: usize) -> f64 {
    if period == 0 {
        return f64::NAN;
    }
    let blocks = x.len() / period;
    let start = x.len() - blocks * period;
    let ratios: Vec<f64> = x[start..]
        .chunks_exact(period)
        .map(|block| {
            let present: Vec<f64> = block.iter().copied().filter(|v| !v.is_nan()).collect();
            r_sd(&present) / r_pow(r_mean(&present), 1.0 - lambda)
        })
        .filter(|r| !r.is_nan())
        .collect();
    r_sd(&ratios) / r_mean(&ratios)
}

/// R's `mean()`: the sum divided by n, refined by the mean residual (R does
/// both passes in long double; this is the same correction in f64).
fn r_mean(x: &[f64]) -> f64 {
    if x.is_empty() {
        return f64::NAN;
    }
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    if !mean.is_finite() {
        return mean;
    }
    mean + x.iter().map(|v| v - mean).sum::<f64>() / n
}

/// R's `sd()` (two-pass, n - 1 denominator); NaN (R's NA) for fewer than two values.
fn r_sd(x: &[f64]) -> f64 {
    if x.len() < 2 {
        return f64::NAN;
    }
    let mean = r_mean(x);
    let ss: f64 = x.iter().map(|v| (v - mean) * (v - mean)).sum();
    (ss / (x.len() - 1) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    //! Against `testdata/auto_arima/boxcox.json`, written by
    //! `testdata/auto_arima/make_boxcox_fixtures.R` (R 4.2.2, forecast 8.20).
    use super::*;
    use crate::stats::test_fixtures::{load, num, nums, same};

    #[test]
    fn guerrero_lambda_matches_r() {
        let doc = load("boxcox.json");
        let cases = doc["cases"].as_array().expect("cases");
        assert!(cases.len() >= 30);
        let mut worst = 0.0f64;
        for case in cases {
            let name = case["name"].as_str().expect("name");
            let m = case["m"].as_u64().expect("m") as usize;
            let x = nums(&case["x"]);
            for g in case["guerrero"].as_array().expect("guerrero") {
                let (lo, hi, want) = (num(&g["lower"]), num(&g["upper"]), num(&g["lambda"]));
                let got = box_cox_lambda_guerrero(&x, m, lo, hi).expect("valid bounds");
                worst = worst.max((got - want).abs());
                assert!((got - want).abs() <= 1e-8, "{name} [{lo}, {hi}]: lagrs {got}, R {want}");
            }
            let grid = nums(&case["cv_lambda"]);
            let cv = nums(&case["cv"]);
            for (lam, want) in grid.iter().zip(&cv) {
                let got = guerrero_cv(*lam, &x, m.max(2));
                assert!(same(got, *want, 1e-10), "{name} cv({lam}): lagrs {got}, R {want}");
            }
        }
        eprintln!("guerrero lambda: largest |lagrs - R| = {worst:e}");
    }

    #[test]
    fn transforms_match_r() {
        let doc = load("boxcox.json");
        for t in doc["transforms"].as_array().expect("transforms") {
            let lambda = num(&t["lambda"]);
            let x = nums(&t["x"]);
            let mut out = vec![0.0; x.len()];
            box_cox(&x, lambda, &mut out).expect("finite lambda");
            for ((got, want), xi) in out.iter().zip(nums(&t["box_cox"])).zip(&x) {
                assert!(same(*got, want, 1e-14), "BoxCox({xi}, {lambda}): lagrs {got}, R {want}");
            }
            let z = nums(&t["z"]);
            let mut out = vec![0.0; z.len()];
            inv_box_cox(&z, lambda, &mut out).expect("finite lambda");
            for ((got, want), zi) in out.iter().zip(nums(&t["inv"])).zip(&z) {
                assert!(same(*got, want, 1e-14), "InvBoxCox({zi}, {lambda}): lagrs {got}, R {want}");
            }
            let fvar = nums(&t["fvar"]);
            inv_box_cox_bias_adjusted(&z, lambda, &fvar, &mut out).expect("finite lambda");
            for ((got, want), zi) in out.iter().zip(nums(&t["inv_biasadj"])).zip(&z) {
                assert!(same(*got, want, 1e-13), "InvBoxCox({zi}, {lambda}, biasadj): lagrs {got}, R {want}");
            }
        }
    }

    #[test]
    fn round_trip_on_the_transform_range() {
        for lambda in [-0.8, -0.2, 0.0, 0.4, 1.0, 1.7] {
            for x in [0.01, 0.5, 1.0, 3.0, 250.0] {
                let back = inv_box_cox_value(box_cox_value(x, lambda), lambda);
                assert!((back - x).abs() <= 1e-12 * x.max(1.0), "lambda {lambda}, x {x}: {back}");
            }
        }
    }

    #[test]
    fn bad_arguments_are_errors() {
        let mut out = [0.0; 2];
        assert!(box_cox(&[1.0, 2.0], f64::NAN, &mut out).is_err());
        assert!(box_cox(&[1.0, 2.0, 3.0], 0.5, &mut out).is_err());
        assert!(inv_box_cox(&[1.0, 2.0], f64::INFINITY, &mut out).is_err());
        assert!(inv_box_cox_bias_adjusted(&[1.0, 2.0], 0.5, &[0.1], &mut out).is_err());
        let x: Vec<f64> = (1..50).map(f64::from).collect();
        assert!(box_cox_lambda_guerrero(&x, 4, 1.0, 0.5).is_err());
        assert!(box_cox_lambda_guerrero(&x, 4, f64::NAN, 2.0).is_err());
        assert!(box_cox_lambda_guerrero(&x, 0, -1.0, 2.0).is_err());
        // Short series: 1, as R, whatever the bounds.
        assert_eq!(box_cox_lambda_guerrero(&x[..8], 4, -1.0, 2.0), Ok(1.0));
    }
}
