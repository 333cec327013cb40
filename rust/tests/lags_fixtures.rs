//! lag / diff / pct_change against the pandas fixtures, plus argument checks.

use std::path::PathBuf;

use lagrs_core::error::CoreError;
use lagrs_core::lags::{diff, lag, pct_change};
use serde_json::Value;

fn num(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().expect("f64"),
        Value::String(s) if s == "NaN" => f64::NAN,
        Value::String(s) if s == "Infinity" => f64::INFINITY,
        Value::String(s) if s == "-Infinity" => f64::NEG_INFINITY,
        other => panic!("not a number: {other}"),
    }
}

fn close(a: f64, b: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

#[test]
fn lags_match_pandas_fixtures() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src/test/resources/fixtures/rolling/lags.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read lags.json")).expect("json");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(!cases.is_empty());
    for c in cases {
        let name = c["name"].as_str().expect("name");
        let k = c["k"].as_u64().expect("k") as usize;
        let x: Vec<f64> = c["x"].as_array().expect("x").iter().map(num).collect();
        let want: Vec<f64> = c["expected"].as_array().expect("expected").iter().map(num).collect();
        let f = match c["function"].as_str().expect("function") {
            "lag" => lag,
            "diff" => diff,
            "pct_change" => pct_change,
            other => panic!("unknown function {other}"),
        };
        let mut got = vec![0.0; x.len()];
        f(&x, k, &mut got).expect("ok");
        for (i, (&g, &w)) in got.iter().zip(&want).enumerate() {
            assert!(close(g, w), "{name}: index {i}: got {g:e}, want {w:e}");
        }
    }
}

#[test]
fn lag_edges() {
    let x = [1.0, 2.0, 3.0];
    let mut out = [0.0; 3];
    lag(&x, 10, &mut out).expect("k beyond length");
    assert!(out.iter().all(|v| v.is_nan()));
    pct_change(&[0.0, 1.0, -1.0], 0, &mut out).expect("k = 0");
    assert!(out[0].is_nan() && out[1] == 0.0 && out[2] == 0.0);
    for f in [lag, diff, pct_change] {
        f(&[], 3, &mut []).expect("empty");
        match f(&x, 1, &mut [0.0; 2]) {
            Err(CoreError::InvalidArgument(m)) => assert!(m.contains("out")),
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
    }
}
