use super::*;
use crate::catalog::ModelSpec;
use crate::engine::text::parse;
use crate::engine::{FittedModel, Spec};

fn spec(text: &str) -> CoreResult<Baseline> {
    Baseline::from_call(parse(text)?.remove(0))
}

fn fit(text: &str, y: &[f64]) -> CoreResult<Box<dyn FittedModel>> {
    ModelSpec::parse(text).expect(text).fit(y, None)
}

#[test]
fn texts_round_trip() {
    for text in ["naive", "snaive[12]", "mean", "drift", "window_average(3)", "seasonal_window_average(2)[7]"] {
        assert_eq!(spec(text).expect(text).to_text(&[]), text);
    }
    assert_eq!(spec("naive").expect("naive").to_text(&["lambda=0".into()]), "naive(lambda=0)");
}

#[test]
fn options_a_method_does_not_take_are_named() {
    let e = |t: &str| spec(t).expect_err(t).to_string();
    assert!(e("snaive(drift=true)[12]").contains("takes no option 'drift'"));
    assert!(e("naive(3)").contains("takes no argument '3'"));
    assert!(e("snaive").contains("needs a seasonal period"));
    assert!(e("window_average").contains("needs one window size"));
    assert!(e("window_average(0)").contains(">= 1"));
    assert!(e("mean[12]").contains("no seasonal period"));
}

#[test]
fn series_the_methods_cannot_forecast_are_refused_with_the_reason() {
    let e = |text: &str, y: &[f64]| fit(text, y).expect_err(text).to_string();
    let nan = f64::NAN;
    // R stops on these two as well (snaive: copy_msts; rwf: lm has no case).
    assert!(e("snaive[12]", &[1.0; 11]).contains("at least 12 values"));
    assert!(e("drift", &[5.0]).contains("at least 2 values"));
    assert!(e("drift", &[nan, 5.0, nan]).contains("at least two observed values"));
    // R forecasts NA here; statsforecast NaN.
    for text in ["naive", "snaive[2]", "mean", "drift", "window_average(1)", "seasonal_window_average(1)[2]"] {
        assert!(e(text, &[nan, nan]).contains("all values are missing"), "{text}");
    }
    assert!(e("window_average(3)", &[1.0, 2.0]).contains("at least 3 values"));
    assert!(e("seasonal_window_average(2)[2]", &[1.0, 2.0, nan, 4.0, 5.0]).contains("y[2] is missing"));
    // What is missing before the window does not matter, as in statsforecast.
    let model = fit("window_average(3)", &[nan, 1.0, 2.0, 6.0]).expect("the window is observed");
    assert_eq!(model.forecast(2, &[]).expect("forecast").mean, vec![3.0, 3.0]);
}

#[test]
fn box_cox_outside_its_domain_is_refused_where_r_would_make_values_missing() {
    // R's BoxCox makes negative values NA when lambda < 0 and takes log(0) = -Inf; lagrs
    // refuses instead of forecasting from silently changed data.
    let e = |text: &str, y: &[f64]| fit(text, y).expect_err(text).to_string();
    assert!(e("naive(lambda=-0.3)", &[1.0, -2.0, 3.0]).contains("y[1] = -2"));
    assert!(e("mean(lambda=0)", &[1.0, 0.0, 3.0]).contains("y[1] = 0"));
    assert!(e("drift(lambda=-0.3)", &[1.0, 0.0, 3.0]).contains("y[1] = 0"));
    // A positive lambda is defined on negative values (R's sign(x) |x|^lambda).
    assert!(fit("naive(lambda=0.5)", &[1.0, -2.0, 3.0]).is_ok());
}

#[test]
fn the_mean_bias_adjustment_reads_the_widest_level_asked_for() {
    // meanf passes its intervals to InvBoxCox, which reads the variance off max(level).
    let y: Vec<f64> = (0..30).map(|t| 10.0 + (t as f64 * 0.7).sin() * 3.0 + t as f64 * 0.1).collect();
    let model = fit("mean(lambda=0.5,biasadj=true)", &y).expect("fit");
    let mean = |levels: &[f64]| model.forecast(3, levels).expect("forecast").mean;
    assert_eq!(mean(&[0.8, 0.95]), mean(&[0.95, 0.8]));
    assert_ne!(mean(&[0.8]), mean(&[0.95]));
    // Without a level the adjustment uses R's default widest, 95%.
    assert_eq!(mean(&[]), mean(&[0.95]));
}
