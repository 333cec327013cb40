//! The fitted ETS model the engine holds: what its forecasts start from, its in-sample
//! values over the whole input (NaN outside the stretch R's `na.contiguous` kept), its
//! criteria, and its saved form with a decoder that checks everything it reads.

use std::any::Any;

use super::forecast::{mean_var, Origin};
use super::form::{Component, Form};
use super::params::Values;
use super::recursion::point_forecasts;
use super::select::{Selected, HIGH_FREQUENCY_NOTE, MISSING_NOTE};
use super::simulate::simulated_bounds;
use super::tiny::{HOLT_WINTERS_NOTE, TINY_NOTES};
use crate::engine::bytes::{Reader, Writer};
use crate::engine::{Criteria, FittedModel, Forecast};
use crate::error::{invalid, CoreResult};

/// ETS's code in a saved model's envelope.
pub const CODE: u16 = 3;

const PAYLOAD_VERSION: u8 = 1;

/// A fitted ETS model.
#[derive(Debug, Clone, PartialEq)]
pub struct EtsModel {
    pub form: Form,
    /// The series' frequency.
    pub m: usize,
    pub par: Values,
    /// R's `initstate`: `(l, b?, s_1..s_m)`.
    pub initial_states: Vec<f64>,
    /// The state after the last observation.
    pub final_state: Vec<f64>,
    pub fitted: Vec<f64>,
    pub residuals: Vec<f64>,
    pub criteria: Criteria,
    pub sigma2: f64,
    /// R's warnings on the way to the model.
    pub notes: Vec<&'static str>,
    /// R's special case of a constant series (label "Simple exponential smoothing").
    pub constant: bool,
}

impl EtsModel {
    /// The model of a selection over the series `y_len` values long.
    pub fn from_selected(sel: Selected, y_len: usize) -> EtsModel {
        let fit = sel.fit;
        let mut fitted = vec![f64::NAN; y_len];
        let mut residuals = vec![f64::NAN; y_len];
        fitted[sel.offset..sel.offset + fit.fitted.len()].copy_from_slice(&fit.fitted);
        residuals[sel.offset..sel.offset + fit.residuals.len()].copy_from_slice(&fit.residuals);
        EtsModel {
            form: fit.form,
            m: fit.m,
            par: fit.par,
            final_state: fit.last_state().to_vec(),
            initial_states: fit.initial_states,
            fitted,
            residuals,
            criteria: Criteria {
                log_likelihood: fit.loglik,
                aic: fit.aic,
                aicc: fit.aicc,
                bic: fit.bic,
            },
            sigma2: fit.sigma2,
            notes: sel.notes,
            constant: sel.constant,
        }
    }

    fn seasonal_m(&self) -> usize {
        if self.form.season == Component::None {
            1
        } else {
            self.m
        }
    }

    /// Decodes [`FittedModel::payload`].
    pub fn decode(payload: &[u8]) -> CoreResult<EtsModel> {
        let mut r = Reader::new(payload, "ETS model");
        let version = r.u8()?;
        if version != PAYLOAD_VERSION {
            return invalid(format!(
                "saved ETS model has version {version}; this library reads {PAYLOAD_VERSION}"
            ));
        }
        let comp = |c: u8| match c {
            0 => Some(Component::None),
            1 => Some(Component::Additive),
            2 => Some(Component::Multiplicative),
            _ => None,
        };
        let (e, t, s, damped) = (comp(r.u8()?), comp(r.u8()?), comp(r.u8()?), r.bool()?);
        let (Some(error), Some(trend), Some(season)) = (e, t, s) else {
            return invalid("saved ETS model is corrupt: an unknown component");
        };
        let form = Form {
            error,
            trend,
            damped,
            season,
        };
        let m = r.u64()? as usize;
        let opt = |v: f64| (!v.is_nan()).then_some(v);
        let par = Values {
            alpha: r.f64()?,
            beta: opt(r.f64()?),
            gamma: opt(r.f64()?),
            phi: opt(r.f64()?),
        };
        let (initial_states, final_state, fitted, residuals) = (r.f64s()?, r.f64s()?, r.f64s()?, r.f64s()?);
        let criteria = Criteria {
            log_likelihood: r.f64()?,
            aic: r.f64()?,
            aicc: r.f64()?,
            bic: r.f64()?,
        };
        let sigma2 = r.f64()?;
        let flags = r.u8()?;
        r.end()?;
        let mut notes = Vec::new();
        if flags & 1 != 0 {
            notes.push(MISSING_NOTE);
        }
        if flags & 2 != 0 {
            notes.push(HIGH_FREQUENCY_NOTE);
        }
        for (bit, note) in TINY_NOTES.iter().enumerate() {
            if flags & (8 << bit) != 0 {
                notes.push(*note);
            }
        }
        if flags > 127 {
            return invalid("saved ETS model is corrupt: unknown flags");
        }
        let constant = flags & 4 != 0;
        let model = EtsModel {
            form,
            m,
            par,
            initial_states,
            final_state,
            fitted,
            residuals,
            criteria,
            sigma2,
            notes,
            constant,
        };
        model.validate()?;
        Ok(model)
    }

