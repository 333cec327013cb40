//! Osborn–Chui–Smith–Birchenhall (1988) seasonal unit-root test as
//! `forecast::nsdiffs(test = "ocsb")` runs it: `ocsb.test(x, maxlag = 3,
//! lag.method = "AIC")`, its statistic compared with the critical value that
//! forecast fits as a function of the period (`calcOCSBCritVal`).
//!
//! With `yy = (1 - B)(1 - B^m) x`, an AR(p) of `yy` is fitted; `Z4` and `Z5`
//! are the seasonal and the first differences of `x` filtered by that AR, and
//! `yy_t ~ yy_{t-1..t-p} + Z4_{t-1} + Z5_{t-m}` is regressed; the statistic is
//! the t value of `Z5`. The AR order is chosen as forecast does: the AIC of
//! that regression for p = 1, 2, 3 on a common sample, and then — as in
//! forecast 8.20 — one less than the order with the smallest AIC is used.

use super::nsdiffs_by;
use crate::error::{invalid, CoreResult};
use crate::numerics::ols::{ols, OlsFit};

/// The largest AR order `nsdiffs` lets the test consider.
pub const NSDIFFS_MAX_LAG: usize = 3;

/// Result of [`ocsb_test`].
#[derive(Debug, Clone, PartialEq)]
pub struct OcsbTest {
    /// t value of the `Z5` coefficient.
    pub statistic: f64,
    /// 5% critical value for the period; a statistic above it means a seasonal difference.
    pub critical: f64,
    /// The AR order used in the final regression.
    pub lag_order: usize,
}

/// `forecast:::calcOCSBCritVal(m)`: the 5% critical value fitted by forecast
/// as a smooth function of the seasonal period.
pub fn ocsb_critical_value(m: usize) -> f64 {
    let log_m = (m as f64).ln();
    let u = log_m - 0.7656451;
    -0.2937411 * (-0.2850853 * u + (-0.05983644) * u * u).exp() - 1.652202
}

/// The series pieces the regressions are built from, on x's time index.
struct Pieces {
    n: usize,
    m: usize,
    /// `x_t - x_{t-m}` (valid for t >= m).
    seasonal_diff: Vec<f64>,
    /// `x_t - x_{t-1}` (valid for t >= 1).
    first_diff: Vec<f64>,
    /// `(1 - B)(1 - B^m) x_t` (valid for t >= m + 1).
    both: Vec<f64>,
}

impl Pieces {
    fn new(x: &[f64], m: usize) -> Self {
        let n = x.len();
        let seasonal_diff: Vec<f64> = (0..n).map(|t| if t >= m { x[t] - x[t - m] } else { f64::NAN }).collect();
        let first_diff: Vec<f64> = (0..n).map(|t| if t >= 1 { x[t] - x[t - 1] } else { f64::NAN }).collect();
        let both: Vec<f64> =
            (0..n).map(|t| if t > m { seasonal_diff[t] - seasonal_diff[t - 1] } else { f64::NAN }).collect();
        Pieces { n, m, seasonal_diff, first_diff, both }
    }

    /// forecast's `fitOCSB(x, lag, maxlag)`: the final regression, on the
    /// sample t = m + 1 + maxlag .. n - 1.
    fn fit(&self, lag: usize, maxlag: usize) -> Option<OlsFit> {
        let (n, m) = (self.n, self.m);
        let first = m + 1 + maxlag;
        if first >= n {
            return None;
        }
        let rows: Vec<usize> = (first..n).collect();
        let ar_columns = |series: &[f64], rows: &[usize]| -> Vec<Vec<f64>> {
            if lag == 0 {
                // forecast regresses on a column of zeros: nothing is explained.
                return vec![vec![0.0; rows.len()]];
            }
            (1..=lag).map(|k| rows.iter().map(|&t| series[t - k]).collect()).collect()
        };
        let response: Vec<f64> = rows.iter().map(|&t| self.both[t]).collect();
        let ar = ols(&response, &ar_columns(&self.both, &rows))?;
        // Aliased AR coefficients (NaN) contribute nothing, as in predict.lm.
        let beta: Vec<f64> = ar.coef.iter().map(|c| if c.is_nan() { 0.0 } else { *c }).collect();
        let filtered = |series: &[f64], t: usize| -> f64 {
            if lag == 0 {
                return series[t];
            }
            series[t] - (1..=lag).map(|k| beta[k - 1] * series[t - k]).sum::<f64>()
        };
        let mut columns = ar_columns(&self.both, &rows);
        columns.push(rows.iter().map(|&t| filtered(&self.seasonal_diff, t - 1)).collect());
        columns.push(rows.iter().map(|&t| filtered(&self.first_diff, t - m)).collect());
        ols(&response, &columns)
    }
}

