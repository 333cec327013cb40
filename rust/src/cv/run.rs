//! The forecasts of every spec in every window of a series, and of many series at once.

use std::sync::atomic::AtomicBool;

use super::accuracy::{self, Measures};
use super::{windows, Settings, Window};
use crate::batch::{self, BatchControl};
use crate::engine::{FittedModel, Spec};
use crate::error::{CoreError, CoreResult};

/// One spec's forecasts over the windows of one series.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelWindows {
    /// Window w's forecast at `w * stride` (`stride = h * (1 + 2 * levels)`): the mean, then
    /// for each level its lower and upper bounds, h values each; NaN where the window failed.
    pub values: Vec<f64>,
    /// Window w's error, `None` where it has a forecast.
    pub errors: Vec<Option<CoreError>>,
    /// The errors of these forecasts over the series.
    pub accuracy: Measures,
}

/// Every spec's forecasts over the windows of one series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesCv {
    pub windows: Vec<Window>,
    /// In the order of the specs.
    pub models: Vec<ModelWindows>,
}

/// Cross-validates every spec on `y`. Errors: the series' windows do not fit (`windows`'s
/// message), or the run was cancelled; any other failure is one window's of one spec.
pub fn evaluate(specs: &[&dyn Spec], y: &[f64], s: &Settings, cancel: Option<&AtomicBool>) -> CoreResult<SeriesCv> {
    s.check()?;
    let windows = windows(y.len(), s)?;
    let models = specs
        .iter()
        .map(|spec| evaluate_one(*spec, y, &windows, s, cancel))
        .collect::<CoreResult<Vec<_>>>()?;
    Ok(SeriesCv { windows, models })
}

/// [`evaluate`] for every series under `control`; results in input order. A settings error
/// fails every series with the same message.
pub fn evaluate_all(specs: &[&dyn Spec], series: &[&[f64]], s: &Settings, control: &BatchControl) -> Vec<CoreResult<SeriesCv>> {
    if let Err(e) = s.check() {
        return series.iter().map(|_| Err(e.clone())).collect();
    }
    batch::run(series.len(), control, |i, cancel| evaluate(specs, series[i], s, Some(cancel)))
}

fn evaluate_one(spec: &dyn Spec, y: &[f64], windows: &[Window], s: &Settings, cancel: Option<&AtomicBool>) -> CoreResult<ModelWindows> {
    let stride = s.h * (1 + 2 * s.levels.len());
    let mut values = vec![f64::NAN; windows.len() * stride];
    let mut errors = Vec::with_capacity(windows.len());
    // The last fit, or why it failed: what the windows that do not refit carry forward.
    let mut fitted: Result<Box<dyn FittedModel>, CoreError> = Err(CoreError::Numerical("no model was fitted".into()));
    for (w, window) in windows.iter().enumerate() {
        let train = &y[window.start..window.end];
        let model = if s.refits(w) {
            fitted = spec.fit(train, cancel);
            fitted.as_ref().map(|_| None).map_err(Clone::clone)
        } else {
            match &fitted {
                Ok(m) => m.forward(train, cancel).map(Some),
                Err(e) => Err(CoreError::InvalidArgument(format!("no model to carry forward: the last fit failed: {e}"))),
            }
        };
        let forecast = model.and_then(|carried| {
            let m: &dyn FittedModel = match &carried {
                Some(m) => m.as_ref(),
                None => fitted.as_ref().expect("the fit succeeded").as_ref(),
            };
            m.forecast(s.h, &s.levels)
        });
        if matches!(forecast, Err(CoreError::Cancelled)) {
            return Err(CoreError::Cancelled);
        }
        match forecast {
            Ok(f) => {
                values[w * stride..(w + 1) * stride].copy_from_slice(&f.packed());
                errors.push(None);
            }
            Err(e) => errors.push(Some(e)),
        }
    }
    let accuracy = accuracy::measure(y, windows, &values, s);
    Ok(ModelWindows { values, errors, accuracy })
}
