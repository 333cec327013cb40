//! `theta[m]` against R's `forecast::thetaf` (`testdata/theta/thetaf.json`, make_thetaf.R),
//! through the public path (spec text -> `ModelSpec::parse` -> `Spec::fit`): forecasts, 80% and
//! 95% bounds, fitted values and residuals within 1e-4 of the series' scale (its largest |y|);
//! SES's alpha and the drift within 1e-4 relative. Series of 2 to 6 values take ets' fallback
//! (HoltWintersZZ, alpha by L-BFGS-B); on one value both refuse.

mod common;

use common::{fixture, num, nums};
use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::{find, Spec};
use lagrs_core::theta::ThetafFit;

const TOL: f64 = 1e-4;

fn compare(what: &str, got: &[f64], want: &[f64], scale: f64) -> f64 {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    let mut worst = 0.0f64;
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let error = (g - w).abs() / scale;
        assert!(error <= TOL, "{what}[{i}]: lagrs {g:e}, R {w:e} (error {error:e} of scale)");
        worst = worst.max(error);
    }
    worst
}

#[test]
fn theta_equals_r_thetaf() {
    let r = fixture("theta/thetaf.json");
    let cases = r["cases"].as_array().expect("cases");
    let mut worst = 0.0f64;
    for case in cases {
        let name = case["series"].as_str().expect("series");
        let spec = case["spec"].as_str().expect("spec");
        let y = nums(&r["series"][name]["x"]);
        let scale = y.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        let model = ModelSpec::parse(spec).expect(spec).fit(&y, None).unwrap_or_else(|e| panic!("{spec} on {name}: {e}"));
        let what = format!("{spec} on {name}");
        assert_eq!(model.label(), "Theta");
        let h = case["h"].as_u64().expect("h") as usize;
        let f = model.forecast(h, &[0.8, 0.95]).expect("forecast");
        worst = worst.max(compare(&format!("{what} mean"), &f.mean, &nums(&case["mean"]), scale));
        worst = worst.max(compare(&format!("{what} lower80"), &f.lower[0], &nums(&case["lower80"]), scale));
        worst = worst.max(compare(&format!("{what} upper80"), &f.upper[0], &nums(&case["upper80"]), scale));
        worst = worst.max(compare(&format!("{what} lower95"), &f.lower[1], &nums(&case["lower95"]), scale));
        worst = worst.max(compare(&format!("{what} upper95"), &f.upper[1], &nums(&case["upper95"]), scale));
        worst = worst.max(compare(&format!("{what} fitted"), &model.fitted(), &nums(&case["fitted"]), scale));
        worst = worst.max(compare(&format!("{what} residuals"), &model.residuals(), &nums(&case["residuals"]), scale));
        let (alpha, drift) = find::<ThetafFit>(model.as_ref()).expect("thetaf").alpha_drift();
        let (want_alpha, want_drift) = (num(&case["alpha"]), num(&case["drift"]));
        assert!((alpha - want_alpha).abs() <= TOL * want_alpha.abs(), "{what}: alpha {alpha} vs R {want_alpha}");
        // A slope that is 0 in exact arithmetic is rounding noise in both: its floor is in
        // the series' units.
        assert!((drift - want_drift).abs() <= TOL * want_drift.abs().max(1e-12 * scale), "{what}: drift {drift} vs R {want_drift}");
    }
    assert!(cases.len() >= 37);
    // R's thetaf stops on one value (lsfit has one case for two variables): so does lagrs.
    let errors = r["errors"].as_array().expect("errors");
    assert!(!errors.is_empty());
    for error in errors {
        let y = nums(&error["x"]);
        let e = ModelSpec::parse("theta").expect("theta").fit(&y, None).expect_err("R errs").to_string();
        assert!(e.contains(&format!("y has {} value(s)", y.len())), "{e}");
    }
    eprintln!("theta vs R thetaf: {} cases, largest error {worst:e} of scale", cases.len());
}
