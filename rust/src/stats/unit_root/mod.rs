//! The tests that choose the number of differences, as `forecast::ndiffs` (unit-root tests:
//! `kpss`, `adf`, `pp`) and `forecast::nsdiffs` (seasonal tests: `ocsb`, `ch`; the seasonal
//! strength heuristic is `stats::seasonal`) run them, and what they share: the result type,
//! p-values interpolated in urca's critical-value tables the way `forecast::ndiffs` does, and
//! the differencing loops of `ndiffs` / `nsdiffs` around one test.

pub mod adf;
pub mod ch;
pub mod kpss;
pub mod ocsb;
pub mod pp;

use crate::error::CoreResult;
use crate::stats::series::is_constant;

/// A test statistic with the critical values it is compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRootTest {
    /// The statistic (NaN when R's would be `NA`).
    pub statistic: f64,
    /// Critical values at 1%, 5% and 10% (urca's `cval[1, ]`).
    pub critical: [f64; 3],
}

impl UnitRootTest {
    /// `forecast::ndiffs`' `urca_pval`: linear interpolation of the
    /// significance level in the critical values, clamped to 1%..10%
    /// (`approx(..., rule = 2)`); NaN for a NaN statistic.
    pub fn p_value(&self) -> f64 {
        interpolate_clamped(&self.critical, &[0.01, 0.05, 0.10], self.statistic)
    }
}

/// R's `approx(x, y, xout, rule = 2)` for increasing or decreasing `x`
/// without ties: linear inside, the end value outside.
pub fn interpolate_clamped(x: &[f64], y: &[f64], at: f64) -> f64 {
    if at.is_nan() {
        return f64::NAN;
    }
    let mut pts: Vec<(f64, f64)> = x.iter().copied().zip(y.iter().copied()).collect();
    pts.sort_by(|a, b| a.0.partial_cmp(&b.0).expect("critical values are not NaN"));
    let (first, last) = (pts[0], pts[pts.len() - 1]);
    if at <= first.0 {
        return first.1;
    }
    if at >= last.0 {
        return last.1;
    }
    for w in pts.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if at <= x1 {
            return y0 + (y1 - y0) * (at - x0) / (x1 - x0);
        }
    }
    last.1
}

/// The outcome of one test inside `ndiffs`/`nsdiffs`: R distinguishes a test
/// that failed (an error: treated as "do not difference") from one whose
/// p-value is `NA` (stop and keep the differences found so far).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Difference,
    Stop,
    /// The statistic was NaN (R's `NA` p-value).
    Undecided,
}

/// `forecast::ndiffs`' alpha handling: clamped to [0.01, 0.1].
pub fn clamp_alpha(alpha: f64) -> f64 {
    alpha.clamp(0.01, 0.1)
}

/// The decision `ndiffs` takes on a test whose small p-values reject a unit root (ADF, PP):
/// difference while the p-value exceeds alpha. An error in R's test is "do not difference"
/// (with a warning); a NaN p-value is undecided.
pub fn unit_root_decision(test: CoreResult<UnitRootTest>, alpha: f64) -> Decision {
    match test {
        Err(_) => Decision::Stop,
        Ok(test) => {
            let p = test.p_value();
            if p.is_nan() {
                Decision::Undecided
            } else if p > clamp_alpha(alpha) {
                Decision::Difference
            } else {
                Decision::Stop
            }
        }
    }
}

/// The loop of `forecast::ndiffs(x, max.d)` around one test: missing values
/// are dropped first; a constant series needs no difference; difference while
/// the test says so, up to `max_d`.
pub fn ndiffs_by(x: &[f64], max_d: usize, mut decide: impl FnMut(&[f64]) -> Decision) -> usize {
    let mut x: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
    if is_constant(&x) {
        return 0;
    }
    let mut d = 0;
    let mut decision = decide(&x);
    if decision == Decision::Undecided {
        return d;
    }
    while decision == Decision::Difference && d < max_d {
        d += 1;
        x = x.windows(2).map(|w| w[1] - w[0]).collect();
        if is_constant(&x) {
            return d;
        }
        decision = decide(&x);
        if decision == Decision::Undecided {
            return d - 1;
        }
    }
    d
}

