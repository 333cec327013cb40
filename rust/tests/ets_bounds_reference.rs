//! ETS's parameter bounds (`lower`, `upper`) against R's `forecast::ets` 8.20
//! (`testdata/ets/make_ets_bounds.R`): R's data sets fitted under bounds other than R's
//! defaults, chosen automatically and fixed, through the spec text a caller writes
//! (`auto_ets(lower=[...],upper=[...])[12]`), with the tolerances of `ets_r_reference.rs`:
//!
//! * the chosen model must equal R's on at least 97% of the series R fits (with this few
//!   series: on all of them);
//! * where it does, forecasts and 80/95% bounds must agree with R's to 1e-3 of the series'
//!   scale (its largest |y|), and every estimated parameter must lie within the given bounds;
//! * where R refuses the bounds, lagrs must refuse them too, naming `lower/upper`.
//!
//! `cargo test -p lagrs-core --release --test ets_bounds_reference -- --nocapture` prints the
//! largest differences (forecasts, parameters, AICc).

mod common;

use common::{fixture_cases, num, nums};
use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::{find, Spec};
use lagrs_core::error::CoreError;
use lagrs_core::ets::EtsModel;
use serde_json::Value;

/// The text a caller writes for the case's R call.
fn spec_text(args: &Value, m: usize) -> String {
    let list = |k: &str| {
        let items: Vec<String> = nums(&args[k]).iter().map(f64::to_string).collect();
        format!("{k}=[{}]", items.join(","))
    };
    let mut parts = Vec::new();
    let model = args["model"].as_str().unwrap();
    let name = if model == "ZZZ" {
        "auto_ets"
    } else {
        parts.push(model.to_string());
        "ets"
    };
    if let Some(d) = args["damped"].as_bool() {
        parts.push(format!("damped={d}"));
    }
    parts.push(list("lower"));
    parts.push(list("upper"));
    format!("{name}({})[{m}]", parts.join(","))
}

fn worst_error(got: &[f64], want: &[f64], scale: f64) -> f64 {
    assert_eq!(got.len(), want.len());
    got.iter().zip(want).map(|(g, w)| (g - w).abs() / scale).fold(0.0, f64::max)
}

#[test]
fn ets_under_user_bounds_matches_r() {
    let cases = fixture_cases("ets/ets_bounds.json");
    let (mut fitted, mut same) = (0, 0);
    let (mut worst, mut worst_par, mut worst_aicc) = (0.0f64, 0.0f64, 0.0f64);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let m = num(&case["m"]) as usize;
        let y = nums(&case["y"]);
        let h = num(&case["h"]) as usize;
        let args = &case["args"];
        let text = spec_text(args, m);
        let got = ModelSpec::parse(&text).and_then(|s| s.fit(&y, None));
        let Some(r) = case.get("r") else {
            match got {
                Err(CoreError::InvalidArgument(msg)) if msg.contains("lower/upper") => {}
                other => failures.push(format!("{name}: R refused ({}), lagrs gave {other:?}", case["error"])),
            }
            continue;
        };
        fitted += 1;
        let want = r["method"].as_str().unwrap();
        let model = match got {
            Ok(model) => model,
            Err(e) => {
                failures.push(format!("{name}: lagrs failed on {text} ({e}), R chose {want}"));
                continue;
            }
        };
        if model.label() != want {
            println!("DIFF {name}: lagrs {}, R {want} ({text})", model.label());
            continue;
        }
        same += 1;
        let ets = find::<EtsModel>(model.as_ref()).expect("an ETS model");
        let (lower, upper) = (nums(&args["lower"]), nums(&args["upper"]));
        let p = ets.par;
        for (k, (key, v)) in [("alpha", Some(p.alpha)), ("beta", p.beta), ("gamma", p.gamma), ("phi", p.phi)]
            .into_iter()
            .enumerate()
        {
            if let Some(v) = v {
                if v < lower[k] || v > upper[k] {
                    failures.push(format!("{name}: {key} = {v} outside [{}, {}]", lower[k], upper[k]));
                }
                worst_par = worst_par.max((v - num(&r[key])).abs());
            }
        }
        let aicc = num(&r["aicc"]);
        worst_aicc = worst_aicc.max((ets.criteria.aicc - aicc).abs() / aicc.abs());
        let f = match model.forecast(h, &[0.8, 0.95]) {
            Ok(f) => f,
            Err(e) => {
                failures.push(format!("{name}: no forecast for {want}: {e}"));
                continue;
            }
        };
        let scale = y.iter().filter(|v| !v.is_nan()).fold(0.0f64, |a, v| a.max(v.abs()));
        let mut e = worst_error(&f.mean, &nums(&r["mean"]), scale);
        for k in 0..2 {
            e = e
                .max(worst_error(&f.lower[k], &nums(&r["lower"][k]), scale))
                .max(worst_error(&f.upper[k], &nums(&r["upper"][k]), scale));
        }
        if e > 1e-3 {
            failures.push(format!("{name} {want}: forecast/bounds differ by {e:.3e} of the scale"));
        }
        worst = worst.max(e);
    }
    let share = same as f64 / fitted as f64;
    println!(
        "ETS under user bounds vs R: same model on {same}/{fitted}; largest forecast/bound error \
         {worst:.3e} of the scale, parameter {worst_par:.3e}, relative AICc {worst_aicc:.3e}"
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(fitted > 0 && failures.is_empty(), "{} failures", failures.len());
    assert!(share >= 0.97, "same model on {same} of {fitted}");
}
