//! ETS on series too short for R's own fit (`n <= npars + 4`) against R's `forecast::ets`
//! 8.20 (`testdata/ets/make_ets_tiny.R`): frequencies 1, 4 and 12, lengths 1 to past the
//! limit, automatic and fixed requests (trended, seasonal, damped, multiplicative, with fixed
//! parameters, Box-Cox lambda 0) through the spec text a caller writes. Where R fits (its
//! `HoltWintersZZ` fallback, or its own fit just past the limit) lagrs must report R's method, R's smoothing
//! parameters to 1e-6, and R's fitted values, forecasts and 80/95% bounds (where R computes
//! them analytically) to 1e-6 of the series' scale; where R stops, lagrs must refuse.
//!
//! `cargo test -p lagrs-core --test ets_tiny_reference -- --nocapture` prints the largest
//! differences.

mod common;

use common::{fixture_cases, num, nums};
use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::{find, FittedModel, Spec};
use lagrs_core::ets::EtsModel;
use serde_json::Value;

/// The text a caller writes for the case's R call.
fn spec_text(args: &Value, m: usize) -> String {
    let model = args["model"].as_str().unwrap();
    let mut parts = Vec::new();
    let name = if model == "ZZZ" {
        "auto_ets"
    } else {
        parts.push(model.to_string());
        "ets"
    };
    if let Some(d) = args["damped"].as_bool() {
        parts.push(format!("damped={d}"));
    }
    for key in ["alpha", "beta", "phi", "lambda"] {
        if !args[key].is_null() {
            parts.push(format!("{key}={}", num(&args[key])));
        }
    }
    if parts.is_empty() {
        format!("{name}[{m}]")
    } else {
        format!("{name}({})[{m}]", parts.join(","))
    }
}

fn worst_error(got: &[f64], want: &[f64], scale: f64) -> f64 {
    assert_eq!(got.len(), want.len());
    got.iter().zip(want).map(|(g, w)| if g == w { 0.0 } else { (g - w).abs() / scale }).fold(0.0, f64::max)
}

#[test]
fn ets_on_tiny_series_matches_r() {
    let cases = fixture_cases("ets/ets_tiny.json");
    let (mut fitted, mut refused) = (0, 0);
    let (mut worst, mut worst_par) = (0.0f64, 0.0f64);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let m = num(&case["m"]) as usize;
        let y = nums(&case["y"]);
        let h = num(&case["h"]) as usize;
        let text = spec_text(&case["args"], m);
        let got = ModelSpec::parse(&text).and_then(|s| s.fit(&y, None));
        let Some(r) = case.get("r") else {
            refused += 1;
            if let Ok(model) = got {
                failures.push(format!("{name}: R stopped ({}), lagrs fitted {}", case["error"], model.label()));
            }
            continue;
        };
        fitted += 1;
        let want = r["method"].as_str().unwrap();
        let model = match got {
            Ok(model) => model,
            Err(e) => {
                failures.push(format!("{name}: lagrs failed on {text} ({e}), R fitted {want}"));
                continue;
            }
        };
        if model.label() != want {
            failures.push(format!("{name}: lagrs {}, R {want} ({text})", model.label()));
            continue;
        }
        let ets = find::<EtsModel>(model.as_ref()).expect("an ETS model");
        let p = ets.par;
        for (key, v) in [("alpha", Some(p.alpha)), ("beta", p.beta), ("gamma", p.gamma), ("phi", p.phi)] {
            match (v, r[key].is_null()) {
                (Some(v), false) => {
                    let d = (v - num(&r[key])).abs();
                    worst_par = worst_par.max(d);
                    if d > 1e-6 {
                        failures.push(format!("{name}: {key} {v} against R's {}", num(&r[key])));
                    }
                }
                (None, true) => {}
                _ => failures.push(format!("{name}: {key} present in only one of lagrs and R")),
            }
        }
        let scale = y.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        let f = match model.forecast(h, &[0.8, 0.95]) {
            Ok(f) => f,
            Err(e) => {
                failures.push(format!("{name}: no forecast for {want}: {e}"));
                continue;
            }
        };
        let mut e = worst_error(&f.mean, &nums(&r["mean"]), scale).max(worst_error(
            &model.fitted(),
            &nums(&r["fitted"]),
            scale,
        ));
        if !r["lower"].is_null() {
            for k in 0..2 {
                e = e
                    .max(worst_error(&f.lower[k], &nums(&r["lower"][k]), scale))
                    .max(worst_error(&f.upper[k], &nums(&r["upper"][k]), scale));
            }
        }
        if e > 1e-6 || e.is_nan() {
            failures.push(format!("{name} {want}: fitted/forecast/bounds differ by {e:.3e} of the scale"));
        }
        worst = worst.max(e);
    }
    println!(
        "ETS on tiny series vs R: {fitted} fitted, {refused} refused; largest fitted/forecast/bound error \
         {worst:.3e} of the scale, parameter {worst_par:.3e}"
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(fitted > 100 && refused > 0 && failures.is_empty(), "{} failures", failures.len());
}

#[test]
fn a_short_series_model_says_so_has_no_criteria_and_survives_saving() {
    use lagrs_core::ets::tiny::{HOLT_WINTERS_NOTE, NO_DAMPING_NOTE};
    let y = [102.9, 101.1, 113.8, 108.8, 117.6];
    let model = ModelSpec::parse("ets(A,Ad,N)[1]").unwrap().fit(&y, None).expect("R fits it");
    // R: ets(ts(y), "AAN", damped = TRUE) warns "Not enough data to use damping", fits Holt.
    assert_eq!(model.label(), "ETS(A,A,N)");
    assert!(model.criteria().is_none());
    let ets = find::<EtsModel>(model.as_ref()).unwrap();
    assert_eq!(ets.notes, vec![HOLT_WINTERS_NOTE, NO_DAMPING_NOTE]);
    let back = EtsModel::decode(&model.payload()).expect("a saved short-series model reads back");
    assert_eq!((back.payload(), &back.notes), (model.payload(), &ets.notes));
    // One value asked for a multiplicative trend: R's fit has every fitted value 0 and an
    // infinite sigma2; it is kept, saved and read back as R's.
    let one = ModelSpec::parse("ets(M,M,N)[1]").unwrap().fit(&[5.0], None).expect("R fits it");
    assert_eq!(one.label(), "ETS(M,N,N)");
    let ets = find::<EtsModel>(one.as_ref()).unwrap();
    assert_eq!((ets.fitted[0], ets.sigma2), (0.0, f64::INFINITY));
    let back = EtsModel::decode(&one.payload()).expect("read back");
    assert_eq!((back.payload(), &back.notes), (one.payload(), &ets.notes));
    // A phi given with the trend left to R: R's fallback without a trend keeps it, ETS(A,Nd,N).
    let case = fixture_cases("ets/ets_tiny.json").into_iter().find(|c| c["name"] == "y1_n6_AZN_phi").unwrap();
    let nd = ModelSpec::parse("ets(A,Z,N,phi=0.9)[1]").unwrap().fit(&nums(&case["y"]), None).expect("R fits it");
    assert_eq!(nd.label(), "ETS(A,Nd,N)");
    let back = EtsModel::decode(&nd.payload()).expect("read back");
    assert_eq!(back.label(), "ETS(A,Nd,N)");
}
