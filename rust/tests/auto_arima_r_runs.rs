//! `lagrs_core::auto::auto_arima` against R's `forecast::auto.arima` (forecast 8.20) on every
//! run of `testdata/auto_arima/auto_arima.json` (written by `make_auto_arima_fixtures.R`) and
//! `test_variants.json` (more runs of the differencing tests and their levels,
//! `make_test_variant_fixtures.R`) and `missing_values.json` (default runs on seasonal series
//! with gaps, `make_missing_values_fixtures.R`): R's
//! data sets, simulated and special series, and M1/Tourism series, each under R's defaults and
//! two variants of the arguments (stepwise off, approximation flipped, other criteria, Box-Cox,
//! the ADF/PP unit-root tests, the OCSB/Canova-Hansen seasonal tests, no constant, fixed d).
//!
//! * (a) The chosen model (orders, mean, drift, lambda) equals R's on at least 97% of the
//!   default-argument runs (the goal of the issue; one per series). Over all runs the measured
//!   rate is lower (the report prints it per variant): the Canova-Hansen runs differ where the
//!   p-value does, and the other variants are only guarded at 96% (measured 96.1%).
//! * (b) Where the model differs but both searches differenced alike, lagrs' choice is at least
//!   as good by the criterion both minimise (its value no worse than that of R's choice fitted
//!   by lagrs), or the searches parted at a candidate that one side rejected and the other
//!   accepted, or whose fits ended at different local optima (`where_searches_parted`: the
//!   fixed-order fits ended at different points, one of them non-stationary, non-invertible
//!   or without standard errors, or one of them at a lower likelihood). Where the differencing
//!   differs the criteria are of different data and not comparable; each such run must be a
//!   Canova-Hansen run (its p-value is not R's, see `rust/src/stats/unit_root/ch.rs`). Anything else fails.
//! * (c) Where the model is equal, the forecasts and 80%/95% bounds agree with R's within the
//!   tolerance of `auto_arima_search.rs` (2e-3 of the largest |value| of each array), unless
//!   lagrs reached a higher likelihood than R (a different optimum), as the fixed-order fixture
//!   tests do; `FLAT_LIKELIHOOD` lists the runs excused, each with its reason.

mod common;

use common::{num, nums};
use lagrs_core::arima::fit;
use lagrs_core::auto::{
    auto_arima, AutoArimaFit, AutoArimaOptions, BoxCoxLambda, InformationCriterion, SeasonalTestKind,
    UnitRootTestKind,
};
use rayon::prelude::*;
use serde_json::Value;

/// Forecast agreement where the models are equal, relative to the largest |forecast| (as in
/// `auto_arima_search.rs`).
const FORECAST_TOL: f64 = 2e-3;
/// A likelihood higher than R's by more than this is a different optimum (`arima_fixtures.rs`).
const LOGLIK_TOL: f64 = 1e-4;
/// Criteria of one candidate further apart than this come from different optima, not from
/// the optimizers' tolerances (which move a criterion by well under 1e-3).
const OTHER_OPTIMUM: f64 = 0.01;
/// Float noise allowed when comparing criteria (relative).
const IC_TOL: f64 = 1e-6;
/// Equal models whose likelihood is flat near the optimum: both ends agree on it within
/// `LOGLIK_TOL`, yet the coefficients differ enough to move a far bound beyond `FORECAST_TOL`.
/// Their forecasts are not compared (the likelihoods still are).
const FLAT_LIKELIHOOD: &[&str] = &[
    // loglik equal to 7.5e-5; sar1/sma1 0.8591/-0.6143 against R's 0.8582/-0.6125 move the
    // 95% lower bound 17 months ahead by 0.77 (2.1e-3 of the scale).
    "Tourism_M109/approximation_flipped",
];

/// The `series` of a fixture file in `testdata/auto_arima/`.
fn load(file: &str) -> Vec<Value> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/auto_arima").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).expect("fixture is valid JSON");
    doc["series"].as_array().expect("series").clone()
}

