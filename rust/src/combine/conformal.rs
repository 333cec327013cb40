//! `conformal(spec; h = 12, windows = 3)`: the member's forecasts with conformal prediction
//! intervals from its cross-validation errors, as statsforecast's `ConformalIntervals(h,
//! n_windows)`: `windows` windows of `h` steps, `h` apart, ending with the series, give the
//! absolute errors `|forecast - actual|` of every window and step; at step i the bounds of
//! level L are the `(1 - L) / 2` and `(1 + L) / 2` quantiles (numpy's linear rule) of
//! `{mean_i - e, mean_i + e}` over those errors e of step i. As statsforecast 2.1, a short
//! series uses as many windows as fit (`min(windows, (n - 1) / h)`), and needs at least two,
//! so `2 * h + 1` values. The model forecasts at most `h` steps.

use std::any::Any;
use std::sync::atomic::AtomicBool;

use super::{read_member, DecodeMember, CONFORMAL_CODE};
use crate::cv::run::evaluate;
use crate::cv::{Refit, Settings};
use crate::engine::bytes::{Reader, Writer};
use crate::engine::{check_request, envelope, Criteria, FittedModel, Forecast, Spec, MAX_HORIZON};
use crate::error::{invalid, CoreResult};

/// The most calibration windows (a bound on what crafted bytes can ask for).
pub const MAX_WINDOWS: usize = 10_000;

/// A spec with conformal intervals.
#[derive(Debug, Clone, PartialEq)]
pub struct Conformal<S> {
    pub member: Box<S>,
    pub h: usize,
    pub windows: usize,
}

impl<S: Spec> Conformal<S> {
    pub fn fit(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        let h = self.h;
        let windows = self.windows.min(y.len().saturating_sub(1) / h);
        if windows < 2 {
            return invalid(format!(
                "conformal: the series has {} observations: two calibration windows of h = {h} need at least 2 * h + 1 = {}",
                y.len(),
                2usize.saturating_mul(h).saturating_add(1)
            ));
        }
        let settings = Settings { h, step: h, windows, input_size: None, refit: Refit::Every(1), levels: vec![], period: 1 };
        let cv = evaluate(&[self.member.as_ref() as &dyn Spec], y, &settings, cancel)?;
        let model = &cv.models[0];
        if let Some(e) = model.errors.iter().flatten().next() {
            return invalid(format!("conformal: a calibration window failed: {e}"));
        }
        let mut errors = Vec::with_capacity(windows * h);
        for (w, window) in cv.windows.iter().enumerate() {
            errors.extend((0..h).map(|i| (model.values[w * h + i] - y[window.end + i]).abs()));
        }
        let inner = self.member.fit(y, cancel)?;
        Ok(Box::new(ConformalFit { inner, h, errors }))
    }
}

/// A member's model with its calibration errors.
#[derive(Debug)]
pub struct ConformalFit {
    inner: Box<dyn FittedModel>,
    h: usize,
    /// Window w's absolute error at step i at `w * h + i`.
    errors: Vec<f64>,
}

impl ConformalFit {
    /// Decodes [`FittedModel::payload`].
    pub fn decode(payload: &[u8], decode: DecodeMember<'_>) -> CoreResult<ConformalFit> {
        let mut r = Reader::new(payload, "conformal model");
        let h = r.u64()? as usize;
        let errors = r.f64s()?;
        let inner = read_member(&mut r, decode)?;
        r.end()?;
        if h == 0 || h > MAX_HORIZON || errors.is_empty() || errors.len() % h != 0 || errors.len() / h > MAX_WINDOWS {
            return invalid("saved conformal model is corrupt: its errors do not match its horizon");
        }
        if errors.iter().any(|e| e.is_nan() || *e < 0.0 || e.is_infinite()) {
            return invalid("saved conformal model is corrupt: an error that is not finite and >= 0");
        }
        Ok(ConformalFit { inner, h, errors })
    }
}

/// numpy's default (linear) quantile of sorted values.
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let at = p * (sorted.len() - 1) as f64;
    let (lo, frac) = (at.floor() as usize, at - at.floor());
    match sorted.get(lo + 1) {
        Some(next) if frac > 0.0 => sorted[lo] + frac * (next - sorted[lo]),
        _ => sorted[lo],
    }
}

impl FittedModel for ConformalFit {
    fn code(&self) -> u16 {
        CONFORMAL_CODE
    }
    fn label(&self) -> String {
        self.inner.label()
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        check_request(h, levels)?;
        if h > self.h {
            return invalid(format!("h must be at most {}, the horizon the conformal intervals were calibrated for; got {h}", self.h));
        }
        let mean = self.inner.forecast(h, &[])?.mean;
        let windows = self.errors.len() / self.h;
        let scores: Vec<Vec<f64>> = (0..h)
            .map(|i| {
                let mut s: Vec<f64> = (0..windows)
                    .flat_map(|w| [mean[i] - self.errors[w * self.h + i], mean[i] + self.errors[w * self.h + i]])
                    .collect();
                s.sort_by(f64::total_cmp);
                s
            })
            .collect();
        let bound = |p: f64| scores.iter().map(|s| if s.iter().any(|v| v.is_nan()) { f64::NAN } else { quantile(s, p) }).collect();
        Ok(Forecast {
            levels: levels.to_vec(),
            lower: levels.iter().map(|l| bound((1.0 - l) / 2.0)).collect(),
            upper: levels.iter().map(|l| bound((1.0 + l) / 2.0)).collect(),
            mean,
            variance: None,
        })
    }
    fn fitted(&self) -> Vec<f64> {
        self.inner.fitted()
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
    fn forward(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        // The calibration errors are part of the fitted model: carried over unchanged.
        Ok(Box::new(ConformalFit { inner: self.inner.forward(y, cancel)?, h: self.h, errors: self.errors.clone() }))
    }
    fn payload(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u64(self.h as u64).f64s(&self.errors).bytes(&envelope::wrap(self.inner.as_ref()));
        w.finish()
    }
    fn heap_bytes(&self) -> usize {
        self.inner.heap_bytes() + 8 * self.errors.len()
    }
    fn inner(&self) -> Option<&dyn FittedModel> {
        Some(self.inner.as_ref())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
