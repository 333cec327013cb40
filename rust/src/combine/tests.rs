use crate::catalog::{decode, ModelSpec};
use crate::cv::run::evaluate;
use crate::engine::{envelope, Spec};

fn seasonal(n: usize) -> Vec<f64> {
    (0..n).map(|t| 50.0 + 0.3 * t as f64 + 8.0 * ((t % 12) as f64 * 0.52).sin() + ((t * 7919 % 17) as f64 - 8.0) * 0.7).collect()
}

fn spec(text: &str) -> ModelSpec {
    ModelSpec::parse(text).expect(text)
}

#[test]
fn texts_round_trip_and_existing_forms_are_unchanged() {
    for text in [
        "best_of(auto_arima[12],snaive[12];by=mase,h=12,windows=3,step=12)",
        "best_of(naive,drift(lambda=0.5);by=smape,h=4,windows=1,step=2)",
        "mean_of(naive,drift)",
        "median_of(naive,mean,arima(0,1,1)(0,1,1)[12])",
        "conformal(naive;h=6,windows=3)",
        "conformal(mean_of(naive,snaive[12]);h=12,windows=2)|naive",
        "auto_arima[12]|snaive[12]|naive",
    ] {
        let s = spec(text);
        assert_eq!(s.to_string(), text);
        assert_eq!(spec(&s.to_string()), s);
    }
    let spaced = spec("best_of(auto_arima, snaive[12]; by = mase, h = 12, windows = 3)");
    assert_eq!(spaced.to_string(), "best_of(auto_arima,snaive[12];by=mase,h=12,windows=3,step=12)");
    assert_eq!(spaced.period(), 12);
}

#[test]
fn ill_formed_combinators_name_what_is_wrong() {
    let e = |t: &str| ModelSpec::parse(t).expect_err(t).to_string();
    assert!(e("best_of(naive, mean)").contains("best_of needs h="));
    assert!(e("best_of(naive; h=3, by=mape)").contains("by must be one of mae, rmse, mase, rmsse, smape"));
    assert!(e("best_of(naive; h=0)").contains("h must be >= 1"));
    assert!(e("conformal(naive, mean)").contains("conformal takes one model"));
    assert!(e("conformal(naive; windows=1)").contains("windows >= 2"));
    assert!(e("mean_of(naive; h=3)").contains("takes no option 'h'"));
    assert!(e("mean_of(naive, no_such_model)").contains("unknown model 'no_such_model'"));
    assert!(e("mean_of()").contains("expected a model name"));
    assert!(e("naive(mean)").contains("takes no argument"));
}

#[test]
fn best_of_fits_the_member_with_the_best_cross_validated_score() {
    let y = seasonal(96);
    for by in ["mase", "rmse", "smape"] {
        let best = spec(&format!("best_of(naive, snaive[12], mean, drift; by={by}, h=6, windows=3)"));
        let members = ["naive", "snaive[12]", "mean", "drift"].map(spec);
        let refs: Vec<&dyn Spec> = members.iter().map(|m| m as &dyn Spec).collect();
        let settings = crate::cv::Settings {
            h: 6,
            step: 6,
            windows: 3,
            input_size: None,
            refit: crate::cv::Refit::Every(1),
            levels: vec![],
            period: 12,
        };
        let cv = evaluate(&refs, &y, &settings, None).expect("fits");
        let score = |m: &crate::cv::accuracy::Measures| match by {
            "mase" => m.mase,
            "rmse" => m.rmse,
            _ => m.smape,
        };
        let scores: Vec<f64> = cv.models.iter().map(|m| score(&m.accuracy)).collect();
        let chosen = (0..4).min_by(|&a, &b| scores[a].total_cmp(&scores[b])).expect("four");
        let model = best.fit(&y, None).expect("fits");
        let own = members[chosen].fit(&y, None).expect("fits");
        assert_eq!(model.label(), own.label(), "{by}: scores {scores:?}");
        assert_eq!(model.forecast(12, &[0.9]).expect("f"), own.forecast(12, &[0.9]).expect("f"));
    }
    // Too short for its windows: the series fails, naming the sizes.
    let e = spec("best_of(naive, mean; h=6, windows=3)").fit(&y[..18], None).expect_err("short").to_string();
    assert!(e.contains("best_of") && e.contains("18 observations"), "{e}");
}

