//! Fourier terms as regressors through the spec text, `auto_arima(fourier=[7:3,365.25:5])`:
//! the text round trip and its errors, and the daily fixture of `testdata/xreg` fitted
//! through the engine (no regressors given: the fit builds the terms for the fit and for the
//! forecast) against R's `auto.arima(y, xreg = fourier(y, K), seasonal = FALSE)` and
//! `forecast(fit, xreg = fourier(y, K, h))`.

mod common;

use lagrs_core::arima::ArimaFit;
use lagrs_core::auto::auto_arima_with;
use lagrs_core::catalog::{Family, ModelSpec};
use lagrs_core::engine::Spec;

fn nums(v: &serde_json::Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(common::num).collect()
}

#[test]
fn fourier_text_round_trips_and_is_checked() {
    let spec = ModelSpec::parse("auto_arima( seasonal=false, fourier=[7:3, 365.25:10] )").expect("valid");
    let Family::AutoArima(o) = &spec.family else { panic!("auto_arima") };
    assert_eq!(o.fourier.len(), 2);
    assert_eq!((o.fourier[1].period, o.fourier[1].k), (365.25, 10));
    let text = spec.to_string();
    assert!(text.contains("fourier=[7:3,365.25:10]"), "{text}");
    assert_eq!(ModelSpec::parse(&text).expect("canonical"), spec);
    for (bad, why) in [
        ("auto_arima(fourier=[7:4])", "K must not be greater than period/2"),
        ("auto_arima(fourier=[7])", "fourier must be a list [period:K,...]"),
        ("auto_arima(fourier=[0:0])", "period must be a positive number"),
        ("auto_arima(fourier=[7:1,])", "expected a list item"),
    ] {
        let e = ModelSpec::parse(bad).expect_err(bad).to_string();
        assert!(e.contains(why), "{bad}: {e}");
    }
}

#[test]
fn daily_fourier_fit_through_the_engine_equals_rs() {
    let case = common::fixture_cases("xreg/xreg.json")
        .into_iter()
        .find(|c| c["name"] == "fourier_daily_auto")
        .expect("the daily Fourier case");
    let y = nums(&case["y"]);
    let r = &case["result"];
    let spec = ModelSpec::parse("auto_arima(seasonal=false, fourier=[7:3,365.25:5])").expect("valid");
    let fitted = spec.fit(&y, None).expect("fit");
    let arma: Vec<usize> = nums(&r["arma"]).iter().map(|v| *v as usize).collect();
    let Family::AutoArima(o) = &spec.family else { panic!("auto_arima") };
    let fit: ArimaFit = auto_arima_with(&y, o, None).expect("fit").fit;
    let s = fit.spec();
    assert_eq!((s.p, s.q, s.d), (arma[0], arma[1], arma[5]), "{}", fit.label());
    let names: Vec<String> = r["coef_names"].as_array().expect("names").iter().map(|v| v.as_str().expect("name").to_string()).collect();
    assert_eq!(fit.coefficient_names(), names);
    // No future regressors needed; the forecast is R's with R's future Fourier terms.
    let h = 14;
    let fc = fitted.forecast(h, &[0.95]).expect("forecast");
    let want = nums(&r["fc_mean"]);
    let scale = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    for i in 0..h {
        assert!((fc.mean[i] - want[i]).abs() <= 2e-3 * scale, "{i}: {} vs R {}", fc.mean[i], want[i]);
    }
    // Saved and read back, the model still builds its Fourier terms.
    let back = ArimaFit::from_bytes(&fit.to_bytes()).expect("round trip");
    assert_eq!(back, fit);
    assert_eq!(back.forecast_levels(h, &[0.95]).expect("a"), fit.forecast_levels(h, &[0.95]).expect("b"));
    assert_eq!(back.fourier_terms().len(), 2);
}
