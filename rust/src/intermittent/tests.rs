use super::classify::{classify, classify_all, DemandClass};
use super::*;
use crate::engine::text::parse;
use crate::engine::FittedModel;

fn spec(text: &str) -> CoreResult<Intermittent> {
    Intermittent::from_call(parse(text)?.remove(0))
}

#[test]
fn texts_round_trip() {
    for text in ["croston", "croston(alpha=0.3)", "croston_optimized", "croston_sba", "tsb(0.1,0.1)", "tsb(0.3,0.05)", "adida", "imapa"] {
        assert_eq!(spec(text).expect(text).to_text(), text);
    }
    assert_eq!(spec("croston(alpha=0.1)").expect("default alpha").to_text(), "croston");
}

#[test]
fn arguments_out_of_their_rules_are_named() {
    let e = |t: &str| spec(t).expect_err(t).to_string();
    assert!(e("tsb").contains("tsb needs two smoothing parameters"));
    assert!(e("tsb(0.1)").contains("tsb needs two"));
    assert!(e("tsb(0.1,1.5)").contains("alpha_p must be in [0, 1], got 1.5"));
    assert!(e("croston(alpha=-0.1)").contains("alpha must be in [0, 1]"));
    assert!(e("adida(3)").contains("takes no argument '3'"));
    assert!(e("imapa[12]").contains("no seasonal period"));
    assert!(e("croston_sba(alpha=0.2)").contains("takes no option 'alpha'"));
}

#[test]
fn negative_and_missing_values_are_refused_naming_the_method() {
    for text in ["croston", "croston_optimized", "croston_sba", "tsb(0.1,0.1)", "adida", "imapa"] {
        let method = spec(text).expect(text);
        let e = method.fit(&[0.0, 2.0, -1.0, 0.0]).expect_err(text).to_string();
        assert!(e.starts_with(&format!("{}: y[2] = -1 is negative", method.name())), "{e}");
        let e = method.fit(&[0.0, f64::NAN, 1.0]).expect_err(text).to_string();
        assert!(e.contains("y[1] is missing"), "{e}");
        assert!(method.fit(&[]).is_err());
        assert!(method.fit(&[1.0, f64::INFINITY]).expect_err(text).to_string().contains("infinite"));
    }
}

#[test]
fn an_all_zero_series_forecasts_zero_without_intervals() {
    for text in ["croston", "croston_optimized", "croston_sba", "tsb(0.1,0.1)", "adida", "imapa"] {
        let model = spec(text).expect(text).fit(&[0.0; 8]).expect(text);
        let f = model.forecast(3, &[0.8, 0.95]).expect("forecast");
        assert_eq!(f.mean, vec![0.0; 3], "{text}");
        assert!(f.lower.iter().chain(&f.upper).flatten().all(|v| v.is_nan()), "{text}");
    }
}

#[test]
fn a_saved_model_decodes_to_the_same_model_and_corrupt_bytes_are_refused() {
    let y = [0.0, 3.0, 0.0, 0.0, 5.0, 1.0, 0.0, 0.0, 0.0, 2.0];
    for text in ["croston(alpha=0.3)", "croston_optimized", "croston_sba", "tsb(0.2,0.4)", "adida", "imapa"] {
        let model = spec(text).expect(text).fit(&y).expect(text);
        let bytes = model.payload();
        assert_eq!(IntermittentFit::decode(&bytes).expect(text).payload(), bytes, "{text}");
        assert!(IntermittentFit::decode(&bytes[..bytes.len() - 1]).is_err(), "{text}");
        let mut wrong_method = bytes.clone();
        wrong_method[1] = 9;
        assert!(IntermittentFit::decode(&wrong_method).is_err(), "{text}");
    }
    let mut negative = spec("adida").expect("adida").fit(&y).expect("fit").payload();
    negative[18..26].copy_from_slice(&(-1.0f64).to_le_bytes());
    assert!(IntermittentFit::decode(&negative).expect_err("negative mean").to_string().contains("corrupt"));
}

