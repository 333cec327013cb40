//! R's `forecast::thetaf` (forecast 8.20), the text `theta[m]`: Hyndman and Billah's (2003)
//! form of the Theta method. With m > 1, a non-constant series of more than two seasons and an
//! autocorrelation at lag m above its 90% one-sided bound, the series is divided by R's
//! classical multiplicative `decompose` (unless an index is below 1e-4 in size); then SES by
//! MSE ([`super::ses_mse`]; for at most 6 values ets' own fallback, [`super::ses_small`]),
//! plus half the OLS slope as drift
//! (`b/2 * (j + (1 - (1 - alpha)^n) / alpha)`), re-seasonalised. Intervals: the SES forecast's
//! normal intervals with `se_j = sqrt(sigma2 (1 + (j - 1) alpha^2))`, not re-seasonalised.

use std::any::Any;

use super::{decompose, ses_mse, ses_small};
use crate::engine::bytes::{Reader, Writer};
use crate::engine::{FittedModel, Forecast};
use crate::error::{invalid, CoreResult};
use crate::stats::series;

/// `thetaf`'s code in a saved model's envelope.
pub const THETAF_CODE: u16 = 6;

const PAYLOAD_VERSION: u8 = 1;

/// A fitted `thetaf`.
#[derive(Debug, Clone, PartialEq)]
pub struct ThetafFit {
    period: usize,
    alpha: f64,
    /// Half the OLS slope of the (adjusted) series on time.
    drift: f64,
    level: f64,
    /// SES's initial level (not saved: it is the first fitted value of the adjusted series).
    initial_level: f64,
    sigma2: f64,
    n: usize,
    /// The seasonal index of future steps 1..=m (empty when not seasonal).
    season: Vec<f64>,
    fitted: Vec<f64>,
    residuals: Vec<f64>,
}

/// R's seasonality test in `thetaf`.
fn is_seasonal(y: &[f64], m: usize) -> bool {
    if m <= 1 || y.len() <= 2 * m || series::is_constant(y) {
        return false;
    }
    let r = decompose::acf(y, m);
    let se = ((1.0 + 2.0 * r[..m - 1].iter().map(|v| v * v).sum::<f64>()) / y.len() as f64).sqrt();
    r[m - 1].abs() / se > 1.6448536269514722
}

impl ThetafFit {
    /// Fits `thetaf` to `y` with seasonal period `m`: at least 2 values, none missing.
    pub fn fit(y: &[f64], m: usize) -> CoreResult<ThetafFit> {
        let (index, x) = adjust(y, m)?;
        let ses = if x.len() <= ses_small::LONGEST { ses_small::fit(&x, m) } else { ses_mse::fit(&x) };
        Ok(Self::assemble(y, m, &index, &x, ses))
    }

    /// This model over `y` with SES's alpha and initial level kept: the seasonal test, the
    /// decomposition and the drift (half the OLS slope) are those of `y`, as a fit of it would
    /// compute them (they describe the data; R's `thetaf` has no model to keep), and SES runs
    /// over the adjusted `y` from the kept level. The variance is that of the new pass.
    pub fn forward(&self, y: &[f64]) -> CoreResult<ThetafFit> {
        let (index, x) = adjust(y, self.period)?;
        let ses = if x.len() <= ses_small::LONGEST {
            ses_small::run(&x, self.alpha, self.initial_level)
        } else {
            ses_mse::run(&x, self.alpha, self.initial_level)
        };
        Ok(Self::assemble(y, self.period, &index, &x, ses))
    }

    fn assemble(y: &[f64], m: usize, index: &[f64], x: &[f64], ses: ses_mse::Ses) -> ThetafFit {
        let n = y.len();
        let drift = ols_slope(x) / 2.0;
        let alpha = ses.alpha.max(1e-10);
        let initial_level = ses.fitted[0];
        let fitted: Vec<f64> = if index.is_empty() { ses.fitted } else { ses.fitted.iter().zip(index).map(|(f, s)| f * s).collect() };
        let residuals = y.iter().zip(&fitted).map(|(v, f)| v - f).collect();
        let season = if index.is_empty() { Vec::new() } else { index[n - m..].to_vec() };
        ThetafFit { period: m, alpha, drift, level: ses.last, initial_level, sigma2: ses.sigma2, n, season, fitted, residuals }
    }

    /// SES's alpha (at least 1e-10) and the drift, half the OLS slope (R's `fc$model`).
    pub fn alpha_drift(&self) -> (f64, f64) {
        (self.alpha, self.drift)
    }

    /// Whether the series was seasonally adjusted.
    pub fn is_seasonal(&self) -> bool {
        !self.season.is_empty()
    }

