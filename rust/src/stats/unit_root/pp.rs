//! Phillips–Perron Z-tau test as `urca::ur.pp(type = "Z-tau")` computes it,
//! and the number of differences `forecast::ndiffs(x, test = "pp")` chooses.
//!
//! The regression `y_t ~ 1 [+ (t - n/2)] + y_{t-1}`; its t statistic for a
//! unit coefficient is corrected for serial correlation with a Bartlett-
//! weighted long-run variance of `trunc(4 (n/100)^0.25)` lags (urca's
//! `lags = "short"`). Critical values are MacKinnon's response surfaces in n.

use super::{ndiffs_by, unit_root_decision, Decision, UnitRootTest};
use crate::error::{invalid, CoreResult};
use crate::numerics::ols::ols;

pub use super::adf::Deterministic;

/// `urca::ur.pp(x, type = "Z-tau", model, lags = "short")`. Missing values
/// are dropped first, as urca does. Errors for fewer than three observations.
pub fn pp_test(x: &[f64], deterministic: Deterministic) -> CoreResult<UnitRootTest> {
    let x: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
    if x.len() < 3 {
        return invalid("the Phillips-Perron test needs at least three observations");
    }
    let n = x.len() - 1;
    let nf = n as f64;
    let y = &x[1..];
    let y_lag = &x[..n];
    let lmax = (4.0 * (nf / 100.0).powf(0.25)).trunc() as usize;

    let mut columns = vec![vec![1.0; n], y_lag.to_vec()];
    if deterministic == Deterministic::Trend {
        columns.push((1..=n).map(|t| t as f64 - nf / 2.0).collect());
    }
    let fit = ols(y, &columns).ok_or_else(|| crate::error::CoreError::InvalidArgument("empty regression".into()))?;
    // R reads rows 1-2 (and 3 for the trend) of summary()'s coefficient table,
    // which has no rows for aliased coefficients: it fails when one is aliased.
    if fit.rank < columns.len() {
        return invalid("the Phillips-Perron regression has an aliased coefficient (constant or exactly trending series)");
    }
    let res = &fit.residuals;
    let s = fit.rss / nf;
    let coprod = |l: usize| -> f64 { (l..n).map(|t| res[t] * res[t - l]).sum() };
    let weighted: f64 = (1..=lmax).map(|l| (1.0 - l as f64 / (lmax as f64 + 1.0)) * coprod(l)).sum();
    let sig = s + (2.0 / nf) * weighted;
    let lambda_prime = 0.5 * (sig - s) / sig;
    let mean_y = y.iter().sum::<f64>() / nf;
    let myybar = y.iter().map(|v| (v - mean_y) * (v - mean_y)).sum::<f64>() / (nf * nf);
    // coef / se of y_{t-1}: R indexes row 2 of the coefficient table.
    let tstat = (fit.coef[1] - 1.0) / fit.se[1];
    let (statistic, critical) = match deterministic {
        Deterministic::Level => (
            (s / sig).sqrt() * tstat - lambda_prime * sig.sqrt() / myybar.sqrt(),
            [
                -3.4335 - 5.999 / nf - 29.25 / (nf * nf),
                -2.8621 - 2.738 / nf - 8.36 / (nf * nf),
                -2.5671 - 1.438 / nf - 4.48 / (nf * nf),
            ],
        ),
        Deterministic::Trend => {
            let myy = y.iter().map(|v| v * v).sum::<f64>() / (nf * nf);
            let mty = nf.powf(-2.5) * y.iter().enumerate().map(|(t, v)| (t + 1) as f64 * v).sum::<f64>();
            let my = nf.powf(-1.5) * y.iter().sum::<f64>();
            let m = (1.0 - 1.0 / (nf * nf)) * myy - 12.0 * mty * mty + 12.0 * (1.0 + 1.0 / nf) * mty * my
                - (4.0 + 6.0 / nf + 2.0 / (nf * nf)) * my * my;
            (
                (s / sig).sqrt() * tstat - lambda_prime * sig.sqrt() / m.sqrt(),
                [
                    -3.9638 - 8.353 / nf - 47.44 / (nf * nf),
                    -3.4126 - 4.039 / nf - 17.83 / (nf * nf),
                    -3.1279 - 2.418 / nf - 7.58 / (nf * nf),
                ],
            )
        }
    };
    Ok(UnitRootTest { statistic, critical })
}

/// The decision `ndiffs(test = "pp")` takes on one (already differenced) series.
pub fn pp_decision(x: &[f64], alpha: f64, deterministic: Deterministic) -> Decision {
    unit_root_decision(pp_test(x, deterministic), alpha)
}

/// `forecast::ndiffs(x, alpha, test = "pp", type, max.d)`.
pub fn ndiffs_pp(x: &[f64], alpha: f64, deterministic: Deterministic, max_d: usize) -> usize {
    ndiffs_by(x, max_d, |s| pp_decision(s, alpha, deterministic))
}

#[cfg(test)]
mod tests {
    //! Against `testdata/auto_arima/unit_root_tests.json`.
    use super::*;
    use crate::stats::test_fixtures::{load, num, nums, same};
    use crate::stats::unit_root::tests::{degenerate, DEGENERATE};

    #[test]
    fn pp_matches_urca_and_ndiffs() {
        let doc = load("unit_root_tests.json");
        let mut compared = 0;
        for case in doc["cases"].as_array().expect("cases") {
            let name = case["name"].as_str().expect("name");
            let x = nums(&case["x"]);
            for (key, det) in [("pp_level", Deterministic::Level), ("pp_trend", Deterministic::Trend)] {
                let want = &case[key];
                if want.is_null() {
                    continue;
                }
                match pp_test(&x, det) {
                    Ok(t) => {
                        assert!(want["error"].is_null(), "{name} {key}: R failed, lagrs gave {t:?}");
                        if num(&want["relative_residual"]) < DEGENERATE {
                            continue;
                        }
                        let ws = num(&want["statistic"]);
                        assert!(same(t.statistic, ws, 1e-8), "{name} {key}: lagrs {}, R {ws}", t.statistic);
                        for (g, w) in t.critical.iter().zip(nums(&want["critical"])) {
                            assert!(same(*g, w, 1e-12), "{name} {key} critical: lagrs {g}, R {w}");
                        }
                        compared += 1;
                    }
                    Err(e) => assert!(!want["error"].is_null(), "{name} {key}: lagrs failed ({e}), R did not"),
                }
            }
            if !case["ndiffs_pp"].is_null() && !degenerate(case) {
                let want = case["ndiffs_pp"].as_u64().expect("ndiffs") as usize;
                assert_eq!(ndiffs_pp(&x, 0.05, Deterministic::Level, 2), want, "{name}: ndiffs(test = \"pp\")");
            }
        }
        assert!(compared >= 100, "only {compared} statistics compared");
    }
}