#[test]
fn demand_classes_follow_the_cutoffs() {
    // Every period has demand of equal size: ADI 1, CV² 0.
    let smooth = classify(&[4.0; 10]).expect("smooth");
    assert_eq!((smooth.adi, smooth.cv2, smooth.class), (1.0, 0.0, DemandClass::Smooth));
    // Sizes 1 and 9: mean 5, sample variance 32, CV² 1.28.
    let erratic = classify(&[1.0, 9.0]).expect("erratic");
    assert!((erratic.cv2 - 1.28).abs() < 1e-12 && erratic.class == DemandClass::Erratic);
    // Demand every second period: ADI 2.
    let sparse = classify(&[0.0, 5.0, 0.0, 5.0, 0.0, 6.0]).expect("intermittent");
    assert_eq!((sparse.adi, sparse.class), (2.0, DemandClass::Intermittent));
    let lumpy = classify(&[0.0, 1.0, 0.0, 9.0, 0.0, 1.0]).expect("lumpy");
    assert_eq!(lumpy.class, DemandClass::Lumpy);
    // ADI exactly at the cut-off counts as intermittent: 25 intervals summing to 33.
    let mut y = Vec::new();
    for k in 0..25 {
        if k < 8 {
            y.push(0.0);
        }
        y.push(3.0);
    }
    let at_cutoff = classify(&y).expect("cut-off");
    assert_eq!(at_cutoff.adi, 33.0 / 25.0);
    assert_eq!(at_cutoff.class, DemandClass::Intermittent);
    let none = classify(&[0.0; 4]).expect("no demand");
    assert!(none.class == DemandClass::NoDemand && none.adi.is_nan() && none.class.is_intermittent());
    assert!(classify(&[1.0, -1.0]).expect_err("negative").to_string().contains("y[1] = -1"));
    assert!(classify(&[1.0, f64::NAN]).expect_err("missing").to_string().contains("y[1] = NaN"));
    let batch = classify_all(&[&[4.0; 3], &[], &[0.0, 2.0]]);
    assert_eq!(batch[0].as_ref().expect("first").class, DemandClass::Smooth);
    assert!(batch[1].is_err());
    assert_eq!(batch[2].as_ref().expect("third").class, DemandClass::Intermittent);
}

/// SES as the methods define it (the level starts at the first value and smooths every value
/// in), written out again so the test does not lean on the code it checks.
fn smoothed(x: &[f64], alpha: f64) -> f64 {
    if x.len() == 1 {
        return x[0];
    }
    let mut level = x[0];
    for v in x {
        level += alpha * (v - level);
    }
    level
}

#[test]
fn carried_forward_models_keep_what_they_chose() {
    let y: Vec<f64> = (0..60).map(|t| if t % 3 == 0 || t % 7 == 0 { ((t * 37) % 11) as f64 + 1.0 } else { 0.0 }).collect();
    let optimised = spec("croston_optimized").expect("spec").fit(&y[..40]).expect("fit");
    let (alpha_d, alpha_i) = optimised.optimised_alphas().expect("alphas");
    let on = optimised.forward(&y).expect("forward");
    assert_eq!(on.optimised_alphas(), Some((alpha_d, alpha_i)));
    let sizes: Vec<f64> = y.iter().copied().filter(|v| *v > 0.0).collect();
    let at: Vec<usize> = (0..y.len()).filter(|&t| y[t] > 0.0).collect();
    let gaps: Vec<f64> = at.iter().enumerate().map(|(k, &t)| if k == 0 { t as f64 + 1.0 } else { (t - at[k - 1]) as f64 }).collect();
    let expected = smoothed(&sizes, alpha_d) / smoothed(&gaps, alpha_i);
    assert!((on.mean() - expected).abs() <= 1e-12 * expected, "{} {expected}", on.mean());
    assert_eq!(on.forecast(4, &[]).expect("forecast").mean, vec![on.mean(); 4]);
    // The methods with the spec's own parameters are the method on the new data.
    for text in ["croston(alpha=0.3)", "croston_sba", "tsb(0.2,0.4)"] {
        let method = spec(text).expect(text);
        let on = method.fit(&y[..40]).expect(text).forward(&y).expect(text);
        assert_eq!(on.mean(), method.fit(&y).expect(text).mean(), "{text}");
    }
    for text in ["adida", "imapa"] {
        let e = spec(text).expect(text).fit(&y[..40]).expect(text).forward(&y).expect_err(text).to_string();
        assert!(e.starts_with(text) && e.contains("cannot be carried forward"), "{e}");
    }
    assert!(optimised.forward(&[1.0, -2.0]).expect_err("negative").to_string().contains("y[1] = -2 is negative"));
    let none = spec("croston_optimized").expect("spec").fit(&[0.0; 6]).expect("fit");
    assert!(none.forward(&y).expect_err("no alphas").to_string().contains("no smoothing parameters"));
}