    /// Decodes [`FittedModel::payload`], checking everything a fit would have produced.
    pub fn decode(payload: &[u8]) -> CoreResult<ThetafFit> {
        let mut r = Reader::new(payload, "theta model");
        let version = r.u8()?;
        if version != PAYLOAD_VERSION {
            return invalid(format!("saved theta model has version {version}; this library reads {PAYLOAD_VERSION}"));
        }
        let period = r.u64()? as usize;
        let (alpha, drift, level, sigma2) = (r.f64()?, r.f64()?, r.f64()?, r.f64()?);
        let n = r.u64()? as usize;
        let (season, fitted, residuals) = (r.f64s()?, r.f64s()?, r.f64s()?);
        r.end()?;
        let numbers_ok = [drift, level, sigma2].iter().chain(&season).all(|v| v.is_finite()) && sigma2 >= 0.0;
        let lengths_ok = n >= 2 && fitted.len() == n && residuals.len() == n && (season.is_empty() || season.len() == period);
        if period == 0 || !(1e-10..=1.0).contains(&alpha) || !numbers_ok || !lengths_ok {
            return invalid("saved theta model is corrupt: its numbers or lengths do not match a fit");
        }
        // The level SES started from: the first fitted value, divided by its season's index.
        let initial_level = if season.is_empty() { fitted[0] } else { fitted[0] / season[(period - n % period) % period] };
        if !initial_level.is_finite() {
            return invalid("saved theta model is corrupt: its first fitted value is not finite");
        }
        Ok(ThetafFit { period, alpha, drift, level, initial_level, sigma2, n, season, fitted, residuals })
    }
}

/// The checks on `y`, R's seasonal test and the multiplicative index of every observation
/// (empty when not seasonal), and the adjusted series.
pub(super) fn adjust(y: &[f64], m: usize) -> CoreResult<(Vec<f64>, Vec<f64>)> {
    series::refuse_infinite(y)?;
    if let Some(i) = y.iter().position(|v| v.is_nan()) {
        return invalid(format!("theta: y[{i}] is missing; thetaf needs every value"));
    }
    if y.len() < 2 {
        // R's thetaf stops in lsfit ("only 1 case, but 2 variables"): its drift is a slope.
        return invalid(format!("theta: y has {} value(s); thetaf needs at least 2 (its drift is a least-squares slope)", y.len()));
    }
    let index = if is_seasonal(y, m) { decompose::seasonal(y, m, true) } else { Vec::new() };
    // R warns and goes on without the seasonal part when an index is near zero.
    let index = if index.iter().any(|s| s.abs() < 1e-4) { Vec::new() } else { index };
    let x: Vec<f64> = if index.is_empty() { y.to_vec() } else { y.iter().zip(&index).map(|(v, s)| v / s).collect() };
    Ok((index, x))
}

/// The slope of the least-squares line through (t, x_t), t = 0..n-1 (R's `lsfit`).
fn ols_slope(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let t_mean = (n - 1.0) / 2.0;
    let x_mean = x.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (t, v) in x.iter().enumerate() {
        let dt = t as f64 - t_mean;
        sxy += dt * (v - x_mean);
        sxx += dt * dt;
    }
    sxy / sxx
}

impl FittedModel for ThetafFit {
    fn code(&self) -> u16 {
        THETAF_CODE
    }
    fn label(&self) -> String {
        "Theta".into()
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        crate::engine::check_request(h, levels)?;
        let a = self.alpha;
        let catch_up = (1.0 - (1.0 - a).powf(self.n as f64)) / a;
        let mean = (0..h)
            .map(|j| {
                let f = self.level + self.drift * (j as f64 + catch_up);
                if self.season.is_empty() { f } else { f * self.season[j % self.season.len()] }
            })
            .collect();
        let se: Vec<f64> = (0..h).map(|j| self.sigma2.sqrt() * (j as f64 * a * a + 1.0).sqrt()).collect();
        Ok(Forecast::normal(mean, &se, levels))
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
    fn forward(&self, y: &[f64], _cancel: Option<&std::sync::atomic::AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        Ok(Box::new(ThetafFit::forward(self, y)?))
    }
    fn payload(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(PAYLOAD_VERSION).u64(self.period as u64).f64(self.alpha).f64(self.drift).f64(self.level).f64(self.sigma2);
        w.u64(self.n as u64).f64s(&self.season).f64s(&self.fitted).f64s(&self.residuals);
        w.finish()
    }
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<Self>() + 8 * (self.season.capacity() + self.fitted.capacity() + self.residuals.capacity())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
