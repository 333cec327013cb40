//! A fitted Theta model: the last state, the parameters, the seasonal indices of the future,
//! in-sample values, and its saved form.

use std::any::Any;

use super::decompose::Adjustment;
use super::fit::Candidate;
use super::pegels::{self, Kind, Params, State};
use super::ThetaSpec;
use crate::engine::bytes::{Reader, Writer};
use crate::engine::{FittedModel, Forecast};
use crate::error::{invalid, CoreResult};

/// The Theta family's code in a saved model's envelope.
pub const CODE: u16 = 4;

const PAYLOAD_VERSION: u8 = 1;

/// A fitted Theta model.
#[derive(Debug, Clone, PartialEq)]
pub struct ThetaFit {
    spec: ThetaSpec,
    kind: Kind,
    params: Params,
    /// statsforecast's selection objective (its `mse`).
    objective: f64,
    adjustment: Adjustment,
    /// The seasonal index of future steps 1..=m (empty without adjustment).
    season: Vec<f64>,
    last: State,
    n: usize,
    fitted: Vec<f64>,
    residuals: Vec<f64>,
}

impl ThetaFit {
    pub(super) fn new(spec: ThetaSpec, best: Candidate, adjustment: Adjustment, seasonal: &[f64], y: &[f64]) -> ThetaFit {
        let n = y.len();
        // statsforecast puts the season back into the residuals; fitted = y - residuals.
        let residuals: Vec<f64> = match adjustment {
            Adjustment::None => best.pass.errors.clone(),
            Adjustment::Multiplicative => best.pass.errors.iter().zip(seasonal).map(|(e, s)| e * s).collect(),
            Adjustment::Additive => best.pass.errors.iter().zip(seasonal).map(|(e, s)| e + s).collect(),
        };
        let fitted = y.iter().zip(&residuals).map(|(v, e)| v - e).collect();
        let m = spec.period;
        let season = if adjustment == Adjustment::None { Vec::new() } else { seasonal[n - m..].to_vec() };
        let last = *best.pass.states.last().expect("a fit has states");
        ThetaFit {
            spec,
            kind: best.kind,
            params: best.params,
            objective: best.pass.objective,
            adjustment,
            season,
            last,
            n,
            fitted,
            residuals,
        }
    }

    /// The model type fitted (AutoTheta's choice).
    pub fn kind(&self) -> Kind {
        self.kind
    }
    /// The initial smoothed level, alpha and theta.
    pub fn params(&self) -> Params {
        self.params
    }
    /// statsforecast's selection objective (its `mse`).
    pub fn objective(&self) -> f64 {
        self.objective
    }
    /// How the series was seasonally adjusted.
    pub fn adjustment(&self) -> Adjustment {
        self.adjustment
    }

    /// This model over `y` as statsforecast's `forward` carries it: the seasonal test and
    /// decomposition are done again on `y` (they describe the data, not the model), and the
    /// model type, initial level, alpha and theta are kept: the filter runs over the adjusted
    /// `y` with them. The standard and optimised models' trend line is the least-squares line
    /// of the adjusted `y`, as their fit takes it (statsforecast computes it from the data in
    /// `forward` too); the dynamic ones update theirs step by step.
    pub fn forward(&self, y: &[f64]) -> CoreResult<ThetaFit> {
        self.spec.check(y)?;
        let (adjustment, seasonal, adjusted) = self.spec.adjust(y);
        let pass = pegels::filter(&pegels::Prepared::new(&adjusted), self.kind, self.params);
        if pass.objective.is_nan() {
            return Err(crate::error::CoreError::Numerical(format!("{}: the filter stopped on the new data", self.spec.name())));
        }
        Ok(ThetaFit::new(self.spec, Candidate { kind: self.kind, params: self.params, pass }, adjustment, &seasonal, y))
    }

