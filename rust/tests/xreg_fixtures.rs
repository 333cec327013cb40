//! Regression with ARIMA errors against R's `forecast::Arima(xreg = )` and
//! `forecast::auto.arima(xreg = )` (forecast 8.20) on `testdata/xreg/xreg.json`, written by
//! `make_xreg_fixtures.R`: Seatbelts with the petrol price and the seat-belt law, simulated
//! regressions with known coefficients (dummies, a random-walk price, d = 1 errors), a
//! holiday dummy under seasonal differencing, a trend column, missing values in y, collinear
//! and constant columns, and Fourier terms of weekly and daily series.
//!
//! * Fixed orders (`Arima`): where R fails (a regressor not identifiable) lagrs must fail too;
//!   otherwise the log-likelihood is at least R's less 1e-4 and, unless it is higher by more
//!   than that (a better optimum), coefficients within 1e-3 * max(1, |R's|), standard errors
//!   within 2% relative, sigma2 within 1e-3 relative, and forecasts with their 95% bounds
//!   within 2e-3 of the largest |value| of each array (`auto_arima_search.rs`' rule),
//!   as the fixed-order ARIMA fixture tests do.
//! * Automatic orders (`auto.arima`): the chosen model (orders, period, differencing, the
//!   names of its coefficients, so mean and drift) equals R's on at least 95% of the runs
//!   where R chose one (always on those `MUST_MATCH` lists), and where R stops lagrs stops
//!   too; where the model is equal the forecasts agree as above unless lagrs reached a
//!   higher likelihood.
//! * `FLAT_LIKELIHOOD` lists the fixed-order fits excused from the coefficient tolerance,
//!   each with its reason: there lagrs' likelihood is higher than R's by less than 1e-4 and
//!   each coefficient must still lie within the tolerance above or within 1% of its
//!   standard error of R's.

mod common;

use lagrs_core::arima::{fit_xreg, ArimaFit, ArimaSpec, FitOptions, Regressors};
use lagrs_core::auto::{auto_arima_xreg, AutoArimaOptions};
use serde_json::Value;

/// Fits where R's optimizer stopped early along a flat direction of the likelihood.
const FLAT_LIKELIHOOD: &[&str] = &[
    // loglik higher by 6.1e-5; PetrolPrice -5535.9 against R's -5527.7 (standard error 1920).
    "seatbelts_drivers_arima",
    // loglik higher by 5.0e-5; law -2.903 against R's -2.952 (standard error 20.8).
    "seatbelts_rear_arima",
];

/// Automatic-order runs that must choose R's model whatever the 95% allowance, each with why.
const MUST_MATCH: &[&str] = &[
    // Near-singular CSS Hessians along the search (drift and kms nearly collinear): R's
    // ARIMA(0,0,1)(0,1,1) with drift keeps defined variances only with R's outer
    // finite-difference step in y's units, the one lagrs retries with.
    "seatbelts_rear_kms_auto",
];

fn num(v: &Value) -> f64 {
    match v {
        Value::String(s) if s == "NA" => f64::NAN,
        other => common::num(other),
    }
}
/// A number array; a single number (R's jsonlite unboxes length-one vectors) is one value.
fn nums(v: &Value) -> Vec<f64> {
    match v {
        Value::Number(_) => vec![num(v)],
        _ => v.as_array().map(|a| a.iter().map(num).collect()).unwrap_or_default(),
    }
}
fn columns(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().map(|a| a.iter().map(nums).collect()).unwrap_or_default()
}
fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().map(|s| s.as_str().expect("string").to_string()).collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn regressors(case: &Value) -> Regressors {
    Regressors::new(strings(&case["xreg_names"]), columns(&case["xreg"])).expect("fixture regressors are valid")
}

fn spec_of(case: &Value) -> ArimaSpec {
    let args = &case["args"];
    let order = nums(&args["order"]);
    let seasonal = if args["seasonal"].is_array() { nums(&args["seasonal"]) } else { vec![0.0; 3] };
    let (d, sd) = (order[1] as usize, seasonal[1] as usize);
    ArimaSpec {
        p: order[0] as usize,
        d,
        q: order[2] as usize,
        seasonal_p: seasonal[0] as usize,
        seasonal_d: sd,
        seasonal_q: seasonal[2] as usize,
        period: case["m"].as_f64().expect("m") as usize,
        include_mean: args["include.mean"].as_bool().unwrap_or(true) && d + sd == 0,
        include_drift: args["include.drift"].as_bool().unwrap_or(false),
    }
}

fn within(what: &str, got: &[f64], want: &[f64], tol: impl Fn(f64) -> f64, out: &mut Vec<String>) {
    if got.len() != want.len() {
        out.push(format!("{what}: {} values, R has {}", got.len(), want.len()));
        return;
    }
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if g.is_nan() && w.is_nan() {
            continue;
        }
        if !((g - w).abs() <= tol(*w)) {
            out.push(format!("{what}[{i}]: {g} vs R {w} (tol {})", tol(*w)));
        }
    }
}

