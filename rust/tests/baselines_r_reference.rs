//! The benchmark methods against their references, through the public path a caller takes
//! (spec text -> `ModelSpec::parse` -> `Spec::fit` -> `FittedModel`):
//!
//! * `testdata/baselines/baselines.json` (make_baselines.R): R's `naive`, `snaive`, `meanf`
//!   and `rwf(drift = TRUE)` with Box-Cox (`lambda`, `biasadj`), on data sets, simulated
//!   series, series with missing values, short and constant series;
//! * `testdata/baselines/window_averages.json` (make_window_averages.py): statsforecast's
//!   `WindowAverage` and `SeasonalWindowAverage`.
//!
//! Every value must equal the reference within 1e-9 of the data's scale (the largest |y|, or
//! the value itself where it is larger, as an interval bound far out in a Box-Cox tail);
//! R's NA must be NaN here and nowhere else.

mod common;

use std::collections::BTreeMap;

use common::{fixture, num, nums};
use lagrs_core::stats::boxcox::box_cox_value;
use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::transform::Transformed;
use lagrs_core::engine::{find, FittedModel, Forecast, Spec};
use serde_json::Value;

const TOL: f64 = 1e-9;

/// Compares element by element; returns the largest error relative to the scale, or a message
/// naming the first element out of tolerance.
fn compare(what: &str, got: &[f64], want: &[f64], scale: f64) -> Result<f64, String> {
    if got.len() != want.len() {
        return Err(format!("{what}: {} values, the reference has {}", got.len(), want.len()));
    }
    let mut worst = 0.0f64;
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        if g.is_nan() || w.is_nan() {
            if g.is_nan() != w.is_nan() {
                return Err(format!("{what}[{i}]: lagrs {g:e}, reference {w:e}"));
            }
            continue;
        }
        if g == w {
            continue;
        }
        let error = (g - w).abs() / scale.max(w.abs());
        if error.is_nan() || error > TOL {
            return Err(format!("{what}[{i}]: lagrs {g:e}, reference {w:e} (relative error {error:e})"));
        }
        worst = worst.max(error);
    }
    Ok(worst)
}

fn max_abs(x: &[f64]) -> f64 {
    x.iter().filter(|v| v.is_finite()).fold(0.0f64, |a, v| a.max(v.abs()))
}

/// Fits `case["spec"]` to `y` and compares everything R's case holds; returns the largest
/// relative error.
fn check_r_case(case: &Value, y: &[f64]) -> Result<f64, String> {
    let (model, forecast) = fit_and_forecast(case, y)?;
    let scale = max_abs(y).max(f64::MIN_POSITIVE);
    let mut worst = compare("mean", &forecast.mean, &nums(&case["mean"]), scale)?;
    for (k, level) in ["80", "95"].iter().enumerate() {
        let (lower, upper) = (format!("lower{level}"), format!("upper{level}"));
        worst = worst.max(compare(&lower, &forecast.lower[k], &nums(&case[&lower]), scale)?);
        worst = worst.max(compare(&upper, &forecast.upper[k], &nums(&case[&upper]), scale)?);
    }
    worst = worst.max(compare("fitted", &model.fitted(), &nums(&case["fitted"]), scale)?);
    // Residuals are on the transformed scale, as in R: their scale is the transformed series'.
    let lambda = match &case["lambda_used"] {
        Value::Null => None,
        v => Some(num(v)),
    };
    let residual_scale = match lambda {
        Some(l) => max_abs(&y.iter().map(|&v| box_cox_value(v, l)).collect::<Vec<_>>()).max(f64::MIN_POSITIVE),
        None => scale,
    };
    worst = worst.max(compare("residuals", &model.residuals(), &nums(&case["residuals"]), residual_scale)?);
    let label = case["label"].as_str().expect("label");
    if model.label() != label {
        return Err(format!("label '{}', R's method is '{label}'", model.label()));
    }
    match (lambda, find::<Transformed>(model.as_ref())) {
        (None, None) => {}
        (Some(want), Some(t)) if (t.lambda() - want).abs() <= TOL => {}
        (want, t) => return Err(format!("lambda {:?}, R used {want:?}", t.map(Transformed::lambda))),
    }
    Ok(worst)
}

/// statsforecast's case holds the point forecasts only: it has no fitted values and, without
/// conformal intervals, no bounds; lagrs' are NaN.
fn check_statsforecast_case(case: &Value, y: &[f64]) -> Result<f64, String> {
    let (model, forecast) = fit_and_forecast(case, y)?;
    let worst = compare("mean", &forecast.mean, &nums(&case["mean"]), max_abs(y))?;
    let bounds = forecast.lower.iter().chain(&forecast.upper).flatten();
    if !bounds.chain(&model.fitted()).chain(&model.residuals()).all(|v| v.is_nan()) {
        return Err("a bound, fitted value or residual is not NaN".into());
    }
    Ok(worst)
}

fn fit_and_forecast(case: &Value, y: &[f64]) -> Result<(Box<dyn FittedModel>, Forecast), String> {
    let spec = ModelSpec::parse(case["spec"].as_str().expect("spec")).map_err(|e| e.to_string())?;
    let model = spec.fit(y, None).map_err(|e| format!("fit: {e}"))?;
    let h = case["h"].as_u64().expect("h") as usize;
    let forecast = model.forecast(h, &[0.8, 0.95]).map_err(|e| format!("forecast: {e}"))?;
    Ok((model, forecast))
}

/// Runs every case of a fixture through `check`, prints the largest error per method (and
/// where), and fails listing the cases that differ.
fn run_fixture(relative: &str, check: fn(&Value, &[f64]) -> Result<f64, String>) {
    let doc = fixture(relative);
    let cases = doc["cases"].as_array().expect("cases");
    assert!(!cases.is_empty(), "{relative} has no cases");
    let mut worst: BTreeMap<String, (f64, String)> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in cases {
        let name = case["series"].as_str().expect("series name");
        let y = nums(&doc["series"][name]["x"]);
        assert!(!y.is_empty(), "{relative}: no series {name}");
        // Guerrero's lambda is an optimum found to R's tolerance: its errors are reported apart.
        let auto = if case["lambda"].as_str() == Some("auto") { ", lambda=auto" } else { "" };
        let method = format!("{}{auto}", case["method"].as_str().expect("method"));
        match check(case, &y) {
            Ok(error) => {
                let entry = worst.entry(method).or_insert((0.0, String::new()));
                if error >= entry.0 {
                    *entry = (error, format!("{name} {}", case["spec"]));
                }
            }
            Err(message) => failures.push(format!("{name} {}: {message}", case["spec"])),
        }
    }
    for (method, (error, at)) in &worst {
        println!("{relative}: {method}: largest error relative to the data's scale {error:.2e} ({at})");
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn naive_snaive_meanf_and_drift_equal_r() {
    run_fixture("baselines/baselines.json", check_r_case);
}

#[test]
fn window_averages_equal_statsforecast() {
    run_fixture("baselines/window_averages.json", check_statsforecast_case);
}
