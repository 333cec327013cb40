//! How close `arima::fit` comes to the best optimum R and statsmodels find, on the random
//! series/order pairs of `testdata/arima_optimum/cases.json` (written by
//! `make_optimum_fixtures.py` beside it: seasonal and non-seasonal, with and without mean
//! and drift, 12 to 600 observations, near-unit-root and near-cancelling AR/MA pairs,
//! over-parameterised and unrelated orders), and how auto-ARIMA's choice compares with
//! `forecast::auto.arima`'s on the fixture's 168 auto cases (periods 1 to 12, every unit-root
//! and seasonal test).
//!
//! The goals: lagrs' log-likelihood never more than 1 below the better of R's and
//! statsmodels' (each re-scored under R's likelihood, which is lagrs'), and within 0.01 of
//! it on at least 98% of the pairs; where lagrs and R difference alike, lagrs' AICc never
//! more than 1 above R's. Measure with
//! `cargo test -p lagrs-core --profile test-opt --test arima_optimum -- --ignored --nocapture`
//! (the report lists every pair outside the goals; `ARIMA_OPTIMUM_ONLY=<name>` fits one pair).
//! The fixed-order test is ignored while its goal is not reached (it asserts the goal
//! unchanged); the auto-ARIMA test runs (its goal is met since the refit rule of
//! `auto::search::refit_exactly`).
//! statsmodels reaches optima on the MA or AR unit circle (an AR/MA pair cancelling there,
//! an MA root at -1) that R's transformed parameterisation does not approach; lagrs' second
//! starts of fixed-order fits (`arima::second_start`) reach most of them.

mod common;

use common::{fixture, num, nums, spec_from_choice, spec_of_case};
use lagrs_core::arima::fit;
use lagrs_core::auto::{auto_arima, AutoArimaOptions, SeasonalTestKind, UnitRootTestKind};
use rayon::prelude::*;
use serde_json::Value;

/// Never more than this below the best reference log-likelihood.
const MAX_GAP: f64 = 1.0;
/// "At the optimum": within this of the best reference log-likelihood...
const CLOSE: f64 = 0.01;
/// ...on at least this share of the pairs.
const CLOSE_SHARE: f64 = 0.98;
/// Where the differencing agrees, lagrs' criterion at most this above R's.
const MAX_IC_EXCESS: f64 = 1.0;

/// The model as R prints it, e.g. "ARIMA(2,0,2)(1,0,1)[7] mean".
fn label(s: &lagrs_core::arima::ArimaSpec) -> String {
    let mut t = format!("ARIMA({},{},{})", s.p, s.d, s.q);
    if s.seasonal_p + s.seasonal_d + s.seasonal_q > 0 {
        t += &format!("({},{},{})[{}]", s.seasonal_p, s.seasonal_d, s.seasonal_q, s.period);
    }
    if s.include_mean {
        t += " mean";
    }
    if s.include_drift {
        t += " drift";
    }
    t
}

/// The better of R's and statsmodels' log-likelihood (NaN when both failed), each at its
/// estimates re-scored with the exact diffuse start. R's own value (`loglik`, kept where
/// statsmodels cannot re-score, for orders whose seasonal and non-seasonal lags overlap)
/// approximates the differencing's diffuse start with a prior variance of 1e6 and the
/// stationary part with Gardner's initial covariance; near a unit root or at large levels
/// it misstates the likelihood at its own estimates by up to hundreds of units.
fn best_reference(case: &Value) -> f64 {
    let r = match case["r"]["loglik_exact"].as_f64() {
        Some(exact) => exact,
        None => num(&case["r"]["loglik"]),
    };
    let sm = num(&case["statsmodels"]["loglik"]);
    if r.is_nan() {
        sm
    } else if sm.is_nan() {
        r
    } else {
        r.max(sm)
    }
}

/// One fixed-order pair: its name, the best reference and lagrs' log-likelihood (NaN when the
/// fit failed, with the error).
struct Pair {
    name: String,
    best: f64,
    ours: f64,
    detail: String,
}

impl Pair {
    /// How far lagrs is below the best reference (infinite when lagrs failed).
    fn gap(&self) -> f64 {
        if self.ours.is_nan() {
            f64::INFINITY
        } else {
            self.best - self.ours
        }
    }
}

fn fixed_pairs() -> Vec<Pair> {
    let doc = fixture("arima_optimum/cases.json");
    let cases = doc["cases"].as_array().expect("cases").clone();
    assert!(cases.len() >= 500, "the fixture has {} pairs", cases.len());
    cases
        .par_iter()
        .filter(|c| !best_reference(c).is_nan())
        .filter(|c| std::env::var("ARIMA_OPTIMUM_ONLY").map_or(true, |only| c["name"].as_str() == Some(only.as_str())))
        .map(|c| {
            let spec = spec_of_case(c);
            let y = nums(&c["y"]);
            let name = c["name"].as_str().expect("name").to_string();
            let best = best_reference(c);
            match fit(&spec, &y) {
                Ok(f) => Pair { name, best, ours: f.log_likelihood(), detail: format!("{} coef {:?} R {}", label(&spec), f.coefficients(), c["r"]["coef"]) },
                Err(e) => Pair { name, best, ours: f64::NAN, detail: format!("{}: {e}", label(&spec)) },
            }
        })
        .collect()
}

