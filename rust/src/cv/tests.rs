use std::sync::atomic::AtomicBool;

use super::run::{evaluate, evaluate_all};
use super::*;
use crate::batch::BatchControl;
use crate::catalog::ModelSpec;
use crate::engine::{FittedModel, Spec};
use crate::error::CoreError;

fn settings(h: usize, step: usize, windows: usize) -> Settings {
    Settings { h, step, windows, input_size: None, refit: Refit::Every(1), levels: vec![0.8, 0.95], period: 1 }
}

fn spec(text: &str) -> ModelSpec {
    ModelSpec::parse(text).expect("valid spec")
}

fn seasonal(n: usize) -> Vec<f64> {
    (0..n).map(|t| 50.0 + 0.3 * t as f64 + 8.0 * ((t % 12) as f64 * 0.52).sin() + ((t * 7919 % 17) as f64 - 8.0) * 0.7).collect()
}

#[test]
fn windows_end_with_the_series_step_apart() {
    let s = settings(3, 2, 3);
    let w = windows(20, &s).expect("fits");
    assert_eq!(w.iter().map(|w| (w.start, w.end)).collect::<Vec<_>>(), vec![(0, 13), (0, 15), (0, 17)]);
    let fixed = Settings { input_size: Some(5), ..s.clone() };
    let w = windows(20, &fixed).expect("fits");
    assert_eq!(w.iter().map(|w| (w.start, w.end)).collect::<Vec<_>>(), vec![(8, 13), (10, 15), (12, 17)]);
    // One training observation is the least a window needs.
    assert_eq!(windows(8, &s).expect("fits")[0], Window { start: 0, end: 1 });
    let e = windows(7, &s).expect_err("too short").to_string();
    assert!(e.contains("7 observations") && e.contains("3 windows of h = 3 every 2 steps") && e.contains("= 7"), "{e}");
}

#[test]
fn bad_settings_are_refused_by_name() {
    for (s, word) in [
        (settings(0, 1, 1), "h must be"),
        (settings(1, 0, 1), "step size"),
        (settings(1, 1, 0), "windows must"),
        (Settings { input_size: Some(0), ..settings(1, 1, 1) }, "input size"),
        (Settings { refit: Refit::Every(0), ..settings(1, 1, 1) }, "refit every"),
        (Settings { levels: vec![1.5], ..settings(1, 1, 1) }, "level"),
    ] {
        let e = s.check().expect_err(word).to_string();
        assert!(e.contains(word), "{e}");
    }
}

#[test]
fn each_window_is_the_fit_on_its_truncated_series() {
    let y = seasonal(84);
    let s = Settings { period: 12, input_size: None, ..settings(6, 4, 3) };
    let arima = spec("arima(1,0,0)(0,1,1)[12]");
    let naive = spec("naive");
    let specs: [&dyn Spec; 2] = [&arima, &naive];
    let cv = evaluate(&specs, &y, &s, None).expect("fits");
    let stride = 6 * 5;
    for (w, window) in cv.windows.iter().enumerate() {
        for (m, spec) in [&arima, &naive].into_iter().enumerate() {
            let own = spec.fit(&y[..window.end], None).expect("fits").forecast(6, &s.levels).expect("forecast").packed();
            assert_eq!(&cv.models[m].values[w * stride..(w + 1) * stride], own.as_slice(), "model {m} window {w}");
            assert!(cv.models[m].errors[w].is_none());
        }
        assert_eq!(cv.models[1].values[w * stride], y[window.end - 1]);
    }
}

