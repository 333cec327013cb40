//! The ETS family against R's `forecast::ets` 8.20 (`testdata/ets/make_ets_fixtures.R`): R's
//! data sets, series simulated from every model class, every 8th monthly, quarterly and
//! yearly series of M1 and Tourism, series with missing and non-positive values, and R's
//! options.
//!
//! * The chosen model must equal R's on at least 97% of the series R fits; each difference
//!   is printed with lagrs' AICc of its own choice and of R's choice, both fitted by lagrs.
//! * Where the model is the same, forecasts and 80/95% bounds must agree with R's to 1e-3 of
//!   the series' scale (its largest |y|); the largest error reached is printed.
//! * Forms whose intervals R simulates (a multiplicative trend) are compared on their means
//!   (their simulated bounds: `ets_simulated.rs`).
//! * Where R refuses the request, lagrs must refuse it too.
//!
//! `cargo test -p lagrs-core --release --test ets_r_reference -- --nocapture` prints the figures.

mod common;

use common::{fixture_cases, num, nums};
use lagrs_core::ets::fit::fit_form;
use lagrs_core::ets::forecast::{mean_var, MeanVar};
use lagrs_core::ets::recursion::point_forecasts;
use lagrs_core::ets::select::na_contiguous;
use lagrs_core::ets::{ets, Bounds, Ic, OptCrit, Options, Request};
use serde_json::Value;

/// qnorm(0.9) and qnorm(0.975).
const Z: [f64; 2] = [1.2815515655446004, 1.959963984540054];

fn request_and_options(args: &Value) -> (Request, Options) {
    let mut opts = Options::default();
    let mut req = Request::auto();
    let Some(obj) = args.as_object() else {
        return (req, opts);
    };
    if let Some(m) = obj.get("model") {
        req = Request::parse(m.as_str().unwrap()).unwrap();
    }
    if let Some(d) = obj.get("damped") {
        req.damped = d.as_bool();
    }
    let f = |k: &str| obj.get(k).map(num);
    opts.alpha = f("alpha");
    opts.beta = f("beta");
    opts.gamma = f("gamma");
    opts.phi = f("phi");
    if let Some(n) = f("nmse") {
        opts.nmse = n as usize;
    }
    if let Some(c) = obj.get("opt.crit").and_then(Value::as_str) {
        opts.opt_crit = match c {
            "mse" => OptCrit::Mse,
            "amse" => OptCrit::Amse,
            "sigma" => OptCrit::Sigma,
            "mae" => OptCrit::Mae,
            _ => OptCrit::Lik,
        };
    }
    if let Some(b) = obj.get("bounds").and_then(Value::as_str) {
        opts.bounds = if b == "usual" {
            Bounds::Usual
        } else {
            Bounds::Admissible
        };
    }
    if let Some(i) = obj.get("ic").and_then(Value::as_str) {
        opts.ic = if i == "bic" { Ic::Bic } else { Ic::Aic };
    }
    if let Some(v) = obj.get("allow.multiplicative.trend") {
        opts.allow_multiplicative_trend = v.as_bool().unwrap();
    }
    if let Some(v) = obj.get("additive.only") {
        opts.additive_only = v.as_bool().unwrap();
    }
    (req, opts)
}

fn worst_error(got: &[f64], want: &[f64], scale: f64) -> f64 {
    assert_eq!(got.len(), want.len());
    got.iter()
        .zip(want)
        .map(|(g, w)| (g - w).abs() / scale)
        .fold(0.0, f64::max)
}