#[test]
fn mean_and_median_combine_the_members_step_by_step() {
    let y = seasonal(60);
    let members = ["naive", "snaive[12]", "drift"].map(spec);
    let forecasts: Vec<_> = members.iter().map(|m| m.fit(&y, None).expect("fits").forecast(8, &[0.8]).expect("f")).collect();
    let mean = spec("mean_of(naive, snaive[12], drift)").fit(&y, None).expect("fits");
    let median = spec("median_of(naive, snaive[12], drift)").fit(&y, None).expect("fits");
    let (fm, fd) = (mean.forecast(8, &[0.8]).expect("f"), median.forecast(8, &[0.8]).expect("f"));
    for i in 0..8 {
        let mut at: Vec<f64> = forecasts.iter().map(|f| f.mean[i]).collect();
        assert!((fm.mean[i] - at.iter().sum::<f64>() / 3.0).abs() < 1e-12);
        let lower: f64 = forecasts.iter().map(|f| f.lower[0][i]).sum::<f64>() / 3.0;
        assert!((fm.lower[0][i] - lower).abs() < 1e-12);
        at.sort_by(f64::total_cmp);
        assert_eq!(fd.mean[i], at[1]);
    }
    assert_eq!(mean.label(), "Mean of (Naive method, Seasonal naive method, Random walk with drift)");
    let residuals = mean.residuals();
    let fitted = mean.fitted();
    assert!((residuals[30] - (y[30] - fitted[30])).abs() < 1e-12);
    // Saved and read back, the combination forecasts the same.
    let back = decode(&envelope::wrap(mean.as_ref())).expect("decodes");
    assert_eq!(back.forecast(8, &[0.8]).expect("f"), fm);
    assert_eq!(format!("{:?}", back.residuals()), format!("{residuals:?}"));
    // A member that fails fails the combination, named.
    let e = spec("mean_of(naive, arima(3,1,3))").fit(&y[..6], None).expect_err("too short").to_string();
    assert!(e.contains("mean_of model 2"), "{e}");
}

#[test]
fn conformal_intervals_come_from_the_members_window_errors() {
    let y = seasonal(40);
    let model = spec("conformal(naive; h=4, windows=3)").fit(&y, None).expect("fits");
    let f = model.forecast(4, &[0.5, 0.9]).expect("f");
    let last = y[39];
    // Windows end at 28, 32, 36: naive's absolute errors at step i.
    for i in 0..4 {
        let mut scores: Vec<f64> = [28, 32, 36]
            .iter()
            .flat_map(|&end| {
                let e = (y[end - 1] - y[end + i]).abs();
                [last - e, last + e]
            })
            .collect();
        scores.sort_by(f64::total_cmp);
        // numpy's linear quantile of six values at 0.05: position 0.25.
        let lo90 = scores[0] + 0.25 * (scores[1] - scores[0]);
        assert!((f.lower[1][i] - lo90).abs() < 1e-12, "step {i}");
        assert_eq!(f.mean[i], last);
        assert!(f.lower[0][i] >= f.lower[1][i] && f.upper[0][i] <= f.upper[1][i]);
    }
    assert!(model.forecast(5, &[0.9]).expect_err("beyond h").to_string().contains("at most 4"));
    let back = decode(&envelope::wrap(model.as_ref())).expect("decodes");
    assert_eq!(back.forecast(4, &[0.5, 0.9]).expect("f"), f);
    let e = spec("conformal(naive; h=10, windows=3)").fit(&y[..20], None).expect_err("short").to_string();
    assert!(e.contains("20 observations") && e.contains("2 * h + 1 = 21"), "{e}");
    // A short series uses the windows that fit: (21 - 1) / 10 = 2.
    assert!(spec("conformal(naive; h=10, windows=3)").fit(&y[..21], None).is_ok());
}