    fn validate(&self) -> CoreResult<()> {
        let f = &self.form;
        let corrupt = |what: &str| invalid(format!("saved ETS model is corrupt: {what}"));
        // R's short-series fallback labels a given phi without a trend ETS(A,Nd,N).
        let short = self.notes.contains(&HOLT_WINTERS_NOTE);
        if f.error == Component::None
            || (f.damped && f.trend == Component::None && !short)
            || self.m == 0
            || self.m > 24 && f.season != Component::None
        {
            return corrupt("an impossible form");
        }
        let p = f.n_states(self.seasonal_m());
        if self.initial_states.len() != p || self.final_state.len() != p || self.fitted.len() != self.residuals.len() {
            return corrupt("its lengths do not match its form");
        }
        let v = &self.par;
        if v.beta.is_some() != (f.trend != Component::None)
            || v.gamma.is_some() != (f.season != Component::None)
            || v.phi.is_some() != f.damped
        {
            return corrupt("its parameters do not match its form");
        }
        // R's short-series fallback with an exponential level and no trend fits every value
        // by 0: its relative errors, and sigma2, are infinite (as R's).
        let infinite_ok = self.notes.contains(&HOLT_WINTERS_NOTE) && self.sigma2 == f64::INFINITY;
        let sigma2 = if infinite_ok { None } else { Some(self.sigma2) };
        let all = [Some(v.alpha), v.beta, v.gamma, v.phi, sigma2];
        if all
            .iter()
            .flatten()
            .chain(&self.final_state)
            .chain(&self.initial_states)
            .any(|x| !x.is_finite())
        {
            return corrupt("a parameter or state is not finite");
        }
        Ok(())
    }
}

impl FittedModel for EtsModel {
    fn code(&self) -> u16 {
        CODE
    }
    fn label(&self) -> String {
        if self.constant {
            "Simple exponential smoothing".to_string()
        } else {
            self.form.label()
        }
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        crate::engine::check_request(h, levels)?;
        let origin = Origin {
            form: &self.form,
            m: self.m,
            par: &self.par,
            state: &self.final_state,
            sigma2: self.sigma2,
        };
        match mean_var(&origin, h) {
            Ok(mv) => {
                let se: Vec<f64> = mv.var.iter().map(|v| v.max(0.0).sqrt()).collect();
                Ok(Forecast::normal(mv.mean, &se, levels))
            }
            // Forms whose intervals R simulates: R's point forecasts, simulated bounds.
            Err(_) => {
                let mut mean = vec![0.0; h];
                if !point_forecasts(
                    &self.final_state,
                    self.seasonal_m(),
                    &self.form,
                    self.par.phi.unwrap_or(1.0),
                    &mut mean,
                ) {
                    return invalid("ETS: the multiplicative damped trend has a negative growth; no forecast (as R)");
                }
                if levels.is_empty() {
                    return Ok(Forecast::points(mean, levels));
                }
                let (lower, upper) = simulated_bounds(&origin, h, levels)?;
                Ok(Forecast { mean, levels: levels.to_vec(), lower, upper, variance: None })
            }
        }
    }
    fn fitted(&self) -> Vec<f64> {
        self.fitted.clone()
    }
    fn residuals(&self) -> Vec<f64> {
        self.residuals.clone()
    }
    fn sigma2(&self) -> Option<f64> {
        Some(self.sigma2)
    }
    fn criteria(&self) -> Option<Criteria> {
        // R's constant-series and short-series models have no likelihood.
        (!self.constant && !self.notes.contains(&HOLT_WINTERS_NOTE)).then_some(self.criteria)
    }
    fn forward(&self, y: &[f64], _cancel: Option<&std::sync::atomic::AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        Ok(Box::new(EtsModel::forward(self, y)?))
    }
    fn payload(&self) -> Vec<u8> {
        let code = |c: Component| c as u8;
        let f = &self.form;
        let mut w = Writer::new();
        w.u8(PAYLOAD_VERSION)
            .u8(code(f.error))
            .u8(code(f.trend))
            .u8(code(f.season))
            .bool(f.damped);
        w.u64(self.m as u64);
        let v = &self.par;
        w.f64(v.alpha)
            .f64(v.beta.unwrap_or(f64::NAN))
            .f64(v.gamma.unwrap_or(f64::NAN))
            .f64(v.phi.unwrap_or(f64::NAN));
        w.f64s(&self.initial_states)
            .f64s(&self.final_state)
            .f64s(&self.fitted)
            .f64s(&self.residuals);
        let c = &self.criteria;
        w.f64(c.log_likelihood)
            .f64(c.aic)
            .f64(c.aicc)
            .f64(c.bic)
            .f64(self.sigma2);
        let mut flags =
            u8::from(self.notes.contains(&MISSING_NOTE)) | (u8::from(self.notes.contains(&HIGH_FREQUENCY_NOTE)) << 1);
        for (bit, note) in TINY_NOTES.iter().enumerate() {
            flags |= u8::from(self.notes.contains(note)) << (3 + bit);
        }
        w.u8(flags | (u8::from(self.constant) << 2));
        w.finish()
    }
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<Self>()
            + 8 * (self.initial_states.capacity()
                + self.final_state.capacity()
                + self.fitted.capacity()
                + self.residuals.capacity())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
