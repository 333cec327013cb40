//! The fitted benchmark method: what it forecasts from, its fitted values and residuals, and
//! its saved form.

use std::any::Any;
use std::sync::atomic::AtomicBool;

use super::{lag_walk, mean, Baseline};
use crate::engine::bytes::{Reader, Writer};
use crate::engine::{FittedModel, Forecast};
use crate::error::{invalid, CoreResult};

/// The baselines' code in a saved model's envelope.
pub const CODE: u16 = 2;

/// The version of the payload below.
const PAYLOAD_VERSION: u8 = 1;

/// What a method's intervals are made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Spread {
    /// `forecast.lagwalk`: the drift (0 without), its standard error, the residual mean
    /// square, and `lagwalk`'s sigma^2 (the model's `sigma2`).
    LagWalk { drift: f64, drift_se: f64, mse: f64, sigma2: f64 },
    /// `meanf`: the standard deviation of the observed values.
    Mean { sd: f64 },
    /// No intervals.
    None,
}

/// A fitted benchmark method.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineFit {
    pub(super) method: Baseline,
    /// What the forecasts repeat: the last lag values (lag walks), the mean, or the season means.
    pub(super) future: Vec<f64>,
    pub(super) spread: Spread,
    /// Observations, missing ones included.
    pub(super) n: usize,
    pub(super) fitted: Vec<f64>,
    pub(super) residuals: Vec<f64>,
}

impl BaselineFit {
    /// The method and its arguments.
    pub fn method(&self) -> Baseline {
        self.method
    }

    /// Decodes [`FittedModel::payload`], checking everything a fit would have produced.
    pub fn decode(payload: &[u8]) -> CoreResult<BaselineFit> {
        let mut r = Reader::new(payload, "baseline model");
        let version = r.u8()?;
        if version != PAYLOAD_VERSION {
            return invalid(format!("saved baseline model has version {version}; this library reads {PAYLOAD_VERSION}"));
        }
        let (kind, window, period) = (r.u8()?, r.u64()? as usize, r.u64()? as usize);
        let method = match kind {
            0 => Baseline::Naive,
            1 => Baseline::SeasonalNaive { period },
            2 => Baseline::Mean,
            3 => Baseline::Drift,
            4 => Baseline::WindowAverage { window },
            5 => Baseline::SeasonalWindowAverage { window, period },
            k => return invalid(format!("saved baseline model has an unknown method {k}")),
        };
        let spread = match r.u8()? {
            0 => Spread::LagWalk { drift: r.f64()?, drift_se: r.f64()?, mse: r.f64()?, sigma2: r.f64()? },
            1 => Spread::Mean { sd: r.f64()? },
            2 => Spread::None,
            k => return invalid(format!("saved baseline model has an unknown spread {k}")),
        };
        let n = r.u64()? as usize;
        let (future, fitted, residuals) = (r.f64s()?, r.f64s()?, r.f64s()?);
        r.end()?;
        let fit = BaselineFit { method, future, spread, n, fitted, residuals };
        fit.validate()?;
        Ok(fit)
    }

    fn validate(&self) -> CoreResult<()> {
        let expected_future = match (self.method, self.spread) {
            (Baseline::Naive | Baseline::Drift, Spread::LagWalk { .. }) => 1,
            (Baseline::SeasonalNaive { period }, Spread::LagWalk { .. }) if period >= 1 => period,
            (Baseline::Mean, Spread::Mean { .. }) => 1,
            (Baseline::WindowAverage { window }, Spread::None) if window >= 1 => 1,
            (Baseline::SeasonalWindowAverage { window, period }, Spread::None) if window >= 1 && period >= 1 => period,
            _ => return invalid("saved baseline model is corrupt: its method and intervals do not match"),
        };
        if self.future.len() != expected_future || self.fitted.len() != self.n || self.residuals.len() != self.n {
            return invalid("saved baseline model is corrupt: its lengths do not match its method");
        }
        if self.future.iter().any(|v| v.is_infinite()) {
            return invalid("saved baseline model is corrupt: an infinite forecast value");
        }
        Ok(())
    }

    fn method_code(&self) -> (u8, usize, usize) {
        match self.method {
            Baseline::Naive => (0, 0, 0),
            Baseline::SeasonalNaive { period } => (1, 0, period),
            Baseline::Mean => (2, 0, 0),
            Baseline::Drift => (3, 0, 0),
            Baseline::WindowAverage { window } => (4, window, 0),
            Baseline::SeasonalWindowAverage { window, period } => (5, window, period),
        }
    }
}

impl FittedModel for BaselineFit {
    fn code(&self) -> u16 {
        CODE
    }
    fn label(&self) -> String {
        self.method.label()
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        crate::engine::check_request(h, levels)?;
        Ok(match self.spread {
            Spread::LagWalk { drift, drift_se, mse, .. } => {
                let (mean, se) = lag_walk::forecast(&self.future, drift, drift_se, mse, h);
                Forecast::normal(mean, &se, levels)
            }
            Spread::Mean { sd } => Forecast::symmetric(vec![self.future[0]; h], levels, |level| {
                vec![mean::half_width(level, sd, self.n); h]
            }),
            Spread::None => Forecast::points((0..h).map(|i| self.future[i % self.future.len()]).collect(), levels),
        })
    }
    fn forward(&self, y: &[f64], _cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        // Nothing is estimated beyond what the method repeats from the data itself.
        Ok(Box::new(self.method.fit(y)?))
    }
    fn fitted(&self) -> Vec<f64> {
        self.fitted.clone()
    }
    fn residuals(&self) -> Vec<f64> {
        self.residuals.clone()
    }
    fn sigma2(&self) -> Option<f64> {
        match self.spread {
            Spread::LagWalk { sigma2, .. } => Some(sigma2),
            Spread::Mean { sd } => Some(sd * sd),
            Spread::None => None,
        }
    }
    fn fitted_bias_variance(&self) -> Option<f64> {
        match self.spread {
            // lagwalk passes var(res), which R computes as NA when any residual is missing
            // (the first lag always is): R's fitted values are then NA.
            Spread::LagWalk { .. } => Some(sample_variance(&self.residuals)),
            // meanf back-transforms its fitted values without adjustment.
            Spread::Mean { .. } | Spread::None => None,
        }
    }
    fn payload(&self) -> Vec<u8> {
        let (kind, window, period) = self.method_code();
        let mut w = Writer::new();
        w.u8(PAYLOAD_VERSION).u8(kind).u64(window as u64).u64(period as u64);
        match self.spread {
            Spread::LagWalk { drift, drift_se, mse, sigma2 } => w.u8(0).f64(drift).f64(drift_se).f64(mse).f64(sigma2),
            Spread::Mean { sd } => w.u8(1).f64(sd),
            Spread::None => w.u8(2),
        };
        w.u64(self.n as u64).f64s(&self.future).f64s(&self.fitted).f64s(&self.residuals);
        w.finish()
    }
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<Self>() + 8 * (self.future.capacity() + self.fitted.capacity() + self.residuals.capacity())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// R's `var(x)`: NaN when any value is missing.
fn sample_variance(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)
}
