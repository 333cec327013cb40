//! ETS through the engine, the path every caller takes: spec text -> `ModelSpec::parse` ->
//! `Spec::fit` -> `FittedModel`, the saved form, a batch, and R's refusals as errors that
//! name the component or argument.

mod common;

use common::{fixture_cases, num, nums};
use lagrs_core::batch::BatchControl;
use lagrs_core::catalog::{decode, ModelSpec};
use lagrs_core::engine::batch::forecast_all;
use lagrs_core::engine::{envelope, find, Spec};
use lagrs_core::error::CoreError;
use lagrs_core::ets::EtsModel;

fn case(name: &str) -> serde_json::Value {
    fixture_cases("ets/ets.json")
        .into_iter()
        .find(|c| c["name"] == name)
        .expect("fixture case")
}

#[test]
fn auto_ets_text_gives_rs_model_and_forecasts() {
    let c = case("USAccDeaths");
    let y = nums(&c["y"]);
    let model = ModelSpec::parse("auto_ets[12]").unwrap().fit(&y, None).unwrap();
    let r = &c["r"];
    assert_eq!(model.label(), r["method"].as_str().unwrap());
    let f = model.forecast(24, &[0.8, 0.95]).unwrap();
    let scale = y.iter().fold(0.0f64, |a, v| a.max(v.abs()));
    for (got, want) in [
        (&f.mean, nums(&r["mean"])),
        (&f.lower[0], nums(&r["lower"][0])),
        (&f.upper[1], nums(&r["upper"][1])),
    ] {
        for (g, w) in got.iter().zip(&want) {
            assert!((g - w).abs() <= 1e-6 * scale, "{g} vs R {w}");
        }
    }
    let ets = find::<EtsModel>(model.as_ref()).expect("an ETS model");
    assert!((ets.criteria.aicc - num(&r["aicc"])).abs() < 1e-6 * num(&r["aicc"]).abs());
    assert_eq!(ets.final_state.len(), nums(&r["last_state"]).len());
    // The saved form gives the same forecasts, bit for bit; a damaged one is refused.
    let bytes = envelope::wrap(model.as_ref());
    let back = decode(&bytes).unwrap();
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(
        bits(&back.forecast(24, &[0.8, 0.95]).unwrap().packed()),
        bits(&f.packed())
    );
    assert!(decode(&bytes[..bytes.len() - 9]).is_err());
}

#[test]
fn fixed_model_text_and_box_cox() {
    let c = case("fixed_MAdM");
    let y = nums(&c["y"]);
    let model = ModelSpec::parse("ets(M,Ad,M)[12]").unwrap().fit(&y, None).unwrap();
    assert_eq!(model.label(), "ETS(M,Ad,M)");
    assert!((model.criteria().unwrap().aicc - num(&c["r"]["aicc"])).abs() < 1e-6 * num(&c["r"]["aicc"]).abs());
    // On a Box-Cox scale R considers additive models only.
    let logged = ModelSpec::parse("auto_ets(lambda=0)[12]")
        .unwrap()
        .fit(&y, None)
        .unwrap();
    let inner = find::<EtsModel>(logged.as_ref()).unwrap();
    assert_eq!(inner.form.error, lagrs_core::ets::Component::Additive);
}

fn message(text: &str, y: &[f64]) -> String {
    match ModelSpec::parse(text).and_then(|s| s.fit(y, None)) {
        Err(CoreError::InvalidArgument(m)) => m,
        other => panic!("{text}: expected an invalid-argument error, got {other:?}"),
    }
}