/// The loop of `forecast::nsdiffs(x, max.D)` (series of integer period `m` >= 2)
/// around one seasonal test: a constant series, or one not longer than `m`,
/// needs no difference; after each seasonal difference, test again only while
/// the series is at least `2 m` long. NaN is R's `NA` and passed to the test.
pub fn nsdiffs_by(x: &[f64], m: usize, max_seasonal_d: usize, mut decide: impl FnMut(&[f64]) -> bool) -> usize {
    if is_constant(x) || m < 2 || m >= x.len() {
        return 0;
    }
    let mut x = x.to_vec();
    let mut seasonal_d = 0;
    let mut difference = decide(&x);
    while difference && seasonal_d < max_seasonal_d {
        seasonal_d += 1;
        x = (m..x.len()).map(|t| x[t] - x[t - m]).collect();
        if is_constant(&x) {
            return seasonal_d;
        }
        difference = x.len() >= 2 * m && seasonal_d < max_seasonal_d && decide(&x);
    }
    seasonal_d
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::Value;

    /// Below this residual-to-data norm ratio a test regression fits exactly
    /// and its statistic is rounding noise in R as in lagrs (polynomial trends).
    pub(crate) const DEGENERATE: f64 = 1e-9;

    /// A fixture case where some regression R ran at the level fits exactly:
    /// its decisions rest on rounding noise and are not compared.
    pub(crate) fn degenerate(case: &Value) -> bool {
        ["adf_level", "adf_trend", "pp_level", "pp_trend"].iter().any(|k| {
            case[*k]["relative_residual"].as_f64().is_some_and(|r| r < DEGENERATE)
        })
    }

    #[test]
    fn interpolation_is_rs_approx_rule_2() {
        let cv = [-3.51, -2.89, -2.58];
        let p = [0.01, 0.05, 0.10];
        assert_eq!(interpolate_clamped(&cv, &p, -5.0), 0.01);
        assert_eq!(interpolate_clamped(&cv, &p, 0.0), 0.10);
        assert!((interpolate_clamped(&cv, &p, -2.89) - 0.05).abs() < 1e-15);
        let mid = interpolate_clamped(&cv, &p, -3.2);
        assert!((mid - 0.03).abs() < 1e-12, "{mid}");
        assert!(interpolate_clamped(&cv, &p, f64::NAN).is_nan());
    }

    #[test]
    fn ndiffs_loop_follows_r() {
        // A test that always asks for a difference stops at max_d.
        let x: Vec<f64> = (0..30).map(|t| ((t * t) as f64).sin()).collect();
        assert_eq!(ndiffs_by(&x, 2, |_| Decision::Difference), 2);
        // Undecided at the first difference keeps none.
        let mut calls = 0;
        assert_eq!(ndiffs_by(&x, 2, |_| { calls += 1; if calls == 1 { Decision::Difference } else { Decision::Undecided } }), 0);
        // A linear series becomes constant after one difference.
        let line: Vec<f64> = (0..20).map(|t| 2.0 * t as f64).collect();
        assert_eq!(ndiffs_by(&line, 2, |_| Decision::Difference), 1);
    }

    /// The differencing decisions recorded in `auto_arima.json` for runs with
    /// `test = "adf"/"pp"` and `seasonal.test = "ocsb"/"ch"`, recomputed the
    /// way auto.arima prepares the series (leading missing values dropped,
    /// Box-Cox transformed, seasonally differenced before `ndiffs`).
    #[test]
    fn decisions_inside_auto_arima_match_r() {
        use crate::stats::boxcox::box_cox_value;
        use crate::stats::test_fixtures::{load, num, nums};
        use crate::stats::unit_root::{adf, ch, ocsb, pp};
        let doc = load("auto_arima.json");
        let (mut compared, mut ch_runs, mut ch_agree) = (0, 0, 0);
        for s in doc["series"].as_array().expect("series") {
            let name = s["name"].as_str().expect("name");
            // R's frequency(x); auto.arima treats a period below 1 (uspop: 0.1) as 1.
            let m = num(&s["m"]).round().max(1.0) as usize;
            let raw = nums(&s["x"]);
            for run in s["runs"].as_array().expect("runs") {
                let label = run["label"].as_str().expect("label");
                if !run["error"].is_null() || run["ndiffs"].is_null() {
                    continue;
                }
                let first = raw.iter().position(|v| !v.is_nan()).unwrap_or(raw.len());
                let mut x: Vec<f64> = raw[first..].to_vec();
                if !run["lambda"].is_null() {
                    let lambda = num(&run["lambda"]);
                    x.iter_mut().for_each(|v| *v = box_cox_value(*v, lambda));
                }
                let seasonal_d = run["nsdiffs"].as_u64().unwrap_or(0) as usize;
                let tested_seasonally = m > 1 && x.len() > 2 * m;
                match label {
                    "seasonal_test_ocsb" if tested_seasonally => {
                        assert_eq!(ocsb::nsdiffs_ocsb(&x, m, 1), seasonal_d, "{name} {label}");
                        compared += 1;
                    }
                    "seasonal_test_ch" if tested_seasonally => {
                        ch_runs += 1;
                        ch_agree += usize::from(ch::nsdiffs_ch(&x, m, 0.05, 1) == seasonal_d);
                    }
                    "test_adf" | "test_pp" => {
                        let mut dx = x.clone();
                        for _ in 0..seasonal_d {
                            dx = (m..dx.len()).map(|t| dx[t] - dx[t - m]).collect();
                        }
                        if degenerate_level(&dx) {
                            continue;
                        }
                        let want = run["ndiffs"].as_u64().expect("ndiffs") as usize;
                        let got = if label == "test_adf" {
                            adf::ndiffs_adf(&dx, 0.05, adf::Deterministic::Level, 2)
                        } else {
                            pp::ndiffs_pp(&dx, 0.05, adf::Deterministic::Level, 2)
                        };
                        assert_eq!(got, want, "{name} {label}");
                        compared += 1;
                    }
                    _ => {}
                }
            }
        }
        eprintln!("auto.arima decisions: {compared} equal R's; Canova-Hansen {ch_agree}/{ch_runs}");
        assert!(compared >= 20, "only {compared} decisions compared");
    }

    /// An exactly polynomial series, where the test statistics are rounding noise.
    fn degenerate_level(x: &[f64]) -> bool {
        let clean: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
        let d1: Vec<f64> = clean.windows(2).map(|w| w[1] - w[0]).collect();
        let d2: Vec<f64> = d1.windows(2).map(|w| w[1] - w[0]).collect();
        is_constant(&d1) || is_constant(&d2)
    }
}
