//! The full order search (`stepwise = false`) is unit-free: the same series times 10^k
//! chooses the same model, with criteria shifted by exactly the change of units
//! (2 n.used ln 10^k), and takes the same path: the same candidates, and the exact
//! refit of the approximate winner fails (sending the search to its exact rerun, about
//! fifty times the work) at every scale or at none. Long seasonal series (n > 150, so the
//! CSS approximation and its offset are on), periods 4, 7 and 12, with and without
//! differencing, over 10^-8 to 10^8 and 10^±100. Guards the report that the choice and the
//! run time of the full search depended on the units of the data.

mod common;

use common::Rng;
use lagrs_core::auto::{auto_arima, AutoArimaFit, AutoArimaOptions};

/// level + amplitude sin(2 pi t / m) + z_t, z a SARIMA with one AR, one MA and one
/// seasonal AR term (summed once when `integrated`).
fn seasonal_series(n: usize, m: usize, integrated: bool, seed: u64) -> Vec<f64> {
    let mut rng = Rng(seed);
    let (burn, a, b, c) = (60, 0.5, 0.3, 0.6);
    let e: Vec<f64> = (0..n + burn).map(|_| rng.normal()).collect();
    let mut z = vec![0.0; n + burn];
    for t in m + 1..n + burn {
        z[t] = a * z[t - 1] + c * z[t - m] + e[t] + b * e[t - 1];
    }
    let mut level = 0.0;
    (0..n)
        .map(|t| {
            let v = z[t + burn];
            level += if integrated { v } else { 0.0 };
            let seasonal = 3.0 * (2.0 * std::f64::consts::PI * t as f64 / m as f64).sin();
            120.0 + seasonal + if integrated { level } else { v }
        })
        .collect()
}

/// Orders, mean and drift of the choice, and how many candidates were fitted exactly.
fn path(f: &AutoArimaFit) -> (String, usize, usize) {
    let s = f.fit.spec();
    let exact = f.trace.iter().filter(|t| !t.approximate).count();
    (format!("{s:?}"), f.trace.len(), exact)
}

#[test]
fn full_search_chooses_alike_in_any_units() {
    let cases = [(4, 160, false, 11), (7, 170, true, 12), (12, 180, false, 13)];
    let exponents = [-100, -8, -3, 0, 3, 8, 100];
    for (m, n, integrated, seed) in cases {
        let y = seasonal_series(n, m, integrated, seed);
        let options = AutoArimaOptions { period: m, stepwise: false, ..AutoArimaOptions::default() };
        let base = auto_arima(&y, &options).expect("fit at 1");
        assert!(base.trace.iter().any(|t| t.approximate), "m = {m}: the approximation should be on (n = {n})");
        let want = path(&base);
        for k in exponents {
            let c = 10f64.powi(k);
            let scaled: Vec<f64> = y.iter().map(|v| v * c).collect();
            let got = auto_arima(&scaled, &options).unwrap_or_else(|e| panic!("m = {m}, 1e{k}: {e}"));
            assert_eq!(path(&got), want, "m = {m}: the choice or the search path at 1e{k} differs from that at 1");
            let shift = 2.0 * base.fit.n_used() as f64 * c.ln();
            let ic = got.ic - shift;
            assert!((ic - base.ic).abs() <= 1e-6 * (1.0 + base.ic.abs()), "m = {m}, 1e{k}: ic {ic} (in the units of 1) vs {}", base.ic);
        }
    }
}