#[test]
fn without_refit_the_first_model_is_carried_forward() {
    let y = seasonal(96);
    for (refit, fits) in [(Refit::Never, vec![0]), (Refit::Every(2), vec![0, 2])] {
        let s = Settings { refit, input_size: Some(60), ..settings(12, 6, 4) };
        let arima = spec("arima(0,1,1)(0,1,1)[12]");
        let cv = evaluate(&[&arima as &dyn Spec], &y, &s, None).expect("fits");
        let stride = 12 * 5;
        let mut model: Option<Box<dyn FittedModel>> = None;
        for (w, window) in cv.windows.iter().enumerate() {
            let train = &y[window.start..window.end];
            let expected = if fits.contains(&w) {
                model = Some(arima.fit(train, None).expect("fits"));
                model.as_ref().expect("fitted").forecast(12, &s.levels)
            } else {
                model.as_ref().expect("fitted").forward(train, None).expect("forward").forecast(12, &s.levels)
            };
            assert_eq!(&cv.models[0].values[w * stride..(w + 1) * stride], expected.expect("forecast").packed().as_slice());
        }
        // Carried forward, the coefficients are the first fit's: not what a refit gives.
        let last = cv.windows[3];
        let refit = arima.fit(&y[last.start..last.end], None).expect("fits").forecast(12, &[]).expect("f").mean;
        assert_ne!(cv.models[0].values[3 * stride..3 * stride + 12], refit[..]);
    }
}

/// Fails on training sets of even length: one window's failure.
struct FailsOnEven;

impl Spec for FailsOnEven {
    fn fit(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        if y.len().is_multiple_of(2) {
            Err(CoreError::Numerical(format!("even length {}", y.len())))
        } else {
            spec("mean").fit(y, cancel)
        }
    }
}

#[test]
fn a_failing_window_model_or_series_fails_alone() {
    let y = seasonal(40);
    let s = settings(2, 1, 3);
    let naive = spec("naive");
    let specs: [&dyn Spec; 2] = [&FailsOnEven, &naive];
    let cv = evaluate(&specs, &y, &s, None).expect("fits");
    // Training lengths 36, 37, 38.
    let failed: Vec<bool> = cv.models[0].errors.iter().map(Option::is_some).collect();
    assert_eq!(failed, vec![true, false, true]);
    assert!(cv.models[0].values[0].is_nan() && !cv.models[0].values[10].is_nan());
    assert!(cv.models[1].errors.iter().all(Option::is_none));
    let never = Settings { refit: Refit::Never, ..s.clone() };
    let cv = evaluate(&specs, &y, &never, None).expect("fits");
    let why = cv.models[0].errors[1].as_ref().expect("nothing to carry").to_string();
    assert!(why.contains("last fit failed") && why.contains("even length 36"), "{why}");
    let short = seasonal(4);
    let series: Vec<&[f64]> = vec![&y, &short, &y];
    let control = BatchControl::new(3, 2).expect("pool");
    let all = evaluate_all(&specs, &series, &s, &control);
    assert!(all[0].is_ok() && all[2].is_ok());
    assert!(all[1].as_ref().expect_err("too short").to_string().contains("4 observations"));
    // NaN marks the failed windows, so compare the printed form.
    assert_eq!(format!("{:?}", all[0]), format!("{:?}", all[2]));
    assert_eq!(control.progress().failed, 1);
}

#[test]
fn accuracy_pools_windows_with_each_windows_own_scale() {
    // Two windows of h = 2 forecast by naive: the errors are known by hand.
    let y = [1.0, 3.0, 2.0, 6.0, 4.0, 5.0];
    let s = Settings { levels: vec![], ..settings(2, 2, 2) };
    let cv = evaluate(&[&spec("naive") as &dyn Spec], &y, &s, None).expect("fits");
    // Window 0 trains on [1, 3] (scale 2), forecasts 3 for [2, 6]: errors -1, 3.
    // Window 1 trains on [1, 3, 2, 6] (abs diffs 2, 1, 4: scale 7/3), forecasts 6 for [4, 5].
    let a = &cv.models[0].accuracy;
    assert_eq!(a.bias, (-1.0 + 3.0 - 2.0 - 1.0) / 4.0);
    assert_eq!(a.mae, 7.0 / 4.0);
    assert!((a.rmse - (15.0f64 / 4.0).sqrt()).abs() < 1e-15);
    let mase = (1.0 / 2.0 + 3.0 / 2.0 + 2.0 / (7.0 / 3.0) + 1.0 / (7.0 / 3.0)) / 4.0;
    assert!((a.mase - mase).abs() < 1e-15, "{}", a.mase);
    let rmsse = ((1.0 / 4.0 + 9.0 / 4.0 + 4.0 / 7.0 + 1.0 / 7.0) / 4.0f64).sqrt();
    assert!((a.rmsse - rmsse).abs() < 1e-15, "{}", a.rmsse);
    let smape = (200.0 / 5.0 + 600.0 / 9.0 + 400.0 / 10.0 + 200.0 / 11.0) / 4.0;
    assert!((a.smape - smape).abs() < 1e-12, "{}", a.smape);
}