/// `auto.arima`'s arguments of one run as options.
fn options(args: &Value, m: usize) -> AutoArimaOptions {
    let mut o = AutoArimaOptions { period: m, ..AutoArimaOptions::default() };
    let args = match args.as_object() {
        Some(a) => a,
        None => return o, // R's defaults: an empty list
    };
    for (key, v) in args {
        match key.as_str() {
            "stepwise" => o.stepwise = v.as_bool().expect("stepwise"),
            "approximation" => o.approximation = Some(v.as_bool().expect("approximation")),
            "ic" => {
                o.ic = match v.as_str().expect("ic") {
                    "aic" => InformationCriterion::Aic,
                    "bic" => InformationCriterion::Bic,
                    _ => InformationCriterion::Aicc,
                }
            }
            "lambda" => {
                o.lambda = Some(if v.as_str() == Some("auto") { BoxCoxLambda::Auto } else { BoxCoxLambda::Fixed(num(v)) })
            }
            "biasadj" => o.biasadj = v.as_bool().expect("biasadj"),
            "test" => {
                o.unit_root_test = match v.as_str().expect("test") {
                    "adf" => UnitRootTestKind::Adf,
                    "pp" => UnitRootTestKind::Pp,
                    other => panic!("unexpected test {other}"),
                }
            }
            "seasonal.test" => {
                o.seasonal_test = match v.as_str().expect("seasonal.test") {
                    "ocsb" => SeasonalTestKind::Ocsb,
                    "ch" => SeasonalTestKind::CanovaHansen,
                    other => panic!("unexpected seasonal.test {other}"),
                }
            }
            "allowdrift" => o.allow_drift = v.as_bool().expect("allowdrift"),
            "allowmean" => o.allow_mean = v.as_bool().expect("allowmean"),
            "d" => o.d = Some(v.as_u64().expect("d") as usize),
            "test.args" => o.alpha = num(&v["alpha"]),
            "seasonal.test.args" => o.seasonal_alpha = num(&v["alpha"]),
            other => panic!("argument {other} not mapped"),
        }
    }
    o
}

/// A model as both sides describe it: (p, d, q, P, D, Q), mean, drift.
type Choice = ([usize; 6], bool, bool);

fn r_choice(run: &Value) -> Choice {
    let o: Vec<usize> = nums(&run["order"]).iter().map(|v| *v as usize).collect();
    ([o[0], o[1], o[2], o[3], o[4], o[5]], run["include_mean"].as_bool().expect("mean"), run["include_drift"].as_bool().expect("drift"))
}

fn our_choice(f: &AutoArimaFit) -> Choice {
    let s = f.fit.spec();
    ([s.p, s.d, s.q, s.seasonal_p, s.seasonal_d, s.seasonal_q], s.include_mean, s.include_drift)
}

fn same_lambda(ours: Option<f64>, r: &Value) -> bool {
    match (ours, r.as_f64()) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * b.abs().max(1.0),
        _ => false,
    }
}

/// The criterion `name` ("aicc", "aic", "bic") of a fit.
fn criterion(f: &lagrs_core::arima::ArimaFit, name: &str) -> f64 {
    match name {
        "aic" => f.aic(),
        "bic" => f.bic(),
        _ => f.aicc(),
    }
}

/// What one run showed.
enum Outcome {
    Same { forecast_checked: bool },
    /// Different model, same differencing; lagrs' criterion and R's choice's by lagrs.
    BetterOrEqual(String),
    /// Different model, lagrs' criterion worse, after a candidate rejected by one side only.
    Rejection(String),
    /// Different differencing decisions (not comparable by a criterion).
    DifferentDifferencing(String),
    Failure(String),
}