    /// Decodes [`FittedModel::payload`], checking everything a fit would have produced.
    pub fn decode(payload: &[u8]) -> CoreResult<ThetaFit> {
        let mut r = Reader::new(payload, "Theta model");
        let version = r.u8()?;
        if version != PAYLOAD_VERSION {
            return invalid(format!("saved Theta model has version {version}; this library reads {PAYLOAD_VERSION}"));
        }
        let kind_of = |k: u8| match k {
            0 => Some(Kind::Stm),
            1 => Some(Kind::Otm),
            2 => Some(Kind::Dstm),
            3 => Some(Kind::Dotm),
            _ => None,
        };
        let (spec_kind, kind, period) = (r.u8()?, r.u8()?, r.u64()? as usize);
        let spec_kind = match (spec_kind, kind_of(spec_kind)) {
            (4, _) => None,
            (_, Some(k)) => Some(k),
            _ => return corrupt("unknown model type"),
        };
        let Some(kind) = kind_of(kind) else { return corrupt("unknown model type") };
        let params = Params { level: r.f64()?, alpha: r.f64()?, theta: r.f64()? };
        let objective = r.f64()?;
        let adjustment = match r.u8()? {
            0 => Adjustment::None,
            1 => Adjustment::Multiplicative,
            2 => Adjustment::Additive,
            _ => return corrupt("unknown seasonal adjustment"),
        };
        let season = r.f64s()?;
        let mut last = [0.0; 5];
        for v in &mut last {
            *v = r.f64()?;
        }
        let n = r.u64()? as usize;
        let (fitted, residuals) = (r.f64s()?, r.f64s()?);
        r.end()?;
        let spec = ThetaSpec { kind: spec_kind, period: period.max(1) };
        if period == 0 || spec_kind.is_some_and(|k| k != kind) {
            return corrupt("its model does not match its specification");
        }
        let season_ok = match adjustment {
            Adjustment::None => season.is_empty(),
            _ => season.len() == period && season.iter().all(|v| v.is_finite()),
        };
        if !season_ok || n < 4 || fitted.len() != n || residuals.len() != n {
            return corrupt("its lengths do not match");
        }
        let finite = [params.level, params.alpha, params.theta].iter().chain(&last).all(|v| v.is_finite());
        if !finite || !(0.1..=0.99).contains(&params.alpha) || params.theta < 1.0 {
            return corrupt("a parameter or state is out of range");
        }
        Ok(ThetaFit { spec, kind, params, objective, adjustment, season, last, n, fitted, residuals })
    }
}

fn corrupt<T>(what: &str) -> CoreResult<T> {
    invalid(format!("saved Theta model is corrupt: {what}"))
}

fn kind_code(kind: Option<Kind>) -> u8 {
    match kind {
        Some(Kind::Stm) => 0,
        Some(Kind::Otm) => 1,
        Some(Kind::Dstm) => 2,
        Some(Kind::Dotm) => 3,
        None => 4,
    }
}

impl FittedModel for ThetaFit {
    fn code(&self) -> u16 {
        CODE
    }
    fn label(&self) -> String {
        let name = if self.spec.kind.is_none() { "AutoTheta" } else { "Theta" };
        format!("{name}({})", self.kind.name())
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        crate::engine::check_request(h, levels)?;
        let mut mean = vec![0.0; h];
        pegels::forecast_from(&self.last, self.n, self.kind, self.params, &mut mean);
        for (j, f) in mean.iter_mut().enumerate() {
            match self.adjustment {
                Adjustment::None => {}
                Adjustment::Multiplicative => *f *= self.season[j % self.season.len()],
                Adjustment::Additive => *f += self.season[j % self.season.len()],
            }
        }
        Ok(Forecast::points(mean, levels))
    }
    fn forward(&self, y: &[f64], _cancel: Option<&std::sync::atomic::AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        Ok(Box::new(ThetaFit::forward(self, y)?))
    }
    fn fitted(&self) -> Vec<f64> {
        self.fitted.clone()
    }
    fn residuals(&self) -> Vec<f64> {
        self.residuals.clone()
    }
    fn payload(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(PAYLOAD_VERSION).u8(kind_code(self.spec.kind)).u8(kind_code(Some(self.kind))).u64(self.spec.period as u64);
        w.f64(self.params.level).f64(self.params.alpha).f64(self.params.theta).f64(self.objective);
        w.u8(match self.adjustment {
            Adjustment::None => 0,
            Adjustment::Multiplicative => 1,
            Adjustment::Additive => 2,
        });
        w.f64s(&self.season);
        for v in self.last {
            w.f64(v);
        }
        w.u64(self.n as u64).f64s(&self.fitted).f64s(&self.residuals);
        w.finish()
    }
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<Self>() + 8 * (self.season.capacity() + self.fitted.capacity() + self.residuals.capacity())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
