//! Augmented Dickey–Fuller test as `urca::ur.df` computes it, and the number
//! of differences `forecast::ndiffs(x, test = "adf")` chooses with it.
//!
//! `ndiffs` calls `ur.df(x, type = "drift")` (or `"trend"`) with urca's
//! default one lagged difference: the regression
//! `diff(y)_t ~ 1 [+ t] + y_{t-1} + diff(y)_{t-1}`, whose t statistic on
//! `y_{t-1}` is compared with the Dickey–Fuller critical values tabulated by
//! sample size (Hamilton 1994, as urca prints them). A p-value above alpha
//! means a unit root is not rejected, so the series is differenced.

use super::{ndiffs_by, unit_root_decision, Decision, UnitRootTest};
use crate::error::{invalid, CoreResult};
use crate::numerics::ols::ols;

/// Deterministic terms of the test regression (`ndiffs`' `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deterministic {
    /// Intercept only (`ur.df(type = "drift")`, `ndiffs(type = "level")`, the default).
    Level,
    /// Intercept and linear trend (`ur.df(type = "trend")`).
    Trend,
}

/// urca's tau critical values at 1/5/10% for sample sizes <25, <50, <100,
/// <250, <500, and larger (Fuller's table, as in `urca::ur.df`).
const TAU_DRIFT: [[f64; 3]; 6] = [
    [-3.75, -3.00, -2.63],
    [-3.58, -2.93, -2.60],
    [-3.51, -2.89, -2.58],
    [-3.46, -2.88, -2.57],
    [-3.44, -2.87, -2.57],
    [-3.43, -2.86, -2.57],
];
const TAU_TREND: [[f64; 3]; 6] = [
    [-4.38, -3.60, -3.24],
    [-4.15, -3.50, -3.18],
    [-4.04, -3.45, -3.15],
    [-3.99, -3.43, -3.13],
    [-3.98, -3.42, -3.13],
    [-3.96, -3.41, -3.12],
];

fn size_row(n: usize) -> usize {
    match n {
        0..=24 => 0,
        25..=49 => 1,
        50..=99 => 2,
        100..=249 => 3,
        250..=499 => 4,
        _ => 5,
    }
}

/// `urca::ur.df(y, type, lags)`: the tau statistic and its critical values.
/// `y` must have no missing values. Errors where urca stops (missing values,
/// fewer than `lags + 2` observations, or a regression with fewer than two
/// estimable coefficients).
pub fn adf_test(y: &[f64], deterministic: Deterministic, lags: usize) -> CoreResult<UnitRootTest> {
    if y.iter().any(|v| v.is_nan()) {
        return invalid("the ADF test needs a series without missing values");
    }
    let z: Vec<f64> = y.windows(2).map(|w| w[1] - w[0]).collect();
    let n = z.len();
    let width = lags + 1;
    if n < width || n == 0 {
        return invalid(format!("the ADF test with {lags} lags needs at least {} observations", lags + 2));
    }
    // Rows t = width..=n (1-based in z): diff_t on y_t (the level before the
    // difference), then the lagged differences.
    let rows = n - width + 1;
    let response: Vec<f64> = (0..rows).map(|r| z[r + lags]).collect();
    let mut columns: Vec<Vec<f64>> = vec![vec![1.0; rows]];
    columns.push((0..rows).map(|r| y[r + lags]).collect());
    if deterministic == Deterministic::Trend {
        columns.push((0..rows).map(|r| (r + width) as f64).collect());
    }
    for k in 1..=lags {
        columns.push((0..rows).map(|r| z[r + lags - k]).collect());
    }
    let fit = ols(&response, &columns).ok_or_else(|| crate::error::CoreError::InvalidArgument("empty regression".into()))?;
    // R takes row 2 of summary()'s coefficient table, which omits aliased
    // coefficients: the second estimable coefficient's t value.
    let kept: Vec<usize> = (0..columns.len()).filter(|&j| !fit.coef[j].is_nan()).collect();
    let Some(&j) = kept.get(1) else {
        return invalid("the ADF regression has fewer than two estimable coefficients");
    };
    let table = match deterministic {
        Deterministic::Level => &TAU_DRIFT,
        Deterministic::Trend => &TAU_TREND,
    };
    Ok(UnitRootTest { statistic: fit.t_value(j), critical: table[size_row(n)] })
}

/// The decision `ndiffs(test = "adf")` takes on one (already differenced) series.
pub fn adf_decision(x: &[f64], alpha: f64, deterministic: Deterministic) -> Decision {
    unit_root_decision(adf_test(x, deterministic, 1), alpha)
}

/// `forecast::ndiffs(x, alpha, test = "adf", type, max.d)`. Missing values
/// (NaN) are dropped first, as R does.
pub fn ndiffs_adf(x: &[f64], alpha: f64, deterministic: Deterministic, max_d: usize) -> usize {
    ndiffs_by(x, max_d, |s| adf_decision(s, alpha, deterministic))
}

#[cfg(test)]
mod tests {
    //! Against `testdata/auto_arima/unit_root_tests.json` (R 4.2.2, urca,
    //! forecast 8.20; `make_unit_root_fixtures.R`).
    use super::*;
    use crate::stats::test_fixtures::{load, num, nums, same};
    use crate::stats::unit_root::tests::{degenerate, DEGENERATE};

    #[test]
    fn adf_matches_urca_and_ndiffs() {
        let doc = load("unit_root_tests.json");
        let mut compared = 0;
        for case in doc["cases"].as_array().expect("cases") {
            let name = case["name"].as_str().expect("name");
            let x = nums(&case["x"]);
            for (key, det) in [("adf_level", Deterministic::Level), ("adf_trend", Deterministic::Trend)] {
                let want = &case[key];
                if want.is_null() {
                    continue;
                }
                let clean: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
                match adf_test(&clean, det, 1) {
                    Ok(t) => {
                        let (ws, wc) = (num(&want["statistic"]), nums(&want["critical"]));
                        assert!(want["error"].is_null(), "{name} {key}: R failed, lagrs gave {t:?}");
                        if num(&want["relative_residual"]) < DEGENERATE {
                            continue;
                        }
                        assert!(same(t.statistic, ws, 1e-8), "{name} {key}: lagrs {}, R {ws}", t.statistic);
                        assert_eq!(t.critical.to_vec(), wc, "{name} {key}");
                        compared += 1;
                    }
                    Err(e) => assert!(!want["error"].is_null(), "{name} {key}: lagrs failed ({e}), R did not"),
                }
            }
            if !case["ndiffs_adf"].is_null() && !degenerate(case) {
                let want = case["ndiffs_adf"].as_u64().expect("ndiffs") as usize;
                let got = ndiffs_adf(&x, 0.05, Deterministic::Level, 2);
                assert_eq!(got, want, "{name}: ndiffs(test = \"adf\")");
            }
        }
        assert!(compared >= 100, "only {compared} statistics compared");
    }

    #[test]
    fn short_or_missing_input_is_an_error() {
        assert!(adf_test(&[1.0, 2.0], Deterministic::Level, 1).is_err());
        assert!(adf_test(&[1.0, f64::NAN, 3.0, 4.0], Deterministic::Level, 1).is_err());
    }
}
