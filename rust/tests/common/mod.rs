//! Helpers shared by the integration tests: reading the golden fixtures that the Java tests
//! also use, and a small deterministic random generator so the tests need no extra crates.
#![allow(dead_code)] // each test crate uses a different part of this module

use std::path::PathBuf;

use serde_json::Value;

/// A whole fixture under `testdata/` (each set beside the script that generates it).
pub fn fixture(relative: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata").join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("fixture is valid JSON")
}

/// The `cases` array of a fixture under `testdata/`.
pub fn fixture_cases(relative: &str) -> Vec<Value> {
    fixture(relative)["cases"].as_array().expect("fixture has a cases array").clone()
}

/// A fixture number: JSON numbers, the strings "NaN", "Infinity", "-Infinity", and null as NaN.
pub fn num(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().expect("f64"),
        Value::Null => f64::NAN,
        Value::String(s) if s.eq_ignore_ascii_case("nan") => f64::NAN,
        Value::String(s) if s == "Infinity" => f64::INFINITY,
        Value::String(s) if s == "-Infinity" => f64::NEG_INFINITY,
        other => panic!("not a number: {other}"),
    }
}

/// A fixture number array; a missing field is an empty array.
pub fn nums(v: &Value) -> Vec<f64> {
    v.as_array().map(|a| a.iter().map(num).collect()).unwrap_or_default()
}

/// Equal within `rel_tol` relative; NaN equals NaN and an infinity only itself.
pub fn close(a: f64, b: f64, rel_tol: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= rel_tol * a.abs().max(b.abs())
}

/// Asserts [`close`] element by element, naming the case and the index that differs.
pub fn assert_all_close(name: &str, got: &[f64], want: &[f64], rel_tol: f64) {
    assert_eq!(got.len(), want.len(), "{name}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert!(close(g, w, rel_tol), "{name}: index {i}: got {g:e}, want {w:e}");
    }
}

/// SplitMix64 with Box–Muller normals: deterministic, and good enough for test data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on (0, 1): never exactly 0, so `ln` of it is finite.
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    pub fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

/// A non-seasonal ARIMA(p, d, q) specification with the given mean and drift terms.
pub fn nonseasonal_spec(p: usize, d: usize, q: usize, mean: bool, drift: bool) -> lagrs_core::arima::ArimaSpec {
    lagrs_core::arima::ArimaSpec {
        p,
        d,
        q,
        seasonal_p: 0,
        seasonal_d: 0,
        seasonal_q: 0,
        period: 0,
        include_mean: mean,
        include_drift: drift,
    }
}

/// The specification of a chosen model as both sides describe it: orders
/// (p, d, q, P, D, Q), the period and the mean/drift terms.
pub fn spec_from_choice(orders: [usize; 6], period: usize, mean: bool, drift: bool) -> lagrs_core::arima::ArimaSpec {
    let [p, d, q, seasonal_p, seasonal_d, seasonal_q] = orders;
    lagrs_core::arima::ArimaSpec { p, d, q, seasonal_p, seasonal_d, seasonal_q, period, include_mean: mean, include_drift: drift }
}

/// The specification of a fixed-order case of the optimum set (`arima_optimum/cases.json`):
/// `order`, `seasonal` (with the period last), `include_mean`, `include_drift`.
pub fn spec_of_case(c: &Value) -> lagrs_core::arima::ArimaSpec {
    let o: Vec<usize> = nums(&c["order"]).iter().map(|v| *v as usize).collect();
    let s: Vec<usize> = nums(&c["seasonal"]).iter().map(|v| *v as usize).collect();
    let mean = c["include_mean"].as_bool().expect("include_mean");
    let drift = c["include_drift"].as_bool().expect("include_drift");
    spec_from_choice([o[0], o[1], o[2], s[0], s[1], s[2]], s[3], mean, drift)
}

/// ARMA(phi, theta) with unit innovations, burn-in discarded, then integrated d times.
pub fn simulate_arima(seed: u64, n: usize, phi: &[f64], theta: &[f64], d: usize) -> Vec<f64> {
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
