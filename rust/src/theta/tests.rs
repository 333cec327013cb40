use super::*;
use crate::engine::text::parse;
use crate::engine::FittedModel;

fn spec(text: &str) -> CoreResult<ThetaSpec> {
    ThetaSpec::from_call(parse(text)?.remove(0))
}

fn trend(n: usize) -> Vec<f64> {
    (0..n).map(|t| 50.0 + 0.7 * t as f64 + ((t * 7919 % 13) as f64) / 4.0).collect()
}

#[test]
fn texts_round_trip() {
    for text in ["theta_standard", "theta_optimized[12]", "theta_dynamic[4]", "theta_dynamic_optimized", "auto_theta[7]"] {
        assert_eq!(spec(text).expect(text).to_text(), text);
    }
    assert_eq!(spec("auto_theta[1]").expect("m = 1").to_text(), "auto_theta");
    assert!(spec("auto_theta(3)").expect_err("no args").to_string().contains("takes no argument '3'"));
}

#[test]
fn short_and_missing_series_are_refused_with_the_reason() {
    let e = |y: &[f64]| spec("auto_theta").expect("spec").fit(y).expect_err("refused").to_string();
    assert!(e(&[1.0, 2.0, 3.0]).contains("at least 4"));
    assert!(e(&[1.0, f64::NAN, 3.0, 4.0, 5.0]).contains("y[1] is missing"));
    assert!(e(&[1.0, f64::INFINITY, 3.0, 4.0]).contains("infinite"));
}

#[test]
fn a_saved_model_decodes_to_the_same_forecasts_and_corrupt_bytes_are_refused() {
    let y: Vec<f64> = (0..48).map(|t| trend(48)[t] * (1.0 + 0.2 * ((t % 4) as f64 - 1.5))).collect();
    for text in ["auto_theta[4]", "theta_dynamic", "theta_optimized[4]"] {
        let model = spec(text).expect(text).fit(&y).expect(text);
        let bytes = model.payload();
        let back = ThetaFit::decode(&bytes).expect(text);
        assert_eq!(back.payload(), bytes);
        assert_eq!(back.forecast(9, &[]).expect("f").mean, model.forecast(9, &[]).expect("f").mean);
        assert!(ThetaFit::decode(&bytes[..bytes.len() - 1]).is_err());
        let mut wrong = bytes.clone();
        wrong[2] = 7;
        assert!(ThetaFit::decode(&wrong).is_err());
    }
    let model = spec("theta_standard").expect("spec").fit(&trend(30)).expect("fit");
    let f = model.forecast(3, &[0.9]).expect("forecast");
    assert!(f.lower[0].iter().chain(&f.upper[0]).all(|v| v.is_nan()), "no intervals");
    assert_eq!(model.label(), "Theta(STM)");
}


#[test]
fn thetaf_refuses_what_it_does_not_follow_and_saves_its_model() {
    use crate::catalog::ModelSpec;
    use crate::engine::Spec;
    for text in ["theta", "theta[12]"] {
        assert_eq!(ModelSpec::parse(text).expect(text).to_string(), text);
    }
    assert!(ModelSpec::parse("theta(lambda=0)").expect_err("no lambda").to_string().contains("takes no option 'lambda'"));
    let e = ThetafFit::fit(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 1).expect_err("short").to_string();
    assert!(e.contains("at least 7"), "{e}");
    assert!(ThetafFit::fit(&[1.0, 2.0, f64::NAN, 4.0, 5.0, 6.0, 7.0, 8.0], 1).expect_err("missing").to_string().contains("y[2]"));
    let y: Vec<f64> = (0..48).map(|t| trend(48)[t] * (1.0 + 0.3 * ((t % 4) as f64 - 1.5))).collect();
    let model = ModelSpec::parse("theta[4]").expect("spec").fit(&y, None).expect("fit");
    let fit = crate::engine::find::<ThetafFit>(model.as_ref()).expect("thetaf");
    assert!(fit.is_seasonal());
    let bytes = fit.payload();
    let back = ThetafFit::decode(&bytes).expect("decodes");
    assert_eq!(back.forecast(8, &[0.9]).expect("f").packed(), model.forecast(8, &[0.9]).expect("f").packed());
    assert!(ThetafFit::decode(&bytes[..bytes.len() - 3]).is_err());
}