fn largest(v: &[f64]) -> f64 {
    v.iter().fold(0.0f64, |m, x| m.max(x.abs()))
}

/// `forecast::Arima` replaces `stats::arima`'s sigma2 (lagrs' fixed-order `sigma2`, the
/// mean square of the standardized innovations over n.used) by the sum of squared residuals
/// over `nstar - npar + 1` (as auto-ARIMA's candidates do in both); computed here from
/// lagrs' own residuals.
fn arima_sigma2(f: &ArimaFit) -> f64 {
    let r = f.residuals();
    let first = r.iter().position(|v| !v.is_nan()).unwrap_or(0);
    let last = r.iter().rposition(|v| !v.is_nan()).unwrap_or(0);
    let n = r[first..=last].iter().filter(|v| !v.is_nan()).count();
    let s = f.spec();
    let nstar = (n - s.d - s.seasonal_d * s.period) as f64;
    let npar = (f.coefficients().len() + 1) as f64;
    r.iter().filter(|v| !v.is_nan()).map(|v| v * v).sum::<f64>() / (nstar - npar + 1.0)
}

/// Compares a fit with R's record; `fixed` adds coefficients, errors and sigma2.
/// Returns the problems and whether lagrs found a better optimum (comparisons skipped).
fn compare(name: &str, f: &ArimaFit, r: &Value, future: &[Vec<f64>], fixed: bool) -> (Vec<String>, bool) {
    let mut out = Vec::new();
    let ll = num(&r["loglik"]);
    if f.log_likelihood() < ll - 1e-4 {
        out.push(format!("loglik {} below R's {ll}", f.log_likelihood()));
    }
    if f.log_likelihood() > ll + 1e-4 {
        return (out, true);
    }
    if f.coefficient_names() != strings(&r["coef_names"]) {
        out.push(format!("names {:?} vs R {:?}", f.coefficient_names(), strings(&r["coef_names"])));
        return (out, false);
    }
    if fixed {
        if FLAT_LIKELIHOOD.contains(&name) {
            if f.log_likelihood() < ll {
                out.push(format!("listed as flat but the likelihood {} is below R's {ll}", f.log_likelihood()));
            }
            let se = nums(&r["se"]);
            for (i, (g, w)) in f.coefficients().iter().zip(nums(&r["coef"])).enumerate() {
                if (g - w).abs() > (0.01 * se[i]).max(1e-3 * w.abs().max(1.0)) {
                    out.push(format!("coef[{i}]: {g} vs R {w}, beyond 1% of its standard error {}", se[i]));
                }
            }
        } else {
            within("coef", &f.coefficients(), &nums(&r["coef"]), |w| 1e-3 * w.abs().max(1.0), &mut out);
        }
        within("se", f.standard_errors(), &nums(&r["se"]), |w| 0.02 * w.abs(), &mut out);
        within("sigma2", &[arima_sigma2(f)], &[num(&r["sigma2"])], |w| 1e-3 * w.abs(), &mut out);
        let scale = largest(&nums(&r["regression_residuals"]));
        within("regression residuals", &f.regression_residuals(), &nums(&r["regression_residuals"]), |_| 2e-3 * scale, &mut out);
        within("aic", &[f.aic()], &[num(&r["aic"])], |_| 2e-4 + 1e-9, &mut out);
        within("bic", &[f.bic()], &[num(&r["bic"])], |_| 2e-4 + 1e-9, &mut out);
    }
    let h = future.first().map_or(0, Vec::len);
    match f.forecast_xreg(h, &[0.95], future) {
        Err(e) => out.push(format!("forecast: {e}")),
        Ok(mut fc) => {
            if fixed {
                // forecast::Arima's intervals use its sigma2 (see `arima_sigma2`).
                let ratio = (arima_sigma2(f) / f.sigma2()).sqrt();
                for i in 0..h {
                    fc.lower[0][i] = fc.mean[i] - (fc.mean[i] - fc.lower[0][i]) * ratio;
                    fc.upper[0][i] = fc.mean[i] + (fc.upper[0][i] - fc.mean[i]) * ratio;
                }
            }
            for (what, got, want) in [
                ("mean", fc.mean.clone(), nums(&r["fc_mean"])),
                ("lower", fc.lower[0].clone(), nums(&r["fc_lower"])),
                ("upper", fc.upper[0].clone(), nums(&r["fc_upper"])),
            ] {
                let scale = largest(&want);
                within(what, &got, &want, |_| 2e-3 * scale, &mut out);
            }
        }
    }
    (out, false)
}

