//! lag / diff / pct_change against the pandas fixtures, plus argument checks.

use lagrs_core::error::CoreError;
use lagrs_core::lags::{diff, lag, pct_change};

mod common;
use common::{assert_all_close, fixture_cases, nums};

#[test]
fn lags_match_pandas_fixtures() {
    let cases = fixture_cases("rolling/lags.json");
    assert!(!cases.is_empty());
    for c in &cases {
        let name = c["name"].as_str().expect("name");
        let k = c["k"].as_u64().expect("k") as usize;
        let x = nums(&c["x"]);
        let want = nums(&c["expected"]);
        let f = match c["function"].as_str().expect("function") {
            "lag" => lag,
            "diff" => diff,
            "pct_change" => pct_change,
            other => panic!("unknown function {other}"),
        };
        let mut got = vec![0.0; x.len()];
        f(&x, k, &mut got).expect("ok");
        assert_all_close(name, &got, &want, 1e-12);
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
