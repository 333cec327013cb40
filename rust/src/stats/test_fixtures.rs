//! Reading the R reference fixtures under `testdata/auto_arima/` (unit tests only).

use std::path::PathBuf;

use serde_json::Value;

/// The parsed fixture file `testdata/auto_arima/<name>`.
pub fn load(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/auto_arima").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("fixture is valid JSON")
}

/// A fixture number: JSON numbers, null (R's NA/NaN) as NaN, "Infinity"/"-Infinity".
pub fn num(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().expect("f64"),
        Value::Null => f64::NAN,
        Value::String(s) if s == "Infinity" => f64::INFINITY,
        Value::String(s) if s == "-Infinity" => f64::NEG_INFINITY,
        other => panic!("not a number: {other}"),
    }
}

/// A fixture number array (a scalar counts as an array of one).
pub fn nums(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(a) => a.iter().map(num).collect(),
        other => vec![num(other)],
    }
}

/// Equal within `rel_tol` relative to max(1, |want|); NaN equals only NaN, an infinity only itself.
pub fn same(got: f64, want: f64, rel_tol: f64) -> bool {
    if got.is_nan() || want.is_nan() {
        return got.is_nan() && want.is_nan();
    }
    if got.is_infinite() || want.is_infinite() {
        return got == want;
    }
    (got - want).abs() <= rel_tol * want.abs().max(1.0)
}

/// The largest absolute value in `x`: the scale a comparison with R is made relative to.
pub fn max_abs(x: &[f64]) -> f64 {
    x.iter().fold(0.0f64, |a, v| a.max(v.abs()))
}

/// Asserts that `got` equals R's `want` element by element within `tol` (absolute: the caller
/// scales it to the series), naming `label` and the index that differs.
pub fn assert_within(label: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{label}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() <= tol, "{label} at {i}: lagrs {g} R {w}");
    }
}