/// `forecast:::ocsb.test(x, maxlag, lag.method = "AIC")` for a series of
/// integer period `m` >= 2. Leading and trailing missing values (NaN) are
/// dropped; missing values inside the series, a series too short for the
/// regressions (fewer than `m + maxlag + 3` values) or an inestimable `Z4`/`Z5`
/// coefficient are errors, as they are in R.
pub fn ocsb_test(x: &[f64], m: usize, maxlag: usize) -> CoreResult<OcsbTest> {
    if m < 2 {
        return invalid(format!("the OCSB test needs a seasonal period of at least 2, got {m}"));
    }
    let start = x.iter().position(|v| !v.is_nan()).unwrap_or(x.len());
    let end = x.iter().rposition(|v| !v.is_nan()).map_or(start, |e| e + 1);
    let x = &x[start..end];
    if x.iter().any(|v| v.is_nan()) {
        return invalid("the OCSB test needs a series without missing values inside it");
    }
    // forecast's regressions need at least two rows after the largest lag.
    if x.len() < m + maxlag + 3 {
        return invalid(format!(
            "the OCSB test with period {m} and up to {maxlag} lags needs at least {} observations",
            m + maxlag + 3
        ));
    }
    let pieces = Pieces::new(x, m);
    let mut order = maxlag;
    if maxlag > 0 {
        // Smallest AIC over p = 1..maxlag (first on ties, NaN ignored, as which.min).
        let mut best: Option<(usize, f64)> = None;
        for lag in 1..=maxlag {
            let aic = pieces.fit(lag, maxlag).map_or(f64::NAN, |f| f.aic());
            if !aic.is_nan() && best.is_none_or(|(_, b)| aic < b) {
                best = Some((lag, aic));
            }
        }
        let Some((id, _)) = best else {
            return invalid("the OCSB lag selection found no usable regression");
        };
        // forecast 8.20 uses `which.min(...) - 1` as the order.
        order = id - 1;
    }
    let fit = pieces.fit(order, order).ok_or_else(|| crate::error::CoreError::Numerical("OCSB regression".into()))?;
    let k = fit.coef.len();
    let (z4, z5) = (fit.t_value(k - 2), fit.t_value(k - 1));
    if z4.is_nan() || z5.is_nan() {
        return invalid("the OCSB regression did not reach a solution; use a longer series or another test");
    }
    Ok(OcsbTest { statistic: z5, critical: ocsb_critical_value(m), lag_order: order })
}

/// Whether `nsdiffs(test = "ocsb")` differences once more: the statistic
/// above the critical value; an error in the test counts as "no", as in R.
pub fn ocsb_wants_difference(x: &[f64], m: usize) -> bool {
    ocsb_test(x, m, NSDIFFS_MAX_LAG).is_ok_and(|t| t.statistic > t.critical)
}

/// `forecast::nsdiffs(x, test = "ocsb", max.D)` for a series of period `m` >= 2.
pub fn nsdiffs_ocsb(x: &[f64], m: usize, max_seasonal_d: usize) -> usize {
    nsdiffs_by(x, m, max_seasonal_d, |s| ocsb_wants_difference(s, m))
}

#[cfg(test)]
mod tests {
    //! Against `testdata/auto_arima/unit_root_tests.json`.
    use super::*;
    use crate::stats::test_fixtures::{load, num, nums, same};

    #[test]
    fn ocsb_matches_forecast() {
        let doc = load("unit_root_tests.json");
        let mut compared = 0;
        for case in doc["cases"].as_array().expect("cases") {
            let Some(want) = case.get("ocsb") else { continue };
            let name = case["name"].as_str().expect("name");
            let m = case["m"].as_u64().expect("m") as usize;
            let x = nums(&case["x"]);
            match ocsb_test(&x, m, NSDIFFS_MAX_LAG) {
                Ok(t) => {
                    assert!(want["error"].is_null(), "{name}: R failed ({}), lagrs gave {t:?}", want["error"]);
                    assert_eq!(t.lag_order as u64, want["lag_order"].as_u64().expect("lag"), "{name}: lag order");
                    let ws = num(&want["statistic"]);
                    assert!(same(t.statistic, ws, 1e-7), "{name}: lagrs {}, R {ws}", t.statistic);
                    assert!(same(t.critical, num(&want["critical"]), 1e-12), "{name}: critical");
                    compared += 1;
                }
                Err(e) => assert!(!want["error"].is_null(), "{name}: lagrs failed ({e}), R gave {want}"),
            }
            if let Some(d) = case.get("nsdiffs_ocsb").and_then(|v| v.as_u64()) {
                assert_eq!(nsdiffs_ocsb(&x, m, 1) as u64, d, "{name}: nsdiffs(test = \"ocsb\")");
            }
        }
        assert!(compared >= 80, "only {compared} statistics compared");
    }

    #[test]
    fn bad_input_is_an_error() {
        let x: Vec<f64> = (0..40).map(|t| (t as f64 * 0.7).sin()).collect();
        assert!(ocsb_test(&x, 1, 3).is_err());
        assert!(ocsb_test(&x[..9], 4, 3).is_err());
        assert!(ocsb_test(&x[..10], 4, 3).is_ok());
        let mut holed = x.clone();
        holed[20] = f64::NAN;
        assert!(ocsb_test(&holed, 4, 3).is_err());
    }
}