#[test]
fn refusals_name_the_component_or_argument() {
    let with_zero: Vec<f64> = (0..48).map(|t| (t % 7) as f64).collect();
    assert!(message("ets(M,N,N)", &with_zero).starts_with("error:"));
    assert!(message("ets(A,N,M)[12]", &with_zero).contains("forbidden model combination ANM"));
    assert!(message("ets(A,N,M,restrict=false)[12]", &with_zero).starts_with("season:"));
    assert!(message("ets(A,N,N,alpha=1.5)", &with_zero).contains("alpha: 1.5 lies outside its bounds"));
    assert!(message("ets(A,N,N,phi=0.9)", &with_zero).contains("phi: a damping parameter needs a damped trend"));
    assert!(
        message("ets(A,A,N,damped=true,phi=0.5)", &with_zero).contains("phi: 0.5 lies outside its bounds [0.8, 0.98]")
    );
    assert!(message("ets(A,N,A)", &with_zero).contains("season: a seasonal model needs a period"));
    assert!(message("ets(A,N,N,bounds=odd)", &with_zero).contains("bounds must be one of"));
    assert!(message("auto_ets(nmse=40)", &with_zero).contains("nmse: must lie in 1..=30"));
    assert!(message("auto_ets(lower=[0.1,0.1,0.1])", &with_zero).contains("lower must be a list of 4 finite numbers"));
    assert!(message("auto_ets(upper=[1,1,1,inf])", &with_zero).contains("upper must be a list of 4 finite numbers"));
    assert!(message("auto_ets(lower=0.5)", &with_zero).contains("lower must be a list of 4"));
    assert!(message("auto_ets(lower=[0.0001,0.0001,0.0001,0.99])", &with_zero)
        .contains("lower/upper: the bounds of phi must be finite with lower <= upper, got [0.99, 0.98]"));
    assert!(message("ets(A,N,N,alpha=0.6,upper=[0.5,0.9999,0.9999,0.98])", &with_zero)
        .contains("alpha: 0.6 lies outside its bounds [0.0001, 0.5]"));
    // Equal to R's defaults, the bounds leave the canonical text as it was.
    let spelled = ModelSpec::parse("auto_ets(lower=[1e-4,0.0001,0.0001,0.8])[4]").unwrap();
    assert_eq!(spelled.to_string(), "auto_ets[4]");
    // Automatic selection skips the multiplicative forms on such data instead.
    let fitted = ModelSpec::parse("auto_ets[12]").unwrap().fit(&with_zero, None).unwrap();
    assert!(fitted.label().starts_with("ETS(A,"), "{}", fitted.label());
}

#[test]
fn a_bad_series_fails_alone_in_a_batch() {
    let good = nums(&case("AirPassengers")["y"]);
    let missing = vec![f64::NAN; 30];
    let short = vec![1.0, f64::INFINITY, 3.0];
    let series: Vec<&[f64]> = vec![&good, &missing, &short, &good];
    let spec = ModelSpec::parse("auto_ets[12]").unwrap();
    let control = BatchControl::new(series.len(), 1).unwrap();
    let out = forecast_all(&spec, &series, 6, &[0.95], &control);
    assert!(out[0].is_ok() && out[3].is_ok());
    assert!(matches!(&out[1], Err(CoreError::InvalidArgument(m)) if m.contains("all values are missing")));
    assert!(matches!(&out[2], Err(CoreError::InvalidArgument(m)) if m.contains("infinite")));
    assert_eq!(out[0].as_ref().unwrap().0, "ETS(M,Ad,M)");
    let _ = spec.fit(&good, None).unwrap();
}

#[test]
fn a_constant_series_is_rs_simple_exponential_smoothing() {
    // R: f <- ets(ts(rep(5, 30), frequency = 12)); f$method is "Simple exponential smoothing",
    // forecast(f, h = 3): mean 5 5 5, 80% and 95% bounds 5.
    let model = ModelSpec::parse("auto_ets[12]").unwrap().fit(&[5.0; 30], None).unwrap();
    assert_eq!(model.label(), "Simple exponential smoothing");
    let f = model.forecast(3, &[0.8, 0.95]).unwrap();
    assert_eq!(f.mean, vec![5.0; 3]);
    assert_eq!(f.lower[1], vec![5.0; 3]);
    assert_eq!(f.upper[0], vec![5.0; 3]);
    let back = decode(&envelope::wrap(model.as_ref())).unwrap();
    assert_eq!(back.label(), "Simple exponential smoothing");
}
