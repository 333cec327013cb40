//! What every fitted model answers, whatever its family.

use std::any::Any;
use std::fmt::Debug;
use std::sync::atomic::AtomicBool;

use super::forecast::Forecast;
use crate::error::{invalid, CoreResult};

/// Likelihood-based criteria, for the families that define them (R's `logLik`, `AIC`,
/// `AICc`, `BIC` of the fit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Criteria {
    pub log_likelihood: f64,
    pub aic: f64,
    pub aicc: f64,
    pub bic: f64,
}

/// A fitted model of any family. Immutable once fitted, so `Send + Sync`: one model may
/// forecast on many threads at once.
pub trait FittedModel: Debug + Send + Sync + Any {
    /// The family's code in a saved model ([`crate::engine::envelope`]); each family defines
    /// its own, and `crate::catalog` maps codes back to decoders.
    fn code(&self) -> u16;

    /// The model as R prints it: `ARIMA(0,1,1)(0,1,1)[12]`, `Naive method`.
    fn label(&self) -> String;

    /// Point forecasts for steps 1..=h with central intervals at every level of `levels`
    /// (fractions in (0, 1)); bounds are NaN where the family has no interval.
    /// Arguments are checked by [`crate::engine::check_request`].
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast>;

    /// Names of the regressors whose future values [`forecast_xreg`](Self::forecast_xreg)
    /// needs, in the order it takes them (empty for a model without regressors, and for the
    /// terms a model builds itself, such as Fourier terms).
    fn regressor_names(&self) -> Vec<String> {
        Vec::new()
    }

    /// [`forecast`](Self::forecast) with the future values of the model's regressors:
    /// `future[j]` holds regressor j of [`regressor_names`](Self::regressor_names) at the `h`
    /// future times. A family without regressors takes only an empty `future`.
    fn forecast_xreg(&self, h: usize, levels: &[f64], future: &[Vec<f64>]) -> CoreResult<Forecast> {
        if !future.is_empty() {
            return invalid(format!("futureXreg: {} takes no regressors, got {} column(s)", self.label(), future.len()));
        }
        self.forecast(h, levels)
    }

    /// In-sample one-step fitted values, one per observation (NaN where there is none).
    fn fitted(&self) -> Vec<f64>;

    /// In-sample residuals (on the scale the model was fitted on), one per observation.
    fn residuals(&self) -> Vec<f64>;

    /// The variance of the one-step errors, where the family defines one.
    fn sigma2(&self) -> Option<f64> {
        None
    }

    /// The variance a Box-Cox bias adjustment of the fitted values uses, as the family's R
    /// function passes it to `InvBoxCox` (`None`: R does not adjust them).
    fn fitted_bias_variance(&self) -> Option<f64> {
        self.sigma2()
    }

    /// Log-likelihood and information criteria, where the family has a likelihood.
    fn criteria(&self) -> Option<Criteria> {
        None
    }

    /// The family's own encoding of the model; the envelope adds the code, version and
    /// checksum around it.
    fn payload(&self) -> Vec<u8>;

    /// Bytes of heap the model holds, for native-memory accounting.
    fn heap_bytes(&self) -> usize;

    /// The model a wrapper (a Box-Cox transform) wraps; `None` for a family's own model.
    fn inner(&self) -> Option<&dyn FittedModel> {
        None
    }

    /// This model's parameters, unchanged, carried over the series `y` (the data known at a
    /// later origin, e.g. a longer or shifted window of the series it was fitted on): what
    /// cross-validation without refitting forecasts from. ARIMA filters `y` with its
    /// coefficients and keeps its innovation variance (R's `Arima(y, model = fit)`); the
    /// baselines, which estimate nothing beyond the data they repeat, are the method applied
    /// to `y`; a Box-Cox model transforms `y` with its lambda and carries its inner model;
    /// ETS runs its recursion over `y` from its initial states (R's
    /// `ets(y, model = fit, use.initial.values = TRUE)`); Theta and the intermittent methods
    /// keep what they chose and compute the rest from `y` (each family's `forward` says what).
    /// A family that cannot says so (the default), and each such window fails alone.
    fn forward(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        let _ = (y, cancel);
        invalid(format!("{} cannot be carried forward over new data without refitting", self.label()))
    }

    /// For [`find`]: the concrete model behind the trait object.
    fn as_any(&self) -> &dyn Any;
}

/// The model of family type `T` inside `model`, looking through wrappers: how a family's own
/// accessors (ARIMA's coefficients) reach their model wherever it was fitted.
pub fn find<T: 'static>(model: &dyn FittedModel) -> Option<&T> {
    let mut current = model;
    loop {
        if let Some(found) = current.as_any().downcast_ref::<T>() {
            return Some(found);
        }
        current = current.inner()?;
    }
}