#[test]
fn ets_matches_r() {
    let cases = fixture_cases("ets/ets.json");
    let (mut fitted, mut same, mut compared) = (0, 0, 0);
    let mut worst = (0.0f64, String::new());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let m = num(&case["m"]) as usize;
        let y = nums(&case["y"]);
        let h = num(&case["h"]) as usize;
        let (req, opts) = request_and_options(&case["args"]);
        let got = ets(&y, m, &req, &opts);
        let Some(r) = case.get("r") else {
            if got.is_ok() {
                failures.push(format!("{name}: R refused ({}), lagrs fitted", case["error"]));
            }
            continue;
        };
        fitted += 1;
        let want = r["method"].as_str().unwrap();
        let sel = match got {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{name}: lagrs failed ({e}), R chose {want}"));
                continue;
            }
        };
        let label = sel.fit.form.label();
        if label != want {
            let (_, yc) = na_contiguous(&y).unwrap();
            let rq = Request::parse(&want[4..9].replace(',', "")).unwrap();
            let r_form = lagrs_core::ets::Form {
                error: rq.error.unwrap(),
                trend: rq.trend.unwrap(),
                damped: rq.damped.unwrap_or(false),
                season: rq.season.unwrap(),
            };
            let theirs = fit_form(yc, r_form, m, &opts).map(|f| f.aicc).unwrap_or(f64::NAN);
            println!(
                "DIFF {name}: lagrs {label} (AICc {:.4}), R {want} (AICc by R {:.4}, by lagrs {theirs:.4})",
                sel.fit.aicc,
                num(&r["aicc"])
            );
            continue;
        }
        same += 1;
        let scale = y.iter().filter(|v| !v.is_nan()).fold(0.0f64, |a, v| a.max(v.abs()));
        let aicc_err = (sel.fit.aicc - num(&r["aicc"])).abs();
        if aicc_err > 1e-3 * num(&r["aicc"]).abs().max(1.0) {
            println!(
                "AICC {name} {label}: lagrs {:.6}, R {:.6}",
                sel.fit.aicc,
                num(&r["aicc"])
            );
        }
        let mv = match mean_var(&sel.fit.origin(), h) {
            Ok(mv) => mv,
            // R simulates the intervals of these forms (no bounds in the fixture): means only.
            Err(_) if r["lower"].is_null() => {
                let mut mean = vec![0.0; h];
                let fit = &sel.fit;
                let m_eff = if fit.form.season == lagrs_core::ets::Component::None {
                    1
                } else {
                    m
                };
                assert!(point_forecasts(
                    fit.last_state(),
                    m_eff,
                    &fit.form,
                    fit.smoothing().phi,
                    &mut mean
                ));
                MeanVar { var: vec![], mean }
            }
            Err(e) => {
                failures.push(format!("{name}: no forecast for {label}: {e}"));
                continue;
            }
        };
        let mut e = worst_error(&mv.mean, &nums(&r["mean"]), scale);
        if let (Some(lo), Some(up)) = (r["lower"].as_array(), r["upper"].as_array()) {
            for (k, z) in Z.iter().enumerate() {
                let sd: Vec<f64> = mv.var.iter().map(|v| v.sqrt() * z).collect();
                let l: Vec<f64> = mv.mean.iter().zip(&sd).map(|(a, b)| a - b).collect();
                let u: Vec<f64> = mv.mean.iter().zip(&sd).map(|(a, b)| a + b).collect();
                e = e
                    .max(worst_error(&l, &nums(&lo[k]), scale))
                    .max(worst_error(&u, &nums(&up[k]), scale));
            }
        }
        compared += 1;
        if e > 1e-3 {
            failures.push(format!(
                "{name} {label}: forecast/bounds differ by {e:.3e} of the scale"
            ));
        }
        if e > worst.0 {
            worst = (e, name.to_string());
        }
    }
    let share = same as f64 / fitted as f64;
    println!(
        "ETS vs R: same model on {same}/{fitted} series ({:.2}%); forecasts and bounds compared on \
         {compared}, largest error {:.3e} of the series' scale ({})",
        100.0 * share,
        worst.0,
        worst.1
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(failures.is_empty(), "{} failures", failures.len());
    assert!(share >= 0.97, "same model on {:.2}% of the series", 100.0 * share);
}
