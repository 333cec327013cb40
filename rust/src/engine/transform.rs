//! Box-Cox around any family, as R's forecast functions take `lambda` and `biasadj`: the
//! series is transformed, the family fits the transformed series, and forecasts, intervals
//! and fitted values are transformed back. Residuals stay on the transformed scale, as in R.
//!
//! With `biasadj` the point forecasts are adjusted by `InvBoxCox(fc, lambda, TRUE, fvar)`
//! where `fvar` is the family's forecast variance (`se^2`, as `forecast.lagwalk` and
//! `forecast.Arima` pass it) or, for a family without one, the variance read off the widest
//! interval asked for (as `meanf` passes its intervals). Fitted values are adjusted with the
//! variance the family's R function passes ([`FittedModel::fitted_bias_variance`]).
//!
//! Where R's `BoxCox` would silently make a value missing or infinite (a value <= 0 when
//! lambda <= 0), the fit is refused, naming the value.

use std::any::Any;
use std::sync::atomic::AtomicBool;

use super::bytes::{Reader, Writer};
use super::envelope;
use super::fitted::{Criteria, FittedModel};
use super::forecast::Forecast;
use super::text::Call;
use crate::stats::boxcox::{box_cox_for_fit, box_cox_lambda_guerrero, inv_box_cox, inv_box_cox_bias_adjusted, model_lambda};
use crate::error::{invalid, CoreResult};

/// The code of a transformed model in the envelope (wrappers count down from 0xFFFF, families
/// up from 1).
pub const CODE: u16 = 0xFFFF;

pub use crate::stats::boxcox::{LOG_THRESHOLD, MAX_ABS_LAMBDA};

/// The lambda of a transform: fixed, or chosen per series by Guerrero's method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lambda {
    Fixed(f64),
    /// R's `lambda = "auto"`: `BoxCox(x, "auto")` calls `BoxCox.lambda(x, lower = -0.9)`,
    /// Guerrero's method on [-0.9, 2] (the lower bound raised to 0 when a value is <= 0; 1
    /// for a series of at most two periods). R reads the period off the series (its
    /// `frequency`); here it is the family's period, 1 for the non-seasonal families.
    Auto,
}

/// A Box-Cox transform to put around a family's fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxCox {
    pub lambda: Lambda,
    pub biasadj: bool,
}

impl BoxCox {
    /// Takes `lambda=` and `biasadj=` from a spec text's call; `None` without a lambda.
    pub fn take_from(call: &mut Call) -> CoreResult<Option<BoxCox>> {
        let biasadj = match call.take("biasadj") {
            Some(arg) => Some(arg.flag("biasadj")?),
            None => None,
        };
        let lambda = match call.take("lambda") {
            Some(arg) if arg.value.eq_ignore_ascii_case("auto") => Lambda::Auto,
            Some(arg) => Lambda::Fixed(check_lambda(arg.number("lambda")?)?),
            None if biasadj == Some(true) => return invalid(format!("at position {}: biasadj needs a lambda", call.at)),
            None => return Ok(None),
        };
        Ok(Some(BoxCox { lambda, biasadj: biasadj.unwrap_or(false) }))
    }

    /// The text arguments that [`take_from`](Self::take_from) reads back.
    pub fn text_args(&self) -> String {
        let lambda = match self.lambda {
            Lambda::Fixed(l) => format!("lambda={l}"),
            Lambda::Auto => "lambda=auto".to_string(),
        };
        if self.biasadj {
            format!("{lambda},biasadj=true")
        } else {
            lambda
        }
    }

    /// Transforms `y`, fits it with `fit_inner` and wraps the result. `period` is the series'
    /// seasonal period for Guerrero's method.
    pub fn fit(
        &self,
        y: &[f64],
        period: usize,
        fit_inner: impl FnOnce(&[f64]) -> CoreResult<Box<dyn FittedModel>>,
    ) -> CoreResult<Box<dyn FittedModel>> {
        let lambda = match self.lambda {
            Lambda::Fixed(l) => l,
            Lambda::Auto => box_cox_lambda_guerrero(y, period.max(1), -0.9, 2.0)?,
        };
        let lambda = model_lambda(lambda)?;
        let z = box_cox_for_fit(y, lambda)?;
        let inner = fit_inner(&z)?;
        Ok(Box::new(Transformed { lambda, biasadj: self.biasadj, inner }))
    }
}

/// `InvBoxCox(fvar = list(level, upper, lower))`: the variance behind the widest interval,
/// `((upper - lower) / qnorm(mean(c(level, 1))) / 2)^2` (a normal reading, whatever the
/// family's interval is made of).
fn widest_interval_variance(f: &Forecast) -> Vec<f64> {
    let widest = f.levels.iter().copied().fold(f64::NAN, f64::max);
    let k = f.levels.iter().position(|&l| l == widest).expect("a bias adjustment asks for a level");
    let z = -crate::numerics::distributions::qnorm(0.5 * (1.0 - widest));
    f.upper[k].iter().zip(&f.lower[k]).map(|(u, l)| ((u - l) / z / 2.0).powi(2)).collect()
}

