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
    let e = ThetafFit::fit(&[1.0], 1).expect_err("one value").to_string();
    assert!(e.contains("y has 1 value(s); thetaf needs at least 2"), "{e}");
    assert!(ThetafFit::fit(&[], 1).is_err());
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

fn monthly(n: usize) -> Vec<f64> {
    (0..n).map(|t| (80.0 + 0.6 * t as f64 + ((t * 7919 % 13) as f64) / 3.0) * (1.0 + 0.25 * ((t % 12) as f64 * 0.52).sin())).collect()
}

#[test]
fn a_theta_model_carried_forward_filters_the_new_data_with_its_parameters() {
    let y = monthly(96);
    for text in ["theta_standard[12]", "theta_optimized[12]", "theta_dynamic[12]", "theta_dynamic_optimized[12]", "auto_theta[12]"] {
        let spec = spec(text).expect(text);
        let model = spec.fit(&y[..72]).expect(text);
        let same = model.forward(&y[..72]).expect(text);
        assert_eq!(same.forecast(18, &[]).expect("f").mean, model.forecast(18, &[]).expect("f").mean, "{text}");
        let on = model.forward(&y).expect(text);
        assert_eq!((on.kind(), on.params()), (model.kind(), model.params()), "{text}");
        // The same filter with the same parameters over the whole (adjusted) series.
        let (adjustment, seasonal, adjusted) = spec.adjust(&y);
        assert_eq!(on.adjustment(), adjustment);
        let pass = pegels::filter(&pegels::Prepared::new(&adjusted), model.kind(), model.params());
        let mut expected = vec![0.0; 18];
        pegels::forecast_from(pass.states.last().expect("states"), 96, model.kind(), model.params(), &mut expected);
        for (j, f) in expected.iter_mut().enumerate() {
            match adjustment {
                Adjustment::None => {}
                Adjustment::Multiplicative => *f *= seasonal[84 + j % 12],
                Adjustment::Additive => *f += seasonal[84 + j % 12],
            }
        }
        assert_eq!(on.forecast(18, &[]).expect("f").mean, expected, "{text}");
        assert_ne!(on.forecast(18, &[]).expect("f").mean, spec.fit(&y).expect(text).forecast(18, &[]).expect("f").mean, "{text}");
    }
    let model = spec("theta_dynamic").expect("spec").fit(&y).expect("fit");
    assert!(model.forward(&y[..3]).expect_err("short").to_string().contains("at least 4"));
}

#[test]
fn a_thetaf_model_carried_forward_keeps_alpha_and_the_initial_level() {
    let y = monthly(96);
    let model = ThetafFit::fit(&y[..72], 12).expect("fit");
    let (alpha, _) = model.alpha_drift();
    let l0 = ses_mse::fit(&thetaf::adjust(&y[..72], 12).expect("adjusts").1).fitted[0];
    let on = model.forward(&y).expect("forward");
    assert_eq!(on.alpha_drift().0, alpha);
    // SES from the kept level over the adjusted series, plus half the slope of its line.
    let (index, x) = thetaf::adjust(&y, 12).expect("adjusts");
    assert!(!index.is_empty(), "the test series is seasonal");
    let level = x.iter().fold(l0, |l, v| l + alpha * (v - l));
    let (tm, xm) = (47.5, x.iter().sum::<f64>() / 96.0);
    let slope = x.iter().enumerate().map(|(t, v)| (t as f64 - tm) * (v - xm)).sum::<f64>() / (0..96).map(|t| (t as f64 - tm).powi(2)).sum::<f64>();
    let catch_up = (1.0 - (1.0 - alpha).powi(96)) / alpha;
    let got = on.forecast(18, &[]).expect("f").mean;
    for (j, g) in got.iter().enumerate() {
        let expected = (level + slope / 2.0 * (j as f64 + catch_up)) * index[84 + j % 12];
        assert!((g - expected).abs() <= 1e-10 * expected.abs(), "step {j}: {g} {expected}");
    }
    assert_ne!(got, ThetafFit::fit(&y, 12).expect("fit").forecast(18, &[]).expect("f").mean);
    // A saved model carries forward as the model it was.
    let back = ThetafFit::decode(&model.payload()).expect("decodes").forward(&y).expect("forward");
    for (a, b) in back.forecast(18, &[]).expect("f").mean.iter().zip(&got) {
        assert!((a - b).abs() <= 1e-12 * b.abs(), "{a} {b}");
    }
}