fn check(series: &Value, run: &Value) -> Outcome {
    let name = series["name"].as_str().expect("name");
    let label = format!("{name}/{}", run["label"].as_str().expect("label"));
    // R's frequency(x); auto.arima treats a period below 1 (uspop: 0.1) as 1.
    let m = num(&series["m"]).round().max(1.0) as usize;
    let x = nums(&series["x"]);
    let o = options(&run["args"], m);
    let got = auto_arima(&x, &o);
    if let Some(err) = run.get("error") {
        return match got {
            Err(_) => Outcome::Same { forecast_checked: false },
            Ok(_) => Outcome::Failure(format!("{label}: R failed ({err}) but lagrs chose a model")),
        };
    }
    let got = match got {
        Ok(g) => g,
        Err(e) => return Outcome::Failure(format!("{label}: lagrs failed: {e}")),
    };
    let (ours, theirs) = (our_choice(&got), r_choice(run));
    let lambda_ok = same_lambda(got.fit.lambda(), &run["lambda"]);
    if ours == theirs && lambda_ok {
        return compare_forecasts(&label, series, &got, run);
    }
    if !lambda_ok {
        return Outcome::Failure(format!("{label}: lambda lagrs {:?}, R {}", got.fit.lambda(), run["lambda"]));
    }
    let describe = format!("R {theirs:?}, lagrs {ours:?}");
    if (ours.0[1], ours.0[4]) != (theirs.0[1], theirs.0[4]) {
        return Outcome::DifferentDifferencing(format!(
            "{label}: {describe} (R's ndiffs {}, nsdiffs {})",
            run["ndiffs"], run["nsdiffs"]
        ));
    }
    // R's choice fitted by lagrs, on the series R searched (transformed, leading NAs dropped).
    let first = x.iter().position(|v| !v.is_nan()).expect("R fitted a model");
    let mut y = x[first..].to_vec();
    if let Some(l) = got.fit.lambda() {
        let mut out = vec![0.0; y.len()];
        lagrs_core::stats::boxcox::box_cox(&y, l, &mut out).expect("lambda was usable in the search");
        y = out;
    }
    let (orders, mean, drift) = theirs;
    let spec = common::spec_from_choice(orders, m, mean, drift);
    let ic_name = run["ic_name"].as_str().unwrap_or("aicc");
    let theirs_by_us = fit(&spec, &y).map(|f| criterion(&f, ic_name)).unwrap_or(f64::INFINITY);
    let line = format!("{label}: {describe}; {ic_name} lagrs {:.6}, R's choice by lagrs {theirs_by_us:.6} (R {:.6})", got.ic, num(&run["ic"]));
    if got.ic <= theirs_by_us + IC_TOL * theirs_by_us.abs().max(1.0) {
        Outcome::BetterOrEqual(line)
    } else if let Some(why) = where_searches_parted(&got, run) {
        Outcome::Rejection(format!("{line}; {why}"))
    } else {
        Outcome::Failure(format!("lagrs' choice is worse than R's: {line}"))
    }
}

/// A candidate both searches fitted (same orders, constant and approximation) that one side
/// rejected (criterion Inf: a failed fit, a root within 1.01 of the unit circle, undefined
/// standard errors) and the other accepted, or whose fits ended at different optima (the
/// criteria differ by more than `OTHER_OPTIMUM`: the two optimizers, started from the same
/// CSS estimates, climbed to different local maxima of the likelihood). After such a
/// candidate the searches walk different paths, and neither need visit the other's choice.
fn where_searches_parted(got: &AutoArimaFit, run: &Value) -> Option<String> {
    let r: Vec<(Vec<usize>, bool, bool, f64)> = run["candidates"]
        .as_array()?
        .iter()
        .map(|c| {
            let o = nums(&c["order"]).iter().map(|v| *v as usize).collect();
            (o, c["constant"].as_bool().unwrap_or(false), c["approximation"].as_bool().unwrap_or(false), num(&c["ic"]))
        })
        .collect();
    for t in &got.trace {
        let s = &t.spec;
        let key = vec![s.p, s.d, s.q, s.seasonal_p, s.seasonal_d, s.seasonal_q];
        let Some(theirs) = r.iter().find(|c| c.0 == key && c.1 == t.constant && c.2 == t.approximate) else { continue };
        let rejected = t.ic.is_finite() != theirs.3.is_finite();
        let other_optimum = t.ic.is_finite() && theirs.3.is_finite() && (t.ic - theirs.3).abs() > OTHER_OPTIMUM;
        if rejected || other_optimum {
            return Some(format!(
                "candidate {key:?} constant {} {}: lagrs {}, R {}",
                t.constant,
                if t.approximate { "(approximate)" } else { "(exact)" },
                t.ic,
                theirs.3
            ));
        }
    }
    None
}