fn check_lambda(lambda: f64) -> CoreResult<f64> {
    model_lambda(lambda).map(|_| lambda)
}

/// A family's model fitted on Box-Cox transformed data.
#[derive(Debug)]
pub struct Transformed {
    lambda: f64,
    biasadj: bool,
    inner: Box<dyn FittedModel>,
}

impl Transformed {
    /// The lambda the series was transformed with (Guerrero's choice for `lambda=auto`).
    pub fn lambda(&self) -> f64 {
        self.lambda
    }

    /// Decodes [`FittedModel::payload`]; `decode_inner` decodes the wrapped model's envelope.
    pub fn decode(
        payload: &[u8],
        decode_inner: impl FnOnce(&[u8]) -> CoreResult<Box<dyn FittedModel>>,
    ) -> CoreResult<Transformed> {
        let mut r = Reader::new(payload, "Box-Cox model");
        let lambda = r.f64()?;
        let biasadj = r.bool()?;
        let inner = decode_inner(r.bytes()?)?;
        r.end()?;
        if !lambda.is_finite() || lambda.abs() > MAX_ABS_LAMBDA {
            return invalid(format!("saved Box-Cox model has an invalid lambda {lambda}"));
        }
        Ok(Transformed { lambda, biasadj, inner })
    }

    fn bias_adjusted(&self, z: &[f64], fvar: &[f64]) -> CoreResult<Vec<f64>> {
        let mut out = vec![0.0; z.len()];
        inv_box_cox_bias_adjusted(z, self.lambda, fvar, &mut out)?;
        Ok(out)
    }

    fn back(&self, z: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; z.len()];
        inv_box_cox(z, self.lambda, &mut out).expect("lambda is finite and the lengths match");
        out
    }
}

impl FittedModel for Transformed {
    fn code(&self) -> u16 {
        CODE
    }
    fn label(&self) -> String {
        self.inner.label()
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        self.forecast_xreg(h, levels, &[])
    }
    fn regressor_names(&self) -> Vec<String> {
        self.inner.regressor_names()
    }
    fn forecast_xreg(&self, h: usize, levels: &[f64], future: &[Vec<f64>]) -> CoreResult<Forecast> {
        // The bias adjustment needs an interval to read the forecast variance from: R's
        // forecast functions use the widest level asked for (95% by default).
        let widest = levels.iter().copied().fold(f64::NAN, f64::max);
        let asked = if self.biasadj && widest.is_nan() { vec![0.95] } else { levels.to_vec() };
        let on_scale = self.inner.forecast_xreg(h, &asked, future)?;
        let mean = match (self.biasadj, on_scale.variance.as_deref()) {
            (false, _) => self.back(&on_scale.mean),
            (true, Some(fvar)) => self.bias_adjusted(&on_scale.mean, fvar)?,
            (true, None) => self.bias_adjusted(&on_scale.mean, &widest_interval_variance(&on_scale))?,
        };
        let n = levels.len();
        Ok(Forecast {
            mean,
            levels: levels.to_vec(),
            lower: on_scale.lower[..n].iter().map(|b| self.back(b)).collect(),
            upper: on_scale.upper[..n].iter().map(|b| self.back(b)).collect(),
            variance: None,
        })
    }
    fn fitted(&self) -> Vec<f64> {
        let z = self.inner.fitted();
        match (self.biasadj, self.inner.fitted_bias_variance()) {
            (true, Some(var)) => self.bias_adjusted(&z, &vec![var; z.len()]).expect("lengths match"),
            _ => self.back(&z),
        }
    }
    fn forward(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        let z = box_cox_for_fit(y, self.lambda)?;
        let inner = self.inner.forward(&z, cancel)?;
        Ok(Box::new(Transformed { lambda: self.lambda, biasadj: self.biasadj, inner }))
    }
    fn residuals(&self) -> Vec<f64> {
        self.inner.residuals()
    }
    fn sigma2(&self) -> Option<f64> {
        self.inner.sigma2()
    }
    fn criteria(&self) -> Option<Criteria> {
        self.inner.criteria()
    }
    fn payload(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.f64(self.lambda).bool(self.biasadj).bytes(&envelope::wrap(self.inner.as_ref()));
        w.finish()
    }
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<Self>() + self.inner.heap_bytes()
    }
    fn inner(&self) -> Option<&dyn FittedModel> {
        Some(self.inner.as_ref())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
