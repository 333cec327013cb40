//! The batch verbs every family gets: fit many series and keep the models, or fit and
//! forecast them without keeping anything (the path for millions of series), on a batch's
//! private pool ([`crate::batch`]): one series that fails never fails the others.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use super::fitted::FittedModel;
use super::forecast::{check_request, Forecast};
use crate::batch::{self, BatchControl};
use crate::error::CoreResult;

/// Something that fits one series: a model specification of any family.
pub trait Spec: Sync {
    /// Fits `y` (NaN = missing, as the family allows), stopping with `Cancelled` soon after
    /// `cancel` is set.
    fn fit(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>>;

    /// Fits `y` and forecasts `h` steps, keeping only the model's label and its forecast (the
    /// work of [`forecast_all`] for one series). A family may skip what only a kept model
    /// needs; the forecast is the fitted model's.
    fn fit_forecast(&self, y: &[f64], h: usize, levels: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<(String, Forecast)> {
        let model = self.fit(y, cancel)?;
        Ok((model.label(), model.forecast(h, levels)?))
    }
}

/// Fits every series under `control`; results in input order. May be called once per chunk
/// of a large input with the same control.
pub fn fit_all(spec: &impl Spec, series: &[&[f64]], control: &BatchControl) -> Vec<CoreResult<Arc<dyn FittedModel>>> {
    batch::run(series.len(), control, |i, cancel| spec.fit(series[i], Some(cancel)).map(Arc::from))
}

/// Fits and forecasts every series under `control`, keeping only each model's label and its
/// forecast. A request outside the rules ([`check_request`]) fails every series with the same
/// error.
pub fn forecast_all(
    spec: &impl Spec,
    series: &[&[f64]],
    h: usize,
    levels: &[f64],
    control: &BatchControl,
) -> Vec<CoreResult<(String, Forecast)>> {
    if let Err(e) = check_request(h, levels) {
        return series.iter().map(|_| Err(e.clone())).collect();
    }
    batch::run(series.len(), control, |i, cancel| spec.fit_forecast(series[i], h, levels, Some(cancel)))
}