#[test]
fn xreg_fixtures_against_r() {
    let cases = common::fixture_cases("xreg/xreg.json");
    let (mut failures, mut better) = (Vec::new(), Vec::new());
    let (mut auto_runs, mut auto_equal) = (0usize, 0usize);
    for case in &cases {
        let name = case["name"].as_str().expect("name");
        let y = nums(&case["y"]);
        let xreg = regressors(case);
        let future = columns(&case["future"]);
        let kind = case["kind"].as_str().expect("kind");
        let fitted = if kind == "arima" {
            fit_xreg(&spec_of(case), &y, &xreg, &FitOptions::default())
        } else {
            let m = case["m"].as_f64().expect("m") as usize;
            let seasonal = case["args"]["seasonal"].as_bool().unwrap_or(true);
            let o = AutoArimaOptions { period: m, seasonal, ..AutoArimaOptions::default() };
            auto_arima_xreg(&y, &xreg, &o, None).map(|a| a.fit)
        };
        let r = &case["result"];
        match (fitted, r.is_null()) {
            (Err(_), true) => {}
            (Ok(f), true) => failures.push(format!("{name}: R fails ({}), lagrs fits {}", case["error"], f.label())),
            (Err(e), false) => failures.push(format!("{name}: lagrs fails: {e}")),
            (Ok(f), false) => {
                let arma: Vec<usize> = nums(&r["arma"]).iter().map(|v| *v as usize).collect();
                let s = f.spec();
                let ours = vec![s.p, s.q, s.seasonal_p, s.seasonal_q, s.period.max(1), s.d, s.seasonal_d];
                let same_model = (ours[..4] == arma[..4] && ours[5..] == arma[5..])
                    && (s.seasonal_p + s.seasonal_d + s.seasonal_q == 0 || ours[4] == arma[4])
                    && f.coefficient_names() == strings(&r["coef_names"]);
                if kind == "auto" {
                    auto_runs += 1;
                    if !same_model {
                        let why = if MUST_MATCH.contains(&name) { "order differs where it must not" } else { "(order differs)" };
                        failures.push(format!("{name}: {why} lagrs {} {:?}, R {:?} {:?}", f.label(), f.coefficient_names(), arma, strings(&r["coef_names"])));
                        continue;
                    }
                    auto_equal += 1;
                }
                let (problems, higher) = compare(name, &f, r, &future, kind == "arima");
                if higher {
                    better.push(name.to_string());
                }
                failures.extend(problems.into_iter().map(|p| format!("{name}: {p}")));
            }
        }
    }
    let rate = auto_equal as f64 / auto_runs.max(1) as f64;
    eprintln!(
        "xreg fixtures: {} cases; auto.arima model equal to R's on {auto_equal}/{auto_runs} ({:.1}%); higher likelihood than R: {better:?}",
        cases.len(),
        100.0 * rate
    );
    let order_misses = failures.iter().filter(|f| f.contains("(order differs)")).count();
    assert!(rate >= 0.95, "auto.arima(xreg) agreement {:.1}% < 95%:\n{}", 100.0 * rate, failures.join("\n"));
    let other: Vec<&String> = failures.iter().filter(|f| !f.contains("(order differs)")).collect();
    assert!(other.is_empty(), "{} problems ({order_misses} order differences within the 95% allowance):\n{}", other.len(), failures.join("\n"));
}

/// `stats::fourier` against R's `fourier(x, K)` and `fourier(x, K, h)` on the weekly (52.18)
/// and daily (7 and 365.25) fixtures: the same columns, names and values within 1e-12.
#[test]
fn fourier_terms_equal_rs() {
    use lagrs_core::stats::fourier::{fourier, fourier_future, FourierTerm};
    let mut checked = 0;
    for case in common::fixture_cases("xreg/xreg.json") {
        let spec = &case["fourier"];
        if spec.is_null() {
            continue;
        }
        let periods = nums(&spec["periods"]);
        let ks = nums(&spec["K"]);
        let terms: Vec<FourierTerm> = periods.iter().zip(&ks).map(|(&period, &k)| FourierTerm { period, k: k as usize }).collect();
        let n = nums(&case["y"]).len();
        let h = spec["h"].as_u64().expect("h") as usize;
        let (names, cols) = fourier(&terms, n).expect("fit terms");
        let (future_names, future) = fourier_future(&terms, n, h).expect("future terms");
        assert_eq!(names, strings(&case["xreg_names"]));
        assert_eq!(future_names, names);
        for (ours, theirs) in [(cols, columns(&case["xreg"])), (future, columns(&case["future"]))] {
            assert_eq!(ours.len(), theirs.len());
            for (a, b) in ours.iter().zip(&theirs) {
                assert_eq!(a.len(), b.len());
                for (x, y) in a.iter().zip(b) {
                    assert!((x - y).abs() <= 1e-12, "{x} vs R {y}");
                }
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 2);
}