#[test]
#[ignore = "goal not met yet (see docs/RELIABILITY.md): 2 of 537 pairs more than 1 below the best of R and statsmodels (99.3% within 0.01)"]
fn fixed_order_fits_reach_the_best_of_r_and_statsmodels() {
    let pairs = fixed_pairs();
    let total = pairs.len();
    let far: Vec<&Pair> = pairs.iter().filter(|p| p.gap() > MAX_GAP).collect();
    let close = pairs.iter().filter(|p| p.gap() <= CLOSE).count();
    let share = close as f64 / total as f64;
    eprintln!(
        "{total} pairs: {} more than {MAX_GAP} below the best of R and statsmodels, {close} ({:.1}%) within {CLOSE}; \
         {} above it by more than {CLOSE}",
        far.len(),
        100.0 * share,
        pairs.iter().filter(|p| p.gap() < -CLOSE).count()
    );
    for p in pairs.iter().filter(|p| p.gap() > CLOSE) {
        eprintln!("  {}: ours {:.4} best {:.4} gap {:.4}  {}", p.name, p.ours, p.best, p.gap(), p.detail);
    }
    assert!(far.is_empty(), "{} pairs more than {MAX_GAP} below the best reference (listed above)", far.len());
    assert!(share >= CLOSE_SHARE, "only {:.1}% of the pairs within {CLOSE} of the best reference", 100.0 * share);
}

fn auto_options(case: &Value) -> AutoArimaOptions {
    let m = num(&case["m"]) as usize;
    let mut o = AutoArimaOptions { period: m, ..AutoArimaOptions::default() };
    o.unit_root_test = match case["test"].as_str().expect("test") {
        "kpss" => UnitRootTestKind::Kpss,
        "adf" => UnitRootTestKind::Adf,
        "pp" => UnitRootTestKind::Pp,
        other => panic!("test {other}"),
    };
    o.seasonal_test = match case["seasonal_test"].as_str().expect("seasonal_test") {
        "seas" => SeasonalTestKind::SeasonalStrength,
        "ocsb" => SeasonalTestKind::Ocsb,
        "ch" => SeasonalTestKind::CanovaHansen,
        other => panic!("seasonal test {other}"),
    };
    o
}

#[test]
fn auto_arima_criterion_within_one_of_r_where_differencing_agrees() {
    let doc = fixture("arima_optimum/cases.json");
    let cases = doc["auto"].as_array().expect("auto").clone();
    assert!(cases.len() >= 150, "the fixture has {} auto cases", cases.len());
    // (name, compared, lagrs' AICc minus R's, description)
    let rows: Vec<(String, bool, f64, String)> = cases
        .par_iter()
        .filter(|c| c["r"]["aicc"].is_number())
        .map(|c| {
            let name = c["name"].as_str().expect("name").to_string();
            let r = &c["r"];
            let ro: Vec<usize> = nums(&r["order"]).iter().map(|v| *v as usize).collect();
            let r_aicc = num(&r["aicc"]);
            match auto_arima(&nums(&c["y"]), &auto_options(c)) {
                Ok(f) => {
                    let s = f.fit.spec();
                    let same_diff = s.d == ro[1] && s.seasonal_d == ro[4];
                    let r_mean = r["include_mean"].as_bool().unwrap_or(false);
                    let r_drift = r["include_drift"].as_bool().unwrap_or(false);
                    let r_spec = spec_from_choice([ro[0], ro[1], ro[2], ro[3], ro[4], ro[5]], num(&c["m"]) as usize, r_mean, r_drift);
                    let mut detail = format!("ours {} aicc {:.3}, R {} aicc {:.3}", label(s), f.fit.aicc(), label(&r_spec), r_aicc);
                    if f.fit.aicc() - r_aicc > CLOSE {
                        // lagrs' own fit of R's choice tells a search that parted from a fit that fell short.
                        let refit = fit(&r_spec, &nums(&c["y"])).map_or(f64::NAN, |g| g.aicc());
                        detail += &format!(" (lagrs' fit of it {refit:.3})");
                    }
                    (name, same_diff, f.fit.aicc() - r_aicc, detail)
                }
                Err(e) => (name, true, f64::INFINITY, format!("lagrs failed: {e}")),
            }
        })
        .collect();
    let compared: Vec<_> = rows.iter().filter(|r| r.1).collect();
    let worse: Vec<_> = compared.iter().filter(|r| !(r.2 <= MAX_IC_EXCESS)).collect();
    eprintln!(
        "{} auto cases, {} with R's d and D: {} more than {MAX_IC_EXCESS} above R's AICc, {} better by more than 0.01",
        rows.len(),
        compared.len(),
        worse.len(),
        compared.iter().filter(|r| r.2 < -0.01).count()
    );
    for r in rows.iter().filter(|r| !r.1 || r.2 > 0.01) {
        eprintln!("  {}{}: {:+.3}  {}", r.0, if r.1 { "" } else { " (differencing differs)" }, r.2, r.3);
    }
    assert!(worse.is_empty(), "{} auto cases with lagrs' AICc more than {MAX_IC_EXCESS} above R's (listed above)", worse.len());
}