#[test]
fn coverage_and_msis_read_each_level() {
    let y = seasonal(60);
    let s = settings(4, 4, 3);
    let cv = evaluate(&[&spec("naive") as &dyn Spec], &y, &s, None).expect("fits");
    let m = &cv.models[0];
    let (mut inside, mut n) = ([0usize; 2], 0);
    for (w, window) in cv.windows.iter().enumerate() {
        for i in 0..4 {
            let a = y[window.end + i];
            n += 1;
            for (k, count) in inside.iter_mut().enumerate() {
                let (lo, up) = (m.values[w * 20 + (1 + 2 * k) * 4 + i], m.values[w * 20 + (2 + 2 * k) * 4 + i]);
                *count += usize::from(a >= lo && a <= up);
            }
        }
    }
    assert_eq!(m.accuracy.coverage, vec![inside[0] as f64 / n as f64, inside[1] as f64 / n as f64]);
    assert!(m.accuracy.msis.iter().all(|v| v.is_finite() && *v > 0.0));
    assert!(m.accuracy.coverage[1] >= m.accuracy.coverage[0]);
}

#[test]
fn a_baseline_carried_forward_is_the_method_on_the_new_data() {
    let y = seasonal(50);
    let every = Settings { period: 12, ..settings(5, 3, 4) };
    let never = Settings { refit: Refit::Never, ..every.clone() };
    for text in ["naive", "snaive[12]", "drift(lambda=0.5)", "mean(lambda=0)", "window_average(4)"] {
        let spec = spec(text);
        let a = evaluate(&[&spec as &dyn Spec], &y, &every, None).expect("fits");
        let b = evaluate(&[&spec as &dyn Spec], &y, &never, None).expect("fits");
        assert_eq!(format!("{:?}", a.models[0].values), format!("{:?}", b.models[0].values), "{text}");
    }
    // Guerrero's lambda is estimated: carried forward it stays the first window's.
    let auto = spec("mean(lambda=auto)");
    let a = evaluate(&[&auto as &dyn Spec], &y, &every, None).expect("fits");
    let b = evaluate(&[&auto as &dyn Spec], &y, &never, None).expect("fits");
    assert_eq!(a.models[0].values[..5], b.models[0].values[..5]);
    assert_ne!(a.models[0].values[15..], b.models[0].values[15..]);
}

#[test]
fn every_family_that_keeps_its_parameters_is_carried_forward_without_refit() {
    let y = seasonal(96);
    let s = Settings { refit: Refit::Never, ..settings(12, 6, 4) };
    let stride = 12 * 5;
    for text in ["ets(M,Ad,M)[12]", "auto_ets[12]", "theta_optimized[12]", "auto_theta[12]", "theta[12]", "croston_optimized", "tsb(0.2,0.3)"] {
        let model_spec = spec(text);
        let cv = evaluate(&[&model_spec as &dyn Spec], &y, &s, None).expect(text);
        assert!(cv.models[0].errors.iter().all(Option::is_none), "{text}: {:?}", cv.models[0].errors);
        let first = &cv.windows[0];
        let model = model_spec.fit(&y[first.start..first.end], None).expect(text);
        for (w, window) in cv.windows.iter().enumerate() {
            let expected = if w == 0 { model.forecast(12, &s.levels) } else { model.forward(&y[window.start..window.end], None).expect(text).forecast(12, &s.levels) };
            let got = &cv.models[0].values[w * stride..(w + 1) * stride];
            assert_eq!(format!("{got:?}"), format!("{:?}", expected.expect(text).packed()), "{text} window {w}");
        }
    }
    // ADIDA keeps neither its block length nor its alpha: its later windows fail alone.
    let adida = spec("adida");
    let cv = evaluate(&[&adida as &dyn Spec], &y, &s, None).expect("adida");
    assert!(cv.models[0].errors[0].is_none());
    let why = cv.models[0].errors[1].as_ref().expect("not carried").to_string();
    assert!(why.contains("cannot be carried forward"), "{why}");
}