#[test]
fn the_batch_forecast_without_a_model_is_the_models_forecast() {
    use crate::catalog::ModelSpec;
    use crate::engine::Spec;
    let y: Vec<f64> = (0..90).map(|t| if t % 4 == 0 || t % 9 == 0 { ((t * 29) % 13) as f64 + 0.5 } else { 0.0 }).collect();
    for text in ["croston", "croston_optimized", "croston_sba", "tsb(0.1,0.1)", "adida", "imapa"] {
        let spec = ModelSpec::parse(text).expect(text);
        let model = spec.fit(&y, None).expect(text);
        let (label, f) = spec.fit_forecast(&y, 5, &[0.9], None).expect(text);
        let want = model.forecast(5, &[0.9]).expect(text);
        assert_eq!(label, model.label(), "{text}");
        assert_eq!(f.mean.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), want.mean.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
        assert!(f.lower.len() == 1 && f.lower.iter().chain(&f.upper).flatten().all(|v| v.is_nan()), "{text}");
        assert!(spec.fit_forecast(&y, 0, &[], None).expect_err(text).to_string().contains("h must be"));
        // A series the method refuses: its error, or the fallback's forecast.
        let bad = [1.0, -2.0, 3.0];
        assert!(spec.fit_forecast(&bad, 3, &[], None).expect_err(text).to_string().contains("y[1] = -2 is negative"));
        let chain = ModelSpec::parse(&format!("{text}|naive")).expect(text);
        let (label, f) = chain.fit_forecast(&bad, 3, &[], None).expect(text);
        assert_eq!((label, f.mean), (chain.fit(&bad, None).expect(text).label(), vec![3.0; 3]), "{text}");
    }
    let cancelled = std::sync::atomic::AtomicBool::new(true);
    let spec = ModelSpec::parse("croston|naive").expect("spec");
    assert_eq!(spec.fit_forecast(&y, 3, &[], Some(&cancelled)).expect_err("cancelled"), CoreError::Cancelled);
}

#[test]
fn the_forecast_that_checks_on_the_way_is_the_fits_and_refuses_what_the_fit_refuses() {
    let mut s = 5u64;
    let mut series: Vec<Vec<f64>> = [3usize, 4, 9, 37, 130, 263]
        .iter()
        .map(|&n| {
            (0..n)
                .map(|_| {
                    s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    if (s >> 61) < 5 { 0.0 } else { ((s >> 40) % 23) as f64 + 0.25 }
                })
                .collect()
        })
        .collect();
    series.extend([vec![0.0; 7], vec![4.0], vec![0.0, 0.0, 6.0], vec![2.0, 0.0, 0.0, 0.0], vec![-0.0, 3.0, 0.0, 1.0, 1.0]]);
    for text in ["croston", "croston(alpha=0.3)", "croston_optimized", "croston_sba", "tsb(0.1,0.1)", "adida", "imapa"] {
        let method = spec(text).expect(text);
        for y in &series {
            let want = method.fit(y).expect(text).mean;
            assert_eq!(method.forecast_mean(y).expect(text).to_bits(), want.to_bits(), "{text} {y:?}");
        }
        for bad in [vec![1.0, 0.0, -3.0], vec![0.0, f64::NAN], vec![2.0, f64::INFINITY, 0.0], vec![]] {
            let e = |r: CoreResult<f64>| r.expect_err(text).to_string();
            assert_eq!(e(method.forecast_mean(&bad)), e(method.fit(&bad).map(|f| f.mean)), "{text} {bad:?}");
        }
    }
}
