//! statsforecast's Theta family against `testdata/theta/statsforecast.json`
//! (make_statsforecast.py), through the public path (spec text -> `ModelSpec::parse` ->
//! `Spec::fit`): forecasts, fitted values, the model AutoTheta chooses, its parameters
//! (initial level, alpha, theta), its objective and the seasonal adjustment, within 1e-6
//! relative (the fitted values within 1e-6 of the series' scale).

mod common;

use common::{fixture, num, nums};
use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::{find, Spec};
use lagrs_core::theta::{Adjustment, ThetaFit};

const TOL: f64 = 1e-6;

fn close(what: &str, got: f64, want: f64, scale: f64) -> f64 {
    let error = (got - want).abs() / scale.max(want.abs()).max(f64::MIN_POSITIVE);
    assert!(error <= TOL, "{what}: lagrs {got:e}, statsforecast {want:e} (relative error {error:e})");
    error
}

#[test]
fn theta_family_equals_statsforecast() {
    let sf = fixture("theta/statsforecast.json");
    let cases = sf["cases"].as_array().expect("cases");
    let mut worst = 0.0f64;
    for case in cases {
        let name = case["series"].as_str().expect("series");
        let spec = case["spec"].as_str().expect("spec");
        let y = nums(&sf["series"][name]["x"]);
        let scale = y.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        let model = ModelSpec::parse(spec).expect(spec).fit(&y, None).unwrap_or_else(|e| panic!("{spec} on {name}: {e}"));
        let what = format!("{spec} on {name}");
        let theta = find::<ThetaFit>(model.as_ref()).expect("a Theta model");
        assert_eq!(theta.kind().name(), case["model"].as_str().expect("model"), "{what}: model type");
        let adjustment = match theta.adjustment() {
            Adjustment::None => "none",
            Adjustment::Multiplicative => "multiplicative",
            Adjustment::Additive => "additive",
        };
        assert_eq!(adjustment, case["decomposition_type"].as_str().expect("type"), "{what}: adjustment");
        let p = theta.params();
        worst = worst.max(close(&format!("{what} alpha"), p.alpha, num(&case["alpha"]), 0.0));
        worst = worst.max(close(&format!("{what} theta"), p.theta, num(&case["theta"]), 0.0));
        worst = worst.max(close(&format!("{what} initial level"), p.level, num(&case["initial_smoothed"]), 0.0));
        worst = worst.max(close(&format!("{what} objective"), theta.objective(), num(&case["mse"]), 0.0));
        let h = case["h"].as_u64().expect("h") as usize;
        let mean = model.forecast(h, &[]).expect("forecast").mean;
        for (i, (g, w)) in mean.iter().zip(nums(&case["mean"])).enumerate() {
            worst = worst.max(close(&format!("{what} mean[{i}]"), *g, w, 0.0));
        }
        for (i, (g, w)) in model.fitted().iter().zip(nums(&case["fitted"])).enumerate() {
            worst = worst.max(close(&format!("{what} fitted[{i}]"), *g, w, scale));
        }
    }
    assert!(cases.len() >= 40);
    eprintln!("Theta family vs statsforecast: {} cases, largest relative error {worst:e}", cases.len());
}
