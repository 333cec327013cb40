//! A fitted intermittent-demand method: its one forecast value, its in-sample values and its
//! saved form. These methods have no likelihood, so no intervals: every bound is NaN.

use std::any::Any;

use super::{ses, Intermittent};
use crate::engine::bytes::{Reader, Writer};
use crate::engine::{FittedModel, Forecast};
use crate::error::{invalid, CoreResult};

/// The intermittent methods' code in a saved model's envelope.
pub const CODE: u16 = 5;

/// The version of the payload below.
const PAYLOAD_VERSION: u8 = 1;

/// A fitted intermittent-demand method.
#[derive(Debug, Clone, PartialEq)]
pub struct IntermittentFit {
    pub(super) method: Intermittent,
    /// The forecast of every future period.
    pub(super) mean: f64,
    /// The series: the fitted values are computed from it when asked for (for some methods
    /// they cost O(n²), which a forecast should not pay).
    pub(super) y: Vec<f64>,
    /// `croston_optimized`: the smoothing parameters chosen for the sizes and the intervals.
    pub(super) alphas: Option<(f64, f64)>,
}

impl IntermittentFit {
    /// The method and its arguments.
    pub fn method(&self) -> Intermittent {
        self.method
    }

    /// The forecast of every future period.
    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// For `croston_optimized`: the smoothing parameters statsforecast's search chose for the
    /// demand sizes and for the intervals between demands (`None` with no demand, and for the
    /// methods with fixed parameters).
    pub fn optimised_alphas(&self) -> Option<(f64, f64)> {
        self.alphas
    }

    /// This method over `y` without choosing anything again. Croston, SBA and TSB estimate
    /// nothing (their smoothing parameters are the spec's): the method on `y`.
    /// `croston_optimized` smooths the sizes and intervals of `y` with the two alphas it chose.
    /// ADIDA and IMAPA keep neither their block lengths nor their SES alphas, so they refuse.
    pub fn forward(&self, y: &[f64]) -> CoreResult<IntermittentFit> {
        match self.method {
            Intermittent::Croston { .. } | Intermittent::CrostonSba | Intermittent::Tsb { .. } => self.method.fit(y),
            Intermittent::CrostonOptimized => {
                let Some((alpha_demand, alpha_interval)) = self.alphas else {
                    return invalid("croston_optimized chose no smoothing parameters (its series had no demand): nothing to carry forward");
                };
                self.method.check_series(y)?;
                let demand = ses::demand(y);
                let mean = if demand.is_empty() {
                    0.0
                } else {
                    let size = ses::forecast(&demand, alpha_demand);
                    let interval = ses::forecast(&ses::intervals(y), alpha_interval);
                    // As the fit: a zero interval (never, for a series with demand) is not divided by.
                    if interval != 0.0 { size / interval } else { size }
                };
                Ok(IntermittentFit { method: self.method, mean, y: y.to_vec(), alphas: self.alphas })
            }
            Intermittent::Adida | Intermittent::Imapa => invalid(format!(
                "{} chooses its block length and smoothing parameter from the data and keeps neither: it cannot be carried forward without refitting",
                self.method.name()
            )),
        }
    }

    /// Decodes [`FittedModel::payload`], checking everything a fit would have produced.
    pub fn decode(payload: &[u8]) -> CoreResult<IntermittentFit> {
        let mut r = Reader::new(payload, "intermittent-demand model");
        let version = r.u8()?;
        if version != PAYLOAD_VERSION {
            return invalid(format!(
                "saved intermittent-demand model has version {version}; this library reads {PAYLOAD_VERSION}"
            ));
        }
        let (kind, a, b) = (r.u8()?, r.f64()?, r.f64()?);
        let method = match kind {
            0 => Intermittent::Croston { alpha: a },
            1 => Intermittent::CrostonOptimized,
            2 => Intermittent::CrostonSba,
            3 => Intermittent::Tsb { alpha_demand: a, alpha_probability: b },
            4 => Intermittent::Adida,
            5 => Intermittent::Imapa,
            k => return invalid(format!("saved intermittent-demand model has an unknown method {k}")),
        };
        method.check()?;
        let mean = r.f64()?;
        let alphas = match r.u8()? {
            0 => None,
            1 => Some((r.f64()?, r.f64()?)),
            k => return invalid(format!("saved intermittent-demand model has an unknown parameter flag {k}")),
        };
        let y = r.f64s()?;
        r.end()?;
        let corrupt = |what: &str| invalid(format!("saved intermittent-demand model is corrupt: {what}"));
        if !(mean.is_finite() && mean >= 0.0) {
            return corrupt("its forecast is not a finite value >= 0");
        }
        if y.is_empty() || y.iter().any(|v| !(v.is_finite() && *v >= 0.0)) {
            return corrupt("its series is empty or holds a value that is not demand");
        }
        let in_bounds = |x: f64| (0.1..=0.3).contains(&x);
        if alphas.is_some_and(|(x, y)| method != Intermittent::CrostonOptimized || !in_bounds(x) || !in_bounds(y)) {
            return corrupt("its smoothing parameters do not fit its method");
        }
        Ok(IntermittentFit { method, mean, y, alphas })
    }

    fn method_code(&self) -> (u8, f64, f64) {
        match self.method {
            Intermittent::Croston { alpha } => (0, alpha, 0.0),
            Intermittent::CrostonOptimized => (1, 0.0, 0.0),
            Intermittent::CrostonSba => (2, 0.0, 0.0),
            Intermittent::Tsb { alpha_demand, alpha_probability } => (3, alpha_demand, alpha_probability),
            Intermittent::Adida => (4, 0.0, 0.0),
            Intermittent::Imapa => (5, 0.0, 0.0),
        }
    }
}

impl FittedModel for IntermittentFit {
    fn code(&self) -> u16 {
        CODE
    }
    fn label(&self) -> String {
        self.method.label()
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        crate::engine::check_request(h, levels)?;
        Ok(Forecast::points(vec![self.mean; h], levels))
    }
    fn forward(&self, y: &[f64], _cancel: Option<&std::sync::atomic::AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        Ok(Box::new(IntermittentFit::forward(self, y)?))
    }
    fn fitted(&self) -> Vec<f64> {
        self.method.run(&self.y, true).fitted
    }
    fn residuals(&self) -> Vec<f64> {
        self.y.iter().zip(self.fitted()).map(|(v, f)| v - f).collect()
    }
    fn payload(&self) -> Vec<u8> {
        let (kind, a, b) = self.method_code();
        let mut w = Writer::new();
        w.u8(PAYLOAD_VERSION).u8(kind).f64(a).f64(b).f64(self.mean);
        match self.alphas {
            Some((x, y)) => w.u8(1).f64(x).f64(y),
            None => w.u8(0),
        };
        w.f64s(&self.y);
        w.finish()
    }
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<Self>() + 8 * self.y.capacity()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