/// How far R's recorded forecasts are moved by its drift bookkeeping: auto.arima drops the
/// leading missing values and fits drift as 1, 2, .. from the first observed value, but
/// `forecast.Arima` continues the drift index from the length of the series as given (with
/// those values), so R's forecasts sit `leading NAs x drift` higher than the fitted model's.
/// lagrs forecasts the fitted model (as R's `Arima` on the same series does); the comparison
/// takes the shift out. Zero without drift, leading NAs or with a Box-Cox transform (none
/// in the fixtures: the shift would be on the transformed scale).
fn r_drift_shift(series: &Value, run: &Value) -> f64 {
    let leading = nums(&series["x"]).iter().take_while(|v| v.is_nan()).count();
    let names = run["coef_names"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let Some(i) = names.iter().position(|n| n.as_str() == Some("drift")) else { return 0.0 };
    if leading == 0 {
        return 0.0;
    }
    assert!(run["lambda"].is_null(), "a drift shift on the Box-Cox scale is not handled");
    leading as f64 * nums(&run["coef"])[i]
}

fn compare_forecasts(label: &str, series: &Value, got: &AutoArimaFit, run: &Value) -> Outcome {
    let fc = &run["forecast"];
    if fc.is_null() || fc["mean"].is_null() {
        return Outcome::Same { forecast_checked: false };
    }
    // A higher likelihood than R's is a different optimum; its forecasts may differ.
    let (ours_ll, r_ll) = (got.fit.log_likelihood(), num(&run["loglik"]));
    if ours_ll > r_ll + LOGLIK_TOL {
        return Outcome::Same { forecast_checked: false };
    }
    if FLAT_LIKELIHOOD.contains(&label) {
        return if (ours_ll - r_ll).abs() <= LOGLIK_TOL {
            Outcome::Same { forecast_checked: false }
        } else {
            Outcome::Failure(format!("{label}: listed as flat, but loglik lagrs {ours_ll}, R {r_ll}"))
        };
    }
    let h = fc["h"].as_u64().expect("h") as usize;
    let shift = r_drift_shift(series, run);
    let shifted = |key: &str| -> Vec<f64> { nums(&fc[key]).iter().map(|v| v - shift).collect() };
    let want_mean = shifted("mean");
    for (level, lo_key, up_key) in [(0.8, "lower80", "upper80"), (0.95, "lower95", "upper95")] {
        let ours = match got.fit.forecast(h, level) {
            Ok(f) => f,
            Err(e) => return Outcome::Failure(format!("{label}: forecast failed: {e}")),
        };
        for (what, mine, theirs) in
            [("mean", &ours.mean, want_mean.clone()), (lo_key, &ours.lower, shifted(lo_key)), (up_key, &ours.upper, shifted(up_key))]
        {
            let scale = theirs.iter().map(|v| v.abs()).filter(|v| v.is_finite()).fold(0.0, f64::max).max(1e-12);
            for (i, (a, b)) in mine.iter().zip(&theirs).enumerate() {
                let agree = (a - b).abs() <= FORECAST_TOL * scale || (a.is_nan() && b.is_nan());
                if !agree {
                    return Outcome::Failure(format!(
                        "{label}: {what}[{i}]: lagrs {a}, R {b} (scale {scale}); loglik lagrs {}, R {}",
                        got.fit.log_likelihood(),
                        num(&run["loglik"])
                    ));
                }
            }
        }
    }
    Outcome::Same { forecast_checked: true }
}

/// Runs every fixture run (a few seconds in a release build on two cores);
/// `LAGRS_AUTO_ARIMA_ONLY=series/label` checks one run.
#[test]
fn auto_arima_runs_match_r() {
    let mut series = load("auto_arima.json");
    series.extend(load("test_variants.json"));
    series.extend(load("missing_values.json"));
    let only = std::env::var("LAGRS_AUTO_ARIMA_ONLY").ok();
    let jobs: Vec<(&Value, &Value)> = series
        .iter()
        .flat_map(|s| s["runs"].as_array().expect("runs").iter().map(move |r| (s, r)))
        .filter(|(s, r)| only.as_deref().is_none_or(|o| format!("{}/{}", s["name"].as_str().unwrap_or(""), r["label"].as_str().unwrap_or("")) == o))
        .collect();
    let outcomes: Vec<Outcome> = jobs.par_iter().map(|(s, r)| check(s, r)).collect();
    let mut by_label: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for ((_, r), o) in jobs.iter().zip(&outcomes) {
        let e = by_label.entry(r["label"].as_str().expect("label")).or_default();
        e.0 += usize::from(matches!(o, Outcome::Same { .. }));
        e.1 += 1;
    }

    let total = outcomes.len();
    let (mut same, mut forecasts, mut failures) = (0, 0, Vec::new());
    let (mut better, mut rejection, mut differencing) = (Vec::new(), Vec::new(), Vec::new());
    for o in outcomes {
        match o {
            Outcome::Same { forecast_checked } => {
                same += 1;
                forecasts += usize::from(forecast_checked);
            }
            Outcome::BetterOrEqual(line) => better.push(line),
            Outcome::Rejection(line) => rejection.push(line),
            Outcome::DifferentDifferencing(line) => differencing.push(line),
            Outcome::Failure(line) => failures.push(line),
        }
    }
    println!(
        "auto.arima runs: model equal to R's on {same}/{total} = {:.1}% (forecasts compared on {forecasts}); \
         differing with an IC no worse: {}; differing after a candidate rejected by one side or ended at another optimum: {}; \
         differencing differs: {}; failures: {}",
        100.0 * same as f64 / total as f64,
        better.len(),
        rejection.len(),
        differencing.len(),
        failures.len()
    );
    let per_label: Vec<String> = by_label.iter().map(|(l, (s, t))| format!("{l} {s}/{t}")).collect();
    println!("  by variant: {}", per_label.join(", "));
    for line in better.iter().chain(&rejection).chain(&differencing) {
        println!("  differs: {line}");
    }
    for line in &failures {
        println!("  FAILED: {line}");
    }
    let unexplained: Vec<&String> = differencing.iter().filter(|l| !l.contains("/seasonal_test_ch")).collect();
    assert!(failures.is_empty(), "{} runs failed:\n{}", failures.len(), failures.join("\n"));
    assert!(unexplained.is_empty(), "differencing differs from R's outside the Canova-Hansen runs:\n{unexplained:?}");
    let rate = |pick: &dyn Fn(&str) -> bool| {
        let (s, t) = by_label.iter().filter(|(l, _)| pick(l)).fold((0, 0), |a, (_, v)| (a.0 + v.0, a.1 + v.1));
        (s, t)
    };
    let (same_default, total_default) = rate(&|l| l == "default");
    assert!(same_default * 100 >= total_default * 97, "default runs: only {same_default}/{total_default} equal R's");
    let (same_other, total_other) = rate(&|l| !l.starts_with("seasonal_test_ch"));
    println!("  without the Canova-Hansen runs: {same_other}/{total_other}");
    assert!(same_other * 100 >= total_other * 96, "only {same_other}/{total_other} runs equal R's");
}
